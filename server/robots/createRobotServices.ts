import type { FastifyInstance } from 'fastify';
import type { Server } from 'socket.io';
import { ServerEvents } from '../../shared/protocol/messages';
import type { Plant } from '../../shared/plant/schema';
import type { RobotFinding } from '../../shared/robots/model';
import type { Clock } from '../../shared/util/clock';
import type { ServerContext } from '../context';
import type { CommandHandlers } from '../engine/CommandService';
import type { CommandEngine } from '../engine/CommandEngine';
import type { TickStage } from '../engine/PlantRuntime';
import type { PlantSimulator } from '../sim/types';
import { isCongested } from '../transport/socketCongestion';
import type { LatestValues } from './PlantSensors';
import { RobotService, type RobotsOut } from './RobotService';
import { registerRobotRoutes } from './robotRoutes';
import { RobotTrackStore, type RobotTrackStoreOptions } from './RobotTrackStore';
import { SqliteRobotTrackRepo } from './SqliteRobotTrackRepo';
import { routeRobotInjections } from './routeInjections';

export interface RobotServicesDeps {
  plant: Plant;
  engine: CommandEngine;
  clock: Clock;
  latest: LatestValues;
  simSeed: number;
  startTime: number;
  /** Each new finding, after its `robot.finding` event (HazardService.enqueueFinding). */
  onFinding?: (f: RobotFinding) => void;
  /** The server's data folder: robot tracks are recorded in its vigil.db (absent: not recorded). */
  dataDir?: string;
  /** Days tracks are kept (the server's `--retention-days`), unless `tracks.retentionMs` says otherwise. */
  retentionDays?: number | undefined;
  /** Track store settings; false = not recorded. */
  tracks?: Partial<RobotTrackStoreOptions> | false;
}

export interface RobotServices {
  service: RobotService;
  /** Each robot's recorded statuses (replay frames read them); null when not recorded or the plant has no robots. */
  track: RobotTrackStore | null;
  /** Runs before the alarm stage. */
  stage: TickStage;
  /** The simulator with `hot_spot` and `robot_fault` routed to the robot simulator; compose over the people routing. */
  routeInjections(sim: PlantSimulator): PlantSimulator;
  /** `robot.goto`. */
  commandHandlers: CommandHandlers;
  /** Sends the robots lane when due (once a second); call with the telemetry fan-out. */
  publish(): void;
  /** REST routes and the lane's output: the consoles in `subscribers()` (the positions hub's). */
  attach(app: FastifyInstance, ctx: ServerContext, io: Server, subscribers: () => Iterable<string>): void;
  /** Where findings go when the hazard service is built after this bundle. */
  setFindingSink(sink: ((f: RobotFinding) => void) | undefined): void;
  /** Seals and writes the robot tracks (server shutdown). */
  close(): void;
}

/**
 * Inspection robots for the plant server in one call (docs/robots.md): build it after the
 * engine and the latest-values table, put `stage` before the alarm stage, wrap the injection
 * routing with `routeInjections`, spread `commandHandlers` into the CommandService, call
 * `publish()` with the telemetry fan-out and `attach` once the routes are registered.
 */
export function createRobotServices(d: RobotServicesDeps): RobotServices {
  const ids = d.plant.robots?.robots.map((r) => r.id) ?? [];
  let track: RobotTrackStore | null = null;
  if (d.dataDir !== undefined && d.tracks !== false && ids.length > 0) {
    const o = { ...(d.retentionDays !== undefined ? { retentionMs: d.retentionDays * 86_400_000 } : {}), ...d.tracks };
    track = new RobotTrackStore(SqliteRobotTrackRepo.open(d.dataDir), ids, o);
  }
  const service = new RobotService({ ...d, track });
  let out: RobotsOut | null = null;
  return {
    service,
    track,
    stage: service.stage,
    routeInjections: (sim) => routeRobotInjections(sim, service.sim),
    commandHandlers: { 'robot.goto': (p) => service.goto(p.robotId, p.checkpoint) },
    publish: () => service.publish(out),
    attach: (app, ctx, io, subscribers) => {
      registerRobotRoutes(app, ctx, service);
      out = {
        subscribers,
        send: (ids, message) => io.to(ids as string[]).emit(ServerEvents.robots, message),
        congested: (id) => {
          const s = io.sockets.sockets.get(id);
          return !s || isCongested(s);
        },
      };
    },
    setFindingSink: (sink) => service.setFindingSink(sink),
    close: () => track?.close(),
  };
}
