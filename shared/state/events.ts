import { z } from 'zod';
import { injectionSchema } from '../protocol/injection';

/**
 * Journal events: every change to command state is one of these, appended by the server with
 * a sequence number, a time and an actor, and reduced by `reduce` everywhere (server, live
 * console, replay). Later capabilities add variants here; a variant's payload never changes
 * meaning once released — add a new type instead.
 */

const bandEnum = z.enum(['normal', 'h', 'hh', 'l', 'll', 'bad']);

export const eventBodySchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('system.started'),
    payload: z.object({ version: z.string(), plantId: z.string(), plantHash: z.string(), seed: z.number(), mode: z.enum(['simulator', 'live']) }),
  }),
  z.object({
    type: z.literal('tag.band.changed'),
    payload: z.object({ tag: z.string(), from: bandEnum, to: bandEnum, value: z.number().nullable() }),
  }),
  z.object({
    type: z.literal('sim.injection.started'),
    payload: z.object({ injectionId: z.string(), injection: injectionSchema, until: z.number().nullable() }),
  }),
  z.object({
    type: z.literal('sim.injection.ended'),
    payload: z.object({ injectionId: z.string(), reason: z.enum(['cleared', 'expired']) }),
  }),
  z.object({
    type: z.literal('user.signed_in'),
    payload: z.object({ user: z.string(), role: z.string(), via: z.enum(['password', 'token', 'local']) }),
  }),
]);

export const journalEventSchema = z.intersection(
  z.object({
    seq: z.number().int().positive(),
    time: z.number(),
    /** User name, or "system". */
    actor: z.string().min(1),
  }),
  eventBodySchema,
);

export type EventBody = z.infer<typeof eventBodySchema>;
export type JournalEvent = z.infer<typeof journalEventSchema>;
export type EventType = EventBody['type'];
