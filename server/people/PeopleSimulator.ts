import type { PeopleGeometry } from '../../shared/people/compileZones';
import { localDay, localTimeOfDayMs } from '../../shared/people/dates';
import { RoadRouter } from '../../shared/people/roadRouter';
import type { Injection } from '../../shared/protocol/injection';
import type { Plant } from '../../shared/plant/schema';
import { createRng, type Rng } from '../../shared/util/rng';
import { InjectionError } from '../sim/types';
import type { PeopleRegistry } from './PeopleRegistry';
import { areaPlans, DWELL_MIN, SPEED_MS, type AreaPlan } from './peoplePlans';
import { stayAt } from './shifts';
import { buildWorkPoints, type WorkPoint } from './workPoints';

/** Receives every simulated fix, in time order per person. */
export type FixSink = (p: number, t: number, x: number, y: number, z: number, floor: number, battery: number, sos: boolean) => void;
type PersonInjection = Extract<Injection, { kind: 'person_down' | 'person_move' }>;

const State = { Off: 0, Walk: 1, Work: 2, Down: 3, Hold: 4 } as const;
type StateCode = (typeof State)[keyof typeof State];

interface SimPerson {
  /** Registry index. */
  p: number;
  st: StateCode;
  rng: Rng;
  plans: AreaPlan[];
  points: number[];
  dwell: [number, number];
  speed: number;
  x: number;
  y: number;
  z: number;
  floor: number;
  /** Work point (or hold point) and the route to it. */
  wx: number;
  wy: number;
  wz: number;
  wfloor: number;
  path: number[];
  seg: number;
  dwellUntil: number;
  nextFidget: number;
  fidgetAngle: number;
  leaveAt: number;
  leaving: boolean;
  holdAtEnd: boolean;
  battery: number;
  drainPerH: number;
  sos: boolean;
  injection: string | null;
  injectionEnd: number;
  released: boolean;
  nextFix: number;
  lastT: number;
}

const MAX_GAP_MS = 60_000;
const MIN = 60_000;
/** Fix noise, m (UWB-like; man-down's `stillM` stays well above it). */
const NOISE_M = 0.15;
const CROWD_RADIUS_M = 15;

export interface PeopleSimOptions {
  seed: number;
  startTime: number;
  /** Plant offset from UTC, ms (shift times are local). */
  tzOffsetMs: number;
  /** Badge report period, ms. */
  fixPeriodMs?: number;
}

/**
 * The people simulator: everyone in the registry whose team is on shift walks the plant's
 * roads between work points in their areas (shortest routes on the road graph), works there
 * for a while (moving about a metre every 8–25 s, as people at work do), and at the end of the
 * shift walks out through a gate; the next team walks in. Badges report once a second, with
 * UWB-like noise; batteries drain over the shift and are charged off site. Unauthorised
 * people never enter restricted zones; nobody enters a confined space unless told to.
 *
 * Deterministic for a seed and a sequence of `advance` times: each person has their own
 * random stream and steps on a fixed 1 s grid of their own.
 */
export class PeopleSimulator {
  private readonly router: RoadRouter;
  private readonly points: WorkPoint[];
  private readonly people: SimPerson[] = [];
  private readonly fixMs: number;
  private readonly endedByReplace: string[] = [];
  private readonly gates: [number, number][];

  constructor(
    private readonly plant: Plant,
    private readonly geo: PeopleGeometry,
    private readonly registry: PeopleRegistry,
    private readonly opts: PeopleSimOptions,
  ) {
    this.router = new RoadRouter(plant.roads);
    this.points = buildWorkPoints(plant, this.router, geo.zones);
    this.fixMs = opts.fixPeriodMs ?? 1000;
    // People come in and go out 2 m inside each gate (gates sit on the fence, and fix noise
    // must not put someone arriving outside the site).
    const [W, H] = geo.extent;
    const inside = (v: number, max: number): number => (v <= 1 ? 2 : v >= max - 1 ? max - 2 : v);
    this.gates = plant.roads.gates.flatMap((g) => {
      const n = plant.roads.nodes.find((node) => node.id === g.node);
      return n ? [[inside(n.position[0], W), inside(n.position[1], H)] as [number, number]] : [];
    });
    this.sync(opts.startTime);
  }

  /** Takes in people added to (or changed in) the registry; call after an import. */
  sync(now: number): void {
    const today = localDay(now, this.opts.tzOffsetMs);
    for (let p = 0; p < this.registry.size; p++) {
      const person = this.registry.people[p]!;
      const allowed = this.points.flatMap((wp, i) => (wp.zones.every((z) => this.registry.authorised(p, this.geo.zones[z]!, today)) ? [i] : []));
      const plans = areaPlans(this.plant, person.role, person.areas);
      let s = this.people[p];
      if (!s) {
        const rng = createRng((this.opts.seed * 7919 + p * 104729 + 17) >>> 0);
        s = {
          p,
          st: State.Off,
          rng,
          plans,
          points: allowed,
          dwell: DWELL_MIN[person.role],
          speed: rng.range(SPEED_MS[0], SPEED_MS[1]),
          x: 0, y: 0, z: 0, floor: 0, wx: 0, wy: 0, wz: 0, wfloor: 0,
          path: [], seg: 0, dwellUntil: 0, nextFidget: 0, fidgetAngle: rng.range(0, 2 * Math.PI),
          leaveAt: Infinity, leaving: false, holdAtEnd: false,
          battery: 100, drainPerH: rng.range(1.5, 3),
          sos: false, injection: null, injectionEnd: Infinity, released: false,
          nextFix: now + ((p * 7919) % this.fixMs),
          lastT: now,
        };
        this.people.push(s);
        const stay = stayAt(this.schedule(p), p, now, this.opts.tzOffsetMs, this.opts.seed);
        if (stay && now < stay.leave - 10 * MIN) this.placeAtWork(s, now, stay.leave, stay.arrive);
      } else {
        s.plans = plans;
        s.points = allowed;
        s.dwell = DWELL_MIN[person.role];
      }
    }
  }

  /** Stops simulating person `p` for good: a real RTLS feed reports their badge now. */
  release(p: number): void {
    const s = this.people[p];
    if (s) s.released = true;
  }

  /** Advances everyone to `now`, handing each fix that fell due to `emit`. */
  advance(now: number, emit: FixSink): void {
    for (let p = 0; p < this.people.length; p++) {
      const s = this.people[p]!;
      if (s.released) continue;
      if (now - s.nextFix > MAX_GAP_MS) s.nextFix += Math.floor((now - s.nextFix) / this.fixMs) * this.fixMs;
      while (s.nextFix <= now) {
        const t = s.nextFix;
        const dt = Math.min(3600, (t - s.lastT) / 1000);
        s.lastT = t;
        s.nextFix += this.fixMs;
        const wasOn = s.st !== State.Off;
        this.step(p, s, t, dt);
        if (s.st !== State.Off || wasOn) {
          const n = s.st === State.Off ? 0 : NOISE_M;
          emit(p, t, s.x + n * s.rng.normal(), s.y + n * s.rng.normal(), s.z, s.floor, Math.max(0, Math.min(100, Math.round(s.battery))), s.sos);
        }
      }
    }
  }

  /** Starts a person injection; throws InjectionError when the person is unknown, released or off site (person_down). */
  inject(inj: PersonInjection, now: number, id: string): string {
    const p = this.registry.indexOf(inj.person);
    const s = p === undefined ? undefined : this.people[p];
    if (p === undefined || !s) throw new InjectionError(`unknown person "${inj.person}"`, 'invalid_injection', `未知人员 "${inj.person}"`);
    if (s.released) throw new InjectionError(`person "${inj.person}" is tracked by the RTLS feed, not the simulator`, 'invalid_injection', `人员 "${inj.person}" 由定位系统实时上报，不在仿真中`);
    if (inj.kind === 'person_down' && s.st === State.Off) throw new InjectionError(`person "${inj.person}" is not on site`, 'invalid_injection', `人员 "${inj.person}" 不在厂区`);
    if (s.injection !== null) this.endedByReplace.push(s.injection);
    s.injection = id;
    s.injectionEnd = inj.durationS !== undefined ? now + inj.durationS * 1000 : Infinity;
    if (inj.kind === 'person_down') {
      s.st = State.Down;
      s.sos = inj.sos;
      return id;
    }
    s.sos = false;
    const [tx, ty, tz] = inj.to;
    if (s.st === State.Off) {
      s.leaveAt = Infinity;
      const g = this.gates[0] ?? [0, 0];
      [s.x, s.y, s.z, s.floor] = [g[0], g[1], 0, 0];
      [s.wx, s.wy, s.wz, s.wfloor] = [g[0], g[1], 0, 0];
      s.battery = 100;
    }
    s.leaving = false;
    if (inj.mode === 'teleport') {
      [s.wx, s.wy, s.wz, s.wfloor] = [tx, ty, tz, inj.floor];
      [s.x, s.y, s.z, s.floor] = [tx, ty, tz, inj.floor];
      s.st = State.Hold;
      this.fidget(s, now);
    } else {
      this.walkTo(s, tx, ty, true);
      [s.wx, s.wy, s.wz, s.wfloor] = [tx, ty, tz, inj.floor];
    }
    return id;
  }

  /** Ends one person injection, or all; returns the ids ended (the person resumes their day). */
  clear(id?: string): string[] {
    const ended: string[] = [];
    for (const s of this.people) {
      if (s.injection === null || (id !== undefined && s.injection !== id)) continue;
      ended.push(s.injection);
      this.resume(s);
    }
    return ended;
  }

  /** Ids of injections that ran out by `now` (and of those a newer one replaced); the people resume. */
  expire(now: number): string[] {
    const ended = this.endedByReplace.splice(0);
    for (const s of this.people) {
      if (s.injection !== null && s.injectionEnd <= now) {
        ended.push(s.injection);
        this.resume(s);
      }
    }
    return ended;
  }

  private schedule(p: number): 'day' | 'night' | 'office' | 'visit' | 'always' {
    return this.registry.teams.get(this.registry.people[p]!.team)?.schedule ?? 'always';
  }

  private resume(s: SimPerson): void {
    s.injection = null;
    s.injectionEnd = Infinity;
    s.sos = false;
    s.holdAtEnd = false;
    if (s.leaveAt === Infinity) s.leaveAt = stayAt(this.schedule(s.p), s.p, s.lastT, this.opts.tzOffsetMs, this.opts.seed)?.leave ?? s.lastT + 30 * MIN;
    if (s.st === State.Down || s.st === State.Hold || s.st === State.Walk) {
      s.st = State.Work;
      [s.wx, s.wy, s.wz, s.wfloor] = [s.x, s.y, s.z, s.floor];
      s.dwellUntil = s.lastT + s.rng.range(1, 3) * MIN;
      s.nextFidget = s.lastT + 1000;
    }
  }

  private placeAtWork(s: SimPerson, now: number, leaveAt: number, arrivedAt: number): void {
    const wp = this.choosePoint(s);
    s.leaveAt = leaveAt;
    s.leaving = false;
    s.battery = 100 - s.drainPerH * Math.min(12, Math.max(0, (now - arrivedAt) / 3_600_000));
    if (!wp) {
      const g = this.gates[0] ?? [0, 0];
      [s.x, s.y, s.z, s.floor] = [g[0], g[1], 0, 0];
      s.st = State.Work;
      [s.wx, s.wy, s.wz, s.wfloor] = [s.x, s.y, 0, 0];
    } else {
      [s.x, s.y, s.z, s.floor] = [wp.x, wp.y, wp.z, wp.floor];
      [s.wx, s.wy, s.wz, s.wfloor] = [wp.x, wp.y, wp.z, wp.floor];
      s.st = State.Work;
    }
    s.dwellUntil = now + s.rng.range(0, 1) * this.dwellMs(s, wp);
    this.fidget(s, now);
  }

  private dwellMs(s: SimPerson, wp: WorkPoint | null): number {
    return s.rng.range(s.dwell[0], s.dwell[1]) * MIN * (wp?.building ? 2 : 1);
  }

  /** A work point in one of the person's planned areas that would not make a crowd there. */
  private choosePoint(s: SimPerson): WorkPoint | null {
    const r = s.rng.next();
    let acc = 0;
    let plan = s.plans[s.plans.length - 1]!;
    for (const pl of s.plans) {
      acc += pl.weight;
      if (r < acc) {
        plan = pl;
        break;
      }
    }
    const candidates = s.points.filter((i) => plan.areas.includes(this.points[i]!.area));
    // Room for this person and one passer-by below the area's crowding threshold (5 where it
    // is not watched): in the planned areas, else anywhere the person may go, else the least
    // busy point tried.
    let best: WorkPoint | null = null;
    let bestMargin = -Infinity;
    for (const pool of [candidates, s.points]) {
      for (let attempt = 0; attempt < 12 && pool.length > 0; attempt++) {
        const pick = this.points[pool[Math.floor(s.rng.next() * pool.length)]!]!;
        const limit = this.geo.rules.crowdMinPeople[pick.area] || 5;
        const margin = limit - (this.near(pick.x, pick.y, s) + 2);
        if (margin > bestMargin) [best, bestMargin] = [pick, margin];
        if (margin > 0) return pick;
      }
    }
    return best;
  }

  /** Other people working at or walking to a point within CROWD_RADIUS_M of (x, y). */
  private near(x: number, y: number, self: SimPerson): number {
    let n = 0;
    for (const o of this.people) {
      if (o === self || o.st === State.Off || o.released) continue;
      if (Math.hypot(o.wx - x, o.wy - y) <= CROWD_RADIUS_M) n++;
    }
    return n;
  }

  /** Walks to (x, y): back to the work point first (its access leg is known to be clear), then by road. */
  private walkTo(s: SimPerson, x: number, y: number, hold: boolean): void {
    s.path = [s.x, s.y, ...this.router.route(s.wx, s.wy, x, y)];
    s.seg = 0;
    s.z = 0;
    s.floor = 0;
    s.holdAtEnd = hold;
    s.st = State.Walk;
  }

  private step(p: number, s: SimPerson, t: number, dt: number): void {
    if (s.st !== State.Off) s.battery = Math.max(0, s.battery - (s.drainPerH * dt) / 3600);
    // Round-the-clock teams swap to a charged badge at the 08:00 handover.
    if (s.leaveAt === Infinity && s.st !== State.Off) {
      const sinceHandover = (localTimeOfDayMs(t, this.opts.tzOffsetMs) - 8 * 3_600_000 + 86_400_000) % 86_400_000;
      s.battery = 100 - (s.drainPerH * sinceHandover) / 3_600_000;
    }
    switch (s.st) {
      case State.Off: {
        const stay = stayAt(this.schedule(p), p, t, this.opts.tzOffsetMs, this.opts.seed);
        if (!stay || t >= stay.leave - 10 * MIN) return;
        const g = this.gates[this.registry.people[p]!.role === 'driver' && this.gates.length > 1 ? 1 : 0] ?? [0, 0];
        [s.x, s.y, s.z, s.floor] = [g[0], g[1], 0, 0];
        [s.wx, s.wy, s.wz, s.wfloor] = [g[0], g[1], 0, 0];
        s.battery = s.rng.range(95, 100);
        s.leaveAt = stay.leave;
        s.leaving = false;
        this.goToWork(s);
        return;
      }
      case State.Walk:
        this.walk(s, dt * s.speed, t);
        return;
      case State.Work:
      case State.Hold:
        if (t >= s.nextFidget) this.fidget(s, t);
        if (s.st === State.Work && t >= s.dwellUntil) {
          if (t >= s.leaveAt - 5 * MIN) this.goHome(s);
          else this.goToWork(s);
        }
        return;
      case State.Down:
        return;
    }
  }

  /**
   * Moves a worker to the far side of their work point (1.2–1.4 m from it, about 2.3 m from
   * where they stood): people at work move about, and a move of this size is well above the
   * man-down `stillM` plus fix noise.
   */
  private fidget(s: SimPerson, t: number): void {
    s.fidgetAngle += Math.PI + s.rng.range(-0.8, 0.8);
    const r = s.rng.range(1.2, 1.4);
    s.x = s.wx + r * Math.cos(s.fidgetAngle);
    s.y = s.wy + r * Math.sin(s.fidgetAngle);
    s.nextFidget = t + s.rng.range(8, 25) * 1000;
  }

  private goToWork(s: SimPerson): void {
    const wp = this.choosePoint(s);
    if (!wp) return;
    this.walkTo(s, wp.x, wp.y, false);
    [s.wx, s.wy, s.wz, s.wfloor] = [wp.x, wp.y, wp.z, wp.floor];
  }

  private goHome(s: SimPerson): void {
    let best = this.gates[0] ?? [0, 0];
    let bd = Infinity;
    for (const g of this.gates.slice(0, 2)) {
      const d = Math.hypot(g[0] - s.x, g[1] - s.y);
      if (d < bd) [best, bd] = [g, d];
    }
    s.leaving = true;
    this.walkTo(s, best[0], best[1], false);
    [s.wx, s.wy, s.wz, s.wfloor] = [best[0], best[1], 0, 0];
  }

  /** Moves `dist` metres along the path; at its end starts work, holds, or leaves the site. */
  private walk(s: SimPerson, dist: number, t: number): void {
    let left = dist;
    while (left > 0 && s.seg + 3 < s.path.length) {
      const bx = s.path[s.seg + 2]!;
      const by = s.path[s.seg + 3]!;
      const d = Math.hypot(bx - s.x, by - s.y);
      if (d <= left) {
        s.x = bx;
        s.y = by;
        left -= d;
        s.seg += 2;
      } else {
        s.x += ((bx - s.x) * left) / d;
        s.y += ((by - s.y) * left) / d;
        left = 0;
      }
    }
    if (s.seg + 3 < s.path.length) return;
    if (s.leaving) {
      const [W, H] = this.geo.extent;
      if (s.y >= H - 3) s.y = H + 3;
      else if (s.y <= 3) s.y = -3;
      else if (s.x <= 3) s.x = -3;
      else if (s.x >= W - 3) s.x = W + 3;
      else s.y = -3;
      s.st = State.Off;
      s.leaving = false;
      s.leaveAt = Infinity;
      return;
    }
    [s.x, s.y, s.z, s.floor] = [s.wx, s.wy, s.wz, s.wfloor];
    this.fidget(s, t);
    if (s.holdAtEnd) {
      s.st = State.Hold;
      return;
    }
    s.st = State.Work;
    const wp = this.points.find((w) => w.x === s.wx && w.y === s.wy && w.floor === s.wfloor) ?? null;
    s.dwellUntil = t + this.dwellMs(s, wp);
  }
}
