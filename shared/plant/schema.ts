import { z } from 'zod';

/**
 * The plant model. Coordinates are plant coordinates in metres: x east, y north, z up,
 * origin at the plant's south-west corner. Every file of `resources/plants/<id>/` has one
 * schema here; `plantSchema` is the assembled model that the server serves and consoles cache.
 */

export { vec3, vec2, localText, sourced, tagKinds, type Vec3, type Vec2, type LocalText, type TagKind } from './primitives';
import { vec3, vec2, localText, sourced, tagKinds, plantId as id } from './primitives';
import { alarmSettingsSchema, interlockSchema, notificationPolicySchema, riskPointSchema } from './alarmConfig';
import { peopleZonesSchema } from '../people/zones';
import { robotsFileSchema } from '../robots/model';
import { inspectionPlansFileSchema } from '../hazard/inspection';
import { incidentRulesFileSchema } from '../incident/model';
import { emergencyResourcesFileSchema } from '../incident/resources';

export const plantMetaSchema = z
  .object({
    id,
    name: localText,
    description: localText,
    capacityKtPerYear: z.number().positive(),
    /** Plant extent in metres: [width east, depth north]. */
    extent: vec2,
    timezone: z.string().min(1),
    version: z.number().int().positive(),
  })
  .strict();

export const chemicalSchema = z
  .object({
    id,
    name: localText,
    formula: z.string().min(1),
    cas: z.string().regex(/^\d{2,7}-\d{2}-\d$/),
    un: z.number().int().positive().optional(),
    hazards: z.array(z.enum(['flammable', 'toxic', 'corrosive', 'oxidiser', 'inert'])).min(1),
    molarMass: z.number().positive(),
    /** Lower explosive limit, % by volume. */
    lelPctVol: z.number().positive().optional(),
    /** Occupational exposure limit (MAC or PC-TWA), mg/m³. */
    oelMgM3: z.number().positive().optional(),
    idlhMgM3: z.number().positive().optional(),
    /** Molar mass ÷ 29 (GB/T 50493-2019 §4.1.2). */
    densityRatio: z.number().positive(),
    source: sourced,
  })
  .strict();

export const areaKinds = [
  'reactor',
  'tank_farm',
  'warehouse',
  'loading',
  'utilities',
  'pipe_rack',
  'control_room',
  'admin',
  'fire_station',
  'process',
  'wastewater',
] as const;

export const cameraPreset = z.object({ position: vec3, target: vec3 }).strict();
export type CameraPreset = z.infer<typeof cameraPreset>;

export const areaSchema = z
  .object({
    id,
    name: localText,
    kind: z.enum(areaKinds),
    /** Axis-aligned footprint, plant coordinates: [minX, minY] and [maxX, maxY]. */
    min: vec2,
    max: vec2,
    camera: cameraPreset,
  })
  .strict()
  .refine((a) => a.min[0] < a.max[0] && a.min[1] < a.max[1], { message: 'min must be below max', path: ['max'] });

export const buildingSchema = z
  .object({
    id,
    area: id,
    name: localText,
    kind: z.enum(['control_room', 'office', 'warehouse', 'workshop', 'substation', 'fire_station', 'lab', 'shelter', 'gatehouse', 'compressor_house']),
    /** Centre of the footprint at grade. */
    position: vec3,
    /** [width along x, depth along y, height]. */
    size: vec3,
    floors: z.number().int().positive(),
    rotationDeg: z.number().finite().default(0),
  })
  .strict();

export const shapeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('cylinder'), radius: z.number().positive(), height: z.number().positive() }).strict(),
  z.object({ type: z.literal('box'), size: vec3 }).strict(),
  z.object({ type: z.literal('sphere'), radius: z.number().positive() }).strict(),
]);
export type Shape = z.infer<typeof shapeSchema>;

export const equipmentKinds = [
  'reactor',
  'tank',
  'sphere',
  'pump',
  'compressor',
  'column',
  'exchanger',
  'vessel',
  'loading_arm',
  'pipe_rack',
  'boiler',
  'cooling_tower',
  'flare',
  'rack',
  'met_mast',
  'charging_station',
] as const;

export const equipmentSchema = z
  .object({
    id,
    area: id,
    name: localText,
    kind: z.enum(equipmentKinds),
    /** Base centre at grade (z is the base height). */
    position: vec3,
    shape: shapeSchema,
    chemical: id.optional(),
    /** Inventory at risk, tonnes (GB 18218 q). */
    inventoryT: z.number().nonnegative().optional(),
    /** Points where a release is likely: seals, flanges, drains, sample points (GB/T 50493 §4.1.3). */
    releaseSources: z.array(vec3).default([]),
    /** Design operating point, used by the simulator. */
    design: z.record(z.string(), z.number().finite()).default({}),
  })
  .strict();

export const roadNodeSchema = z.object({ id, position: vec2 }).strict();
export const roadEdgeSchema = z
  .object({ id, from: id, to: id, widthM: z.number().positive(), name: localText.optional() })
  .strict();
export const gateSchema = z.object({ id, name: localText, node: id }).strict();
export const roadsSchema = z
  .object({ nodes: z.array(roadNodeSchema).min(2), edges: z.array(roadEdgeSchema).min(1), gates: z.array(gateSchema).min(1) })
  .strict();

export const musterPointSchema = z
  .object({ id, name: localText, position: vec3, capacity: z.number().int().positive(), area: id.optional() })
  .strict();



/**
 * Alarm limits. For gas detectors `h` is the first level (一级) and `hh` the second (二级),
 * GB/T 50493-2019 §5.5. `source` names the standard clause or design basis.
 */
export const limitsSchema = z
  .object({
    hh: z.number().finite().optional(),
    h: z.number().finite().optional(),
    l: z.number().finite().optional(),
    ll: z.number().finite().optional(),
    source: sourced,
  })
  .strict()
  .refine((l) => (l.hh === undefined || l.h === undefined || l.hh >= l.h), { message: 'hh must be ≥ h', path: ['hh'] })
  .refine((l) => (l.ll === undefined || l.l === undefined || l.ll <= l.l), { message: 'll must be ≤ l', path: ['ll'] })
  .refine((l) => (l.h === undefined || l.l === undefined || l.h > l.l), { message: 'h must be > l', path: ['h'] });
export type Limits = z.infer<typeof limitsSchema>;

export const tagSchema = z
  .object({
    id,
    name: localText,
    area: id,
    equipment: id.optional(),
    kind: z.enum(tagKinds),
    unit: z.string().min(1),
    range: z.object({ lo: z.number().finite(), hi: z.number().finite() }).strict(),
    position: vec3,
    /** Sampling period, ms. */
    periodMs: z.number().int().min(100).max(3_600_000).default(1000),
    chemical: id.optional(),
    /** Detector voting group (2oo3 confirmation). */
    group: z.string().optional(),
    limits: limitsSchema,
  })
  .strict()
  .refine((t) => t.range.lo < t.range.hi, { message: 'range.lo must be below range.hi', path: ['range'] })
  .refine((t) => t.kind === 'wind_direction' || [t.limits.hh, t.limits.h, t.limits.l, t.limits.ll].some((v) => v !== undefined), {
    message: 'every measurement but wind direction needs at least one alarm limit',
    path: ['limits'],
  })
  .refine((t) => !(t.kind === 'gas_combustible' || t.kind === 'gas_toxic') || t.chemical !== undefined, {
    message: 'gas detectors name the chemical they detect',
    path: ['chemical'],
  });

export type PlantMeta = z.infer<typeof plantMetaSchema>;
export type Chemical = z.infer<typeof chemicalSchema>;
export type Area = z.infer<typeof areaSchema>;
export type Building = z.infer<typeof buildingSchema>;
export type Equipment = z.infer<typeof equipmentSchema>;
export type Roads = z.infer<typeof roadsSchema>;
export type MusterPoint = z.infer<typeof musterPointSchema>;
export type Tag = z.infer<typeof tagSchema>;

/** One schema per file of a plant folder; the loader validates each file against its own. */
export const plantFileSchemas = {
  'plant.json': plantMetaSchema,
  'chemicals.json': z.array(chemicalSchema).min(1),
  'areas.json': z.array(areaSchema).min(1),
  'buildings.json': z.array(buildingSchema),
  'equipment.json': z.array(equipmentSchema),
  'roads.json': roadsSchema,
  'muster.json': z.array(musterPointSchema).min(1),
  'tags.json': z.array(tagSchema).min(1),
} as const;
export type PlantFileName = keyof typeof plantFileSchemas;

/** Files a plant may leave out; the defaults apply then (no interlocks, no risk register…). */
export const plantOptionalFileSchemas = {
  'alarm-settings.json': alarmSettingsSchema,
  'interlocks.json': z.array(interlockSchema),
  'risk-register.json': z.array(riskPointSchema),
  'notification-policy.json': notificationPolicySchema,
  /** Geofences and people-safety thresholds (shared/people/zones.ts, docs/people.md). */
  'people-zones.json': peopleZonesSchema,
  /** Inspection robots, their routes and the standards their readings are compared with (docs/robots.md). */
  'robots.json': robotsFileSchema,
  /** Inspection plans (排查计划) that generate scheduled inspection tasks (docs/hazards.md). */
  'inspection-plans.json': inspectionPlansFileSchema,
  /** How alarms and trips open incidents, and at which response level (docs/incidents.md). */
  'incident-rules.json': incidentRulesFileSchema,
  /** Emergency teams, vehicles and material stock points (docs/incidents.md). */
  'emergency-resources.json': emergencyResourcesFileSchema,
} as const;
export type PlantOptionalFileName = keyof typeof plantOptionalFileSchemas;

export const plantSchema = z
  .object({
    meta: plantMetaSchema,
    chemicals: z.array(chemicalSchema),
    areas: z.array(areaSchema),
    buildings: z.array(buildingSchema),
    equipment: z.array(equipmentSchema),
    roads: roadsSchema,
    muster: z.array(musterPointSchema),
    tags: z.array(tagSchema),
    alarmSettings: alarmSettingsSchema.optional(),
    interlocks: z.array(interlockSchema).optional(),
    risks: z.array(riskPointSchema).optional(),
    notifications: notificationPolicySchema.optional(),
    peopleZones: peopleZonesSchema.optional(),
    robots: robotsFileSchema.optional(),
    inspectionPlans: inspectionPlansFileSchema.optional(),
    incidentRules: incidentRulesFileSchema.optional(),
    emergencyResources: emergencyResourcesFileSchema.optional(),
  })
  .strict();
/**
 * The assembled plant. A tag's index in `tags` is its number on the telemetry lane, so the
 * order is part of the model and covered by its hash.
 */
export type Plant = z.infer<typeof plantSchema>;
