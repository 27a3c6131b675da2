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

  it('never snapshots sooner than minIntervalMs after the last one, however many events come', () => {
    const clock = new ManualClock(0);
    const e = CommandEngine.open(openSqliteStore(':memory:'), clock, { everyEvents: 2, everyMs: 60_000, minIntervalMs: 5000 });
    clock.advance(5000);
    e.appendBatch([started, started, started].map((body) => ({ body, actor: 'system' })));
    expect(e.maybeSnapshot()).toBe(true);
    clock.advance(1000);
    e.appendBatch([started, started, started].map((body) => ({ body, actor: 'system' })));
    expect(e.maybeSnapshot()).toBe(false);
    clock.advance(4000);
    expect(e.maybeSnapshot()).toBe(true);
    expect(e.stats).toMatchObject({ batches: 2, events: 6, largestBatch: { events: 3 } });
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

  it('appends a batch in one transaction, reduces it once and notifies per event then per batch', () => {
    const store = openSqliteStore(':memory:');
    const clock = new ManualClock(50);
    const e = CommandEngine.open(store, clock);
    const order: string[] = [];
    e.onEvent((x) => order.push(`event ${x.seq}`));
    e.onBatch((b) => order.push(`batch ${b.map((x) => x.seq).join(',')}`));
    const out = e.appendBatch([
      { body: started, actor: 'system' },
      { body: band('T1', 'h'), actor: 'olga' },
      { body: band('T2', 'h'), actor: 'system' },
    ]);
    expect(out.map((x) => [x.seq, x.time, x.actor])).toEqual([
      [1, 50, 'system'],
      [2, 50, 'olga'],
      [3, 50, 'system'],
    ]);
    expect(order).toEqual(['event 1', 'event 2', 'event 3', 'batch 1,2,3']);
    expect(e.state.bands).toEqual({ T1: 'h', T2: 'h' });
    expect(store.journal.after(0, 10)).toEqual(out);
    expect(e.appendBatch([])).toEqual([]);
    expect(order).toHaveLength(4);
  });

  it('keeps nothing of a batch whose journal write fails', () => {
    const store = openSqliteStore(':memory:');
    const e = CommandEngine.open(store, new ManualClock(0));
    e.append(started, 'system');
    // A payload that cannot be serialised fails inside the transaction, after the first row.
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const bad = { type: 'tag.band.changed', payload: cyclic } as unknown as typeof started;
    expect(() => e.appendBatch([{ body: band('T1', 'h'), actor: 'system' }, { body: bad, actor: 'system' }])).toThrow();
    expect(e.seq).toBe(1);
    expect(store.journal.lastSeq()).toBe(1);
    expect(e.append(band('T2', 'h'), 'system').seq).toBe(2);
  });

  it('reads events of given types in a time range, paged by seq', () => {
    const clock = new ManualClock(1000);
    const e = CommandEngine.open(openSqliteStore(':memory:'), clock);
    e.append(started, 'system');
    for (let i = 0; i < 5; i++) {
      clock.advance(1000);
      e.append(band(`T${i}`, 'h'), 'system');
    }
    expect(e.eventsInTime('tag.band.changed', 2000, 5000, 0, 10).map((x) => x.time)).toEqual([2000, 3000, 4000]);
    expect(e.eventsInTime('tag.band.changed', 0, 1e9, 3, 2).map((x) => x.seq)).toEqual([4, 5]);
    expect(e.eventsInTime('system.started', 0, 2001, 0, 10).map((x) => x.seq)).toEqual([1]);
    // Events of one batch share a time: paging inside it goes by seq.
    e.appendBatch([band('A', 'h'), band('B', 'h'), band('C', 'h')].map((body) => ({ body, actor: 'system' })));
    const first = e.eventsInTime('tag.band.changed', 0, 1e9, 6, 2);
    expect(first.map((x) => x.seq)).toEqual([7, 8]);
    expect(e.eventsInTime('tag.band.changed', 0, 1e9, 8, 2).map((x) => x.seq)).toEqual([9]);
  });
});
