import { Ch, type Channel } from './channels';

/** tagValue = canonical × scale + offset. */
export interface Affine {
  scale: number;
  offset: number;
}

const norm = (u: string): string => u.replace(/\s+/g, '').replace('³', '3').replace('℃', '°c').toLowerCase();

const temperature: Record<string, Affine> = {
  '°c': { scale: 1, offset: 0 },
  degc: { scale: 1, offset: 0 },
  c: { scale: 1, offset: 0 },
  k: { scale: 1, offset: 273.15 },
  '°f': { scale: 1.8, offset: 32 },
  degf: { scale: 1.8, offset: 32 },
};
// Plant convention: a pressure unit without (a)/(g) is gauge.
const pressure: Record<string, Affine> = {
  barg: { scale: 1, offset: 0 },
  'bar(g)': { scale: 1, offset: 0 },
  bar: { scale: 1, offset: 0 },
  bara: { scale: 1, offset: 1.01325 },
  'bar(a)': { scale: 1, offset: 1.01325 },
  mbar: { scale: 1000, offset: 0 },
  mbarg: { scale: 1000, offset: 0 },
  kpa: { scale: 100, offset: 0 },
  kpag: { scale: 100, offset: 0 },
  'kpa(g)': { scale: 100, offset: 0 },
  kpaa: { scale: 100, offset: 101.325 },
  'kpa(a)': { scale: 100, offset: 101.325 },
  mpa: { scale: 0.1, offset: 0 },
  mpag: { scale: 0.1, offset: 0 },
  'mpa(g)': { scale: 0.1, offset: 0 },
  mpaa: { scale: 0.1, offset: 0.101325 },
  'mpa(a)': { scale: 0.1, offset: 0.101325 },
  pa: { scale: 1e5, offset: 0 },
  psig: { scale: 14.5038, offset: 0 },
  psi: { scale: 14.5038, offset: 0 },
};
const one: Affine = { scale: 1, offset: 0 };
const byChannel: Partial<Record<Channel, Record<string, Affine>>> = {
  [Ch.T]: temperature,
  [Ch.TJ]: temperature,
  [Ch.AT]: temperature,
  [Ch.P]: pressure,
  [Ch.PJ]: pressure,
  [Ch.L]: { '%': one, pct: one },
  [Ch.F]: { 'm3/h': one, 'l/min': { scale: 1000 / 60, offset: 0 }, 'l/s': { scale: 1000 / 3600, offset: 0 } },
  [Ch.N]: { rpm: one, 'r/min': one },
  [Ch.V]: { 'mm/s': one },
  [Ch.X]: { '%': one },
  [Ch.WS]: { 'm/s': one, 'km/h': { scale: 3.6, offset: 0 }, kn: { scale: 1.94384, offset: 0 }, knot: { scale: 1.94384, offset: 0 } },
  [Ch.WD]: { '°': one, deg: one },
  [Ch.RH]: { '%': one, '%rh': one },
};

/** How a tag unit relates to the channel's canonical unit; null when it cannot be converted. */
export function unitConversion(ch: Channel, unit: string): Affine | null {
  return byChannel[ch]?.[norm(unit)] ?? null;
}
