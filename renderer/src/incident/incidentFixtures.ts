import type { IncidentRecord } from '../../../shared/incident/model';
import type { EmergencyPlan } from '../../../shared/incident/plan';
import { newIncident } from '../../../shared/incident/incidentRecord';

/** Test fixtures: a three-step toxic-release plan and an incident opened at `openedAt`. */
export const testPlan: EmergencyPlan = {
  version: 1,
  id: 'toxic-release',
  name: { zh: '有毒气体泄漏', en: 'Toxic release' },
  types: ['toxic_release'],
  isolation: [],
  steps: [
    { id: 'activate', text: { zh: '启动预案', en: 'Activate the plan' }, owner: 'commander', targetMin: 0, resources: [], auto: 'plan_activated' },
    { id: 'isolate', text: { zh: '关闭切断阀', en: 'Close the shut-off valves' }, owner: 'operations', targetMin: 5, resources: [] },
    { id: 'evacuate', text: { zh: '疏散', en: 'Evacuate' }, owner: 'safety', targetMin: 10, resources: [], auto: 'evacuation_ordered' },
  ],
  source: 'test fixture',
};

export function testIncident(over: Partial<IncidentRecord> & { openedAt?: number } = {}): IncidentRecord {
  const base = newIncident({
    id: over.id ?? 'INC-20261128-01',
    type: 'toxic_release',
    level: 'III',
    levelReasons: [],
    title: { zh: '氯气泄漏', en: 'Chlorine release' },
    openedAt: over.openedAt ?? 1_000_000,
    openedBy: 'system',
    trigger: { kind: 'alarm', ref: 'GD-301:CONFIRMED' },
    area: 'TF-CL',
    source: { position: [710, 270, 1.4], chemical: 'chlorine', rateKgS: 0.132, rateEstimated: true, heightM: 1.4, equipment: 'TK-301' },
    plan: testPlan,
    drill: false,
  });
  return { ...base, ...over };
}
