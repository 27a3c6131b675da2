import { Quality } from '../../shared/plant/band';
import type { Interlock } from '../../shared/plant/alarmConfig';
import type { Plant } from '../../shared/plant/schema';
import type { Layout } from './layout';
import { TagSrc } from './layout';
import { InterlockError, type InterlockState } from './types';

/**
 * A trip removes the cause of an overpressure on its units (the feed): the overpressure goes on
 * rising for TRIP_LAG_S more (the charge accumulated before the feed stopped still reacts), then
 * ends and decays as any ended overpressure does (docs/interlocks-notifications-risk.md).
 */
export const TRIP_LAG_S = 20;

interface Def {
  il: Interlock;
  trigger: number;
  high: boolean;
  limit: number;
  actions: { tag: number; value: number }[];
  /** Units whose process the trip acts on: the trigger's and the actions' equipment. */
  units: number[];
}

interface Live {
  tripped: boolean;
  trippedAt: number | null;
  tripValue: number | null;
  bypassed: boolean;
  triggerValue: number | null;
  triggerActive: boolean;
}

/**
 * The simulator's safety instrumented system. A trip happens on the trigger tag's own sample:
 * a Good sample at or beyond its HH (LL) limit trips every interlock on that tag that is not
 * bypassed. From then on each action tag reads its safe value exactly, the units involved see
 * `tripped` (models stop feeding or filling) and any overpressure on them ends TRIP_LAG_S later
 * (`onTrip`). The trip holds until reset() once the trigger's latest sample is back
 * inside the limit. Bad or missing trigger samples neither trip nor allow a reset.
 */
export class SimInterlocks {
  private readonly defs: Def[] = [];
  private readonly live: Live[] = [];
  private readonly byId = new Map<string, number>();
  /** Interlock indices triggered by each tag (undefined for most tags). */
  private readonly byTrigger = new Map<number, number[]>();
  /** 1 where a tag is the trigger of some interlock: the per-sample fast path. */
  readonly isTrigger: Uint8Array;
  /** Number of tripped interlocks holding each tag, and the value held. */
  readonly holdCount: Uint16Array;
  readonly held: Float64Array;
  /** Per unit: 1 while a tripped interlock acts on it. */
  readonly unitTripped: Uint8Array;

  /** `onTrip(units, t)`: a trip at sample time t acts on these units (the simulator ends their overpressures). */
  constructor(
    plant: Plant,
    L: Layout,
    private readonly onTrip: (units: readonly number[], t: number) => void = () => undefined,
  ) {
    const n = plant.tags.length;
    this.isTrigger = new Uint8Array(n);
    this.holdCount = new Uint16Array(n);
    this.held = new Float64Array(n);
    this.unitTripped = new Uint8Array(L.units.length);
    const tagIndex = new Map(plant.tags.map((t, i) => [t.id, i]));
    const unitOfTag = (i: number): number | null => (L.src[i] === TagSrc.Channel ? (L.unit[i] as number) : null);
    for (const il of plant.interlocks ?? []) {
      const trigger = tagIndex.get(il.trigger.tag);
      if (trigger === undefined) throw new Error(`interlock ${il.id}: unknown trigger tag "${il.trigger.tag}"`);
      const high = il.trigger.limit === 'HH';
      const tag = plant.tags[trigger];
      const limit = high ? tag?.limits.hh : tag?.limits.ll;
      if (limit === undefined) throw new Error(`interlock ${il.id}: trigger tag ${il.trigger.tag} has no ${il.trigger.limit} limit`);
      const actions = il.actions.map((a) => {
        const i = tagIndex.get(a.tag);
        if (i === undefined) throw new Error(`interlock ${il.id}: unknown action tag "${a.tag}"`);
        return { tag: i, value: a.value };
      });
      const units = new Set<number>();
      for (const i of [trigger, ...actions.map((a) => a.tag)]) {
        const u = unitOfTag(i);
        if (u !== null) units.add(u);
      }
      const k = this.defs.length;
      this.defs.push({ il, trigger, high, limit, actions, units: [...units].sort((a, b) => a - b) });
      this.live.push({ tripped: false, trippedAt: null, tripValue: null, bypassed: false, triggerValue: null, triggerActive: false });
      this.byId.set(il.id, k);
      this.isTrigger[trigger] = 1;
      const list = this.byTrigger.get(trigger);
      if (list) list.push(k);
      else this.byTrigger.set(trigger, [k]);
    }
  }

  get count(): number {
    return this.defs.length;
  }

  /** Called with every sample of a trigger tag (isTrigger[tag] === 1). */
  observe(tag: number, value: number, quality: number, t: number): void {
    const good = quality === Quality.Good && Number.isFinite(value);
    for (const k of this.byTrigger.get(tag) ?? []) {
      const d = this.defs[k] as Def;
      const s = this.live[k] as Live;
      s.triggerValue = good ? value : null;
      s.triggerActive = good && (d.high ? value >= d.limit : value <= d.limit);
      if (s.triggerActive && !s.tripped && !s.bypassed) this.trip(k, t, value);
    }
  }

  private trip(k: number, t: number, value: number | null): void {
    const d = this.defs[k] as Def;
    const s = this.live[k] as Live;
    s.tripped = true;
    s.trippedAt = t;
    s.tripValue = value;
    for (const a of d.actions) {
      this.holdCount[a.tag] = (this.holdCount[a.tag] as number) + 1;
      this.held[a.tag] = a.value;
    }
    this.refreshUnits(d.units);
    this.onTrip(d.units, t);
  }

  private untrip(k: number): void {
    const d = this.defs[k] as Def;
    const s = this.live[k] as Live;
    s.tripped = false;
    s.trippedAt = null;
    s.tripValue = null;
    for (const a of d.actions) this.holdCount[a.tag] = Math.max(0, (this.holdCount[a.tag] as number) - 1);
    // Another trip still holding a shared tag keeps its own safe value.
    for (const a of d.actions) {
      if ((this.holdCount[a.tag] as number) === 0) continue;
      for (let j = 0; j < this.defs.length; j++) {
        const other = this.defs[j] as Def;
        if (!(this.live[j] as Live).tripped) continue;
        const act = other.actions.find((x) => x.tag === a.tag);
        if (act) this.held[a.tag] = act.value;
      }
    }
    this.refreshUnits(d.units);
  }

  /** Recomputes the tripped flag of units. */
  private refreshUnits(units: readonly number[]): void {
    for (const u of units) {
      let tripped = 0;
      for (let k = 0; k < this.defs.length && tripped === 0; k++) {
        if ((this.live[k] as Live).tripped && (this.defs[k] as Def).units.includes(u)) tripped = 1;
      }
      this.unitTripped[u] = tripped;
    }
  }

  private index(id: string): number {
    const k = this.byId.get(id);
    if (k === undefined) throw new InterlockError(`unknown interlock "${id}"`, 'unknown_interlock', `未知联锁 "${id}"`);
    return k;
  }

  reset(id: string): void {
    const k = this.index(id);
    const s = this.live[k] as Live;
    const d = this.defs[k] as Def;
    if (!s.tripped) throw new InterlockError(`interlock ${id} is not tripped`, 'not_tripped', `联锁 ${id} 未动作，无需复位`);
    if (s.triggerActive || s.triggerValue === null) {
      const shown = s.triggerValue === null ? 'bad or no reading' : String(s.triggerValue);
      throw new InterlockError(
        `interlock ${id}: trigger ${d.il.trigger.tag} is still at or beyond ${d.il.trigger.limit} ${d.limit} (${shown}); reset once it is back`,
        'trigger_active',
        `联锁 ${id}：触发位号 ${d.il.trigger.tag} 仍处于 ${d.il.trigger.limit} 限值 ${d.limit}（当前 ${s.triggerValue === null ? '坏值或无读数' : shown}），恢复后才能复位`,
      );
    }
    this.untrip(k);
  }

  setBypass(id: string, on: boolean): void {
    (this.live[this.index(id)] as Live).bypassed = on;
  }

  restore(id: string, state: { tripped: boolean; trippedAt: number | null; bypassed: boolean }): void {
    const k = this.index(id);
    const s = this.live[k] as Live;
    s.bypassed = state.bypassed;
    if (state.tripped && !s.tripped) this.trip(k, state.trippedAt ?? 0, null);
    else if (!state.tripped && s.tripped) this.untrip(k);
  }

  states(): InterlockState[] {
    return this.defs.map((d, k) => ({ id: d.il.id, ...(this.live[k] as Live) }));
  }
}
