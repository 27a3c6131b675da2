import { describe, expect, it } from 'vitest';
import { robotDefSchema, type RobotDef } from '../../shared/robots/model';
import { InjectionError } from '../sim/types';
import { RobotSimulator, type RobotSensors } from './RobotSimulator';

const T0 = Date.UTC(2026, 5, 2, 0, 0, 0);

/** A 40 m square with the dock 10 m south of its first corner. */
function square(extra: Partial<RobotDef> = {}): RobotDef {
  return robotDefSchema.parse({
    id: 'R1',
    name: { zh: '一号', en: 'One' },
    model: 'test',
    dock: [0, -10, 0],
    route: [
      { id: 'C0', position: [0, 0, 0], equipment: 'P-1', measure: ['thermal', 'gas', 'noise'] },
      { id: 'C1', position: [40, 0, 0], equipment: 'P-2', measure: ['thermal'] },
      { id: 'C2', position: [40, 40, 0], equipment: 'TK-1', measure: ['gas'] },
      { id: 'C3', position: [0, 40, 0], equipment: 'TK-2', measure: ['noise'] },
    ],
    ...extra,
  });
}

class Sensors implements RobotSensors {
  surface = 50;
  lel = 0;
  oel = 0;
  surfaceC(): number {
    return this.surface;
  }
  gas(): { lel: number; oel: number } {
    return { lel: this.lel, oel: this.oel };
  }
  noise(): number {
    return 70;
  }
}

function sim(def: RobotDef = square(), battery = 100, seed = 7, sensors = new Sensors()): RobotSimulator {
  return new RobotSimulator([def], ['P-1', 'P-2', 'TK-1', 'TK-2'], sensors, { seed, startTime: T0, start: { R1: { batteryPct: battery } } });
}

describe('RobotSimulator', () => {
  it('leaves the dock, drives at its speed with interpolated positions, dwells measuring, reads at the end of the dwell', () => {
    const s = sim();
    s.advance(T0 + 5000);
    let st = s.status(0, T0 + 5000);
    expect(st.state).toBe('patrolling');
    expect(st.position[0]).toBeCloseTo(0);
    expect(st.position[1]).toBeCloseTo(-5);
    expect(st.heading).toBeCloseTo(Math.PI / 2);
    s.advance(T0 + 12_000); // reached C0 at 10 s
    st = s.status(0, T0 + 12_000);
    expect(st.state).toBe('measuring');
    expect(st.nextCheckpoint).toBe(0);
    expect(s.readings).toEqual([]);
    s.advance(T0 + 20_000); // dwell ends at 20 s
    expect(s.readings.map((r) => r.key)).toEqual(['thermal', 'gas', 'gas_toxic', 'noise']);
    expect(s.readings[0]).toMatchObject({ checkpoint: 0, sensor: 'thermal', unit: '°C', at: T0 + 20_000 });
    expect(Math.abs(s.readings[0]!.value - 50)).toBeLessThanOrEqual(0.5);
    s.advance(T0 + 35_000); // 15 m along the first leg, eastwards
    st = s.status(0, T0 + 35_000);
    expect(st).toMatchObject({ state: 'patrolling', nextCheckpoint: 1 });
    expect(st.position[0]).toBeCloseTo(15);
    expect(st.position[1]).toBeCloseTo(0);
    expect(st.heading).toBeCloseTo(0);
    expect(st.readings.thermal?.checkpoint).toBe('C0');
    expect(s.changes.map((c) => `${c.from}>${c.to}`)).toEqual(['offline>patrolling', 'patrolling>measuring', 'measuring>patrolling']);
  });

  it('drains the battery while patrolling, returns below returnPct, charges at the dock and resumes its route', () => {
    const s = sim(square({ returnPct: 25, resumePct: 95, drainPctPerH: 12, chargePctPerH: 40 }), 26);
    s.advance(T0 + 60_000);
    expect(s.status(0, T0 + 60_000).batteryPct).toBeCloseTo(26 - 12 / 60, 1);
    s.advance(T0 + 3_600_000 * 4);
    const seq = s.changes.map((c) => c.to);
    expect(seq.slice(0, seq.indexOf('charging') + 1)).toContain('returning');
    const returning = s.changes.find((c) => c.to === 'returning')!;
    expect(returning.batteryPct).toBeLessThanOrEqual(25);
    const docked = s.changes.find((c) => c.to === 'charging')!;
    expect(docked.position).toEqual([0, -10, 0]);
    const resumed = s.changes.find((c, i) => c.from === 'charging' && c.to === 'patrolling' && i > 0)!;
    expect(resumed.batteryPct).toBeGreaterThanOrEqual(95);
    // (95 − ~24.9) % at 40 %/h ≈ 1.75 h on the dock.
    expect(s.status(0, T0 + 3_600_000 * 4).state).not.toBe('charging');
  });

  it('a robot_fault stops it where it is until the injection ends, then it carries on', () => {
    const s = sim();
    s.advance(T0 + 30_000);
    const id = s.inject({ kind: 'robot_fault', robot: 'R1' }, T0 + 30_000, 'inj-1');
    expect(id).toBe('inj-1');
    const at = s.status(0, T0 + 30_000);
    expect(at.state).toBe('fault');
    s.advance(T0 + 90_000);
    expect(s.status(0, T0 + 90_000).position).toEqual(at.position);
    expect(s.goto('R1', 'C2')).toMatchObject({ ok: false, code: 'conflict' });
    expect(s.clear('inj-1')).toEqual(['inj-1']);
    s.advance(T0 + 95_000);
    const after = s.status(0, T0 + 95_000);
    expect(after.state).toBe('patrolling');
    expect(after.position[0]).toBeCloseTo(at.position[0] + 5);
    expect(s.changes.filter((c) => c.to === 'fault' || c.from === 'fault').map((c) => `${c.from}>${c.to}`)).toEqual(['patrolling>fault', 'fault>patrolling']);
  });

  it('faults expire with their duration', () => {
    const s = sim();
    s.inject({ kind: 'robot_fault', robot: 'R1', durationS: 60 }, T0, 'inj-2');
    expect(s.expire(T0 + 59_999)).toEqual([]);
    expect(s.expire(T0 + 60_000)).toEqual(['inj-2']);
    s.advance(T0 + 61_000);
    expect(s.status(0, T0 + 61_000).state).not.toBe('fault');
  });

  it('goto sends it the shorter way to a checkpoint, investigating, then it patrols on from there', () => {
    const s = sim();
    s.advance(T0 + 20_000); // done measuring at C0, heading for C1
    expect(s.goto('R1', 'C3')).toEqual({ ok: true });
    expect(s.status(0, T0 + 20_000)).toMatchObject({ state: 'investigating', nextCheckpoint: 3 });
    s.advance(T0 + 40_000); // 20 m north on the C0–C3 leg (backwards round the loop)
    const st = s.status(0, T0 + 40_000);
    expect(st.position[0]).toBeCloseTo(0);
    expect(st.position[1]).toBeCloseTo(20);
    s.advance(T0 + 70_000); // arrives at 60 s, dwells 10 s, reads
    expect(s.readings.filter((r) => r.checkpoint === 3).map((r) => r.key)).toEqual(['noise']);
    expect(s.status(0, T0 + 70_000)).toMatchObject({ state: 'patrolling', nextCheckpoint: 0 });
    expect(s.changes.map((c) => c.to)).toEqual(['patrolling', 'measuring', 'patrolling', 'investigating', 'patrolling']);
  });

  it('refuses goto for an unknown robot or checkpoint with a clear message', () => {
    const s = sim();
    expect(s.goto('R9', 'C1')).toMatchObject({ ok: false, code: 'not_found', message: expect.stringContaining('unknown robot "R9"') });
    expect(s.goto('R1', 'C9')).toMatchObject({ ok: false, code: 'not_found', message: expect.stringContaining('no checkpoint "C9"') });
    expect(sim(square(), 20).goto('R1', 'C1')).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('sees a hot spot on the equipment it measures, and refuses unknown equipment and robots', () => {
    const sensors = new Sensors();
    const s = sim(square(), 100, 7, sensors);
    s.inject({ kind: 'hot_spot', equipment: 'P-2', surfaceC: 140 }, T0, 'inj-h');
    expect(() => s.inject({ kind: 'hot_spot', equipment: 'X', surfaceC: 140 }, T0, 'inj-x')).toThrow(InjectionError);
    expect(() => s.inject({ kind: 'robot_fault', robot: 'X' }, T0, 'inj-y')).toThrow(/unknown robot/);
    expect(() => s.inject({ kind: 'hot_spot', equipment: 'P-1', surfaceC: 99 }, T0, 'inj-h')).toThrow(/already active/);
    s.advance(T0 + 80_000); // C0 read at 20 s, C1 reached at 60 s and read at 70 s
    const c0 = s.readings.find((r) => r.checkpoint === 0 && r.key === 'thermal')!;
    const c1 = s.readings.find((r) => r.checkpoint === 1 && r.key === 'thermal')!;
    expect(c0.value).toBeLessThan(51);
    expect(c1.value).toBeGreaterThanOrEqual(139.5);
    expect(c1.at).toBe(T0 + 70_000);
  });

  it('is deterministic: the same seed gives the same track and readings, another seed other readings', () => {
    const run = (seed: number): string => {
      const s = sim(square(), undefined as unknown as number, seed);
      const out: string[] = [];
      for (let t = 0; t <= 3 * 3_600_000; t += 7_000) {
        s.advance(T0 + t);
        const st = s.status(0, T0 + t);
        out.push(`${st.state} ${st.position.join(',')} ${st.batteryPct}`);
      }
      return `${out.join('\n')}\n${s.readings.map((r) => r.value).join(',')}`;
    };
    expect(run(3)).toBe(run(3));
    expect(run(3)).not.toBe(run(4));
  });

  it('patrols 24 h: every state but fault occurs, the battery stays in 0–100, and while patrolling it measures at least once a minute', () => {
    const s = sim(square(), 60);
    const states = new Set<string>();
    let lastRead = T0;
    let longest = 0;
    let patrolling = false;
    for (let t = 0; t <= 86_400_000; t += 1000) {
      s.advance(T0 + t);
      const st = s.status(0, T0 + t);
      states.add(st.state);
      expect(st.batteryPct).toBeGreaterThanOrEqual(0);
      expect(st.batteryPct).toBeLessThanOrEqual(100);
      if (s.readings.length > 0) {
        if (patrolling) longest = Math.max(longest, s.readings[0]!.at - lastRead);
        lastRead = s.readings[s.readings.length - 1]!.at;
        s.readings.length = 0;
      }
      patrolling = st.state === 'patrolling' || st.state === 'measuring';
      if (!patrolling) lastRead = T0 + t;
    }
    expect([...states].sort()).toEqual(['charging', 'measuring', 'patrolling', 'returning']);
    expect(longest).toBeGreaterThan(0);
    expect(longest).toBeLessThanOrEqual(60_000);
  });
});
