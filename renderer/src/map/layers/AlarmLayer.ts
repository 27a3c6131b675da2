import {
  BoxGeometry,
  Color,
  ConeGeometry,
  CylinderGeometry,
  Group,
  IcosahedronGeometry,
  InstancedBufferAttribute,
  InstancedMesh,
  Mesh,
  MeshBasicMaterial,
  MeshLambertMaterial,
  OctahedronGeometry,
  RingGeometry,
  Vector3,
  type BufferGeometry,
  type Raycaster,
  type Intersection,
  type WebGLProgramParametersWithUniforms,
} from 'three';
import { priorities, type Priority } from '../../../../shared/alarm/model';
import type { Plant } from '../../../../shared/plant/schema';
import type { AlarmRow } from '../../alarm/alarmView';
import { HIDDEN_MARKER_COLOR, priorityStyles, type MarkerShape } from '../../alarm/alarmStyle';
import { palette } from '../palette';
import { equipmentContains, equipmentTop } from './EquipmentLayer';
import { disposeTree, type MapLayer } from './MapLayer';

/**
 * Height of an alarm marker's centre above its sensor's anchor, in base marker sizes: clear of
 * the sensor marker below it (an alarmed sensor is raised and enlarged, its top ~5 sizes up).
 */
const HOVER = 8.2;
/** Alarm marker size in base marker sizes, by slot: the higher the priority, the bigger. */
const SCALE = 3.4;
const slotScale: Record<Priority | 'hidden', number> = { 1: 1, 2: 0.9, 3: 0.8, 4: 0.72, hidden: 0.6 };
const MIN_CAPACITY = 64;

type Slot = Priority | 'hidden';
const slots: readonly Slot[] = [...priorities, 'hidden'];

/** Unit geometries, centred; few triangles each, so 10,000 markers stay cheap in software WebGL. */
function geometryOf(shape: MarkerShape | 'disc'): BufferGeometry {
  switch (shape) {
    case 'diamond':
      return new OctahedronGeometry(0.55, 0).scale(1, 1.35, 1);
    case 'triangle':
      return new ConeGeometry(0.62, 1.05, 3).rotateY(Math.PI);
    case 'square':
      return new BoxGeometry(0.85, 0.85, 0.85);
    case 'circle':
      return new IcosahedronGeometry(0.58, 0);
    case 'disc':
      return new CylinderGeometry(0.5, 0.5, 0.16, 10);
  }
}

interface ShapeMesh {
  mesh: InstancedMesh;
  flash: InstancedBufferAttribute;
  /** Alarm id of each instance (the one shown for its source). */
  ids: string[];
}

/** Where one source's marker sits and which alarm it shows. */
export interface AlarmMarker {
  id: string;
  slot: Slot;
  attention: boolean;
}

/**
 * Alarms on the map: one InstancedMesh per priority shape (◆ ▲ ■ ●) plus one for hidden alarms
 * (a small grey disc), so draw calls stay at most five whatever the alarm count. All five share
 * ONE material with per-instance colour, so there is one shader program to compile (done when
 * the plant loads, not in the middle of a flood). One marker per source — its highest-priority
 * alarm, flashing when any of the source's alarms needs attention. Flashing is a shared uniform
 * (`setFlashPhase`), so a flash costs one render and no buffer writes; the map drives it only
 * while something flashes.
 */
export class AlarmLayer implements MapLayer {
  readonly object = new Group();
  private readonly meshes = new Map<Slot, ShapeMesh>();
  private readonly flashOn = { value: 1 };
  private readonly material: MeshLambertMaterial;
  private readonly ring: Mesh;
  private readonly tagIndex = new Map<string, number>();
  private readonly equipment: Plant['equipment'];
  /** Scene position of each shown alarm's marker centre, by alarm id (and by every alarm id of its source). */
  private readonly centres = new Map<string, Vector3>();
  private rows: readonly AlarmRow[] = [];
  private size = 1;
  private selected: string | null = null;
  private attention = 0;
  private shown = 0;

  constructor(
    plant: Plant,
    /** Scene anchors of the sensors (SensorLayer.anchors), xyz per tag index. */
    private readonly anchors: Float32Array,
  ) {
    this.object.name = 'alarms';
    plant.tags.forEach((t, i) => this.tagIndex.set(t.id, i));
    this.equipment = plant.equipment;
    this.material = new MeshLambertMaterial({ color: 0xffffff });
    const uniform = this.flashOn;
    this.material.onBeforeCompile = (shader: WebGLProgramParametersWithUniforms) => patchFlash(shader, uniform);
    this.material.customProgramCacheKey = () => 'vigil-alarm-flash';
    for (const slot of slots) this.meshes.set(slot, this.makeMesh(slot, MIN_CAPACITY));
    this.ring = new Mesh(new RingGeometry(0.95, 1.3, 32).rotateX(-Math.PI / 2), new MeshBasicMaterial({ color: palette.selection, depthTest: false, transparent: true }));
    this.ring.renderOrder = 11;
    this.ring.visible = false;
    this.object.add(this.ring);
  }

  /** Rebuilds every marker from the alarm rows (list order: priority first, so the first row of a source wins). */
  setRows(rows: readonly AlarmRow[]): void {
    this.rows = rows;
    const bySource = new Map<string, AlarmMarker & { row: AlarmRow }>();
    for (const r of rows) {
      const hidden = !r.annunciated;
      if (hidden && r.state === 'normal') continue;
      const m = bySource.get(r.alarm.source);
      if (!m) bySource.set(r.alarm.source, { id: r.alarm.id, slot: hidden ? 'hidden' : r.alarm.priority, attention: r.attention, row: r });
      else {
        if (m.slot === 'hidden' && !hidden) Object.assign(m, { id: r.alarm.id, slot: r.alarm.priority, row: r });
        if (r.attention) m.attention = true;
      }
    }
    const perSlot = new Map<Slot, (AlarmMarker & { row: AlarmRow })[]>(slots.map((s) => [s, []]));
    for (const m of bySource.values()) perSlot.get(m.slot)!.push(m);
    this.centres.clear();
    this.attention = 0;
    this.shown = 0;
    for (const slot of slots) {
      const list = perSlot.get(slot)!;
      let sm = this.meshes.get(slot)!;
      if (list.length > sm.mesh.instanceMatrix.count) sm = this.grow(slot, list.length);
      sm.ids.length = list.length;
      const flash = sm.flash.array as Float32Array;
      list.forEach((m, i) => {
        const c = this.centreOf(m.row.alarm, new Vector3());
        this.centres.set(m.id, c);
        sm.ids[i] = m.id;
        flash[i] = m.attention ? 1 : 0;
        if (m.attention) this.attention++;
        this.writeMatrix(sm.mesh, i, c, slotScale[slot]);
      });
      sm.mesh.count = list.length;
      sm.mesh.visible = list.length > 0;
      sm.mesh.instanceMatrix.needsUpdate = true;
      sm.flash.needsUpdate = true;
      this.shown += list.length;
    }
    // Every alarm of a shown source points at its source's marker (list selection, jump-to).
    for (const r of rows) {
      if (this.centres.has(r.alarm.id)) continue;
      const m = bySource.get(r.alarm.source);
      const c = m && this.centres.get(m.id);
      if (c) this.centres.set(r.alarm.id, c);
    }
    this.placeRing();
  }

  /**
   * Draws one invisible (zero-size) instance of every mesh in the next frame, so that software
   * and mobile GPUs compile and link the markers' shader at plant load rather than at the first
   * alarm; the next `setRows` puts the real markers back.
   */
  warmUp(): void {
    for (const sm of this.meshes.values()) {
      (sm.mesh.instanceMatrix.array as Float32Array).fill(0, 0, 16);
      sm.mesh.instanceMatrix.needsUpdate = true;
      sm.mesh.count = 1;
      sm.mesh.visible = true;
    }
    this.ring.scale.setScalar(1e-6);
    this.ring.visible = true;
  }

  /** Base marker size, m (the sensors' size, from the camera distance). */
  setSize(size: number): void {
    if (size === this.size) return;
    this.size = size;
    this.setRows(this.rows);
  }

  /** On/off phase of the flash of unacknowledged alarms (the steady look when no alarm flashes). */
  setFlashPhase(on: boolean): void {
    this.flashOn.value = on ? 1 : 0;
  }

  get flashPhase(): boolean {
    return this.flashOn.value === 1;
  }

  /** Markers that flash now (sources with an unacknowledged, annunciated alarm). */
  get flashing(): number {
    return this.attention;
  }

  get markers(): number {
    return this.shown;
  }

  select(id: string | null): void {
    this.selected = id;
    this.placeRing();
  }

  /** Scene centre of an alarm's marker (or its source's), or null when it has none. */
  centre(id: string, out: Vector3): Vector3 | null {
    const c = this.centres.get(id);
    return c ? out.copy(c) : null;
  }

  /** The alarm whose marker the ray hits first, or null. */
  pick(raycaster: Raycaster, hits: Intersection[]): string | null {
    let best: string | null = null;
    let bestDist = Infinity;
    for (const sm of this.meshes.values()) {
      if (!sm.mesh.visible) continue;
      hits.length = 0;
      sm.mesh.raycast(raycaster, hits);
      for (const h of hits) {
        if (h.instanceId !== undefined && h.distance < bestDist && h.instanceId < sm.mesh.count) {
          bestDist = h.distance;
          best = sm.ids[h.instanceId]!;
        }
      }
    }
    hits.length = 0;
    return best;
  }

  dispose(): void {
    disposeTree(this.object);
    for (const sm of this.meshes.values()) sm.mesh.dispose();
    this.material.dispose();
  }

  private centreOf(a: AlarmRow['alarm'], out: Vector3): Vector3 {
    const i = this.tagIndex.get(a.source);
    if (i !== undefined) return out.set(this.anchors[i * 3]!, this.anchors[i * 3 + 1]! + HOVER * this.size, this.anchors[i * 3 + 2]!);
    const [x, y, z] = a.position;
    const e = a.equipment ? this.equipment.find((q) => q.id === a.equipment) : undefined;
    const base = e && equipmentContains(e, x, y, z) ? equipmentTop(e) : z;
    return out.set(x, base + HOVER * this.size, -y);
  }

  private writeMatrix(mesh: InstancedMesh, i: number, c: Vector3, k: number): void {
    const s = this.size * SCALE * k;
    const m = mesh.instanceMatrix.array as Float32Array;
    const o = i * 16;
    m.fill(0, o, o + 16);
    m[o] = s;
    m[o + 5] = s;
    m[o + 10] = s;
    m[o + 12] = c.x;
    m[o + 13] = c.y;
    m[o + 14] = c.z;
    m[o + 15] = 1;
  }

  private placeRing(): void {
    const c = this.selected ? this.centres.get(this.selected) : undefined;
    this.ring.visible = !!c;
    if (!c) return;
    this.ring.position.set(c.x, c.y - SCALE * this.size * 0.6, c.z);
    this.ring.scale.setScalar(this.size * SCALE * 0.9);
  }

  private grow(slot: Slot, need: number): ShapeMesh {
    let cap = MIN_CAPACITY;
    while (cap < need) cap *= 2;
    const old = this.meshes.get(slot)!;
    this.object.remove(old.mesh);
    old.mesh.geometry.dispose();
    old.mesh.dispose();
    const sm = this.makeMesh(slot, cap);
    this.meshes.set(slot, sm);
    return sm;
  }

  private makeMesh(slot: Slot, capacity: number): ShapeMesh {
    const geo = geometryOf(slot === 'hidden' ? 'disc' : priorityStyles[slot].shape);
    const flash = new InstancedBufferAttribute(new Float32Array(capacity), 1);
    geo.setAttribute('instanceFlash', flash);
    const mesh = new InstancedMesh(geo, this.material, capacity);
    // Every instance of a slot wears the slot's colour; written once, as the buffer is made.
    const color = new Color(slot === 'hidden' ? HIDDEN_MARKER_COLOR : priorityStyles[slot].color);
    for (let i = 0; i < capacity; i++) mesh.setColorAt(i, color);
    mesh.name = `alarms-${slot}`;
    mesh.count = 0;
    mesh.visible = false;
    mesh.frustumCulled = false;
    mesh.renderOrder = 5;
    this.object.add(mesh);
    return { mesh, flash, ids: [] };
  }
}

/** Unacknowledged markers (instanceFlash 1) go dark in the off phase of the flash. */
function patchFlash(shader: WebGLProgramParametersWithUniforms, uniform: { value: number }): void {
  shader.uniforms.uFlashOn = uniform;
  shader.vertexShader = shader.vertexShader
    .replace('#include <common>', '#include <common>\nattribute float instanceFlash;\nvarying float vFlash;')
    .replace('#include <begin_vertex>', '#include <begin_vertex>\nvFlash = instanceFlash;');
  shader.fragmentShader = shader.fragmentShader
    .replace('#include <common>', '#include <common>\nvarying float vFlash;\nuniform float uFlashOn;')
    .replace('#include <tonemapping_fragment>', 'if (vFlash > 0.5 && uFlashOn < 0.5) gl_FragColor.rgb = mix(gl_FragColor.rgb, vec3(0.16), 0.72);\n#include <tonemapping_fragment>');
}
