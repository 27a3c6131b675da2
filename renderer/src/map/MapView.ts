import {
  Color,
  DirectionalLight,
  HemisphereLight,
  type InstancedMesh,
  PerspectiveCamera,
  Raycaster,
  Scene,
  Vector2,
  Vector3,
  WebGLRenderer,
  type Intersection,
} from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import type { CameraPreset, Plant } from '../../../shared/plant/schema';
import { AlarmOverlay } from './AlarmOverlay';
import type { Lang } from '../i18n/i18n';
import type { TagStore } from '../stores/tagStore';
import { overviewPreset } from './cameraPresets';
import { toPlant } from './coords';
import { CameraFlight } from './CameraFlight';
import { SelectionRing } from './SelectionRing';
import { BuildingLayer } from './layers/BuildingLayer';
import { EquipmentLayer } from './layers/EquipmentLayer';
import { GroundLayer } from './layers/GroundLayer';
import { AreaLabelLayer } from './layers/AreaLabelLayer';
import { RobotLayer } from './layers/RobotLayer';
import type { RobotStore } from '../stores/robotStore';
import type { StoreApi } from 'zustand/vanilla';
import type { MapLayer } from './layers/MapLayer';
import { RoadLayer } from './layers/RoadLayer';
import { SensorLayer } from './layers/SensorLayer';
import { pickSensorExact, pickSensorNear } from './sensorPick';
import { PeopleLayer } from './layers/PeopleLayer';
import type { OccupancyState, PeopleStore } from '../stores/peopleStore';
import type { PersonRole } from '../../../shared/people/registry';
import { palette } from './palette';
import { HazardLayer } from './layers/HazardLayer';
import { hazardFeed } from '../hazard/hazardFeed';

export interface MapViewOptions {
  canvas: HTMLCanvasElement;
  /** Element over the canvas for HTML labels. */
  overlay: HTMLElement;
  store: TagStore;
  /** The data source's current time (for staleness). */
  now: () => number;
  lang: Lang;
  onHover: (hover: { index: number; x: number; y: number } | null) => void;
  onSelect: (index: number) => void;
  /** A click on an alarm marker. */
  onSelectAlarm?: (id: string) => void;
  /** The pointer over an area of the (visible) risk layer with no marker under it, or off it. */
  onHoverArea?: (hover: { area: string; x: number; y: number } | null) => void;
  /** People on site (drawn by PeopleLayer when given). */
  people?: PeopleStore;
  /** The pointer over a person (registry index), or off them. */
  onHoverPerson?: (hover: { index: number; x: number; y: number } | null) => void;
  onSelectPerson?: (index: number) => void;
  /** Robots (RobotLayer: hover and click by robot index) and the occupancy the area labels count. */
  robots?: { store: RobotStore; onHover: (hover: { index: number; x: number; y: number } | null) => void; onSelect: (index: number) => void };
  occupancy?: StoreApi<OccupancyState>;
}

export interface MapStats {
  /** Draw calls of the last render (renderer.info.render.calls). */
  calls: number;
  triangles: number;
  renders: number;
  markers: number;
  markerSize: number;
}

/** Markers keep about this share of the camera's distance to its target as their size (≈ 8 px). */
const MARKER_SHARE = 0.008;
const STALE_SCAN_MS = 1000;

const tmp = new Vector3();

/**
 * The 3D plant map, drawn imperatively by layers. Renders on demand only: when the tag store
 * reports a change of look, the camera moves, the view is resized, or a value goes stale.
 */
export class MapView {
  readonly renderer: WebGLRenderer;
  readonly scene = new Scene();
  readonly camera = new PerspectiveCamera(45, 1, 1, 20_000);
  readonly controls: OrbitControls;
  private layers: MapLayer[] = [];
  private sensors: SensorLayer | null = null;
  labels: AreaLabelLayer | null = null;
  people: PeopleLayer | null = null;
  robots: RobotLayer | null = null;
  hazards: HazardLayer | null = null;
  private roles: readonly (PersonRole | undefined)[] = [];
  /** The person (registry index) or the robot (robot index) the camera follows, or -1 each. */
  private following = -1;
  private followingRobot = -1;
  /** Alarm markers, risk shading and interlock labels of the current plant. */
  alarmOverlay: AlarmOverlay | null = null;
  private riskVisible = true;
  private plant: Plant | null = null;
  private lang: Lang;
  private frameRequested = false;
  /** Set when objects were added: the next frame first draws everything once (see warmUpPrograms). */
  private programsCold = false;
  /** The camera or the viewport changed since the labels were last placed. */
  private viewChanged = true;
  private renders = 0;
  private width = 1;
  private height = 1;
  private readonly raycaster = new Raycaster();
  private readonly ndc = new Vector2();
  private readonly hits: Intersection[] = [];
  private readonly selection = new SelectionRing();
  private selected = -1;
  private readonly fly: CameraFlight;
  private pointer = { x: 0, y: 0, pending: false, inside: false, downX: 0, downY: 0 };
  private readonly staleTimer: ReturnType<typeof setInterval>;
  private readonly resizeObserver: ResizeObserver;

  constructor(private readonly opts: MapViewOptions) {
    this.lang = opts.lang;
    this.renderer = new WebGLRenderer({ canvas: opts.canvas, antialias: true, powerPreference: 'high-performance' });
    this.renderer.setPixelRatio(Math.min(window.devicePixelRatio, 2));
    // Shader diagnostics ask the GPU for each program's info log on the program's first use, a
    // synchronous round trip to the GPU process: at an alarm flood's onset it held the main
    // thread ~190 ms (measured, Chromium/SwiftShader). The shaders are fixed; development builds
    // keep the check.
    this.renderer.debug.checkShaderErrors = import.meta.env.DEV;
    this.scene.background = new Color(palette.background);
    this.scene.add(new HemisphereLight(0xffffff, 0x6f7378, 2.2));
    const sun = new DirectionalLight(0xffffff, 1.6);
    sun.position.set(-0.5, 1, 0.35);
    this.scene.add(sun);

    this.scene.add(this.selection.mesh);

    this.controls = new OrbitControls(this.camera, opts.canvas);
    this.controls.screenSpacePanning = false;
    this.controls.maxPolarAngle = Math.PI * 0.47;
    this.controls.minDistance = 8;
    this.controls.maxDistance = 6000;
    this.controls.addEventListener('change', this.onCameraChange);
    this.fly = new CameraFlight(this.camera, this.controls);

    const c = opts.canvas;
    c.addEventListener('pointermove', this.onPointerMove);
    c.addEventListener('pointerleave', this.onPointerLeave);
    c.addEventListener('pointerdown', this.onPointerDown);
    c.addEventListener('pointerup', this.onPointerUp);
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(c.parentElement ?? c);
    this.resize();
    this.staleTimer = setInterval(() => {
      if (this.sensors?.scanStale(this.opts.now()) || this.robots?.looksChanged(this.opts.now())) this.requestRender();
    }, STALE_SCAN_MS);
  }

  /** Builds the layers of a plant model (dropping the previous ones) and shows the whole plant. */
  setPlant(plant: Plant): void {
    this.clearLayers();
    this.plant = plant;
    this.sensors = new SensorLayer(plant, this.opts.store, () => this.requestRender());
    const ao = new AlarmOverlay(plant, this.sensors.anchors, this.opts.overlay, this.lang, (viewChanged) => {
      if (viewChanged) this.viewChanged = true;
      this.requestRender();
    });
    ao.setRiskVisible(this.riskVisible);
    this.alarmOverlay = ao;
    const { under, over } = ao.layers;
    this.layers = [new GroundLayer(plant), under, new RoadLayer(plant), new BuildingLayer(plant), new EquipmentLayer(plant), this.sensors, over];
    if (this.opts.people) {
      this.people = new PeopleLayer(this.opts.people, () => this.requestRender());
      this.people.setRoles(this.roles);
      this.people.setSize(this.sensors.markerSize);
      this.layers.push(this.people);
    }
    if (this.opts.robots) this.layers.push((this.robots = new RobotLayer(this.opts.robots.store, () => this.requestRender())));
    this.robots?.setSize(this.sensors.markerSize);
    this.hazards = new HazardLayer({ feed: hazardFeed, plant, overlay: this.opts.overlay, now: this.opts.now, onChange: () => this.requestRender(), locate: (c) => this.lookFromSouth(c) });
    this.hazards.setSize(this.sensors.markerSize);
    this.layers.push(this.hazards);
    for (const l of this.layers) this.scene.add(l.object);
    this.labels = new AreaLabelLayer(this.opts.overlay, plant, this.lang, this.opts.occupancy ?? null);
    // Shader programs compile in the background now, so that the first alarm (or a flood of
    // them) does not wait for the alarm markers' program to link.
    void this.renderer.compileAsync(this.scene, this.camera).catch(() => undefined);
    ao.warmUp();
    this.selection.warmUp();
    this.warmUpPrograms();
    this.viewChanged = true;
    this.jumpTo(overviewPreset(plant));
    this.setSelected(-1);
  }

  setLanguage(lang: Lang): void {
    this.lang = lang;
    this.labels?.setLanguage(lang);
    this.alarmOverlay?.setLanguage(lang);
  }

  /** Who each registry index is (colour and shape by role). */
  setPeopleRoles(roles: readonly (PersonRole | undefined)[]): void {
    this.roles = roles;
    this.people?.setRoles(roles);
  }

  /** Keeps the camera target on a person (registry index) or a robot as they move; following one stops the other; -1 stops that kind. */
  follow(index: number, robot = false): void {
    if (robot || index >= 0) this.followingRobot = robot ? index : -1;
    if (!robot || index >= 0) this.following = robot ? -1 : index;
    this.requestRender();
  }

  /** CSS-pixel position of a person's marker in the canvas, or null when off screen or off site. */
  personScreenPosition(index: number): { x: number; y: number } | null {
    const c = this.people?.centreOf(index, tmp);
    return c ? this.project(c) : null;
  }

  setRiskVisible(visible: boolean): void {
    this.riskVisible = visible;
    this.alarmOverlay?.setRiskVisible(visible);
  }

  /** Flies the camera to look at an alarm's marker from the south; false when it has none. */
  flyToAlarm(id: string): boolean {
    const c = this.alarmOverlay?.centre(id, tmp);
    if (c) this.lookFromSouth(c);
    return !!c;
  }

  private lookFromSouth(c: Vector3): void {
    const [x, y, z] = toPlant(c);
    this.flyTo({ position: [x, y - 75, z + 65], target: [x, y, z] });
  }

  /** CSS-pixel position of an alarm's marker in the canvas, or null when off screen or absent. */
  alarmScreenPosition(id: string): { x: number; y: number } | null {
    const c = this.alarmOverlay?.centre(id, tmp);
    return c ? this.project(c) : null;
  }

  /** The alarm whose marker is under a canvas point (CSS px), or null. */
  pickAlarm(x: number, y: number): string | null {
    if (!this.alarmOverlay) return null;
    this.aim(x, y);
    return this.alarmOverlay.pick(this.raycaster, this.hits);
  }

  /** The area under a canvas point (CSS px), where the ray meets the ground; null off the areas. */
  areaAt(x: number, y: number): string | null {
    if (!this.plant) return null;
    const r = this.aim(x, y).ray;
    if (r.direction.y >= 0) return null;
    const t = -r.origin.y / r.direction.y;
    const px = r.origin.x + r.direction.x * t;
    const py = -(r.origin.z + r.direction.z * t);
    return this.plant.areas.find((q) => px >= q.min[0] && px <= q.max[0] && py >= q.min[1] && py <= q.max[1])?.id ?? null;
  }

  private aim(x: number, y: number): Raycaster {
    this.ndc.set((x / this.width) * 2 - 1, 1 - (y / this.height) * 2);
    this.raycaster.setFromCamera(this.ndc, this.camera);
    return this.raycaster;
  }

  /** Moves the camera to a preset (plant coordinates), animated. */
  flyTo(preset: CameraPreset): void {
    this.fly.to(preset);
    this.requestRender();
  }

  overview(): CameraPreset | null {
    return this.plant ? overviewPreset(this.plant) : null;
  }

  setSelected(index: number): void {
    this.selected = index;
    this.placeSelection();
    this.requestRender();
  }

  requestRender(): void {
    if (this.frameRequested) return;
    this.frameRequested = true;
    requestAnimationFrame(this.frame);
  }

  stats(): MapStats {
    const r = this.renderer.info.render;
    return { calls: r.calls, triangles: r.triangles, renders: this.renders, markers: this.sensors?.object.count ?? 0, markerSize: this.sensors?.markerSize ?? 0 };
  }

  /** The look of a tag's marker as drawn (sensorStyle Look code), or null. */
  lookAt(index: number): number | null {
    return this.sensors?.lookAt(index) ?? null;
  }

  /** CSS-pixel position of a tag's marker in the canvas, or null when it is off screen. */
  screenPosition(index: number): { x: number; y: number } | null {
    const s = this.sensors;
    if (!s || index < 0 || index >= s.count) return null;
    return this.project(s.centreOf(index, tmp));
  }

  /** A scene point's CSS-pixel position in the canvas (`v` is overwritten), or null off screen. */
  project(v: Vector3): { x: number; y: number } | null {
    v.project(this.camera);
    if (v.z > 1 || v.x < -1 || v.x > 1 || v.y < -1 || v.y > 1) return null;
    return { x: ((v.x + 1) / 2) * this.width, y: ((1 - v.y) / 2) * this.height };
  }

  /** The tag under a canvas point (CSS px): the marker the ray hits, else the nearest within a few px; -1 if none. */
  pick(x: number, y: number): number {
    const exact = this.pickExact(x, y);
    return exact >= 0 ? exact : this.pickNear(x, y);
  }

  /** The sensor marker under a canvas point (one the ray through it hits), or -1. */
  private pickExact(x: number, y: number): number {
    return this.sensors ? pickSensorExact(this.sensors, this.aim(x, y), this.hits, this.camera, this.width, this.height, x, y) : -1;
  }

  /** The sensor marker nearest a canvas point within a few px, or -1. */
  private pickNear(x: number, y: number): number {
    return this.sensors ? pickSensorNear(this.sensors, this.camera, this.width, this.height, x, y) : -1;
  }

  dispose(): void {
    clearInterval(this.staleTimer);
    this.resizeObserver.disconnect();
    const c = this.opts.canvas;
    c.removeEventListener('pointermove', this.onPointerMove);
    c.removeEventListener('pointerleave', this.onPointerLeave);
    c.removeEventListener('pointerdown', this.onPointerDown);
    c.removeEventListener('pointerup', this.onPointerUp);
    this.controls.removeEventListener('change', this.onCameraChange);
    this.controls.dispose();
    this.clearLayers();
    this.selection.dispose();
    this.renderer.dispose();
  }

  private frame = (): void => {
    this.frameRequested = false;
    if (this.fly.active && this.fly.step()) this.requestRender();
    this.sensors?.update(this.opts.now());
    this.people?.update();
    this.robots?.update(performance.now(), this.opts.now());
    if (this.following >= 0 || this.followingRobot >= 0) this.stepFollow();
    this.placeSelection();
    if (this.programsCold) this.drawEverythingOnce();
    this.renderer.render(this.scene, this.camera);
    if (this.alarmOverlay?.warming) {
      this.alarmOverlay.endWarmUp();
      this.placeSelection();
      this.requestRender();
    }
    if (this.viewChanged && this.labels) {
      this.labels.update(this.camera, this.width, this.height);
      this.alarmOverlay?.placeLabels(this.camera, this.width, this.height);
      this.viewChanged = false;
    }
    this.renders++;
  };

  /**
   * Asks the next frame to draw every object of the scene once, hidden and empty ones too, before
   * the real frame. A shader program's first use waits for the GPU to finish linking it
   * (three.js reads its uniforms then): a synchronous wait of 190–250 ms measured in Chromium
   * when the first bad-signal marker of an alarm flood appeared. Drawn now, that wait happens
   * once, at start, and never in the middle of an emergency. Call after adding layers.
   */
  warmUpPrograms(): void {
    this.programsCold = true;
    this.requestRender();
  }

  /** One throw-away draw with every object visible and every instanced mesh at ≥ 1 instance; then as before. The real frame follows in the same callback, so it is never shown. */
  private drawEverythingOnce(): void {
    this.programsCold = false;
    const restore: (() => void)[] = [];
    this.scene.traverse((o) => {
      if (!o.visible) {
        o.visible = true;
        restore.push(() => void (o.visible = false));
      }
      const m = o as InstancedMesh;
      if (m.isInstancedMesh && m.count === 0) {
        m.count = 1;
        restore.push(() => void (m.count = 0));
      }
    });
    try {
      this.renderer.render(this.scene, this.camera);
    } finally {
      for (const r of restore) r();
    }
  }

  /** Moves camera and target together by how far the followed person moved (the view keeps its angle). */
  private stepFollow(): void {
    const c = this.followingRobot >= 0 ? this.robots?.centreOf(this.followingRobot, performance.now(), tmp) : this.people?.centreOf(this.following, tmp);
    if (!c || this.fly.active) return;
    c.sub(this.controls.target);
    if (c.lengthSq() < 1e-6) return;
    this.controls.target.add(c);
    this.camera.position.add(c);
    this.controls.update();
    this.viewChanged = true;
  }

  private jumpTo(preset: CameraPreset): void {
    this.fly.jump(preset);
    this.onCameraChange();
  }

  private onCameraChange = (): void => {
    this.viewChanged = true;
    const s = this.sensors;
    if (s) {
      const size = Math.min(25, Math.max(0.35, this.camera.position.distanceTo(this.controls.target) * MARKER_SHARE));
      // Rescaling rewrites every marker: only when the size is off by more than 8 %.
      if (Math.abs(size / s.markerSize - 1) > 0.08) {
        s.setSize(size);
        this.alarmOverlay?.setSize(size);
        this.people?.setSize(size);
        this.robots?.setSize(size);
        this.hazards?.setSize(size);
      }
    }
    this.requestRender();
  };

  private placeSelection(): void {
    // During the warm-up frame the ring is drawn at zero size so that its shader compiles.
    if (this.alarmOverlay?.warming) return;
    this.selection.place(this.sensors, this.selected);
  }

  private resize(): void {
    const el = this.opts.canvas.parentElement ?? this.opts.canvas;
    const w = Math.max(1, el.clientWidth);
    const h = Math.max(1, el.clientHeight);
    if (w === this.width && h === this.height) return;
    this.width = w;
    this.height = h;
    this.renderer.setSize(w, h, false);
    this.camera.aspect = w / h;
    this.camera.updateProjectionMatrix();
    this.viewChanged = true;
    this.requestRender();
  }

  private onPointerMove = (e: PointerEvent): void => {
    const r = this.opts.canvas.getBoundingClientRect();
    this.pointer.x = e.clientX - r.left;
    this.pointer.y = e.clientY - r.top;
    this.pointer.inside = true;
    if (e.buttons !== 0) return;
    if (this.pointer.pending) return;
    this.pointer.pending = true;
    requestAnimationFrame(() => {
      this.pointer.pending = false;
      if (!this.pointer.inside) return;
      const { x, y } = this.pointer;
      if (this.hazards?.hover(this.camera, this.width, this.height, x, y)) return this.hoverNothing();
      // A sensor marker first, then an alarm marker (the tooltip is its tag's), then the nearest
      // sensor within a few px; over bare ground, the area's risk.
      // A person under the pointer comes before the nearest sensor within a few px.
      let index = this.pickExact(x, y);
      const alarm = index < 0 ? this.pickAlarm(x, y) : null;
      const person = index < 0 && alarm === null ? this.pickPerson(x, y) : -1;
      const robot = index < 0 && alarm === null && person < 0 ? (this.robots?.pick(this.camera, this.width, this.height, x, y, performance.now()) ?? -1) : -1;
      if (alarm !== null) index = this.opts.store.indexOf(alarm.slice(0, alarm.lastIndexOf(':')));
      else if (index < 0 && person < 0 && robot < 0) index = this.pickNear(x, y);
      this.opts.onHoverPerson?.(person >= 0 ? { index: person, x, y } : null);
      this.opts.robots?.onHover(robot >= 0 ? { index: robot, x, y } : null);
      this.opts.onHover(index >= 0 ? { index, x, y } : null);
      const area = index < 0 && alarm === null && person < 0 && robot < 0 ? this.areaAt(x, y) : null;
      this.opts.onHoverArea?.(area !== null && this.alarmOverlay?.areaRisk(area) ? { area, x, y } : null);
    });
  };

  private onPointerLeave = (): void => {
    this.pointer.inside = false;
    this.hazards?.leave();
    this.hoverNothing();
  };

  /** Off every sensor, person and area (also while over a hazard marker, which has its own tooltip). */
  private hoverNothing(): void {
    this.opts.onHover(null);
    this.opts.onHoverArea?.(null);
    this.opts.onHoverPerson?.(null);
    this.opts.robots?.onHover(null);
  }

  private onPointerDown = (e: PointerEvent): void => {
    this.pointer.downX = e.clientX;
    this.pointer.downY = e.clientY;
  };

  private onPointerUp = (e: PointerEvent): void => {
    if (e.button !== 0 || Math.hypot(e.clientX - this.pointer.downX, e.clientY - this.pointer.downY) > 4) return;
    const r = this.opts.canvas.getBoundingClientRect();
    const x = e.clientX - r.left;
    const y = e.clientY - r.top;
    if (this.hazards?.click(this.camera, this.width, this.height, x, y)) return;
    const exact = this.pickExact(x, y);
    if (exact >= 0) return this.opts.onSelect(exact);
    const alarm = this.opts.onSelectAlarm ? this.pickAlarm(x, y) : null;
    if (alarm !== null) return this.opts.onSelectAlarm!(alarm);
    const person = this.opts.onSelectPerson ? this.pickPerson(x, y) : -1;
    if (person >= 0) return this.opts.onSelectPerson!(person);
    const robot = this.robots?.pick(this.camera, this.width, this.height, x, y, performance.now()) ?? -1;
    if (robot >= 0) return this.opts.robots!.onSelect(robot);
    const index = this.pickNear(x, y);
    if (index >= 0) this.opts.onSelect(index);
  };

  /** The person under a canvas point (CSS px), or -1. */
  pickPerson(x: number, y: number): number {
    return this.people?.pick(this.camera, this.width, this.height, x, y) ?? -1;
  }

  private clearLayers(): void {
    for (const l of this.layers) {
      this.scene.remove(l.object);
      l.dispose();
    }
    this.layers = [];
    this.sensors = null;
    this.people = null;
    this.robots = null;
    this.hazards = null;
    this.alarmOverlay?.dispose();
    this.alarmOverlay = null;
    this.labels?.dispose();
    this.labels = null;
  }
}
