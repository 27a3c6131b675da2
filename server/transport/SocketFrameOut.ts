import type { Server } from 'socket.io';
import { ServerEvents } from '../../shared/protocol/messages';
import { congestionOf, isCongested } from './socketCongestion';
import type { FrameOut, TransportBacklog } from './TelemetryHub';

export interface FrameCreditOptions {
  /** Frames a console that acknowledges may have unacknowledged before it is skipped. */
  maxFrames: number;
  /** Bytes of frames it may have unacknowledged (one 50,000-tag keyframe is ~850 KB). */
  maxBytes: number;
  /** Before a console's first ack: an ack not back by then is given up (callback dropped, credit returned). */
  ackTimeoutMs: number;
}

export const DEFAULT_FRAME_CREDIT: FrameCreditOptions = { maxFrames: 4, maxBytes: 2 * 1024 * 1024, ackTimeoutMs: 10_000 };

interface InFlight {
  frames: number;
  bytes: number;
  /** Set at the first ack: from then on the credit limit applies. */
  acks: boolean;
}

/**
 * Sends telemetry frames over socket.io with an optional per-frame acknowledgement, so that
 * the event lane never queues behind frames *anywhere* — not in engine.io's buffer, and not in
 * the kernel's socket buffers either, which `bufferedAmount` cannot see (a console that reads
 * slowly lets megabytes of frames sit there, ahead of the next alarm).
 *
 * Every frame is emitted with an ack callback; a console that calls it (docs/protocol.md §3.4,
 * the renderer after applying a frame) is then held to `maxFrames`/`maxBytes` unacknowledged:
 * beyond that it is "congested" and the hub conflates for it. A console that never calls it
 * is limited by the engine.io/ws buffer thresholds alone (socketCongestion.ts); its callbacks
 * time out, so it costs at most `ackTimeoutMs` of them.
 *
 * The frame's bytes are built once and the same buffer goes to every console; only
 * socket.io's few-byte packet header is encoded per console (an ack id is per socket).
 */
export class SocketFrameOut implements FrameOut {
  private readonly inFlight = new Map<string, InFlight>();
  private readonly opt: FrameCreditOptions;

  constructor(
    private readonly io: Server,
    options: Partial<FrameCreditOptions> = {},
  ) {
    this.opt = { ...DEFAULT_FRAME_CREDIT, ...options };
  }

  send(ids: readonly string[], frame: ArrayBuffer): void {
    const bytes = frame.byteLength;
    for (const id of ids) {
      const socket = this.io.sockets.sockets.get(id);
      if (!socket) continue;
      let f = this.inFlight.get(id);
      if (!f) {
        f = { frames: 0, bytes: 0, acks: false };
        this.inFlight.set(id, f);
        socket.once('disconnect', () => this.inFlight.delete(id));
      }
      const entry = f;
      entry.frames++;
      entry.bytes += bytes;
      const done = (err?: unknown): void => {
        if (!err) entry.acks = true;
        entry.frames--;
        entry.bytes -= bytes;
      };
      // Until a console has acknowledged once, its callbacks time out (one that never does
      // costs at most ackTimeoutMs of them). After that, none does: a late ack must still return
      // its credit, or a console that fell far behind would be flooded again (a timed-out
      // callback ignores the ack that comes later). Its callbacks are bounded by the credit.
      if (entry.acks) socket.emit(ServerEvents.frame, frame, () => done());
      else socket.timeout(this.opt.ackTimeoutMs).emit(ServerEvents.frame, frame, done);
    }
  }

  congested(id: string): boolean {
    const socket = this.io.sockets.sockets.get(id);
    if (!socket || isCongested(socket)) return true;
    const f = this.inFlight.get(id);
    return !!f && f.acks && (f.frames > this.opt.maxFrames || f.bytes > this.opt.maxBytes);
  }

  diagnose(id: string): TransportBacklog | null {
    const socket = this.io.sockets.sockets.get(id);
    if (!socket) return null;
    const c = congestionOf(socket);
    const f = this.inFlight.get(id);
    return { queuedPackets: c.queuedPackets, bufferedBytes: c.bufferedBytes, framesInFlight: f?.frames ?? 0, bytesInFlight: f?.bytes ?? 0 };
  }
}
