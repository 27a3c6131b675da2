import { z } from 'zod';
import { localText, plantId, sourced, vec2, vec3 } from '../plant/primitives';

/**
 * Emergency resources (应急资源, plant file `emergency-resources.json`): teams of registry people,
 * vehicles, and material stock points. Dispatch ranks candidates by travel time on the road graph
 * (skipping roads inside the threat zone, approaching from upwind), filters by valid
 * qualifications and unexpired materials; the commander confirms.
 */

export const teamKinds = ['fire_brigade', 'hazmat', 'medical', 'maintenance', 'security'] as const;
export const materialKinds = ['scba', 'leak_kit', 'absorbent', 'foam', 'first_aid', 'chem_suit', 'gas_detector', 'water_curtain'] as const;
export const materialKindSchema = z.enum(materialKinds);
export type MaterialKind = z.infer<typeof materialKindSchema>;

export const teamSchema = z
  .object({
    id: plantId,
    name: localText,
    kind: z.enum(teamKinds),
    /** Registry person ids. */
    members: z.array(plantId).min(1).max(100),
    /** Where the team stands by. */
    base: vec3,
    /** Qualification type ids every dispatched member must hold valid (e.g. SCBA training for a toxic release). */
    requires: z.array(plantId).default([]),
    vehicle: plantId.optional(),
  })
  .strict();
export type EmergencyTeam = z.infer<typeof teamSchema>;

export const vehicleSchema = z
  .object({
    id: plantId,
    name: localText,
    kind: z.enum(['fire_engine', 'hazmat_truck', 'ambulance', 'utility']),
    base: vec3,
    /** Cruise speed on plant roads, km/h (plant speed limit applies: see roads). */
    speedKmh: z.number().positive().max(120),
  })
  .strict();

export const stockItemSchema = z
  .object({
    kind: materialKindSchema,
    quantity: z.number().int().nonnegative(),
    minQuantity: z.number().int().nonnegative(),
    /** ISO date (YYYY-MM-DD) the batch expires, if it does. */
    expires: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  })
  .strict();
export type StockItem = z.infer<typeof stockItemSchema>;

export const stockPointSchema = z
  .object({
    id: plantId,
    name: localText,
    position: vec3,
    area: plantId.optional(),
    items: z.array(stockItemSchema).min(1),
  })
  .strict();

export const emergencyResourcesFileSchema = z
  .object({
    version: z.literal(1),
    teams: z.array(teamSchema).min(1),
    vehicles: z.array(vehicleSchema),
    stockPoints: z.array(stockPointSchema),
    /** Which team kinds and materials each incident type needs (dispatch asks for these). */
    needs: z.record(z.string(), z.object({ teams: z.array(z.enum(teamKinds)), materials: z.array(materialKindSchema), requires: z.array(plantId).default([]) }).strict()),
    /** Walking speed for teams without a vehicle, m/s; default road speed, km/h. */
    walkMS: z.number().positive().max(5).default(1.4),
    roadKmh: z.number().positive().max(120).default(20),
    /** Days before expiry that a stock item raises an "expiring" alert. */
    expiryWarnDays: z.number().int().positive().max(365).default(30),
    source: sourced,
  })
  .strict();
export type EmergencyResourcesFile = z.infer<typeof emergencyResourcesFileSchema>;

export const dispatchStates = ['en_route', 'arrived', 'returning', 'cancelled', 'done'] as const;
/**
 * A dispatched unit. Its position at time t is interpolated along `route` (cumulative times from
 * `departedAt`), so consoles need no position lane; arrival is journaled by the server.
 */
export const dispatchRecordSchema = z.object({
  /** `DSP-<n>`. */
  id: z.string().min(1).max(64),
  incidentId: z.string(),
  /** Team or vehicle id. */
  unit: plantId,
  unitKind: z.enum(['team', 'vehicle', 'stock']),
  /** What it was asked for (team kind or material kind). */
  need: z.string(),
  /** People going (team members with valid qualifications). */
  members: z.array(plantId),
  /** Materials it takes: stock point, kind, quantity. */
  materials: z.array(z.object({ point: plantId, kind: materialKindSchema, quantity: z.number().int().positive() })),
  target: vec3,
  /** Polyline in plant coordinates [x, y] and the seconds from departure at each vertex. */
  route: z.array(vec2).min(2),
  routeTimesS: z.array(z.number().nonnegative()).min(2),
  departedAt: z.number(),
  etaAt: z.number(),
  arrivedAt: z.number().nullable(),
  state: z.enum(dispatchStates),
  /** Why this unit was first (rank, travel time, upwind approach). */
  reason: localText,
  by: z.string(),
});
export type DispatchRecord = z.infer<typeof dispatchRecordSchema>;

/** One candidate of a dispatch recommendation (not journaled: computed on request). */
export const dispatchCandidateSchema = z.object({
  unit: plantId,
  unitKind: z.enum(['team', 'vehicle', 'stock']),
  need: z.string(),
  rank: z.number().int().positive(),
  travelS: z.number().nonnegative(),
  distanceM: z.number().nonnegative(),
  /** Members who hold every required qualification valid today. */
  qualifiedMembers: z.array(plantId),
  /** Why it is not fit (expired certificates, route blocked by the zone), empty when fit. */
  unfit: z.array(localText),
  approachFromUpwind: z.boolean(),
  route: z.array(vec2),
});
export type DispatchCandidate = z.infer<typeof dispatchCandidateSchema>;
