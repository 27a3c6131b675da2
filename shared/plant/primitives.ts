import { z } from 'zod';

/** Building blocks of the plant schemas (split out so that schema files can share them without cycles). */

export const vec3 = z.tuple([z.number().finite(), z.number().finite(), z.number().finite()]);
export const vec2 = z.tuple([z.number().finite(), z.number().finite()]);
export type Vec3 = z.infer<typeof vec3>;
export type Vec2 = z.infer<typeof vec2>;

/** Every label on screen exists in Simplified Chinese and English. */
export const localText = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();
export type LocalText = z.infer<typeof localText>;

export const plantId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'ids use letters, digits, _ . -');

/** A number that comes from a standard or a design decision, with where it comes from. */
export const sourced = z.string().min(3);


export const tagKinds = [
  'temperature',
  'pressure',
  'level',
  'flow',
  'gas_combustible',
  'gas_toxic',
  'oxygen',
  'wind_speed',
  'wind_direction',
  'ambient_temperature',
  'humidity',
  'speed',
  'valve_position',
  'vibration',
] as const;
export type TagKind = (typeof tagKinds)[number];
