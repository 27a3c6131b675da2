import type { Area, Building, Chemical, Equipment, LocalText, Tag, TagKind, Vec2, Vec3 } from '../../../shared/plant/schema';
import { DESIGN_KEYS } from '../designKeys';

/** Rounds to centimetres so that generated files carry no floating-point noise. */
export const r2 = (v: number): number => Math.round(v * 100) / 100;
export const v3 = (x: number, y: number, z: number): Vec3 => [r2(x), r2(y), r2(z)];

/** Axis-aligned 3D box, [min, max]. */
export type Box3 = [Vec3, Vec3];

/**
 * The space an equipment item takes. `position` is the base centre at its base height; a
 * sphere's centre is therefore `radius` above `position[2]`.
 */
export function equipmentBox(e: Pick<Equipment, 'position' | 'shape'>): Box3 {
  const [x, y, z] = e.position;
  const s = e.shape;
  if (s.type === 'box') return [[x - s.size[0] / 2, y - s.size[1] / 2, z], [x + s.size[0] / 2, y + s.size[1] / 2, z + s.size[2]]];
  const r = s.radius;
  const h = s.type === 'cylinder' ? s.height : 2 * r;
  return [[x - r, y - r, z], [x + r, y + r, z + h]];
}

export function buildingBox(b: Pick<Building, 'position' | 'size'>): Box3 {
  const [x, y, z] = b.position;
  const [w, d, h] = b.size;
  return [[x - w / 2, y - d / 2, z], [x + w / 2, y + d / 2, z + h]];
}

/** True when the boxes share volume (touching faces do not count). */
export function boxesOverlap(a: Box3, b: Box3): boolean {
  for (let i = 0; i < 3; i++) if (a[0][i]! >= b[1][i]! || b[0][i]! >= a[1][i]!) return false;
  return true;
}

/** True when `p` lies strictly inside the equipment's solid (not merely its bounding box). */
export function insideSolid(p: Vec3, e: Pick<Equipment, 'position' | 'shape'>): boolean {
  const [x, y, z] = e.position;
  const s = e.shape;
  if (s.type === 'box') return Math.abs(p[0] - x) < s.size[0] / 2 && Math.abs(p[1] - y) < s.size[1] / 2 && p[2] > z && p[2] < z + s.size[2];
  if (s.type === 'cylinder') return Math.hypot(p[0] - x, p[1] - y) < s.radius && p[2] > z && p[2] < z + s.height;
  return Math.hypot(p[0] - x, p[1] - y, p[2] - z - s.radius) < s.radius;
}

/**
 * Moves a point that lies inside the equipment out to 0.3 m beyond its surface (radially for
 * round shapes, through the nearest side face for boxes), so that sensor markers stay visible.
 */
export function outsideSolid(p: Vec3, e: Pick<Equipment, 'position' | 'shape'>): Vec3 {
  if (!insideSolid(p, e)) return p;
  const [x, y, z] = e.position;
  const s = e.shape;
  const gap = 0.3;
  if (s.type === 'box') {
    const dx = p[0] - x;
    const dy = p[1] - y;
    if (s.size[0] / 2 - Math.abs(dx) < s.size[1] / 2 - Math.abs(dy)) return [x + Math.sign(dx || 1) * (s.size[0] / 2 + gap), p[1], p[2]];
    return [p[0], y + Math.sign(dy || 1) * (s.size[1] / 2 + gap), p[2]];
  }
  const cz = s.type === 'sphere' ? z + s.radius : p[2];
  let v: Vec3 = [p[0] - x, p[1] - y, s.type === 'sphere' ? p[2] - cz : 0];
  const len = Math.hypot(...v);
  if (len < 1e-6) v = [1, 0, 0];
  const k = (s.radius + gap) / (Math.hypot(...v) || 1);
  return [x + v[0] * k, y + v[1] * k, s.type === 'sphere' ? cz + v[2] * k : p[2]];
}

export function insideFootprint(p: Vec2 | Vec3, box: Box3): boolean {
  return p[0] >= box[0][0] && p[0] <= box[1][0] && p[1] >= box[0][1] && p[1] <= box[1][1];
}

/** What one instrument on an equipment item measures; the id becomes `<equipment>.<code>`. */
export interface TagSpec {
  code: string;
  kind: TagKind;
  /** What is measured, without the equipment id: { zh: '釜内温度', en: 'bulk temperature' }. */
  label: LocalText;
  unit: string;
  range: [number, number];
  limits: { hh?: number; h?: number; l?: number; ll?: number };
  source: string;
  /** Normal operating value; stored as `equipment.design[DESIGN_KEYS[kind][code]]`. */
  normal: number;
  /** Offset of the sensor from the equipment's base centre. */
  at?: Vec3;
  periodMs?: number;
  chemical?: string;
}

export interface AreaSpec {
  id: string;
  name: LocalText;
  kind: Area['kind'];
  min: Vec2;
  max: Vec2;
}

export type EquipmentSpec = Omit<Equipment, 'releaseSources' | 'design'> & {
  releaseSources?: Vec3[];
  design?: Record<string, number>;
  /** Set for items meant to stand inside a building (racks, compressors in their house). */
  indoor?: boolean;
};

/**
 * Accumulates a plant and refuses what would make it wrong: equipment outside its area,
 * overlapping other equipment or a building, unknown areas or chemicals, duplicate ids.
 * Insertion order is output order, so the same calls give the same files.
 */
export class PlantBuilder {
  readonly areas: Area[] = [];
  readonly buildings: Building[] = [];
  readonly equipment: Equipment[] = [];
  readonly tags: Tag[] = [];
  private readonly tagIds = new Set<string>();
  private readonly tagSpots = new Set<string>();
  private readonly indoor = new Set<string>();

  constructor(readonly chemicals: readonly Chemical[]) {}

  chemical(id: string): Chemical {
    const c = this.chemicals.find((ch) => ch.id === id);
    if (!c) throw new Error(`unknown chemical ${id}`);
    return c;
  }

  area(spec: AreaSpec): Area {
    if (this.areas.some((a) => a.id === spec.id)) throw new Error(`duplicate area ${spec.id}`);
    const cx = (spec.min[0] + spec.max[0]) / 2;
    const cy = (spec.min[1] + spec.max[1]) / 2;
    const size = Math.max(spec.max[0] - spec.min[0], spec.max[1] - spec.min[1]);
    // Looking north-east over the area from its south-west, high enough to see all of it.
    const area: Area = {
      ...spec,
      camera: { position: v3(cx - 0.45 * size, cy - 0.95 * size, 0.75 * size + 20), target: v3(cx, cy, 0) },
    };
    this.areas.push(area);
    return area;
  }

  getArea(id: string): Area {
    const a = this.areas.find((x) => x.id === id);
    if (!a) throw new Error(`unknown area ${id}`);
    return a;
  }

  building(b: Omit<Building, 'rotationDeg'>): Building {
    const area = this.getArea(b.area);
    const box = buildingBox(b);
    this.assertInArea(b.id, box, area);
    for (const o of this.buildings) if (boxesOverlap(box, buildingBox(o))) throw new Error(`${b.id} overlaps building ${o.id}`);
    for (const e of this.equipment) if (boxesOverlap(box, equipmentBox(e))) throw new Error(`${b.id} overlaps equipment ${e.id}`);
    const out: Building = { ...b, position: v3(...b.position), size: v3(...b.size), rotationDeg: 0 };
    this.buildings.push(out);
    return out;
  }

  equip(spec: EquipmentSpec): Equipment {
    const { indoor, ...rest } = spec;
    const area = this.getArea(spec.area);
    if (this.equipment.some((e) => e.id === spec.id)) throw new Error(`duplicate equipment ${spec.id}`);
    if (spec.chemical !== undefined) this.chemical(spec.chemical);
    const eq: Equipment = {
      ...rest,
      position: v3(...spec.position),
      releaseSources: (spec.releaseSources ?? []).map((p) => v3(...p)),
      design: spec.design ?? {},
    };
    const box = equipmentBox(eq);
    this.assertInArea(eq.id, box, area);
    for (const o of this.equipment) if (boxesOverlap(box, equipmentBox(o))) throw new Error(`${eq.id} overlaps ${o.id}`);
    const host = this.buildings.find((b) => boxesOverlap(box, buildingBox(b)));
    if (host && !indoor) throw new Error(`${eq.id} overlaps building ${host.id}`);
    if (indoor && !host) throw new Error(`${eq.id} is marked indoor but stands in no building`);
    if (indoor) this.indoor.add(eq.id);
    const hit = this.tags.find((t) => (t.kind === 'gas_combustible' || t.kind === 'gas_toxic') && insideSolid(t.position, eq));
    if (hit) throw new Error(`${eq.id} would swallow detector ${hit.id}`);
    this.equipment.push(eq);
    return eq;
  }

  /** True when a point lies inside any equipment placed so far. */
  blocked(p: Vec3): boolean {
    return this.equipment.some((e) => insideSolid(p, e));
  }

  /** True for equipment placed inside a building: gas detection uses the enclosed spacing. */
  isIndoor(equipmentId: string): boolean {
    return this.indoor.has(equipmentId);
  }

  /** Adds `<eq.id>.<code>` with its position offset from the equipment base. */
  tag(eq: Equipment, spec: TagSpec): Tag {
    const key = DESIGN_KEYS[eq.kind]?.[spec.code];
    if (key === undefined) throw new Error(`${eq.id}.${spec.code}: no design key for a ${eq.kind} ${spec.code} (server/plant/designKeys.ts)`);
    const prev = eq.design[key];
    if (prev !== undefined && prev !== spec.normal) throw new Error(`${eq.id}.${spec.code}: design.${key} is already ${prev}`);
    eq.design[key] = spec.normal;
    const { l, ll, h, hh } = spec.limits;
    if ((h !== undefined && spec.normal >= h) || (l !== undefined && spec.normal <= l)) {
      throw new Error(`${eq.id}.${spec.code}: normal ${spec.normal} is not inside its alarm limits`);
    }
    if ([l, ll, h, hh].some((v) => v !== undefined && (v < spec.range[0] || v > spec.range[1]))) {
      throw new Error(`${eq.id}.${spec.code}: a limit lies outside the range`);
    }
    const at = spec.at ?? [0, 0, 1.5];
    return this.rawTag({
      id: `${eq.id}.${spec.code}`,
      name: { zh: `${eq.id} ${spec.label.zh}`, en: `${eq.id} ${spec.label.en}` },
      area: eq.area,
      equipment: eq.id,
      kind: spec.kind,
      unit: spec.unit,
      range: { lo: spec.range[0], hi: spec.range[1] },
      position: outsideSolid([eq.position[0] + at[0], eq.position[1] + at[1], eq.position[2] + at[2]], eq),
      periodMs: spec.periodMs ?? 1000,
      ...(spec.chemical !== undefined ? { chemical: spec.chemical } : {}),
      limits: { ...spec.limits, source: spec.source },
    });
  }

  /** Adds a fully formed tag (detectors, building instruments, met station). */
  rawTag(t: Tag): Tag {
    if (this.tagIds.has(t.id)) throw new Error(`duplicate tag ${t.id}`);
    this.getArea(t.area);
    this.tagIds.add(t.id);
    const spot = v3(...t.position).join(',');
    if (this.tagSpots.has(spot)) throw new Error(`tag ${t.id} sits exactly where another tag is (${spot})`);
    this.tagSpots.add(spot);
    // Fixed key order keeps the files stable and readable.
    const out: Tag = {
      id: t.id,
      name: t.name,
      area: t.area,
      ...(t.equipment !== undefined ? { equipment: t.equipment } : {}),
      kind: t.kind,
      unit: t.unit,
      range: t.range,
      position: v3(...t.position),
      periodMs: t.periodMs,
      ...(t.chemical !== undefined ? { chemical: t.chemical } : {}),
      ...(t.group !== undefined ? { group: t.group } : {}),
      limits: orderLimits(t.limits),
    };
    this.tags.push(out);
    return out;
  }

  private assertInArea(id: string, box: Box3, area: Area): void {
    if (box[0][0] < area.min[0] || box[0][1] < area.min[1] || box[1][0] > area.max[0] || box[1][1] > area.max[1]) {
      throw new Error(`${id} is not inside area ${area.id}`);
    }
  }
}

function orderLimits(l: Tag['limits']): Tag['limits'] {
  return {
    ...(l.hh !== undefined ? { hh: l.hh } : {}),
    ...(l.h !== undefined ? { h: l.h } : {}),
    ...(l.l !== undefined ? { l: l.l } : {}),
    ...(l.ll !== undefined ? { ll: l.ll } : {}),
    source: l.source,
  };
}

export const txt = (zh: string, en: string): LocalText => ({ zh, en });
