import { fail, ok, type Ack } from '../../shared/protocol/messages';
import { scoreDrill } from '../../shared/drill/scoreDrill';
import type { DrillRecord, DrillScore, Scenario, ScenarioAction } from '../../shared/drill/scenario';
import type { JournalEvent } from '../../shared/state/events';
import type { LocalText } from '../../shared/plant/primitives';
import type { Clock } from '../../shared/util/clock';
import type { AuthUser } from '../auth/authService';
import { nextIncident } from '../../shared/incident/incidentRecord';
import type { CommandEngine } from '../engine/CommandEngine';
import type { CommandPayload } from '../engine/CommandService';
import type { InjectionService } from '../engine/InjectionService';
import type { TickStage } from '../engine/PlantRuntime';
import type { ScenarioCatalog } from './ScenarioCatalog';

export interface DrillServiceDeps {
  engine: CommandEngine;
  clock: Clock;
  injections: Pick<InjectionService, 'inject' | 'clear'>;
  /** The emergency service's drill/test wind hook. */
  setWind(w: { speedMS: number; fromDeg: number } | null): void;
  catalog: ScenarioCatalog;
  /** Plan step texts for score cards (step id → text). */
  stepLabels: ReadonlyMap<string, LocalText>;
}

const JOURNAL_PAGE = 5000;

/** Journal actor of a drill's injections: `drill:<drill id>/<scenario injection id or step index>`. */
export function drillActor(drillId: string, ref: string): string {
  return `drill:${drillId}/${ref}`;
}

/**
 * Drills (docs/drills.md): one at a time; `drill.start` journals the record and the tick stage
 * runs the scenario's timeline on drill time (wall time minus pauses). Its injections are
 * journaled with the actor `drill:<id>/<ref>`, so that stop/complete can clear exactly them,
 * also after a restart (the command state lists each active injection's actor). The wind
 * override is re-applied after a restart from the timeline steps already run. When a drill
 * ends its score card is computed from the journal slice and journaled as `drill.scored`.
 * Injections keep running through a pause (the release does not stop because the clock did);
 * only the timeline waits.
 */
export class DrillService {
  readonly stage: TickStage;

  constructor(readonly d: DrillServiceDeps) {
    this.stage = { name: 'drill', run: (_b, now) => (this.tick(now), []) };
    const active = d.engine.state.drill.active;
    if (active) {
      const wind = this.windAfter(active);
      if (wind !== undefined) d.setWind(wind);
    }
  }

  get active(): DrillRecord | null {
    return this.d.engine.state.drill.active;
  }

  scenarioOf(drill: DrillRecord): Scenario | null {
    return this.d.catalog.get(drill.scenario)?.scenario ?? null;
  }

  /** Drill seconds at `now` (pauses excluded). */
  drillSeconds(dr: DrillRecord, now: number): number {
    const end = dr.endedAt ?? now;
    const pausing = dr.pausedAt !== null ? end - dr.pausedAt : 0;
    return Math.max(0, (end - dr.startedAt - dr.pausedMs - pausing) / 1000);
  }

  start(p: CommandPayload<'drill.start'>, user: AuthUser): Ack<{ drill: DrillRecord }> {
    const cur = this.active;
    if (cur) return fail('conflict', `drill ${cur.id} is ${cur.state}; stop it before starting another / 演练 ${cur.id} 尚未结束，请先停止`);
    const entry = this.d.catalog.get(p.scenario);
    if (!entry) return fail('not_found', `unknown scenario "${p.scenario.slice(0, 80)}" / 未知演练脚本`);
    if (!entry.runnable || !entry.scenario) return fail('bad_request', `scenario "${entry.id}" cannot run on this plant / 演练脚本不可用: ${entry.errors.slice(0, 3).join('; ').slice(0, 400)}`);
    // The start event's own time is the drill's start, so a replay from `startedAt` holds it.
    const now = this.d.engine.nextTime();
    const drill: DrillRecord = {
      id: this.nextId(now),
      scenario: entry.scenario.id,
      name: entry.scenario.name,
      state: 'running',
      startedAt: now,
      startedBy: user.name,
      startSeq: this.d.engine.seq + 1,
      pausedMs: 0,
      pausedAt: null,
      endedAt: null,
      nextStep: 0,
      announcement: null,
    };
    this.d.engine.append({ type: 'drill.changed', payload: { drill, action: 'start', ...(p.note ? { note: p.note } : {}) } }, user.name, now);
    // Steps due at 0 s run at once, not a tick later.
    this.tick(now);
    return ok({ drill: this.active ?? this.last(drill.id) ?? drill });
  }

  pause(p: CommandPayload<'drill.pause'>, user: AuthUser): Ack<{ drill: DrillRecord }> {
    const cur = this.active;
    if (!cur) return fail('conflict', 'no drill is running / 当前没有演练');
    if (cur.state === 'paused') return fail('conflict', `drill ${cur.id} is already paused / 演练已暂停`);
    const drill: DrillRecord = { ...cur, state: 'paused', pausedAt: this.d.clock.now() };
    this.d.engine.append({ type: 'drill.changed', payload: { drill, action: 'pause', ...(p.note ? { note: p.note } : {}) } }, user.name);
    return ok({ drill });
  }

  resume(_p: CommandPayload<'drill.resume'>, user: AuthUser): Ack<{ drill: DrillRecord }> {
    const cur = this.active;
    if (!cur) return fail('conflict', 'no drill is running / 当前没有演练');
    if (cur.state !== 'paused' || cur.pausedAt === null) return fail('conflict', `drill ${cur.id} is not paused / 演练未暂停`);
    const now = this.d.clock.now();
    const drill: DrillRecord = { ...cur, state: 'running', pausedMs: cur.pausedMs + Math.max(0, now - cur.pausedAt), pausedAt: null };
    this.d.engine.append({ type: 'drill.changed', payload: { drill, action: 'resume' } }, user.name);
    return ok({ drill });
  }

  stop(p: CommandPayload<'drill.stop'>, user: AuthUser): Ack<{ drill: DrillRecord; score: DrillScore | null }> {
    const cur = this.active;
    if (!cur) return fail('conflict', 'no drill is running / 当前没有演练');
    return ok(this.end(cur, 'stop', user.name, p.note));
  }

  /** Runs due timeline steps and completes the drill after its duration (the tick stage). */
  tick(now: number): void {
    let dr = this.active;
    if (!dr || dr.state !== 'running') return;
    const scenario = this.scenarioOf(dr);
    if (!scenario) {
      this.end(dr, 'stop', 'system', `scenario "${dr.scenario}" is no longer available`);
      return;
    }
    const t = this.drillSeconds(dr, now);
    while (dr && dr.nextStep < scenario.timeline.length && scenario.timeline[dr.nextStep]!.atS <= t) {
      const index = dr.nextStep;
      const step = scenario.timeline[index]!;
      const note = this.run(dr, step.action, index);
      const next: DrillRecord = { ...dr, nextStep: index + 1, ...(step.action.do === 'announce' ? { announcement: step.action.text } : {}) };
      this.d.engine.append({ type: 'drill.changed', payload: { drill: next, action: step.action.do === 'announce' ? 'announce' : 'step', note: `step ${index} at ${step.atS} s: ${note}`.slice(0, 2000) } }, 'system');
      dr = this.active;
    }
    if (dr && t >= scenario.durationS) this.end(dr, 'complete', 'system');
  }

  /** The live (running) or final score card of a drill; null for an unknown drill. */
  score(drillId: string): DrillScore | null {
    const s = this.d.engine.state.drill;
    const stored = s.recent.find((r) => r.drill.id === drillId);
    if (stored?.score) return stored.score;
    const dr = s.active?.id === drillId ? { ...s.active, endedAt: this.d.clock.now() } : stored?.drill;
    if (!dr) return null;
    const scenario = this.scenarioOf(dr);
    if (!scenario) return null;
    return scoreDrill(scenario, dr, this.journalSlice(dr), this.d.stepLabels);
  }

  /** The drill's journal events (from its start seq to its end, or now), in seq order. */
  journalSlice(dr: DrillRecord, limit = 500_000): JournalEvent[] {
    const out: JournalEvent[] = [];
    let after = dr.startSeq - 1;
    const end = dr.endedAt ?? Infinity;
    for (;;) {
      const page = this.d.engine.eventsPage(after, JOURNAL_PAGE);
      for (const e of page) {
        if (e.time > end) return out;
        out.push(e);
        if (out.length >= limit) return out;
      }
      if (page.length < JOURNAL_PAGE) return out;
      after = page[page.length - 1]!.seq;
    }
  }

  /** Every drill the state remembers, newest first, with its score when journaled. */
  list(): { drill: DrillRecord; score: DrillScore | null }[] {
    const s = this.d.engine.state.drill;
    const all = [...s.recent];
    if (s.active) all.push({ drill: s.active, score: null });
    return all.reverse();
  }

  find(id: string): DrillRecord | null {
    const s = this.d.engine.state.drill;
    return s.active?.id === id ? s.active : this.last(id);
  }

  private last(id: string): DrillRecord | null {
    return this.d.engine.state.drill.recent.find((r) => r.drill.id === id)?.drill ?? null;
  }

  private end(cur: DrillRecord, how: 'stop' | 'complete', actor: string, note?: string): { drill: DrillRecord; score: DrillScore | null } {
    this.clearInjections(cur.id, undefined, actor === 'system' ? 'system' : actor);
    this.d.setWind(null);
    const now = this.d.clock.now();
    const pausedMs = cur.pausedAt !== null ? cur.pausedMs + Math.max(0, now - cur.pausedAt) : cur.pausedMs;
    const drill: DrillRecord = { ...cur, state: how === 'stop' ? 'stopped' : 'completed', endedAt: now, pausedMs, pausedAt: null };
    this.d.engine.append({ type: 'drill.changed', payload: { drill, action: how, ...(note ? { note: note.slice(0, 2000) } : {}) } }, actor);
    const scenario = this.scenarioOf(drill);
    const score = scenario ? scoreDrill(scenario, drill, this.journalSlice(drill), this.d.stepLabels) : null;
    if (score) this.d.engine.append({ type: 'drill.scored', payload: score }, 'system');
    this.closeDrillIncidents(drill, now, actor);
    return { drill, score };
  }

  /** A drill's incidents end with it: they would otherwise stay on every incident board. */
  private closeDrillIncidents(drill: DrillRecord, now: number, actor: string): void {
    const note = `drill ${drill.id} ${drill.state} / 演练${drill.state === 'stopped' ? '中止' : '结束'}`;
    for (const r of Object.values(this.d.engine.state.emergency.incidents)) {
      if (!r.drill || r.state === 'closed') continue;
      const next = nextIncident(r, { kind: 'close', note }, now, actor);
      if (next.ok) this.d.engine.append({ type: 'incident.changed', payload: { incident: next.record, action: next.action, note } }, actor);
    }
  }

  /** Runs one timeline action; returns what happened, for the step's journal note. */
  private run(dr: DrillRecord, a: ScenarioAction, index: number): string {
    switch (a.do) {
      case 'inject': {
        const r = this.d.injections.inject(a.injection, drillActor(dr.id, a.id ?? String(index)));
        return r.ok ? `inject ${a.injection.kind}${a.id ? ` (${a.id})` : ''} → ${r.data.injectionId}` : `inject ${a.injection.kind} refused: ${r.message}`;
      }
      case 'clear':
        return `clear ${a.id ?? 'all'}: ${this.clearInjections(dr.id, a.id, 'system').join(', ') || 'nothing active'}`;
      case 'wind':
        this.d.setWind(a.wind);
        return a.wind ? `wind ${a.wind.speedMS} m/s from ${a.wind.fromDeg}°` : 'wind back to the met station';
      case 'announce':
        return `announce: ${a.text.en}`;
    }
  }

  /** Clears the drill's active injections (those with its actor; one scenario id, or all). */
  private clearInjections(drillId: string, ref: string | undefined, actor: string): string[] {
    const prefix = drillActor(drillId, '');
    const ids = Object.entries(this.d.engine.state.injections)
      .filter(([, inj]) => (ref === undefined ? inj.actor.startsWith(prefix) : inj.actor === drillActor(drillId, ref)))
      .map(([id]) => id);
    for (const id of ids) this.d.injections.clear(id, actor);
    return ids;
  }

  /** The wind the timeline set before its next step (undefined: it never set one). */
  private windAfter(dr: DrillRecord): { speedMS: number; fromDeg: number } | null | undefined {
    const s = this.scenarioOf(dr);
    let wind: { speedMS: number; fromDeg: number } | null | undefined;
    for (const step of s?.timeline.slice(0, dr.nextStep) ?? []) if (step.action.do === 'wind') wind = step.action.wind;
    return wind;
  }

  private nextId(now: number): string {
    const d = new Date(now);
    const day = `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
    const prefix = `DR-${day}-`;
    let n = 0;
    for (const r of this.list()) if (r.drill.id.startsWith(prefix)) n = Math.max(n, Number(r.drill.id.slice(prefix.length)) || 0);
    return `${prefix}${String(n + 1).padStart(2, '0')}`;
  }
}
