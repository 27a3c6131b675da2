import type { Plant } from '../plant/schema';
import type { ZoneShape } from './zones';

/**
 * Zone shapes compiled for point tests: an axis-aligned rectangle, a circle or a polygon, each
 * with its bounding box and height range. Built once from the plant model; the point tests
 * allocate nothing.
 */
export const ShapeKind = { Rect: 0, Circle: 1, Polygon: 2 } as const;
export type ShapeKindCode = (typeof ShapeKind)[keyof typeof ShapeKind];

export interface CompiledShape {
  kind: ShapeKindCode;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  /** Foot elevation range, m (±Infinity when the zone has no height limits). */
  zMin: number;
  zMax: number;
  /** Circle: centre and squared radius. */
  cx: number;
  cy: number;
  r2: number;
  /** Polygon: x0, y0, x1, y1, … (closed implicitly). */
  poly: Float64Array | null;
}

/** Equipment zones reach this far above and below the equipment itself, m. */
export const EQUIPMENT_Z_MARGIN_M = 2;

function rect(minX: number, minY: number, maxX: number, maxY: number, zMin = -Infinity, zMax = Infinity): CompiledShape {
  return { kind: ShapeKind.Rect, minX, minY, maxX, maxY, zMin, zMax, cx: 0, cy: 0, r2: 0, poly: null };
}
function circle(cx: number, cy: number, r: number, zMin = -Infinity, zMax = Infinity): CompiledShape {
  return { kind: ShapeKind.Circle, minX: cx - r, minY: cy - r, maxX: cx + r, maxY: cy + r, zMin, zMax, cx, cy, r2: r * r, poly: null };
}
function polygon(points: readonly (readonly [number, number])[], zMin = -Infinity, zMax = Infinity): CompiledShape {
  const poly = new Float64Array(points.length * 2);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  points.forEach(([x, y], i) => {
    poly[2 * i] = x;
    poly[2 * i + 1] = y;
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  });
  return { kind: ShapeKind.Polygon, minX, minY, maxX, maxY, zMin, zMax, cx: 0, cy: 0, r2: 0, poly };
}

/** The closed rectangle of an area (its footprint in the plant model). */
export function areaShape(a: Plant['areas'][number]): CompiledShape {
  return rect(a.min[0], a.min[1], a.max[0], a.max[1]);
}

/** A zone's shape in plant coordinates, or null when it names something the plant lacks. */
export function compileShape(plant: Plant, shape: ZoneShape): CompiledShape | null {
  switch (shape.type) {
    case 'area': {
      const a = plant.areas.find((x) => x.id === shape.area);
      return a ? areaShape(a) : null;
    }
    case 'building': {
      const b = plant.buildings.find((x) => x.id === shape.building);
      if (!b) return null;
      const [x, y, z] = b.position;
      const hw = b.size[0] / 2;
      const hd = b.size[1] / 2;
      const zMax = z + b.size[2];
      const rot = ((b.rotationDeg ?? 0) * Math.PI) / 180;
      if (rot === 0) return rect(x - hw, y - hd, x + hw, y + hd, z - 1, zMax);
      const c = Math.cos(rot);
      const s = Math.sin(rot);
      const local: [number, number][] = [
        [-hw, -hd],
        [hw, -hd],
        [hw, hd],
        [-hw, hd],
      ];
      const corners = local.map(([u, v]): [number, number] => [x + u * c - v * s, y + u * s + v * c]);
      return polygon(corners, z - 1, zMax);
    }
    case 'equipment': {
      const e = plant.equipment.find((x) => x.id === shape.equipment);
      if (!e) return null;
      const [x, y, z] = e.position;
      const m = shape.marginM;
      const s = e.shape;
      const height = s.type === 'box' ? s.size[2] : s.type === 'cylinder' ? s.height : 2 * s.radius;
      const zMin = z - EQUIPMENT_Z_MARGIN_M;
      const zMax = z + height + EQUIPMENT_Z_MARGIN_M;
      if (s.type === 'box') return rect(x - s.size[0] / 2 - m, y - s.size[1] / 2 - m, x + s.size[0] / 2 + m, y + s.size[1] / 2 + m, zMin, zMax);
      return circle(x, y, s.radius + m, zMin, zMax);
    }
    case 'rect':
      return rect(shape.min[0], shape.min[1], shape.max[0], shape.max[1], shape.zMin ?? -Infinity, shape.zMax ?? Infinity);
    case 'circle':
      return circle(shape.center[0], shape.center[1], shape.radiusM);
    case 'polygon':
      return polygon(shape.points);
  }
}

/** Whether (x, y, z) lies in the shape: closed boundaries; polygons by the even-odd rule. */
export function insideShape(s: CompiledShape, x: number, y: number, z: number): boolean {
  if (x < s.minX || x > s.maxX || y < s.minY || y > s.maxY || z < s.zMin || z > s.zMax) return false;
  if (s.kind === ShapeKind.Rect) return true;
  if (s.kind === ShapeKind.Circle) {
    const dx = x - s.cx;
    const dy = y - s.cy;
    return dx * dx + dy * dy <= s.r2;
  }
  const p = s.poly!;
  const n = p.length >> 1;
  let inside = false;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const yi = p[2 * i + 1]!;
    const yj = p[2 * j + 1]!;
    if (yi > y !== yj > y) {
      const xi = p[2 * i]!;
      const xj = p[2 * j]!;
      if (x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}
