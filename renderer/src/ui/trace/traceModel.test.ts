import { describe, expect, it } from 'vitest';
import { initialState } from '../../../../shared/state/reducer';
import type { Plant } from '../../../../shared/plant/schema';
import type { IncidentRecord } from '../../../../shared/incident/model';
import type { HazardRecord } from '../../../../shared/hazard/model';
import { nearestTags, traceFocus } from './traceModel';

const tag = (id: string, x: number, y: number, equipment?: string) => ({ id, position: [x, y, 0], equipment }) as unknown as Plant['tags'][number];

describe('trace model', () => {
  it('takes the incident source and opening time, or a near miss time and place', () => {
    const s = initialState();
    s.emergency.incidents['INC-1'] = { id: 'INC-1', title: { zh: '泄漏', en: 'Leak' }, openedAt: 5000, area: 'tank-farm', source: { position: [10, 20, 0], equipment: 'T-1' } } as unknown as IncidentRecord;
    s.work.hazards['HZ-1'] = { id: 'HZ-1', title: { zh: '险肇', en: 'Near miss' }, reportedAt: 9000, nearMiss: { occurredAt: 7000 }, position: [1, 2, 0], area: null, equipment: null } as unknown as HazardRecord;
    expect(traceFocus(s, { kind: 'incident', id: 'INC-1' })).toMatchObject({ t0: 5000, x: 10, y: 20, equipment: 'T-1', area: 'tank-farm' });
    expect(traceFocus(s, { kind: 'hazard', id: 'HZ-1' })).toMatchObject({ t0: 7000, x: 1, y: 2 });
    expect(traceFocus(s, { kind: 'incident', id: 'nope' })).toBeNull();
  });

  it('picks the equipment tags first, then the nearest', () => {
    const plant = { tags: [tag('far', 100, 0), tag('near', 2, 0), tag('eq', 50, 50, 'T-1'), tag('mid', 10, 0)] };
    expect(nearestTags(plant, { x: 0, y: 0, equipment: 'T-1' }, 3).map((t) => t.id)).toEqual(['eq', 'near', 'mid']);
    expect(nearestTags(plant, { x: 0, y: 0, equipment: null }, 2).map((t) => t.id)).toEqual(['near', 'mid']);
  });
});
