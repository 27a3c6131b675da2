import type { Server } from 'socket.io';
import { describe, expect, it } from 'vitest';
import { SocketFrameOut } from './SocketFrameOut';

type Cb = (err?: unknown) => void;

/** Just enough of a socket.io server: one socket that records its frame emits and their callbacks. */
function fakeIo() {
  const calls: { timed: boolean; cb: Cb }[] = [];
  const socket = {
    conn: { writeBuffer: [], transport: { socket: { bufferedAmount: 0 } } },
    once: () => undefined,
    emit: (_e: string, _f: unknown, cb: Cb) => calls.push({ timed: false, cb }),
    timeout: () => ({ emit: (_e: string, _f: unknown, cb: Cb) => calls.push({ timed: true, cb }) }),
  };
  const io = { sockets: { sockets: new Map([['c', socket]]) } } as unknown as Server;
  return { io, calls };
}

describe('SocketFrameOut', () => {
  it('does not hold back a console that never acknowledges (buffer thresholds only)', () => {
    const { io, calls } = fakeIo();
    const out = new SocketFrameOut(io, { maxFrames: 2, maxBytes: 1e9 });
    for (let i = 0; i < 10; i++) out.send(['c'], new ArrayBuffer(100));
    expect(out.congested('c')).toBe(false);
    expect(calls.every((c) => c.timed)).toBe(true);
    // Timed-out callbacks give their credit back.
    for (const c of calls) c.cb(new Error('timeout'));
    expect(out.diagnose('c')).toMatchObject({ framesInFlight: 0, bytesInFlight: 0 });
  });

  it('holds a console that acknowledges to its credit, and a late ack still returns it', () => {
    const { io, calls } = fakeIo();
    const out = new SocketFrameOut(io, { maxFrames: 2, maxBytes: 1e9 });
    out.send(['c'], new ArrayBuffer(100));
    calls[0]!.cb(); // first ack: from now on the credit applies
    for (let i = 0; i < 3; i++) out.send(['c'], new ArrayBuffer(100));
    expect(out.congested('c')).toBe(true);
    expect(out.diagnose('c')).toMatchObject({ framesInFlight: 3, bytesInFlight: 300 });
    // After the first ack, emits carry no timeout, so an ack however late returns the credit.
    expect(calls.slice(1).every((c) => !c.timed)).toBe(true);
    calls[1]!.cb();
    expect(out.congested('c')).toBe(false);
  });

  it('counts bytes as well as frames, and an unknown console is congested', () => {
    const { io, calls } = fakeIo();
    const out = new SocketFrameOut(io, { maxFrames: 100, maxBytes: 1000 });
    out.send(['c'], new ArrayBuffer(10));
    calls[0]!.cb();
    out.send(['c'], new ArrayBuffer(1200));
    expect(out.congested('c')).toBe(true);
    expect(out.congested('nobody')).toBe(true);
  });
});
