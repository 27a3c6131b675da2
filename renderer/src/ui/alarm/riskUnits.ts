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

/** Risk units with their current grade, raised ones first, then worst first (optionally of one area). */
export function riskUnits(plant: Plant | null, risks: Readonly<Record<string, RiskStatus>>, area?: string): RiskUnitView[] {
  const out: RiskUnitView[] = [];
  for (const p of plant?.risks ?? []) {
    if (area !== undefined && p.area !== area) continue;
    const s = risks[p.id];
    const current = s?.current ?? p.inherentGrade;
    const raised = riskGradeStyles[current].rank > riskGradeStyles[p.inherentGrade].rank;
    out.push({ point: p, current, raised, reasons: raised ? (s?.reasons ?? []) : [], since: s?.since ?? null });
  }
  // Raised units first (they are what changed), then by grade.
  return out.sort((a, b) => Number(b.raised) - Number(a.raised) || riskGradeStyles[b.current].rank - riskGradeStyles[a.current].rank || (a.point.id < b.point.id ? -1 : 1));
}
