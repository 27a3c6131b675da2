import { CapsuleGeometry, Color, Group, InstancedMesh, Matrix4, MeshLambertMaterial, Vector3, type Camera } from 'three';
import type { PeopleStore } from '../../stores/peopleStore';
import { DirtySet } from '../../stores/DirtySet';
import { personStyles, signalLostColor, unknownPersonStyle, type PersonStyle } from '../peopleStyle';
import type { PersonRole } from '../../../../shared/people/registry';
import { disposeTree, type MapLayer } from './MapLayer';
import { PEOPLE_LAYER_MEASURE } from '../../diagnostics/measures';

/** State bit of a badge that went silent (docs/protocol.md §3.9). */
const SIGNAL_LOST = 4;
const MIN_INSTANCES = 256;

const m = new Matrix4();
const c = new Color();
const zeroScale = new Matrix4().makeScale(0, 0, 0);
const v = new Vector3();
/** A person is picked within this many CSS px of their marker's centre (or its half height if larger). */
const PICK_PX = 10;

/**
 * Every person on site as one instance of ONE InstancedMesh: one draw call whatever the head
 * count (it draws even with nobody on site, so the map's draw calls never depend on the data).
 * Instance i is registry index i; a person not on site is scaled to nothing. Only the
 * instances of changed people are rewritten (from a dirty set the people store fills), and
 * nothing is allocated per frame. A larger registry than the mesh holds rebuilds it once.
 */
export class PeopleLayer implements MapLayer {
  /** Holds the one mesh (swapped for a larger one if the registry outgrows it). */
  readonly object = new Group();
  mesh: InstancedMesh;
  private readonly geometry = new CapsuleGeometry(0.5, 1, 2, 8).translate(0, 1, 0);
  private readonly material = new MeshLambertMaterial({ color: 0xffffff });
  private dirty: DirtySet;
  private roles: readonly (PersonRole | undefined)[] = [];
  private size = 1;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: PeopleStore,
    private readonly onChange: () => void,
  ) {
    this.geometry.scale(1, 0.5, 1);
    this.mesh = this.build(Math.max(MIN_INSTANCES, store.capacity));
    this.object.add(this.mesh);
    this.dirty = new DirtySet(this.mesh.count);
    this.markAll();
    this.unsubscribe = store.subscribe((changed, n) => {
      if (this.store.capacity > this.mesh.count) this.rebuild();
      else this.dirty.addMany(changed, n);
      this.onChange();
    });
  }

  /** Who each registry index is, for colour and shape; all instances are redrawn. */
  setRoles(roles: readonly (PersonRole | undefined)[]): void {
    this.roles = roles;
    this.markAll();
    this.onChange();
  }

  /** Base marker size, m (the map's sensor marker size, so people scale with the view). */
  setSize(size: number): void {
    if (size === this.size) return;
    this.size = size;
    this.markAll();
  }

  /** Rewrites the instances of people who changed since the last call; true when any did. */
  update(): boolean {
    const d = this.dirty;
    if (d.size === 0) return false;
    const t0 = performance.now();
    const rows = d.size;
    const s = this.store;
    const mesh = this.mesh;
    for (let i = d.pop(); i >= 0; i = d.pop()) {
      if (i >= s.capacity || !s.present[i]) {
        mesh.setMatrixAt(i, zeroScale);
        continue;
      }
      const st = this.styleOf(i);
      const w = st.width * this.size;
      m.makeScale(w, st.height * this.size, w);
      m.setPosition(s.x[i]!, s.z[i]!, -s.y[i]!);
      mesh.setMatrixAt(i, m);
      mesh.setColorAt(i, c.setHex(s.flags[i]! & SIGNAL_LOST ? signalLostColor : st.color));
    }
    mesh.instanceMatrix.needsUpdate = true;
    if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
    // Timed for the console-people benchmark (docs/performance.md); only the latest entry is kept.
    performance.clearMeasures(PEOPLE_LAYER_MEASURE);
    performance.measure(PEOPLE_LAYER_MEASURE, { start: t0, end: performance.now(), detail: { rows } });
    return true;
  }

  /** Scene position of a person's marker centre (into `out`); null when not on site. */
  centreOf(i: number, out: Vector3): Vector3 | null {
    const s = this.store;
    if (i < 0 || i >= s.capacity || !s.present[i]) return null;
    return out.set(s.x[i]!, s.z[i]! + (this.styleOf(i).height * this.size) / 2, -s.y[i]!);
  }

  /**
   * The person whose marker centre is nearest a canvas point (CSS px) within PICK_PX, or -1.
   * Screen-space on purpose: a few hundred people, and a thin marker must still be easy to hit.
   */
  pick(camera: Camera, width: number, height: number, x: number, y: number): number {
    const s = this.store;
    let best = -1;
    let bestD = PICK_PX * PICK_PX;
    for (let i = 0; i < s.capacity && i < this.mesh.count; i++) {
      if (!this.centreOf(i, v)) continue;
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

  styleOf(i: number): PersonStyle {
    const role = this.roles[i];
    return role ? personStyles[role] : unknownPersonStyle;
  }

  dispose(): void {
    this.unsubscribe();
    this.mesh.dispose();
    disposeTree(this.object);
  }

  private build(n: number): InstancedMesh {
    const mesh = new InstancedMesh(this.geometry, this.material, n);
    mesh.name = 'people';
    mesh.count = n;
    mesh.frustumCulled = false;
    for (let i = 0; i < n; i++) mesh.setMatrixAt(i, zeroScale);
    mesh.setColorAt(0, c.setHex(unknownPersonStyle.color));
    return mesh;
  }

  private rebuild(): void {
    const old = this.mesh;
    this.mesh = this.build(Math.max(this.store.capacity, old.count * 2));
    this.object.remove(old);
    this.object.add(this.mesh);
    old.dispose();
    this.dirty = new DirtySet(this.mesh.count);
    this.markAll();
  }

  private markAll(): void {
    for (let i = 0; i < this.mesh.count; i++) this.dirty.add(i);
  }
}
