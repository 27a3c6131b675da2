import type { AlarmSettings } from '../plant/alarmConfig';
import { Quality } from '../plant/band';
import type { Tag, Vec3 } from '../plant/schema';
import { Cond, type CondCode, type ConditionChanges } from './conditionChanges';

export { Cond, condKinds, ConditionChanges, type CondCode } from './conditionChanges';

/** The tag fields the evaluator reads. */
export type EvaluatedTag = Pick<Tag, 'kind' | 'range' | 'limits' | 'periodMs' | 'group' | 'position'>;

/** A detector voting group: its id (the tags' `group`) and member tag indices, in plant order. */
export interface VotingGroup {
  id: string;
  members: readonly number[];
}

const HH = 1 << Cond.HH;
const H = 1 << Cond.H;
const L = 1 << Cond.L;
const LL = 1 << Cond.LL;
const ROC = 1 << Cond.ROC;
const BAD = 1 << Cond.BAD;
const PROCESS = HH | H | L | LL | ROC;
const COND_COUNT = 6;
const DEFAULT_ROC_FILTER_S = 30;

/**
 * Per-sample alarm condition evaluation for every tag of a plant (docs/alarms.md "Conditions").
 * Built once from the plant's tags and alarm settings; state is held in typed arrays indexed by
 * tag index, and `evaluate` allocates nothing, so the server can run it on every sample.
 *
 * Contracts:
 * - A limit condition is present when the value is at or beyond the limit, and stays present
 *   until the value is back inside by the deadband (% of the tag's range). It must be present
 *   `onDelayS` before it becomes active and absent `offDelayS` before it clears.
 * - ROC: the value is passed through a first-order filter (`rocFilterS`, default 30 s) and ROC is
 *   present while the filtered rate reaches `rocPctPerMin` % of range per minute; it clears below
 *   that rate less the deadband (in % of range per minute). Same delays as the limits.
 * - BAD: quality bad/offline, a non-finite value, or no sample for `staleAfterPeriods` periods
 *   (found by `sweepStale`). BAD has no delay and clears on the next good sample. While a tag is
 *   BAD its limit and ROC conditions are held as they were (the value is unknown, not normal).
 * - Samples older than the tag's last sample are ignored (returns 0).
 * - Voting (detector groups, the tags' `group`): CONFIRMED is active when at least `voting.m`
 *   detectors vote, where a detector votes when its first level (H) is active, or when it is BAD
 *   (fail-safe degradation, 2oo3 → 1oo2), and at least one good detector is at its first level.
 */
export class ConditionEvaluator {
  readonly size: number;
  readonly groups: readonly VotingGroup[];
  /** Detectors that must vote for CONFIRMED. */
  readonly votesNeeded: number;

  private readonly lim: Float64Array; // 4 per tag: hh, h, l, ll (NaN = none)
  private readonly db: Float64Array;
  private readonly onMs: Float64Array;
  private readonly offMs: Float64Array;
  private readonly staleMs: Float64Array;
  private readonly rocLim: Float64Array; // units per ms (NaN = no ROC)
  private readonly rocClr: Float64Array;
  private readonly rocTauMs: Float64Array;
  private readonly rocPerMin: Float64Array;
  private readonly rocS: Float64Array;
  private readonly lastT: Float64Array;
  private readonly lastV: Float64Array;
  private readonly raw: Uint8Array;
  private readonly act: Uint8Array;
  private readonly since: Float64Array; // COND_COUNT per tag: when raw last moved away from active
  private readonly groupOfTag: Int32Array;
  private readonly groupActive: Uint8Array;
  private readonly positions: readonly Vec3[];

  constructor(tags: readonly EvaluatedTag[], settings: AlarmSettings) {
    const n = tags.length;
    this.size = n;
    this.lim = new Float64Array(4 * n).fill(Number.NaN);
    this.db = new Float64Array(n);
    this.onMs = new Float64Array(n);
    this.offMs = new Float64Array(n);
    this.staleMs = new Float64Array(n);
    this.rocLim = new Float64Array(n).fill(Number.NaN);
    this.rocClr = new Float64Array(n).fill(Number.NaN);
    this.rocTauMs = new Float64Array(n);
    this.rocPerMin = new Float64Array(n).fill(Number.NaN);
    this.rocS = new Float64Array(n).fill(Number.NaN);
    this.lastT = new Float64Array(n).fill(Number.NaN);
    this.lastV = new Float64Array(n).fill(Number.NaN);
    this.raw = new Uint8Array(n);
    this.act = new Uint8Array(n);
    this.since = new Float64Array(COND_COUNT * n).fill(Number.NaN);
    this.groupOfTag = new Int32Array(n).fill(-1);
    this.positions = tags.map((t) => t.position);
    const groups = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      const t = tags[i] as EvaluatedTag;
      const m = settings.measurement[t.kind] ?? settings.defaultMeasurement;
      const span = t.range.hi - t.range.lo;
      const { hh, h, l, ll } = t.limits;
      if (hh !== undefined) this.lim[4 * i] = hh;
      if (h !== undefined) this.lim[4 * i + 1] = h;
      if (l !== undefined) this.lim[4 * i + 2] = l;
      if (ll !== undefined) this.lim[4 * i + 3] = ll;
      this.db[i] = (m.deadbandPct / 100) * span;
      this.onMs[i] = m.onDelayS * 1000;
      this.offMs[i] = m.offDelayS * 1000;
      this.staleMs[i] = settings.staleAfterPeriods * t.periodMs;
      if (m.rocPctPerMin !== undefined) {
        const clearPct = Math.max(m.rocPctPerMin - m.deadbandPct, m.rocPctPerMin / 2);
        this.rocPerMin[i] = (m.rocPctPerMin / 100) * span;
        this.rocLim[i] = (m.rocPctPerMin / 100) * span / 60_000;
        this.rocClr[i] = (clearPct / 100) * span / 60_000;
        this.rocTauMs[i] = (m.rocFilterS ?? DEFAULT_ROC_FILTER_S) * 1000;
      }
      if (t.group !== undefined) {
        const members = groups.get(t.group);
        if (members) members.push(i);
        else groups.set(t.group, [i]);
      }
    }
    this.groups = [...groups].map(([id, members]) => Object.freeze({ id, members: Object.freeze(members) }));
    this.groups.forEach((g, k) => g.members.forEach((i) => (this.groupOfTag[i] = k)));
    this.groupActive = new Uint8Array(this.groups.length);
    this.votesNeeded = settings.voting.m;
  }

  /**
   * Takes one sample of tag `i` and appends the conditions that changed (and a CONFIRMED change
   * of its group) to `out`. Returns the number of entries appended.
   */
  evaluate(i: number, value: number, quality: number, time: number, out: ConditionChanges): number {
    const last = this.lastT[i] as number;
    if (time < last) return 0;
    this.lastT[i] = time;
    this.lastV[i] = value;
    const r0 = this.raw[i] as number;
    let r: number;
    const bad = quality >= Quality.Bad || !Number.isFinite(value);
    if (bad) {
      r = r0 | BAD;
      this.rocS[i] = Number.NaN;
    } else {
      r = 0;
      const d = this.db[i] as number;
      const b = 4 * i;
      const hh = this.lim[b] as number;
      const h = this.lim[b + 1] as number;
      const l = this.lim[b + 2] as number;
      const ll = this.lim[b + 3] as number;
      // NaN limits compare false, so an absent limit is never present.
      if (value >= hh || ((r0 & HH) !== 0 && value > hh - d)) r |= HH;
      if (value >= h || ((r0 & H) !== 0 && value > h - d)) r |= H;
      if (value <= l || ((r0 & L) !== 0 && value < l + d)) r |= L;
      if (value <= ll || ((r0 & LL) !== 0 && value < ll + d)) r |= LL;
      const rocLim = this.rocLim[i] as number;
      if (rocLim === rocLim) {
        const s = this.rocS[i] as number;
        const dt = time - last;
        if (s !== s || !(dt > 0)) {
          if (s !== s) this.rocS[i] = value;
          r |= r0 & ROC;
        } else {
          const ds = (1 - Math.exp(-dt / (this.rocTauMs[i] as number))) * (value - s);
          this.rocS[i] = s + ds;
          const rate = Math.abs(ds) / dt;
          if (rate >= rocLim || ((r0 & ROC) !== 0 && rate > (this.rocClr[i] as number))) r |= ROC;
        }
      }
    }
    this.raw[i] = r;
    const a0 = this.act[i] as number;
    if ((r ^ a0) === 0) return 0;
    // Mark when each condition's raw state moved away from its active state.
    const moved = (r ^ r0) & (r ^ a0);
    if (moved !== 0) {
      const base = COND_COUNT * i;
      for (let c = 0; c < COND_COUNT; c++) if ((moved & (1 << c)) !== 0) this.since[base + c] = time;
    }
    return this.promote(i, time, bad ? BAD : PROCESS | BAD, out);
  }

  /**
   * Time-based sweep, to call periodically (e.g. once a second): raises BAD for every tag whose
   * last sample is older than `staleAfterPeriods` periods, and completes on/off delays that fell
   * due since the tag's last sample. A tag that has never reported counts from the first sweep.
   * Returns the number of entries appended to `out`. O(tags).
   */
  sweepStale(now: number, out: ConditionChanges): number {
    let added = 0;
    for (let i = 0; i < this.size; i++) {
      const last = this.lastT[i] as number;
      if (last !== last) {
        this.lastT[i] = now;
        continue;
      }
      const r0 = this.raw[i] as number;
      if ((r0 & BAD) === 0 && now - last > (this.staleMs[i] as number)) {
        this.raw[i] = r0 | BAD;
        this.rocS[i] = Number.NaN;
        if (((this.act[i] as number) & BAD) === 0) this.since[COND_COUNT * i + Cond.BAD] = now;
      }
      const r = this.raw[i] as number;
      if ((r ^ (this.act[i] as number)) !== 0) added += this.promote(i, now, (r & BAD) !== 0 ? BAD : PROCESS | BAD, out);
    }
    return added;
  }

  /** Activates or clears each condition in `mask` whose raw state has differed from its active state for its delay. */
  private promote(i: number, time: number, mask: number, out: ConditionChanges): number {
    const r = this.raw[i] as number;
    let a = this.act[i] as number;
    const pending = (r ^ a) & mask;
    if (pending === 0) return 0;
    const base = COND_COUNT * i;
    const start = out.count;
    for (let c = 0; c < COND_COUNT; c++) {
      const bit = 1 << c;
      if ((pending & bit) === 0) continue;
      const on = (r & bit) !== 0;
      const delay = c === Cond.BAD ? 0 : on ? (this.onMs[i] as number) : (this.offMs[i] as number);
      if (time - (this.since[base + c] as number) >= delay) {
        a ^= bit;
        out.push(i, c, on, time, on && c === Cond.BAD ? Number.NaN : (this.lastV[i] as number));
      }
    }
    const changed = (this.act[i] as number) ^ a;
    this.act[i] = a;
    if ((changed & (H | BAD)) !== 0) {
      const g = this.groupOfTag[i] as number;
      if (g >= 0) this.vote(g, time, out);
    }
    return out.count - start;
  }

  private vote(g: number, time: number, out: ConditionChanges): void {
    const members = (this.groups[g] as VotingGroup).members;
    let first = 0;
    let bad = 0;
    for (let k = 0; k < members.length; k++) {
      const a = this.act[members[k] as number] as number;
      if ((a & BAD) !== 0) bad++;
      else if ((a & H) !== 0) first++;
    }
    const confirmed = first >= 1 && first + bad >= this.votesNeeded ? 1 : 0;
    if (confirmed !== this.groupActive[g]) {
      this.groupActive[g] = confirmed;
      out.push(g, Cond.CONFIRMED, confirmed === 1, time, first);
    }
  }

  /** Active conditions of tag `i` as a bit mask (`1 << Cond.X`). */
  activeMask(i: number): number {
    return this.act[i] as number;
  }

  isActive(i: number, cond: Exclude<CondCode, typeof Cond.CONFIRMED>): boolean {
    return ((this.act[i] as number) & (1 << cond)) !== 0;
  }

  isGroupConfirmed(g: number): boolean {
    return this.groupActive[g] === 1;
  }

  /** Index of tag `i`'s voting group in `groups`, or -1. */
  groupOf(i: number): number {
    return this.groupOfTag[i] as number;
  }

  /**
   * Where a confirmed release is: the centroid of the group's detectors whose first level is
   * active (good or held while bad); null when none is. Allocates: call on changes, not per sample.
   */
  groupCentroid(g: number): Vec3 | null {
    let x = 0;
    let y = 0;
    let z = 0;
    let k = 0;
    for (const i of (this.groups[g] as VotingGroup).members) {
      if (((this.act[i] as number) & H) === 0) continue;
      const p = this.positions[i] as Vec3;
      x += p[0];
      y += p[1];
      z += p[2];
      k++;
    }
    return k === 0 ? null : [x / k, y / k, z / k];
  }

  /** The limit behind a condition in the tag's unit (ROC: units per minute); null for BAD or an absent limit. */
  limitOf(i: number, cond: CondCode): number | null {
    const v = cond <= Cond.LL ? (this.lim[4 * i + cond] as number) : cond === Cond.ROC ? (this.rocPerMin[i] as number) : Number.NaN;
    return v === v ? v : null;
  }

  /**
   * Restores the active state of a condition after a restart (from the journal), without a
   * change entry, so that alarms active before the restart clear when their condition does.
   */
  seed(i: number, cond: Exclude<CondCode, typeof Cond.CONFIRMED>, active: boolean): void {
    const bit = 1 << cond;
    this.act[i] = active ? (this.act[i] as number) | bit : (this.act[i] as number) & ~bit;
    this.raw[i] = active ? (this.raw[i] as number) | bit : (this.raw[i] as number) & ~bit;
  }

  seedGroup(g: number, confirmed: boolean): void {
    this.groupActive[g] = confirmed ? 1 : 0;
  }
}
