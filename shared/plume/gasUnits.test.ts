import { describe, expect, it } from 'vitest';
import { mgM3ToPpm, mgM3ToUnit, parseGasUnit, pctVolToPctLel, ppmToMgM3, ppmToPctVol } from './gasUnits';

describe('gas unit conversions', () => {
  it('converts chlorine and ammonia at 25 °C', () => {
    expect(mgM3ToPpm(1, 70.9)).toBeCloseTo(0.3449, 4);
    expect(ppmToMgM3(25, 17.03)).toBeCloseTo(17.41, 2);
    expect(ppmToMgM3(mgM3ToPpm(123, 44.1), 44.1)).toBeCloseTo(123, 9);
  });

  it('goes from ppm to %vol to %LEL', () => {
    expect(ppmToPctVol(10_000)).toBe(1);
    expect(pctVolToPctLel(5, 5)).toBe(100);
    expect(pctVolToPctLel(1.05, 2.1)).toBeCloseTo(50, 9);
  });

  it('converts to a detector unit', () => {
    const mw = 44.1;
    const mg = ppmToMgM3(5250, mw);
    expect(mgM3ToUnit(mg, '%LEL', mw, 2.1)).toBeCloseTo(25, 6);
    expect(mgM3ToUnit(mg, '%vol', mw)).toBeCloseTo(0.525, 6);
    expect(mgM3ToUnit(mg, 'ppm', mw)).toBeCloseTo(5250, 6);
    expect(mgM3ToUnit(mg, 'ppb', mw)).toBeCloseTo(5.25e6, 3);
    expect(mgM3ToUnit(mg, 'mg/m3', mw)).toBe(mg);
    expect(mgM3ToUnit(mg, '%LEL', mw)).toBeNull();
  });

  it('recognises common spellings', () => {
    expect(parseGasUnit('mg/m³')).toBe('mg/m3');
    expect(parseGasUnit('MG/M3')).toBe('mg/m3');
    expect(parseGasUnit('% LEL')).toBe('%LEL');
    expect(parseGasUnit('%LEL')).toBe('%LEL');
    expect(parseGasUnit('%vol')).toBe('%vol');
    expect(parseGasUnit('vol%')).toBe('%vol');
    expect(parseGasUnit('ppm')).toBe('ppm');
    expect(parseGasUnit('bar')).toBeNull();
  });
});
