import { describe, expect, it } from 'vitest';
import { briggsSigma } from './briggs';
import { gaussianPlume, nearFieldConcentration, plumeConcentration } from './gaussianPlume';

describe('gaussianPlume', () => {
  it('ground-level centreline of a ground release is Q / (π u σy σz)', () => {
    const q = 1e6;
    const u = 3;
    const sy = 20;
    const sz = 10;
    expect(gaussianPlume(q, u, sy, sz, 0, 0, 0)).toBeCloseTo(q / (Math.PI * u * sy * sz), 9);
  });

  it('is symmetric in y and falls off across the wind', () => {
    const c = (y: number): number => gaussianPlume(5e5, 2, 8, 4, y, 1, 2);
    expect(c(5)).toBeCloseTo(c(-5), 12);
    expect(c(5)).toBeLessThan(c(0));
    expect(c(15)).toBeLessThan(c(5));
    expect(c(0) / c(8)).toBeCloseTo(Math.exp(0.5), 9);
  });

  it('reflects at the ground: an elevated release seen at height H and at z = 0', () => {
    const h = 10;
    const { sy, sz } = { sy: 30, sz: 15 };
    const ground = gaussianPlume(1, 1, sy, sz, 0, 0, h);
    expect(ground).toBeCloseTo((1 / (Math.PI * sy * sz)) * Math.exp((-h * h) / (2 * sz * sz)), 12);
  });

  it('conserves mass: ∫∫ C·u dy dz over the half-space equals Q', () => {
    const q = 2.5;
    const u = 4;
    const sy = 12;
    const sz = 6;
    const h = 3;
    let sum = 0;
    const d = 0.25;
    for (let y = -100; y <= 100; y += d) for (let z = d / 2; z <= 80; z += d) sum += gaussianPlume(q, u, sy, sz, y, z, h) * u * d * d;
    expect(sum).toBeCloseTo(q, 2);
  });

  it('scales linearly with Q and inversely with u', () => {
    const base = gaussianPlume(1, 2, 5, 3, 1, 1, 1);
    expect(gaussianPlume(3, 2, 5, 3, 1, 1, 1)).toBeCloseTo(3 * base, 12);
    expect(gaussianPlume(1, 4, 5, 3, 1, 1, 1)).toBeCloseTo(base / 2, 12);
  });
});

describe('plumeConcentration', () => {
  it('is zero upwind and at the source', () => {
    const r = { rateKgS: 1, heightM: 0, windSpeedMs: 3, stability: 'D' as const };
    expect(plumeConcentration(r, { x: -50, y: 0, z: 0 })).toBe(0);
    expect(plumeConcentration(r, { x: 0, y: 0, z: 0 })).toBe(0);
  });

  it('uses Briggs σ and mg/m³ for kg/s', () => {
    const r = { rateKgS: 0.5, heightM: 0, windSpeedMs: 3, stability: 'D' as const };
    const { sy, sz } = briggsSigma('D', 500);
    expect(plumeConcentration(r, { x: 500, y: 0, z: 0 })).toBeCloseTo(0.5e6 / (Math.PI * 3 * sy * sz), 6);
  });

  it('falls with distance downwind and is higher in stable air', () => {
    const at = (cls: 'B' | 'D' | 'F', x: number): number => plumeConcentration({ rateKgS: 1, heightM: 1, windSpeedMs: 2, stability: cls }, { x, y: 0, z: 1 });
    expect(at('D', 1000)).toBeLessThan(at('D', 200));
    expect(at('F', 500)).toBeGreaterThan(at('D', 500));
    expect(at('D', 500)).toBeGreaterThan(at('B', 500));
  });

  it('shifts σ with the virtual source', () => {
    const p = { x: 10, y: 0, z: 0 };
    const r = { rateKgS: 1, heightM: 0, windSpeedMs: 3, stability: 'D' as const };
    expect(plumeConcentration({ ...r, virtualSourceM: 5 }, p)).toBeCloseTo(plumeConcentration(r, { ...p, x: 15 }), 9);
  });
});

describe('nearFieldConcentration', () => {
  it('mixes the release through a hemisphere: Q / (2π u r²) · exp(−r/L)', () => {
    expect(nearFieldConcentration(0.5, 2.5, 5, 10)).toBeCloseTo((0.5e6 / (2 * Math.PI * 2.5 * 25)) * Math.exp(-0.5), 6);
    expect(nearFieldConcentration(0.5, 2.5, 20, 10)).toBeCloseTo((0.5e6 / (2 * Math.PI * 2.5 * 400)) * Math.exp(-2), 6);
  });

  it('is flat inside the core, falls with distance in every direction, and vanishes far away', () => {
    const c0 = nearFieldConcentration(0.5, 3, 0);
    expect(nearFieldConcentration(0.5, 3, 0.5)).toBeLessThan(c0);
    expect(nearFieldConcentration(0.5, 3, 0.5)).toBeGreaterThan(0.9 * c0);
    expect(nearFieldConcentration(0.5, 3, 10)).toBeLessThan(nearFieldConcentration(0.5, 3, 5));
    expect(nearFieldConcentration(0.5, 3, 300)).toBeLessThan(1e-9);
  });

  it('treats calm air as 1 m/s and is zero for no release', () => {
    expect(nearFieldConcentration(1, 0.2, 2)).toBe(nearFieldConcentration(1, 1, 2));
    expect(nearFieldConcentration(0, 3, 2)).toBe(0);
  });
});
