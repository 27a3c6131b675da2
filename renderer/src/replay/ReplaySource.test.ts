import { describe, expect, it } from 'vitest';
import type { CommandState } from '../../../shared/state/reducer';
import type { DataSourceListener } from '../data/DataSource';
import type { RobotsMessage } from '../../../shared/robots/model';
import { FakeRecording, ManualTimers, settle } from './replayFakes';
import { ReplaySource, type ReplayStatus } from './ReplaySource';

function harness(count = 10) {
  let wall = 0;
  const rec = new FakeRecording(count, 100_000, 10_000);
  const timers = new ManualTimers();
  const states: CommandState[] = [];
  const values: number[][] = [];
  let status: ReplayStatus | null = null;
  const src = new ReplaySource({ api: rec, liveNow: () => 1_000_000, wall: () => wall, timers, onStatus: (s) => (status = s) });
  const listener: DataSourceListener = {
    plant: () => undefined,
    samples: () => undefined,
    restoreValues: (v) => values.push(Array.from(v)),
    state: (s) => states.push(s),
    presence: () => undefined,
  };
  src.start(listener);
  return {
    src,
    rec,
    timers,
    states,
    values,
    status: () => status!,
    advance: (ms: number) => {
      wall += ms;
      timers.run();
    },
    announcement: () => states.at(-1)?.drill.active?.announcement?.en ?? null,
  };
}

describe('ReplaySource', () => {
  it('seeks to the frame at t, then applies later events as the clock reaches them', async () => {
    const h = harness();
    await h.src.seek(125_000);
    expect(h.announcement()).toBe('a3');
    expect(h.status().seq).toBe(3);
    expect(h.values.at(-1)).toEqual([125, -125]);
    expect(h.src.capabilities.commands).toBe(false);
    h.src.play();
    h.advance(4_000);
    expect(h.src.now()).toBe(129_000);
    expect(h.announcement()).toBe('a3');
    h.advance(1_000);
    expect(h.announcement()).toBe('a4');
    h.src.setSpeed(10);
    h.advance(2_000);
    expect(h.src.now()).toBe(150_000);
    expect(h.announcement()).toBe('a6');
    h.src.pause();
    h.advance(60_000);
    expect(h.announcement()).toBe('a6');
    expect((await h.src.command('alarm.ack', {})).ok).toBe(false);
  });

  it('seeks backwards by reloading the frame (never by reversing events)', async () => {
    const h = harness();
    await h.src.seek(180_000);
    expect(h.announcement()).toBe('a9');
    await h.src.seek(105_000);
    expect(h.announcement()).toBe('a1');
    expect(h.values.at(-1)).toEqual([105, -105]);
    expect(h.rec.frames).toEqual([180_000, 105_000]);
  });

  it('steps one event at a time and moves the clock to it', async () => {
    const h = harness();
    await h.src.seek(100_500);
    expect(h.announcement()).toBe('a1');
    await h.src.step();
    expect(h.announcement()).toBe('a2');
    expect(h.src.now()).toBe(110_000);
    await h.src.step();
    expect(h.src.now()).toBe(120_000);
    expect(h.status().playing).toBe(false);
    expect(h.values.at(-1)).toEqual([120, -120]);
  });

  it('refreshes values while playing and stops at the live edge', async () => {
    let wall = 0;
    const rec = new FakeRecording(3, 100_000, 1_000);
    const timers = new ManualTimers();
    const values: number[] = [];
    const src = new ReplaySource({ api: rec, liveNow: () => 110_000, wall: () => wall, timers, valuesEveryMs: 1000 });
    src.start({ plant: () => undefined, samples: () => undefined, restoreValues: (v) => values.push(v[0]!), state: () => undefined, presence: () => undefined });
    await src.seek(100_000);
    src.setSpeed(5);
    src.play();
    wall += 1_000;
    timers.run();
    await settle();
    expect(values.at(-1)).toBe(105);
    wall += 1_000;
    timers.run();
    await settle();
    expect(src.status().atEnd).toBe(true);
    expect(src.status().playing).toBe(false);
    expect(src.now()).toBe(110_000);
  });

  it('reads the journal again at most once a second after reaching its end', async () => {
    const h = harness(3);
    await h.src.seek(100_000);
    const reads = h.rec.eventReads;
    h.src.play();
    for (let i = 0; i < 5; i++) h.advance(100);
    await settle();
    expect(h.rec.eventReads - reads).toBeLessThanOrEqual(1);
    h.advance(1_000);
    await settle();
    expect(h.rec.eventReads - reads).toBeGreaterThanOrEqual(1);
    expect(h.rec.eventReads - reads).toBeLessThanOrEqual(2);
  });

  it('hands each frame’s robots to the listener, on seek and on every refresh while playing', async () => {
    let wall = 0;
    const rec = new FakeRecording(3, 100_000, 1_000);
    const timers = new ManualTimers();
    const robots: RobotsMessage[] = [];
    const src = new ReplaySource({ api: rec, liveNow: () => 200_000, wall: () => wall, timers, valuesEveryMs: 1000 });
    src.start({ plant: () => undefined, samples: () => undefined, state: () => undefined, robots: (m) => robots.push(m), presence: () => undefined });
    await src.seek(120_000);
    expect(robots).toHaveLength(1);
    expect(robots[0]!.time).toBe(120_000);
    expect(robots[0]!.robots.map((r) => [r.id, r.state, r.position[0]])).toEqual([
      ['RB-1', 'patrolling', 120],
      ['RB-2', 'charging', 120],
    ]);
    src.setSpeed(10);
    src.play();
    wall += 1_000;
    timers.run();
    await settle();
    expect(robots.at(-1)!.robots[0]!.position[0]).toBe(130);
  });

  it('drops an older seek that answers after a newer one', async () => {
    const h = harness();
    const a = h.src.seek(180_000);
    const b = h.src.seek(115_000);
    await Promise.all([a, b]);
    expect(h.announcement()).toBe('a2');
    expect(h.status().time).toBe(115_000);
  });
});
