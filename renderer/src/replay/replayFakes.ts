import type { DrillRecord } from '../../../shared/drill/scenario';
import { journalEventSchema, type JournalEvent } from '../../../shared/state/events';
import { initialState, reduceAll } from '../../../shared/state/reducer';
import type { RobotStatus } from '../../../shared/robots/model';
import type { Timers } from '../data/backoff';
import type { ReplayApi, ReplayFrame } from './replayApi';

/** Test helpers for replay: a recorded journal and manual timers. */

/** A drill.changed event whose announcement names `n` (observable in state.drill.active). */
export function announceEvent(seq: number, time: number, n: string, actor = 'coord'): JournalEvent {
  const drill: DrillRecord = { id: 'DR-1', scenario: 'toxic', name: { zh: '演练', en: 'Drill' }, state: 'running', startedAt: 0, startedBy: 'coord', startSeq: 1, pausedMs: 0, pausedAt: null, endedAt: null, nextStep: seq, announcement: { zh: n, en: n } };
  return journalEventSchema.parse({ seq, time, actor, type: 'drill.changed', payload: { drill, action: seq === 1 ? 'start' : 'announce' } });
}

/** A robot's recorded status at `at`: x = at/1000 (as replay frames carry it, no readings). */
export function fakeRobot(id: string, at: number, state: RobotStatus['state'] = 'patrolling'): RobotStatus {
  return { id, state, position: [at / 1000, 2, 0], heading: 0.5, batteryPct: 80, nextCheckpoint: 1, readings: {}, time: at };
}

/**
 * A recording: events every `everyMs` from `t0`; values of 2 tags = [t/1000, −t/1000] at any
 * instant; robot RB-1 at x = t/1000, and RB-2 only before `rb2Until` (its track ends there).
 */
export class FakeRecording implements ReplayApi {
  readonly events_: JournalEvent[] = [];
  frames: number[] = [];
  eventReads = 0;
  rb2Until = Infinity;

  constructor(count: number, t0: number, everyMs: number) {
    for (let i = 1; i <= count; i++) this.events_.push(announceEvent(i, t0 + (i - 1) * everyMs, `a${i}`));
  }

  frame(at: number): Promise<ReplayFrame> {
    this.frames.push(at);
    const upTo = this.events_.filter((e) => e.time <= at);
    const state = reduceAll(initialState(), upTo);
    const robots = [fakeRobot('RB-1', at), ...(at < this.rb2Until ? [fakeRobot('RB-2', at, 'charging')] : [])];
    return Promise.resolve({ seq: state.seq, time: at, state, values: Float64Array.of(at / 1000, -at / 1000), times: null, quality: null, positions: null, robots: { time: at, robots } });
  }

  events(afterSeq: number, limit: number): Promise<JournalEvent[]> {
    this.eventReads++;
    return Promise.resolve(this.events_.filter((e) => e.seq > afterSeq).slice(0, limit));
  }

  eventsBetween(from: number, to: number): Promise<JournalEvent[]> {
    return Promise.resolve(this.events_.filter((e) => e.time >= from && e.time <= to));
  }
}

/** Timers run by hand: `run()` fires what is due. */
export class ManualTimers implements Timers {
  private next = 1;
  private pending = new Map<number, () => void>();
  set(fn: () => void, _ms: number): unknown {
    const id = this.next++;
    this.pending.set(id, fn);
    return id;
  }
  clear(h: unknown): void {
    this.pending.delete(h as number);
  }
  run(): void {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const f of due) f();
  }
  get size(): number {
    return this.pending.size;
  }
}

/** Lets pending promise callbacks run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}
