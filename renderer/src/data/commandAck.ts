import { errorCodes } from '../../../shared/protocol/messages';
import type { CommandOutcome } from './DataSource';

/** 128 random bits as hex: works in insecure contexts too, where crypto.randomUUID is absent. */
export function randomRequestId(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

const ackFailCodes: readonly string[] = errorCodes;

/** A command's ack as the server sent it, checked; anything unreadable is an internal error. */
export function readAck(raw: unknown): CommandOutcome {
  const a = raw as { ok?: unknown; data?: unknown; code?: unknown; message?: unknown } | null;
  if (a && a.ok === true) return { ok: true, data: a.data };
  if (a && a.ok === false && typeof a.code === 'string' && ackFailCodes.includes(a.code) && typeof a.message === 'string') {
    return { ok: false, code: a.code as (typeof errorCodes)[number], message: a.message };
  }
  return { ok: false, code: 'internal', message: 'unreadable answer from the plant server' };
}
