import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { briggsSigma } from './briggs';
import { evaluatePlume, plumeRequestSchema, type PlumeRequest } from './dispersionApi';
import { iscPgSigma } from './iscSigma';
import { threatLevelsFileSchema, type ChemicalThreat } from './threatLevels';

const file = threatLevelsFileSchema.parse(JSON.parse(readFileSync(new URL('../../resources/standards/threat-levels.json', import.meta.url), 'utf8')));
const chem = (id: string): ChemicalThreat => file.chemicals.find((c) => c.id === id)!;
const req = (over: Partial<PlumeRequest>): PlumeRequest =>
  plumeRequestSchema.parse({ releaseRateKgS: 1, windSpeedMS: 3, releaseHeightM: 0, stability: 'D', sigma: 'briggs-rural', receptors: [], ...over });

describe('POST /dispersion/plume model', () => {
  it('reproduces Turner (AP-26, 1970) example: 3 g/s ground-level source, 3 km, D, 7 m/s → χ ≈ 1.1×10⁻⁵ g/m³', () => {
    const out = evaluatePlume(req({ releaseRateKgS: 0.003, windSpeedMS: 7, stability: 'D', sigma: 'pasquill-gifford', receptors: [{ x: 3000, y: 0, z: 0 }] }), null);
    const c = out.receptors[0]!.concentrationKgM3 * 1000; // g/m³
    expect(c).toBeGreaterThan(1.1e-5 * 0.93);
    expect(c).toBeLessThan(1.1e-5 * 1.1);
  });

  it('gives the ground-level centreline of a ground release as Q/(π·u·σy·σz) (DOMAIN.md §5)', () => {
    for (const sigma of ['briggs-rural', 'briggs-urban', 'pasquill-gifford'] as const) {
      const out = evaluatePlume(req({ releaseRateKgS: 2, windSpeedMS: 4, stability: 'E', sigma, receptors: [{ x: 800, y: 0, z: 0 }] }), null);
      const r = out.receptors[0]!;
      const s = sigma === 'pasquill-gifford' ? iscPgSigma('E', 800) : briggsSigma('E', 800, sigma === 'briggs-urban' ? 'urban' : 'rural');
      expect(r.sigmaYM).toBeCloseTo(s.sy, 9);
      expect(r.sigmaZM).toBeCloseTo(s.sz, 9);
      expect(r.concentrationKgM3).toBeCloseTo(2 / (Math.PI * 4 * s.sy * s.sz), 12);
    }
  });

  it('reflects at the ground: an elevated release is symmetric in y, zero upwind, and peaks off the source', () => {
    const rs = [
      { x: 500, y: 30, z: 0 },
      { x: 500, y: -30, z: 0 },
      { x: -10, y: 0, z: 0 },
      { x: 50, y: 0, z: 0 },
      { x: 1000, y: 0, z: 0 },
      { x: 10_000, y: 0, z: 0 },
    ];
    const out = evaluatePlume(req({ releaseHeightM: 40, stability: 'C', receptors: rs }), null);
    const c = out.receptors.map((r) => r.concentrationKgM3);
    expect(c[0]).toBeCloseTo(c[1]!, 15);
    expect(c[2]).toBe(0);
    expect(c[4]).toBeGreaterThan(c[3]!);
    expect(c[4]).toBeGreaterThan(c[5]!);
    // Ground reflection doubles the single-Gaussian term at z = 0.
    const { sy, sz } = briggsSigma('C', 1000, 'rural');
    const single = (1 / (2 * Math.PI * 3 * sy * sz)) * Math.exp(-(40 * 40) / (2 * sz * sz));
    expect(c[4]).toBeCloseTo(2 * single, 12);
  });

  it('converts to ppm with the molar volume at 25 °C when a chemical is named', () => {
    const out = evaluatePlume(req({ chemical: 'chlorine', receptors: [{ x: 300, y: 0, z: 1.5 }] }), chem('chlorine'));
    const r = out.receptors[0]!;
    expect(r.ppm).toBeCloseTo((r.concentrationKgM3 * 1e6 * 24.45) / 70.9, 9);
  });

  it('draws chlorine AEGL zones red < orange < yellow, with the centreline at each edge equal to the level', () => {
    const body = req({ releaseRateKgS: 1, windSpeedMS: 3, stability: 'D', chemical: 'chlorine' });
    const out = evaluatePlume(body, chem('chlorine'));
    const zones = out.zones!;
    expect(zones.map((z) => z.band)).toEqual(['red', 'orange', 'yellow']);
    expect(zones.map((z) => z.level)).toEqual(['AEGL-3 (60 min)', 'AEGL-2 (60 min)', 'AEGL-1 (60 min)']);
    expect(zones[0]!.downwindExtentM).toBeLessThan(zones[1]!.downwindExtentM);
    expect(zones[1]!.downwindExtentM).toBeLessThan(zones[2]!.downwindExtentM);
    for (const z of zones) {
      const edge = evaluatePlume({ ...body, receptors: [{ x: z.downwindExtentM, y: 0, z: 0 }] }, chem('chlorine')).receptors[0]!;
      expect(Math.abs(edge.concentrationKgM3 - z.concentrationKgM3) / z.concentrationKgM3).toBeLessThan(0.01);
      expect(z.maxHalfWidthM).toBeGreaterThan(0);
      expect(z.maxHalfWidthM).toBeLessThan(z.downwindExtentM);
    }
    expect(out.warnings.map((w) => w.code)).toContain('dense_gas');
  });

  it('uses LEL fractions for flammables and ERPG when asked', () => {
    const lpg = evaluatePlume(req({ releaseRateKgS: 5, chemical: 'lpg' }), chem('lpg'));
    expect(lpg.zones!.map((z) => z.level)).toEqual(['60 % LEL', '10 % LEL']);
    expect(lpg.zones![0]!.ppm).toBeCloseTo(0.6 * 2.1 * 1e4, 6);
    const erpg = evaluatePlume(req({ chemical: 'ammonia', levelSet: 'erpg' }), chem('ammonia'));
    expect(erpg.chemical?.levelSet).toBe('erpg');
    expect(erpg.zones!.map((z) => z.ppm)).toEqual([1500, 150, 25]);
  });

  it('refuses what it cannot answer', () => {
    const bad = [
      { releaseRateKgS: 0, windSpeedMS: 3, releaseHeightM: 0, stability: 'D', sigma: 'briggs-rural', receptors: [] },
      { releaseRateKgS: 1, windSpeedMS: Number.NaN, releaseHeightM: 0, stability: 'D', sigma: 'briggs-rural', receptors: [] },
      { releaseRateKgS: 1, windSpeedMS: 3, releaseHeightM: 0, stability: 'G', sigma: 'briggs-rural', receptors: [] },
      { releaseRateKgS: 1, windSpeedMS: 3, releaseHeightM: 0, stability: 'D', sigma: 'gaussian', receptors: [] },
      { releaseRateKgS: 1, windSpeedMS: 3, releaseHeightM: 0, stability: 'D', sigma: 'briggs-rural', receptors: [{ x: 1, y: 0 }] },
      { releaseRateKgS: 1, windSpeedMS: 3, releaseHeightM: 0, stability: 'D', sigma: 'briggs-rural', receptors: new Array(10_001).fill({ x: 1, y: 0, z: 0 }) },
      { releaseRateKgS: 1, windSpeedMS: 3, releaseHeightM: 0, stability: 'D', sigma: 'briggs-rural', receptors: [], extra: 1 },
    ];
    for (const b of bad) expect(plumeRequestSchema.safeParse(b).success).toBe(false);
  });
});
