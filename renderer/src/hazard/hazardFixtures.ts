import type { HazardRecord } from '../../../shared/hazard/model';

/** A valid hazard record for tests; fields overridden by `patch`. */
export function hazardFixture(patch: Partial<HazardRecord> & { id: string }): HazardRecord {
  return {
    source: 'manual',
    sourceRef: null,
    title: { zh: `隐患 ${patch.id}`, en: `Hazard ${patch.id}` },
    description: '',
    category: 'equipment',
    grade: 'general',
    state: 'assigned',
    area: 'A1',
    equipment: null,
    position: [10, 20, 0],
    evidence: [],
    nearMiss: null,
    plan: null,
    assignee: 'P-1',
    deadline: null,
    reportedBy: 'someone',
    reportedAt: 1_000,
    updatedAt: 1_000,
    closedAt: null,
    rectifiedBy: null,
    verifiedBy: null,
    overdue: false,
    escalation: 0,
    drill: false,
    history: [],
    ...patch,
  };
}
