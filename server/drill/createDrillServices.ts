import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { EmergencyPlan } from '../../shared/incident/plan';
import type { LocalText } from '../../shared/plant/primitives';
import type { Plant } from '../../shared/plant/schema';
import type { Clock } from '../../shared/util/clock';
import type { ServerContext } from '../context';
import type { CommandEngine } from '../engine/CommandEngine';
import type { CommandHandlers } from '../engine/CommandService';
import type { InjectionService } from '../engine/InjectionService';
import type { TickStage } from '../engine/PlantRuntime';
import { DrillService } from './DrillService';
import { registerDrillRoutes } from './drillRoutes';
import { ScenarioCatalog } from './ScenarioCatalog';

export interface DrillServicesDeps {
  plant: Plant;
  engine: CommandEngine;
  clock: Clock;
  injections: InjectionService;
  setWind(w: { speedMS: number; fromDeg: number } | null): void;
  /** Scenario folder; default `<app root>/resources/scenarios`. */
  scenariosDir: string;
  people: readonly string[];
  plans: readonly EmergencyPlan[];
}

export interface DrillServices {
  service: DrillService;
  /** Put first: a step's injection then reaches this tick's alarm stage via the next sample. */
  stage: TickStage;
  commandHandlers: CommandHandlers;
  attach(app: FastifyInstance, ctx: ServerContext): void;
}

/** Drills for the plant server in one call (docs/drills.md). */
export function createDrillServices(d: DrillServicesDeps): DrillServices {
  const catalog = new ScenarioCatalog(d.scenariosDir, { plant: d.plant, people: d.people, robots: d.plant.robots?.robots.map((r) => r.id) ?? [], plans: d.plans });
  const stepLabels = new Map<string, LocalText>();
  for (const p of d.plans) for (const s of p.steps) if (!stepLabels.has(s.id)) stepLabels.set(s.id, s.text);
  const service = new DrillService({ engine: d.engine, clock: d.clock, injections: d.injections, setWind: d.setWind, catalog, stepLabels });
  return {
    service,
    stage: service.stage,
    commandHandlers: {
      'drill.start': (p, user) => service.start(p, user),
      'drill.pause': (p, user) => service.pause(p, user),
      'drill.resume': (p, user) => service.resume(p, user),
      'drill.stop': (p, user) => service.stop(p, user),
    },
    attach: (app, ctx) => registerDrillRoutes(app, ctx, service),
  };
}

export const defaultScenariosDir = (root: string): string => path.join(root, 'resources', 'scenarios');
