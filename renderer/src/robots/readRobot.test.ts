import { describe, expect, it } from 'vitest';
import { initialWorkState } from '../../../shared/state/reducer';
import type { RobotFinding } from '../../../shared/robots/model';
import { RobotStore } from '../stores/robotStore';
import { testPlant } from '../testing/testPlant';
import { crowdedAreas } from '../ui/robots/useRobotMap';
import { readRobot } from './readRobot';
import { status, testRobots } from './robotFixtures';

const finding = (id: string, robot: string, at: number): RobotFinding => ({
  id,
  robot,
  checkpoint: 'CP-3',
  equipment: 'T-201',
  area: 'T1',
  position: [60, 10, 0],
  sensor: 'thermal',
  value: 95,
  unit: '°C',
  limit: 60,
  major: false,
  standard: 'test',
  at,
});

describe('readRobot', () => {
  it('joins the live status, the journal state and the robot findings, newest first', () => {
    const store = new RobotStore();
    store.setPlant(testRobots());
    const work = { ...initialWorkState(), robots: { 'RB-2': { state: 'patrolling' as const, since: 500, batteryPct: 80 } }, findings: [finding('F1', 'RB-2', 1), finding('F2', 'RB-1', 2), finding('F3', 'RB-2', 3)] };
    store.apply({ time: 10_000, robots: [status('RB-2', 10_000, { position: [60, 10.5, 0], nextCheckpoint: 0, batteryPct: 64 })] }, 0);
    const r = readRobot(1, store, testPlant(), work, 'en', 12_000)!;
    expect(r).toMatchObject({ id: 'RB-2', name: 'Rover 2', state: 'patrolling', since: 500, look: 'normal', abnormal: false, ageS: 2 });
    expect(r.at).toEqual({ id: 'CP-3', equipment: 'Benzene tank T-201' });
    expect(r.next).toEqual({ id: 'CP-4', equipment: 'Pump P-201' });
    expect(r.battery.text).toBe('64 %');
    expect(r.findings.map((f) => f.id)).toEqual(['F3', 'F1']);
  });

  it('shows the journal state of a robot that has not reported, and nothing for an unknown index', () => {
    const store = new RobotStore();
    store.setPlant(testRobots());
    const work = { ...initialWorkState(), robots: { 'RB-1': { state: 'fault' as const, since: 7, batteryPct: 50 } } };
    const r = readRobot(0, store, testPlant(), work, 'zh', 1000)!;
    expect(r).toMatchObject({ name: '巡检一号', state: 'fault', look: 'fault', abnormal: true, ageS: null, at: null, next: null, readings: [] });
    expect(readRobot(5, store, testPlant(), work, 'zh', 1000)).toBeNull();
  });
});

describe('crowdedAreas', () => {
  it('names the areas whose crowding alarm is active', () => {
    const a = (id: string, active: boolean) => ({ id, lifecycle: { active } });
    expect([...crowdedAreas([a('CROWD.RX:CROWDING', true), a('CROWD.TF-CL:CROWDING', false), a('P-0001:MAN_DOWN', true)])]).toEqual(['RX']);
  });
});
