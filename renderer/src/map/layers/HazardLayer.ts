import { BufferAttribute, Color, ConeGeometry, DoubleSide, Group, InstancedBufferAttribute, InstancedMesh, Matrix4, MeshLambertMaterial, Raycaster, Vector2, Vector3, type BufferGeometry, type Camera, type WebGLProgramParametersWithUniforms } from 'three';
import type { HazardRecord } from '../../../../shared/hazard/model';
import type { Plant } from '../../../../shared/plant/schema';
import type { HazardFeed } from '../../hazard/hazardFeed';
import { hazardLook } from '../../hazard/hazardStyle';
import { HazardTip } from '../../ui/hazard/hazardTip';
import { disposeTree, type MapLayer } from './MapLayer';

const MIN_INSTANCES = 64;
/** Overdue can turn by the clock alone (no journal event): re-checked this often, ms. */
const RECHECK_MS = 5000;
/** A marker is picked within this many CSS px of its centre (or its half height if larger). */
const PICK_PX = 12;

export interface HazardLayerOptions {
  feed: HazardFeed;
  plant: Plant;
  /** Element over the canvas for the hover tooltip (none in tests). */
  overlay?: HTMLElement;
  now: () => number;
  onChange: () => void;
  /** "Show on map": fly the camera to look at this scene point. */
  locate: (centre: Vector3) => void;
}

const m = new Matrix4();
const c = new Color();
const v = new Vector3();
const zeroScale = new Matrix4().makeScale(0, 0, 0);

/**
 * Every open hidden-hazard order as one instance of ONE InstancedMesh (one draw call whatever
 * the number of orders, and also with none: the map's draw calls never depend on the data).
 * Look by grade, state and overdue from hazardStyle; outline-only and striped instances are cut
 * out in the fragment shader from a per-instance style attribute (bit 1 outline, bit 2 striped),
 * so fill and stripes cost no extra draw. More orders than the mesh holds rebuild it once, larger.
 */
export class HazardLayer implements MapLayer {
  readonly object = new Group();
  mesh: InstancedMesh;
  /** Instance i shows order ids[i]. */
  private ids: string[] = [];
  private records: readonly HazardRecord[] = [];
  private overdueKey = '';
  private size = 1;
  private style!: InstancedBufferAttribute;
  private readonly geometry: BufferGeometry;
  private readonly tip: HazardTip | null;
  private readonly ray = new Raycaster();
  private readonly ndc = new Vector2();
  // Double-sided so an outline-only marker shows all its edges, not only the near ones.
  private readonly material = new MeshLambertMaterial({ color: 0xffffff, side: DoubleSide });
  private readonly unsubscribe: () => void;
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(private readonly opts: HazardLayerOptions) {
    // An inverted pyramid, tip at the origin: it points at the spot. Non-indexed, with barycentric
    // coordinates per triangle so the shader can keep only the edges of an outline-only marker.
    this.geometry = new ConeGeometry(0.5, 1, 4, 1).rotateX(Math.PI).translate(0, 0.5, 0).toNonIndexed();
    const n = this.geometry.getAttribute('position').count;
    const bary = new Float32Array(n * 3);
    for (let i = 0; i < n; i++) bary[i * 3 + (i % 3)] = 1;
    this.geometry.setAttribute('bary', new BufferAttribute(bary, 3));
    this.material.onBeforeCompile = patchHazardShader;
    this.material.customProgramCacheKey = () => 'vigil-hazard-marker';
    this.mesh = this.build(MIN_INSTANCES);
    this.object.add(this.mesh);
    this.tip = opts.overlay ? new HazardTip(opts.overlay) : null;
    this.unsubscribe = opts.feed.subscribe(
      () => this.refresh(),
      (id) => {
        const c = this.centreOf(id, v);
        if (c) opts.locate(c);
      },
    );
    this.timer = setInterval(() => {
      if (this.overdueSignature() !== this.overdueKey) this.refresh();
    }, RECHECK_MS);
    this.refresh();
  }

  /** Base marker size, m (the map's sensor marker size, so markers keep their size on screen). */
  setSize(size: number): void {
    if (size === this.size) return;
    this.size = size;
    this.write();
  }

  /** Orders drawn now, in instance order. */
  drawn(): readonly string[] {
    return this.ids;
  }

  /** Re-reads the feed and rewrites every instance (a few hundred orders at most). */
  refresh(): void {
    this.records = this.opts.feed.open();
    if (this.records.length > this.mesh.count) this.grow(this.records.length);
    this.write();
  }

  /** Scene position of an order's marker centre (into `out`); null when it is not drawn. */
  centreOf(id: string, out: Vector3): Vector3 | null {
    const i = this.ids.indexOf(id);
    const h = i < 0 ? undefined : this.records[i];
    if (!h) return null;
    const look = hazardLook(h, this.opts.now(), h.id === this.opts.feed.selected());
    const [x, y, z] = h.position;
    return out.set(x, z + (look.raise + look.height / 2) * this.size, -y);
  }

  /** The order whose marker centre is nearest a canvas point (CSS px) within reach, or null. */
  pick(camera: Camera, width: number, height: number, x: number, y: number): string | null {
    let best: string | null = null;
    let bestD = Infinity;
    for (const id of this.ids) {
      if (!this.centreOf(id, v)) continue;
      const top = v.clone().setY(v.y + this.size * 2);
      v.project(camera);
      top.project(camera);
      if (v.z > 1) continue;
      const sx = ((v.x + 1) / 2) * width;
      const sy = ((1 - v.y) / 2) * height;
      const reach = Math.max(PICK_PX, Math.abs(((1 - top.y) / 2) * height - sy));
      const d = Math.hypot(sx - x, sy - y);
      if (d <= reach && d < bestD) {
        bestD = d;
        best = id;
      }
    }
    return best;
  }

  /**
   * A click on the map (canvas CSS px): while the near-miss form picks a location, the ground
   * point and its area go to it; else a click on a marker selects its order. True when consumed.
   */
  click(camera: Camera, width: number, height: number, x: number, y: number): boolean {
    if (this.opts.feed.picking()) {
      const g = this.groundAt(camera, width, height, x, y);
      if (g) this.opts.feed.pickPoint([g[0], g[1], 0], this.opts.plant.areas.find((a) => g[0] >= a.min[0] && g[0] <= a.max[0] && g[1] >= a.min[1] && g[1] <= a.max[1])?.id ?? null);
      return !!g;
    }
    const id = this.pick(camera, width, height, x, y);
    if (id) this.opts.feed.select(id);
    return id !== null;
  }

  /** The pointer moved (CSS px): the tooltip names the order under it. True when over a marker. */
  hover(camera: Camera, width: number, height: number, x: number, y: number): boolean {
    const id = this.pick(camera, width, height, x, y);
    const h = id ? this.records.find((r) => r.id === id) : undefined;
    if (h) this.tip?.show(h, x, y, this.opts.now());
    else this.tip?.hide();
    return !!h;
  }

  leave(): void {
    this.tip?.hide();
  }

  /** Where a ray through a canvas point meets the ground, plant (x, y); null above the horizon. */
  private groundAt(camera: Camera, width: number, height: number, x: number, y: number): [number, number] | null {
    this.ndc.set((x / width) * 2 - 1, 1 - (y / height) * 2);
    this.ray.setFromCamera(this.ndc, camera);
    const r = this.ray.ray;
    if (r.direction.y >= 0) return null;
    const t = -r.origin.y / r.direction.y;
    return [r.origin.x + r.direction.x * t, -(r.origin.z + r.direction.z * t)];
  }

  dispose(): void {
    clearInterval(this.timer);
    this.tip?.dispose();
    this.unsubscribe();
    this.mesh.dispose();
    disposeTree(this.object);
  }

  private write(): void {
    const now = this.opts.now();
    const selected = this.opts.feed.selected();
    const mesh = this.mesh;
    const style = this.style.array as Float32Array;
    this.ids = this.records.map((h) => h.id);
    this.records.forEach((h, i) => {
      const look = hazardLook(h, now, h.id === selected);
      const w = look.width * this.size;
      m.makeScale(w, look.height * this.size, w);
      const [x, y, z] = h.position;
      m.setPosition(x, z + look.raise * this.size, -y);
      mesh.setMatrixAt(i, m);
      mesh.setColorAt(i, c.setHex(look.color));
      style[i] = (look.outline ? 1 : 0) + (look.striped ? 2 : 0);
    });
    for (let i = this.records.length; i < mesh.count; i++) mesh.setMatrixAt(i, zeroScale);
    mesh.instanceMatrix.needsUpdate = true;
    if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
    this.style.needsUpdate = true;
    this.overdueKey = this.overdueSignature();
    this.opts.onChange();
  }

  /** Which drawn orders count as overdue now, as a string (changes when one turns by the clock). */
  private overdueSignature(): string {
    const now = this.opts.now();
    let s = '';
    for (const h of this.records) s += hazardLook(h, now).striped ? '1' : '0';
    return s;
  }

  private build(n: number): InstancedMesh {
    this.style = new InstancedBufferAttribute(new Float32Array(n), 1);
    this.geometry.setAttribute('instanceStyle', this.style);
    const mesh = new InstancedMesh(this.geometry, this.material, n);
    mesh.name = 'hazards';
    mesh.count = n;
    mesh.frustumCulled = false;
    for (let i = 0; i < n; i++) mesh.setMatrixAt(i, zeroScale);
    mesh.setColorAt(0, c.setHex(0x808080));
    return mesh;
  }

  private grow(need: number): void {
    const old = this.mesh;
    this.mesh = this.build(Math.max(need, old.count * 2));
    this.object.remove(old);
    this.object.add(this.mesh);
    old.dispose();
  }
}

/**
 * Outline-only instances (style bit 1) keep only the fragments near a triangle's edge; striped
 * ones (bit 2, overdue) drop horizontal bands, so an overdue marker reads as banded in any colour.
 */
function patchHazardShader(shader: WebGLProgramParametersWithUniforms): void {
  shader.vertexShader = shader.vertexShader
    .replace('#include <common>', '#include <common>\nattribute float instanceStyle;\nattribute vec3 bary;\nvarying float vHzStyle;\nvarying vec3 vBary;\nvarying float vHzY;')
    .replace('#include <begin_vertex>', '#include <begin_vertex>\nvHzStyle = instanceStyle;\nvBary = bary;\nvHzY = position.y;');
  shader.fragmentShader = shader.fragmentShader
    .replace('#include <common>', '#include <common>\nvarying float vHzStyle;\nvarying vec3 vBary;\nvarying float vHzY;')
    .replace(
      '#include <clipping_planes_fragment>',
      [
        '#include <clipping_planes_fragment>',
        'float hzOutline = mod(floor(vHzStyle + 0.5), 2.0);',
        'float hzStriped = floor((vHzStyle + 0.5) / 2.0);',
        'if (hzOutline > 0.5 && min(min(vBary.x, vBary.y), vBary.z) > 0.2) discard;',
        'if (hzStriped > 0.5 && fract(vHzY * 4.0) < 0.3) discard;',
      ].join('\n'),
    );
}
