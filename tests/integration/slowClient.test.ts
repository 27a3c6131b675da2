import type { Socket as NetSocket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FrameFlags, frameByteLength, type DecodedFrame } from '../../shared/protocol/frame';
import { stableHash } from '../../shared/util/hash';
import { scalePlant } from '../../server/plant/scalePlant';
import { MAX_BUFFERED_BYTES, MAX_QUEUED_PACKETS } from '../../server/transport/socketCongestion';
import { DEFAULT_FRAME_CREDIT } from '../../server/transport/SocketFrameOut';
import { miniPlant, startHarness, TestConsole, waitFor, type Harness } from './harness';

let h: Harness;
const TAGS = 30_000;
beforeAll(async () => {
  // 30,000 tags at 1 Hz: a ~510 KB frame a second per console.
  const plant = scalePlant((await miniPlant()).plant, TAGS);
  h = await startHarness({ plant: { plant, hash: stableHash(plant) }, periodMs: 1000 });
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

function tcpOf(c: TestConsole): NetSocket {
  const transport = (c.socket.io.engine as unknown as { transport: { ws: { _socket: NetSocket } } }).transport;
  return transport.ws._socket;
}

/** A console that acknowledges every frame once it has it, as the renderer does; frames are kept with their arrival time. */
function ackingConsole(): TestConsole & { arrivals: number[] } {
  const c = new TestConsole(h.server.url) as TestConsole & { arrivals: number[] };
  c.arrivals = [];
  c.socket.on('frame', (_buf: unknown, ack?: () => void) => {
    c.arrivals.push(Date.now());
    ack?.();
  });
  return c;
}

/** Sample time of every (tag, frame) in arrival order must never go backwards for a tag. */
function staleSamples(frames: readonly DecodedFrame[]): number {
  const times = new Float64Array(TAGS);
  let stale = 0;
  for (const f of frames) {
    for (let i = 0; i < f.count; i++) {
      const t = f.baseTime + f.dt[i]!;
      if (t < times[f.ids[i]!]!) stale++;
      times[f.ids[i]!] = t;
    }
  }
  return stale;
}

describe('a deliberately slow console', () => {
  it('gets conflated latest values and the counters, with bounded server buffers, while a normal console gets every frame on time', async () => {
    const slow = ackingConsole();
    const fast = ackingConsole();
    try {
      await Promise.all([slow.connected(), fast.connected()]);
      for (const c of [slow, fast]) {
        expect((await c.hello(h.adminToken)).ok).toBe(true);
        expect((await c.request('subscribe', { areas: '*' })).ok).toBe(true);
      }
      await waitFor(() => slow.frames.length > 2 && fast.frames.length > 2, 15_000, 'frames to both');
      const metrics = h.server.ctx.metrics;
      const conflated0 = metrics.samplesConflated;
      const fastAt = fast.frames.length;
      const slowAt = slow.frames.length;
      const slowId = slow.socket.id!;

      tcpOf(slow).pause();
      // While it does not read: the server's own buffers for it stay bounded (nothing queues).
      let worstBytes = 0;
      let worstPackets = 0;
      let worstInFlight = 0;
      let worstFrames = 0;
      const started = Date.now();
      while (Date.now() - started < 7000) {
        const c = h.server.hub.backlogOf(slowId)!;
        worstBytes = Math.max(worstBytes, c.bufferedBytes);
        worstPackets = Math.max(worstPackets, c.queuedPackets);
        worstInFlight = Math.max(worstInFlight, c.bytesInFlight);
        worstFrames = Math.max(worstFrames, c.framesInFlight);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(metrics.samplesConflated).toBeGreaterThan(conflated0);
      expect(metrics.consolesConflating).toBeGreaterThanOrEqual(1);
      // At most the thresholds plus one frame (~510 KB, two packets) over them.
      expect(worstBytes).toBeLessThan(MAX_BUFFERED_BYTES + 1024 * 1024);
      expect(worstPackets).toBeLessThanOrEqual(MAX_QUEUED_PACKETS + 2);
      // Unacknowledged frames (in the kernel's buffers, invisible to the above) stay within the
      // credit plus the one frame that crossed it.
      expect(worstFrames).toBeLessThanOrEqual(DEFAULT_FRAME_CREDIT.maxFrames + 1);
      const largestFrame = Math.max(...fast.frames.map((f) => frameByteLength(f.count)));
      expect(worstInFlight).toBeLessThanOrEqual(DEFAULT_FRAME_CREDIT.maxBytes + largestFrame);
      expect(h.server.hub.conflationOf(slowId)!.frames).toBeGreaterThan(0);
      const metricsText = (await h.rest('/metrics')).body as string;
      expect(metricsText).toMatch(/vigil_samples_conflated_total [1-9]/);

      // The normal console meanwhile got a frame every second, none skipped or conflated.
      const fastFrames = fast.frames.slice(fastAt);
      expect(fastFrames.length).toBeGreaterThanOrEqual(6);
      expect(fastFrames.every((f) => (f.flags & FrameFlags.Conflated) === 0)).toBe(true);
      const gaps = fast.arrivals.slice(fastAt).map((t, i, a) => (i === 0 ? 0 : t - a[i - 1]!));
      expect(Math.max(...gaps)).toBeLessThan(2000);

      tcpOf(slow).resume();
      const conflatedFrame = await waitFor(() => slow.frames.slice(slowAt).find((f) => f.flags & FrameFlags.Conflated), 15_000, 'a conflated frame');
      // It carries what the console lost, for its indicator.
      expect(conflatedFrame.conflatedSamples).toBeGreaterThan(0);
      expect(conflatedFrame.conflatedFrames).toBeGreaterThan(0);
      // Latest values: each tag at the newest sample time the normal console had by then.
      const newest = new Float64Array(TAGS);
      for (const f of fast.frames) {
        if (f.seq > conflatedFrame.seq) break;
        for (let i = 0; i < f.count; i++) newest[f.ids[i]!] = Math.max(newest[f.ids[i]!]!, f.baseTime + f.dt[i]!);
      }
      let older = 0;
      for (let i = 0; i < conflatedFrame.count; i++) if (conflatedFrame.baseTime + conflatedFrame.dt[i]! < newest[conflatedFrame.ids[i]!]!) older++;
      expect(older).toBe(0);
      // Fewer frames than the normal console got, never an older value after a newer one.
      expect(slow.frames.length - slowAt).toBeLessThan(fast.frames.length - fastAt);
      expect(staleSamples(slow.frames)).toBe(0);
      expect(staleSamples(fast.frames)).toBe(0);
      // Once caught up, it is back on ordinary frames and the server forgets its backlog.
      await waitFor(() => metrics.consolesConflating === 0, 10_000, 'the slow console to drain');
    } finally {
      slow.close();
      fast.close();
    }
  }, 90_000);
});
