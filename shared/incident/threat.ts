import { z } from 'zod';
import { plantId, vec2, vec3 } from '../plant/primitives';

/**
 * What an incident's threat looks like on the map, who is inside it, and the muster board.
 * Each is journaled when it changes meaningfully (docs/incidents.md), at most every few seconds.
 */

export const threatZoneSchema = z.object({
  band: z.enum(['red', 'orange', 'yellow']),
  level: z.string(),
  ppm: z.number(),
  downwindM: z.number().nonnegative(),
  halfWidthM: z.number().nonnegative(),
  /** Closed outline in plant coordinates [x, y] (ground level). Empty when the zone is empty. */
  polygon: z.array(vec2).max(400),
});
export type ThreatZone = z.infer<typeof threatZoneSchema>;

export const incidentZonesSchema = z.object({
  incidentId: z.string(),
  /** Wind the zones were computed with: speed at 10 m and the direction it blows FROM, degrees. */
  wind: z.object({ speedMS: z.number().nonnegative(), fromDeg: z.number() }),
  stability: z.enum(['A', 'B', 'C', 'D', 'E', 'F']),
  sigma: z.enum(['briggs-rural', 'briggs-urban', 'pasquill-gifford']),
  source: z.object({ position: vec3, chemical: z.string(), rateKgS: z.number(), heightM: z.number() }),
  zones: z.array(threatZoneSchema),
  /** dense_gas, calm … (shared/plume/dispersionApi warnings). */
  warnings: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string() })),
});
export type IncidentZones = z.infer<typeof incidentZonesSchema>;

export const peopleAtRiskSchema = z.object({
  incidentId: z.string(),
  counts: z.object({ red: z.number().int().nonnegative(), orange: z.number().int().nonnegative(), yellow: z.number().int().nonnegative() }),
  /** Everyone inside a band (innermost band wins), at most 10,000. */
  people: z.array(z.object({ person: plantId, band: z.enum(['red', 'orange', 'yellow']) })).max(10_000),
});
export type PeopleAtRisk = z.infer<typeof peopleAtRiskSchema>;

/** Evacuation notice pushed to people (their badges / phones), each with their muster point. */
export const evacuationNoticeSchema = z.object({
  incidentId: z.string(),
  recipients: z.array(z.object({ person: plantId, musterPoint: plantId })).max(10_000),
  /** Muster points chosen: upwind or crosswind of the plume. */
  musterPoints: z.array(plantId),
  text: z.object({ zh: z.string(), en: z.string() }),
});
export type EvacuationNotice = z.infer<typeof evacuationNoticeSchema>;

export const musterStatusSchema = z.object({
  incidentId: z.string(),
  /** On site when the evacuation was ordered. */
  expected: z.number().int().nonnegative(),
  accounted: z.number().int().nonnegative(),
  byPoint: z.record(z.string(), z.number().int().nonnegative()),
  /** Not yet at a muster point: last known place and time, at most 1,000 (the count is expected − accounted). */
  missing: z.array(z.object({ person: plantId, position: vec3.nullable(), area: z.string().nullable(), lastFixAt: z.number().nullable() })).max(1000),
  startedAt: z.number(),
  t90At: z.number().nullable(),
  t100At: z.number().nullable(),
});
export type MusterStatus = z.infer<typeof musterStatusSchema>;
