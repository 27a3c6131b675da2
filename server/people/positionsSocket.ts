import type { Server, Socket } from 'socket.io';
import { z } from 'zod';
import { ClientEvents, fail, ok, ServerEvents, type Ack } from '../../shared/protocol/messages';
import type { Metrics } from '../metrics';
import { isCongested } from '../transport/socketCongestion';
import { describeZodError } from '../util/describeZodError';
import type { PositionsHub, PositionsOut } from './PositionsHub';

/** `subscribe.positions` payload: start (`on: true`) or stop the positions lane. */
export const subscribePositionsSchema = z.object({ on: z.boolean() }).strict();

/** Room the socket gateway puts a socket in once its hello succeeded (server/transport/SocketGateway.ts). */
const LIVE_ROOM = 'live';

/** socket.io as the positions hub's output: one buffer to many sockets, congestion as the telemetry lane judges it. */
export function socketPositionsOut(io: Server): PositionsOut {
  return {
    send: (ids, frame) => io.to(ids as string[]).emit(ServerEvents.positions, frame),
    congested: (id) => {
      const s = io.sockets.sockets.get(id);
      return !s || isCongested(s);
    },
  };
}

/**
 * Handles `subscribe.positions` next to the socket gateway (which rate-limits every message and
 * lets only known event names through): the socket must have said hello; the payload is
 * validated; the ack comes before the keyframe. A disconnect ends the subscription.
 */
export function attachPositionsSocket(io: Server, hub: PositionsHub, metrics: Metrics, now: () => number): () => void {
  const onConnection = (socket: Socket): void => {
    socket.on(ClientEvents.subscribePositions, (...args: unknown[]) => {
      const reply = args[args.length - 1];
      if (typeof reply !== 'function') {
        metrics.reject('no_ack');
        return;
      }
      const answer = (ack: Ack<unknown>): void => {
        if (!ack.ok) metrics.reject(ack.code);
        (reply as (a: Ack<unknown>) => void)(ack);
      };
      if (args.length !== 2) return answer(fail('bad_request', 'subscribe.positions takes exactly one payload and an ack callback'));
      if (!socket.rooms.has(LIVE_ROOM)) return answer(fail('unauthenticated', 'send hello with a valid token first'));
      const sub = subscribePositionsSchema.safeParse(args[0]);
      if (!sub.success) return answer(fail('bad_request', `invalid subscribe.positions: ${describeZodError(sub.error)}`));
      if (!sub.data.on) {
        hub.unsubscribe(socket.id);
        return answer(ok({ on: false }));
      }
      answer(ok({ on: true }));
      hub.subscribe(socket.id, now());
    });
    socket.on('disconnect', () => hub.unsubscribe(socket.id));
  };
  io.on('connection', onConnection);
  return () => io.off('connection', onConnection);
}
