import { describe, expect, it } from 'vitest';
import type { EventBody } from '../../shared/state/events';
import { ManualClock } from '../../shared/util/clock';
import { stableHash } from '../../shared/util/hash';
import { CommandEngine } from '../engine/CommandEngine';
import { openSqliteStore } from '../store/openSqliteStore';
import { stateAt, StateNotAvailableError } from './stateAt';

const started: EventBody = { type: 'system.started', payload: { version: '0', plantId: 'p', plantHash: 'h', seed: 1, mode: 'simulator' } };
const band = (tag: string, to: 'normal' | 'h' | 'hh', value: number): EventBody => ({ type: 'tag.band.changed', payload: { tag, from: 'normal', to, value } });

interface Recorded {
  seq: number;
  time: number;
  hash: string;
}

/** A journal of batches (some sharing a millisecond) with snapshots written in between by the engine's own policy. */
function recordRun() {
  const store = openSqliteStore(':memory:');
  const clock = new ManualClock(1_000_000);
  const engine = CommandEngine.open(store, clock, { everyEvents: 4, everyMs: 1_000_000, minIntervalMs: 0 });
  const live: Recorded[] = [];
  let snapshots = 0;
  engine.onBatch(() => live.push({ seq: engine.seq, time: engine.state.time, hash: stableHash(engine.state) }));
  engine.append(started, 'system');
  for (let i = 0; i < 30; i++) {
    // Every third step appends without moving the clock: two batches in one millisecond.
    if (i % 3 !== 0) clock.advance(250);
    const n = 1 + (i % 3);
    engine.appendBatch(Array.from({ length: n }, (_, k) => ({ body: band(`T-${k}`, i % 2 ? 'h' : 'hh', i * 10 + k), actor: k ? 'system' : 'alice' })));
    if (engine.maybeSnapshot()) snapshots++;
  }
  return { store, engine, live, snapshots };
}

describe('stateAt', () => {
  it('rebuilds, for every recorded instant, exactly the state the live engine held (by seq and by time)', () => {
    const { store, live, snapshots } = recordRun();
    expect(snapshots).toBeGreaterThan(3); // the rebuild really starts from snapshots in between
    expect(store.snapshots.latest()).not.toBeNull();
    for (const r of live) {
      const bySeq = stateAt(store, { seq: r.seq });
      expect(bySeq.seq).toBe(r.seq);
      expect(stableHash(bySeq.state)).toBe(r.hash);
    }
    // By time: "all events with time ≤ at" — the last batch in each millisecond.
    const lastInMs = new Map<number, Recorded>();
    for (const r of live) lastInMs.set(r.time, r);
    for (const r of lastInMs.values()) {
      const byTime = stateAt(store, { at: r.time });
      expect({ seq: byTime.seq, time: byTime.time }).toEqual({ seq: r.seq, time: r.time });
      expect(stableHash(byTime.state)).toBe(r.hash);
      expect(stableHash(stateAt(store, { at: r.time + 100 }).state)).toBe(r.hash); // between events
    }
    store.close();
  });

  it('starts from the initial state before the first event and with no snapshot', () => {
    const { store, live } = recordRun();
    expect(stateAt(store, { at: 999_999 })).toMatchObject({ seq: 0, time: 0 });
    expect(stateAt(store, { seq: 1 }).state.plant).toEqual({ id: 'p', hash: 'h' });
    const fresh = openSqliteStore(':memory:');
    fresh.journal.append(1, 5, 'system', started);
    fresh.journal.append(2, 6, 'system', band('X', 'h', 1));
    expect(fresh.snapshots.latest()).toBeNull();
    expect(stateAt(fresh, { at: 5 }).seq).toBe(1);
    expect(stateAt(fresh, {}).seq).toBe(2);
    expect(live.length).toBeGreaterThan(0);
    store.close();
    fresh.close();
  });

  it('refuses an instant the journal no longer holds when no snapshot covers it', () => {
    const s = openSqliteStore(':memory:');
    s.journal.append(5, 10, 'system', started);
    expect(() => stateAt(s, { at: 10 })).toThrow(StateNotAvailableError);
    s.close();
  });
});
