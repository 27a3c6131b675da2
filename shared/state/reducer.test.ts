import { describe, expect, it } from 'vitest';
import { initialState, reduce, reduceAll, RECENT_LIMIT } from './reducer';
import { journalEventSchema, type JournalEvent } from './events';
import { stableHash } from '../util/hash';

let seq = 0;
function ev(body: Omit<JournalEvent, 'seq' | 'time' | 'actor'>, actor = 'system'): JournalEvent {
  seq += 1;
  return journalEventSchema.parse({ seq, time: 1_000 * seq, actor, ...body });
}

describe('reducer', () => {
  it('applies every event type and keeps only abnormal bands', () => {
    seq = 0;
    const events = [
      ev({ type: 'system.started', payload: { version: '0.1.0', plantId: 'ref', plantHash: 'abc', seed: 1, mode: 'simulator' } }),
      ev({ type: 'tag.band.changed', payload: { tag: 'R-101.PI-01', from: 'normal', to: 'h', value: 9 } }),
      ev({ type: 'tag.band.changed', payload: { tag: 'R-102.PI-01', from: 'normal', to: 'bad', value: null } }),
      ev({
        type: 'sim.injection.started',
        payload: { injectionId: 'inj-1', injection: { kind: 'overpressure', equipment: 'R-101', factor: 1.5, rampS: 30 }, until: null },
      }, 'drill'),
      ev({ type: 'tag.band.changed', payload: { tag: 'R-101.PI-01', from: 'h', to: 'normal', value: 5 } }),
      ev({ type: 'sim.injection.ended', payload: { injectionId: 'inj-1', reason: 'cleared' } }, 'drill'),
      ev({ type: 'user.signed_in', payload: { user: 'lead', role: 'shift_lead', via: 'password' } }),
    ];
    const s = reduceAll(initialState(), events);
    expect(s.seq).toBe(7);
    expect(s.time).toBe(7000);
    expect(s.plant).toEqual({ id: 'ref', hash: 'abc' });
    expect(s.startedAt).toBe(1000);
    expect(s.bands).toEqual({ 'R-102.PI-01': 'bad' });
    expect(s.injections).toEqual({});
    expect(s.recent.map((r) => r.type)).toHaveLength(7);
    expect(s.recent[3]).toMatchObject({ actor: 'drill', type: 'sim.injection.started' });
  });

  it('keeps injections while active', () => {
    seq = 0;
    const s = reduceAll(initialState(), [
      ev({ type: 'sim.injection.started', payload: { injectionId: 'a', injection: { kind: 'detector_failure', tag: 'GD-1', mode: 'stuck' }, until: 99_000 } }, 'alice'),
    ]);
    expect(s.injections.a).toMatchObject({ startedAt: 1000, until: 99_000, actor: 'alice' });
  });

  it('never mutates its input and is deterministic', () => {
    seq = 0;
    const s0 = initialState();
    const frozen = JSON.stringify(s0);
    const e = ev({ type: 'tag.band.changed', payload: { tag: 'T', from: 'normal', to: 'hh', value: 1 } });
    const a = reduce(s0, e);
    const b = reduce(s0, e);
    expect(JSON.stringify(s0)).toBe(frozen);
    expect(stableHash(a)).toBe(stableHash(b));
  });

  it('refuses an event that does not follow the last seq', () => {
    seq = 5;
    const e = ev({ type: 'user.signed_in', payload: { user: 'x', role: 'viewer', via: 'token' } });
    expect(() => reduce(initialState(), e)).toThrow(/does not follow/);
  });

  it('throws on an event type it does not know', () => {
    const bogus = { seq: 1, time: 1, actor: 'x', type: 'bogus', payload: {} } as unknown as JournalEvent;
    expect(() => reduce(initialState(), bogus)).toThrow(/unknown event type "bogus"/);
  });

  it('bounds the recent list', () => {
    seq = 0;
    const events = Array.from({ length: RECENT_LIMIT + 50 }, () =>
      ev({ type: 'user.signed_in', payload: { user: 'x', role: 'viewer', via: 'token' } }),
    );
    const s = reduceAll(initialState(), events);
    expect(s.recent).toHaveLength(RECENT_LIMIT);
    expect(s.recent[0]!.seq).toBe(51);
  });

  it('rejects events with unknown types or bad payloads at the boundary', () => {
    expect(journalEventSchema.safeParse({ seq: 1, time: 1, actor: 'x', type: 'nope', payload: {} }).success).toBe(false);
    expect(
      journalEventSchema.safeParse({ seq: 1, time: 1, actor: 'x', type: 'tag.band.changed', payload: { tag: 'T', from: 'normal', to: 'purple', value: 1 } }).success,
    ).toBe(false);
  });
});
