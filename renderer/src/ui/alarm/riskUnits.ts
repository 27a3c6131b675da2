import type { RiskGrade, RiskPoint } from '../../../../shared/plant/alarmConfig';
import type { LocalText, Plant } from '../../../../shared/plant/schema';
import type { RiskStatus } from '../../../../shared/state/reducer';
import { riskGradeStyles } from '../../alarm/alarmStyle';

export interface RiskUnitView {
  point: RiskPoint;
  current: RiskGrade;
  raised: boolean;
  /** Why the grade is above the inherent one (empty when it is not). */
  reasons: LocalText[];
  since: number | null;
}

/** Risk units with their current grade, worst first (optionally of one area). */
export function riskUnits(plant: Plant | null, risks: Readonly<Record<string, RiskStatus>>, area?: string): RiskUnitView[] {
  const out: RiskUnitView[] = [];
  for (const p of plant?.risks ?? []) {
    if (area !== undefined && p.area !== area) continue;
    const s = risks[p.id];
    const current = s?.current ?? p.inherentGrade;
    const raised = riskGradeStyles[current].rank > riskGradeStyles[p.inherentGrade].rank;
    out.push({ point: p, current, raised, reasons: raised ? (s?.reasons ?? []) : [], since: s?.since ?? null });
  }
  return out.sort((a, b) => riskGradeStyles[b.current].rank - riskGradeStyles[a.current].rank || Number(b.raised) - Number(a.raised) || (a.point.id < b.point.id ? -1 : 1));
}
