import { z } from 'zod';
import { briggsSigma, type Sigmas } from './briggs';
import { mgM3ToPpm, ppmToMgM3 } from './gasUnits';
import { iscPgSigma } from './iscSigma';
import type { StabilityClass } from './stability';
import type { ChemicalThreat, ThreatBand } from './threatLevels';
import { plumeAt, threatZone, type PlumeParams } from './threatZones';

/**
 * `POST /api/v1/dispersion/plume` (docs/dispersion.md): the plant's Gaussian plume model as a
 * service, for other tools and for checking the model. Frame: x downwind, y crosswind, z height,
 * metres; the wind speed is the speed at release height, used as given; the release height is
 * the effective height (no plume rise is added).
 */

export const MAX_RECEPTORS = 10_000;

export const sigmaSchemes = ['briggs-rural', 'briggs-urban', 'pasquill-gifford'] as const;
export type SigmaScheme = (typeof sigmaSchemes)[number];

const finite = z.number().finite();

export const plumeRequestSchema = z
  .object({
    releaseRateKgS: finite.positive().max(1e5),
    windSpeedMS: finite.positive().max(100),
    releaseHeightM: finite.min(0).max(5000),
    stability: z.enum(['A', 'B', 'C', 'D', 'E', 'F']),
    sigma: z.enum(sigmaSchemes),
    receptors: z.array(z.object({ x: finite.min(-1e6).max(1e6), y: finite.min(-1e6).max(1e6), z: finite.min(0).max(1e4) }).strict()).max(MAX_RECEPTORS),
    /** A chemical id from resources/standards/threat-levels.json: adds ppm per receptor and threat zones. */
    chemical: z.string().min(1).max(64).optional(),
    /** Which tiers to draw zones at: 'aegl' (default for toxics), 'erpg', or 'lel' (default for flammables). */
    levelSet: z.enum(['aegl', 'erpg', 'lel']).optional(),
    /** Receptor height for the zones, m (default 0: ground level). */
    zoneHeightM: finite.min(0).max(1000).optional(),
  })
  .strict();
export type PlumeRequest = z.infer<typeof plumeRequestSchema>;

export interface PlumeReceptorResult {
  x: number;
  y: number;
  z: number;
  concentrationKgM3: number;
  ppm?: number;
  sigmaYM: number;
  sigmaZM: number;
}

export interface PlumeZoneResult {
  band: ThreatBand;
  level: string;
  ppm: number;
  concentrationKgM3: number;
  /** Farthest downwind distance where the ground-level (or zoneHeightM) centreline reaches the level, m; 0 = no zone. */
  downwindExtentM: number;
  maxHalfWidthM: number;
  source: string;
}

export interface PlumeResponse {
  model: { sigma: SigmaScheme; stability: StabilityClass; windSpeedMS: number; releaseHeightM: number; releaseRateKgS: number; estimate: true };
  receptors: PlumeReceptorResult[];
  zones?: PlumeZoneResult[];
  chemical?: { id: string; molarMass: number; levelSet: 'aegl' | 'erpg' | 'lel'; densityRatio: number };
  /** Where the model is out of its depth (dense gas, calm wind, distances outside the fits). */
  warnings: { code: string; zh: string; en: string }[];
}

export function sigmaFunction(scheme: SigmaScheme, cls: StabilityClass): (x: number) => Sigmas {
  switch (scheme) {
    case 'briggs-rural':
      return (x) => briggsSigma(cls, x, 'rural');
    case 'briggs-urban':
      return (x) => briggsSigma(cls, x, 'urban');
    case 'pasquill-gifford':
      return (x) => iscPgSigma(cls, x);
  }
}

/** Threshold in ppm for a level: given, or a fraction of the LEL (%vol → ppm). */
function levelPpm(chem: ChemicalThreat, level: { ppm?: number | undefined; lelFraction?: number | undefined }): number | null {
  if (level.ppm !== undefined) return level.ppm;
  if (level.lelFraction !== undefined && chem.lelPctVol !== undefined) return level.lelFraction * chem.lelPctVol * 1e4;
  return null;
}

/** Answers a validated request. `chemicals` is the threat-levels table; an unknown chemical id is the caller's 400. */
export function evaluatePlume(req: PlumeRequest, chem: ChemicalThreat | null): PlumeResponse {
  const params: PlumeParams = {
    rateKgS: req.releaseRateKgS,
    windSpeedMs: req.windSpeedMS,
    heightM: req.releaseHeightM,
    sigma: sigmaFunction(req.sigma, req.stability),
  };
  const receptors = req.receptors.map((r): PlumeReceptorResult => {
    const { c, sy, sz } = plumeAt(params, r.x, r.y, r.z);
    const out: PlumeReceptorResult = { x: r.x, y: r.y, z: r.z, concentrationKgM3: c, sigmaYM: sy, sigmaZM: sz };
    if (chem) out.ppm = mgM3ToPpm(c * 1e6, chem.molarMass);
    return out;
  });
  const warnings: PlumeResponse['warnings'] = [];
  if (req.windSpeedMS < 1) {
    warnings.push({ code: 'calm', zh: '风速低于 1 m/s：高斯烟羽模型不适用于静风，结果偏差大', en: 'Wind below 1 m/s: a Gaussian plume does not hold in calm air; the estimate is poor' });
  }
  if (req.sigma !== 'pasquill-gifford' && req.receptors.some((r) => r.x > 0 && (r.x < 100 || r.x > 10_000))) {
    warnings.push({ code: 'briggs_range', zh: 'Briggs 扩散参数适用于 100 m–10 km，范围外为外推', en: 'Briggs coefficients hold for 100 m–10 km; outside that they are extrapolated' });
  }
  const base: PlumeResponse = {
    model: { sigma: req.sigma, stability: req.stability, windSpeedMS: req.windSpeedMS, releaseHeightM: req.releaseHeightM, releaseRateKgS: req.releaseRateKgS, estimate: true },
    receptors,
    warnings,
  };
  if (!chem) return base;
  if (chem.densityRatio >= 1.2) {
    warnings.push({
      code: 'dense_gas',
      zh: `${chem.name.zh}比空气重（相对密度 ${chem.densityRatio}）：近场应使用重气扩散模型，高斯结果仅为估算`,
      en: `${chem.name.en} is heavier than air (density ratio ${chem.densityRatio}): near the source a dense-gas model is needed; the Gaussian result is only an estimate`,
    });
  }
  const setName = req.levelSet ?? (Object.keys(chem.levelSets)[0] as 'aegl' | 'erpg' | 'lel');
  const levels = chem.levelSets[setName];
  base.chemical = { id: chem.id, molarMass: chem.molarMass, levelSet: setName, densityRatio: chem.densityRatio };
  if (!levels) {
    warnings.push({ code: 'no_levels', zh: `没有 ${setName} 级别数据`, en: `no ${setName} levels for this chemical` });
    base.zones = [];
    return base;
  }
  const zM = req.zoneHeightM ?? 0;
  base.zones = levels.flatMap((level): PlumeZoneResult[] => {
    const ppm = levelPpm(chem, level);
    if (ppm === null) return [];
    const kgM3 = ppmToMgM3(ppm, chem.molarMass) / 1e6;
    const zone = threatZone(params, kgM3, zM);
    return [{ band: level.band, level: level.name, ppm, concentrationKgM3: kgM3, downwindExtentM: zone.downwindM, maxHalfWidthM: zone.maxHalfWidthM, source: level.source }];
  });
  return base;
}
