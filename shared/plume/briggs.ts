import type { StabilityClass } from './stability';

/** Terrain for Briggs' dispersion coefficients. */
export type Terrain = 'rural' | 'urban';

export interface Sigmas {
  /** Crosswind (horizontal) standard deviation, m. */
  sy: number;
  /** Vertical standard deviation, m. */
  sz: number;
}

const inv = (k: number, x: number): number => 1 / Math.sqrt(1 + k * x);

/**
 * Briggs (1973) σy and σz in metres at downwind distance x (m), as tabulated in DOMAIN.md §5
 * (valid 100 m–10 km; the simulator also uses them closer in, with a virtual-source offset).
 * Roughly 10-minute averages. x ≤ 0 gives zeros.
 */
export function briggsSigma(cls: StabilityClass, x: number, terrain: Terrain = 'rural'): Sigmas {
  if (!(x > 0)) return { sy: 0, sz: 0 };
  if (terrain === 'rural') {
    switch (cls) {
      case 'A':
        return { sy: 0.22 * x * inv(1e-4, x), sz: 0.2 * x };
      case 'B':
        return { sy: 0.16 * x * inv(1e-4, x), sz: 0.12 * x };
      case 'C':
        return { sy: 0.11 * x * inv(1e-4, x), sz: 0.08 * x * inv(2e-4, x) };
      case 'D':
        return { sy: 0.08 * x * inv(1e-4, x), sz: 0.06 * x * inv(1.5e-3, x) };
      case 'E':
        return { sy: 0.06 * x * inv(1e-4, x), sz: (0.03 * x) / (1 + 3e-4 * x) };
      case 'F':
        return { sy: 0.04 * x * inv(1e-4, x), sz: (0.016 * x) / (1 + 3e-4 * x) };
    }
  }
  switch (cls) {
    case 'A':
    case 'B':
      return { sy: 0.32 * x * inv(4e-4, x), sz: 0.24 * x * Math.sqrt(1 + 1e-3 * x) };
    case 'C':
      return { sy: 0.22 * x * inv(4e-4, x), sz: 0.2 * x };
    case 'D':
      return { sy: 0.16 * x * inv(4e-4, x), sz: 0.14 * x * inv(3e-4, x) };
    case 'E':
    case 'F':
      return { sy: 0.11 * x * inv(4e-4, x), sz: 0.08 * x * inv(1.5e-3, x) };
  }
}
