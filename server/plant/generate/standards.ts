import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { localText } from '../../../shared/plant/schema';

/**
 * The standards data the reference-plant generator reads (`resources/standards/*.json`).
 * Every number there is `{ value, source }`, so a generated limit can always say where it came from.
 */
const num = z.object({ value: z.number().finite(), source: z.string().min(3) }).strict();
export type SourcedNumber = z.infer<typeof num>;

export const gasSetpointsSchema = z
  .object({
    $comment: z.string().optional(),
    combustible: z.object({ firstPctLel: num, secondPctLel: num, rangePctLel: num }).strict(),
    toxic: z
      .object({
        firstPctOel: num,
        secondPctOel: num,
        firstPctIdlhIfRangeTooSmall: num,
        secondPctIdlhIfRangeTooSmall: num,
        rangeTimesOel: num,
      })
      .strict(),
    oxygen: z.object({ lowPctVol: num, highPctVol: num, rangePctVol: num }).strict(),
  })
  .strict();

export const placementSchema = z
  .object({
    $comment: z.string().optional(),
    spacingM: z.object({ outdoorCombustible: num, outdoorToxic: num, enclosedCombustible: num, enclosedToxic: num }).strict(),
    densityClass: z.object({ heavyMinRatio: num, slightlyHeavyMinRatio: num, slightlyLightMinRatio: num, airMolarMass: num }).strict(),
    mountingM: z
      .object({
        heavyAboveGradeMin: num,
        heavyAboveGradeMax: num,
        slightlyHeavyBelowSourceMin: num,
        slightlyHeavyBelowSourceMax: num,
        slightlyLightAboveSourceMin: num,
        slightlyLightAboveSourceMax: num,
        lightAboveSourceMax: num,
      })
      .strict(),
    voting: z.object({ groupSize: num }).strict(),
  })
  .strict();

export const standardChemicalSchema = z
  .object({
    id: z.string(),
    name: localText,
    formula: z.string(),
    cas: z.string(),
    un: z.number().int().positive().optional(),
    hazards: z.array(z.enum(['flammable', 'toxic', 'corrosive', 'oxidiser', 'inert'])).min(1),
    molarMass: num,
    lelPctVol: num.optional(),
    oelMgM3: num.optional(),
    idlhMgM3: num.optional(),
    toxicSetpointsMgM3: z.object({ first: z.number().positive(), second: z.number().positive(), source: z.string().min(3) }).strict().optional(),
  })
  .strict();
export type StandardChemical = z.infer<typeof standardChemicalSchema>;

export const chemicalsFileSchema = z.object({ $comment: z.string().optional(), chemicals: z.array(standardChemicalSchema).min(1) }).strict();

export interface Standards {
  setpoints: z.infer<typeof gasSetpointsSchema>;
  placement: z.infer<typeof placementSchema>;
  chemicals: StandardChemical[];
}

function readJson<T>(file: string, schema: z.ZodType<T>): T {
  const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const result = schema.safeParse(raw);
  if (!result.success) throw new Error(`${file}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return result.data;
}

/** Reads and validates `dir/{gas-setpoints,gas-detector-placement,chemicals}.json`. */
export function loadStandards(dir: string): Standards {
  return {
    setpoints: readJson(path.join(dir, 'gas-setpoints.json'), gasSetpointsSchema),
    placement: readJson(path.join(dir, 'gas-detector-placement.json'), placementSchema),
    chemicals: readJson(path.join(dir, 'chemicals.json'), chemicalsFileSchema).chemicals,
  };
}
