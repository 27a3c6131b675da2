import { beforeAll, describe, expect, it } from 'vitest';
import type { Plant } from '../../shared/plant/schema';
import { AIR_OXYGEN_PCT, designKeyOf, nominalValue } from './designKeys';
import { loadPlant } from './loadPlant';
import { MINI_PLANT_DIR } from './testing/plantPaths';

let mini: Plant;
beforeAll(async () => {
  mini = (await loadPlant(MINI_PLANT_DIR)).plant;
});
const tag = (id: string): Plant['tags'][number] => mini.tags.find((t) => t.id === id)!;

describe('design keys', () => {
  it('maps an equipment tag code to its design key', () => {
    expect(designKeyOf('reactor', 'R-1.TI-01', 'R-1')).toBe('temperatureC');
    expect(designKeyOf('tank', 'TK-1.LI-01', 'TK-1')).toBe('levelPct');
    expect(designKeyOf('tank', 'GD-TK-1-01', 'TK-1')).toBeUndefined();
    expect(designKeyOf('rack', 'RK-1.TI-01', 'RK-1')).toBeUndefined();
  });

  it('gives the design value, zero for gas detectors and the band middle otherwise', () => {
    expect(nominalValue(mini, tag('R-1.TI-01'))).toBe(85);
    expect(nominalValue(mini, tag('TK-1.LI-01'))).toBe(60);
    expect(nominalValue(mini, tag('GD-TK-1-01'))).toBe(0);
    expect(nominalValue(mini, tag('GT-V-1-01'))).toBe(0);
    // R-1.LI-01's design key levelPct exists: 65
    expect(nominalValue(mini, tag('R-1.LI-01'))).toBe(65);
    const o2 = { ...tag('GD-TK-1-01'), kind: 'oxygen' as const };
    expect(nominalValue(mini, o2)).toBe(AIR_OXYGEN_PCT);
    // TK-1.TI-01 has limits l −5, h 32 but the tank's design temperature is 20
    expect(nominalValue(mini, tag('TK-1.TI-01'))).toBe(20);
    const noDesign = { ...tag('TK-1.TI-01'), equipment: undefined };
    expect(nominalValue(mini, noDesign)).toBe(13.5);
  });
});
