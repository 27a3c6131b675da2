import { describe, expect, it } from 'vitest';
import { alarmCauses, alarmLifecycleSchema, normalLifecycle, type AlarmDisplayState, type AlarmLifecycle } from './model';
import { displayState, isAnnunciated, needsAttention, transition, type LifecycleEvent } from './lifecycle';

/*
 * Every reachable lifecycle × every event, against an expectation written independently of the
 * implementation: ISA-18.2 letter states (A normal, B active unacked, C active acked, D RTN
 * unacked; with latching LB/LC active latched, EU/EA latched after clearing) plus the hiding
 * flags, and literal tables of what each event does to them. docs/alarms.md holds the same table.
 */

type Core = 'A' | 'B' | 'C' | 'D' | 'LB' | 'LC' | 'EU' | 'EA';
type Shelf = NonNullable<AlarmLifecycle['shelved']>;
type Oos = NonNullable<AlarmLifecycle['outOfService']>;
interface Hiding {
  s: Shelf | null;
  g: boolean;
  o: Oos | null;
}
interface Model {
  core: Core;
  h: Hiding;
}

const SHELF_A: Shelf = { until: 2_000, reason: 'chattering transmitter', by: 'op1', at: 1_000 };
const SHELF_B: Shelf = { until: 5_000, reason: 'work order 17', by: 'lead', at: 1_500 };
const OOS_1: Oos = { reason: 'detector replaced', by: 'lead', at: 1_200 };
const OOS_2: Oos = { reason: 'calibration', by: 'admin', at: 1_300 };

const events: LifecycleEvent[] = [
  { type: 'activate' },
  { type: 'clear' },
  { type: 'ack' },
  { type: 'reset' },
  { type: 'shelve', ...SHELF_A },
  { type: 'shelve', ...SHELF_B },
  { type: 'shelve', until: 3_000, reason: '   ', by: 'op1', at: 1_000 },
  { type: 'shelve', until: 1_000, reason: 'zero length', by: 'op1', at: 1_000 },
  { type: 'unshelve' },
  { type: 'shelve_expired', at: 1_999 },
  { type: 'shelve_expired', at: 2_000 },
  { type: 'shelve_expired', at: 9_999 },
  { type: 'suppress' },
  { type: 'unsuppress' },
  { type: 'remove_from_service', ...OOS_1 },
  { type: 'remove_from_service', ...OOS_2 },
  { type: 'remove_from_service', reason: '', by: 'lead', at: 1_200 },
  { type: 'return_to_service' },
];

// What the condition events do to the letter state. '=' no change; 'x:<reason>' refused.
type Cell = Core | '=' | `x:${string}`;
type CondEvent = 'activate' | 'clear' | 'ack' | 'reset';
const nonLatching: Record<'A' | 'B' | 'C' | 'D', Record<CondEvent, Cell>> = {
  A: { activate: 'B', clear: '=', ack: '=', reset: '=' },
  B: { activate: '=', clear: 'D', ack: 'C', reset: '=' },
  C: { activate: '=', clear: 'A', ack: '=', reset: '=' },
  D: { activate: 'B', clear: '=', ack: 'A', reset: '=' },
};
// Hidden: a clear owes the operator nothing, so a hidden non-latching alarm goes back to A.
const nonLatchingHidden: Record<'A' | 'B' | 'C', Record<CondEvent, Cell>> = {
  A: { activate: 'B', clear: '=', ack: '=', reset: '=' },
  B: { activate: '=', clear: 'A', ack: 'C', reset: '=' },
  C: { activate: '=', clear: 'A', ack: '=', reset: '=' },
};
const latching: Record<'A' | 'LB' | 'LC' | 'EU' | 'EA', Record<CondEvent, Cell>> = {
  A: { activate: 'LB', clear: '=', ack: '=', reset: '=' },
  LB: { activate: '=', clear: 'EU', ack: 'LC', reset: 'x:condition_active' },
  LC: { activate: '=', clear: 'EA', ack: '=', reset: 'x:condition_active' },
  EU: { activate: 'LB', clear: '=', ack: 'EA', reset: 'A' },
  EA: { activate: 'LB', clear: '=', ack: '=', reset: 'A' },
};
// Becoming hidden forgives an RTN-unacked; becoming visible while active re-annunciates.
const onHide: Partial<Record<Core, Core>> = { D: 'A' };
const onUnhide: Partial<Record<Core, Core>> = { C: 'B', LC: 'LB' };

const hidden = (h: Hiding): boolean => h.s !== null || h.g || h.o !== null;

function expected(m: Model, e: LifecycleEvent, isLatching: boolean): Model | 'same' | { refused: string } {
  if (e.type === 'activate' || e.type === 'clear' || e.type === 'ack' || e.type === 'reset') {
    const table = (isLatching ? latching : hidden(m.h) ? nonLatchingHidden : nonLatching) as Record<string, Record<CondEvent, Cell>>;
    const row = table[m.core];
    if (!row) throw new Error(`unexpected state ${m.core} (latching ${isLatching}, hidden ${hidden(m.h)})`);
    const cell = row[e.type];
    if (cell === '=') return 'same';
    if (cell.startsWith('x:')) return { refused: cell.slice(2) };
    return { core: cell as Core, h: m.h };
  }
  let h: Hiding;
  switch (e.type) {
    case 'shelve':
      if (m.h.o) return { refused: 'out_of_service' };
      if (e.reason.trim() === '') return { refused: 'empty_reason' };
      if (e.until <= e.at) return { refused: 'shelve_not_in_future' };
      h = { ...m.h, s: { until: e.until, reason: e.reason, by: e.by, at: e.at } };
      break;
    case 'unshelve':
      h = { ...m.h, s: null };
      break;
    case 'shelve_expired':
      if (m.h.s && e.at < m.h.s.until) return { refused: 'shelve_not_expired' };
      h = { ...m.h, s: null };
      break;
    case 'suppress':
      h = { ...m.h, g: true };
      break;
    case 'unsuppress':
      h = { ...m.h, g: false };
      break;
    case 'remove_from_service':
      if (m.h.o) return 'same';
      if (e.reason.trim() === '') return { refused: 'empty_reason' };
      h = { s: null, g: m.h.g, o: { reason: e.reason, by: e.by, at: e.at } };
      break;
    case 'return_to_service':
      h = { ...m.h, o: null };
      break;
  }
  let core = m.core;
  if (!hidden(m.h) && hidden(h)) core = onHide[core] ?? core;
  if (hidden(m.h) && !hidden(h)) core = onUnhide[core] ?? core;
  const next = { core, h };
  return key(next) === key(m) ? 'same' : next;
}

function decode(l: AlarmLifecycle): Model {
  const base = l.active ? (l.acked ? 'C' : 'B') : l.acked ? 'A' : 'D';
  const core: Core = l.latched ? ({ A: 'EA', D: 'EU', B: 'LB', C: 'LC' } as const)[base] : base;
  return { core, h: { s: l.shelved, g: l.suppressed, o: l.outOfService } };
}

function encode(m: Model): AlarmLifecycle {
  const flags: Record<Core, [active: boolean, acked: boolean, latched: boolean]> = {
    A: [false, true, false],
    B: [true, false, false],
    C: [true, true, false],
    D: [false, false, false],
    LB: [true, false, true],
    LC: [true, true, true],
    EU: [false, false, true],
    EA: [false, true, true],
  };
  const [active, acked, latched] = flags[m.core];
  return { active, acked, latched, shelved: m.h.s, suppressed: m.h.g, outOfService: m.h.o };
}

const key = (m: Model): string => JSON.stringify([m.core, m.h.s, m.h.g, m.h.o]);

const expectedDisplay = (m: Model): AlarmDisplayState => {
  if (m.h.o) return 'out_of_service';
  if (m.h.g) return 'suppressed';
  if (m.h.s) return 'shelved';
  const letters: Record<Core, AlarmDisplayState> = { A: 'normal', B: 'unacked', LB: 'unacked', C: 'acked', LC: 'acked', D: 'rtn_unacked', EU: 'latched', EA: 'latched' };
  return letters[m.core];
};

/** Breadth-first over all events from normal. */
function reachable(isLatching: boolean): AlarmLifecycle[] {
  const seen = new Map<string, AlarmLifecycle>([[key(decode(normalLifecycle)), normalLifecycle]]);
  const queue: AlarmLifecycle[] = [normalLifecycle];
  while (queue.length > 0) {
    const l = queue.shift() as AlarmLifecycle;
    for (const e of events) {
      const r = transition(l, e, { latching: isLatching });
      if (!r.ok) continue;
      const k = key(decode(r.lifecycle));
      if (!seen.has(k)) {
        seen.set(k, r.lifecycle);
        queue.push(r.lifecycle);
      }
    }
  }
  return [...seen.values()];
}

/** The states the rules allow, enumerated without the implementation. */
function allowed(isLatching: boolean): Set<string> {
  const out = new Set<string>();
  const cores: Core[] = isLatching ? ['A', 'LB', 'LC', 'EU', 'EA'] : ['A', 'B', 'C', 'D'];
  for (const core of cores)
    for (const s of [null, SHELF_A, SHELF_B])
      for (const g of [false, true])
        for (const o of [null, OOS_1, OOS_2]) {
          const h = { s, g, o };
          if (s && o) continue;
          if (hidden(h) && core === 'D') continue;
          out.add(key({ core, h }));
        }
  return out;
}

describe.each([false, true])('alarm lifecycle, latching=%s', (isLatching) => {
  const states = reachable(isLatching);

  it('reaches exactly the states the rules allow', () => {
    expect(new Set(states.map((l) => key(decode(l))))).toEqual(allowed(isLatching));
    expect(states.length).toBe(isLatching ? 50 : 31);
  });

  it('covers every cause', () => {
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(alarmCauses));
  });

  for (const l of states) {
    const m = decode(l);
    describe(`${m.core} shelved=${m.h.s?.by ?? '-'} suppressed=${m.h.g} oos=${m.h.o?.by ?? '-'}`, () => {
      it('keeps the invariants and displays as expected', () => {
        expect(alarmLifecycleSchema.safeParse(l).success).toBe(true);
        expect(l.shelved !== null && l.outOfService !== null).toBe(false);
        if (!isLatching) expect(l.latched).toBe(false);
        if (isLatching && l.active) expect(l.latched).toBe(true);
        if (hidden(m.h) && !l.active && !l.latched) expect(l.acked).toBe(true);
        expect(displayState(l)).toBe(expectedDisplay(m));
        expect(displayState(l) === 'normal').toBe(!l.active && l.acked && !l.latched && !hidden(m.h));
        expect(isAnnunciated(l)).toBe(!hidden(m.h) && m.core !== 'A');
        expect(needsAttention(l)).toBe(!hidden(m.h) && ['B', 'LB', 'D', 'EU'].includes(m.core));
      });
      it.each(events.map((e) => [JSON.stringify(e), e] as const))('on %s', (_name, e) => {
        const frozen = Object.freeze({ ...l });
        const r = transition(frozen, e, { latching: isLatching });
        const want = expected(m, e, isLatching);
        if (want === 'same') {
          expect(r).toEqual({ ok: true, lifecycle: l, changed: false });
        } else if ('refused' in want) {
          expect(r.ok).toBe(false);
          if (!r.ok) {
            expect(r.reason).toBe(want.refused);
            expect(r.message.zh.length).toBeGreaterThan(0);
            expect(r.message.en.length).toBeGreaterThan(0);
          }
        } else {
          expect(r).toEqual({ ok: true, lifecycle: encode(want), changed: true });
        }
      });
    });
  }
});

describe('alarm lifecycle stories', () => {
  const run = (evs: LifecycleEvent[], isLatching = false): AlarmLifecycle =>
    evs.reduce<AlarmLifecycle>((l, e) => {
      const r = transition(l, e, { latching: isLatching });
      if (!r.ok) throw new Error(r.reason);
      return r.lifecycle;
    }, normalLifecycle);

  it('a shelved alarm that activates and clears while shelved comes back normal', () => {
    const l = run([{ type: 'shelve', ...SHELF_A }, { type: 'activate' }, { type: 'clear' }, { type: 'shelve_expired', at: 2_000 }]);
    expect(displayState(l)).toBe('normal');
  });

  it('an acked alarm still active at return to service is annunciated afresh', () => {
    const l = run([{ type: 'activate' }, { type: 'ack' }, { type: 'remove_from_service', ...OOS_1 }, { type: 'return_to_service' }]);
    expect(displayState(l)).toBe('unacked');
    expect(needsAttention(l)).toBe(true);
  });

  it('a trip stays latched after it clears until reset, and reset acknowledges', () => {
    const cleared = run([{ type: 'activate' }, { type: 'clear' }], true);
    expect(displayState(cleared)).toBe('latched');
    expect(needsAttention(cleared)).toBe(true);
    const r = transition(cleared, { type: 'reset' }, { latching: true });
    expect(r.ok && displayState(r.lifecycle)).toBe('normal');
  });

  it('never mutates its input', () => {
    const l = { ...normalLifecycle };
    transition(l, { type: 'activate' }, { latching: true });
    expect(l).toEqual(normalLifecycle);
  });
});
