import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { incidentTypes } from '../../shared/incident/model';
import { typesWithoutPlan } from '../../shared/incident/planValidate';
import { loadPlans } from './loadPlans';

const plansDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources', 'plans');

describe('resources/plans', () => {
  it('every plan validates and every incident type has exactly one plan', () => {
    const { plans, uncovered } = loadPlans(plansDir);
    expect(uncovered).toEqual([]);
    expect(typesWithoutPlan(plans)).toEqual([]);
    for (const t of incidentTypes) expect(plans.filter((p) => p.types.includes(t)), t).toHaveLength(1);
    for (const p of plans) {
      // Every step text in both languages, every plan starts with its activation, times in order of sense.
      expect(p.steps[0]!.auto, p.id).toBe('plan_activated');
      for (const s of p.steps) expect(s.text.zh.length > 1 && s.text.en.length > 1, `${p.id}/${s.id}`).toBe(true);
      for (const i of p.isolation) expect(i.protectDayM, `${p.id}/${i.chemical}`).toBeGreaterThanOrEqual(i.isolateM);
    }
    const toxic = plans.find((p) => p.id === 'toxic-release')!;
    expect(toxic.isolation.find((i) => i.chemical === 'chlorine')).toMatchObject({ isolateM: 600 });
    expect(toxic.steps.find((s) => s.id === 'dispatch_hazmat')?.resources).toContain('scba');
  });
});

describe('loadPlans', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('names the file and the path of every problem', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'vigil-plans-'));
    const good = { version: 1, id: 'a', name: { zh: '甲', en: 'A' }, types: ['injury'], steps: [{ id: 's1', text: { zh: '一', en: 'one' }, owner: 'commander', targetMin: 0 }], source: 'test' };
    writeFileSync(path.join(dir, 'a.json'), JSON.stringify(good));
    writeFileSync(path.join(dir, 'b.json'), JSON.stringify({ ...good, id: 'b', steps: [{ ...good.steps[0], owner: 'mayor' }] }));
    writeFileSync(path.join(dir, 'c.json'), JSON.stringify({ ...good, id: 'other', types: ['fire'] }));
    writeFileSync(path.join(dir, 'd.json'), JSON.stringify({ ...good, id: 'd', types: ['injury'] }));
    writeFileSync(path.join(dir, 'e.json'), '{ not json');
    writeFileSync(path.join(dir, 'f.json'), JSON.stringify({ ...good, id: 'f', types: ['fire'], steps: [good.steps[0], good.steps[0]] }));
    let message = '';
    try {
      loadPlans(dir);
    } catch (err) {
      message = (err as Error).message;
    }
    const base = path.basename(dir);
    expect(message).toContain(`${base}/b.json at steps.0.owner:`);
    expect(message).toContain(`${base}/c.json at id: id "other" must match the file name "c.json"`);
    expect(message).toContain(`${base}/d.json at types.0: incident type "injury" already has plan "a"`);
    expect(message).toContain(`${base}/e.json: not JSON`);
    expect(message).toContain(`${base}/f.json at steps.1.id: duplicate step id "s1"`);
    expect(message).not.toContain('a.json');
  });

  it('returns the types no plan covers', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'vigil-plans-'));
    writeFileSync(path.join(dir, 'a.json'), JSON.stringify({ version: 1, id: 'a', name: { zh: '甲', en: 'A' }, types: ['injury'], steps: [{ id: 's1', text: { zh: '一', en: 'one' }, owner: 'commander', targetMin: 0 }], source: 'test' }));
    const { uncovered } = loadPlans(dir);
    expect(uncovered).toHaveLength(incidentTypes.length - 1);
    expect(uncovered).not.toContain('injury');
  });
});
