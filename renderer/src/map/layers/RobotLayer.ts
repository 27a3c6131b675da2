import {
  BoxGeometry,
  BufferGeometry,
  Color,
  CylinderGeometry,
  Float32BufferAttribute,
  Group,
  InstancedMesh,
  LineBasicMaterial,
  LineSegments,
  Matrix4,
  MeshLambertMaterial,
  OctahedronGeometry,
  Quaternion,
  Vector3,
  type Camera,
} from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import type { RobotState } from '../../../../shared/robots/model';
import type { RobotStore } from '../../stores/robotStore';
import type { Pose } from '../../robots/interpolate';
import { robotLook, robotLooks, robotLookStyles } from '../../robots/robotView';
import { disposeTree, type MapLayer } from './MapLayer';

const m = new Matrix4();
const q = new Quaternion();
const up = new Vector3(0, 1, 0);
const pos = new Vector3();
const scl = new Vector3();
const c = new Color();
const v = new Vector3();
const zeroScale = new Matrix4().makeScale(0, 0, 0);
const pose: Pose = { x: 0, y: 0, z: 0, heading: 0 };
/** A robot is picked within this many CSS px of its centre. */
const PICK_PX = 14;
/** Height of the robot's centre above its base, in marker sizes (hover, follow). */
const CENTRE_H = 1.2;
/** Route lines float this far over the ground (m), above the road strips. */
const ROUTE_Y = 0.3;
/** Light lines read on the dark roads and the mid-grey ground alike. */
const ROUTE_COLOR = 0xf0f1f2;
const CHECKPOINT_COLOR = 0x3d4247;
/**
 * While robots glide the map is redrawn about this often (ms): smooth at walking pace, and the
 * map does not render flat out. When glide frames come late (the machine cannot draw that fast:
 * a software renderer, a flood of alarms) the pause doubles, up to MAX_GLIDE_FRAME_MS (then the
 * robots move about once a message); frames on time bring it back down.
 */
export const GLIDE_FRAME_MS = 40;
export const MAX_GLIDE_FRAME_MS = 1000;
/** A glide frame drawn more than this after it was due (ms) counts as late. */
const LATE_MS = 50;

/**
 * A robot in marker sizes: a low wheeled body (longer along +x, its heading) with a mast and a
 * camera head at the back, so it reads apart from the people's capsules and the sensors'
 * diamonds at any zoom.
 */
function robotGeometry(): BufferGeometry {
  const body = new BoxGeometry(3.4, 1.3, 2.2).translate(0, 0.95, 0);
  const mast = new CylinderGeometry(0.16, 0.16, 2.4, 6).translate(-0.9, 2.8, 0);
  const head = new BoxGeometry(0.9, 0.6, 0.9).translate(-0.9, 4.2, 0);
  const merged = mergeGeometries([body.toNonIndexed(), mast.toNonIndexed(), head.toNonIndexed()]);
  for (const g of [body, mast, head]) g.dispose();
  return merged;
}

/**
 * Every inspection robot as one instance of ONE InstancedMesh (one draw call), its patrol
 * routes as one LineSegments (one draw call) and its checkpoints as one InstancedMesh of small
 * diamonds (one draw call) — three calls whatever the fleet, even with no robots (empty layers
 * keep one invisible instance), so the map's draw calls never depend on the data. Instance i is
 * robot i of `robotStore`. Poses are interpolated every frame (`update`) between the 1 Hz
 * messages; a robot is muted grey while normal and coloured (and larger) only when abnormal
 * (robotView). Nothing is allocated per frame.
 */
export class RobotLayer implements MapLayer {
  readonly object = new Group();
  readonly mesh: InstancedMesh;
  readonly routes: LineSegments;
  readonly checkpoints: InstancedMesh;
  private readonly n: number;
  private size = 1;
  /** Look code drawn per robot (index into robotLooks), −1 = not drawn yet. */
  private readonly looks: Int8Array;
  private journal: Record<string, { state: RobotState }> = {};
  private glideTimer: ReturnType<typeof setTimeout> | null = null;
  /** Pause between glide frames now (ms), and when the pending one is due (local ms, 0 = none). */
  glideDelay = GLIDE_FRAME_MS;
  private glideDue = 0;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: RobotStore,
    private readonly onChange: () => void,
  ) {
    const defs = store.defs;
    this.n = defs.length;
    this.looks = new Int8Array(this.n).fill(-1);
    this.mesh = new InstancedMesh(robotGeometry(), new MeshLambertMaterial({ color: 0xffffff }), Math.max(1, this.n));
    this.mesh.name = 'robots';
    this.mesh.frustumCulled = false;
    for (let i = 0; i < this.mesh.count; i++) this.mesh.setMatrixAt(i, zeroScale);
    this.mesh.setColorAt(0, c.setHex(robotLookStyles.normal.color));

    const line: number[] = [];
    const seg = (a: readonly number[], b: readonly number[]): void => void line.push(a[0]!, ROUTE_Y + (a[2] ?? 0), -a[1]!, b[0]!, ROUTE_Y + (b[2] ?? 0), -b[1]!);
    let points = 0;
    for (const d of defs) {
      seg(d.dock, d.route[0]!.position);
      d.route.forEach((cp, k) => seg(cp.position, d.route[(k + 1) % d.route.length]!.position));
      points += d.route.length;
    }
    if (line.length === 0) line.push(0, -1e4, 0, 0, -1e4, 0);
    const geo = new BufferGeometry();
    geo.setAttribute('position', new Float32BufferAttribute(line, 3));
    this.routes = new LineSegments(geo, new LineBasicMaterial({ color: ROUTE_COLOR, transparent: true, opacity: 0.8 }));
    this.routes.name = 'robot-routes';
    this.routes.frustumCulled = false;

    this.checkpoints = new InstancedMesh(new OctahedronGeometry(0.5, 0).scale(1, 0.35, 1), new MeshLambertMaterial({ color: CHECKPOINT_COLOR }), Math.max(1, points));
    this.checkpoints.name = 'robot-checkpoints';
    this.checkpoints.frustumCulled = false;
    this.checkpoints.setMatrixAt(0, zeroScale);

    this.object.add(this.routes, this.checkpoints, this.mesh);
    this.placeCheckpoints();
    this.unsubscribe = store.subscribe(() => this.onChange());
  }

  /** Base marker size, m (the map's sensor marker size, so robots scale with the view). */
  setSize(size: number): void {
    if (size === this.size) return;
    this.size = size;
    this.placeCheckpoints();
  }

  /** Robot states from the journal (a fault shows before the first live status). */
  setJournal(robots: Record<string, { state: RobotState }>): void {
    this.journal = robots;
    this.onChange();
  }

  /**
   * Places every robot at its pose for local time `now` (ms, the clock the store's glides
   * use), coloured by its look at server time `serverNow`. True while some robot is still
   * gliding; the layer then asks for the next frame itself, GLIDE_FRAME_MS later.
   */
  update(now: number, serverNow: number): boolean {
    const s = this.store;
    const mesh = this.mesh;
    let recolour = false;
    for (let i = 0; i < this.n; i++) {
      const def = s.defs[i]!;
      const look = robotLook(def, s.statuses[i] ?? null, serverNow, this.journal[def.id]?.state);
      const code = robotLooks.indexOf(look);
      if (code !== this.looks[i]) {
        this.looks[i] = code;
        mesh.setColorAt(i, c.setHex(robotLookStyles[look].color));
        recolour = true;
      }
      if (!s.poseAt(i, now, pose)) {
        mesh.setMatrixAt(i, zeroScale);
        continue;
      }
      q.setFromAxisAngle(up, pose.heading);
      m.compose(pos.set(pose.x, pose.z, -pose.y), q, scl.setScalar(this.size * robotLookStyles[look].scale));
      mesh.setMatrixAt(i, m);
    }
    mesh.instanceMatrix.needsUpdate = true;
    if (recolour && mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
    const moving = s.moving(now);
    if (this.glideDue > 0 && this.glideTimer === null) {
      this.glideDelay = now - this.glideDue > LATE_MS ? Math.min(MAX_GLIDE_FRAME_MS, this.glideDelay * 2) : Math.max(GLIDE_FRAME_MS, this.glideDelay / 2);
      this.glideDue = 0;
    }
    if (moving && this.glideTimer === null) {
      this.glideDue = now + this.glideDelay;
      this.glideTimer = setTimeout(() => {
        this.glideTimer = null;
        this.onChange();
      }, this.glideDelay);
    }
    return moving;
  }

  /** True when some robot's look at server time `serverNow` is not the one drawn (e.g. it went silent). */
  looksChanged(serverNow: number): boolean {
    const s = this.store;
    for (let i = 0; i < this.n; i++) {
      const def = s.defs[i]!;
      if (robotLooks.indexOf(robotLook(def, s.statuses[i] ?? null, serverNow, this.journal[def.id]?.state)) !== this.looks[i]) return true;
    }
    return false;
  }

  /** Scene position of robot i's centre at local time `now` (into `out`); null before its first status. */
  centreOf(i: number, now: number, out: Vector3): Vector3 | null {
    if (!this.store.poseAt(i, now, pose)) return null;
    const look = this.looks[i]! >= 0 ? robotLooks[this.looks[i]!]! : 'normal';
    return out.set(pose.x, pose.z + CENTRE_H * this.size * robotLookStyles[look].scale, -pose.y);
  }

  /** The robot whose centre is nearest a canvas point (CSS px) within PICK_PX, or −1. */
  pick(camera: Camera, width: number, height: number, x: number, y: number, now: number): number {
    let best = -1;
    let bestD = PICK_PX * PICK_PX;
    for (let i = 0; i < this.n; i++) {
      if (!this.centreOf(i, now, v)) continue;
      v.project(camera);
      if (v.z > 1) continue;
      const dx = ((v.x + 1) / 2) * width - x;
      const dy = ((1 - v.y) / 2) * height - y;
      const d = dx * dx + dy * dy;
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
    return best;
  }

  dispose(): void {
    if (this.glideTimer !== null) clearTimeout(this.glideTimer);
    this.unsubscribe();
    this.mesh.dispose();
    this.checkpoints.dispose();
    disposeTree(this.object);
  }

  private placeCheckpoints(): void {
    let k = 0;
    for (const d of this.store.defs) {
      for (const cp of d.route) {
        m.makeScale(this.size * 1.6, this.size * 1.6, this.size * 1.6);
        m.setPosition(cp.position[0], cp.position[2] + ROUTE_Y, -cp.position[1]);
        this.checkpoints.setMatrixAt(k++, m);
      }
    }
    this.checkpoints.instanceMatrix.needsUpdate = true;
  }
}
