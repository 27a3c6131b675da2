import { riskGrades, type RiskGrade } from '../plant/alarmConfig';
import type { LocalText } from '../plant/primitives';

/**
 * Dynamic four-colour risk (风险分级管控, DOMAIN.md §4): a risk unit's current grade is its
 * inherent grade raised while live conditions weaken its safeguards. Each factor whose count
 * reaches its rule's `minCount` raises the grade by the rule's `steps` (one by default); the
 * steps add up and the grade stops at red. Every factor present, counted, becomes a bilingual
 * reason, whether or not the grade could still rise (a red unit still says why it is watched).
 * The rules are data, so a plant may weigh them differently.
 */

export const riskFactors = ['alarm_p12', 'detector_failed', 'interlock_bypassed', 'interlock_tripped'] as const;
/**
 * - `alarm_p12`: active priority 1–2 alarms of the unit (not suppressed by design);
 * - `detector_failed`: gas detectors of the unit with an active BAD (bad or stale) alarm;
 * - `interlock_bypassed`: interlocks of the unit in bypass;
 * - `interlock_tripped`: interlocks of the unit tripped and not yet reset.
 */
export type RiskFactor = (typeof riskFactors)[number];
export type RiskFactorCounts = Partial<Record<RiskFactor, number>>;

export interface RiskRule {
  factor: RiskFactor;
  /** The factor counts once at least this many are present. */
  minCount: number;
  /** Grade steps it adds. */
  steps: number;
  /** Reason texts; `{n}` is replaced by the count. `enOne` is the English text for a count of one. */
  reason: { zh: string; en: string; enOne: string };
}

export const DEFAULT_RISK_RULES: readonly RiskRule[] = Object.freeze([
  {
    factor: 'alarm_p12',
    minCount: 1,
    steps: 1,
    reason: { zh: '{n} 个高优先级报警（1–2 级）', en: '{n} high-priority alarms (priority 1–2) active', enOne: '1 high-priority alarm (priority 1–2) active' },
  },
  { factor: 'detector_failed', minCount: 1, steps: 1, reason: { zh: '{n} 台探测器故障', en: '{n} detectors failed', enOne: '1 detector failed' } },
  { factor: 'interlock_bypassed', minCount: 1, steps: 1, reason: { zh: '{n} 个联锁旁路', en: '{n} interlocks bypassed', enOne: '1 interlock bypassed' } },
  { factor: 'interlock_tripped', minCount: 1, steps: 1, reason: { zh: '{n} 个联锁已动作', en: '{n} interlocks tripped', enOne: '1 interlock tripped' } },
]);

export interface GradeResult {
  grade: RiskGrade;
  /** Steps the rules asked for (before the cap at red). */
  steps: number;
  /** One per factor that counted, in rule order. */
  reasons: LocalText[];
}

/** `grade` raised by `steps` (negative lowers), kept within blue…red. */
export function raiseGrade(grade: RiskGrade, steps: number): RiskGrade {
  const i = riskGrades.indexOf(grade) + Math.trunc(steps);
  return riskGrades[Math.max(0, Math.min(riskGrades.length - 1, i))] as RiskGrade;
}

export function currentGrade(inherent: RiskGrade, counts: RiskFactorCounts, rules: readonly RiskRule[] = DEFAULT_RISK_RULES): GradeResult {
  let steps = 0;
  const reasons: LocalText[] = [];
  for (const r of rules) {
    const n = counts[r.factor] ?? 0;
    if (n <= 0 || n < r.minCount) continue;
    steps += r.steps;
    reasons.push({ zh: r.reason.zh.replaceAll('{n}', String(n)), en: (n === 1 ? r.reason.enOne : r.reason.en).replaceAll('{n}', String(n)) });
  }
  return { grade: raiseGrade(inherent, steps), steps, reasons };
}

/** True when two reason lists read the same (order matters: it is rule order). */
export function sameReasons(a: readonly LocalText[], b: readonly LocalText[]): boolean {
  return a.length === b.length && a.every((r, i) => r.zh === b[i]?.zh && r.en === b[i]?.en);
}
