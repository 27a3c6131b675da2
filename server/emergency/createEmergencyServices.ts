import type { FastifyInstance } from 'fastify';
import type { Plant } from '../../shared/plant/schema';
import type { ChemicalThreat } from '../../shared/plume/threatLevels';
import type { Clock } from '../../shared/util/clock';
import type { ServerContext } from '../context';
import type { CommandEngine } from '../engine/CommandEngine';
import type { CommandHandlers } from '../engine/CommandService';
import type { TickStage } from '../engine/PlantRuntime';
import type { PeopleService } from '../people/PeopleService';
import { registerEmergencyRoutes } from './emergencyRoutes';
import { EmergencyService } from './EmergencyService';

export interface EmergencyServices {
  service: EmergencyService;
  /** Put after the incident stage (it reads the incidents that stage opened). */
  stage: TickStage;
  /** incident.evacuate, dispatch.create, dispatch.cancel, resource.restock. */
  commandHandlers: CommandHandlers;
  attach(app: FastifyInstance, ctx: ServerContext): void;
}

/**
 * Threat zones, people at risk, evacuation and muster, resources and dispatch in one call
 * (docs/incidents.md, "Threat zones, muster and dispatch").
 */
export function createEmergencyServices(d: { plant: Plant; engine: CommandEngine; clock: Clock; latest: { values: Float64Array; quality: Uint8Array }; people: PeopleService; chemicals: ReadonlyMap<string, ChemicalThreat> }): EmergencyServices {
  const service = new EmergencyService(d);
  return { service, stage: service.stage, commandHandlers: service.commandHandlers, attach: (app, ctx) => registerEmergencyRoutes(app, ctx, service) };
}
