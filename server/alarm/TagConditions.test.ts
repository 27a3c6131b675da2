import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalLifecycle, type AlarmRecord } from '../../shared/alarm/model';
import type { Plant } from '../../shared/plant/schema';
import { loadPlant } from '../plant/loadPlant';
import type { SampleBatch } from '../sim/types';
import type { ConditionChange } from './AlarmEngine';
import { TagConditions } from './TagConditions';

const miniDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../tests/fixtures/plants/mini');

function batchOf(samples: [index: number, value: number, time: number, quality?: number][]): SampleBatch {
  return {
    count: samples.length,
    ids: Uint32Array.from(samples, (s) => s[0]),
    values: Float64Array.from(samples, (s) => s[1]),
    times: Float64Array.from(samples, (s) => s[2]),
    quality: Uint8Array.from(samples, (s) => s[3] ?? 0),
  };
}

describe('TagConditions', () => {
  let plant: Plant;
  beforeAll(async () => {
    plant = (await loadPlant(miniDir)).plant;
  });
  const idx = (id: string) => plant.tags.findIndex((t) => t.id === id);

  it('defines alarms on demand from tags, limits and settings', () => {
    const c = new TagConditions(plant.tags, plant.alarmSettings!);
    expect(c.def('R-1.PI-01:HH')).toMatchObject({ kind: 'HH', source: 'R-1.PI-01', equipment: 'R-1', limit: 3.4, unit: 'barg', latching: false });
    expect(c.def('R-1.PI-01:HH')!.message.en).toMatch(/high-high$/);
    expect(c.def('R-1.PI-01:LL')).toBeNull(); // the tag sets no LL
    expect(c.def('R-1.PI-01:ROC')).toMatchObject({ unit: 'barg/min' }); // pressure has a ROC rate in the settings
    expect(c.def('MET-1.WD-01:BAD')).toMatchObject({ kind: 'BAD', limit: null, unit: null });
    expect(c.def('MET-1.WD-01:H')).toBeNull();
    expect(c.def('GRP-TK-1-A:CONFIRMED')).toMatchObject({ kind: 'CONFIRMED', priority: 1, equipment: 'TK-1', latching: true });
    expect(c.def('GD-TK-1-01:H')).toMatchObject({ priority: 2, message: { zh: expect.stringContaining('一级报警') } });
    expect(c.def('nope:H')).toBeNull();
    expect(c.def('no-kind')).toBeNull();
    expect(c.tagAlarmIds(idx('R-1.SI-01'))).toEqual(['R-1.SI-01:H', 'R-1.SI-01:L', 'R-1.SI-01:LL', 'R-1.SI-01:BAD']);
  });

  it('reports limit, BAD and confirmed-release changes by alarm id, the release at its voting detectors', () => {
    const c = new TagConditions(plant.tags, plant.alarmSettings!);
    const out: ConditionChange[] = [];
    const [d1, d2, d3] = ['GD-TK-1-01', 'GD-TK-1-02', 'GD-TK-1-03'].map(idx);
    const t0 = 1_000_000;
    c.update(batchOf([[d1!, 0, t0], [d2!, 0, t0], [d3!, 0, t0], [idx('P-1.PI-01'), Number.NaN, t0, 2]]), t0, out);
    expect(out).toEqual([{ id: 'P-1.PI-01:BAD', active: true, value: null, time: t0 }]);
    out.length = 0;
    // Two detectors over the first level (25 %LEL) for longer than the 2 s on-delay.
    for (let s = 1; s <= 3; s++) c.update(batchOf([[d1!, 30, t0 + s * 1000], [d2!, 40, t0 + s * 1000], [d3!, 5, t0 + s * 1000]]), t0 + s * 1000, out);
    expect(out.map((x) => [x.id, x.active])).toEqual([
      ['GD-TK-1-01:H', true],
      ['GD-TK-1-02:H', true],
      ['GRP-TK-1-A:CONFIRMED', true],
    ]);
    const confirmed = out[2]!;
    const [p1, p2] = [d1!, d2!].map((i) => plant.tags[i]!.position);
    expect(confirmed.position).toEqual([(p1![0] + p2![0]) / 2, (p1![1] + p2![1]) / 2, (p1![2] + p2![2]) / 2]);
    expect(confirmed.value).toBe(2);
  });

  it('once seeded with the alarms active before a restart, reports their clearing', () => {
    const tag = idx('R-1.PI-01');
    const rec = (id: string, kind: AlarmRecord['kind'], source: string): AlarmRecord => ({
      id,
      kind,
      source,
      area: 'A2',
      equipment: null,
      priority: 2,
      position: [0, 0, 0],
      message: { zh: id, en: id },
      lifecycle: { ...normalLifecycle, active: true, acked: false },
      value: 4,
      limit: 3.4,
      unit: 'barg',
      activatedAt: 0,
      lastChange: 0,
    });
    const t0 = 2_000_000;
    const run = (seeded: boolean) => {
      const c = new TagConditions(plant.tags, plant.alarmSettings!);
      if (seeded) c.seed([rec('R-1.PI-01:HH', 'HH', 'R-1.PI-01'), rec('GRP-TK-1-A:CONFIRMED', 'CONFIRMED', 'GRP-TK-1-A')]);
      const out: ConditionChange[] = [];
      // Back to normal (1 barg) for longer than the 15 s off-delay.
      for (let s = 0; s <= 20; s++) c.update(batchOf([[tag, 1, t0 + s * 1000]]), t0 + s * 1000, out);
      return out.filter((x) => x.id === 'R-1.PI-01:HH');
    };
    expect(run(false)).toEqual([]);
    expect(run(true).map((x) => [x.active, x.value])).toEqual([[false, 1]]);
  });
});
