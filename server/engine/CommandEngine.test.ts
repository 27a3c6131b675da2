import { describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../shared/state/events';
import { ManualClock } from '../../shared/util/clock';
import { openSqliteStore } from '../store/openSqliteStore';
import { CommandEngine } from './CommandEngine';

const started = { type: 'system.started', payload: { version: '0', plantId: 'p', plantHash: 'h', seed: 1, mode: 'simulator' } } as const;
const band = (tag: string, to: 'h' | 'normal') => ({ type: 'tag.band.changed', payload: { tag, from: 'normal', to, value: 1 } }) as const;

describe('CommandEngine', () => {
  it('journals, reduces and notifies in seq order', () => {
    const store = openSqliteStore(':memory:');
    const clock = new ManualClock(1000);
    const engine = CommandEngine.open(store, clock);
    const seen: JournalEvent[] = [];
    engine.onEvent((e) => seen.push(e));
    engine.append(started, 'system');
    clock.advance(5);
    const e2 = engine.append(band('T1', 'h'), 'system');
    expect(e2).toMatchObject({ seq: 2, time: 1005, actor: 'system' });
    expect(engine.state.bands).toEqual({ T1: 'h' });
    expect(seen.map((e) => e.seq)).toEqual([1, 2]);
    expect(store.journal.after(0, 10).map((e) => e.type)).toEqual(['system.started', 'tag.band.changed']);
  });

  it('refuses to append from inside a listener and survives a throwing listener', () => {
    const engine = CommandEngine.open(openSqliteStore(':memory:'), new ManualClock(0));
    let inner: unknown = null;
    engine.onEvent(() => {
      try {
        engine.append(started, 'x');
      } catch (err) {
        inner = err;
      }
    });
    engine.onEvent(() => {
      throw new Error('boom');
    });
    engine.append(started, 'system');
    expect(String(inner)).toMatch(/listener/);
    expect(engine.seq).toBe(1);
  });

  it('restores from the newest snapshot plus later events', () => {
    const store = openSqliteStore(':memory:');
    const clock = new ManualClock(0);
    const a = CommandEngine.open(store, clock, { everyEvents: 3, everyMs: 1e9 });
    a.append(started, 'system');
    a.append(band('T1', 'h'), 'system');
    a.append(band('T2', 'h'), 'system');
    expect(a.maybeSnapshot()).toBe(true);
    expect(store.snapshots.latest()?.seq).toBe(3);
    a.append(band('T1', 'normal'), 'system');
    const b = CommandEngine.open(store, clock);
    expect(b.seq).toBe(4);
    expect(b.state).toEqual(a.state);
    b.append(band('T3', 'h'), 'system');
    expect(b.seq).toBe(5);
  });

  it('snapshots on time when events are few', () => {
    const store = openSqliteStore(':memory:');
    const clock = new ManualClock(0);
    const e = CommandEngine.open(store, clock, { everyEvents: 500, everyMs: 60_000 });
    e.append(started, 'system');
    expect(e.maybeSnapshot()).toBe(false);
    clock.advance(60_000);
    expect(e.maybeSnapshot()).toBe(true);
    clock.advance(60_000);
    expect(e.maybeSnapshot()).toBe(false); // nothing new since
  });

  it('answers resume requests: events when held, null when the caller must take a snapshot', () => {
    const e = CommandEngine.open(openSqliteStore(':memory:'), new ManualClock(0));
    for (let i = 0; i < 10; i++) e.append(started, 'system');
    expect(e.eventsAfter(7, 100)?.map((x) => x.seq)).toEqual([8, 9, 10]);
    expect(e.eventsAfter(10, 100)).toEqual([]);
    expect(e.eventsAfter(11, 100)).toBeNull();
    expect(e.eventsAfter(0, 5)).toBeNull();
  });
});
