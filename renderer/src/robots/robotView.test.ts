import { describe, expect, it } from 'vitest';
import { testPlant } from '../testing/testPlant';
import { testRobots, status } from './robotFixtures';
import { STALE_MS, batteryBar, readingRows, robotLook, routePlace, standardFor } from './robotView';
import { equipmentById } from './readRobot';

const file = testRobots();
const rb1 = file.robots[0]!;
const rb2 = file.robots[1]!;

describe('robotView', () => {
  it('is normal (grey) in every ordinary state and coloured only when abnormal, stale first', () => {
    for (const state of ['patrolling', 'measuring', 'returning', 'charging'] as const) expect(robotLook(rb1, status('RB-1', 1000, { state }), 1000)).toBe('normal');
    expect(robotLook(rb1, status('RB-1', 1000, { state: 'investigating' }), 1000)).toBe('investigating');
    expect(robotLook(rb1, status('RB-1', 1000, { state: 'fault', batteryPct: 5 }), 1000)).toBe('fault');
    expect(robotLook(rb1, status('RB-1', 1000, { state: 'offline' }), 1000)).toBe('offline');
    expect(robotLook(rb1, status('RB-1', 1000, { state: 'fault' }), 1000 + STALE_MS + 1)).toBe('stale');
    expect(robotLook(rb1, null, 0)).toBe('offline');
    expect(robotLook(rb1, null, 0, 'fault')).toBe('fault');
  });

  it('calls a battery low below returnPct unless heading home, and below half of it always', () => {
    expect(robotLook(rb1, status('RB-1', 0, { batteryPct: 20 }), 0)).toBe('lowBattery');
    expect(robotLook(rb1, status('RB-1', 0, { batteryPct: 20, state: 'returning' }), 0)).toBe('normal');
    expect(robotLook(rb1, status('RB-1', 0, { batteryPct: 12, state: 'returning' }), 0)).toBe('lowBattery');
    expect(robotLook(rb1, status('RB-1', 0, { batteryPct: 20, state: 'investigating' }), 0)).toBe('lowBattery');
    expect(batteryBar(rb1, status('RB-1', 0, { batteryPct: 42.4 }))).toEqual({ share: 0.424, low: false, text: '42 %' });
  });

  it('holds each reading to the most specific standard for its equipment', () => {
    expect(standardFor(file.standards, 'thermal', 'pump')!.limit).toBe(70);
    expect(standardFor(file.standards, 'thermal', 'tank')!.limit).toBe(60);
    expect(standardFor(file.standards, 'noise', 'pump')).toBeUndefined();
    const eq = equipmentById(testPlant());
    const rows = readingRows(
      rb2,
      status('RB-2', 0, {
        readings: {
          noise: { value: 80, unit: 'dB(A)', at: 0, checkpoint: 'CP-4' },
          thermal: { value: 75, unit: '°C', at: 0, checkpoint: 'CP-4' },
          gas: { value: 60, unit: '%LEL', at: 0, checkpoint: 'CP-3' },
        },
      }),
      file.standards,
      eq,
    );
    expect(rows.map((r) => [r.sensor, r.limit, r.verdict])).toEqual([
      ['thermal', 70, 'over'],
      ['gas', 25, 'major'],
      ['noise', null, 'none'],
    ]);
    expect(rows[0]!.equipment?.en).toBe('Pump P-201');
    const ok = readingRows(rb2, status('RB-2', 0, { readings: { thermal: { value: 65, unit: '°C', at: 0, checkpoint: 'CP-4' } } }), file.standards, eq);
    expect(ok[0]!.verdict).toBe('ok');
  });

  it('says which checkpoint the robot is at and which comes next', () => {
    expect(routePlace(rb1, status('RB-1', 0, { position: [14.5, 10, 0], nextCheckpoint: 0 }))).toEqual({ at: 0, next: 1 });
    expect(routePlace(rb1, status('RB-1', 0, { position: [17, 15, 0], nextCheckpoint: 1 }))).toEqual({ at: -1, next: 1 });
    expect(routePlace(rb1, status('RB-1', 0, { position: [20, 20, 0], nextCheckpoint: 1 }))).toEqual({ at: 1, next: 0 });
    expect(routePlace(rb1, null)).toEqual({ at: -1, next: -1 });
  });
});
