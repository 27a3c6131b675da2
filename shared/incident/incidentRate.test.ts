import { describe, expect, it } from 'vitest';
import { nearFieldConcentration, plumeConcentration } from '../plume/gaussianPlume';
import { toWindFrame } from '../plume/windFrame';
import { estimateReleaseRate, orificeRateKgS, RATE_ESTIMATE_MAX_KGS, RATE_ESTIMATE_MIN_KGS } from './incidentRate';

describe('estimateReleaseRate', () => {
  it('recovers the rate that made the readings (concentration is linear in the rate)', () => {
    const source = [100, 100, 0.5] as const;
    const wind = { windSpeedMs: 3, windFromDeg: 45, stability: 'D' as const };
    const q = 1.7;
    const at = (x: number, y: number, z: number): { position: [number, number, number]; mgM3: number } => {
      const w = toWindFrame([source[0], source[1]], [x, y], wind.windFromDeg);
      const far = plumeConcentration({ rateKgS: q, heightM: source[2], windSpeedMs: wind.windSpeedMs, stability: 'D', virtualSourceM: 5 }, { x: w.downwind, y: w.crosswind, z });
      const near = nearFieldConcentration(q, wind.windSpeedMs, Math.hypot(x - source[0], y - source[1], z - source[2]));
      return { position: [x, y, z], mgM3: Math.max(far, near) };
    };
    // Downwind of a wind from the north-east is south-west.
    const readings = [at(90, 90, 0.5), at(80, 85, 0.5), at(110, 112, 0.5)];
    expect(estimateReleaseRate({ source, readings, ...wind })).toBeCloseTo(q, 2);
    // A detector that under-reads (lag) lowers only its own estimate: the largest wins.
    expect(estimateReleaseRate({ source, readings: [readings[0]!, { ...readings[1]!, mgM3: readings[1]!.mgM3 / 10 }], ...wind })).toBeCloseTo(q, 2);
  });

  it('is null without a reading, and bounded', () => {
    const base = { source: [0, 0, 0] as const, windSpeedMs: 2, windFromDeg: 0, stability: 'D' as const };
    expect(estimateReleaseRate({ ...base, readings: [] })).toBeNull();
    expect(estimateReleaseRate({ ...base, readings: [{ position: [0, -5, 0], mgM3: 0 }] })).toBeNull();
    expect(estimateReleaseRate({ ...base, readings: [{ position: [0, -1, 0], mgM3: 1e-6 }] })).toBe(RATE_ESTIMATE_MIN_KGS);
    expect(estimateReleaseRate({ ...base, readings: [{ position: [0, -30, 0], mgM3: 1e12 }] })).toBe(RATE_ESTIMATE_MAX_KGS);
  });
});

describe('orificeRateKgS', () => {
  it('choked gas flow through a 10 mm hole: chlorine at 4.5 barg, 20 °C', () => {
    // By hand: A = π·0.01²/4 = 7.854e-5 m²; P = 551,325 Pa; γ = 1.3: (2/2.3)^(2.3/0.3) = 0.3425;
    // √(1.3·0.0709/(8.314·293.15)·0.3425) = 3.599e-3; Q = 0.85·7.854e-5·551325·3.599e-3 = 0.1325 kg/s (3 digits).
    expect(orificeRateKgS({ pressureBarg: 4.5, molarMass: 70.9 })).toBeCloseTo(0.1325, 2);
    expect(orificeRateKgS({ pressureBarg: 4.5, molarMass: 70.9 })).toBe(0.132);
    // Four times the area, four times the flow.
    expect(orificeRateKgS({ pressureBarg: 4.5, molarMass: 70.9, holeMm: 20 })).toBeCloseTo(0.531, 2);
  });

  it('subsonic below the critical ratio, null at atmospheric pressure', () => {
    const low = orificeRateKgS({ pressureBarg: 0.2, molarMass: 29 })!;
    // ρ = 121,325·0.029/(8.314·293.15) = 1.4436 kg/m³; Q = 0.85·7.854e-5·√(2·1.4436·20000) = 0.01604 kg/s
    expect(low).toBeCloseTo(0.016, 3);
    expect(orificeRateKgS({ pressureBarg: 0, molarMass: 29 })).toBeNull();
  });
});
