import type { Socket } from 'socket.io';

/** Engine.io packets queued behind an unfinished write; a binary frame is two packets. */
export const MAX_QUEUED_PACKETS = 16;
/** Bytes the WebSocket has accepted but not yet handed to the kernel. */
export const MAX_BUFFERED_BYTES = 1024 * 1024;

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
  const conn = socket.conn as unknown as EngineConnLike;
  const queued = Array.isArray(conn.writeBuffer) ? conn.writeBuffer.length : 0;
  const buffered = conn.transport?.socket?.bufferedAmount;
  return queued > MAX_QUEUED_PACKETS || (typeof buffered === 'number' && buffered > MAX_BUFFERED_BYTES);
}
