import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenario, parseScenario, ScenarioError } from '../../shared/drill/loadScenario';
import { loadPlant } from '../plant/loadPlant';
import { loadPlans } from '../incident/loadPlans';
import { ScenarioCatalog } from './ScenarioCatalog';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('scenario files', () => {
  it('every scenario in resources/scenarios is valid and runnable on the reference plant (ids, plan steps, order)', async () => {
    const { plant, people } = await loadPlant(path.join(root, 'resources', 'plants', 'reference'));
    const { plans } = loadPlans(path.join(root, 'resources', 'plans'));
    const catalog = new ScenarioCatalog(path.join(root, 'resources', 'scenarios'), { plant, people: people?.people.map((p) => p.id) ?? [], robots: plant.robots?.robots.map((r) => r.id) ?? [], plans });
    expect(catalog.entries.length).toBeGreaterThanOrEqual(4);
    for (const e of catalog.entries) expect(e.errors, e.file).toEqual([]);
    const ids = catalog.entries.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining(['toxic-release-chlorine', 'reactor-runaway-r101', 'warehouse-fire', 'robot-night-leak']));
    for (const e of catalog.entries) {
      const s = e.scenario!;
      // A drill of 10–20 minutes, with its expectations inside it.
      expect(s.durationS).toBeGreaterThanOrEqual(600);
      expect(s.durationS).toBeLessThanOrEqual(1200);
      for (const x of s.expect) expect(x.targetS).toBeLessThanOrEqual(s.durationS);
    }
    // The toxic one can be exercised in a few minutes: its key targets are early.
    const toxic = catalog.get('toxic-release-chlorine')!.scenario!;
    for (const m of ['first_ack', 'incident_open', 'evacuation_ordered', 'first_dispatch'] as const) expect(toxic.expect.find((x) => 'milestone' in x && x.milestone === m)!.targetS).toBeLessThanOrEqual(180);
  });

  it('names file, line and path of a schema error, and of a YAML syntax error', () => {
    const bad = ['version: 1', 'id: x', 'name: { zh: 名, en: n }', 'description: { zh: 述, en: d }', 'plant: mini', 'incidentType: toxic_release', 'durationS: 60', 'timeline:', '  - atS: 0', '    action: { do: explode }', 'expect:', '  - { milestone: first_ack, targetS: -5 }', ''].join('\n');
    const r = parseScenario(bad, 'bad.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.some((e) => /^bad\.yaml:10:\d+: timeline\.0\.action/.test(e))).toBe(true);
    expect(r.errors.some((e) => /^bad\.yaml:12:\d+: expect\.0/.test(e))).toBe(true);
    expect(() => loadScenario('version: 1\nid: [unclosed\n', 'broken.yaml')).toThrow(ScenarioError);
    expect(() => loadScenario('version: 1\nid: [unclosed\n', 'broken.yaml')).toThrow(/^broken\.yaml:\d+:\d+: /);
  });

  it('lists a scenario with unknown ids as not runnable, with the reasons', async () => {
    const { plant, people } = await loadPlant(path.join(root, 'resources', 'plants', 'reference'));
    const dir = mkdtempSync(path.join(tmpdir(), 'vigil-scn-'));
    try {
      writeFileSync(
        path.join(dir, 'x.yaml'),
        [
          'version: 1',
          'id: x',
          'name: { zh: 名, en: n }',
          'description: { zh: 述, en: d }',
          'plant: reference',
          'incidentType: toxic_release',
          'durationS: 600',
          'timeline:',
          '  - { atS: 0, action: { do: inject, injection: { kind: detector_failure, tag: NO-SUCH-TAG, mode: bad } } }',
          '  - { atS: 5, action: { do: clear, id: never-injected } }',
          'expect:',
          '  - { planStep: no_such_step, targetS: 60 }',
          '',
        ].join('\n'),
      );
      const c = new ScenarioCatalog(dir, { plant, people: people?.people.map((p) => p.id) ?? [], robots: [], plans: loadPlans(path.join(root, 'resources', 'plans')).plans });
      const e = c.get('x')!;
      expect(e.runnable).toBe(false);
      expect(e.errors.join('\n')).toMatch(/unknown tag "NO-SUCH-TAG"/);
      expect(e.errors.join('\n')).toMatch(/clears "never-injected"/);
      expect(e.errors.join('\n')).toMatch(/no step "no_such_step"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
