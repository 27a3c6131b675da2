import {
  BufferGeometry,
  Color,
  ConeGeometry,
  DoubleSide,
  Group,
  InstancedMesh,
  LineBasicMaterial,
  LineSegments,
  Matrix4,
  Mesh,
  MeshBasicMaterial,
  MeshLambertMaterial,
  Quaternion,
  Shape,
  ShapeGeometry,
  ShapeUtils,
  Vector2,
  Vector3,
  type Camera,
} from 'three';
import type { IncidentZones } from '../../../../shared/incident/threat';
import type { IncidentFeed } from '../../incident/incidentFeed';
import { disposeTree, type MapLayer } from './MapLayer';
import { writeColoured } from './growAttributes';

/** Fill colours of the bands (translucent) and their outlines (opaque, darker: read at a glance over grey). */
export const bandColours = { red: 0xe0201b, orange: 0xf5820d, yellow: 0xf6d10e } as const;
const outlineColours = { red: 0x9e0f0b, orange: 0xb25505, yellow: 0x9c8200 } as const;
/** Outer bands first so that the inner ones blend over them. */
const drawOrder = ['yellow', 'orange', 'red'] as const;
const FILL_Y = 0.7;
const LINE_Y = 0.9;
const FILL_OPACITY = 0.34;
/** Wind arrow: length and how far upwind of the source it ends, m. */
const ARROW_LEN = 48;
const ARROW_GAP = 14;
const MAX_INCIDENTS = 16;
/** The label is placed this far upwind of the source, m (beyond the wind arrow's tail). */
const LABEL_UPWIND = 70;
/** Labels stay this far below the top of the map (the flood banner overlays it), CSS px. */
const LABEL_TOP = 40;

export interface ThreatLabelText {
  /** "估算" / "Estimate": every zone is a screening estimate. */
  estimate: string;
  /** Chemical, rate, wind and stability in one line. */
  detail: string;
  /** Dense-gas and calm-wind warnings, in the console's language. */
  warnings: string[];
}

export interface ThreatLayerOptions {
  feed: IncidentFeed;
  /** Element over the canvas for the labels (none in tests). */
  overlay?: HTMLElement;
  describe: (z: IncidentZones) => ThreatLabelText;
  onChange: () => void;
}

const m = new Matrix4();
const q = new Quaternion();
const up = new Vector3(0, 1, 0);
const pos = new Vector3();
const scl = new Vector3();
const col = new Color();
const zero = new Matrix4().makeScale(0, 0, 0);
const proj = new Vector3();

/**
 * Each open incident's threat zones on the ground: every band of every incident in ONE
 * translucent mesh with vertex colours (red over orange over yellow), their outlines in one
 * line set, the release sources in one instanced mesh and the wind arrows (upwind of the
 * source, pointing downwind) in another — four draw calls whatever the number of incidents,
 * also with none. Rebuilt only when `incident.zones.changed` arrives (a new source or a wind
 * change); nothing is allocated per frame. Each incident also gets an HTML label at its source
 * that says the zones are an estimate, with the dense-gas warning when the server gives one.
 */
export class ThreatLayer implements MapLayer {
  readonly object = new Group();
  readonly fill: Mesh;
  readonly outline: LineSegments;
  readonly sources: InstancedMesh;
  readonly arrows: InstancedMesh;
  /** Incidents drawn, in instance order (labels follow it). */
  ids: string[] = [];
  private anchors: Vector3[] = [];
  /** A point upwind of each source: the label sits on that side, off the plume. */
  private upwind: Vector3[] = [];
  private labels: HTMLDivElement[] = [];
  private drawn: Readonly<Record<string, IncidentZones>> | null = null;
  /** The incidents the drawn zones were filtered with: a closing incident takes its zones off the map. */
  private drawnIncidents: unknown = null;
  private readonly unsubscribe: () => void;

  constructor(private readonly opts: ThreatLayerOptions) {
    this.fill = new Mesh(new BufferGeometry(), new MeshBasicMaterial({ vertexColors: true, transparent: true, opacity: FILL_OPACITY, depthWrite: false, side: DoubleSide, polygonOffset: true, polygonOffsetFactor: -2, polygonOffsetUnits: -2 }));
    this.fill.name = 'threat-zones';
    this.outline = new LineSegments(new BufferGeometry(), new LineBasicMaterial({ vertexColors: true }));
    this.outline.name = 'threat-outlines';
    this.sources = new InstancedMesh(new ConeGeometry(2.6, 7, 12).rotateX(Math.PI).translate(0, 3.5, 0), new MeshLambertMaterial({ color: 0x6b0a0a }), MAX_INCIDENTS);
    this.sources.name = 'threat-sources';
    this.arrows = new InstancedMesh(arrowGeometry(), new MeshBasicMaterial({ color: 0x14181c, side: DoubleSide }), MAX_INCIDENTS);
    this.arrows.name = 'wind-arrows';
    for (const o of [this.fill, this.outline, this.sources, this.arrows]) o.frustumCulled = false;
    // Labels follow the camera: placed just before the zones are drawn (the camera is given there).
    this.fill.onBeforeRender = (_r, _s, camera) => this.placeLabels(camera);
    this.object.add(this.fill, this.outline, this.sources, this.arrows);
    this.unsubscribe = opts.feed.subscribe(() => this.refresh());
    this.refresh();
  }

  /** Rebuilds from the feed when its zones changed; true when it did. */
  refresh(): boolean {
    const zones = this.opts.feed.zones();
    const incidents = this.opts.feed.incidents();
    if (zones === this.drawn && incidents === this.drawnIncidents) return false;
    this.drawn = zones;
    this.drawnIncidents = incidents;
    const list = Object.values(zones)
      .filter((z) => incidents[z.incidentId]?.state !== 'closed')
      .sort((a, b) => a.incidentId.localeCompare(b.incidentId))
      .slice(0, MAX_INCIDENTS);
    const tri: number[] = [];
    const triCol: number[] = [];
    const line: number[] = [];
    const lineCol: number[] = [];
    for (const z of list) {
      for (const band of drawOrder) {
        const zone = z.zones.find((b) => b.band === band);
        const poly = zone ? openRing(zone.polygon) : [];
        if (poly.length < 3) continue;
        col.setHex(bandColours[band]);
        const contour = poly.map(([x, y]) => new Vector2(x, y));
        for (const face of ShapeUtils.triangulateShape(contour, [])) {
          for (const k of face) {
            const p = poly[k]!;
            tri.push(p[0], FILL_Y, -p[1]);
            triCol.push(col.r, col.g, col.b);
          }
        }
        col.setHex(outlineColours[band]);
        for (let i = 0; i < poly.length; i++) {
          const a = poly[i]!;
          const b = poly[(i + 1) % poly.length]!;
          line.push(a[0], LINE_Y, -a[1], b[0], LINE_Y, -b[1]);
          lineCol.push(col.r, col.g, col.b, col.r, col.g, col.b);
        }
      }
    }
    // An empty layer keeps one degenerate triangle and segment: the draw calls never depend on the data.
    if (tri.length === 0) {
      tri.push(0, -1e4, 0, 0, -1e4, 0, 0, -1e4, 0);
      triCol.push(0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
    if (line.length === 0) {
      line.push(0, -1e4, 0, 0, -1e4, 0);
      lineCol.push(0, 0, 0, 0, 0, 0);
    }
    writeColoured(this.fill.geometry, tri, triCol);
    writeColoured(this.outline.geometry, line, lineCol);
    this.placeMarkers(list);
    this.syncLabels(list);
    this.opts.onChange();
    return true;
  }

  private placeMarkers(list: readonly IncidentZones[]): void {
    this.ids = list.map((z) => z.incidentId);
    this.anchors = list.map((z) => new Vector3(z.source.position[0], z.source.position[2] + 8, -z.source.position[1]));
    this.upwind = list.map((z) => {
      const th = (z.wind.fromDeg * Math.PI) / 180;
      return new Vector3(z.source.position[0] + Math.sin(th) * LABEL_UPWIND, 2, -(z.source.position[1] + Math.cos(th) * LABEL_UPWIND));
    });
    this.sources.count = Math.max(1, list.length);
    this.arrows.count = Math.max(1, list.length);
    this.sources.setMatrixAt(0, zero);
    this.arrows.setMatrixAt(0, zero);
    list.forEach((z, i) => {
      const [sx, sy] = z.source.position;
      m.makeTranslation(sx, 0, -sy);
      this.sources.setMatrixAt(i, m);
      // Downwind unit vector in plant coordinates: the wind blows FROM fromDeg (clockwise from north).
      const th = (z.wind.fromDeg * Math.PI) / 180;
      const dx = -Math.sin(th);
      const dy = -Math.cos(th);
      const back = ARROW_GAP + ARROW_LEN;
      pos.set(sx - dx * back, LINE_Y + 0.2, -(sy - dy * back));
      q.setFromAxisAngle(up, Math.atan2(dy, dx));
      scl.set(ARROW_LEN, 1, ARROW_LEN);
      this.arrows.setMatrixAt(i, m.compose(pos, q, scl));
    });
    this.sources.instanceMatrix.needsUpdate = true;
    this.arrows.instanceMatrix.needsUpdate = true;
  }

  private syncLabels(list: readonly IncidentZones[]): void {
    const overlay = this.opts.overlay;
    if (!overlay) return;
    while (this.labels.length > list.length) this.labels.pop()!.remove();
    while (this.labels.length < list.length) {
      const el = document.createElement('div');
      el.className = 'threat-label';
      el.dataset.testid = 'threat-label';
      overlay.appendChild(el);
      this.labels.push(el);
    }
    list.forEach((z, i) => {
      const el = this.labels[i]!;
      const t = this.opts.describe(z);
      el.dataset.incident = z.incidentId;
      el.replaceChildren();
      const head = document.createElement('strong');
      head.textContent = `⚠ ${t.estimate}`;
      const detail = document.createElement('span');
      detail.textContent = t.detail;
      el.append(head, detail);
      for (const w of t.warnings) {
        const warn = document.createElement('em');
        warn.textContent = w;
        el.append(warn);
      }
    });
  }

  /**
   * Puts each label on the upwind side of its source (CSS px of the overlay), extending away
   * from the plume so that it never hides the bands; kept inside the map; hidden off screen.
   */
  placeLabels(camera: Camera): void {
    const overlay = this.opts.overlay;
    if (!overlay || this.labels.length === 0) return;
    const w = overlay.clientWidth;
    const h = overlay.clientHeight;
    for (let i = 0; i < this.labels.length; i++) {
      const el = this.labels[i]!;
      const a = this.anchors[i];
      const u = this.upwind[i];
      if (!a || !u) continue;
      proj.copy(a).project(camera);
      const off = proj.z > 1 || proj.x < -1 || proj.x > 1 || proj.y < -1 || proj.y > 1;
      el.style.display = off ? 'none' : '';
      if (off) continue;
      const sx = ((proj.x + 1) / 2) * w;
      const sy = ((1 - proj.y) / 2) * h;
      proj.copy(u).project(camera);
      const ux = ((proj.x + 1) / 2) * w;
      const uy = ((1 - proj.y) / 2) * h;
      const width = el.offsetWidth;
      const height = el.offsetHeight;
      let x: number;
      let y: number;
      if (Math.abs(ux - sx) < 0.5 * Math.abs(uy - sy)) {
        // The plume runs up or down the screen: beside the source, on its left.
        x = sx - width - 24;
        y = sy - height / 2;
      } else {
        // Upwind is to the left: the label ends there; to the right: it starts there.
        x = ux < sx ? ux - width : ux;
        y = uy - height / 2;
      }
      // Inside the map, below the banner strip that may overlay its top.
      el.style.transform = `translate(${Math.round(Math.max(0, Math.min(x, w - width - 4)))}px, ${Math.round(Math.max(LABEL_TOP, Math.min(y, h - height - 4)))}px)`;
    }
  }

  /** The labels' texts follow the console's language. */
  relabel(): void {
    this.drawn = null;
    this.drawnIncidents = null;
    this.refresh();
  }

  dispose(): void {
    this.unsubscribe();
    for (const el of this.labels) el.remove();
    this.labels = [];
    disposeTree(this.object);
  }
}

/** The polygon without its closing vertex (the outline is closed; triangulation wants it open). */
function openRing(p: readonly (readonly [number, number])[]): (readonly [number, number])[] {
  if (p.length > 1 && p[0]![0] === p[p.length - 1]![0] && p[0]![1] === p[p.length - 1]![1]) return p.slice(0, -1);
  return p.slice();
}

/** A flat arrow one unit long along +x in the ground plane (tail at the origin), scaled per instance. */
function arrowGeometry(): ShapeGeometry {
  const s = new Shape();
  s.moveTo(0, -0.05);
  s.lineTo(0.62, -0.05);
  s.lineTo(0.62, -0.16);
  s.lineTo(1, 0);
  s.lineTo(0.62, 0.16);
  s.lineTo(0.62, 0.05);
  s.lineTo(0, 0.05);
  s.closePath();
  // Shape is in x/y: lay it on the ground (x/−z) so that +x stays +x and the arrow faces up.
  return new ShapeGeometry(s).rotateX(-Math.PI / 2);
}
