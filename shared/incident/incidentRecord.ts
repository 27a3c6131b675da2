import type { LocalText, Vec3 } from '../plant/primitives';
import { FIRST_REPORT_DUE_MS, icsRoles, type Agency, type IcsRole, type IncidentAction, type IncidentRecord, type IncidentType, type ReleaseSource, type ResponseLevel } from './model';
import { moreSevere } from './classifyIncident';
import { activatePlan } from './planChecklist';
import type { EmergencyPlan } from './plan';

/** Newest level reasons kept in the record (the schema's bound). */
export const LEVEL_REASON_LIMIT = 20;

export interface NewIncident {
  id: string;
  type: IncidentType;
  level: ResponseLevel;
  levelReasons: LocalText[];
  title: LocalText;
  openedAt: number;
  openedBy: string;
  trigger: IncidentRecord['trigger'];
  area: string | null;
  source: ReleaseSource;
  plan: EmergencyPlan | null;
  drill: boolean;
}

/** The record of a new incident: its plan activated as a checklist, no roles, no agencies, first report due in one hour. */
export function newIncident(n: NewIncident): IncidentRecord {
  return {
    id: n.id,
    type: n.type,
    level: n.level,
    title: n.title,
    state: 'open',
    openedAt: n.openedAt,
    openedBy: n.openedBy,
    trigger: n.trigger,
    area: n.area,
    source: n.source,
    levelReasons: n.levelReasons.slice(-LEVEL_REASON_LIMIT),
    ics: Object.fromEntries(icsRoles.map((r) => [r, null])) as Record<IcsRole, string | null>,
    plan: n.plan ? activatePlan(n.plan, n.openedAt) : null,
    agencies: [],
    firstReportDueAt: n.openedAt + FIRST_REPORT_DUE_MS,
    evacuation: null,
    containedAt: null,
    closedAt: null,
    drill: n.drill,
  };
}

/** One change to an incident (what a command or the tick stage asks for). */
export type IncidentChange =
  /** `auto` changes come from the level rules and may only raise the level. */
  | { kind: 'level'; level: ResponseLevel; reason: LocalText; auto: boolean }
  | { kind: 'escalate'; ref: string; note: string }
  | { kind: 'role'; role: IcsRole; person: string | null }
  | { kind: 'step'; step: string; state: 'done' | 'skipped'; note?: string | undefined }
  | { kind: 'step_late'; steps: readonly string[] }
  | { kind: 'source'; position?: Vec3 | undefined; chemical?: string | undefined; rateKgS?: number | undefined; heightM?: number | undefined; estimated?: boolean | undefined }
  | { kind: 'evacuate'; areas: '*' | string[]; note?: string | undefined }
  | { kind: 'agency'; agency: Agency; channel: string; note?: string | undefined }
  | { kind: 'contain'; note: string }
  | { kind: 'close'; note: string }
  | { kind: 'log'; note: string };

export type NextIncident =
  | { ok: true; record: IncidentRecord; action: IncidentAction; note?: string }
  | { ok: false; code: 'not_found' | 'conflict' | 'bad_request'; message: string };

const refuse = (code: 'not_found' | 'conflict' | 'bad_request', message: string): NextIncident => ({ ok: false, code, message });
const NOTE_MAX = 2000;
const clip = (s: string): string => (s.length > NOTE_MAX ? `${s.slice(0, NOTE_MAX - 1)}…` : s);

/**
 * The record after one change, with the journal action and note — the one place incident
 * transitions are decided, shared by the incident service and the emergency service
 * (`evacuate`). `at` is the time of the change, `by` its actor (a user name or `system`).
 * Refuses (never throws) a change that does not apply: a closed incident, an unknown step, a
 * level that is already set, an automatic level that would not raise.
 */
export function nextIncident(r: IncidentRecord, c: IncidentChange, at: number, by: string): NextIncident {
  if (r.state === 'closed') return refuse('conflict', `incident ${r.id} is closed / 事件已关闭`);
  const done = (record: IncidentRecord, action: IncidentAction, note?: string): NextIncident => ({ ok: true, record, action, ...(note !== undefined ? { note: clip(note) } : {}) });
  switch (c.kind) {
    case 'level': {
      if (c.level === r.level) return refuse('conflict', `incident ${r.id} is already at level ${r.level} / 已是该级别`);
      if (c.auto && !moreSevere(c.level, r.level)) return refuse('conflict', `automatic level changes only raise (${r.level} → ${c.level}) / 自动分级只升不降`);
      const reason: LocalText = c.auto ? c.reason : c.reason.zh === c.reason.en ? { zh: `${by}: ${c.reason.zh}`, en: `${by}: ${c.reason.en}` } : { zh: `${by}：${c.reason.zh}`, en: `${by}: ${c.reason.en}` };
      return done({ ...r, level: c.level, levelReasons: [...r.levelReasons, reason].slice(-LEVEL_REASON_LIMIT) }, 'level', `${r.level} → ${c.level}: ${c.reason.en}`);
    }
    case 'escalate':
      return done(r, 'escalate', `${c.ref}: ${c.note}`);
    case 'role': {
      if (r.ics[c.role] === c.person) return refuse('conflict', `${c.role} is already ${c.person ?? 'unassigned'} / 角色未变`);
      return done({ ...r, ics: { ...r.ics, [c.role]: c.person } }, 'role', `${c.role}: ${c.person ?? '—'}`);
    }
    case 'step': {
      const steps = r.plan?.steps ?? [];
      const k = steps.findIndex((s) => s.step === c.step);
      if (!r.plan || k < 0) return refuse('not_found', `incident ${r.id} has no plan step "${c.step}" / 预案无此步骤`);
      const s = steps[k]!;
      if (s.state !== 'pending') return refuse('conflict', `step ${c.step} is already ${s.state} by ${s.by ?? '?'} / 该步骤已处理`);
      const next = { ...s, state: c.state, by, at, late: s.late || at > s.dueAt, ...(c.note !== undefined ? { note: clip(c.note) } : {}) };
      const list = steps.slice();
      list[k] = next;
      return done({ ...r, plan: { ...r.plan, steps: list } }, 'step', `${c.step} ${c.state}${next.late ? ' (late / 超时)' : ''}${c.note ? `: ${c.note}` : ''}`);
    }
    case 'step_late': {
      if (!r.plan) return refuse('not_found', `incident ${r.id} has no plan / 无预案`);
      const flag = new Set(c.steps);
      let n = 0;
      const steps = r.plan.steps.map((s) => {
        if (!flag.has(s.step) || s.state !== 'pending' || s.late || at <= s.dueAt) return s;
        n++;
        return { ...s, late: true };
      });
      if (n === 0) return refuse('conflict', 'no step to flag late / 无超时步骤');
      return done({ ...r, plan: { ...r.plan, steps } }, 'step_late', steps.filter((s, i) => s !== r.plan!.steps[i]).map((s) => s.step).join(', '));
    }
    case 'source': {
      const s = r.source;
      const source: ReleaseSource = {
        ...s,
        ...(c.position ? { position: c.position } : {}),
        ...(c.chemical !== undefined ? { chemical: c.chemical } : {}),
        ...(c.heightM !== undefined ? { heightM: c.heightM } : {}),
        ...(c.rateKgS !== undefined ? { rateKgS: c.rateKgS, rateEstimated: c.estimated ?? false } : {}),
      };
      if (JSON.stringify(source) === JSON.stringify(s)) return refuse('conflict', 'the source is unchanged / 源项未变');
      const parts = [c.position ? `position ${c.position.map((v) => v.toFixed(1)).join(',')}` : '', c.chemical ? `chemical ${c.chemical}` : '', c.rateKgS !== undefined ? `rate ${c.rateKgS} kg/s${c.estimated ? ' (estimated)' : ''}` : '', c.heightM !== undefined ? `height ${c.heightM} m` : ''];
      return done({ ...r, source }, 'source', parts.filter(Boolean).join('; '));
    }
    case 'evacuate':
      return done({ ...r, evacuation: { orderedAt: r.evacuation?.orderedAt ?? at, by: r.evacuation?.by ?? by, areas: c.areas } }, 'evacuate', c.note);
    case 'agency':
      return done({ ...r, agencies: [...r.agencies, { agency: c.agency, at, by, channel: c.channel, ...(c.note !== undefined ? { note: c.note.slice(0, 1000) } : {}) }] }, 'agency', `${c.agency} via ${c.channel}${c.note ? `: ${c.note}` : ''}`);
    case 'contain':
      if (r.state !== 'open') return refuse('conflict', `incident ${r.id} is already contained / 已控制`);
      return done({ ...r, state: 'contained', containedAt: at }, 'contain', c.note);
    case 'close':
      return done({ ...r, state: 'closed', closedAt: at, containedAt: r.containedAt ?? at }, 'close', c.note);
    case 'log':
      return done(r, 'log', c.note);
  }
}

/**
 * The first report to the emergency-management authority (事故报告和调查处理条例 Art. 9): due one
 * hour after opening; late when none was made by then (still pending and `now` is past it, or
 * made after it).
 */
export function firstReport(r: IncidentRecord, now: number): { dueAt: number; at: number | null; late: boolean } {
  const at = r.agencies.find((a) => a.agency === 'emergency_management')?.at ?? null;
  return { dueAt: r.firstReportDueAt, at, late: at === null ? now > r.firstReportDueAt : at > r.firstReportDueAt };
}
