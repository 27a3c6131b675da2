import { allowedHazardActions, type HazardActor, type HazardRecord } from '../../../shared/hazard/model';
import type { CommandName } from '../../../shared/protocol/commands';
import type { Role } from '../../../shared/protocol/roles';

/**
 * Which lifecycle buttons the detail view shows for the signed-in user: exactly what
 * `allowedHazardActions` (the server's own rule) lets them do, each with the command it sends
 * and the form it needs. verify_pass and verify_fail share one form (pass / fail + note).
 */
export type HazardForm = 'assess' | 'assign' | 'start' | 'submit' | 'verify' | 'dismiss';

export interface HazardButton {
  form: HazardForm;
  /** i18n key suffix under `hazard.action.` */
  label: 'assess' | 'assign' | 'reassign' | 'start' | 'submit' | 'verify' | 'dismiss';
  command: CommandName;
}

/** The signed-in user as the console knows them; `person` only when the session links a registry person. */
export interface ConsoleUser {
  name: string;
  role: Role;
  person?: string | undefined;
}

export function hazardButtons(h: HazardRecord, user: ConsoleUser | null): HazardButton[] {
  if (!user) return [];
  const actor: HazardActor = { name: user.name, role: user.role, person: user.person };
  const out: HazardButton[] = [];
  for (const a of allowedHazardActions(h, actor)) {
    switch (a) {
      case 'assess':
        out.push({ form: 'assess', label: 'assess', command: 'hazard.assess' });
        break;
      case 'assign':
        out.push({ form: 'assign', label: 'assign', command: 'hazard.assign' });
        break;
      case 'reassign':
        out.push({ form: 'assign', label: 'reassign', command: 'hazard.assign' });
        break;
      case 'start':
        out.push({ form: 'start', label: 'start', command: 'hazard.start' });
        break;
      case 'submit':
        out.push({ form: 'submit', label: 'submit', command: 'hazard.submit' });
        break;
      case 'verify_pass':
        out.push({ form: 'verify', label: 'verify', command: 'hazard.verify' });
        break;
      case 'dismiss':
        out.push({ form: 'dismiss', label: 'dismiss', command: 'hazard.dismiss' });
        break;
      default:
        // verify_fail rides on the verify form; overdue/escalate/report are not buttons here.
        break;
    }
  }
  return out;
}

/** The linked registry person of a session user object, if the server sent one. */
export function linkedPerson(user: object | null): string | undefined {
  const p = (user as { person?: unknown } | null)?.person;
  return typeof p === 'string' && p.length > 0 ? p : undefined;
}
