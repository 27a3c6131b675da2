import type { Server, Socket } from 'socket.io';
import {
  ClientEvents,
  EVENTS_PER_MESSAGE,
  fail,
  helloSchema,
  ok,
  PROTOCOL_VERSION,
  ServerEvents,
  subscribeSchema,
  type Ack,
  type HelloReply,
} from '../../shared/protocol/messages';
import type { JournalEvent } from '../../shared/state/events';
import type { AuthService, AuthUser } from '../auth/authService';
import type { CommandEngine } from '../engine/CommandEngine';
import type { CommandService } from '../engine/CommandService';
import type { Metrics } from '../metrics';
import { describeZodError } from '../util/describeZodError';
import { RateLimiter } from './RateLimiter';
import type { TelemetryHub } from './TelemetryHub';

export interface GatewayOptions {
  /** Messages a second per socket, and the burst allowed. */
  ratePerSecond: number;
  rateBurst: number;
  /** Consecutive over-rate messages after which the socket is cut off. */
  floodDisconnectAfter: number;
  /** Most events sent in a hello reply; a console further behind gets a snapshot. */
  resumeLimit: number;
}

export const DEFAULT_GATEWAY: GatewayOptions = { ratePerSecond: 50, rateBurst: 100, floodDisconnectAfter: 500, resumeLimit: 5000 };

export interface GatewayDeps {
  io: Server;
  auth: AuthService;
  engine: CommandEngine;
  commands: CommandService;
  hub: TelemetryHub;
  metrics: Metrics;
  /** The hello reply's fixed part (server, plant, frame period). */
  serverInfo: () => Pick<HelloReply, 'serverVersion' | 'plantId' | 'plantHash' | 'tagCount' | 'framePeriodMs'>;
  now: () => number;
  options?: Partial<GatewayOptions>;
}

type Reply = (ack: Ack<unknown>) => void;
type Handler = (payload: unknown, reply: Reply) => void;

/** Room of the sockets past hello: they receive the reliable event lane. */
const LIVE_ROOM = 'live';
const knownEvents = new Set<string>(Object.values(ClientEvents));

/**
 * The socket.io side of the wire protocol (docs/protocol.md). Every inbound message passes a
 * rate limit and an event-name check, has its payload validated with zod, and gets an Ack; a
 * handler that throws answers `internal`. Every refusal is counted by reason in Metrics.
 */
export function attachSocketGateway(deps: GatewayDeps): { consoles: () => number; detach: () => void } {
  const { io, auth, engine, commands, hub, metrics } = deps;
  const opt = { ...DEFAULT_GATEWAY, ...deps.options };

  // One append → as few messages as possible: a single event as `event` (what every console
  // understands), a batch as `events` arrays of at most EVENTS_PER_MESSAGE, each serialised
  // once for the whole room.
  const unlisten = engine.onBatch((events: readonly JournalEvent[]) => {
    if (events.length === 1) {
      io.to(LIVE_ROOM).emit(ServerEvents.event, events[0]);
      return;
    }
    for (let i = 0; i < events.length; i += EVENTS_PER_MESSAGE) {
      io.to(LIVE_ROOM).emit(ServerEvents.events, events.slice(i, i + EVENTS_PER_MESSAGE));
    }
  });

  io.on('connection', (socket: Socket) => {
    let user: AuthUser | null = null;
    const limiter = new RateLimiter(opt.ratePerSecond, opt.rateBurst);
    let overRate = 0;

    socket.use((packet, next) => {
      const ack = typeof packet[packet.length - 1] === 'function' ? (packet[packet.length - 1] as Reply) : null;
      if (!limiter.take()) {
        metrics.reject('rate_limited');
        if (++overRate >= opt.floodDisconnectAfter) {
          metrics.reject('flood_disconnect');
          socket.disconnect(true);
        } else {
          ack?.(fail('bad_request', `rate limit: at most ${opt.ratePerSecond} messages a second`));
        }
        return;
      }
      overRate = 0;
      const name = packet[0];
      if (typeof name !== 'string' || !knownEvents.has(name)) {
        metrics.reject('unknown_event');
        ack?.(fail('bad_request', `unknown event; send one of: ${[...knownEvents].join(', ')}`));
        return;
      }
      next();
    });

    const on = (event: string, handler: Handler, needsHello: boolean): void => {
      socket.on(event, (...args: unknown[]) => {
        const last = args[args.length - 1];
        if (typeof last !== 'function') {
          metrics.reject('no_ack');
          return;
        }
        let replied = false;
        const reply: Reply = (ack) => {
          if (replied) return;
          replied = true;
          if (!ack.ok) metrics.reject(ack.code);
          (last as Reply)(ack);
        };
        if (args.length !== 2) return reply(fail('bad_request', `${event} takes exactly one payload and an ack callback`));
        if (needsHello && !user) {
          metrics.reject('not_hello');
          return reply(fail('unauthenticated', 'send hello with a valid token first'));
        }
        try {
          handler(args[0], reply);
        } catch (err) {
          console.error(`socket ${event} handler failed:`, err);
          reply(fail('internal', 'internal error; the request was not completed'));
        }
      });
    };

    on(
      ClientEvents.hello,
      (payload, reply) => {
        const hello = helloSchema.safeParse(payload);
        if (!hello.success) return reply(fail('bad_request', `invalid hello: ${describeZodError(hello.error)}`));
        if (hello.data.protocolVersion !== PROTOCOL_VERSION) {
          return reply(fail('protocol_version', `server speaks protocol ${PROTOCOL_VERSION}, console sent ${hello.data.protocolVersion}`));
        }
        const who = auth.resolve(hello.data.token);
        if (!who) return reply(fail('unauthenticated', 'unknown or expired token; sign in again'));
        // A repeated hello starts the session over: new user, no telemetry until subscribe.
        hub.unsubscribe(socket.id);
        user = who;
        const events = hello.data.lastSeq !== undefined ? engine.eventsAfter(hello.data.lastSeq, opt.resumeLimit) : null;
        const state = engine.state;
        const body: HelloReply = {
          ...deps.serverInfo(),
          user: { name: who.name, role: who.role, ...(who.person ? { person: who.person } : {}) },
          resume: events ? 'events' : 'snapshot',
          ...(events ? { events } : { snapshot: { seq: state.seq, time: state.time, state: state as unknown as Record<string, unknown> } }),
          serverTime: deps.now(),
        };
        // Joining the live room and replying in the same synchronous step: every later event
        // is emitted after this reply on the same connection, so none is missed or doubled.
        void socket.join(LIVE_ROOM);
        reply(ok(body));
      },
      false,
    );

    on(
      ClientEvents.subscribe,
      (payload, reply) => {
        const sub = subscribeSchema.safeParse(payload);
        if (!sub.success) return reply(fail('bad_request', `invalid subscribe: ${describeZodError(sub.error)}`));
        const result = hub.subscribe(socket.id, sub.data.areas);
        if ('unknown' in result) return reply(fail('not_found', `unknown areas: ${result.unknown.slice(0, 20).join(', ')}`));
        reply(ok(result));
        hub.keyframe(socket.id);
      },
      true,
    );

    on(ClientEvents.command, (payload, reply) => reply(commands.run(user!, payload)), true);

    // socket.io reports a packet it cannot decode here, then closes the connection.
    socket.on('error', () => metrics.reject('malformed_packet'));
    socket.on('disconnect', (_reason, description) => {
      hub.unsubscribe(socket.id);
      if (isOversized(description)) metrics.reject('oversized');
    });
  });

  return {
    consoles: () => io.sockets.adapter.rooms.get(LIVE_ROOM)?.size ?? 0,
    detach: () => unlisten(),
  };
}

/** engine.io closes a connection whose message exceeds maxHttpBufferSize; tell that apart for the counters. */
function isOversized(description: unknown): boolean {
  const text = description instanceof Error ? description.message : typeof description === 'string' ? description : JSON.stringify(description ?? '');
  return /max payload|payload too large|too large/i.test(text ?? '');
}
