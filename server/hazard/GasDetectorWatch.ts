import { Quality } from '../../shared/plant/band';
import type { Tag } from '../../shared/plant/schema';
import type { SampleBatch } from '../sim/types';

export type DetectorCondition = 'bad' | 'stuck';

export interface DetectorProblem {
  tag: number;
  condition: DetectorCondition;
  /** Since when (last good sample, or last change of value). */
  since: number;
}

const GAS_KINDS: ReadonlySet<string> = new Set(['gas_combustible', 'gas_toxic']);

/**
 * Watches every gas detector (combustible and toxic, GB/T 50493-2019) for the conditions that
 * make detection missing (安监总管三〔2017〕121号 item 12): no good sample for `badAfterS`
 * (bad quality, offline, or silent), or — for a detector whose value used to move — the very
 * same value for `stuckAfterS`. A value frozen within 1 % of span of the bottom of the range is
 * not called stuck: in clean air a healthy detector sits at zero for days, and readings alone
 * cannot tell the two apart (bump tests in the inspection plans do). `observe` costs one typed-array read per sample of the tick;
 * `problems` one pass over the detectors.
 */
export class GasDetectorWatch {
  /** Detector slot per tag index, −1 for other tags. */
  private readonly slot: Int32Array;
  readonly tags: number[] = [];
  private readonly lastGood: Float64Array;
  private readonly lastChange: Float64Array;
  private readonly lastValue: Float64Array;
  private readonly varied: Uint8Array;
  /** At or below this a frozen value may be clean air (range bottom + 1 % of span). */
  private readonly floor: Float64Array;

  constructor(
    tags: readonly Pick<Tag, 'kind' | 'range'>[],
    start: number,
    private readonly badAfterMs: number,
    private readonly stuckAfterMs: number,
  ) {
    this.slot = new Int32Array(tags.length).fill(-1);
    tags.forEach((t, i) => {
      if (GAS_KINDS.has(t.kind)) {
        this.slot[i] = this.tags.length;
        this.tags.push(i);
      }
    });
    const n = this.tags.length;
    this.lastGood = new Float64Array(n).fill(start);
    this.lastChange = new Float64Array(n).fill(start);
    this.lastValue = new Float64Array(n).fill(NaN);
    this.varied = new Uint8Array(n);
    this.floor = Float64Array.from(this.tags, (i) => {
      const r = tags[i]!.range;
      return r.lo + 0.01 * (r.hi - r.lo);
    });
  }

  observe(b: SampleBatch): void {
    if (this.tags.length === 0) return;
    for (let k = 0; k < b.count; k++) {
      const s = this.slot[b.ids[k]!]!;
      if (s < 0) continue;
      const v = b.values[k]!;
      const t = b.times[k]!;
      if (b.quality[k]! >= Quality.Bad || !Number.isFinite(v)) continue;
      this.lastGood[s] = t;
      const prev = this.lastValue[s]!;
      if (v !== prev) {
        if (!Number.isNaN(prev)) this.varied[s] = 1;
        this.lastValue[s] = v;
        this.lastChange[s] = t;
      }
    }
  }

  /** Detectors in trouble at `now`. */
  problems(now: number): DetectorProblem[] {
    const out: DetectorProblem[] = [];
    for (let s = 0; s < this.tags.length; s++) {
      if (now - this.lastGood[s]! >= this.badAfterMs) out.push({ tag: this.tags[s]!, condition: 'bad', since: this.lastGood[s]! });
      else if (this.varied[s] === 1 && this.lastValue[s]! > this.floor[s]! && now - this.lastChange[s]! >= this.stuckAfterMs) out.push({ tag: this.tags[s]!, condition: 'stuck', since: this.lastChange[s]! });
    }
    return out;
  }
}
