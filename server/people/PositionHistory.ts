/** How the position history thins and bounds what it keeps (docs/people.md). */
export interface HistoryOptions {
  /** Points kept for everyone together; each person gets an equal share. */
  totalPoints: number;
  /** Most points one person keeps (their oldest are overwritten). */
  maxPerPerson: number;
  /** A fix is kept when the person moved this far since the last kept one… */
  minMoveM: number;
  /** …or this long has passed, or the floor or area changed. */
  keepEveryMs: number;
}

export const DEFAULT_HISTORY: HistoryOptions = { totalPoints: 2_000_000, maxPerPerson: 7200, minMoveM: 2, keepEveryMs: 10_000 };

interface Ring {
  t: Float64Array;
  xyz: Float64Array;
  floor: Int16Array;
  area: Int16Array;
  /** Next write position and how many are stored. */
  head: number;
  size: number;
}

export interface HistorySeries {
  t: number[];
  x: number[];
  y: number[];
  z: number[];
  floor: number[];
  /** Area slot (-1 = off site). */
  area: number[];
}

/**
 * Recent positions of each person in memory, thinned (a kept point per `minMoveM` of movement
 * or per `keepEveryMs`) and bounded (a ring per person), for `GET /people/:id/positions`.
 * Rings are allocated on a person's first fix. Nothing is written to disk: positions are not
 * journal events, and long-term position history belongs to the historian.
 */
export class PositionHistory {
  private readonly rings: (Ring | undefined)[] = [];
  private perPerson: number;

  constructor(
    people: number,
    private readonly o: HistoryOptions = DEFAULT_HISTORY,
  ) {
    this.perPerson = this.share(people);
  }

  private share(people: number): number {
    return Math.max(16, Math.min(this.o.maxPerPerson, Math.floor(this.o.totalPoints / Math.max(1, people))));
  }

  /** Capacity of each person's ring. */
  get capacity(): number {
    return this.perPerson;
  }

  /** New people joined: later rings are sized for the new count (existing rings keep their size). */
  resize(people: number): void {
    this.perPerson = this.share(people);
  }

  record(p: number, t: number, x: number, y: number, z: number, floor: number, area: number): void {
    let r = this.rings[p];
    if (!r) {
      const n = this.perPerson;
      r = { t: new Float64Array(n), xyz: new Float64Array(3 * n), floor: new Int16Array(n), area: new Int16Array(n), head: 0, size: 0 };
      this.rings[p] = r;
    }
    const cap = r.t.length;
    if (r.size > 0) {
      const last = (r.head - 1 + cap) % cap;
      const dx = x - r.xyz[3 * last]!;
      const dy = y - r.xyz[3 * last + 1]!;
      const moved = dx * dx + dy * dy >= this.o.minMoveM * this.o.minMoveM;
      if (!moved && t - r.t[last]! < this.o.keepEveryMs && floor === r.floor[last] && area === r.area[last]) return;
      if (t <= r.t[last]!) return;
    }
    const i = r.head;
    r.t[i] = t;
    r.xyz[3 * i] = x;
    r.xyz[3 * i + 1] = y;
    r.xyz[3 * i + 2] = z;
    r.floor[i] = floor;
    r.area[i] = area;
    r.head = (i + 1) % cap;
    if (r.size < cap) r.size++;
  }

  /** Oldest time held for person `p`, or null. */
  oldest(p: number): number | null {
    const r = this.rings[p];
    if (!r || r.size === 0) return null;
    return r.t[(r.head - r.size + r.t.length) % r.t.length]!;
  }

  /** Points of person `p` in [from, to), oldest first; at most `maxPoints` (evenly thinned when more). */
  query(p: number, from: number, to: number, maxPoints: number): HistorySeries {
    const out: HistorySeries = { t: [], x: [], y: [], z: [], floor: [], area: [] };
    const r = this.rings[p];
    if (!r) return out;
    const cap = r.t.length;
    const idx: number[] = [];
    for (let k = 0; k < r.size; k++) {
      const i = (r.head - r.size + k + cap) % cap;
      const t = r.t[i]!;
      if (t >= from && t < to) idx.push(i);
    }
    const step = idx.length > maxPoints ? idx.length / maxPoints : 1;
    for (let k = 0; k < idx.length && out.t.length < maxPoints; k = Math.floor(out.t.length * step)) {
      const i = idx[k]!;
      out.t.push(r.t[i]!);
      out.x.push(r.xyz[3 * i]!);
      out.y.push(r.xyz[3 * i + 1]!);
      out.z.push(r.xyz[3 * i + 2]!);
      out.floor.push(r.floor[i]!);
      out.area.push(r.area[i]!);
    }
    return out;
  }
}
