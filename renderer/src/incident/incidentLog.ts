import type { IncidentLogEntry } from '../../../shared/state/reducer';

/**
 * The significant-events log (state.emergency.logs, built by the shared reducer) as display
 * lines: time, who, what (an i18n key with values, so both languages come from one row) and the
 * note. Pure; the caller translates.
 */
export interface LogLine {
  /** Unique per line: one journal event can log two lines (muster 90 % and 100 % at once). */
  id: string;
  seq: number;
  time: number;
  /** 'system' for the server's own entries, else the account name. */
  actor: string;
  system: boolean;
  /** i18n key of the action and its values. */
  key: string;
  values: Record<string, string | number>;
  note: string | null;
  /** A person's decision (incident.log by a user), shown in bold. */
  decision: boolean;
  /** Flags the line the commander must notice (late steps, overdue first report, escalation). */
  attention: boolean;
}

/** Actions the reducer writes besides the incident's own (`dispatch_<state>`, `zones`, `notice`, `muster_90/100`). */
export function formatLogEntry(e: IncidentLogEntry): LogLine {
  const system = e.actor === 'system' || e.actor === '' || e.actor.startsWith('system');
  const note = e.note ?? null;
  const base = { id: `${e.seq}:${e.action}`, seq: e.seq, time: e.time, actor: e.actor, system, note, decision: false, attention: false };
  if (e.action.startsWith('dispatch_')) {
    const state = e.action.slice('dispatch_'.length);
    return { ...base, key: `incident.log.dispatch.${state}`, values: { unit: note ?? '' }, note: null };
  }
  switch (e.action) {
    case 'notice':
      return { ...base, key: 'incident.log.notice', values: { n: Number(note ?? 0) }, note: null };
    case 'log':
      if (note?.startsWith('first_report_overdue')) return { ...base, key: 'incident.log.firstReportOverdue', values: {}, note: null, attention: true };
      return { ...base, key: 'incident.log.log', values: {}, decision: !system };
    case 'step_late':
      return { ...base, key: 'incident.log.step_late', values: { steps: note ?? '' }, note: null, attention: true };
    case 'escalate':
      return { ...base, key: 'incident.log.escalate', values: {}, attention: true };
    case 'level':
      return { ...base, key: 'incident.log.level', values: {}, attention: true };
    default:
      return { ...base, key: `incident.log.${e.action}`, values: {} };
  }
}

/** Newest first, at most `limit` lines. */
export function logLines(entries: readonly IncidentLogEntry[] | undefined, limit = 200): LogLine[] {
  if (!entries) return [];
  const out: LogLine[] = [];
  for (let i = entries.length - 1; i >= 0 && out.length < limit; i--) out.push(formatLogEntry(entries[i]!));
  return out;
}
