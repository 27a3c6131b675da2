import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Building, Equipment, Plant, Tag } from '../../shared/plant/schema';
import { plantSchema } from '../../shared/plant/schema';
import { DESIGN_KEYS } from './designKeys';
import { loadPlant } from './loadPlant';
import { REFERENCE_PLANT_DIR, STANDARDS_DIR } from './testing/plantPaths';

// The checks here read the standards data themselves and do their own geometry, so that a
// generator bug cannot hide behind the generator's own helpers.
const placement = JSON.parse(readFileSync(path.join(STANDARDS_DIR, 'gas-detector-placement.json'), 'utf8')) as {
  spacingM: Record<'outdoorCombustible' | 'outdoorToxic' | 'enclosedCombustible' | 'enclosedToxic', { value: number }>;
  mountingM: Record<'heavyAboveGradeMin' | 'heavyAboveGradeMax', { value: number }>;
};
const setpoints = JSON.parse(readFileSync(path.join(STANDARDS_DIR, 'gas-setpoints.json'), 'utf8')) as {
  combustible: Record<'firstPctLel' | 'secondPctLel', { value: number }>;
  toxic: Record<'firstPctOel' | 'secondPctOel', { value: number }>;
};

type Box = { min: [number, number, number]; max: [number, number, number] };
function eqBox(e: Equipment): Box {
  const [x, y, z] = e.position;
  const s = e.shape;
  if (s.type === 'box') return { min: [x - s.size[0] / 2, y - s.size[1] / 2, z], max: [x + s.size[0] / 2, y + s.size[1] / 2, z + s.size[2]] };
  const h = s.type === 'sphere' ? 2 * s.radius : s.height;
  return { min: [x - s.radius, y - s.radius, z], max: [x + s.radius, y + s.radius, z + h] };
}
function bBox(b: Building): Box {
  const [x, y, z] = b.position;
  return { min: [x - b.size[0] / 2, y - b.size[1] / 2, z], max: [x + b.size[0] / 2, y + b.size[1] / 2, z + b.size[2]] };
}
/** Strictly inside the solid itself (not merely its bounding box). */
function insideSolid(p: readonly number[], e: Equipment): boolean {
  const [x, y, z] = e.position;
  const s = e.shape;
  if (s.type === 'box') return Math.abs(p[0]! - x) < s.size[0] / 2 && Math.abs(p[1]! - y) < s.size[1] / 2 && p[2]! > z && p[2]! < z + s.size[2];
  if (s.type === 'cylinder') return Math.hypot(p[0]! - x, p[1]! - y) < s.radius && p[2]! > z && p[2]! < z + s.height;
  return Math.hypot(p[0]! - x, p[1]! - y, p[2]! - z - s.radius) < s.radius;
}
const overlap = (a: Box, b: Box): boolean => [0, 1, 2].every((i) => a.min[i]! < b.max[i]! && b.min[i]! < a.max[i]!);
const inFootprint = (p: readonly number[], b: Box): boolean => p[0]! >= b.min[0] && p[0]! <= b.max[0] && p[1]! >= b.min[1] && p[1]! <= b.max[1];
const hdist = (a: readonly number[], b: readonly number[]): number => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!);

let plant: Plant;
beforeAll(async () => {
  plant = (await loadPlant(REFERENCE_PLANT_DIR)).plant;
});

describe('reference plant', () => {
  it('validates as a whole against plantSchema', () => {
    expect(plantSchema.safeParse(plant).success).toBe(true);
  });

  it('has ≥ 2,000 tags in ≥ 8 areas, each with unit, range and at least one sourced limit', () => {
    expect(plant.tags.length).toBeGreaterThanOrEqual(2000);
    expect(new Set(plant.tags.map((t) => t.area)).size).toBeGreaterThanOrEqual(8);
    for (const t of plant.tags) {
      expect(t.unit.length, t.id).toBeGreaterThan(0);
      expect(t.range.lo, t.id).toBeLessThan(t.range.hi);
      expect(t.limits.source.length, t.id).toBeGreaterThanOrEqual(3);
      const numeric = [t.limits.hh, t.limits.h, t.limits.l, t.limits.ll].filter((v) => v !== undefined);
      if (t.kind !== 'wind_direction') expect(numeric.length, t.id).toBeGreaterThan(0);
      for (const v of numeric) expect(v >= t.range.lo && v <= t.range.hi, `${t.id} limit ${v} within range`).toBe(true);
    }
  });

  it('has the areas, reactors, tanks and chemicals the issue asks for', () => {
    const kinds = new Set(plant.areas.map((a) => a.kind));
    for (const k of ['reactor', 'tank_farm', 'warehouse', 'loading', 'utilities', 'pipe_rack', 'control_room', 'admin', 'fire_station', 'process', 'wastewater'] as const) {
      expect(kinds.has(k), k).toBe(true);
    }
    const count = (kind: Equipment['kind']): number => plant.equipment.filter((e) => e.kind === kind).length;
    expect(count('reactor')).toBeGreaterThanOrEqual(8);
    expect(count('tank')).toBeGreaterThanOrEqual(12);
    expect(count('charging_station')).toBeGreaterThanOrEqual(1);
    expect(count('loading_arm')).toBeGreaterThanOrEqual(4);
    expect(count('boiler') + count('cooling_tower') + count('compressor')).toBeGreaterThanOrEqual(3);
    const stored = new Set(plant.equipment.filter((e) => e.kind === 'tank' || e.kind === 'sphere').map((e) => e.chemical));
    for (const c of ['chlorine', 'ammonia', 'benzene', 'toluene', 'methanol', 'lpg']) expect(stored.has(c), c).toBe(true);
    expect(plant.equipment.some((e) => e.kind === 'sphere' && e.chemical === 'lpg')).toBe(true);
    expect(plant.buildings.some((b) => b.kind === 'warehouse')).toBe(true);
    expect(plant.buildings.some((b) => b.kind === 'control_room')).toBe(true);
    expect(plant.buildings.some((b) => b.kind === 'fire_station')).toBe(true);
    expect(plant.equipment.filter((e) => e.kind === 'rack').every((r) => plant.buildings.some((b) => b.kind === 'warehouse' && inFootprint(r.position, bBox(b))))).toBe(true);
  });

  it('gives every area a camera preset looking into it', () => {
    for (const a of plant.areas) {
      const [tx, ty] = a.camera.target;
      expect(tx >= a.min[0] && tx <= a.max[0] && ty >= a.min[1] && ty <= a.max[1], a.id).toBe(true);
      expect(a.camera.position[2], a.id).toBeGreaterThan(a.camera.target[2]);
    }
  });

  it('places equipment and buildings inside their areas without overlaps (racks and compressors inside their buildings)', () => {
    const areas = new Map(plant.areas.map((a) => [a.id, a]));
    const boxes = plant.equipment.map((e) => ({ e, box: eqBox(e) }));
    for (const { e, box } of boxes) {
      const a = areas.get(e.area)!;
      expect(box.min[0] >= a.min[0] && box.min[1] >= a.min[1] && box.max[0] <= a.max[0] && box.max[1] <= a.max[1], `${e.id} in ${a.id}`).toBe(true);
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i]!.box, boxes[j]!.box), `${boxes[i]!.e.id} × ${boxes[j]!.e.id}`).toBe(false);
    }
    const bboxes = plant.buildings.map((b) => ({ b, box: bBox(b) }));
    for (let i = 0; i < bboxes.length; i++) {
      for (let j = i + 1; j < bboxes.length; j++) expect(overlap(bboxes[i]!.box, bboxes[j]!.box)).toBe(false);
      for (const { e, box } of boxes) {
        if (!overlap(box, bboxes[i]!.box)) continue;
        const inside = [0, 1].every((k) => box.min[k]! >= bboxes[i]!.box.min[k]! && box.max[k]! <= bboxes[i]!.box.max[k]!);
        expect(inside && ['rack', 'compressor', 'vessel'].includes(e.kind), `${e.id} inside ${bboxes[i]!.b.id}`).toBe(true);
      }
    }
  });

  it('keeps every tag inside its area, outside every equipment solid, at a place of its own', () => {
    const areas = new Map(plant.areas.map((a) => [a.id, a]));
    for (const t of plant.tags) {
      const a = areas.get(t.area)!;
      expect(t.position[0] >= a.min[0] && t.position[0] <= a.max[0] && t.position[1] >= a.min[1] && t.position[1] <= a.max[1], `${t.id} in ${a.id}`).toBe(true);
      const inside = plant.equipment.find((e) => insideSolid(t.position, e));
      expect(inside?.id, `${t.id} inside equipment`).toBeUndefined();
    }
    expect(new Set(plant.tags.map((t) => t.position.join(','))).size).toBe(plant.tags.length);
  });

  it('covers every release source with a detector of the right type within the GB/T 50493 spacing', () => {
    const chem = new Map(plant.chemicals.map((c) => [c.id, c]));
    const detectors = plant.tags.filter((t) => t.kind === 'gas_combustible' || t.kind === 'gas_toxic');
    const enclosures = plant.buildings.map(bBox);
    let checked = 0;
    for (const e of plant.equipment) {
      const c = e.chemical !== undefined ? chem.get(e.chemical) : undefined;
      if (!c) continue;
      const needs: [Tag['kind'], 'Combustible' | 'Toxic'][] = [];
      if (c.hazards.includes('flammable')) needs.push(['gas_combustible', 'Combustible']);
      if (c.hazards.includes('toxic')) needs.push(['gas_toxic', 'Toxic']);
      if (needs.length > 0) {
        expect(e.releaseSources.length, `${e.id} has release sources`).toBeGreaterThan(0);
        expect(e.inventoryT, `${e.id} inventory`).toBeDefined();
      }
      for (const s of e.releaseSources) {
        const enclosed = enclosures.some((b) => inFootprint(s, b));
        for (const [kind, name] of needs) {
          const limit = placement.spacingM[`${enclosed ? 'enclosed' : 'outdoor'}${name}`].value;
          const nearest = Math.min(...detectors.filter((d) => d.kind === kind && d.chemical === c.id).map((d) => hdist(d.position, s)));
          expect(nearest, `${e.id} source ${s.join(',')} ${kind} within ${limit} m`).toBeLessThanOrEqual(limit);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('sets detector alarms per GB/T 50493 §5.5 and mounts heavy-gas detectors near grade', () => {
    const chem = new Map(plant.chemicals.map((c) => [c.id, c]));
    const { heavyAboveGradeMin: lo, heavyAboveGradeMax: hi } = placement.mountingM;
    for (const t of plant.tags) {
      if (t.kind === 'gas_combustible') {
        expect(t.unit).toBe('%LEL');
        expect(t.limits.h, t.id).toBeLessThanOrEqual(setpoints.combustible.firstPctLel.value);
        expect(t.limits.hh, t.id).toBeLessThanOrEqual(setpoints.combustible.secondPctLel.value);
      }
      if (t.kind === 'gas_toxic') {
        const oel = chem.get(t.chemical!)!.oelMgM3!;
        expect(t.unit).toBe('mg/m³');
        expect(t.limits.h!, t.id).toBeLessThanOrEqual((oel * setpoints.toxic.firstPctOel.value) / 100 + 1e-9);
        expect(t.limits.hh!, t.id).toBeLessThanOrEqual((oel * setpoints.toxic.secondPctOel.value) / 100 + 1e-9);
      }
      if ((t.kind === 'gas_combustible' || t.kind === 'gas_toxic') && t.equipment !== undefined && chem.get(t.chemical!)!.densityRatio >= 1.2) {
        expect(t.position[2] >= lo.value && t.position[2] <= hi.value, `${t.id} at ${t.position[2]} m`).toBe(true);
      }
    }
    // light gases rise: their detectors sit above the lowest source they watch
    const eq = new Map(plant.equipment.map((e) => [e.id, e]));
    const light = plant.tags.filter((t) => t.group !== undefined && chem.get(t.chemical!)!.densityRatio <= 0.8);
    expect(light.length).toBeGreaterThan(0);
    for (const t of light) expect(t.position[2], t.id).toBeGreaterThan(Math.min(...eq.get(t.equipment!)!.releaseSources.map((s) => s[2])));
    expect(plant.tags.find((t) => t.kind === 'gas_toxic' && t.chemical === 'chlorine')?.limits).toMatchObject({ h: 1, hh: 2 });
    expect(plant.tags.find((t) => t.kind === 'gas_toxic' && t.chemical === 'ammonia')?.limits).toMatchObject({ h: 20, hh: 40 });
  });

  it('groups detectors in voting groups of three of one kind and chemical', () => {
    const groups = new Map<string, Tag[]>();
    for (const t of plant.tags) if (t.group !== undefined) groups.set(t.group, [...(groups.get(t.group) ?? []), t]);
    expect(groups.size).toBeGreaterThan(100);
    for (const [g, members] of groups) {
      expect(members.length, g).toBe(3);
      expect(new Set(members.map((m) => `${m.kind}/${m.chemical}/${m.equipment}`)).size, g).toBe(1);
    }
  });

  it('has oxygen detectors inside enclosed buildings and a met station', () => {
    const o2 = plant.tags.filter((t) => t.kind === 'oxygen');
    expect(o2.length).toBeGreaterThanOrEqual(4);
    const boxes = plant.buildings.map(bBox);
    for (const t of o2) expect(boxes.some((b) => inFootprint(t.position, b)), t.id).toBe(true);
    for (const k of ['wind_speed', 'wind_direction', 'ambient_temperature', 'humidity'] as const) expect(plant.tags.some((t) => t.kind === k), k).toBe(true);
  });

  it('has a design value for every equipment instrument, inside its alarm band', () => {
    const eq = new Map(plant.equipment.map((e) => [e.id, e]));
    for (const t of plant.tags) {
      if (t.equipment === undefined || !t.id.startsWith(`${t.equipment}.`)) continue;
      const e = eq.get(t.equipment)!;
      const key = DESIGN_KEYS[e.kind]?.[t.id.slice(e.id.length + 1)];
      expect(key, t.id).toBeDefined();
      const v = e.design[key!];
      expect(v, `${t.id} design.${key}`).toBeDefined();
      if (t.limits.h !== undefined) expect(v!, t.id).toBeLessThan(t.limits.h);
      if (t.limits.l !== undefined) expect(v!, t.id).toBeGreaterThan(t.limits.l);
    }
    const r = plant.equipment.find((e) => e.kind === 'reactor')!;
    expect(Object.keys(r.design)).toEqual(expect.arrayContaining(['temperatureC', 'pressureBarg', 'levelPct', 'feedM3h', 'agitatorRpm']));
    const tk = plant.equipment.find((e) => e.kind === 'tank' && e.chemical === 'benzene')!;
    expect(Object.keys(tk.design)).toEqual(expect.arrayContaining(['levelPct', 'temperatureC', 'pressureBarg']));
  });

  it('has a connected road graph that reaches every area from a gate, with ≥ 2 gates', () => {
    const { nodes, edges, gates } = plant.roads;
    expect(gates.length).toBeGreaterThanOrEqual(2);
    const adj = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
    for (const e of edges) {
      adj.get(e.from)!.push(e.to);
      adj.get(e.to)!.push(e.from);
    }
    const seen = new Set([gates[0]!.node]);
    const queue = [gates[0]!.node];
    while (queue.length > 0) {
      for (const n of adj.get(queue.pop()!)!) {
        if (!seen.has(n)) {
          seen.add(n);
          queue.push(n);
        }
      }
    }
    expect(seen.size).toBe(nodes.length);
    const pos = new Map(nodes.map((n) => [n.id, n.position]));
    const segDist = (p: [number, number], a: readonly number[], b: readonly number[]): number => {
      const dx = b[0]! - a[0]!;
      const dy = b[1]! - a[1]!;
      const t = Math.max(0, Math.min(1, ((p[0] - a[0]!) * dx + (p[1] - a[1]!) * dy) / (dx * dx + dy * dy)));
      return Math.hypot(p[0] - a[0]! - t * dx, p[1] - a[1]! - t * dy);
    };
    for (const a of plant.areas) {
      // the distance from a road centreline to the area's edge: sample the boundary
      const pts: [number, number][] = [];
      for (let k = 0; k <= 20; k++) {
        const fx = a.min[0] + ((a.max[0] - a.min[0]) * k) / 20;
        const fy = a.min[1] + ((a.max[1] - a.min[1]) * k) / 20;
        pts.push([fx, a.min[1]], [fx, a.max[1]], [a.min[0], fy], [a.max[0], fy]);
      }
      const near = edges.some((e) => pts.some((p) => segDist(p, pos.get(e.from)!, pos.get(e.to)!) <= 15));
      expect(near, `road within 15 m of ${a.id}`).toBe(true);
    }
  });

  it('has ≥ 3 muster points, one upwind or crosswind of the site centre for every wind direction', () => {
    expect(plant.muster.length).toBeGreaterThanOrEqual(3);
    const [cx, cy] = [plant.meta.extent[0] / 2, plant.meta.extent[1] / 2];
    for (let from = 0; from < 360; from += 5) {
      const up = [Math.sin((from * Math.PI) / 180), Math.cos((from * Math.PI) / 180)];
      const ok = plant.muster.some((m) => {
        const dx = m.position[0] - cx;
        const dy = m.position[1] - cy;
        return (dx * up[0]! + dy * up[1]!) / Math.hypot(dx, dy) >= 0;
      });
      expect(ok, `wind from ${from}°`).toBe(true);
    }
  });
});
