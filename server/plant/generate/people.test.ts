import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPeopleFile } from '../../../shared/people/checkPeopleFile';
import { dayNumber } from '../../../shared/people/dates';
import { qualificationStatus } from '../../../shared/people/qualifications';
import { peopleFileSchema } from '../../../shared/people/registry';
import { loadPlant } from '../loadPlant';
import { REFERENCE_PLANT_DIR, STANDARDS_DIR } from '../testing/plantPaths';
import { buildPeopleRegistry, NEW_OPERATOR_ID, PEOPLE_AS_OF, peopleFileText } from './people';
import { buildReferencePlant } from './referencePlant';
import { loadStandards } from './standards';

describe('reference personnel registry', () => {
  const plant = buildReferencePlant(loadStandards(STANDARDS_DIR));
  const registry = buildPeopleRegistry(plant);

  it('reproduces the committed people.json byte for byte, and loadPlant reads it', async () => {
    expect(peopleFileText(registry), 'people.json differs: run npm run plant:generate').toBe(await readFile(path.join(REFERENCE_PLANT_DIR, 'people.json'), 'utf8'));
    const loaded = await loadPlant(REFERENCE_PLANT_DIR);
    expect(loaded.people?.people).toHaveLength(registry.people.length);
    expect(loaded.plant.peopleZones?.restricted.length).toBeGreaterThan(0);
  });

  it('validates, with unique ids and badges and references that resolve', () => {
    expect(peopleFileSchema.safeParse(registry).success).toBe(true);
    expect(checkPeopleFile(plant, registry)).toEqual([]);
  });

  it('puts about 150 people on site by day and about 65 by night', () => {
    const schedule = new Map(registry.teams.map((t) => [t.id, t.schedule]));
    const day = registry.people.filter((p) => ['day', 'office', 'always', 'visit'].includes(schedule.get(p.team)!)).length;
    const night = registry.people.filter((p) => ['night', 'always'].includes(schedule.get(p.team)!)).length;
    expect(day).toBeGreaterThanOrEqual(140);
    expect(day).toBeLessThanOrEqual(160);
    expect(night).toBeGreaterThanOrEqual(55);
    expect(night).toBeLessThanOrEqual(75);
    for (const role of ['operator', 'maintenance', 'contractor', 'visitor', 'shift_lead', 'hse', 'fire_brigade']) expect(registry.people.some((p) => p.role === role), role).toBe(true);
  });

  it('has a few certificates expired or expiring within 30 days of its as-of day, the rest valid', () => {
    const today = dayNumber(PEOPLE_AS_OF)!;
    const count = (s: string): number => registry.qualifications.filter((q) => qualificationStatus(q, today, 30) === s).length;
    expect(count('expired')).toBeGreaterThanOrEqual(2);
    expect(count('expired')).toBeLessThanOrEqual(5);
    expect(count('expiring')).toBeGreaterThanOrEqual(3);
    expect(count('expiring')).toBeLessThanOrEqual(6);
    expect(count('valid')).toBeGreaterThan(500);
  });

  it('has the new operator of JOURNEYS moment 2 on the reactor day team, without a pass in the batching-system course', () => {
    const p = registry.people.find((x) => x.id === NEW_OPERATOR_ID)!;
    expect(p).toMatchObject({ role: 'operator', team: 'OPS-A', areas: ['RX'] });
    const batch = registry.qualifications.filter((q) => q.person === p.id && q.type === 'TR-BATCH');
    expect(batch.length).toBeGreaterThan(0);
    expect(batch.every((q) => !q.passed)).toBe(true);
    const others = registry.people.filter((x) => x.areas[0] === 'RX' && x.role === 'operator' && x.id !== p.id);
    expect(others.every((o) => registry.qualifications.some((q) => q.person === o.id && q.type === 'TR-BATCH' && q.passed))).toBe(true);
  });
});
