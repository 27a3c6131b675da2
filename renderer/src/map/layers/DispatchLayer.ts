import { BoxGeometry, BufferGeometry, Color, CylinderGeometry, DoubleSide, Group, InstancedMesh, Matrix4, Mesh, MeshBasicMaterial, MeshLambertMaterial, Vector3, type Camera } from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import type { DispatchRecord } from '../../../../shared/incident/resources';
import { dispatchOnMap, dispatchPositionAt } from '../../incident/dispatchPosition';
import type { IncidentFeed } from '../../incident/incidentFeed';
import { disposeTree, type MapLayer } from './MapLayer';
import { writeColoured } from './growAttributes';

/** En route: a strong teal that no alarm or band uses; on scene: green. */
export const dispatchColours = { en_route: 0x0b8f8f, arrived: 0x1f8a3a } as const;
const ROUTE_Y = 1.1;
const ROUTE_HALF_WIDTH = 1.8;
const MAX_UNITS = 64;
/** How often moving units are re-placed, ms (positions come from the route and the clock: no lane). */
export const MOVE_MS = 250;

export interface DispatchLabelText {
  /** Unit name and the ETA countdown or "arrived". */
  text(d: DispatchRecord, now: number): string;
}

export interface DispatchLayerOptions {
  feed: IncidentFeed;
  overlay?: HTMLElement;
  /** The data source's clock. */
  now: () => number;
  label: DispatchLabelText;
  onChange: () => void;
  /** Timer hooks (tests pass manual ones). */
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (id: unknown) => void;
}

const m = new Matrix4();
const c = new Color();
const zero = new Matrix4().makeScale(0, 0, 0);
const at = { x: 0, y: 0 };
const proj = new Vector3();

/**
 * Dispatched units (docs/incidents.md §Dispatch): each route as a flat ribbon on the roads (all
 * in one mesh with vertex colours) and each unit as one instance of ONE instanced marker (a
 * block on a pole, seen from afar) — two draw calls whatever the number, also with none. A
 * unit's position is interpolated from its route, `routeTimesS` and `departedAt` with the data
 * source's clock (dispatchPositionAt), re-placed every MOVE_MS while any unit is en route and
 * never otherwise; nothing is allocated when it moves. An HTML label per unit gives its name
 * and ETA or arrival.
 */
export class DispatchLayer implements MapLayer {
  readonly object = new Group();
  readonly routes: Mesh;
  readonly units: InstancedMesh;
  /** Dispatches drawn, in instance order. */
  shown: DispatchRecord[] = [];
  private labels: HTMLDivElement[] = [];
  private drawn: unknown = null;
  private drawnIncidents: unknown = null;
  private timer: unknown = null;
  private readonly unsubscribe: () => void;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (id: unknown) => void;

  constructor(private readonly opts: DispatchLayerOptions) {
    this.setTimer = opts.setInterval ?? ((fn, ms) => setInterval(fn, ms));
    this.clearTimer = opts.clearInterval ?? ((id) => clearInterval(id as ReturnType<typeof setInterval>));
    this.routes = new Mesh(new BufferGeometry(), new MeshBasicMaterial({ vertexColors: true, transparent: true, opacity: 0.85, side: DoubleSide, depthWrite: false, polygonOffset: true, polygonOffsetFactor: -3, polygonOffsetUnits: -3 }));
    this.routes.name = 'dispatch-routes';
    this.units = new InstancedMesh(unitGeometry(), new MeshLambertMaterial({ color: 0xffffff }), MAX_UNITS);
    this.units.name = 'dispatch-units';
    for (const o of [this.routes, this.units]) o.frustumCulled = false;
    this.units.onBeforeRender = (_r, _s, camera) => this.placeLabels(camera);
    this.object.add(this.routes, this.units);
    this.unsubscribe = opts.feed.subscribe(() => this.refresh());
    this.refresh();
  }

  /** Rebuilds routes and units when the dispatches changed. */
  refresh(): void {
    const all = this.opts.feed.dispatches();
    const incidents = this.opts.feed.incidents();
    if (all === this.drawn && incidents === this.drawnIncidents) return;
    this.drawn = all;
    this.drawnIncidents = incidents;
    // A closed incident's units are stood down: its routes and markers leave the map with it.
    this.shown = Object.values(all)
      .filter((d) => dispatchOnMap(d) && incidents[d.incidentId]?.state !== 'closed')
      .sort((a, b) => a.id.localeCompare(b.id))
      .slice(0, MAX_UNITS);
    const tri: number[] = [];
    const col: number[] = [];
    for (const d of this.shown) {
      c.setHex(dispatchColours[d.state === 'arrived' ? 'arrived' : 'en_route']);
      ribbon(d.route, tri);
      while (col.length < tri.length) col.push(c.r, c.g, c.b);
    }
    if (tri.length === 0) {
      tri.push(0, -1e4, 0, 0, -1e4, 0, 0, -1e4, 0);
      col.push(0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
    writeColoured(this.routes.geometry, tri, col);
    this.units.count = Math.max(1, this.shown.length);
    this.units.setMatrixAt(0, zero);
    this.shown.forEach((d, i) => this.units.setColorAt(i, c.setHex(dispatchColours[d.state === 'arrived' ? 'arrived' : 'en_route'])));
    if (this.units.instanceColor) this.units.instanceColor.needsUpdate = true;
    this.syncLabels();
    this.move();
    const moving = this.shown.some((d) => d.state === 'en_route');
    if (moving && this.timer === null) this.timer = this.setTimer(() => this.move(), MOVE_MS);
    if (!moving && this.timer !== null) {
      this.clearTimer(this.timer);
      this.timer = null;
    }
  }

  /** Places every unit at its interpolated position for the clock's now, and asks for a frame. */
  move(): void {
    const now = this.opts.now();
    for (let i = 0; i < this.shown.length; i++) {
      const d = this.shown[i]!;
      dispatchPositionAt(d, now, at);
      this.units.setMatrixAt(i, m.makeTranslation(at.x, 0, -at.y));
    }
    this.units.instanceMatrix.needsUpdate = true;
    for (let i = 0; i < this.labels.length; i++) {
      const d = this.shown[i]!;
      const text = this.opts.label.text(d, now);
      const el = this.labels[i]!;
      if (el.textContent !== text) el.textContent = text;
      el.dataset.state = d.state;
    }
    this.opts.onChange();
  }

  /** Where a drawn unit is now, plant [x, y], or null. */
  positionOf(id: string): [number, number] | null {
    const d = this.shown.find((x) => x.id === id);
    if (!d) return null;
    dispatchPositionAt(d, this.opts.now(), at);
    return [at.x, at.y];
  }

  private syncLabels(): void {
    const overlay = this.opts.overlay;
    if (!overlay) return;
    while (this.labels.length > this.shown.length) this.labels.pop()!.remove();
    while (this.labels.length < this.shown.length) {
      const el = document.createElement('div');
      el.className = 'dispatch-label';
      el.dataset.testid = 'dispatch-label';
      overlay.appendChild(el);
      this.labels.push(el);
    }
    this.shown.forEach((d, i) => (this.labels[i]!.dataset.dispatch = d.id));
  }

  private placeLabels(camera: Camera): void {
    const overlay = this.opts.overlay;
    if (!overlay || this.labels.length === 0) return;
    const w = overlay.clientWidth;
    const h = overlay.clientHeight;
    for (let i = 0; i < this.labels.length; i++) {
      this.units.getMatrixAt(i, m);
      proj.setFromMatrixPosition(m);
      proj.y += 9;
      proj.project(camera);
      const el = this.labels[i]!;
      const off = proj.z > 1 || proj.x < -1 || proj.x > 1 || proj.y < -1 || proj.y > 1;
      el.style.display = off ? 'none' : '';
      if (!off) el.style.transform = `translate(${Math.round(((proj.x + 1) / 2) * w) + 8}px, ${Math.round(((1 - proj.y) / 2) * h) - 10}px)`;
    }
  }

  dispose(): void {
    this.unsubscribe();
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    for (const el of this.labels) el.remove();
    this.labels = [];
    disposeTree(this.object);
  }
}

/** A flat band along a polyline (two triangles a leg, ground level), appended to `out`. */
function ribbon(route: readonly (readonly [number, number])[], out: number[]): void {
  for (let i = 0; i + 1 < route.length; i++) {
    const a = route[i]!;
    const b = route[i + 1]!;
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len = Math.hypot(dx, dy);
    if (len < 1e-6) continue;
    const nx = (-dy / len) * ROUTE_HALF_WIDTH;
    const ny = (dx / len) * ROUTE_HALF_WIDTH;
    const p = (x: number, y: number): void => void out.push(x, ROUTE_Y, -y);
    p(a[0] + nx, a[1] + ny);
    p(a[0] - nx, a[1] - ny);
    p(b[0] + nx, b[1] + ny);
    p(b[0] + nx, b[1] + ny);
    p(a[0] - nx, a[1] - ny);
    p(b[0] - nx, b[1] - ny);
  }
}

/** A block on a pole, base at the origin, tall enough to be seen over tanks from the overview. */
function unitGeometry(): BufferGeometry {
  const body = new BoxGeometry(5, 3, 5).translate(0, 9, 0);
  const pole = new CylinderGeometry(0.35, 0.35, 8, 6).translate(0, 4, 0);
  const merged = mergeGeometries([body.toNonIndexed(), pole.toNonIndexed()]);
  body.dispose();
  pole.dispose();
  return merged;
}
