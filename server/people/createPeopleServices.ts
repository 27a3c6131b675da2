import type { FastifyInstance } from 'fastify';
import type { Server } from 'socket.io';
import type { PeopleFile } from '../../shared/people/registry';
import type { Plant } from '../../shared/plant/schema';
import type { Clock } from '../../shared/util/clock';
import type { ServerContext } from '../context';
import type { CommandEngine } from '../engine/CommandEngine';
import type { TickStage } from '../engine/PlantRuntime';
import type { PlantSimulator } from '../sim/types';
import type { ExternalAlarmSink } from './peopleAlarms';
import { PeopleService, type PeopleSource } from './PeopleService';
import { registerPositionRoutes } from './positionRoutes';
import type { PositionStoreOptions } from './PositionStore';
import { renderRtlsMetrics } from './rtlsMetrics';
import { RtlsMqttIngest, type RtlsMqttConfig } from './RtlsMqtt';
import { registerPeopleRoutes } from './peopleRoutes';
import type { PositionsOut } from './PositionsHub';
import { attachPositionsSocket, socketPositionsOut } from './positionsSocket';
import { routeInjections } from './routeInjections';
import { ensureRtlsToken, registerRtlsRoutes } from './rtlsRoutes';

/** People options of `createPlantServer` (docs/people.md). */
export interface PeopleOptions {
  /** Where positions come from: the people simulator (default) or only the RTLS feed. */
  source?: PeopleSource;
  /** Also take RTLS fixes from an MQTT broker. */
  mqtt?: RtlsMqttConfig;
  /** Position history store settings (retention defaults to `retentionDays`); false = memory only. */
  positions?: Partial<PositionStoreOptions> | false;
}

export interface PeopleServicesDeps {
  plant: Plant;
  /** The plant folder's people.json (LoadedPlant.people). */
  seed?: PeopleFile;
  dataDir: string;
  engine: CommandEngine;
  clock: Clock;
  /** The alarm engine (people alarms are raised through setExternal). */
  alarms: ExternalAlarmSink;
  source: PeopleSource;
  simSeed: number;
  startTime: number;
  options?: PeopleOptions | undefined;
  /** Days positions are kept (the server's `--retention-days`), unless `options.positions.retentionMs` says otherwise. */
  retentionDays?: number | undefined;
}

export interface PeopleServices {
  service: PeopleService;
  /** Runs before the alarm stage. */
  stage: TickStage;
  /** The plant simulator with person injections routed to the people simulator (give it to the InjectionService). */
  routeInjections(sim: PlantSimulator): PlantSimulator;
  /** Sends the tick's positions frame; call with the telemetry fan-out, after the tick's events. */
  publish(): void;
  /** REST routes, the RTLS feed and `subscribe.positions`, once the context and socket.io exist. */
  attach(app: FastifyInstance, ctx: ServerContext, io: Server): void;
  /** Path of the RTLS gateway's token file. */
  rtlsTokenFile: string;
  /** The MQTT feed, when configured. */
  mqtt: RtlsMqttIngest | null;
  /** Stops the MQTT feed and the positions lane, seals and writes the position history. */
  detach(): void;
}

/**
 * People safety for the plant server in one call (docs/people.md): build it after the alarm
 * engine, put `stage` before the alarm stage, hand `routeInjections(sim)` to the
 * InjectionService, call `publish()` with the telemetry fan-out and `attach` once the routes
 * are registered.
 */
export function createPeopleServices(d: PeopleServicesDeps): PeopleServices {
  let target: PositionsOut | null = null;
  const out: PositionsOut = {
    send: (ids, frame) => target?.send(ids, frame),
    congested: (id) => target?.congested(id) ?? true,
  };
  const o = d.options ?? {};
  const positions = o.positions === false ? false : { ...(d.retentionDays !== undefined ? { retentionMs: d.retentionDays * 86_400_000 } : {}), ...o.positions };
  const service = new PeopleService({ plant: d.plant, ...(d.seed ? { seed: d.seed } : {}), dataDir: d.dataDir, engine: d.engine, clock: d.clock, alarms: d.alarms, out, source: d.source, simSeed: d.simSeed, startTime: d.startTime, positions });
  const mqtt = o.mqtt ? new RtlsMqttIngest(o.mqtt, (fixes) => service.ingestRtls(fixes, 'mqtt'), () => d.clock.now()) : null;
  const token = ensureRtlsToken(d.dataDir);
  let detachSocket: (() => void) | null = null;
  return {
    service,
    stage: service.stage,
    routeInjections: (sim) => routeInjections(sim, service.sim),
    publish: () => service.publish(),
    attach: (app, ctx, io) => {
      target = socketPositionsOut(io);
      registerPeopleRoutes(app, ctx, service);
      registerRtlsRoutes(app, ctx, service, token.hash, () => mqtt?.status() ?? null);
      registerPositionRoutes(app, ctx, service);
      ctx.metrics.sections.push(() => renderRtlsMetrics(service, mqtt));
      detachSocket = attachPositionsSocket(io, service.hub, ctx.metrics, () => d.clock.now());
      mqtt?.start();
    },
    rtlsTokenFile: token.file,
    mqtt,
    detach: () => {
      void mqtt?.stop();
      detachSocket?.();
      service.close();
    },
  };
}
