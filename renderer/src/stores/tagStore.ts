import { Quality, type Band } from '../../../shared/plant/band';
import { BandCode, BandLimits, bandNames } from '../../../shared/plant/bandLimits';
import type { Tag } from '../../../shared/plant/schema';

export { BandCode, bandNames };

/** A value older than this many sample periods is stale (shown as such, never as normal). */
export const STALE_PERIODS = 3;

/**
 * Hysteresis as a share of the tag's span, so a value sitting on a limit does not flicker
 * between colours on every sample (DOMAIN.md §1 deadbands are 1–5 %; the server's alarm
 * engine is the authority, this only steadies the map).
 */
const HYSTERESIS_SHARE = 0.01;

/** One batch of samples in telemetry-frame layout: times are `baseTime + dt[i]`. */
export interface SampleFrame {
  count: number;
  ids: Uint32Array;
  values: Float64Array;
  baseTime: number;
  dt: Int32Array;
  quality: Uint8Array;
}

/** Called after each batch with the indices it changed (valid until the listener returns). */
export type ChangeListener = (changed: Uint32Array, count: number) => void;

/**
 * Latest value of every tag, in typed arrays indexed by the tag's position in the plant model.
 * A plain object, not React state: the map reads it every frame, panels subscribe and
 * throttle. `version` grows with every change; listeners get the changed-index list.
 */
export class TagStore {
  tags: readonly Tag[] = [];
  count = 0;
  values = new Float64Array(0);
  /** Sample time, ms since epoch; 0 = never received. */
  times = new Float64Array(0);
  quality = new Uint8Array(0);
  band = new Uint8Array(0);
  periodMs = new Float64Array(0);
  version = 0;
  /** Newest sample time seen, ms since epoch (0 = none). */
  newestTime = 0;
  /** Samples rejected because their tag index was out of range. */
  rejected = 0;

  private limits = new BandLimits([], new Float64Array(0));
  private changed = new Uint32Array(0);
  private byId = new Map<string, number>();
  private listeners = new Set<ChangeListener>();

  /** Sizes the columns for a plant's tags; every value starts unknown (NaN, offline, never). */
  reset(tags: readonly Tag[]): void {
    const n = tags.length;
    this.tags = tags;
    this.count = n;
    this.values = new Float64Array(n).fill(NaN);
    this.times = new Float64Array(n);
    this.quality = new Uint8Array(n).fill(Quality.Offline);
    this.band = new Uint8Array(n).fill(BandCode.bad);
    this.periodMs = new Float64Array(n);
    this.changed = new Uint32Array(n);
    this.limits = new BandLimits(
      tags.map((t) => t.limits),
      Float64Array.from(tags, (t) => (t.range.hi - t.range.lo) * HYSTERESIS_SHARE),
    );
    this.byId = new Map();
    tags.forEach((t, i) => {
      this.byId.set(t.id, i);
      this.periodMs[i] = t.periodMs;
    });
    this.newestTime = 0;
    this.bump(this.allIndices(), n);
  }

  indexOf(id: string): number {
    return this.byId.get(id) ?? -1;
  }

  /** Applies a batch. Samples older than what the store holds are ignored (late or replayed). */
  apply(frame: SampleFrame): void {
    let n = 0;
    const changed = this.changed;
    for (let i = 0; i < frame.count; i++) {
      const idx = frame.ids[i]!;
      if (idx >= this.count) {
        this.rejected++;
        continue;
      }
      const t = frame.baseTime + frame.dt[i]!;
      if (t < this.times[idx]!) continue;
      this.set(idx, frame.values[i]!, t, frame.quality[i]!);
      if (n < changed.length) changed[n++] = idx;
    }
    if (n > 0) this.bump(changed, n);
  }

  /**
   * Restores a saved set of columns (from the cache). Returns false, changing nothing, when
   * their length does not match the plant's tag count.
   */
  restore(values: Float64Array, times: Float64Array, quality: Uint8Array): boolean {
    if (values.length !== this.count || times.length !== this.count || quality.length !== this.count) return false;
    for (let i = 0; i < this.count; i++) this.set(i, values[i]!, times[i]!, quality[i]!);
    this.bump(this.allIndices(), this.count);
    return true;
  }

  /** True when the tag has never reported or its last sample is older than STALE_PERIODS periods. */
  isStale(i: number, now: number): boolean {
    const t = this.times[i]!;
    return t === 0 || now - t > STALE_PERIODS * this.periodMs[i]!;
  }

  bandOf(i: number): Band {
    return bandNames[this.band[i]!] ?? 'bad';
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(idx: number, value: number, t: number, q: number): void {
    this.values[idx] = value;
    this.times[idx] = t;
    this.quality[idx] = q;
    this.band[idx] = this.limits.classify(idx, value, q, this.band[idx]!);
    if (t > this.newestTime) this.newestTime = t;
  }

  private allIndices(): Uint32Array {
    const c = this.changed;
    for (let i = 0; i < this.count; i++) c[i] = i;
    return c;
  }

  private bump(changed: Uint32Array, n: number): void {
    this.version++;
    for (const l of this.listeners) l(changed, n);
  }
}

/** The console's one tag store. */
export const tagStore = new TagStore();
