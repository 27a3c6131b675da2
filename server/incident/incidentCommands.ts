import type { CommandHandlers } from '../engine/CommandService';
import type { IncidentService } from './IncidentService';

/**
 * Handlers of the incident commands this service owns (shared/protocol/commands.ts). CommandService
 * checks the role and the payload first. `incident.evacuate`, `dispatch.*` and `resource.restock`
 * belong to the emergency services (server/emergency), which build their records with the same
 * `nextIncident`.
 */
export function incidentCommandHandlers(svc: IncidentService): CommandHandlers {
  return {
    'incident.open': (p, user) => svc.open(p, user),
    'incident.setLevel': (p, user) => svc.change(p.incidentId, { kind: 'level', level: p.level, reason: { zh: p.reason, en: p.reason }, auto: false }, user),
    'incident.assignRole': (p, user) => svc.assignRole(p, user),
    'incident.step': (p, user) => svc.change(p.incidentId, { kind: 'step', step: p.step, state: p.state, note: p.note }, user),
    'incident.log': (p, user) => svc.change(p.incidentId, { kind: 'log', note: p.note }, user),
    'incident.setSource': (p, user) => svc.setSource(p, user),
    'incident.notifyAgency': (p, user) => svc.change(p.incidentId, { kind: 'agency', agency: p.agency, channel: p.channel, note: p.note }, user),
    'incident.contain': (p, user) => svc.change(p.incidentId, { kind: 'contain', note: p.note }, user),
    'incident.close': (p, user) => svc.change(p.incidentId, { kind: 'close', note: p.note }, user),
  };
}
