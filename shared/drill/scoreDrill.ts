import type { LocalText } from '../plant/primitives';
import type { JournalEvent } from '../state/events';
import type { DrillMilestone, DrillRecord, DrillScore, Scenario } from './scenario';

/**
 * Automatic drill scoring (docs/drills.md §Scoring), a pure function of the scenario, the drill
 * record and the journal slice of the drill (events from its start seq to its end, in seq order).
 *
 * Drill time excludes pauses: an event at wall time t happened at
 *   (t − startedAt − time spent paused before t) / 1000 s.
 * Each expectation scores, with its weight w and target T (s) and actual time A:
 *   - on time (A ≤ T): w;
 *   - late (A > T): w · max(0, 1 − (A − T) / G), G = max(T, 120 s) — the credit falls linearly to
 *     nothing at one grace period G past the target (a step due at 5 min done at 7.5 min gets half);
 *   - missed (never happened) or skipped (a plan step marked skipped): 0.
 * The score is 100 · Σ points / Σ w, rounded to one decimal.
 */

export const MIN_GRACE_S = 120;

export const milestoneLabels: Record<DrillMilestone, LocalText> = {
  first_ack: { zh: '首次确认报警', en: 'First alarm acknowledged' },
  incident_open: { zh: '事件开启', en: 'Incident opened' },
  plan_activated: { zh: '启动预案', en: 'Plan activated' },
  evacuation_ordered: { zh: '下达疏散令', en: 'Evacuation ordered' },
  first_dispatch: { zh: '首次派遣', en: 'First dispatch' },
  first_arrival: { zh: '首支力量到场', en: 'First arrival' },
  muster_90: { zh: '集合清点 90 %', en: '90 % mustered' },
  muster_100: { zh: '集合清点 100 %', en: '100 % mustered' },
  agency_notified: { zh: '上报政府部门', en: 'Agency notified' },
};

export interface Happening {
  /** Wall time, ms. */
  at: number;
  actor: string | null;
  seq: number | null;
}

/** What the recording shows: each milestone's first occurrence and each plan step's last status. */
export interface DrillFacts {
  milestones: Partial<Record<DrillMilestone, Happening>>;
  steps: Map<string, { state: 'pending' | 'done' | 'skipped'; happening: Happening | null }>;
  /** Pause intervals [from, to) in wall time; an open pause ends at the drill's end. */
  pauses: { from: number; to: number }[];
}

/** Reads the milestones, plan steps and pauses of one drill from its journal slice. */
export function drillFacts(drill: DrillRecord, events: readonly JournalEvent[]): DrillFacts {
  const m: DrillFacts['milestones'] = {};
  const steps: DrillFacts['steps'] = new Map();
  const pauses: DrillFacts['pauses'] = [];
  const end = drill.endedAt ?? Infinity;
  let pausedFrom: number | null = null;
  const first = (k: DrillMilestone, at: number, actor: string | null, seq: number): void => {
    const cur = m[k];
    if (at < drill.startedAt || at > end) return;
    if (!cur || at < cur.at) m[k] = { at, actor, seq };
  };
  for (const e of events) {
    if (e.seq < drill.startSeq) continue;
    switch (e.type) {
      case 'drill.changed': {
        if (e.payload.drill.id !== drill.id) break;
        if (e.payload.action === 'pause' && pausedFrom === null) pausedFrom = e.time;
        if ((e.payload.action === 'resume' || e.payload.action === 'stop' || e.payload.action === 'complete') && pausedFrom !== null) {
          pauses.push({ from: pausedFrom, to: e.time });
          pausedFrom = null;
        }
        break;
      }
      case 'alarm.changed':
        if (e.payload.cause === 'ack' && e.actor !== 'system') first('first_ack', e.time, e.actor, e.seq);
        break;
      case 'incident.changed': {
        const inc = e.payload.incident;
        if (!inc.drill) break;
        if (e.payload.action === 'open') {
          first('incident_open', inc.openedAt, inc.openedBy, e.seq);
          if (inc.plan) first('plan_activated', inc.openedAt, inc.openedBy, e.seq);
        }
        if (inc.evacuation) first('evacuation_ordered', inc.evacuation.orderedAt, inc.evacuation.by, e.seq);
        const ag = inc.agencies[0];
        if (ag) first('agency_notified', ag.at, ag.by, e.seq);
        for (const s of inc.plan?.steps ?? []) {
          const prev = steps.get(s.step);
          const happening = s.state !== 'pending' && s.at !== null ? { at: s.at, actor: s.by, seq: e.seq } : s.state === 'skipped' ? { at: e.time, actor: s.by ?? e.actor, seq: e.seq } : null;
          // The first incident of the drill that reaches a step decides it (later incidents may reuse the plan).
          if (!prev || prev.state === 'pending') steps.set(s.step, { state: s.state, happening });
        }
        break;
      }
      case 'dispatch.changed': {
        const d = e.payload.dispatch;
        first('first_dispatch', d.departedAt, d.by, e.seq);
        if (d.arrivedAt !== null) first('first_arrival', d.arrivedAt, null, e.seq);
        break;
      }
      case 'muster.changed': {
        if (e.payload.t90At !== null) first('muster_90', e.payload.t90At, null, e.seq);
        if (e.payload.t100At !== null) first('muster_100', e.payload.t100At, null, e.seq);
        break;
      }
      default:
        break;
    }
  }
  if (pausedFrom !== null) pauses.push({ from: pausedFrom, to: drill.endedAt ?? pausedFrom });
  return { milestones: m, steps, pauses };
}

/** Seconds of drill time at wall time `t` (pauses excluded). */
export function drillSeconds(drill: DrillRecord, pauses: DrillFacts['pauses'], t: number): number {
  let paused = 0;
  for (const p of pauses) paused += Math.max(0, Math.min(p.to, t) - Math.max(p.from, drill.startedAt));
  return Math.max(0, (t - drill.startedAt - paused) / 1000);
}

/** Points for one expectation (see the formula above). */
export function pointsFor(targetS: number, actualS: number | null, weight: number): { outcome: 'on_time' | 'late' | 'missed'; points: number } {
  if (actualS === null) return { outcome: 'missed', points: 0 };
  if (actualS <= targetS) return { outcome: 'on_time', points: weight };
  const grace = Math.max(targetS, MIN_GRACE_S);
  return { outcome: 'late', points: weight * Math.max(0, 1 - (actualS - targetS) / grace) };
}

const round = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;

/** The score card of a drill from its recording. `stepLabels`: plan step texts, for the card. */
export function scoreDrill(scenario: Scenario, drill: DrillRecord, events: readonly JournalEvent[], stepLabels: ReadonlyMap<string, LocalText> = new Map()): DrillScore {
  const facts = drillFacts(drill, events);
  const secs = (h: Happening | null | undefined): number | null => (h ? round(drillSeconds(drill, facts.pauses, h.at), 1) : null);
  let total = 0;
  let got = 0;
  const items: DrillScore['items'] = scenario.expect.map((x) => {
    total += x.weight;
    if ('milestone' in x) {
      const h = facts.milestones[x.milestone];
      const actualS = secs(h);
      const p = pointsFor(x.targetS, actualS, x.weight);
      got += p.points;
      return { key: x.milestone, label: milestoneLabels[x.milestone], targetS: x.targetS, actualS, outcome: p.outcome, weight: x.weight, points: round(p.points, 3), actor: h?.actor ?? null, seq: h?.seq ?? null };
    }
    const st = facts.steps.get(x.planStep);
    const label = stepLabels.get(x.planStep) ?? { zh: `预案步骤 ${x.planStep}`, en: `Plan step ${x.planStep}` };
    if (st?.state === 'skipped') {
      return { key: `step:${x.planStep}`, label, targetS: x.targetS, actualS: secs(st.happening), outcome: 'skipped', weight: x.weight, points: 0, actor: st.happening?.actor ?? null, seq: st.happening?.seq ?? null };
    }
    const h = st?.state === 'done' ? st.happening : null;
    const actualS = secs(h);
    const p = pointsFor(x.targetS, actualS, x.weight);
    got += p.points;
    return { key: `step:${x.planStep}`, label, targetS: x.targetS, actualS, outcome: p.outcome, weight: x.weight, points: round(p.points, 3), actor: h?.actor ?? null, seq: h?.seq ?? null };
  });
  return { drillId: drill.id, scenario: scenario.id, score: total > 0 ? round((100 * got) / total, 1) : 0, items };
}
