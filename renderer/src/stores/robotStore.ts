import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { robotStates, type RobotDef, type RobotsFile, type RobotsMessage, type RobotState, type RobotStatus } from '../../../shared/robots/model';
import { poseAt, retarget, segments, type Pose, type Segments } from '../robots/interpolate';

/** Index of a state in `robotStates` (the layer keeps states as small codes). */
export const robotStateCode = (s: RobotState): number => robotStates.indexOf(s);

/**
 * The plant's inspection robots as the console holds them: definitions from the plant model
 * (`plant.robots`), indexed in file order, and the latest live status of each from the `robots`
 * lane (~1 Hz). A plain object, not React state: the map reads poses every frame through
 * `poseAt` (interpolated, see robots/interpolate.ts), panels follow `robotsView`. Statuses of
 * robots the plant model does not define are counted and dropped.
 */
export class RobotStore {
  defs: readonly RobotDef[] = [];
  standards: RobotsFile['standards'] = [];
  private readonly index = new Map<string, number>();
  seg: Segments = segments(0);
  /** 1 once a status arrived for the robot. */
  present = new Uint8Array(0);
  /** Latest full status per robot (what the panels and hover card show), or null. */
  statuses: (RobotStatus | null)[] = [];
  /** Server time of the latest message, ms (0 = none). */
  time = 0;
  /** Local ms the latest message arrived (its glide started). */
  private receivedAt = NaN;
  /** Statuses dropped because the plant defines no such robot. */
  unknown = 0;
  version = 0;
  private readonly listeners = new Set<() => void>();

  /** The robots of a plant model (none when it has no robots.json); clears every status. */
  setPlant(robots: RobotsFile | undefined): void {
    this.defs = robots?.robots ?? [];
    this.standards = robots?.standards ?? [];
    this.index.clear();
    this.defs.forEach((d, i) => this.index.set(d.id, i));
    const n = this.defs.length;
    this.seg = segments(n);
    this.present = new Uint8Array(n);
    this.statuses = new Array<RobotStatus | null>(n).fill(null);
    this.time = 0;
    this.receivedAt = NaN;
    this.changed();
  }

  indexOf(id: string): number {
    return this.index.get(id) ?? -1;
  }

  /** Applies one `robots` message received at local time `now` (ms, the clock `poseAt` is asked with). */
  apply(msg: RobotsMessage, now: number): void {
    const interval = now - this.receivedAt;
    this.receivedAt = now;
    for (const st of msg.robots) {
      const i = this.index.get(st.id);
      if (i === undefined) {
        this.unknown++;
        continue;
      }
      const [x, y, z] = st.position;
      retarget(this.seg, i, x, y, z, st.heading, now, interval, this.present[i] !== 1);
      this.present[i] = 1;
      this.statuses[i] = st;
    }
    this.time = msg.time;
    this.changed();
  }

  /** Forgets every status (new server, link lost for good); definitions stay. */
  clear(): void {
    this.present.fill(0);
    this.statuses.fill(null);
    this.time = 0;
    this.receivedAt = NaN;
    this.changed();
  }

  /** Robot i's drawn pose at local time `now` into `out`; null before its first status. */
  poseAt(i: number, now: number, out: Pose): Pose | null {
    if (i < 0 || i >= this.defs.length || !this.present[i]) return null;
    return poseAt(this.seg, i, now, out);
  }

  /** True while some robot is still gliding at local time `now` (the map keeps drawing). */
  moving(now: number): boolean {
    const s = this.seg;
    for (let i = 0; i < this.defs.length; i++) {
      if (this.present[i] && now < s.start[i]! + s.span[i]! && (s.fromX[i] !== s.toX[i] || s.fromY[i] !== s.toY[i] || s.fromZ[i] !== s.toZ[i] || s.fromH[i] !== s.toH[i])) return true;
    }
    return false;
  }

  subscribe(l: () => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private changed(): void {
    this.version++;
    for (const l of this.listeners) l();
    robotsView.setState({ version: this.version, time: this.time });
  }
}

/** The console's one robot table. */
export const robotStore = new RobotStore();

/** Bumped with every change of the robot table: panels re-render from `robotStore` at its pace (~1 Hz). */
export const robotsView = createStore<{ version: number; time: number }>()(() => ({ version: 0, time: 0 }));

export const useRobotsVersion = (): number => useStore(robotsView, (s) => s.version);
