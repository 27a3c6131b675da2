import type { LocalText } from '../plant/primitives';
import type { JournalEvent } from '../state/events';
import type { SnapshotInfo } from './incidentApi';
import { firstReport } from './incidentRecord';
import type { Agency, IcsRole, IncidentRecord } from './model';
import { stepTiming, type StepTiming } from './planChecklist';
import type { EmergencyPlan } from './plan';

/**
 * The after-action report of one incident (docs/incidents.md §Report), built only from the
 * journal events about it, so a report made next year says what the journal said then.
 */
export interface IncidentReport {
  incident: IncidentRecord;
  generatedAt: number;
  planName: LocalText | null;
  timeline: { seq: number; time: number; actor: string; type: string; action: string; note: string }[];
  /** What people decided: everything journaled by a user (not `system`) on the incident. */
  decisions: { seq: number; time: number; actor: string; action: string; note: string }[];
  steps: { step: string; text: LocalText; owner: IcsRole | null; dueAt: number; state: string; at: number | null; by: string | null; timing: StepTiming; note: string | null }[];
  dispatches: { id: string; unit: string; need: string; departedAt: number; etaAt: number; arrivedAt: number | null; travelS: number | null; state: string; by: string }[];
  muster: { startedAt: number; expected: number; accounted: number; t90At: number | null; t100At: number | null; t90S: number | null; t100S: number | null } | null;
  agencies: { agency: Agency; at: number; by: string; channel: string; note: string | null; minutesFromOpen: number; withinHour: boolean }[];
  firstReport: { dueAt: number; at: number | null; late: boolean };
  zones: { seq: number; time: number; windSpeedMS: number; windFromDeg: number; stability: string; rateKgS: number; bands: { band: string; level: string; ppm: number; downwindM: number }[] }[];
  notices: { time: number; recipients: number; musterPoints: string[] }[];
  snapshots: SnapshotInfo[];
}

/** The events a report reads; the server passes every such event that names the incident. */
export const reportEventTypes = ['incident.changed', 'incident.zones.changed', 'incident.notice.sent', 'muster.changed', 'dispatch.changed'] as const;

/** The incident an event is about, or null. */
export function incidentOf(e: JournalEvent): string | null {
  switch (e.type) {
    case 'incident.changed':
      return e.payload.incident.id;
    case 'incident.zones.changed':
    case 'incident.notice.sent':
    case 'muster.changed':
      return e.payload.incidentId;
    case 'dispatch.changed':
      return e.payload.dispatch.incidentId;
    default:
      return null;
  }
}

function describe(e: JournalEvent): { action: string; note: string } {
  switch (e.type) {
    case 'incident.changed':
      return { action: e.payload.action, note: e.payload.note ?? '' };
    case 'incident.zones.changed': {
      const z = e.payload;
      return { action: 'zones', note: `wind ${z.wind.speedMS.toFixed(1)} m/s from ${Math.round(z.wind.fromDeg)}°, class ${z.stability}: ${z.zones.map((b) => `${b.band} ${Math.round(b.downwindM)} m`).join(', ')}` };
    }
    case 'incident.notice.sent':
      return { action: 'notice', note: `${e.payload.recipients.length} people → ${e.payload.musterPoints.join(', ')}` };
    case 'muster.changed':
      return { action: 'muster', note: `${e.payload.accounted}/${e.payload.expected}` };
    case 'dispatch.changed':
      return { action: `dispatch_${e.payload.dispatch.state}`, note: `${e.payload.dispatch.id} ${e.payload.dispatch.unit} (${e.payload.dispatch.need})` };
    default:
      return { action: e.type, note: '' };
  }
}

/**
 * Builds the report from the incident's events (oldest first; others are ignored), its plan (for
 * step texts and owners) and the snapshots uploaded for it. `record` is the incident as it is now.
 */
export function buildIncidentReport(record: IncidentRecord, plan: EmergencyPlan | null, events: readonly JournalEvent[], snapshots: readonly SnapshotInfo[], now: number): IncidentReport {
  const mine = events.filter((e) => incidentOf(e) === record.id).sort((a, b) => a.seq - b.seq);
  const timeline = mine.filter((e) => e.type !== 'muster.changed' || e.payload.t90At !== null).map((e) => ({ seq: e.seq, time: e.time, actor: e.actor, type: e.type, ...describe(e) }));
  const decisions = mine.filter((e) => e.type === 'incident.changed' && e.actor !== 'system').map((e) => ({ seq: e.seq, time: e.time, actor: e.actor, ...describe(e) }));
  const stepDefs = new Map((plan?.steps ?? []).map((s) => [s.id, s] as const));
  const steps = (record.plan?.steps ?? []).map((s) => {
    const d = stepDefs.get(s.step);
    return { step: s.step, text: d?.text ?? { zh: s.step, en: s.step }, owner: d?.owner ?? null, dueAt: s.dueAt, state: s.state, at: s.at, by: s.by, timing: stepTiming(s, now), note: s.note ?? null };
  });
  const lastDispatch = new Map<string, Extract<JournalEvent, { type: 'dispatch.changed' }>['payload']['dispatch']>();
  let muster: IncidentReport['muster'] = null;
  const zones: IncidentReport['zones'] = [];
  const notices: IncidentReport['notices'] = [];
  for (const e of mine) {
    if (e.type === 'dispatch.changed') lastDispatch.set(e.payload.dispatch.id, e.payload.dispatch);
    else if (e.type === 'muster.changed') {
      const m = e.payload;
      muster = { startedAt: m.startedAt, expected: m.expected, accounted: m.accounted, t90At: m.t90At, t100At: m.t100At, t90S: m.t90At === null ? null : (m.t90At - m.startedAt) / 1000, t100S: m.t100At === null ? null : (m.t100At - m.startedAt) / 1000 };
    } else if (e.type === 'incident.zones.changed') {
      const z = e.payload;
      zones.push({ seq: e.seq, time: e.time, windSpeedMS: z.wind.speedMS, windFromDeg: z.wind.fromDeg, stability: z.stability, rateKgS: z.source.rateKgS, bands: z.zones.map((b) => ({ band: b.band, level: b.level, ppm: b.ppm, downwindM: b.downwindM })) });
    } else if (e.type === 'incident.notice.sent') notices.push({ time: e.time, recipients: e.payload.recipients.length, musterPoints: e.payload.musterPoints });
  }
  const dispatches = [...lastDispatch.values()].map((d) => ({ id: d.id, unit: d.unit, need: d.need, departedAt: d.departedAt, etaAt: d.etaAt, arrivedAt: d.arrivedAt, travelS: d.arrivedAt === null ? null : (d.arrivedAt - d.departedAt) / 1000, state: d.state, by: d.by }));
  const agencies = record.agencies.map((a) => ({ agency: a.agency, at: a.at, by: a.by, channel: a.channel, note: a.note ?? null, minutesFromOpen: (a.at - record.openedAt) / 60_000, withinHour: a.at <= record.firstReportDueAt }));
  return { incident: record, generatedAt: now, planName: plan?.name ?? null, timeline, decisions, steps, dispatches, muster, agencies, firstReport: firstReport(record, now), zones, notices, snapshots: [...snapshots] };
}
