import { afterEach, describe, expect, it } from 'vitest';
import { initialState } from '../../../shared/state/reducer';
import { alarm } from '../testing/alarmFixtures';
import { alarmStore, followCommandState } from './alarmStore';
import { commandStore } from './commandStore';

class Timers {
  now = 0;
  queue: { at: number; fn: () => void; id: number }[] = [];
  private n = 0;
  set = (fn: () => void, ms: number): unknown => {
    const id = ++this.n;
    this.queue.push({ at: this.now + ms, fn, id });
    return id;
  };
  clear = (h: unknown): void => {
    this.queue = this.queue.filter((q) => q.id !== h);
  };
  advance(ms: number): void {
    this.now += ms;
    for (const q of this.queue.filter((x) => x.at <= this.now)) {
      this.queue = this.queue.filter((x) => x !== q);
      q.fn();
    }
  }
}

afterEach(() => commandStore.getState().setState(initialState()));

describe('followCommandState', () => {
  it('derives at once after a quiet spell, then at most once per interval however many states arrive', () => {
    const t = new Timers();
    const f = followCommandState({ minIntervalMs: 250, now: () => t.now, setTimer: t.set, clearTimer: t.clear });
    t.advance(0);
    t.advance(1000);
    let derived = 0;
    const off = alarmStore.subscribe((s, p) => s.summary !== p.summary && derived++);
    commandStore.getState().setState({ ...initialState(), alarms: { 'A:H': alarm('A:H', 3) } });
    t.advance(0);
    expect(derived).toBe(1);
    expect(alarmStore.getState().summary.totalUnacked).toBe(1);
    for (let i = 0; i < 20; i++) {
      commandStore.getState().setState({ ...initialState(), alarms: { 'A:H': alarm('A:H', 3), [`B${i}:H`]: alarm(`B${i}:H`, 2) } });
      t.advance(10);
    }
    expect(derived).toBeLessThanOrEqual(2);
    t.advance(300);
    expect(alarmStore.getState().summary.rows.map((r) => r.alarm.id)).toEqual(['B19:H', 'A:H']);
    // A state change that leaves the alarms map as it was derives nothing.
    const before = derived;
    commandStore.getState().setState({ ...commandStore.getState().state, seq: 99 });
    t.advance(300);
    expect(derived).toBe(before);
    off();
    f.stop();
  });

  it('flush derives pending changes at once', () => {
    const t = new Timers();
    const f = followCommandState({ minIntervalMs: 250, now: () => t.now, setTimer: t.set, clearTimer: t.clear });
    commandStore.getState().setState({ ...initialState(), alarms: { 'X:HH': alarm('X:HH', 1) } });
    f.flush();
    expect(alarmStore.getState().summary.banner?.alarm.id).toBe('X:HH');
    f.stop();
  });

  it('locate selects the alarm and counts requests', () => {
    alarmStore.getState().requestLocate('X:HH');
    const a = alarmStore.getState().locate;
    alarmStore.getState().requestLocate('X:HH');
    expect(alarmStore.getState().selected).toBe('X:HH');
    expect(alarmStore.getState().locate!.seq).toBe(a!.seq + 1);
  });
});
