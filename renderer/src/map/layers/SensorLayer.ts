import { Color, InstancedBufferAttribute, InstancedMesh, MeshLambertMaterial, OctahedronGeometry, type Vector3, type WebGLProgramParametersWithUniforms } from 'three';
import type { Plant } from '../../../../shared/plant/schema';
import { DirtySet } from '../../stores/DirtySet';
import type { TagStore } from '../../stores/tagStore';
import { lookOf, lookStyles, type LookCode } from '../sensorStyle';
import { equipmentContains, equipmentTop } from './EquipmentLayer';
import { disposeTree, type MapLayer } from './MapLayer';

/** Marker height over its width (a tall diamond reads as a pin from any angle). */
export const MARKER_ASPECT = 1.6;
/** How far a marker inside its equipment's shape floats above the top, m. */
const LIFT = 1;
const UNSET = 255;

/** Linear-space RGB of each look, computed once. */
const lookRgb = lookStyles.map((s) => {
  const c = new Color().setHex(s.color);
  return [c.r, c.g, c.b] as const;
});

/**
 * Every sensor as one instance of ONE InstancedMesh: a constant draw call whatever the tag count
 * (2,000 or 50,000). Instance i is tag i of the plant model. Per-instance colour, size and a
 * `hatched` flag follow the tag's look (sensorStyle); only the instances of changed tags are
 * rewritten, from a dirty set the tag store fills, and nothing is allocated per frame.
 */
export class SensorLayer implements MapLayer {
  readonly object: InstancedMesh;
  readonly count: number;
  /** Scene position of each marker's base, xyz per instance. */
  readonly anchors: Float32Array;
  private readonly look: Uint8Array;
  private readonly style: InstancedBufferAttribute;
  private readonly dirty: DirtySet;
  private readonly unsubscribe: () => void;
  private size = 1;

  constructor(
    plant: Plant,
    private readonly store: TagStore,
    onChange: () => void,
  ) {
    const n = plant.tags.length;
    this.count = n;
    const geo = new OctahedronGeometry(0.5, 0);
    geo.scale(1, MARKER_ASPECT, 1).translate(0, MARKER_ASPECT / 2, 0);
    const material = new MeshLambertMaterial({ color: 0xffffff });
    material.onBeforeCompile = patchHatching;
    material.customProgramCacheKey = () => 'vigil-sensor-hatched';
    this.object = new InstancedMesh(geo, material, Math.max(1, n));
    this.object.name = 'sensors';
    this.object.count = n;
    this.object.frustumCulled = false;
    this.style = new InstancedBufferAttribute(new Float32Array(Math.max(1, n)), 1);
    geo.setAttribute('instanceStyle', this.style);
    this.object.setColorAt(0, new Color(0x808080));

    const equipment = new Map(plant.equipment.map((e) => [e.id, e]));
    this.anchors = new Float32Array(n * 3);
    plant.tags.forEach((t, i) => {
      const [x, y, z] = t.position;
      // An instrument inside its vessel's drawn shape would be hidden: float it above the top.
      const e = t.equipment !== undefined ? equipment.get(t.equipment) : undefined;
      const lifted = e && equipmentContains(e, x, y, z) ? equipmentTop(e) + LIFT : z;
      this.anchors[i * 3] = x;
      this.anchors[i * 3 + 1] = lifted;
      this.anchors[i * 3 + 2] = -y;
    });
    this.look = new Uint8Array(n).fill(UNSET);
    this.dirty = new DirtySet(n);
    for (let i = 0; i < n; i++) this.dirty.add(i);
    this.unsubscribe = store.subscribe((changed, count) => {
      this.dirty.addMany(changed, count);
      onChange();
    });
  }

  /** Base marker size, m; set from the camera distance so markers keep a readable size on screen. */
  setSize(size: number): void {
    if (size === this.size) return;
    this.size = size;
    for (let i = 0; i < this.count; i++) this.writeMatrix(i, this.look[i] === UNSET ? 0 : (this.look[i] as LookCode));
    this.object.instanceMatrix.needsUpdate = true;
    this.object.boundingSphere = null;
  }

  get markerSize(): number {
    return this.size;
  }

  /** Rewrites the markers of tags that changed since the last call; true when any look changed. */
  update(now: number): boolean {
    if (this.dirty.size === 0) return false;
    let changed = false;
    for (let i = this.dirty.pop(); i >= 0; i = this.dirty.pop()) if (this.refresh(i, now)) changed = true;
    if (changed) this.flush();
    return changed;
  }

  /** Re-evaluates every tag's age (a value goes stale with no sample arriving); true when any look changed. */
  scanStale(now: number): boolean {
    let changed = false;
    for (let i = 0; i < this.count; i++) if (this.refresh(i, now)) changed = true;
    if (changed) this.flush();
    return changed;
  }

  lookAt(i: number): LookCode | null {
    const l = this.look[i];
    return l === undefined || l === UNSET ? null : (l as LookCode);
  }

  /** Marker scale of instance i relative to the base size. */
  scaleAt(i: number): number {
    const l = this.lookAt(i);
    return l === null ? 1 : lookStyles[l]!.scale;
  }

  /** Scene position of the bottom of marker i as drawn (its anchor, raised when abnormal). */
  baseOf(i: number, out: Vector3): Vector3 {
    const l = this.lookAt(i);
    const raise = l === null ? 0 : lookStyles[l]!.raise * this.size;
    return out.set(this.anchors[i * 3]!, this.anchors[i * 3 + 1]! + raise, this.anchors[i * 3 + 2]!);
  }

  /** Scene position of the centre of marker i as drawn. */
  centreOf(i: number, out: Vector3): Vector3 {
    this.baseOf(i, out);
    out.y += (this.size * this.scaleAt(i) * MARKER_ASPECT) / 2;
    return out;
  }

  dispose(): void {
    this.unsubscribe();
    disposeTree(this.object);
    this.object.dispose();
  }

  private refresh(i: number, now: number): boolean {
    const s = this.store;
    const look = lookOf(s.band[i]!, s.quality[i]!, s.isStale(i, now));
    if (look === this.look[i]) return false;
    this.look[i] = look;
    const rgb = lookRgb[look]!;
    const colors = this.object.instanceColor!.array as Float32Array;
    colors[i * 3] = rgb[0];
    colors[i * 3 + 1] = rgb[1];
    colors[i * 3 + 2] = rgb[2];
    (this.style.array as Float32Array)[i] = lookStyles[look]!.hatched ? 1 : 0;
    this.writeMatrix(i, look);
    return true;
  }

  /** Scale and translation written straight into the instance matrix (column-major). */
  private writeMatrix(i: number, look: LookCode): void {
    const style = lookStyles[look]!;
    const k = this.size * style.scale;
    const m = this.object.instanceMatrix.array as Float32Array;
    const o = i * 16;
    m[o] = k;
    m[o + 1] = 0;
    m[o + 2] = 0;
    m[o + 3] = 0;
    m[o + 4] = 0;
    m[o + 5] = k;
    m[o + 6] = 0;
    m[o + 7] = 0;
    m[o + 8] = 0;
    m[o + 9] = 0;
    m[o + 10] = k;
    m[o + 11] = 0;
    m[o + 12] = this.anchors[i * 3]!;
    m[o + 13] = this.anchors[i * 3 + 1]! + style.raise * this.size;
    m[o + 14] = this.anchors[i * 3 + 2]!;
    m[o + 15] = 1;
  }

  private flush(): void {
    this.object.instanceMatrix.needsUpdate = true;
    this.object.instanceColor!.needsUpdate = true;
    this.style.needsUpdate = true;
    this.object.boundingSphere = null;
  }
}

/** Adds the per-instance `instanceStyle` attribute: 1 = hatched (diagonal stripes discarded). */
function patchHatching(shader: WebGLProgramParametersWithUniforms): void {
  shader.vertexShader = shader.vertexShader
    .replace('#include <common>', '#include <common>\nattribute float instanceStyle;\nvarying float vStyle;')
    .replace('#include <begin_vertex>', '#include <begin_vertex>\nvStyle = instanceStyle;');
  shader.fragmentShader = shader.fragmentShader
    .replace('#include <common>', '#include <common>\nvarying float vStyle;')
    .replace(
      '#include <clipping_planes_fragment>',
      '#include <clipping_planes_fragment>\nif (vStyle > 0.5 && mod(floor((gl_FragCoord.x + gl_FragCoord.y) * 0.34), 2.0) < 1.0) discard;',
    );
}
