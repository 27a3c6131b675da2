import type { PeopleGeometry } from './compileZones';
import { PersonFlag, type GeoChange, type PersonAlarmKind } from './geoChanges';
import { NeighbourGrid } from './NeighbourGrid';
import { ShapeGrid } from './ShapeGrid';

/** Most zones one person can be inside at once (nested or overlapping zones). */
export const MAX_ZONES_PER_PERSON = 4;
/** What `ingest` made of a fix. */
export const FixResult = { Ok: 0, Stale: 1, Invalid: 2 } as const;
export type FixResultCode = (typeof FixResult)[keyof typeof FixResult];

const AREA_CELL_M = 10;
const NO_AREA = -1;

/**
 * Zones and geofences over position fixes, for every person at once: occupancy per area,
 * restricted zones and confined spaces (entries, exits, who is inside), man-down (no movement
 * or SOS), low battery — per fix; signal loss, crowding and lone working — per sweep (call
 * `sweep` about once a second). Pure and deterministic: times come from the fixes and the
 * sweep's `now`.
 *
 * State lives in typed arrays indexed by person (registry order); a fix that changes nothing
 * allocates nothing. Changes are appended to `changes` for the caller to drain.
 *
 * Counting rules: a person on site is counted in exactly one slot of `areaCounts` — the first
 * area (plant order) whose closed rectangle holds the fix, or the last slot when none does
 * (roads, gates). A fix outside the plant extent means the person has left the site: they
 * are counted nowhere, leave every zone, and their alarms clear. A lost signal keeps the
 * person counted where they were last seen.
 */
export class GeofenceEngine {
  readonly geo: PeopleGeometry;
  readonly changes: GeoChange[] = [];
  /** Occupancy per area, plus one last slot for people on site in no area. */
  readonly areaCounts: Int32Array;
  /** People inside each zone, and how many of them are not authorised. */
  readonly zoneCounts: Int32Array;
  readonly zoneUnauthorised: Int32Array;
  /** Bumped whenever `areaCounts` changes. */
  occupancyVersion = 0;

  capacity = 0;
  count = 0;
  x = new Float64Array(0);
  y = new Float64Array(0);
  z = new Float64Array(0);
  lastT = new Float64Array(0);
  floor = new Int16Array(0);
  battery = new Uint8Array(0);
  flags = new Uint8Array(0);
  /** Area slot the person is counted in; -1 = not on site. */
  area = new Int16Array(0);
  private anchorX = new Float64Array(0);
  private anchorY = new Float64Array(0);
  private anchorT = new Float64Array(0);
  private aloneSince = new Float64Array(0);
  /** Since when the person has had a crowd round them (NaN = not now). */
  private crowdSince = new Float64Array(0);
  private zoneSlots = new Int16Array(0);
  private zoneN = new Uint8Array(0);
  private auth = new Uint8Array(0);
  private dirtyFlag = new Uint8Array(0);
  private dirtyList = new Int32Array(0);
  private dirtyN = 0;
  private include = new Uint8Array(0);

  private readonly areaGrid: ShapeGrid;
  private readonly zoneGrid: ShapeGrid;
  private readonly neighbours: NeighbourGrid;
  private readonly scratch = new Int32Array(MAX_ZONES_PER_PERSON);
  private readonly stillM2: number;
  private readonly confinedActive: Uint8Array;
  private readonly crowdActive: Uint8Array;
  private readonly crowdBest: Float64Array;

  constructor(geo: PeopleGeometry, capacity = 0) {
    this.geo = geo;
    const A = geo.areas.length;
    const Z = geo.zones.length;
    this.areaCounts = new Int32Array(A + 1);
    this.zoneCounts = new Int32Array(Z);
    this.zoneUnauthorised = new Int32Array(Z);
    this.confinedActive = new Uint8Array(Z);
    this.crowdActive = new Uint8Array(A);
    this.crowdBest = new Float64Array(3 * A);
    this.areaGrid = ShapeGrid.around(geo.areas, geo.extent, AREA_CELL_M, 1);
    this.zoneGrid = ShapeGrid.around(
      geo.zones.map((z) => z.shape),
      geo.extent,
      AREA_CELL_M,
      1,
    );
    const r = Math.max(geo.rules.crowdRadiusM, 1);
    this.neighbours = new NeighbourGrid(-r, -r, geo.extent[0] + 2 * r, geo.extent[1] + 2 * r, r);
    this.stillM2 = geo.rules.stillM * geo.rules.stillM;
    this.resize(capacity);
  }

  /** Grows the person arrays to hold `n` people (existing state is kept; new people are unseen). */
  resize(n: number): void {
    if (n > this.capacity) {
      const cap = Math.max(n, this.capacity * 2, 16);
      const grow = <T extends Float64Array | Int16Array | Uint8Array | Int32Array>(a: T, per = 1, fill?: number): T => {
        const b = new (a.constructor as new (len: number) => T)(cap * per);
        if (fill !== undefined) b.fill(fill);
        b.set(a);
        return b;
      };
      this.x = grow(this.x);
      this.y = grow(this.y);
      this.z = grow(this.z);
      this.lastT = grow(this.lastT, 1, -Infinity);
      this.floor = grow(this.floor);
      this.battery = grow(this.battery, 1, 255);
      this.flags = grow(this.flags);
      this.area = grow(this.area, 1, NO_AREA);
      this.anchorX = grow(this.anchorX);
      this.anchorY = grow(this.anchorY);
      this.anchorT = grow(this.anchorT);
      this.aloneSince = grow(this.aloneSince, 1, NaN);
      this.crowdSince = grow(this.crowdSince, 1, NaN);
      this.zoneSlots = grow(this.zoneSlots, MAX_ZONES_PER_PERSON);
      this.zoneN = grow(this.zoneN);
      this.auth = grow(this.auth, Math.max(1, this.geo.zones.length));
      this.dirtyFlag = grow(this.dirtyFlag);
      this.dirtyList = grow(this.dirtyList);
      this.include = grow(this.include);
      this.capacity = cap;
    }
    this.count = Math.max(this.count, n);
  }

  /** Whether person `p` may be inside zone `zone` (set by the registry; default not authorised). */
  setAuthorised(p: number, zone: number, ok: boolean): void {
    this.auth[p * this.geo.zones.length + zone] = ok ? 1 : 0;
  }

  isAuthorised(p: number, zone: number): boolean {
    return this.auth[p * this.geo.zones.length + zone] === 1;
  }

  /** Re-checks everyone inside zones after authorisations changed (an import, a certificate expiring). */
  reauthorise(time: number): void {
    const Z = this.geo.zones.length;
    this.zoneUnauthorised.fill(0);
    for (let p = 0; p < this.count; p++) {
      for (let k = 0; k < this.zoneN[p]!; k++) {
        const zi = this.zoneSlots[p * MAX_ZONES_PER_PERSON + k]!;
        if (this.auth[p * Z + zi] === 0) this.zoneUnauthorised[zi]!++;
      }
      if (this.zoneN[p]! > 0) this.updateRestricted(p, time);
    }
    for (let zi = 0; zi < Z; zi++) this.updateConfined(zi, time);
  }

  onSite(p: number): boolean {
    return this.area[p]! !== NO_AREA;
  }

  /** Zone indices person `p` is inside now. */
  zonesOf(p: number): number[] {
    const out: number[] = [];
    for (let k = 0; k < this.zoneN[p]!; k++) out.push(this.zoneSlots[p * MAX_ZONES_PER_PERSON + k]!);
    return out;
  }

  /**
   * One position fix of person `p`: time (epoch ms), position (m), floor (0 outdoors), battery
   * (%, 255 unknown), SOS. Fixes not newer than the person's last are refused as stale.
   */
  ingest(p: number, t: number, x: number, y: number, z: number, floor: number, battery: number, sos: boolean): FixResultCode {
    if (!(t > this.lastT[p]!)) return Number.isFinite(t) ? FixResult.Stale : FixResult.Invalid;
    if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(z)) return FixResult.Invalid;
    const [W, H] = this.geo.extent;
    this.lastT[p] = t;
    this.x[p] = x;
    this.y[p] = y;
    this.z[p] = z;
    const prevFloor = this.floor[p]!;
    this.floor[p] = floor;
    this.battery[p] = battery;
    this.markDirty(p);
    let f = this.flags[p]!;
    if (x < 0 || y < 0 || x > W || y > H) {
      if (!(f & PersonFlag.OffSite)) this.leave(p, t);
      return FixResult.Ok;
    }
    if (f & PersonFlag.OffSite || this.area[p] === NO_AREA) {
      f &= ~PersonFlag.OffSite;
      this.flags[p] = f;
      this.anchorX[p] = x;
      this.anchorY[p] = y;
      this.anchorT[p] = t;
    }
    const A = this.geo.areas.length;
    const found = this.areaGrid.first(x, y, z);
    const slot = found < 0 ? A : found;
    const prev = this.area[p]!;
    if (prev !== slot) {
      if (prev !== NO_AREA) this.areaCounts[prev]!--;
      this.areaCounts[slot]!++;
      this.area[p] = slot;
      this.occupancyVersion++;
    }
    if (this.zoneN[p]! > 0 || !this.zoneGrid.emptyAt(x, y)) this.updateZones(p, t, x, y, z);
    if (f & PersonFlag.SignalLost) this.setFlag(p, PersonFlag.SignalLost, 'SIGNAL_LOST', false, t, 0);

    const rules = this.geo.rules;
    const dx = x - this.anchorX[p]!;
    const dy = y - this.anchorY[p]!;
    if (dx * dx + dy * dy > this.stillM2 || floor !== prevFloor) {
      this.anchorX[p] = x;
      this.anchorY[p] = y;
      this.anchorT[p] = t;
    }
    const stillS = (t - this.anchorT[p]!) / 1000;
    const still = stillS >= rules.stillS && (slot === A || rules.manDownExempt[slot] === 0);
    if (sos !== ((f & PersonFlag.Sos) !== 0)) this.flags[p] = sos ? this.flags[p]! | PersonFlag.Sos : this.flags[p]! & ~PersonFlag.Sos;
    const down = sos || still;
    if (down !== ((this.flags[p]! & PersonFlag.ManDown) !== 0)) this.setFlag(p, PersonFlag.ManDown, 'MAN_DOWN', down, t, sos ? 0 : Math.round(stillS), sos);

    if (battery !== 255) {
      const low = (this.flags[p]! & PersonFlag.LowBattery) !== 0;
      if (!low && battery < rules.lowBatteryPct) this.setFlag(p, PersonFlag.LowBattery, 'LOW_BATTERY', true, t, battery);
      else if (low && battery >= rules.lowBatteryClearPct) this.setFlag(p, PersonFlag.LowBattery, 'LOW_BATTERY', false, t, battery);
    }
    return FixResult.Ok;
  }

  /**
   * Time-driven checks at `now`: badges silent longer than `signalLostS`, crowding per watched
   * area, lone working. Call about once a second.
   */
  sweep(now: number): void {
    const rules = this.geo.rules;
    const lostMs = rules.signalLostS * 1000;
    const n = this.count;
    const include = this.include;
    for (let p = 0; p < n; p++) {
      include[p] = 0;
      if (this.area[p] === NO_AREA) continue;
      const lost = (this.flags[p]! & PersonFlag.SignalLost) !== 0;
      if (!lost && now - this.lastT[p]! > lostMs) this.setFlag(p, PersonFlag.SignalLost, 'SIGNAL_LOST', true, now, Math.round((now - this.lastT[p]!) / 1000));
      else if (!lost) include[p] = 1;
    }
    this.neighbours.rebuild(this.x, this.y, include, n);
    this.sweepCrowding(now);
    this.sweepLoneWorkers(now);
  }

  /** People whose position or state changed since the last call, in the order they changed; resets the list. */
  takeDirty(out: Int32Array): number {
    const n = Math.min(this.dirtyN, out.length);
    for (let i = 0; i < n; i++) {
      const p = this.dirtyList[i]!;
      out[i] = p;
      this.dirtyFlag[p] = 0;
    }
    for (let i = n; i < this.dirtyN; i++) this.dirtyFlag[this.dirtyList[i]!] = 0;
    this.dirtyN = 0;
    return n;
  }

  /** Takes person `p` off site (left through a gate, or removed from the registry). */
  leave(p: number, t: number): void {
    this.markDirty(p);
    const prev = this.area[p]!;
    if (prev !== NO_AREA) {
      this.areaCounts[prev]!--;
      this.occupancyVersion++;
    }
    this.area[p] = NO_AREA;
    while (this.zoneN[p]! > 0) this.exitZone(p, this.zoneSlots[p * MAX_ZONES_PER_PERSON + this.zoneN[p]! - 1]!, t);
    const clear: [number, PersonAlarmKind][] = [
      [PersonFlag.ManDown, 'MAN_DOWN'],
      [PersonFlag.SignalLost, 'SIGNAL_LOST'],
      [PersonFlag.LowBattery, 'LOW_BATTERY'],
      [PersonFlag.Restricted, 'RESTRICTED'],
      [PersonFlag.Alone, 'LONE_WORKER'],
    ];
    for (const [bit, kind] of clear) if (this.flags[p]! & bit) this.setFlag(p, bit, kind, false, t, 0);
    this.aloneSince[p] = NaN;
    this.flags[p] = PersonFlag.OffSite;
  }

  private markDirty(p: number): void {
    if (this.dirtyFlag[p] === 0) {
      this.dirtyFlag[p] = 1;
      this.dirtyList[this.dirtyN++] = p;
    }
  }

  private setFlag(p: number, bit: number, kind: PersonAlarmKind, on: boolean, time: number, value: number, sos?: boolean): void {
    this.flags[p] = on ? this.flags[p]! | bit : this.flags[p]! & ~bit;
    this.markDirty(p);
    this.changes.push({ type: 'person', kind, person: p, active: on, time, value, ...(sos ? { sos } : {}) });
  }

  private updateZones(p: number, t: number, x: number, y: number, z: number): void {
    const now = this.scratch;
    const n = this.zoneGrid.all(x, y, z, now);
    const base = p * MAX_ZONES_PER_PERSON;
    for (let k = this.zoneN[p]! - 1; k >= 0; k--) {
      const zi = this.zoneSlots[base + k]!;
      let still = false;
      for (let j = 0; j < n; j++) if (now[j] === zi) still = true;
      if (!still) this.exitZone(p, zi, t);
    }
    for (let j = 0; j < n; j++) {
      const zi = now[j]!;
      let had = false;
      for (let k = 0; k < this.zoneN[p]!; k++) if (this.zoneSlots[base + k] === zi) had = true;
      if (!had) this.enterZone(p, zi, t);
    }
  }

  private enterZone(p: number, zi: number, t: number): void {
    const base = p * MAX_ZONES_PER_PERSON;
    this.zoneSlots[base + this.zoneN[p]!] = zi;
    this.zoneN[p]!++;
    const authorised = this.auth[p * this.geo.zones.length + zi] === 1;
    this.zoneCounts[zi]!++;
    if (!authorised) this.zoneUnauthorised[zi]!++;
    this.changes.push({ type: 'zone', zone: zi, person: p, entered: true, time: t, authorised });
    this.updateRestricted(p, t);
    this.updateConfined(zi, t);
  }

  private exitZone(p: number, zi: number, t: number): void {
    const base = p * MAX_ZONES_PER_PERSON;
    const n = this.zoneN[p]!;
    for (let k = 0; k < n; k++) {
      if (this.zoneSlots[base + k] !== zi) continue;
      this.zoneSlots[base + k] = this.zoneSlots[base + n - 1]!;
      this.zoneN[p] = n - 1;
      break;
    }
    const authorised = this.auth[p * this.geo.zones.length + zi] === 1;
    this.zoneCounts[zi]!--;
    if (!authorised) this.zoneUnauthorised[zi]!--;
    this.changes.push({ type: 'zone', zone: zi, person: p, entered: false, time: t, authorised });
    this.updateRestricted(p, t);
    this.updateConfined(zi, t);
  }

  /** RESTRICTED while the person is inside any restricted zone they are not authorised for; value = that zone. */
  private updateRestricted(p: number, t: number): void {
    const Z = this.geo.zones.length;
    let bad = -1;
    let confined = false;
    for (let k = 0; k < this.zoneN[p]!; k++) {
      const zi = this.zoneSlots[p * MAX_ZONES_PER_PERSON + k]!;
      const zone = this.geo.zones[zi]!;
      if (zone.kind === 'confined') confined = true;
      else if (bad < 0 && this.auth[p * Z + zi] === 0) bad = zi;
    }
    this.flags[p] = confined ? this.flags[p]! | PersonFlag.InConfined : this.flags[p]! & ~PersonFlag.InConfined;
    const was = (this.flags[p]! & PersonFlag.Restricted) !== 0;
    if (was !== bad >= 0) this.setFlag(p, PersonFlag.Restricted, 'RESTRICTED', bad >= 0, t, bad);
  }

  /** CONFINED while anyone inside is not authorised, or more are inside than allowed. */
  private updateConfined(zi: number, t: number): void {
    const zone = this.geo.zones[zi]!;
    if (zone.kind !== 'confined') return;
    const want = this.zoneUnauthorised[zi]! > 0 || this.zoneCounts[zi]! > zone.maxOccupants;
    if (want === (this.confinedActive[zi] === 1)) return;
    this.confinedActive[zi] = want ? 1 : 0;
    this.changes.push({
      type: 'place',
      kind: 'CONFINED',
      index: zi,
      active: want,
      time: t,
      value: this.zoneCounts[zi]!,
      x: zone.centre[0],
      y: zone.centre[1],
      unauthorised: this.zoneUnauthorised[zi]!,
    });
  }

  /**
   * An area is crowded while someone in it has had at least its `minPeople` (themselves
   * included) within `radiusM` for longer than `minDurationS` without a break, so that people
   * walking past a pair at work do not add up to a crowd.
   */
  private sweepCrowding(now: number): void {
    const rules = this.geo.rules;
    const A = this.geo.areas.length;
    const best = this.crowdBest;
    const minMs = rules.crowdMinDurationS * 1000;
    best.fill(0);
    for (let p = 0; p < this.count; p++) {
      const a = this.area[p]!;
      const need = this.include[p] === 0 || a < 0 || a >= A ? 0 : rules.crowdMinPeople[a]!;
      const near = need === 0 ? 0 : 1 + this.neighbours.countNear(this.x[p]!, this.y[p]!, rules.crowdRadiusM, p, Infinity);
      if (need === 0 || near < need) {
        this.crowdSince[p] = NaN;
        continue;
      }
      if (Number.isNaN(this.crowdSince[p]!)) this.crowdSince[p] = now;
      if (now - this.crowdSince[p]! > minMs && near > best[3 * a]!) {
        best[3 * a] = near;
        best[3 * a + 1] = this.x[p]!;
        best[3 * a + 2] = this.y[p]!;
      }
    }
    for (let a = 0; a < A; a++) {
      const crowded = best[3 * a]! > 0;
      if (crowded !== (this.crowdActive[a] === 1)) this.setCrowd(a, crowded, now);
    }
  }

  private setCrowd(a: number, on: boolean, now: number): void {
    this.crowdActive[a] = on ? 1 : 0;
    const b = this.crowdBest;
    this.changes.push({ type: 'place', kind: 'CROWDING', index: a, active: on, time: now, value: b[3 * a]!, x: b[3 * a + 1]!, y: b[3 * a + 2]! });
  }

  private sweepLoneWorkers(now: number): void {
    const rules = this.geo.rules;
    const A = this.geo.areas.length;
    for (let p = 0; p < this.count; p++) {
      const isAlone = (this.flags[p]! & PersonFlag.Alone) !== 0;
      let watched = false;
      if (this.include[p] === 1) {
        const a = this.area[p]!;
        watched = a < A && rules.loneAreas[a] === 1;
        for (let k = 0; !watched && k < this.zoneN[p]!; k++) watched = rules.loneZones[this.zoneSlots[p * MAX_ZONES_PER_PERSON + k]!] === 1;
      }
      const alone = watched && this.neighbours.countNear(this.x[p]!, this.y[p]!, rules.buddyRadiusM, p, 1) === 0;
      if (!alone) {
        this.aloneSince[p] = NaN;
        if (isAlone) this.setFlag(p, PersonFlag.Alone, 'LONE_WORKER', false, now, 0);
        continue;
      }
      if (Number.isNaN(this.aloneSince[p]!)) this.aloneSince[p] = now;
      const s = (now - this.aloneSince[p]!) / 1000;
      if (!isAlone && s > rules.maxAloneS) this.setFlag(p, PersonFlag.Alone, 'LONE_WORKER', true, now, Math.round(s));
    }
  }
}
