import type { AlarmRecord } from '../../shared/alarm/model';
import type { RiskPoint } from '../../shared/plant/alarmConfig';
import type { Plant, TagKind } from '../../shared/plant/schema';
import { currentGrade, DEFAULT_RISK_RULES, sameReasons, riskFactors, type RiskFactor, type RiskRule } from '../../shared/risk/grade';
import type { EventBody, JournalEvent } from '../../shared/state/events';
import type { CommandState } from '../../shared/state/reducer';
import type { CommandEngine } from '../engine/CommandEngine';

const DETECTOR_KINDS: ReadonlySet<TagKind> = new Set(['gas_combustible', 'gas_toxic', 'oxygen']);

export interface RiskServiceDeps {
  plant: Plant;
  engine: CommandEngine;
  rules?: readonly RiskRule[];
}

/** An event for the tick's batch (the shape PlantRuntime stages return). */
interface StageEvent {
  body: EventBody;
  actor: string;
}

/**
 * The live four-colour risk map (风险分级管控). Each risk unit's current grade is
 * `currentGrade(inherent, factors)` (shared/risk/grade) over what affects the unit now:
 *
 * - an alarm or interlock belongs to the units that list its equipment; one without equipment,
 *   or whose equipment no unit lists, belongs to the units of its area;
 * - `alarm_p12`: active priority 1–2 alarms, not suppressed by design (shelved ones count:
 *   the condition is there even if the operator hid it);
 * - `detector_failed`: gas and oxygen detectors with an active BAD (bad or stale) alarm;
 * - `interlock_bypassed` / `interlock_tripped`: from the command state's interlocks.
 *
 * It follows the journal (alarm and interlock events) and, as a tick stage after the alarm
 * stage, appends `risk.grade.changed` for each unit whose grade or reasons changed. `start()`
 * appends the grade of every unit the command state does not yet hold as computed, so that a
 * console can shade every unit from the state alone.
 */
export class RiskService {
  private readonly points: readonly RiskPoint[];
  private readonly rules: readonly RiskRule[];
  private readonly byEquipment = new Map<string, string[]>();
  private readonly byArea = new Map<string, string[]>();
  private readonly tagKind: Map<string, TagKind>;
  private readonly interlockPlace: Map<string, { equipment: string; area: string }>;
  /** Per unit and factor: the alarm ids, detector tags or interlock ids counted. */
  private readonly members = new Map<string, Record<RiskFactor, Set<string>>>();
  /** Where each counted alarm or interlock is, so that a change can take it out again. */
  private readonly placed = new Map<string, { factor: RiskFactor; points: string[]; member: string }[]>();
  private readonly dirty = new Set<string>();
  private unsubscribe: (() => void) | null = null;

  /** Plug into PlantRuntime's tick after the alarm stage. */
  readonly stage = { name: 'risk', run: (): StageEvent[] => this.run() };

  constructor(private readonly d: RiskServiceDeps) {
    this.points = d.plant.risks ?? [];
    this.rules = d.rules ?? DEFAULT_RISK_RULES;
    for (const p of this.points) {
      this.members.set(p.id, Object.fromEntries(riskFactors.map((f) => [f, new Set<string>()])) as Record<RiskFactor, Set<string>>);
      for (const e of p.equipment) this.byEquipment.set(e, [...(this.byEquipment.get(e) ?? []), p.id]);
      this.byArea.set(p.area, [...(this.byArea.get(p.area) ?? []), p.id]);
    }
    this.tagKind = new Map(d.plant.tags.map((t) => [t.id, t.kind]));
    this.interlockPlace = new Map((d.plant.interlocks ?? []).map((il) => [il.id, { equipment: il.equipment, area: il.area }]));
  }

  private pointsOf(equipment: string | null, area: string): string[] {
    return (equipment !== null ? this.byEquipment.get(equipment) : undefined) ?? this.byArea.get(area) ?? [];
  }

  /** Loads the factors from the command state, appends the grades that differ, starts following. */
  start(): void {
    if (this.points.length === 0 || this.unsubscribe) return;
    const s = this.d.engine.state;
    for (const a of Object.values(s.alarms)) this.placeAlarm(a);
    this.placeInterlocks(s.interlocks);
    for (const p of this.points) this.dirty.add(p.id);
    this.d.engine.appendBatch(this.run());
    this.unsubscribe = this.d.engine.onEvent((e) => this.onEvent(e));
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  private onEvent(e: JournalEvent): void {
    if (e.type === 'alarm.changed') this.placeAlarm(e.payload.alarm);
    else if (e.type === 'interlock.tripped' || e.type === 'interlock.reset' || e.type === 'interlock.bypass.changed') this.placeInterlocks(this.d.engine.state.interlocks);
  }

  private place(key: string, want: { factor: RiskFactor; points: string[]; member: string }[]): void {
    for (const old of this.placed.get(key) ?? []) {
      for (const p of old.points) {
        if (this.members.get(p)?.[old.factor].delete(old.member)) this.dirty.add(p);
      }
    }
    if (want.length === 0) this.placed.delete(key);
    else this.placed.set(key, want);
    for (const w of want) {
      for (const p of w.points) {
        const set = this.members.get(p)?.[w.factor];
        if (set && !set.has(w.member)) {
          set.add(w.member);
          this.dirty.add(p);
        }
      }
    }
  }

  private placeAlarm(a: AlarmRecord): void {
    const key = `alarm:${a.id}`;
    const l = a.lifecycle;
    const want: { factor: RiskFactor; points: string[]; member: string }[] = [];
    if (l.active) {
      const points = this.pointsOf(a.equipment, a.area);
      if (a.kind === 'BAD') {
        const kind = this.tagKind.get(a.source);
        if (kind !== undefined && DETECTOR_KINDS.has(kind)) want.push({ factor: 'detector_failed', points, member: a.source });
      } else if (a.priority <= 2 && !l.suppressed) want.push({ factor: 'alarm_p12', points, member: a.id });
    }
    if (want.length === 0 && !this.placed.has(key)) return;
    this.place(key, want);
  }

  private placeInterlocks(state: CommandState['interlocks']): void {
    for (const [id, where] of this.interlockPlace) {
      const st = state[id];
      const points = this.pointsOf(where.equipment, where.area);
      const want: { factor: RiskFactor; points: string[]; member: string }[] = [];
      if (st?.bypassed) want.push({ factor: 'interlock_bypassed', points, member: id });
      if (st?.tripped) want.push({ factor: 'interlock_tripped', points, member: id });
      if (want.length === 0 && !this.placed.has(`il:${id}`)) continue;
      this.place(`il:${id}`, want);
    }
  }

  /** Grades of the units touched since the last run that now read differently from the state. */
  run(): StageEvent[] {
    if (this.dirty.size === 0) return [];
    const out: StageEvent[] = [];
    const known = this.d.engine.state.risks;
    for (const p of this.points) {
      if (!this.dirty.has(p.id)) continue;
      const m = this.members.get(p.id) as Record<RiskFactor, Set<string>>;
      const counts = Object.fromEntries(riskFactors.map((f) => [f, m[f].size]));
      const g = currentGrade(p.inherentGrade, counts, this.rules);
      const was = known[p.id];
      if (was && was.inherent === p.inherentGrade && was.current === g.grade && sameReasons(was.reasons, g.reasons)) continue;
      out.push({ body: { type: 'risk.grade.changed', payload: { riskId: p.id, area: p.area, inherent: p.inherentGrade, current: g.grade, reasons: g.reasons } }, actor: 'system' });
    }
    this.dirty.clear();
    return out;
  }
}
