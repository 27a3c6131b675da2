import type { Sigmas } from './briggs';
import type { StabilityClass } from './stability';

/**
 * Pasquill–Gifford dispersion coefficients as fitted for EPA's ISC3 model (User's Guide for the
 * ISC3 Dispersion Models, vol. II, EPA-454/B-95-003b, 1995, eqs. 1-32 to 1-34 and table 1-2,
 * rural): σy = 465.11628 · x · tan(0.017453293 · (c − d · ln x)) and σz = a · x^b, x in km,
 * σ in m, σz capped at 5,000 m. Valid from 100 m; used closer in as the fit extends.
 */

const SIGMA_Y: Readonly<Record<StabilityClass, readonly [number, number]>> = {
  A: [24.167, 2.5334],
  B: [18.333, 1.8096],
  C: [12.5, 1.0857],
  D: [8.333, 0.72382],
  E: [6.25, 0.54287],
  F: [4.1667, 0.36191],
};

/** [upper bound of the x range in km (inclusive), a, b]; the last row has no bound. */
type Row = readonly [number, number, number];
const SIGMA_Z: Readonly<Record<StabilityClass, readonly Row[]>> = {
  A: [
    [0.1, 122.8, 0.9447],
    [0.15, 158.08, 1.0542],
    [0.2, 170.22, 1.0932],
    [0.25, 179.52, 1.1262],
    [0.3, 217.41, 1.2644],
    [0.4, 258.89, 1.4094],
    [0.5, 346.75, 1.7283],
    [Infinity, 453.85, 2.1166],
  ],
  B: [
    [0.2, 90.673, 0.93198],
    [0.4, 98.483, 0.98332],
    [Infinity, 109.3, 1.0971],
  ],
  C: [[Infinity, 61.141, 0.91465]],
  D: [
    [0.3, 34.459, 0.86974],
    [1, 32.093, 0.81066],
    [3, 32.093, 0.64403],
    [10, 33.504, 0.60486],
    [30, 36.65, 0.56589],
    [Infinity, 44.053, 0.51179],
  ],
  E: [
    [0.1, 24.26, 0.8366],
    [0.3, 23.331, 0.81956],
    [1, 21.628, 0.7566],
    [2, 21.628, 0.63077],
    [4, 22.534, 0.57154],
    [10, 24.703, 0.50527],
    [20, 26.97, 0.46713],
    [40, 35.42, 0.37615],
    [Infinity, 47.618, 0.29592],
  ],
  F: [
    [0.2, 15.209, 0.81558],
    [0.7, 14.457, 0.78407],
    [1, 13.953, 0.68465],
    [2, 13.953, 0.63227],
    [3, 14.823, 0.54503],
    [7, 16.187, 0.4649],
    [15, 17.836, 0.41507],
    [30, 22.651, 0.32681],
    [60, 27.074, 0.27436],
    [Infinity, 34.219, 0.21716],
  ],
};

export const ISC3_SIGMA_Z_CAP_M = 5000;

/** ISC3 Pasquill–Gifford σy and σz (m) at downwind distance x (m); zeros for x ≤ 0. */
export function iscPgSigma(cls: StabilityClass, xM: number): Sigmas {
  if (!(xM > 0)) return { sy: 0, sz: 0 };
  const x = xM / 1000;
  const [c, d] = SIGMA_Y[cls];
  const sy = 465.11628 * x * Math.tan(0.017453293 * (c - d * Math.log(x)));
  const rows = SIGMA_Z[cls];
  const row = rows.find((r) => x <= r[0]) ?? (rows[rows.length - 1] as Row);
  const sz = Math.min(row[1] * Math.pow(x, row[2]), ISC3_SIGMA_Z_CAP_M);
  return { sy, sz };
}
