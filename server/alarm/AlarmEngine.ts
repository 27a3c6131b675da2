import { isAnnunciated, transition, type LifecycleEvent, type TransitionResult } from '../../shared/alarm/lifecycle';
import type { AlarmCause, AlarmRecord } from '../../shared/alarm/model';
import type { AlarmSettings } from '../../shared/plant/alarmConfig';
import type { Vec3 } from '../../shared/plant/primitives';
import type { CommandState } from '../../shared/state/reducer';
import type { Clock } from '../../shared/util/clock';
import type { CommandEngine, PendingEvent } from '../engine/CommandEngine';
import type { TickStage } from '../engine/PlantRuntime';
import type { SampleBatch } from '../sim/types';
import { baseRecord, type AlarmDef, type ExternalAlarmDef } from './alarmDef';
import type { DesignSuppression } from './DesignSuppression';

/** A condition that started or ended, as the evaluator saw it. */
export interface ConditionChange {
  id: string;
  active: boolean;
  /** The value at the change (null for diagnostics and votes). */
  value: number | null;
  /** Sample time of the change, epoch ms. */
  time: number;
  /** Where the condition is, when it moves (a confirmed release: its voting detectors' centroid). */
  position?: Vec3;
}

/** Where tag conditions come from (the shared ConditionEvaluator behind an adapter). */
export interface ConditionSource {
  /** The definition of an alarm this source evaluates, by id; null if it has no such alarm. */
  def(id: string): AlarmDef | null;
  /** Feeds one tick's samples and the stale sweep at `now`; appends condition changes to `out`, in time order. */
  update(batch: SampleBatch, now: number, out: ConditionChange[]): void;
  /** Restores which conditions were active (the command state after a restart). */
  seed?(alarms: Iterable<AlarmRecord>): void;
}

/** Alarm flood detection over annunciated activations (alarm settings `kpi`). */
export interface FloodWatch {
  /** An annunciated activation at `time`. */
  record(time: number): void;
  /** The flood state when it changes at `now`, else null. */
  check(now: number): { flooding: boolean; ratePer10Min: number } | null;
}

export interface AlarmEngineDeps {
  engine: CommandEngine;
  clock: Clock;
  settings: AlarmSettings;
  conditions: ConditionSource;
  flood: FloodWatch;
  suppression?: DesignSuppression;
}

/** The outcome of one lifecycle event on one alarm. */
export type StepResult = TransitionResult | { ok: false; reason: 'unknown_alarm' };

/**
 * Transitions of one tick or one command, applied in order on top of the command state
 * (`records` holds what this batch already changed), appended as one journal batch.
 */
class AlarmBatch {
  readonly events: PendingEvent[] = [];
  readonly records = new Map<string, AlarmRecord>();
}

const SWEEP_MS = 1000;

/**
 * The server's alarm engine (ISA-18.2). Every tick: the samples go through the condition
 * evaluator, each condition change through the shared lifecycle `transition`, then shelves
 * that ran out expire, suppression by design follows the interlocks, externally evaluated
 * alarms (trips) are applied, and the flood state is checked. Every transition is one
 * `alarm.changed` event carrying the whole record; a tick's transitions are ONE journal batch.
 *
 * The lifecycle of an alarm lives only in the command state (`state.alarms`, absent = normal),
 * so a restart resumes from the journal with nothing else to restore.
 */
export class AlarmEngine {
  /** Alarms evaluated elsewhere (trips), by id. */
  private readonly external = new Map<string, AlarmDef>();
  private readonly latching: ReadonlySet<string>;
  private externals: { id: string; active: boolean; value: number | null; time: number }[] = [];
  private readonly changes: ConditionChange[] = [];
  private lastSweep = -Infinity;
  private shelvedIndex: { alarms: Record<string, AlarmRecord>; nextExpiry: number } | null = null;

  /** Counters since start: alarm transitions produced (ticks and commands), and the largest tick batch. */
  readonly stats = { transitions: 0, largestTickBatch: 0 };

  /** Plug into PlantRuntime's tick after the interlock stage. */
  readonly stage: TickStage = { name: 'alarms', run: (batch, now) => this.run(batch, now) };

  constructor(private readonly d: AlarmEngineDeps) {
    this.latching = new Set(d.settings.latching);
    d.conditions.seed?.(Object.values(d.engine.state.alarms));
  }

  get settings(): AlarmSettings {
    return this.d.settings;
  }

  /** The command state (alarms, interlocks) this engine writes to. */
  get state(): CommandState {
    return this.d.engine.state;
  }

  /** The definition of an alarm: evaluated here, registered externally, or known from the state (restart). */
  def(id: string): AlarmDef | null {
    const known = this.d.conditions.def(id) ?? this.external.get(id);
    if (known) return known;
    const rec = this.d.engine.state.alarms[id];
    if (!rec) return null;
    const { lifecycle: _l, value: _v, activatedAt: _a, lastChange: _c, ...rest } = rec;
    return { ...rest, latching: this.latching.has(rec.kind) };
  }

  /** The alarm as the command state holds it, or as a never-raised record; null if unknown. */
  record(id: string): AlarmRecord | null {
    const rec = this.d.engine.state.alarms[id];
    if (rec) return rec;
    const def = this.d.conditions.def(id) ?? this.external.get(id);
    return def ? baseRecord(def) : null;
  }

  /**
   * Raises or clears an alarm evaluated elsewhere (interlock trips). The definition is kept
   * (the newest wins); the change is applied in the alarm batch of the next tick, after the
   * tick's own conditions. Safe to call from an event listener.
   */
  setExternal(def: ExternalAlarmDef, active: boolean, value: number | null, time: number): void {
    this.external.set(def.id, { ...def, unit: def.unit ?? null, limit: null, latching: this.latching.has(def.kind) });
    this.externals.push({ id: def.id, active, value, time });
  }

  /**
   * Applies lifecycle events on behalf of a user (commands) and journals them as one batch.
   * Returns each alarm's result in the order given; events are appended only for changes.
   */
  command(items: readonly { id: string; event: LifecycleEvent }[], actor: string, note?: string): StepResult[] {
    const batch = new AlarmBatch();
    const now = this.d.clock.now();
    const results = items.map(({ id, event }) => this.step(batch, id, event, now, actor, { note }));
    this.commit(batch, now);
    return results;
  }

  /** One tick: conditions, externals, sweeps, flood; returns the batch to append. */
  run(samples: SampleBatch, now: number): PendingEvent[] {
    const batch = new AlarmBatch();
    this.changes.length = 0;
    this.d.conditions.update(samples, now, this.changes);
    for (const c of this.changes) this.step(batch, c.id, { type: c.active ? 'activate' : 'clear' }, c.time, 'system', { value: c.value, position: c.position });
    const ext = this.externals;
    this.externals = [];
    for (const c of ext) this.step(batch, c.id, { type: c.active ? 'activate' : 'clear' }, c.time, 'system', { value: c.value });
    if (this.d.suppression) {
      for (const s of this.d.suppression.changes(this.d.engine.state, (id) => this.current(batch, id))) {
        this.step(batch, s.id, { type: s.suppress ? 'suppress' : 'unsuppress' }, now, 'system', {});
      }
    }
    if (now - this.lastSweep >= SWEEP_MS) {
      this.lastSweep = now;
      this.expireShelves(batch, now);
    }
    const flood = this.d.flood.check(now);
    if (flood) batch.events.push({ body: { type: 'alarm.flood.changed', payload: flood }, actor: 'system' });
    if (batch.events.length > this.stats.largestTickBatch) this.stats.largestTickBatch = batch.events.length;
    return batch.events;
  }

  /** Appends what a command batch produced (ticks return theirs to the runtime instead). */
  private commit(batch: AlarmBatch, now: number): void {
    const flood = this.d.flood.check(now);
    if (flood) batch.events.push({ body: { type: 'alarm.flood.changed', payload: flood }, actor: 'system' });
    this.d.engine.appendBatch(batch.events);
  }

  private current(batch: AlarmBatch, id: string): AlarmRecord | null {
    return batch.records.get(id) ?? this.record(id);
  }

  private step(
    batch: AlarmBatch,
    id: string,
    event: LifecycleEvent,
    at: number,
    actor: string,
    extra: { value?: number | null; note?: string | undefined; position?: Vec3 | undefined },
  ): StepResult {
    const cur = this.current(batch, id);
    const def = cur ? this.def(id) : null;
    if (!cur || !def) return { ok: false, reason: 'unknown_alarm' };
    const r = transition(cur.lifecycle, event, { latching: def.latching });
    if (!r.ok || !r.changed) return r;
    const cause: AlarmCause = event.type;
    const condition = cause === 'activate' || cause === 'clear';
    const next: AlarmRecord = {
      ...cur,
      // Static fields follow the definition (a restart may bring new texts or priorities).
      priority: def.priority,
      message: def.message,
      position: extra.position ?? cur.position,
      lifecycle: r.lifecycle,
      value: condition && extra.value !== undefined ? extra.value : cur.value,
      activatedAt: cause === 'activate' ? at : cur.activatedAt,
      lastChange: at,
    };
    batch.records.set(id, next);
    this.stats.transitions++;
    const note = extra.note;
    batch.events.push({ body: { type: 'alarm.changed', payload: { alarm: next, cause, ...(note ? { note } : {}) } }, actor });
    if (cause === 'activate' && isAnnunciated(next.lifecycle)) this.d.flood.record(at);
    return r;
  }

  /** Ends shelves whose time ran out (ISA-18.2: shelving is always time-limited). */
  private expireShelves(batch: AlarmBatch, now: number): void {
    const alarms = this.d.engine.state.alarms;
    if (this.shelvedIndex?.alarms !== alarms) {
      let next = Infinity;
      for (const a of Object.values(alarms)) if (a.lifecycle.shelved && a.lifecycle.shelved.until < next) next = a.lifecycle.shelved.until;
      this.shelvedIndex = { alarms, nextExpiry: next };
    }
    if (this.shelvedIndex.nextExpiry > now) return;
    for (const a of Object.values(alarms)) {
      const cur = this.current(batch, a.id);
      const until = cur?.lifecycle.shelved?.until;
      if (until !== undefined && until <= now) this.step(batch, a.id, { type: 'shelve_expired', at: now }, now, 'system', {});
    }
  }
}
