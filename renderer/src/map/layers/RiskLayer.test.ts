import { describe, expect, it } from 'vitest';
import type { RiskPoint } from '../../../../shared/plant/alarmConfig';
import type { Mesh } from 'three';
import { testPlant } from '../../testing/testPlant';
import { areaRisks, RiskLayer } from './RiskLayer';

const point = (id: string, area: string, inherentGrade: RiskPoint['inherentGrade']): RiskPoint => ({
  id,
  name: { zh: id, en: id },
  area,
  equipment: [],
  inherentGrade,
  assessment: { method: 'LEC', reference: 'LEC-1' },
  hazards: { zh: '泄漏', en: 'leak' },
  controls: [{ zh: '巡检', en: 'rounds' }],
  source: 'risk register',
});

describe('four-colour risk layer', () => {
  const plant = { ...testPlant(), risks: [point('RP-1', 'R1', 'orange'), point('RP-2', 'R1', 'yellow'), point('RP-3', 'T1', 'blue')] };

  it('grades each area by its worst unit, and marks an area raised above its inherent grade', () => {
    const calm = areaRisks(plant, {});
    expect(calm.get('R1')).toEqual({ area: 'R1', grade: 'orange', raised: false });
    expect(calm.get('T1')).toEqual({ area: 'T1', grade: 'blue', raised: false });
    const raised = areaRisks(plant, { 'RP-3': { area: 'T1', inherent: 'blue', current: 'red', reasons: [{ zh: '确认泄漏', en: 'confirmed release' }], since: 1 } });
    expect(raised.get('T1')).toEqual({ area: 'T1', grade: 'red', raised: true });
  });

  it('shades one quad per graded area and outlines only raised ones', () => {
    const layer = new RiskLayer(plant);
    const [fill, outline] = layer.object.children as Mesh[];
    expect(fill!.geometry.getAttribute('position').count).toBe(12);
    expect(outline!.visible).toBe(false);
    layer.setRisks({ 'RP-1': { area: 'R1', inherent: 'orange', current: 'red', reasons: [], since: 1 } });
    expect(outline!.visible).toBe(true);
    expect(outline!.geometry.getAttribute('position').count).toBe(8);
    expect(layer.gradeOf('R1')).toMatchObject({ grade: 'red', raised: true });
    expect(new RiskLayer(testPlant()).object.children[0]!.visible).toBe(false);
  });
});
