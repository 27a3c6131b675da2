import { z } from 'zod';
import { localText, plantId, sourced } from '../plant/primitives';

/**
 * Levels of concern for threat zones (resources/standards/threat-levels.json): for toxics the
 * 60-minute AEGL or the ERPG tiers (red = tier 3, orange = 2, yellow = 1, as ALOHA draws them);
 * for flammables fractions of the LEL (ALOHA's defaults: red 60 % LEL, yellow 10 % LEL).
 */

export const threatBands = ['red', 'orange', 'yellow'] as const;
export type ThreatBand = (typeof threatBands)[number];

export const threatLevelSchema = z
  .object({
    /** e.g. "AEGL-3 (60 min)", "60 % LEL". */
    name: z.string().min(1).max(60),
    band: z.enum(threatBands),
    /** Concentration of concern, ppm (toxics) … */
    ppm: z.number().positive().optional(),
    /** … or a fraction of the LEL (flammables), 0–1. */
    lelFraction: z.number().positive().max(1).optional(),
    source: sourced,
  })
  .strict()
  .refine((l) => (l.ppm === undefined) !== (l.lelFraction === undefined), { message: 'give exactly one of ppm and lelFraction' });
export type ThreatLevel = z.infer<typeof threatLevelSchema>;

export const chemicalThreatSchema = z
  .object({
    id: plantId,
    name: localText,
    /** g/mol. */
    molarMass: z.number().positive(),
    /** Lower explosive limit, %vol (flammables). */
    lelPctVol: z.number().positive().optional(),
    /** Vapour (gas) density relative to air: ≥ 1.2 is a heavy gas (GB/T 50493-2019 §4.1.2). */
    densityRatio: z.number().positive(),
    /** Tier sets; the first is the default. */
    levelSets: z.partialRecord(z.enum(['aegl', 'erpg', 'lel']), z.array(threatLevelSchema).min(1).max(3)),
    source: sourced,
  })
  .strict();
export type ChemicalThreat = z.infer<typeof chemicalThreatSchema>;

export const threatLevelsFileSchema = z
  .object({ $comment: z.string().optional(), version: z.literal(1), chemicals: z.array(chemicalThreatSchema).min(1) })
  .strict();
export type ThreatLevelsFile = z.infer<typeof threatLevelsFileSchema>;
