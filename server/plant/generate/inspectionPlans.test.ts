import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectionPlansFileSchema } from '../../../shared/hazard/inspection';
import { buildReferencePlant } from './referencePlant';
import { loadStandards } from './standards';

const plant = buildReferencePlant(loadStandards(path.resolve(__dirname, '..', '..', '..', 'resources', 'standards')));
const file = plant.inspectionPlans!;

describe('reference inspection plans', () => {
  it('validate, name real areas, and have unique plan and check ids with a source each', () => {
    expect(inspectionPlansFileSchema.safeParse(file).success).toBe(true);
    const areas = new Set(plant.areas.map((a) => a.id));
    expect(new Set(file.plans.map((p) => p.id)).size).toBe(file.plans.length);
    for (const p of file.plans) {
      expect(areas.has(p.area), p.id).toBe(true);
      expect(new Set(p.checks.map((c) => c.id)).size, p.id).toBe(p.checks.length);
      expect(p.source, p.id).toMatch(/\S{3}/);
      expect(p.graceHours, p.id).toBeLessThanOrEqual(p.everyHours);
      for (const c of p.checks) expect(c.text.zh !== c.text.en && c.text.zh.length > 0 && c.text.en.length > 0, `${p.id}/${c.id}`).toBe(true);
    }
  });

  it('walk the 两重点一重大 areas (key processes, major hazard installations) at least hourly and the others every 2 h', () => {
    const rounds = new Map(file.plans.filter((p) => p.id.endsWith('-ROUND')).map((p) => [p.area, p.everyHours]));
    for (const a of ['RX', 'PROC', 'TF-CL', 'TF-NH3', 'TF-LPG', 'TF-D1', 'TF-D2', 'TF-D3', 'TF-D4']) expect(rounds.get(a), a).toBe(1);
    for (const a of ['WH', 'LOAD', 'UTL', 'WWT']) expect(rounds.get(a), a).toBe(2);
    // Every plant area where people work has some plan.
    const planned = new Set(file.plans.map((p) => p.area));
    for (const a of plant.areas.filter((x) => !['admin', 'control_room'].includes(x.kind))) expect(planned.has(a.id), a.id).toBe(true);
  });
});
