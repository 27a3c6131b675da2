import type { Socket } from 'socket.io';

/**
 * Engine.io packets queued behind an unfinished write; a binary frame is two packets. Kept
 * small because events share the socket with frames: an alarm emitted now waits behind every
 * frame already queued, so at most two frames (plus what the kernel holds) may be ahead of it.
 */
export const MAX_QUEUED_PACKETS = 4;
/**
 * Bytes the WebSocket has accepted but not yet handed to the kernel. 256 KiB: a few ordinary
 * frames, less than one 50,000-tag keyframe (850 KB) — after a keyframe a console is skipped
 * until the kernel has taken it, so the event lane never sits behind more than one.
 */
export const MAX_BUFFERED_BYTES = 256 * 1024;

interface EngineConnLike {
  writeBuffer?: unknown[];
  transport?: { socket?: { bufferedAmount?: unknown } };
}

/**
 * Whether a console is not draining what we send. Reads engine.io internals (its write buffer
 * and the ws socket's `bufferedAmount`), which socket.io does not expose as API; anything
 * missing reads as "not congested" so a changed internal degrades to plain queueing, never
 * to silence.
 */
export function isCongested(socket: Socket): boolean {
  return congestionOf(socket).congested;
}

/** The figures `isCongested` reads, for tests and diagnostics. */
export function congestionOf(socket: Socket): { queuedPackets: number; bufferedBytes: number; congested: boolean } {
  const conn = socket.conn as unknown as EngineConnLike;
  const queued = Array.isArray(conn.writeBuffer) ? conn.writeBuffer.length : 0;
  const raw = conn.transport?.socket?.bufferedAmount;
  const buffered = typeof raw === 'number' ? raw : 0;
  return { queuedPackets: queued, bufferedBytes: buffered, congested: queued > MAX_QUEUED_PACKETS || buffered > MAX_BUFFERED_BYTES };
}
