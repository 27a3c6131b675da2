import { z } from 'zod';
import { journalEventSchema } from '../state/events';
import { roleSchema } from './roles';

/**
 * The socket.io contract. Event names are the keys of `clientToServer` / `serverToClient`.
 * Every request carries an ack callback answered with `Ack`.
 */
export const PROTOCOL_VERSION = 1;

/** Largest inbound socket message the server accepts, bytes. */
export const MAX_MESSAGE_BYTES = 64 * 1024;

export const helloSchema = z
  .object({
    protocolVersion: z.number().int(),
    token: z.string().min(1).max(512),
    /** Last journal seq this console applied; the server replies with the events after it when it still has them. */
    lastSeq: z.number().int().nonnegative().optional(),
    clientName: z.string().max(120).optional(),
  })
  .strict();
export type Hello = z.infer<typeof helloSchema>;

export const snapshotSchema = z.object({
  seq: z.number().int().nonnegative(),
  time: z.number(),
  /** CommandState (shared/state/reducer), validated structurally by the reducer's users. */
  state: z.record(z.string(), z.unknown()),
});

export const helloReplySchema = z.object({
  serverVersion: z.string(),
  plantId: z.string(),
  plantHash: z.string(),
  tagCount: z.number().int().nonnegative(),
  /** `person`: the registry person the account is linked to (users.json), when it is. */
  user: z.object({ name: z.string(), role: roleSchema, person: z.string().optional() }),
  /** 'events': `events` continue from the hello's lastSeq; 'snapshot': start over from `snapshot`. */
  resume: z.enum(['events', 'snapshot']),
  snapshot: snapshotSchema.optional(),
  events: z.array(journalEventSchema).optional(),
  /** Telemetry batching period, ms (≥ 100: at most 10 frames a second). */
  framePeriodMs: z.number().int().min(100),
  serverTime: z.number(),
});
export type HelloReply = z.infer<typeof helloReplySchema>;

/** `subscribe`: which areas' telemetry this console wants; '*' for all. Replaces the previous subscription. */
export const subscribeSchema = z
  .object({ areas: z.union([z.literal('*'), z.array(z.string().min(1)).max(256)]) })
  .strict();
export type Subscribe = z.infer<typeof subscribeSchema>;

export const commandRequestSchema = z
  .object({
    /** Client-chosen id; a repeat of the same id returns the first result and does nothing twice. */
    id: z.string().min(8).max(64),
    name: z.string().min(1).max(64),
    payload: z.unknown(),
  })
  .strict();
export type CommandRequest = z.infer<typeof commandRequestSchema>;

export const errorCodes = [
  'bad_request',
  'unauthenticated',
  'forbidden',
  'unknown_command',
  'not_found',
  'conflict',
  'protocol_version',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export type Ack<T = unknown> = { ok: true; data: T } | { ok: false; code: ErrorCode; message: string };

export function ok<T>(data: T): Ack<T> {
  return { ok: true, data };
}
export function fail(code: ErrorCode, message: string): Ack<never> {
  return { ok: false, code, message };
}

/** Most events in one `events` message, so that no single message is slow to parse. */
export const EVENTS_PER_MESSAGE = 1000;

/** Socket event names. */
export const ClientEvents = {
  hello: 'hello',
  subscribe: 'subscribe',
  command: 'command',
  /** `{on: boolean}`: start or stop the positions lane (docs/protocol.md §3.9). */
  subscribePositions: 'subscribe.positions',
} as const;
export const ServerEvents = {
  /** Reliable lane: one journal event, in seq order. */
  event: 'event',
  /**
   * Reliable lane: several consecutive journal events (an array, seq order, no gaps), sent
   * instead of that many `event` messages when the server appends a batch (alarm floods).
   * Each message holds at most EVENTS_PER_MESSAGE events; apply them like single events.
   */
  events: 'events',
  /** Telemetry lane: one binary frame (shared/protocol/frame). */
  frame: 'frame',
  /** The server is going away or the console must resync (payload: {reason}). */
  resync: 'resync',
  /** Telemetry lane: one binary positions frame (shared/people/positionsFrame), after subscribe.positions. */
  positions: 'positions',
  /** Robots lane: all inspection robots' status (shared/robots/model `robotsMessageSchema`), ~1 Hz, after subscribe.positions. */
  robots: 'robots',
} as const;
