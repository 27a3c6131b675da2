import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Plant } from '../../shared/plant/schema';
import type { Clock } from '../../shared/util/clock';
import type { ServerContext } from '../context';
import type { CommandEngine } from '../engine/CommandEngine';
import type { CommandHandlers } from '../engine/CommandService';
import type { TickStage } from '../engine/PlantRuntime';
import { incidentCommandHandlers } from './incidentCommands';
import { registerIncidentRoutes } from './incidentRoutes';
import { IncidentService, type PersonLookup } from './IncidentService';
import { IncidentStage } from './IncidentStage';
import { loadPlans } from './loadPlans';
import { SnapshotStore } from './SnapshotStore';
import { Quality } from '../../shared/plant/band';

/** A tag's latest value when its quality is good or uncertain, else null. */
function latestValue(l: { readonly values: Float64Array; readonly quality: Uint8Array }, i: number): number | null {
  const q = l.quality[i];
  const v = l.values[i];
  return (q === Quality.Good || q === Quality.Uncertain) && v !== undefined && Number.isFinite(v) ? v : null;
}

export interface IncidentServicesDeps {
  plant: Plant;
  engine: CommandEngine;
  clock: Clock;
  /** The personnel registry (PeopleService.registry). */
  people: PersonLookup;
  /** `resources/plans` of the app root. */
  plansDir: string;
  dataDir: string;
  /** The latest-values table (LatestTable): rates are estimated from detector readings. */
  latest: { readonly values: Float64Array; readonly quality: Uint8Array };
}

export interface IncidentServices {
  service: IncidentService;
  /** Runs after the alarm stage. */
  stage: TickStage;
  commandHandlers: CommandHandlers;
  attach(app: FastifyInstance, ctx: ServerContext): void;
  close(): void;
}

/**
 * Incident command for the plant server in one call (docs/incidents.md): loads and validates
 * the emergency plans (throws naming the file and path of every problem), builds the service and
 * its tick stage (fed by an engine listener on alarm activations), the command handlers and the
 * REST routes. Put `stage` after the alarm stage; spread `commandHandlers`; `attach` with the routes.
 */
export function createIncidentServices(d: IncidentServicesDeps): IncidentServices {
  const { plans } = loadPlans(d.plansDir);
  const service = new IncidentService({ plant: d.plant, engine: d.engine, clock: d.clock, rules: d.plant.incidentRules ?? null, plans, people: d.people, latestValue: (i) => latestValue(d.latest, i) });
  const stage = new IncidentStage(service);
  const detach = d.engine.onEvent((e) => stage.observe(e));
  const snapshots = new SnapshotStore(path.join(d.dataDir, 'incident-snapshots'));
  return {
    service,
    stage,
    commandHandlers: incidentCommandHandlers(service),
    attach: (app, ctx) => registerIncidentRoutes(app, ctx, service, snapshots),
    close: () => {
      detach();
      service.index.close();
    },
  };
}
