import { describe, expect, it } from 'vitest';
import { Quality } from '../../shared/plant/band';
import type { Plant } from '../../shared/plant/schema';
import { robotsFileSchema, type RobotFinding, type RobotsMessage } from '../../shared/robots/model';
import { ManualClock } from '../../shared/util/clock';
import { ROBOT_STANDARDS } from '../plant/generate/robots';
import { CommandEngine } from '../engine/CommandEngine';
import { openSqliteStore } from '../store/openSqliteStore';
import { RobotService, type RobotsOut } from './RobotService';

const T0 = Date.UTC(2026, 5, 2, 0, 0, 0);

/** Two checkpoints 40 m apart facing a pump and a tank; the pump's bearing reads 55 °C. */
function fixture() {
  const robots = robotsFileSchema.parse({
    version: 1,
    robots: [
      {
        id: 'R1',
        name: { zh: '一号', en: 'One' },
        model: 'test',
        dock: [0, -10, 0],
        route: [
          { id: 'C0', position: [0, 0, 0], equipment: 'P-1', measure: ['thermal', 'noise'] },
          { id: 'C1', position: [40, 0, 0], equipment: 'TK-1', measure: ['gas'] },
        ],
      },
    ],
    standards: ROBOT_STANDARDS,
  });
  const plant = {
    equipment: [
      { id: 'P-1', kind: 'pump', area: 'A1' },
      { id: 'TK-1', kind: 'tank', area: 'A1' },
    ],
    tags: [{ id: 'P-1.TI-01', kind: 'temperature', equipment: 'P-1', unit: '°C', position: [0, 5, 0] }],
    chemicals: [],
    robots,
  } as unknown as Plant;
  const latest = { values: Float64Array.of(55), quality: Uint8Array.of(Quality.Good) };
  return { plant, latest };
}

describe('RobotService', () => {
  it('journals a finding once per checkpoint and sensor while the anomaly lasts, hands it on after the event, and keeps ids unique across a restart', () => {
    const clock = new ManualClock(T0);
    const store = openSqliteStore(':memory:');
    const engine = CommandEngine.open(store, clock);
    const { plant, latest } = fixture();
    const handed: { f: RobotFinding; inJournal: boolean }[] = [];
    const onFinding = (f: RobotFinding): void => {
      handed.push({ f, inJournal: engine.state.work.findings.some((x) => x.id === f.id) });
    };
    let svc = new RobotService({ plant, engine, clock, latest, simSeed: 1, startTime: T0, onFinding });
    const run = (seconds: number): void => {
      for (let s = 0; s < seconds; s++) {
        clock.advance(1000);
        svc.run(clock.now());
      }
    };
    const findings = (): RobotFinding[] => engine.state.work.findings;
    run(120); // two passes of C0 (a lap is 80 m + dwells)
    expect(findings()).toEqual([]);
    expect(engine.state.work.robots.R1?.state).toBeDefined();
    svc.sim.inject({ kind: 'hot_spot', equipment: 'P-1', surfaceC: 90 }, clock.now(), 'inj-1');
    run(300);
    expect(findings()).toHaveLength(1);
    expect(findings()[0]).toMatchObject({ id: 'RF-R1-1', robot: 'R1', checkpoint: 'C0', equipment: 'P-1', area: 'A1', sensor: 'thermal', unit: '°C', limit: 80, major: false, standard: 'thermal/pump/°C' });
    expect(findings()[0]!.value).toBeGreaterThanOrEqual(89.5);
    expect(handed.map((h) => h.f.id)).toEqual(['RF-R1-1']);
    expect(handed[0]!.inJournal).toBe(true);

    // Restart while still hot: the open finding is not found again.
    svc = new RobotService({ plant, engine, clock, latest, simSeed: 1, startTime: clock.now(), onFinding });
    svc.sim.inject({ kind: 'hot_spot', equipment: 'P-1', surfaceC: 90 }, clock.now(), 'inj-1');
    run(300);
    expect(findings()).toHaveLength(1);
    // Back to normal (read once), then hot beyond the major limit: a new finding with the next number.
    svc.sim.clear('inj-1');
    run(200);
    svc.sim.inject({ kind: 'hot_spot', equipment: 'P-1', surfaceC: 120 }, clock.now(), 'inj-2');
    run(200);
    expect(findings().map((f) => [f.id, f.major])).toEqual([
      ['RF-R1-1', false],
      ['RF-R1-2', true],
    ]);
    expect(handed).toHaveLength(2);
    store.close();
  });

  it('publishes the lane once a second to subscribers that are draining, never to nobody', () => {
    const clock = new ManualClock(T0);
    const store = openSqliteStore(':memory:');
    const engine = CommandEngine.open(store, clock);
    const { plant, latest } = fixture();
    const svc = new RobotService({ plant, engine, clock, latest, simSeed: 1, startTime: T0 });
    const sent: { ids: readonly string[]; m: RobotsMessage }[] = [];
    let subs: string[] = [];
    const congested = new Set<string>();
    const out: RobotsOut = { subscribers: () => subs, send: (ids, m) => sent.push({ ids, m }), congested: (id) => congested.has(id) };
    for (let t = 0; t < 3000; t += 100) {
      clock.set(T0 + t);
      svc.run(clock.now());
      svc.publish(out);
    }
    expect(sent).toEqual([]);
    subs = ['a', 'b'];
    congested.add('b');
    for (let t = 3000; t < 6000; t += 100) {
      clock.set(T0 + t);
      svc.run(clock.now());
      svc.publish(out);
    }
    expect(sent.map((s) => s.m.time - T0)).toEqual([3000, 4000, 5000]);
    expect(sent.every((s) => s.ids.join() === 'a')).toBe(true);
    expect(sent[0]!.m.robots.map((r) => r.id)).toEqual(['R1']);
    store.close();
  });
});
