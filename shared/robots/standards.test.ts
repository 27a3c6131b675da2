import { describe, expect, it } from 'vitest';
import type { RobotStandard } from './model';
import { robotsFileSchema } from './model';
import { applicableStandard, checkReading, GAS_LEL, GAS_OEL, standardById, standardId } from './standards';
import { noiseLevel, surfaceTemperature } from './readingModel';
import { checkRobotsFile } from './checkRobots';

const std = (s: Partial<RobotStandard> & Pick<RobotStandard, 'sensor' | 'equipmentTypes' | 'limit' | 'unit'>): RobotStandard => ({ text: { zh: '测试', en: 'test' }, source: 'test data', ...s });

const standards: RobotStandard[] = [
  std({ sensor: 'thermal', equipmentTypes: '*', limit: 60, unit: '°C' }),
  std({ sensor: 'thermal', equipmentTypes: ['pump'], limit: 80, majorLimit: 95, unit: '°C' }),
  std({ sensor: 'gas', equipmentTypes: '*', limit: 25, majorLimit: 50, unit: GAS_LEL }),
  std({ sensor: 'gas', equipmentTypes: '*', limit: 100, majorLimit: 200, unit: GAS_OEL }),
  std({ sensor: 'noise', equipmentTypes: '*', limit: 85, unit: 'dB(A)' }),
];

describe('checkReading', () => {
  it('is no anomaly just below the limit, an anomaly at and above it', () => {
    expect(checkReading(standards, 'pump', 'thermal', 79.99)).toMatchObject({ anomaly: false, major: false, limit: 80 });
    expect(checkReading(standards, 'pump', 'thermal', 80)).toMatchObject({ anomaly: true, major: false });
    expect(checkReading(standards, 'pump', 'thermal', 80.01)).toMatchObject({ anomaly: true, major: false });
    expect(checkReading(standards, 'pump', 'thermal', 94.9)?.major).toBe(false);
    expect(checkReading(standards, 'pump', 'thermal', 95)?.major).toBe(true);
  });

  it('prefers the standard naming the equipment type over the wildcard, wherever it is listed', () => {
    expect(checkReading(standards, 'pump', 'thermal', 70)?.id).toBe('thermal/pump/°C');
    expect(checkReading(standards, 'tank', 'thermal', 70)).toMatchObject({ id: 'thermal/*/°C', anomaly: true, major: false });
  });

  it('picks gas standards by unit', () => {
    expect(checkReading(standards, 'tank', 'gas', 30, GAS_LEL)).toMatchObject({ anomaly: true, limit: 25 });
    expect(checkReading(standards, 'tank', 'gas', 30, GAS_OEL)).toMatchObject({ anomaly: false, limit: 100 });
    expect(checkReading(standards, 'tank', 'gas', 200, GAS_OEL)).toMatchObject({ anomaly: true, major: true });
    expect(checkReading(standards, 'tank', 'gas', 1, 'ppm')).toBeNull();
  });

  it('returns null without an applicable standard and never flags a non-finite value', () => {
    expect(checkReading([standards[1]!], 'tank', 'thermal', 500)).toBeNull();
    expect(checkReading(standards, 'pump', 'noise', Number.NaN)).toMatchObject({ anomaly: false, major: false });
    expect(checkReading(standards, 'pump', 'noise', Infinity)?.anomaly).toBe(false);
  });

  it('names standards stably and finds them again', () => {
    const s = applicableStandard(standards, 'x', 'gas', GAS_OEL)!;
    expect(standardId(s)).toBe('gas/*/%OEL');
    expect(standardById(standards, 'gas/*/%OEL')).toBe(s);
    expect(standardById(standards, 'gas/*/ppm')).toBeUndefined();
  });
});

describe('reading model', () => {
  it('shows all of a bare surface and a tenth of an insulated one above ambient', () => {
    expect(surfaceTemperature('pump', 55, 20)).toBeCloseTo(55);
    expect(surfaceTemperature('reactor', 120, 20)).toBeCloseTo(30);
    expect(surfaceTemperature('rack', null, 20)).toBe(20);
    expect(surfaceTemperature('pump', null, 20)).toBeGreaterThan(20);
    expect(surfaceTemperature('pump', Number.NaN, 20)).toBe(surfaceTemperature('pump', null, 20));
  });
  it('keeps normal noise below the 85 dB(A) limit with its scatter', () => {
    for (const k of ['pump', 'compressor', 'reactor', 'boiler', 'tank', 'unknown']) expect(noiseLevel(k) + 1).toBeLessThan(85);
  });
});

describe('checkRobotsFile', () => {
  const file = robotsFileSchema.parse({
    version: 1,
    robots: [
      { id: 'R1', name: { zh: '一', en: 'one' }, model: 'm', dock: [0, 0, 0], route: [{ id: 'C1', position: [0, 0, 0], equipment: 'P-1', measure: ['thermal'] }, { id: 'C2', position: [1, 0, 0], equipment: 'NOPE', measure: ['gas'] }] },
      { id: 'R1', name: { zh: '二', en: 'two' }, model: 'm', dock: [0, 0, 0], route: [{ id: 'C1', position: [0, 0, 0], equipment: 'P-1', measure: ['thermal'] }, { id: 'C3', position: [1, 0, 0], equipment: 'P-1', measure: ['gas'] }], returnPct: 50, resumePct: 40 },
    ],
    standards,
  });
  it('reports unknown equipment, duplicate ids and a resume level below the return level', () => {
    const messages = checkRobotsFile({ equipment: [{ id: 'P-1' }] as never }, file).map((i) => `${i.path}: ${i.message}`);
    expect(messages).toEqual([
      'robots[0].route[1].equipment: unknown equipment "NOPE"',
      'robots[1].id: duplicate robot id "R1"',
      'robots[1].resumePct: resumePct must be above returnPct',
      'robots[1].route[0].id: duplicate checkpoint id "C1"',
    ]);
  });
});
