import type { z } from 'zod';
import { commandDefs, mayRun, type CommandName } from '../../../shared/protocol/commands';
import type { Role } from '../../../shared/protocol/roles';
import type { CommandOutcome } from '../data/DataSource';

/**
 * Operator actions as registered commands (STYLE.md §7): id, label, payload schema and roles
 * (both from shared/protocol/commands, the server's own table), whether to confirm, and the
 * text the console shows of it. Buttons, menus and keys all run commands through `CommandRunner`,
 * which refuses visibly — never queues — while the console is offline.
 */

export type CommandPayload<N extends CommandName> = z.input<(typeof commandDefs)[N]['payload']>;

export interface ConsoleCommand<N extends CommandName = CommandName> {
  id: N;
  /** i18n key of the action's name. */
  label: string;
  /** Ask before running (irreversible or hiding actions). */
  confirm: boolean;
  /** i18n key and values describing one run, for result messages. */
  describe(payload: CommandPayload<N>): { key: string; values: Record<string, string | number> };
}

type Registry = { [N in CommandName]?: ConsoleCommand<N> };

const registry: Registry = {
  'alarm.ack': { id: 'alarm.ack', label: 'cmd.ack', confirm: false, describe: (p) => ({ key: 'cmd.didAck', values: { n: p.alarmIds.length } }) },
  'alarm.shelve': { id: 'alarm.shelve', label: 'cmd.shelve', confirm: true, describe: (p) => ({ key: 'cmd.didShelve', values: { id: p.alarmId, min: Math.round(p.durationS / 60) } }) },
  'alarm.unshelve': { id: 'alarm.unshelve', label: 'cmd.unshelve', confirm: false, describe: (p) => ({ key: 'cmd.didUnshelve', values: { id: p.alarmId } }) },
  'alarm.reset': { id: 'alarm.reset', label: 'cmd.reset', confirm: false, describe: (p) => ({ key: 'cmd.didReset', values: { id: p.alarmId } }) },
  'interlock.reset': { id: 'interlock.reset', label: 'cmd.interlockReset', confirm: true, describe: (p) => ({ key: 'cmd.didInterlockReset', values: { id: p.interlockId } }) },
  // Hidden-hazard work orders (docs/console.md §hazards): the result names the order and the step.
  'hazard.report': { id: 'hazard.report', label: 'hazard.action.report', confirm: false, describe: (p) => ({ key: 'hazard.didReport', values: { title: typeof p.title === 'string' ? p.title : p.title.zh } }) },
  'hazard.assess': { id: 'hazard.assess', label: 'hazard.action.assess', confirm: false, describe: (p) => ({ key: 'hazard.didAssess', values: { id: p.hazardId } }) },
  'hazard.assign': { id: 'hazard.assign', label: 'hazard.action.assign', confirm: false, describe: (p) => ({ key: 'hazard.didAssign', values: { id: p.hazardId, who: p.assignee } }) },
  'hazard.start': { id: 'hazard.start', label: 'hazard.action.start', confirm: false, describe: (p) => ({ key: 'hazard.didStart', values: { id: p.hazardId } }) },
  'hazard.submit': { id: 'hazard.submit', label: 'hazard.action.submit', confirm: false, describe: (p) => ({ key: 'hazard.didSubmit', values: { id: p.hazardId } }) },
  'hazard.verify': { id: 'hazard.verify', label: 'hazard.action.verify', confirm: false, describe: (p) => ({ key: p.passed ? 'hazard.didVerifyPass' : 'hazard.didVerifyFail', values: { id: p.hazardId } }) },
  'robot.goto': { id: 'robot.goto', label: 'robots.goto', confirm: false, describe: (p) => ({ key: 'robots.didGoto', values: { robot: p.robotId, checkpoint: p.checkpoint } }) },
  'hazard.dismiss': { id: 'hazard.dismiss', label: 'hazard.action.dismiss', confirm: true, describe: (p) => ({ key: 'hazard.didDismiss', values: { id: p.hazardId } }) },
  // Incident command (docs/console.md §incident): the result names the incident and what was done.
  'incident.open': { id: 'incident.open', label: 'incident.cmd.open', confirm: false, describe: (p) => ({ key: 'incident.did.open', values: { type: p.type } }) },
  'incident.setLevel': { id: 'incident.setLevel', label: 'incident.cmd.setLevel', confirm: false, describe: (p) => ({ key: 'incident.did.setLevel', values: { id: p.incidentId, level: p.level } }) },
  'incident.assignRole': { id: 'incident.assignRole', label: 'incident.cmd.assignRole', confirm: false, describe: (p) => ({ key: 'incident.did.assignRole', values: { id: p.incidentId, role: p.role, who: p.person ?? '—' } }) },
  'incident.step': { id: 'incident.step', label: 'incident.cmd.step', confirm: false, describe: (p) => ({ key: p.state === 'done' ? 'incident.did.stepDone' : 'incident.did.stepSkipped', values: { id: p.incidentId, step: p.step } }) },
  'incident.log': { id: 'incident.log', label: 'incident.cmd.log', confirm: false, describe: (p) => ({ key: 'incident.did.log', values: { id: p.incidentId } }) },
  'incident.setSource': { id: 'incident.setSource', label: 'incident.cmd.setSource', confirm: false, describe: (p) => ({ key: 'incident.did.setSource', values: { id: p.incidentId } }) },
  'incident.evacuate': { id: 'incident.evacuate', label: 'incident.cmd.evacuate', confirm: true, describe: (p) => ({ key: 'incident.did.evacuate', values: { id: p.incidentId } }) },
  'incident.notifyAgency': { id: 'incident.notifyAgency', label: 'incident.cmd.notifyAgency', confirm: false, describe: (p) => ({ key: 'incident.did.notifyAgency', values: { id: p.incidentId, agency: p.agency } }) },
  'incident.contain': { id: 'incident.contain', label: 'incident.cmd.contain', confirm: true, describe: (p) => ({ key: 'incident.did.contain', values: { id: p.incidentId } }) },
  'incident.close': { id: 'incident.close', label: 'incident.cmd.close', confirm: true, describe: (p) => ({ key: 'incident.did.close', values: { id: p.incidentId } }) },
  'dispatch.create': { id: 'dispatch.create', label: 'incident.cmd.dispatch', confirm: true, describe: (p) => ({ key: 'incident.did.dispatch', values: { unit: p.unit, need: p.need } }) },
  // Drills (docs/console.md §drills): the coordinator's panel.
  'drill.start': { id: 'drill.start', label: 'drill.start', confirm: false, describe: (p) => ({ key: 'drill.did.start', values: { scenario: p.scenario } }) },
  'drill.pause': { id: 'drill.pause', label: 'drill.pause', confirm: false, describe: () => ({ key: 'drill.did.pause', values: {} }) },
  'drill.resume': { id: 'drill.resume', label: 'drill.resume', confirm: false, describe: () => ({ key: 'drill.did.resume', values: {} }) },
  'drill.stop': { id: 'drill.stop', label: 'drill.stop', confirm: true, describe: () => ({ key: 'drill.did.stop', values: {} }) },
  'dispatch.cancel': { id: 'dispatch.cancel', label: 'incident.cmd.cancelDispatch', confirm: true, describe: (p) => ({ key: 'incident.did.cancelDispatch', values: { id: p.dispatchId } }) },
};

export function consoleCommand<N extends CommandName>(name: N): ConsoleCommand<N> | undefined {
  return registry[name] as ConsoleCommand<N> | undefined;
}

export type { CommandOutcome };

export type Availability = { ok: true } | { ok: false; reason: 'offline' | 'forbidden' | 'unsupported' | 'signed_out' };

export interface CommandRunnerDeps {
  /** Sends to the plant server; resolves with its answer. */
  send(name: CommandName, payload: unknown): Promise<CommandOutcome>;
  /** True while the link is live and the source takes commands. */
  online(): boolean;
  role(): Role | null;
  /** Told of every outcome (the console's result toasts). */
  onOutcome?(name: CommandName, payload: unknown, outcome: CommandOutcome): void;
}

export class CommandRunner {
  constructor(private readonly deps: CommandRunnerDeps) {}

  /** Whether `name` may be run now, and if not why (disables the button and says so). */
  availability(name: CommandName): Availability {
    if (!consoleCommand(name)) return { ok: false, reason: 'unsupported' };
    const role = this.deps.role();
    if (!role) return { ok: false, reason: 'signed_out' };
    if (!mayRun(role, name)) return { ok: false, reason: 'forbidden' };
    if (!this.deps.online()) return { ok: false, reason: 'offline' };
    return { ok: true };
  }

  async run<N extends CommandName>(name: N, payload: CommandPayload<N>): Promise<CommandOutcome> {
    const outcome = await this.attempt(name, payload);
    this.deps.onOutcome?.(name, payload, outcome);
    return outcome;
  }

  private async attempt(name: CommandName, payload: unknown): Promise<CommandOutcome> {
    const a = this.availability(name);
    if (!a.ok) {
      if (a.reason === 'offline') return { ok: false, code: 'offline', message: 'offline: the command was not sent', local: true };
      return { ok: false, code: a.reason === 'unsupported' ? 'unknown_command' : 'forbidden', message: `${name}: ${a.reason}`, local: true };
    }
    const parsed = commandDefs[name].payload.safeParse(payload);
    if (!parsed.success) return { ok: false, code: 'bad_request', message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), local: true };
    return this.deps.send(name, parsed.data);
  }
}
