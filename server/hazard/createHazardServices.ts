import type { FastifyInstance } from 'fastify';
import { resolveHazardSettings, type HazardSettings } from '../../shared/hazard/settings';
import type { Plant } from '../../shared/plant/schema';
import type { RobotFinding } from '../../shared/robots/model';
import type { Clock } from '../../shared/util/clock';
import type { ServerContext } from '../context';
import type { CommandEngine } from '../engine/CommandEngine';
import type { CommandHandlers } from '../engine/CommandService';
import type { TickStage } from '../engine/PlantRuntime';
import { hazardCommandHandlers } from './hazardCommands';
import { registerHazardRoutes } from './hazardRoutes';
import { HazardService, type PersonLookup } from './HazardService';
import { HazardStage } from './HazardStage';

export interface HazardServicesDeps {
  plant: Plant;
  engine: CommandEngine;
  clock: Clock;
  /** The personnel registry (PeopleService.registry): assignees and plan owners must be in it. */
  people: PersonLookup;
  /** Overrides of the defaults (shared/hazard/settings.ts). */
  settings?: Partial<HazardSettings>;
  /** Start of the server (gas detectors are timed from here until their first sample). */
  startTime: number;
}

export interface HazardServices {
  service: HazardService;
  /** Runs after the robots stage and before the alarm stage. */
  stage: TickStage;
  commandHandlers: CommandHandlers;
  /** Robot findings become reported hazards on the next tick (give this to the robots as `onFinding`). */
  enqueueFinding(f: RobotFinding): void;
  /** REST routes, once the context exists. */
  attach(app: FastifyInstance, ctx: ServerContext): void;
  close(): void;
}

/**
 * Hidden-hazard work orders and inspection plans for the plant server in one call
 * (docs/hazards.md): build it after the engine and the people services, put `stage` before the
 * alarm stage, spread `commandHandlers` into the CommandService, wire `enqueueFinding` as the
 * robots' `onFinding`, and `attach` with the other routes.
 */
export function createHazardServices(d: HazardServicesDeps): HazardServices {
  const service = new HazardService({ plant: d.plant, engine: d.engine, clock: d.clock, people: d.people, settings: resolveHazardSettings(d.settings) });
  const stage = new HazardStage(service, d.plant.tags, d.startTime);
  return {
    service,
    stage,
    commandHandlers: hazardCommandHandlers(service),
    enqueueFinding: (f) => stage.enqueueFinding(f),
    attach: (app, ctx) => registerHazardRoutes(app, ctx, service),
    close: () => service.index.close(),
  };
}
