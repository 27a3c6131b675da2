import type { CommandHandlers } from '../engine/CommandService';
import type { HazardService } from './HazardService';

/**
 * Handlers of the hazard and inspection commands (shared/protocol/commands.ts). CommandService
 * checks the role and the payload first; the service checks the order's state, the person
 * (assignee or lead, never the rectifier for verification) and the registry.
 */
export function hazardCommandHandlers(svc: HazardService): CommandHandlers {
  return {
    'hazard.report': (p, user) => svc.report(p, user),
    'hazard.assess': (p, user) => svc.assess(p, user),
    'hazard.assign': (p, user) => svc.assign(p, user),
    'hazard.start': (p, user) => svc.start(p, user),
    'hazard.submit': (p, user) => svc.submit(p, user),
    'hazard.verify': (p, user) => svc.verify(p, user),
    'hazard.dismiss': (p, user) => svc.dismiss(p, user),
    'inspection.complete': (p, user) => svc.complete(p, user),
  };
}
