import { fail, ok, type Ack } from '../../shared/protocol/messages';
import type { Plant } from '../../shared/plant/schema';
import { describeIssues } from '../../shared/plant/issues';
import { checkRobotsFile } from '../../shared/robots/checkRobots';
import type { RobotFinding, RobotsFile, RobotsMessage, RobotState, RobotStatus } from '../../shared/robots/model';
import type { RobotView } from '../../shared/robots/rest';
import { checkReading } from '../../shared/robots/standards';
import type { Clock } from '../../shared/util/clock';
import type { CommandEngine, PendingEvent } from '../engine/CommandEngine';
import type { TickStage } from '../engine/PlantRuntime';
import { PlantSensors, type LatestValues } from './PlantSensors';
import { RobotSimulator, type RobotReading } from './RobotSimulator';
import type { RobotTrackStore } from './RobotTrackStore';

export interface RobotServiceDeps {
  plant: Plant;
  engine: CommandEngine;
  clock: Clock;
  /** The server's latest tag values (what the robots' sensors follow). */
  latest: LatestValues;
  simSeed: number;
  startTime: number;
  /** Each new finding, after its `robot.finding` event is in the journal (the hazard service makes a work order of it). */
  onFinding?: (f: RobotFinding) => void;
  /** Where each robot's ~1 Hz status is recorded for replay (none: not recorded). */
  track?: RobotTrackStore | null;
}

/** Where the robots lane goes: the consoles subscribed to positions, by socket id. */
export interface RobotsOut {
  subscribers(): Iterable<string>;
  send(ids: readonly string[], message: RobotsMessage): void;
  congested(id: string): boolean;
}

/** The robots lane's period, ms. */
export const ROBOTS_LANE_MS = 1000;

const EMPTY: RobotsFile = { version: 1, robots: [], standards: [{ sensor: 'gas', equipmentTypes: '*', limit: 25, unit: '%LEL', text: { zh: '可燃气体', en: 'Combustible gas' }, source: 'GB/T 50493-2019 §5.5' }] };

/**
 * Inspection robots on the plant server (docs/robots.md). As a tick stage before the alarm
 * stage it advances the robot simulator, journals state changes (never positions) and turns
 * readings at or above their standard into findings: one per checkpoint and sensor while the
 * anomaly lasts (a reading below the limit there ends it; a later one is a new finding). It
 * appends those events itself, then hands each finding to `onFinding`, so that the work order
 * the hazard service makes of it follows the finding in the journal. `publish` sends the
 * robots lane once a second to consoles subscribed to positions.
 */
export class RobotService {
  readonly file: RobotsFile;
  readonly sim: RobotSimulator;
  private readonly kindOf: Map<string, string>;
  private readonly areaOf: Map<string, string>;
  /** `robot/checkpoint/key` → finding id, while the anomaly lasts. */
  private readonly open = new Map<string, string>();
  private readonly counters = new Map<string, number>();
  private lastSent = -Infinity;
  private lastRecorded = -Infinity;
  private sink: ((f: RobotFinding) => void) | undefined;

  readonly stage: TickStage = { name: 'robots', run: (_batch, now) => this.run(now) };

  constructor(private readonly d: RobotServiceDeps) {
    this.file = d.plant.robots ?? EMPTY;
    const issues = checkRobotsFile(d.plant, this.file);
    if (issues.length > 0) throw new Error(`robots.json does not fit the plant:\n${describeIssues(issues)}`);
    this.kindOf = new Map(d.plant.equipment.map((e) => [e.id, e.kind] as const));
    this.areaOf = new Map(d.plant.equipment.map((e) => [e.id, e.area] as const));
    this.sink = d.onFinding;
    const work = d.engine.state.work;
    const start: Record<string, { batteryPct: number }> = {};
    for (const [id, r] of Object.entries(work?.robots ?? {})) start[id] = { batteryPct: r.batteryPct };
    // Findings still in state stay open until a normal reading at their place: a restart must not find them again.
    for (const f of work?.findings ?? []) {
      this.open.set(openKey(f.robot, f.checkpoint, f.sensor, f.unit), f.id);
      const n = Number(/-(\d+)$/.exec(f.id)?.[1] ?? 0);
      if (n > (this.counters.get(f.robot) ?? 0)) this.counters.set(f.robot, n);
    }
    this.sim = new RobotSimulator(this.file.robots, d.plant.equipment.map((e) => e.id), new PlantSensors(d.plant, d.latest), { seed: d.simSeed, startTime: d.startTime, start });
  }

  /** Where findings go (the hazard service), when it is built after this service. */
  setFindingSink(sink: ((f: RobotFinding) => void) | undefined): void {
    this.sink = sink;
  }

  /** One tick: advance, journal state changes and findings, hand findings on. */
  run(now: number): PendingEvent[] {
    this.sim.advance(now);
    const events: PendingEvent[] = [];
    const journaled = this.d.engine.state.work?.robots ?? {};
    // The journal keeps what a commander needs (patrol, return, charge, investigate, fault), not
    // every stop at a checkpoint: `measuring` is journaled as `patrolling` (the live state with
    // its readings travels on the robots lane), which keeps ~900 routine events an hour out.
    const said = new Map<string, RobotState>();
    for (const c of this.sim.changes) {
      const from = said.get(c.robot) ?? journaled[c.robot]?.state ?? 'offline';
      const to: RobotState = c.to === 'measuring' ? 'patrolling' : c.to;
      if (from === to) continue;
      said.set(c.robot, to);
      events.push({ body: { type: 'robot.state.changed', payload: { ...c, from, to } }, actor: 'system' });
    }
    this.sim.changes.length = 0;
    const found: RobotFinding[] = [];
    for (const r of this.sim.readings) {
      const f = this.judge(r);
      if (f) found.push(f);
    }
    this.sim.readings.length = 0;
    for (const f of found) events.push({ body: { type: 'robot.finding', payload: { finding: f } }, actor: 'system' });
    if (events.length > 0) this.d.engine.appendBatch(events);
    for (const f of found) {
      try {
        this.sink?.(f);
      } catch (err) {
        console.error(`robot finding ${f.id} could not be handed on:`, err);
      }
    }
    this.record(now);
    return [];
  }

  /** Records every robot's status for replay once per lane period, whatever consoles subscribe (the store counts its own storage errors). */
  private record(now: number): void {
    const track = this.d.track;
    if (!track) return;
    try {
      if (now - this.lastRecorded >= ROBOTS_LANE_MS) {
        this.lastRecorded = now;
        track.record(this.statuses(now));
      }
      track.tick(now);
    } catch (err) {
      console.error('robot tracks: could not record / 机器人轨迹无法记录:', err);
    }
  }

  private judge(r: RobotReading): RobotFinding | null {
    const robot = this.sim.robots[r.robot]!;
    const c = robot.def.route[r.checkpoint]!;
    const kind = this.kindOf.get(c.equipment) ?? '';
    const check = checkReading(this.file.standards, kind, r.sensor, r.value, r.unit);
    const key = openKey(robot.def.id, c.id, r.sensor, r.unit);
    if (!check?.anomaly) {
      this.open.delete(key);
      return null;
    }
    if (this.open.has(key)) return null;
    const n = (this.counters.get(robot.def.id) ?? 0) + 1;
    this.counters.set(robot.def.id, n);
    const id = `RF-${robot.def.id}-${n}`;
    this.open.set(key, id);
    return {
      id,
      robot: robot.def.id,
      checkpoint: c.id,
      equipment: c.equipment,
      area: this.areaOf.get(c.equipment) ?? null,
      position: [...c.position],
      sensor: r.sensor,
      value: r.value,
      unit: r.unit,
      limit: check.limit,
      major: check.major,
      standard: check.id,
      at: r.at,
    };
  }

  statuses(now: number = this.d.clock.now()): RobotStatus[] {
    return this.sim.robots.map((_, i) => this.sim.status(i, now));
  }

  view(id: string, now: number = this.d.clock.now()): RobotView | null {
    const i = this.sim.indexOf(id);
    return i === undefined ? null : { def: this.file.robots[i]!, status: this.sim.status(i, now) };
  }

  views(now: number = this.d.clock.now()): RobotView[] {
    return this.file.robots.map((def, i) => ({ def, status: this.sim.status(i, now) }));
  }

  /** `robot.goto`: the state change is journaled by the next tick. */
  goto(robotId: string, checkpoint: string): Ack<{ robotId: string; checkpoint: string }> {
    const r = this.sim.goto(robotId, checkpoint);
    if (!r.ok) return fail(r.code, r.message);
    return ok({ robotId, checkpoint });
  }

  /** Sends the robots lane to subscribed consoles that are draining, at most once per ROBOTS_LANE_MS. */
  publish(out: RobotsOut | null, now: number = this.d.clock.now()): void {
    if (!out || now - this.lastSent < ROBOTS_LANE_MS) return;
    const ids: string[] = [];
    for (const id of out.subscribers()) if (!out.congested(id)) ids.push(id);
    // Nobody ready (or nobody subscribed): try again next tick rather than a second later.
    if (ids.length === 0) return;
    this.lastSent = now;
    out.send(ids, { time: now, robots: this.statuses(now) });
  }
}

const openKey = (robot: string, checkpoint: string, sensor: string, unit: string): string => `${robot}\u0000${checkpoint}\u0000${sensor}\u0000${unit}`;
