import { Cond, ConditionChanges, ConditionEvaluator, condKinds, type CondCode } from '../../shared/alarm/conditions';
import type { AlarmKind, AlarmRecord } from '../../shared/alarm/model';
import { alarmPriority } from '../../shared/alarm/priority';
import type { AlarmSettings } from '../../shared/plant/alarmConfig';
import type { Tag, Vec3 } from '../../shared/plant/schema';
import type { SampleBatch } from '../sim/types';
import { alarmId, type AlarmDef } from './alarmDef';
import type { ConditionChange, ConditionSource } from './AlarmEngine';
import { confirmedMessage, tagAlarmMessage } from './alarmText';

/** How often the stale sweep runs (it is O(tags)). */
export const STALE_SWEEP_MS = 1000;

const kindCode: Partial<Record<AlarmKind, Exclude<CondCode, typeof Cond.CONFIRMED>>> = { HH: Cond.HH, H: Cond.H, L: Cond.L, LL: Cond.LL, ROC: Cond.ROC, BAD: Cond.BAD };

/**
 * The tag alarms of a plant: the shared `ConditionEvaluator` fed with every sample, its
 * changes turned into alarm ids. Definitions (texts, priorities, positions) are made on demand
 * and cached, so a 50,000-tag plant holds no 250,000 definition objects it may never need.
 *
 * Which alarms a tag has: HH/H/L/LL for each limit it sets, ROC when its measurement type has a
 * `rocPctPerMin`, and BAD (bad or stale signal) always. A detector group has CONFIRMED.
 */
export class TagConditions implements ConditionSource {
  readonly evaluator: ConditionEvaluator;
  private readonly out = new ConditionChanges(4096);
  private readonly tagIndex: ReadonlyMap<string, number>;
  private readonly groupIndex: ReadonlyMap<string, number>;
  private readonly cache = new Map<string, AlarmDef>();
  private readonly latching: ReadonlySet<AlarmKind>;
  private lastSweep = -Infinity;

  constructor(
    private readonly tags: readonly Tag[],
    private readonly settings: AlarmSettings,
  ) {
    this.evaluator = new ConditionEvaluator(tags, settings);
    this.tagIndex = new Map(tags.map((t, i) => [t.id, i] as const));
    this.groupIndex = new Map(this.evaluator.groups.map((g, k) => [g.id, k] as const));
    this.latching = new Set(settings.latching);
  }

  /** Whether tag `i` has an alarm of condition `c`. */
  has(i: number, c: CondCode): boolean {
    if (c === Cond.BAD) return true;
    if (c === Cond.CONFIRMED) return false;
    return this.evaluator.limitOf(i, c) !== null;
  }

  /** Alarm ids a tag can raise, in condition order. */
  tagAlarmIds(i: number): string[] {
    const t = this.tags[i]!;
    const ids: string[] = [];
    for (const c of [Cond.HH, Cond.H, Cond.L, Cond.LL, Cond.ROC, Cond.BAD] as const) if (this.has(i, c)) ids.push(alarmId(t.id, condKinds[c]!));
    return ids;
  }

  def(id: string): AlarmDef | null {
    const hit = this.cache.get(id);
    if (hit) return hit;
    const cut = id.lastIndexOf(':');
    if (cut <= 0) return null;
    const source = id.slice(0, cut);
    const kind = id.slice(cut + 1) as AlarmKind;
    let def: AlarmDef | null = null;
    if (kind === 'CONFIRMED') {
      const g = this.groupIndex.get(source);
      if (g !== undefined) def = this.groupDef(g);
    } else {
      const i = this.tagIndex.get(source);
      const c = kindCode[kind];
      if (i !== undefined && c !== undefined && this.has(i, c)) def = this.tagDef(i, c);
    }
    if (def) this.cache.set(id, def);
    return def;
  }

  update(batch: SampleBatch, now: number, changes: ConditionChange[]): void {
    const out = this.out;
    out.clear();
    const ev = this.evaluator;
    const { ids, values, quality, times } = batch;
    for (let k = 0; k < batch.count; k++) ev.evaluate(ids[k]!, values[k]!, quality[k]!, times[k]!, out);
    if (now - this.lastSweep >= STALE_SWEEP_MS) {
      this.lastSweep = now;
      ev.sweepStale(now, out);
    }
    for (let k = 0; k < out.count; k++) {
      const src = out.source[k]!;
      const c = out.cond[k]!;
      const active = out.active[k] === 1;
      const v = out.value[k]!;
      if (c === Cond.CONFIRMED) {
        const g = ev.groups[src]!;
        const position = active ? (ev.groupCentroid(src) ?? undefined) : undefined;
        changes.push({ id: alarmId(g.id, 'CONFIRMED'), active, value: v, time: out.time[k]!, ...(position ? { position } : {}) });
      } else {
        changes.push({ id: alarmId(this.tags[src]!.id, condKinds[c]!), active, value: Number.isFinite(v) ? v : null, time: out.time[k]! });
      }
    }
  }

  /**
   * Tells the evaluator which conditions were active before a restart (from the command state),
   * so that each clears when its condition does instead of staying active for ever.
   */
  seed(alarms: Iterable<AlarmRecord>): void {
    for (const a of alarms) {
      if (!a.lifecycle.active) continue;
      if (a.kind === 'CONFIRMED') {
        const g = this.groupIndex.get(a.source);
        if (g !== undefined) this.evaluator.seedGroup(g, true);
        continue;
      }
      const i = this.tagIndex.get(a.source);
      const c = kindCode[a.kind];
      if (i !== undefined && c !== undefined) this.evaluator.seed(i, c, true);
    }
  }

  private tagDef(i: number, c: Exclude<CondCode, typeof Cond.CONFIRMED>): AlarmDef {
    const t = this.tags[i]!;
    const kind = condKinds[c]!;
    return {
      id: alarmId(t.id, kind),
      kind,
      source: t.id,
      area: t.area,
      equipment: t.equipment ?? null,
      priority: alarmPriority(this.settings, t.kind, kind),
      position: t.position,
      message: tagAlarmMessage(t.name, t.kind, kind),
      unit: c === Cond.BAD ? null : c === Cond.ROC ? `${t.unit}/min` : t.unit,
      limit: this.evaluator.limitOf(i, c),
      latching: this.latching.has(kind),
    };
  }

  private groupDef(g: number): AlarmDef {
    const group = this.evaluator.groups[g]!;
    const members = group.members.map((i) => this.tags[i]!);
    const first = members[0]!;
    const equipment = members.every((t) => t.equipment === first.equipment) ? (first.equipment ?? null) : null;
    const centre: Vec3 = [0, 1, 2].map((axis) => members.reduce((s, t) => s + t.position[axis]!, 0) / members.length) as Vec3;
    return {
      id: alarmId(group.id, 'CONFIRMED'),
      kind: 'CONFIRMED',
      source: group.id,
      area: first.area,
      equipment,
      priority: alarmPriority(this.settings, first.kind, 'CONFIRMED'),
      position: centre,
      message: confirmedMessage(group.id, equipment, this.evaluator.votesNeeded, members.length),
      unit: null,
      limit: this.evaluator.votesNeeded,
      latching: this.latching.has('CONFIRMED'),
    };
  }
}
