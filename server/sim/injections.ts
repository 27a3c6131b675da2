import type { Plant } from '../../shared/plant/schema';
import { injectionSchema, type Injection } from '../../shared/protocol/injection';
import { Ch } from './channels';
import type { GasField } from './gasField';
import type { Layout } from './layout';
import { designPressure, slot } from './stepContext';
import { InjectionError } from './types';

/**
 * Failure modes as stored per tag: 0 none. `Lost` is an I/O outage gone offline: the link
 * reports the loss once (one sample, quality Offline, NaN), then nothing until it is restored.
 */
export const Fail = { None: 0, Stuck: 1, Bad: 2, Offline: 3, Lost: 4 } as const;
const failCode = { stuck: Fail.Stuck, bad: Fail.Bad, offline: Fail.Offline } as const;

interface Overpressure {
  id: string;
  unit: number;
  /** Pressure added at the end of the ramp, channel units. */
  rise: number;
  rampS: number;
  start: number;
  end: number;
}
interface Failure {
  id: string;
  /** One tag for a detector failure, every tag of the areas for an I/O outage. */
  tags: readonly number[];
  mode: number;
  start: number;
  end: number;
}
interface Entry {
  id: string;
  kind: Injection['kind'];
  end: number;
}

/**
 * The simulator's injections. Effects follow time: an injection with a duration stops at
 * start + duration whether or not expire() has been called yet; expire() and clear() only
 * report and forget. Ended overpressures decay and ended releases drift away, so effects fade
 * rather than snap back.
 */
export class Injections {
  private readonly entries = new Map<string, Entry>();
  private overpressures: Overpressure[] = [];
  private failures: Failure[] = [];
  private counter = 0;
  private readonly tagIndex: Map<string, number>;
  private readonly unitIndex = new Map<string, number>();
  /** Tag indices per area, for I/O outages. */
  private readonly areaTags = new Map<string, number[]>();
  private readonly allTags: number[];
  /** Failure mode per tag, and the value a stuck tag keeps showing. */
  readonly failMode: Uint8Array;
  readonly stuckValue: Float64Array;

  constructor(
    private readonly plant: Plant,
    private readonly L: Layout,
    private readonly gas: GasField,
  ) {
    this.tagIndex = new Map(plant.tags.map((t, i) => [t.id, i]));
    for (const u of L.units) if (u.equipment) this.unitIndex.set(u.equipment.id, u.index);
    for (const a of plant.areas) this.areaTags.set(a.id, []);
    plant.tags.forEach((t, i) => this.areaTags.get(t.area)?.push(i));
    this.allTags = plant.tags.map((_, i) => i);
    this.failMode = new Uint8Array(plant.tags.length);
    this.stuckValue = new Float64Array(plant.tags.length);
  }

  /** Validates and starts an injection. `latest` gives the value a stuck detector freezes at. */
  add(raw: Injection, now: number, id: string | undefined, latest: Float64Array): string {
    const parsed = injectionSchema.safeParse(raw);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
      throw new InjectionError(`invalid injection: ${detail}`, 'invalid_injection', `注入参数无效：${detail}`);
    }
    const inj = parsed.data;
    const key = id ?? `inj-${++this.counter}`;
    if (this.entries.has(key)) throw new InjectionError(`injection id "${key}" is already active`, 'duplicate_id', `注入编号 "${key}" 已在运行`);
    const end = inj.durationS !== undefined ? now + inj.durationS * 1000 : Infinity;
    switch (inj.kind) {
      case 'gas_release': {
        const chem = this.plant.chemicals.find((c) => c.id === inj.chemical);
        if (!chem) {
          const known = this.plant.chemicals.map((c) => c.id).join(', ');
          throw new InjectionError(`unknown chemical "${inj.chemical}"; known: ${known}`, 'unknown_chemical', `未知化学品 "${inj.chemical}"；可用：${known}`);
        }
        this.gas.add(key, inj.position, chem, inj.rateKgS, now, end);
        break;
      }
      case 'overpressure': {
        if (!this.plant.equipment.some((e) => e.id === inj.equipment)) {
          throw new InjectionError(`unknown equipment "${inj.equipment}"`, 'unknown_equipment', `未知设备 "${inj.equipment}"`);
        }
        const unit = this.unitIndex.get(inj.equipment);
        if (unit === undefined || (this.L.units[unit]?.primary[Ch.P] ?? -1) < 0) {
          throw new InjectionError(`equipment "${inj.equipment}" has no pressure tag to drive`, 'no_pressure_tag', `设备 "${inj.equipment}" 没有可驱动的压力位号`);
        }
        const design = designPressure(this.L, unit);
        const normal = this.L.xd[slot(unit, Ch.P)] as number;
        const rise = design > 0 ? inj.factor * design - normal : (design - normal) * inj.factor;
        this.overpressures.push({ id: key, unit, rise: Math.max(0, rise), rampS: inj.rampS, start: now, end });
        break;
      }
      case 'detector_failure': {
        const tag = this.tagIndex.get(inj.tag);
        if (tag === undefined) throw new InjectionError(`unknown tag "${inj.tag}"`, 'unknown_tag', `未知位号 "${inj.tag}"`);
        const frozen = latest[tag] as number;
        this.failures.push({ id: key, tags: [tag], mode: failCode[inj.mode], start: now, end });
        if (inj.mode === 'stuck') this.stuckValue[tag] = Number.isFinite(frozen) ? frozen : (this.L.op[tag] as number);
        break;
      }
      case 'io_outage': {
        let tags: readonly number[];
        if (inj.areas === '*') tags = this.allTags;
        else {
          const unknown = inj.areas.filter((a) => !this.areaTags.has(a));
          if (unknown.length > 0) {
            const known = [...this.areaTags.keys()].join(', ');
            throw new InjectionError(`unknown area "${unknown.join('", "')}"; known: ${known}`, 'unknown_area', `未知区域 "${unknown.join('", "')}"；可用：${known}`);
          }
          tags = [...new Set(inj.areas)].flatMap((a) => this.areaTags.get(a) ?? []);
        }
        this.failures.push({ id: key, tags, mode: inj.mode === 'bad' ? Fail.Bad : Fail.Lost, start: now, end });
        break;
      }
      default: {
        const kind = (inj as { kind: string }).kind;
        throw new InjectionError(`injection kind "${kind}" is not supported by this simulator`, 'invalid_injection', `模拟器不支持注入类型 "${kind}"`);
      }
    }
    this.entries.set(key, { id: key, kind: inj.kind, end });
    this.refreshFailures(now);
    return key;
  }

  /** Ends one injection (or all) at time `now`; returns the ids ended. */
  clear(now: number, id?: string): string[] {
    const ids = id === undefined ? [...this.entries.keys()] : this.entries.has(id) ? [id] : [];
    for (const k of ids) {
      this.entries.delete(k);
      this.gas.stop(k, now);
      for (const o of this.overpressures) if (o.id === k && o.end > now) o.end = now;
      for (const f of this.failures) if (f.id === k && f.end > now) f.end = now;
    }
    this.refreshFailures(now);
    return ids;
  }

  /** Forgets injections whose duration ran out by `now`; returns their ids. */
  expire(now: number): string[] {
    const ids: string[] = [];
    for (const e of this.entries.values()) if (e.end <= now) ids.push(e.id);
    for (const k of ids) this.entries.delete(k);
    return ids;
  }

  /**
   * Recomputes each failed tag's mode at time t: of the failures and outages still running on a
   * tag, the one started last wins.
   */
  refreshFailures(t: number): void {
    if (this.failures.length === 0) return;
    for (const f of this.failures) for (const i of f.tags) this.failMode[i] = Fail.None;
    for (const f of this.failures) if (f.start <= t && t < f.end) for (const i of f.tags) this.failMode[i] = f.mode;
    this.failures = this.failures.filter((f) => t < f.end);
  }

  /**
   * Overpressure per unit at time t: the pressure rises linearly from normal to factor × design
   * pressure over rampS, holds, and after the end decays with τ = max(20 s, rampS / 3). Several
   * on one unit: the largest wins.
   */
  fillBoost(t: number, boost: Float64Array): void {
    boost.fill(0);
    for (const o of this.overpressures) {
      if (t < o.start) continue;
      const ramp = (at: number): number => Math.min(1, (at - o.start) / 1000 / o.rampS);
      const tau = Math.max(20, o.rampS / 3);
      const e = t < o.end ? ramp(t) : ramp(o.end) * Math.exp(-(t - o.end) / 1000 / tau);
      const b = e * o.rise;
      if (b > (boost[o.unit] as number)) boost[o.unit] = b;
    }
    this.overpressures = this.overpressures.filter((o) => t < o.end || (t - o.end) / 1000 < 12 * Math.max(20, o.rampS / 3));
  }

  /**
   * Ends the overpressures on `units` at time `at` (an interlock removed their cause): they
   * decay from there as after a clear. The injections stay listed until cleared or expired.
   */
  endOverpressures(units: readonly number[], at: number): void {
    for (const o of this.overpressures) if (units.includes(o.unit) && o.end > at) o.end = at;
  }

  /** Ids of injections not yet expired or cleared. */
  ids(): string[] {
    return [...this.entries.keys()];
  }
}
