import type { Injection } from '../../shared/protocol/injection';
import type { RobotDef, RobotSensorKind, RobotState, RobotStatus } from '../../shared/robots/model';
import { GAS_LEL, GAS_OEL } from '../../shared/robots/standards';
import { NOISE_SCATTER_DB } from '../../shared/robots/readingModel';
import { createRng, type Rng } from '../../shared/util/rng';
import { InjectionError } from '../sim/types';
import { RoutePath } from './RoutePath';

/** What the robot's sensors see, before hot spots and sensor scatter (server/robots/PlantSensors.ts). */
export interface RobotSensors {
  /** Normal surface temperature of the equipment, °C. */
  surfaceC(equipment: string): number;
  /** Gas where the robot stands: combustible % LEL, toxic % OEL. */
  gas(x: number, y: number, z: number): { lel: number; oel: number };
  /** Sound level facing the equipment, dB(A). */
  noise(equipment: string): number;
}

/** Reading keys in RobotStatus.readings: one per sensor kind, and `gas_toxic` beside `gas` (% LEL). */
export type ReadingKey = 'thermal' | 'gas' | 'gas_toxic' | 'noise';

export interface RobotReading {
  robot: number;
  checkpoint: number;
  key: ReadingKey;
  sensor: RobotSensorKind;
  value: number;
  unit: string;
  at: number;
}

export interface RobotStateChange {
  robot: string;
  from: RobotState;
  to: RobotState;
  batteryPct: number;
  position: [number, number, number];
  reason?: string;
}

/** What a robot is doing apart from a fault (a fault freezes it in place, then it carries on). */
type Mode = 'leaving' | 'patrol' | 'measure' | 'returning' | 'charging' | 'investigate' | 'investigate_dwell';

interface Robot {
  def: RobotDef;
  path: RoutePath;
  rng: Rng;
  mode: Mode;
  /** On the loop at `s`, or on the dock spur at `spur` (0 = dock, 1 = first checkpoint). */
  onLoop: boolean;
  s: number;
  spur: number;
  dir: 1 | -1;
  /** Checkpoint it heads for, or dwells at. */
  next: number;
  /** `robot.goto` target while investigating, else −1. */
  target: number;
  dwellLeftMs: number;
  battery: number;
  faults: Set<string>;
  state: RobotState;
  pos: { x: number; y: number; z: number; heading: number };
  readings: RobotStatus['readings'];
  reason: string | undefined;
}

export interface RobotStart {
  batteryPct?: number;
}

export type GotoResult = { ok: true } | { ok: false; code: 'not_found' | 'conflict'; message: string };

/** Longest simulated step, ms: battery thresholds and arrivals are resolved at least this finely. */
const MAX_STEP_MS = 1000;
const MS_PER_H = 3_600_000;
/** Arrival tolerance, m: sums of float steps must not leave a robot a hair short of a checkpoint for another step. */
const EPS_M = 1e-6;

/**
 * Inspection robots on patrol (docs/robots.md): deterministic for a seed and a sequence of
 * `advance` times and commands; it never reads a clock. Each robot leaves its dock, drives its
 * route at `speedMS`, dwells `dwellS` at each checkpoint (`measuring`) and reads its sensors at
 * the end of the dwell; its battery drains except while charging, and below `returnPct` it
 * drives back the shorter way to the dock (`returning`), charges (`charging`) to `resumePct`
 * and starts the route again. `goto` sends it to one checkpoint (`investigating`), after which it
 * patrols on from there. A `robot_fault` injection stops it where it is (`fault`) until it ends.
 * State changes and readings are collected for the caller to drain.
 */
export class RobotSimulator {
  readonly robots: Robot[];
  readonly changes: RobotStateChange[] = [];
  readonly readings: RobotReading[] = [];
  private readonly index: Map<string, number>;
  private readonly equipment: ReadonlySet<string>;
  /** Active hot spots: injection id → equipment, surface °C, end time. */
  private readonly hotSpots = new Map<string, { equipment: string; surfaceC: number; end: number }>();
  private readonly faultEnds = new Map<string, { robot: number; end: number }>();
  private last: number;

  constructor(
    defs: readonly RobotDef[],
    equipmentIds: Iterable<string>,
    private readonly sensors: RobotSensors,
    opts: { seed: number; startTime: number; start?: Readonly<Record<string, RobotStart>> },
  ) {
    this.last = opts.startTime;
    this.equipment = new Set(equipmentIds);
    this.index = new Map(defs.map((d, i) => [d.id, i] as const));
    this.robots = defs.map((def, i) => {
      const rng = createRng((opts.seed ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0);
      const initial = rng.range(70, 100);
      const battery = clampPct(opts.start?.[def.id]?.batteryPct ?? initial);
      const path = new RoutePath(def);
      const r: Robot = {
        def, path, rng, onLoop: false, s: 0, spur: 0, dir: 1, next: 0, target: -1, dwellLeftMs: 0, battery,
        mode: battery <= def.returnPct ? 'charging' : 'leaving',
        faults: new Set(), state: 'offline', pos: { x: def.dock[0], y: def.dock[1], z: def.dock[2], heading: 0 }, readings: {}, reason: undefined,
      };
      path.spurPoint(0, true, r.pos);
      return r;
    });
  }

  indexOf(id: string): number | undefined {
    return this.index.get(id);
  }

  /** Advances every robot to `now` (never backwards), in steps of at most a second. */
  advance(now: number): void {
    while (this.last < now) {
      const dt = Math.min(MAX_STEP_MS, now - this.last);
      this.last += dt;
      for (let i = 0; i < this.robots.length; i++) this.step(i, dt);
    }
    for (let i = 0; i < this.robots.length; i++) this.noteState(i);
  }

  /** Sends a robot to one of its checkpoints now. */
  goto(robotId: string, checkpointId: string): GotoResult {
    const i = this.index.get(robotId);
    if (i === undefined) return { ok: false, code: 'not_found', message: `unknown robot "${robotId}" / 未知机器人 "${robotId}"` };
    const r = this.robots[i]!;
    const k = r.def.route.findIndex((c) => c.id === checkpointId);
    if (k < 0) return { ok: false, code: 'not_found', message: `robot ${robotId} has no checkpoint "${checkpointId}" / 机器人 ${robotId} 的路线上没有巡检点 "${checkpointId}"` };
    if (r.faults.size > 0) return { ok: false, code: 'conflict', message: `robot ${robotId} is in fault / 机器人 ${robotId} 故障中` };
    if (r.battery <= r.def.returnPct) return { ok: false, code: 'conflict', message: `robot ${robotId} battery ${r.battery.toFixed(0)} % is at or below its return level ${r.def.returnPct} % / 机器人 ${robotId} 电量不足，需返回充电` };
    r.target = k;
    r.next = k;
    r.dwellLeftMs = 0;
    r.mode = 'investigate';
    r.reason = `goto ${checkpointId}`;
    if (r.onLoop) r.dir = r.path.shorter(r.s, r.path.at(k));
    this.noteState(i);
    return { ok: true };
  }

  /** Starts a robot injection (hot_spot, robot_fault); throws InjectionError for unknown equipment or robots. */
  inject(inj: Extract<Injection, { kind: 'hot_spot' | 'robot_fault' }>, now: number, id: string): string {
    if (this.hotSpots.has(id) || this.faultEnds.has(id)) throw new InjectionError(`injection id ${id} is already active`, 'duplicate_id', `注入编号 ${id} 已在进行`);
    const end = inj.durationS !== undefined ? now + inj.durationS * 1000 : Infinity;
    if (inj.kind === 'hot_spot') {
      if (!this.equipment.has(inj.equipment)) throw new InjectionError(`unknown equipment "${inj.equipment}"`, 'unknown_equipment', `未知设备 "${inj.equipment}"`);
      this.hotSpots.set(id, { equipment: inj.equipment, surfaceC: inj.surfaceC, end });
      return id;
    }
    const i = this.index.get(inj.robot);
    if (i === undefined) throw new InjectionError(`unknown robot "${inj.robot}"`, 'invalid_injection', `未知机器人 "${inj.robot}"`);
    this.faultEnds.set(id, { robot: i, end });
    this.robots[i]!.faults.add(id);
    this.robots[i]!.reason = `injection ${id}`;
    this.noteState(i);
    return id;
  }

  /** Ends one robot injection, or all; returns the ids ended. */
  clear(id?: string): string[] {
    const ended: string[] = [];
    for (const k of [...this.hotSpots.keys(), ...this.faultEnds.keys()]) if (id === undefined || k === id) ended.push(k);
    for (const k of ended) this.end(k);
    return ended;
  }

  /** Ids of robot injections that ran out by `now` (they are removed). */
  expire(now: number): string[] {
    const ended: string[] = [];
    for (const [k, h] of this.hotSpots) if (h.end <= now) ended.push(k);
    for (const [k, f] of this.faultEnds) if (f.end <= now) ended.push(k);
    for (const k of ended) this.end(k);
    return ended;
  }

  private end(id: string): void {
    this.hotSpots.delete(id);
    const f = this.faultEnds.get(id);
    if (!f) return;
    this.faultEnds.delete(id);
    const r = this.robots[f.robot]!;
    r.faults.delete(id);
    if (r.faults.size === 0) r.reason = `injection ${id} ended`;
    this.noteState(f.robot);
  }

  /** Hottest active hot spot on the equipment, °C, or −Infinity. */
  hotSpotC(equipment: string): number {
    let c = -Infinity;
    for (const h of this.hotSpots.values()) if (h.equipment === equipment && h.surfaceC > c) c = h.surfaceC;
    return c;
  }

  status(i: number, now: number): RobotStatus {
    const r = this.robots[i]!;
    return {
      id: r.def.id,
      state: r.state,
      position: [round2(r.pos.x), round2(r.pos.y), round2(r.pos.z)],
      heading: Math.round(r.pos.heading * 1000) / 1000,
      batteryPct: Math.round(r.battery * 10) / 10,
      nextCheckpoint: r.next,
      readings: { ...r.readings },
      time: now,
    };
  }

  private stateOf(r: Robot): RobotState {
    if (r.faults.size > 0) return 'fault';
    switch (r.mode) {
      case 'leaving':
      case 'patrol':
        return 'patrolling';
      case 'measure':
        return 'measuring';
      case 'returning':
        return 'returning';
      case 'charging':
        return 'charging';
      case 'investigate':
      case 'investigate_dwell':
        return 'investigating';
    }
  }

  private noteState(i: number): void {
    const r = this.robots[i]!;
    const to = this.stateOf(r);
    if (to === r.state) return;
    this.changes.push({
      robot: r.def.id,
      from: r.state,
      to,
      batteryPct: Math.round(r.battery * 10) / 10,
      position: [round2(r.pos.x), round2(r.pos.y), round2(r.pos.z)],
      ...(r.reason ? { reason: r.reason } : {}),
    });
    r.state = to;
    r.reason = undefined;
  }

  /** One step of one robot: battery, then motion and dwell, consuming the step's time. */
  private step(i: number, dt: number): void {
    const r = this.robots[i]!;
    const d = r.def;
    if (r.mode === 'charging' && r.faults.size === 0) {
      r.battery = Math.min(100, r.battery + (d.chargePctPerH * dt) / MS_PER_H);
      if (r.battery >= d.resumePct) {
        r.mode = 'leaving';
        r.next = 0;
        r.reason = 'charged';
      }
      this.noteState(i);
      return;
    }
    r.battery = Math.max(0, r.battery - (d.drainPctPerH * dt) / MS_PER_H);
    if (r.faults.size > 0) return;
    const low = r.battery < d.returnPct;
    if (low && (r.mode === 'patrol' || r.mode === 'leaving' || r.mode === 'investigate')) this.startReturn(r);
    let left = dt;
    for (let guard = 0; left > 0 && guard < 8; guard++) {
      left = this.phase(i, r, left);
      this.noteState(i);
    }
  }

  private startReturn(r: Robot): void {
    r.mode = 'returning';
    r.target = -1;
    r.reason = `battery ${r.battery.toFixed(1)} % below ${r.def.returnPct} %`;
    if (r.onLoop) r.dir = r.path.shorter(r.s, 0);
  }

  /** Runs the current mode for up to `ms`; returns the time left when it finished (arrived, dwell done). */
  private phase(i: number, r: Robot, ms: number): number {
    const d = r.def;
    const p = r.path;
    const reach = (d.speedMS * ms) / 1000;
    switch (r.mode) {
      case 'charging':
        return 0;
      case 'measure':
      case 'investigate_dwell': {
        const used = Math.min(ms, r.dwellLeftMs);
        r.dwellLeftMs -= used;
        if (r.dwellLeftMs > 0) return 0;
        this.measure(i, r, Math.round(this.last - (ms - used)));
        r.next = (r.next + 1) % p.count;
        r.target = -1;
        r.dir = 1;
        if (r.battery < d.returnPct) this.startReturn(r);
        else r.mode = 'patrol';
        return ms - used;
      }
      case 'leaving':
      case 'investigate':
      case 'patrol':
      case 'returning': {
        if (!r.onLoop) {
          if (r.mode === 'returning') {
            const need = r.spur * p.spurLength;
            if (reach < need - EPS_M) {
              r.spur -= p.spurLength > 0 ? reach / p.spurLength : r.spur;
              p.spurPoint(r.spur, false, r.pos);
              return 0;
            }
            r.spur = 0;
            p.spurPoint(0, false, r.pos);
            r.mode = 'charging';
            r.next = 0;
            r.reason = 'docked';
            return 0;
          }
          const need = (1 - r.spur) * p.spurLength;
          if (reach < need - EPS_M) {
            r.spur += p.spurLength > 0 ? reach / p.spurLength : 1 - r.spur;
            p.spurPoint(r.spur, true, r.pos);
            return 0;
          }
          r.spur = 1;
          r.onLoop = true;
          r.s = 0;
          r.dir = r.mode === 'investigate' ? p.shorter(0, p.at(r.next)) : 1;
          p.point(0, r.dir, r.pos);
          return Math.max(0, ms - (need / d.speedMS) * 1000);
        }
        const goal = r.mode === 'returning' ? 0 : p.at(r.next);
        const need = p.distance(r.s, goal, r.dir);
        if (reach < need - EPS_M) {
          r.s = p.move(r.s, reach, r.dir);
          p.point(r.s, r.dir, r.pos);
          return 0;
        }
        r.s = goal;
        p.point(goal, r.dir, r.pos);
        const rest = Math.max(0, ms - (need / d.speedMS) * 1000);
        if (r.mode === 'returning') {
          r.onLoop = false;
          r.spur = 1;
          return rest;
        }
        r.dwellLeftMs = d.route[r.next]!.dwellS * 1000;
        r.mode = r.mode === 'investigate' ? 'investigate_dwell' : 'measure';
        return rest;
      }
    }
  }

  /** Reads the checkpoint's sensors (end of the dwell). */
  private measure(i: number, r: Robot, at: number): void {
    const c = r.def.route[r.next]!;
    const add = (key: ReadingKey, sensor: RobotSensorKind, value: number, unit: string, digits: number): void => {
      const f = 10 ** digits;
      const v = Math.round(value * f) / f;
      r.readings[key] = { value: v, unit, at, checkpoint: c.id };
      this.readings.push({ robot: i, checkpoint: r.next, key, sensor, value: v, unit, at });
    };
    for (const m of c.measure) {
      if (m === 'thermal') {
        const normal = this.sensors.surfaceC(c.equipment);
        add('thermal', 'thermal', Math.max(normal, this.hotSpotC(c.equipment)) + r.rng.range(-0.5, 0.5), '°C', 1);
      } else if (m === 'gas') {
        const g = this.sensors.gas(r.pos.x, r.pos.y, r.pos.z);
        add('gas', 'gas', Math.max(0, g.lel + r.rng.range(0, 0.5)), GAS_LEL, 1);
        add('gas_toxic', 'gas', Math.max(0, g.oel + r.rng.range(0, 1)), GAS_OEL, 1);
      } else {
        add('noise', 'noise', this.sensors.noise(c.equipment) + r.rng.range(-NOISE_SCATTER_DB, NOISE_SCATTER_DB), 'dB(A)', 1);
      }
    }
  }
}

const round2 = (v: number): number => Math.round(v * 100) / 100;
const clampPct = (v: number): number => Math.min(100, Math.max(0, v));
