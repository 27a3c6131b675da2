import { z } from 'zod';
import { vec3 } from '../plant/schema';

/**
 * What the simulator can be told to do; drills and tests script plant upsets with these.
 * Sent as `POST /api/v1/sim/inject` or the `sim.inject` command.
 */
export const injectionSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('gas_release'),
      /** Release point, plant coordinates (m). */
      position: vec3,
      chemical: z.string().min(1),
      /** Release rate, kg/s. */
      rateKgS: z.number().positive().max(1000),
      durationS: z.number().positive().max(86_400).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('overpressure'),
      equipment: z.string().min(1),
      /** Multiplier on design pressure reached at the end of the ramp. */
      factor: z.number().min(1).max(5),
      rampS: z.number().positive().max(3600).default(60),
      durationS: z.number().positive().max(86_400).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('detector_failure'),
      tag: z.string().min(1),
      mode: z.enum(['stuck', 'bad', 'offline']),
      durationS: z.number().positive().max(86_400).optional(),
    })
    .strict(),
  /** Loss of an I/O rack or network segment: every tag of the areas goes bad or offline at once. */
  z
    .object({
      kind: z.literal('io_outage'),
      areas: z.union([z.literal('*'), z.array(z.string().min(1)).min(1).max(256)]),
      mode: z.enum(['bad', 'offline']),
      durationS: z.number().positive().max(86_400).optional(),
    })
    .strict(),
  /**
   * People simulator (docs/people.md): the person collapses where they are and stops moving
   * (their badge keeps reporting; `sos` presses its SOS button), until the injection ends.
   */
  z
    .object({
      kind: z.literal('person_down'),
      person: z.string().min(1).max(64),
      sos: z.boolean().default(false),
      durationS: z.number().positive().max(86_400).optional(),
    })
    .strict(),
  /**
   * People simulator: the person goes to `to` (walking the roads, or placed there at once) and
   * stays there until the injection ends, then resumes their day. `floor`: storey (0 outdoors).
   */
  z
    .object({
      kind: z.literal('person_move'),
      person: z.string().min(1).max(64),
      to: vec3,
      floor: z.number().int().min(0).max(255).default(0),
      mode: z.enum(['walk', 'teleport']).default('walk'),
      durationS: z.number().positive().max(86_400).optional(),
    })
    .strict(),
  /**
   * Robots (docs/robots.md): the equipment's surface runs hot (°C), as an inspection robot's
   * thermal camera sees it; plant tags do not change.
   */
  z
    .object({
      kind: z.literal('hot_spot'),
      equipment: z.string().min(1).max(64),
      surfaceC: z.number().min(-50).max(1500),
      durationS: z.number().positive().max(86_400).optional(),
    })
    .strict(),
  /** Robots: the robot stops where it is in `fault` until the injection ends. */
  z
    .object({
      kind: z.literal('robot_fault'),
      robot: z.string().min(1).max(64),
      durationS: z.number().positive().max(86_400).optional(),
    })
    .strict(),
]);
/** Injection kinds the robot simulator handles (the plant simulator refuses them). */
export const robotInjectionKinds = ['hot_spot', 'robot_fault'] as const;
/** Injection kinds the people simulator handles (the plant simulator refuses them). */
export const personInjectionKinds = ['person_down', 'person_move'] as const;
export type Injection = z.infer<typeof injectionSchema>;
