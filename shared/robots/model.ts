import { z } from 'zod';
import { localText, plantId, sourced, vec3 } from '../plant/primitives';

/**
 * Inspection robots (智能巡检, docs/robots.md). The plant file `robots.json` gives each robot its
 * dock and patrol route (waypoints on the plant's roads, some of them checkpoints where it stops
 * and measures), and the standards its readings are compared with. Live position, heading and
 * battery travel at 1 Hz in the `robots` socket message (never the journal); state changes and
 * findings are journal events.
 */

export const robotSensorKinds = ['thermal', 'gas', 'noise'] as const;
export type RobotSensorKind = (typeof robotSensorKinds)[number];

export const robotCheckpointSchema = z
  .object({
    id: plantId,
    /** Where the robot stops, plant coordinates (m). */
    position: vec3,
    /** Equipment it looks at (thermal camera, microphone). */
    equipment: plantId,
    /** What it measures here. */
    measure: z.array(z.enum(robotSensorKinds)).min(1),
    /** Seconds it dwells. */
    dwellS: z.number().positive().max(600).default(10),
  })
  .strict();
export type RobotCheckpoint = z.infer<typeof robotCheckpointSchema>;

export const robotDefSchema = z
  .object({
    id: plantId,
    name: localText,
    /** e.g. explosion-proof wheeled, rail-mounted. */
    model: z.string().min(1).max(120),
    dock: vec3,
    /** Patrol route: visited in order, then back to the first; from the dock and back to it to charge. */
    route: z.array(robotCheckpointSchema).min(2).max(500),
    speedMS: z.number().positive().max(5).default(1),
    /** Battery drain per hour of patrol, % ; charge per hour at the dock, %. */
    drainPctPerH: z.number().positive().max(100).default(12),
    chargePctPerH: z.number().positive().max(500).default(40),
    /** Returns to charge below this, %; leaves the dock at or above `resumePct`. */
    returnPct: z.number().min(5).max(90).default(25),
    resumePct: z.number().min(10).max(100).default(95),
  })
  .strict();
export type RobotDef = z.infer<typeof robotDefSchema>;

/** A reading limit the robot compares with, by sensor and equipment type. */
export const robotStandardSchema = z
  .object({
    sensor: z.enum(robotSensorKinds),
    /** Equipment types it applies to (plant equipment `type`), or '*' for all. */
    equipmentTypes: z.union([z.literal('*'), z.array(z.string().min(1)).min(1)]),
    /** Reading at or above this is an anomaly. */
    limit: z.number().finite(),
    unit: z.string().min(1).max(20),
    /** At or above this the hazard is proposed as major. */
    majorLimit: z.number().finite().optional(),
    text: localText,
    source: sourced,
  })
  .strict();
export type RobotStandard = z.infer<typeof robotStandardSchema>;

export const robotsFileSchema = z
  .object({
    version: z.literal(1),
    robots: z.array(robotDefSchema).max(200),
    standards: z.array(robotStandardSchema).min(1).max(200),
  })
  .strict();
export type RobotsFile = z.infer<typeof robotsFileSchema>;

export const robotStates = ['patrolling', 'measuring', 'returning', 'charging', 'investigating', 'fault', 'offline'] as const;
export const robotStateSchema = z.enum(robotStates);
export type RobotState = z.infer<typeof robotStateSchema>;

/** One robot's live status (REST GET /api/v1/robots and the `robots` socket message). */
export const robotStatusSchema = z.object({
  id: z.string(),
  state: robotStateSchema,
  position: vec3,
  /** Radians, 0 = +x, counter-clockwise in the ground plane. */
  heading: z.number(),
  batteryPct: z.number().min(0).max(100),
  /** Index into the route of the next checkpoint. */
  nextCheckpoint: z.number().int().nonnegative(),
  /** Last reading per sensor kind. */
  readings: z.record(z.string(), z.object({ value: z.number(), unit: z.string(), at: z.number(), checkpoint: z.string() })),
  time: z.number(),
});
export type RobotStatus = z.infer<typeof robotStatusSchema>;

/** Socket `robots` message: all robots' status, ~1 Hz, after `subscribe.positions`. */
export const robotsMessageSchema = z.object({ time: z.number(), robots: z.array(robotStatusSchema) });
export type RobotsMessage = z.infer<typeof robotsMessageSchema>;

/** An anomaly a robot found: becomes a hazard work order with source `robot`. */
export const robotFindingSchema = z.object({
  /** `RF-<robot>-<n>`. */
  id: z.string().min(1).max(100),
  robot: z.string(),
  checkpoint: z.string(),
  equipment: z.string(),
  area: z.string().nullable(),
  position: vec3,
  sensor: z.enum(robotSensorKinds),
  value: z.number(),
  unit: z.string(),
  limit: z.number(),
  major: z.boolean(),
  standard: z.string(),
  at: z.number(),
});
export type RobotFinding = z.infer<typeof robotFindingSchema>;
