import type { IncidentRecord, ResponseLevel } from '../../../shared/incident/model';
import { responseLevelColour } from '../../../shared/incident/model';
import type { EmergencyPlan } from '../../../shared/incident/plan';
import { firstReport } from '../../../shared/incident/incidentRecord';
import { stepTiming, type StepTiming } from '../../../shared/incident/planChecklist';
import type { EmergencyState } from '../../../shared/state/reducer';
import { countdown, type Countdown } from './incidentTime';

/**
 * What the incident board shows of the reduced journal (`CommandState.emergency`): the active
 * incidents in the order a commander reads them, the level chip, the release source in words,
 * the plan checklist with its timers, the one-hour first report. Pure: state and `now` in,
 * plain rows out.
 */

const levelRank: Readonly<Record<ResponseLevel, number>> = { I: 0, II: 1, III: 2, IV: 3 };

/** Response-level colours (DOMAIN.md §4: red / orange / yellow / blue) and a text colour that reads on each. */
export const levelCss: Readonly<Record<'red' | 'orange' | 'yellow' | 'blue', { bg: string; fg: string }>> = {
  red: { bg: '#c8102e', fg: '#ffffff' },
  orange: { bg: '#e8710a', fg: '#ffffff' },
  yellow: { bg: '#f2c80f', fg: '#1f2327' },
  blue: { bg: '#1d5fd1', fg: '#ffffff' },
};

export function levelLook(level: ResponseLevel): { colour: 'red' | 'orange' | 'yellow' | 'blue'; bg: string; fg: string } {
  const colour = responseLevelColour[level];
  return { colour, ...levelCss[colour] };
}

/** Open and contained incidents: open first, then the most severe level, then the newest. */
export function activeIncidents(em: EmergencyState | undefined): IncidentRecord[] {
  if (!em) return [];
  return Object.values(em.incidents)
    .filter((i) => i.state !== 'closed')
    .sort((a, b) => (a.state === b.state ? 0 : a.state === 'open' ? -1 : 1) || levelRank[a.level] - levelRank[b.level] || b.openedAt - a.openedAt || a.id.localeCompare(b.id));
}

/** The most severe level among active incidents (the dock tab's colour), or null when none. */
export function worstLevel(incidents: readonly IncidentRecord[]): ResponseLevel | null {
  let worst: ResponseLevel | null = null;
  for (const i of incidents) if (worst === null || levelRank[i.level] < levelRank[worst]) worst = i.level;
  return worst;
}

export interface SourceView {
  chemical: string | null;
  /** kg/s with two significant figures, or null when not known yet. */
  rate: string | null;
  estimated: boolean;
  heightM: number;
  equipment: string | null;
}

/** The release being modelled, in display pieces (chemical name resolved by the caller's lookup). */
export function sourceView(r: IncidentRecord, chemicalName: (id: string) => string): SourceView {
  const s = r.source;
  return {
    chemical: s.chemical ? chemicalName(s.chemical) : null,
    rate: s.rateKgS === null ? null : formatRate(s.rateKgS),
    estimated: s.rateEstimated,
    heightM: Math.round(s.heightM * 10) / 10,
    equipment: s.equipment,
  };
}

/** kg/s to two significant figures (0.13, 1.5, 12), never in exponent form. */
export function formatRate(kgS: number): string {
  if (kgS >= 10) return String(Math.round(kgS));
  const digits = Math.max(0, 1 - Math.floor(Math.log10(kgS)));
  return kgS.toFixed(Math.min(digits, 4));
}

export interface ChecklistRow {
  id: string;
  text: string;
  owner: string;
  targetMin: number;
  dueAt: number;
  state: 'pending' | 'done' | 'skipped';
  timing: StepTiming;
  /** Countdown to the due time while pending. */
  countdown: Countdown | null;
  by: string | null;
  at: number | null;
  auto: boolean;
  note: string | undefined;
}

/** The activated plan as rows in plan order; text from the plan (the step id where the plan is not loaded yet). */
export function checklistRows(r: IncidentRecord, plan: EmergencyPlan | null, now: number, lang: 'zh' | 'en'): ChecklistRow[] {
  if (!r.plan) return [];
  const defs = new Map((plan?.id === r.plan.id ? plan.steps : []).map((s) => [s.id, s]));
  return r.plan.steps.map((s) => {
    const def = defs.get(s.step);
    return {
      id: s.step,
      text: def ? def.text[lang] : s.step,
      owner: def?.owner ?? '',
      targetMin: def?.targetMin ?? Math.round((s.dueAt - r.openedAt) / 60_000),
      dueAt: s.dueAt,
      state: s.state,
      timing: stepTiming(s, now),
      countdown: s.state === 'pending' ? countdown(s.dueAt, now) : null,
      by: s.by,
      at: s.at,
      auto: def?.auto !== undefined,
      note: s.note,
    };
  });
}

/** Counts for the checklist header: done, skipped, pending, and pending past due. */
export function checklistCounts(rows: readonly ChecklistRow[]): { done: number; skipped: number; pending: number; overdue: number; late: number } {
  const c = { done: 0, skipped: 0, pending: 0, overdue: 0, late: 0 };
  for (const r of rows) {
    if (r.state === 'done') c.done++;
    else if (r.state === 'skipped') c.skipped++;
    else c.pending++;
    if (r.timing === 'overdue') c.overdue++;
    if (r.timing === 'late') c.late++;
  }
  return c;
}

export interface FirstReportView {
  dueAt: number;
  at: number | null;
  late: boolean;
  /** Countdown while not yet made. */
  countdown: Countdown | null;
}

/** The one-hour first report to the emergency-management authority. */
export function firstReportView(r: IncidentRecord, now: number): FirstReportView {
  const f = firstReport(r, now);
  return { ...f, countdown: f.at === null ? countdown(f.dueAt, now) : null };
}
