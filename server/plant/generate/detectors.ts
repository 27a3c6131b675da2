import type { Chemical, Equipment, Tag, Vec3 } from '../../../shared/plant/schema';
import { r2, v3, type PlantBuilder } from './builder';
import type { StandardChemical, Standards } from './standards';

export type DetectorType = 'combustible' | 'toxic';

/** Which detector types a chemical needs: combustible for flammables, toxic for toxics (both when both). */
export function detectorTypesFor(c: Pick<Chemical, 'hazards' | 'lelPctVol' | 'oelMgM3'>): DetectorType[] {
  const out: DetectorType[] = [];
  if (c.hazards.includes('flammable') && c.lelPctVol !== undefined) out.push('combustible');
  if (c.hazards.includes('toxic') && c.oelMgM3 !== undefined) out.push('toxic');
  return out;
}

/** GB/T 50493 horizontal spacing from a detector to each release source it covers, metres. */
export function spacingFor(std: Standards, type: DetectorType, enclosed: boolean): number {
  const s = std.placement.spacingM;
  if (type === 'combustible') return enclosed ? s.enclosedCombustible.value : s.outdoorCombustible.value;
  return enclosed ? s.enclosedToxic.value : s.outdoorToxic.value;
}

/** Detector height for a source at `sourceZ`, by the gas's density class (GB/T 50493 mounting). */
export function mountingHeight(std: Standards, densityRatio: number, sourceZ: number): number {
  const d = std.placement.densityClass;
  const m = std.placement.mountingM;
  if (densityRatio >= d.heavyMinRatio.value) return (m.heavyAboveGradeMin.value + m.heavyAboveGradeMax.value) / 2;
  if (densityRatio >= d.slightlyHeavyMinRatio.value) {
    return Math.max(m.heavyAboveGradeMin.value, sourceZ - (m.slightlyHeavyBelowSourceMin.value + m.slightlyHeavyBelowSourceMax.value) / 2);
  }
  if (densityRatio > d.slightlyLightMinRatio.value) return sourceZ + (m.slightlyLightAboveSourceMin.value + m.slightlyLightAboveSourceMax.value) / 2;
  return sourceZ + m.lightAboveSourceMax.value * 0.75;
}

/** Alarm limits and range of a detector for one chemical, with their sources. */
export function detectorLimits(std: Standards, type: DetectorType, c: StandardChemical): { unit: string; range: Tag['range']; limits: Tag['limits'] } {
  if (type === 'combustible') {
    const sp = std.setpoints.combustible;
    return {
      unit: '%LEL',
      range: { lo: 0, hi: sp.rangePctLel.value },
      limits: { hh: sp.secondPctLel.value, h: sp.firstPctLel.value, source: `${sp.firstPctLel.source}; ${sp.secondPctLel.source}` },
    };
  }
  const sp = std.setpoints.toxic;
  const oel = c.oelMgM3;
  if (!oel) throw new Error(`${c.id}: toxic detector needs an OEL`);
  const hi = r2(oel.value * sp.rangeTimesOel.value);
  if (c.toxicSetpointsMgM3) {
    const t = c.toxicSetpointsMgM3;
    return { unit: 'mg/m³', range: { lo: 0, hi }, limits: { hh: t.second, h: t.first, source: t.source } };
  }
  return {
    unit: 'mg/m³',
    range: { lo: 0, hi },
    limits: {
      hh: r2((oel.value * sp.secondPctOel.value) / 100),
      h: r2((oel.value * sp.firstPctOel.value) / 100),
      source: `${sp.firstPctOel.source}; ${sp.secondPctOel.source}; OEL ${oel.value} mg/m³: ${oel.source}`,
    },
  };
}

const hdist = (a: Vec3 | readonly number[], b: Vec3 | readonly number[]): number => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!);

/**
 * Candidate places for three detectors (x, y) beside source `s`, 1 m apart, best first. For
 * round equipment they sit on an arc 0.6 m out from the shell, first on the bearing of `s` and
 * then turning away from it; for boxes, 0.6 m out from the face nearest to `s`, then the other
 * faces. Last, three points around `s` itself (a top platform, for a source high in the middle
 * of a big vessel).
 */
function triples(eq: Equipment, s: Vec3, fallbackBearing: number): [number, number][][] {
  const [cx, cy] = eq.position;
  const sh = eq.shape;
  const out: [number, number][][] = [];
  if (sh.type === 'box') {
    const hx = sh.size[0] / 2;
    const hy = sh.size[1] / 2;
    const px = s[0] - cx;
    const py = s[1] - cy;
    const clamp = (v: number, h: number): number => Math.max(-Math.max(0, h - 1), Math.min(Math.max(0, h - 1), v));
    const xFace = (sign: number): [number, number][] => {
      const x = cx + sign * (hx + 0.6);
      const y = cy + clamp(py, hy);
      return [[x, y - 1], [x, y], [x, y + 1]];
    };
    const yFace = (sign: number): [number, number][] => {
      const y = cy + sign * (hy + 0.6);
      const x = cx + clamp(px, hx);
      return [[x - 1, y], [x, y], [x + 1, y]];
    };
    const sx = Math.sign(px || 1);
    const sy = Math.sign(py || 1);
    if (hx - Math.abs(px) < hy - Math.abs(py)) out.push(xFace(sx), yFace(sy), yFace(-sy), xFace(-sx));
    else out.push(yFace(sy), xFace(sx), xFace(-sx), yFace(-sy));
  } else {
    const rd = sh.radius + 0.6;
    const d = Math.hypot(s[0] - cx, s[1] - cy);
    const th0 = d > 0.05 ? Math.atan2(s[1] - cy, s[0] - cx) : fallbackBearing;
    const dt = Math.min(1 / rd, 0.6);
    for (const turn of [0, 1, -1, 2, -2, 3, -3, 4, -4, 6]) {
      const th = th0 + (turn * Math.PI) / 6;
      out.push([th - dt, th, th + dt].map((a) => [cx + rd * Math.cos(a), cy + rd * Math.sin(a)] as [number, number]));
    }
  }
  out.push([0, 1, 2].map((k) => {
    const a = fallbackBearing + (k * 2 * Math.PI) / 3;
    return [s[0] + Math.cos(a), s[1] + Math.sin(a)] as [number, number];
  }));
  return out;
}

function interleave(c: [number, number][]): [number, number][] {
  const [a, , z] = c as [[number, number], [number, number], [number, number]];
  const len = Math.hypot(z[0] - a[0], z[1] - a[1]) || 1;
  const dx = (0.5 * (z[0] - a[0])) / len;
  const dy = (0.5 * (z[1] - a[1])) / len;
  return c.map(([x, y]) => [x + dx, y + dy]);
}

const GROUP_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * Places detectors for every release source of `eq`, per GB/T 50493: for each detector type its
 * chemical needs, groups of three (2oo3 voting) beside the first uncovered source until every
 * source lies within the spacing of a detector of that type. Ids: `GD-<eq>-NN` combustible,
 * `GT-<eq>-NN` toxic; groups `GRP-<eq>-A`, `-B`, …
 */
export function placeDetectors(b: PlantBuilder, std: Standards, eq: Equipment, fallbackBearing = -Math.PI / 2): Tag[] {
  if (eq.chemical === undefined || eq.releaseSources.length === 0) return [];
  const chem = b.chemical(eq.chemical);
  const stdChem = std.chemicals.find((c) => c.id === chem.id);
  if (!stdChem) throw new Error(`no standards data for ${chem.id}`);
  const enclosed = b.isIndoor(eq.id);
  const out: Tag[] = [];
  let group = 0;
  for (const [typeIndex, type] of detectorTypesFor(chem).entries()) {
    const spacing = spacingFor(std, type, enclosed);
    const reach = spacing - 0.25;
    const { unit, range, limits } = detectorLimits(std, type, stdChem);
    const prefix = type === 'combustible' ? 'GD' : 'GT';
    let n = 0;
    let uncovered = [...eq.releaseSources];
    while (uncovered.length > 0) {
      const seed = uncovered[0]!;
      const z = r2(mountingHeight(std, chem.densityRatio, seed[2]));
      // A second detector type interleaves with the first (0.5 m along the line) instead of sharing its spots.
      const pts = triples(eq, seed, fallbackBearing).map((c) => (typeIndex === 0 ? c : interleave(c))).find(
        (c) => c.some((p) => hdist(p, seed) <= reach) && c.every((p) => !b.blocked([p[0], p[1], z])),
      );
      if (!pts) throw new Error(`${eq.id}: no free place for detectors within ${spacing} m of ${seed.join(', ')}`);
      const left = uncovered.filter((s) => !pts.some((p) => hdist(p, s) <= reach));
      uncovered = left;
      const grp = `GRP-${eq.id}-${GROUP_LETTERS[group++] ?? String(group)}`;
      for (const p of pts) {
        n++;
        const nn = String(n).padStart(2, '0');
        const what =
          type === 'combustible'
            ? { zh: `可燃气体检测器（${chem.name.zh}）`, en: `combustible gas detector (${chem.name.en})` }
            : { zh: `有毒气体检测器（${chem.name.zh}）`, en: `toxic gas detector (${chem.name.en})` };
        out.push(
          b.rawTag({
            id: `${prefix}-${eq.id}-${nn}`,
            name: { zh: `${eq.id} ${what.zh} ${nn}`, en: `${eq.id} ${what.en} ${nn}` },
            area: eq.area,
            equipment: eq.id,
            kind: type === 'combustible' ? 'gas_combustible' : 'gas_toxic',
            unit,
            range,
            position: v3(p[0], p[1], z),
            periodMs: 1000,
            chemical: chem.id,
            group: grp,
            limits,
          }),
        );
      }
    }
  }
  return out;
}
