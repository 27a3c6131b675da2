import { z } from 'zod';
import { localText, plantId, sourced, vec2 } from '../plant/primitives';
import { personRoleSchema } from './registry';

/**
 * `people-zones.json`, an optional file of a plant folder (loaded into `plant.peopleZones`):
 * geofences and the thresholds of the people-safety checks. Numbers from standards or
 * guidance carry a `source`.
 */

/**
 * Where a zone is, in plant coordinates. `area`, `building` and `equipment` take the footprint
 * from the plant model (equipment: its shape's footprint grown by `marginM`); `rect`,
 * `circle` and `polygon` are drawn directly. `zMin`/`zMax` bound the height (foot elevation,
 * m) when given; equipment zones default to the equipment's own height ± 2 m.
 */
export const zoneShapeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('area'), area: plantId }).strict(),
  z.object({ type: z.literal('building'), building: plantId }).strict(),
  z.object({ type: z.literal('equipment'), equipment: plantId, marginM: z.number().min(0).max(50).default(0) }).strict(),
  z
    .object({ type: z.literal('rect'), min: vec2, max: vec2, zMin: z.number().finite().optional(), zMax: z.number().finite().optional() })
    .strict()
    .refine((r) => r.min[0] < r.max[0] && r.min[1] < r.max[1], { message: 'min must be below max', path: ['max'] }),
  z.object({ type: z.literal('circle'), center: vec2, radiusM: z.number().positive().max(5000) }).strict(),
  z.object({ type: z.literal('polygon'), points: z.array(vec2).min(3).max(256) }).strict(),
]);
export type ZoneShape = z.infer<typeof zoneShapeSchema>;

/** Who may be inside: anyone with one of the roles, one of the people, or a valid qualification of one of the types. */
export const authorisationSchema = z
  .object({
    roles: z.array(personRoleSchema).default([]),
    people: z.array(plantId).default([]),
    qualifications: z.array(plantId).default([]),
  })
  .strict();
export type Authorisation = z.infer<typeof authorisationSchema>;

export const restrictedZoneSchema = z
  .object({
    id: plantId,
    name: localText,
    shape: zoneShapeSchema,
    authorised: authorisationSchema,
    source: sourced,
  })
  .strict();
export type RestrictedZone = z.infer<typeof restrictedZoneSchema>;

/** A confined space (受限空间, GB 30871-2022 §6): entries and exits are journaled, the count inside shown. */
export const confinedSpaceSchema = z
  .object({
    id: plantId,
    name: localText,
    shape: zoneShapeSchema,
    /** More people inside than this raises the CONFINED alarm. */
    maxOccupants: z.number().int().positive().max(100),
    /** Anyone inside without this raises the CONFINED alarm (entry needs a trained, permitted entrant). */
    authorised: authorisationSchema,
    source: sourced,
  })
  .strict();
export type ConfinedSpace = z.infer<typeof confinedSpaceSchema>;

export const peopleZonesSchema = z
  .object({
    restricted: z.array(restrictedZoneSchema),
    confined: z.array(confinedSpaceSchema),
    /** Crowding (人员聚集): at least `minPeople` within `radiusM` of someone for longer than `minDurationS`. */
    crowding: z
      .object({
        radiusM: z.number().positive().max(200),
        minDurationS: z.number().min(0).max(86_400),
        /** Threshold where an area has no row of its own. */
        defaultMinPeople: z.number().int().min(2).max(10_000),
        byArea: z.record(z.string(), z.number().int().min(2).max(10_000)).default({}),
        /** Areas watched (人员聚集预警区); '*' = every area. Outside them (roads, offices) nobody is counted. */
        areas: z.union([z.literal('*'), z.array(plantId)]),
        source: sourced,
      })
      .strict(),
    /** Man-down: no movement beyond `stillM` for `stillS` (or the badge's SOS). */
    manDown: z
      .object({
        stillS: z.number().positive().max(3600),
        stillM: z.number().positive().max(50),
        /** Areas where sitting still is normal work (offices, control room). */
        exemptAreas: z.array(plantId).default([]),
        source: sourced,
      })
      .strict(),
    /** Lone working: inside these areas or zones someone must be within `buddyRadiusM`; alone longer than `maxAloneS` alarms. */
    loneWorker: z
      .object({
        areas: z.array(plantId),
        buddyRadiusM: z.number().positive().max(1000),
        maxAloneS: z.number().min(0).max(86_400),
        source: sourced,
      })
      .strict(),
    badges: z
      .object({
        /** No fix for this long from a badge on site: SIGNAL_LOST. */
        signalLostS: z.number().positive().max(86_400),
        /** Battery below this (%): LOW_BATTERY; it clears at or above `lowBatteryClearPct`. */
        lowBatteryPct: z.number().min(0).max(100),
        lowBatteryClearPct: z.number().min(0).max(100),
        /** RTLS ingest: most fixes a second one badge may send; the rest are dropped and counted. */
        maxFixesPerS: z.number().positive().max(1000),
        source: sourced,
      })
      .strict()
      .refine((b) => b.lowBatteryClearPct >= b.lowBatteryPct, { message: 'lowBatteryClearPct must be ≥ lowBatteryPct', path: ['lowBatteryClearPct'] }),
    /** Occupancy per area is journaled when it changed, at most this often (consoles get it live in every positions frame). */
    occupancyJournalS: z.number().min(1).max(3600).default(10),
    /** Certificates and courses expiring within this many days are reminded. */
    reminderDays: z.number().int().min(0).max(365).default(30),
  })
  .strict();
export type PeopleZones = z.infer<typeof peopleZonesSchema>;
