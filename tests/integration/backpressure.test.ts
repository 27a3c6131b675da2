import type { Socket as NetSocket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableHash } from '../../shared/util/hash';
import { scalePlant } from '../../server/plant/scalePlant';
import { miniPlant, startHarness, TestConsole, waitFor, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  // Enough samples (20,000 tags at 10 Hz ≈ 3.4 MB/s) that a console that stops reading fills
  // the loopback buffers within a second or two.
  const plant = scalePlant((await miniPlant()).plant, 20_000);
  h = await startHarness({ plant: { plant, hash: stableHash(plant) }, periodMs: 100 });
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

/** The TCP socket under a socket.io-client websocket connection (internals of engine.io-client and ws). */
function tcpOf(c: TestConsole): NetSocket {
  const transport = (c.socket.io.engine as unknown as { transport: { ws: { _socket: NetSocket } } }).transport;
  return transport.ws._socket;
}

describe('back-pressure', () => {
  it('conflates for a console that stops reading, and it catches up with latest values', async () => {
    const slow = new TestConsole(h.server.url);
    const fast = new TestConsole(h.server.url);
    try {
      await Promise.all([slow.connected(), fast.connected()]);
      for (const c of [slow, fast]) {
        expect((await c.hello(h.adminToken)).ok).toBe(true);
        expect((await c.request('subscribe', { areas: '*' })).ok).toBe(true);
      }
      await waitFor(() => slow.frames.length > 2 && fast.frames.length > 2, 10_000, 'frames to both');
      const slowAtPause = slow.frames.length;
      const fastAtPause = fast.frames.length;
      tcpOf(slow).pause();
      const metrics = h.server.ctx.metrics;
      await waitFor(() => metrics.framesConflated > 20, 20_000, 'conflation to start');
      expect(fast.frames.length).toBeGreaterThan(fastAtPause + 20); // the others are not held up

      tcpOf(slow).resume();
      const target = fast.frames.at(-1)!.seq;
      // It drains what was already in flight, then one frame of latest values, then live frames.
      await waitFor(() => slow.frames.some((f) => f.seq >= target), 15_000, 'the slow console to catch up');
      const caughtUp = slow.frames.findIndex((f) => f.seq >= target);
      const slowGot = caughtUp + 1 - slowAtPause;
      const fastGot = fast.frames.findIndex((f) => f.seq >= target) + 1 - fastAtPause;
      // Frames skipped while it was not reading were never queued for it.
      expect(slowGot).toBeLessThan(fastGot - 10);
      const seqs = slow.frames.slice(slowAtPause, caughtUp + 1).map((f) => f.seq);
      expect(seqs.some((s, i) => i > 0 && s - seqs[i - 1]! > 10)).toBe(true);
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    } finally {
      slow.close();
      fast.close();
    }
  }, 60_000);
});
