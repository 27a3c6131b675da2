import type { Socket as NetSocket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../shared/state/events';
import { stableHash } from '../../shared/util/hash';
import { scalePlant } from '../../server/plant/scalePlant';
import { miniPlant, startHarness, TestConsole, waitFor, type Harness } from './harness';

type AlarmEvent = Extract<JournalEvent, { type: 'alarm.changed' }>;
const isTransition = (e: JournalEvent): e is AlarmEvent => e.type === 'alarm.changed' && (e.payload.cause === 'activate' || e.payload.cause === 'clear');

let h: Harness;
beforeAll(async () => {
  // 30,000 tags at 1 Hz: every console subscribed to all of them takes a ~510 KB frame a second.
  const plant = scalePlant((await miniPlant()).plant, 30_000);
  h = await startHarness({ plant: { plant, hash: stableHash(plant) }, periodMs: 1000 });
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

function tcpOf(c: TestConsole): NetSocket {
  return (c.socket.io.engine as unknown as { transport: { ws: { _socket: NetSocket } } }).transport.ws._socket;
}

/** A console that acknowledges frames (as the renderer does) and notes when each event arrived. */
function timedConsole(): TestConsole & { arrivedAt: Map<number, number> } {
  const c = new TestConsole(h.server.url) as TestConsole & { arrivedAt: Map<number, number> };
  c.arrivedAt = new Map();
  c.socket.on('frame', (_b: unknown, ack?: () => void) => ack?.());
  c.socket.on('event', (e: JournalEvent) => c.arrivedAt.set(e.seq, Date.now()));
  c.socket.on('events', (batch: JournalEvent[]) => {
    const at = Date.now();
    for (const e of batch) c.arrivedAt.set(e.seq, at);
  });
  return c;
}

const p99 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))]!;

describe('the event lane with telemetry saturated', () => {
  it('alarm transitions reach consoles promptly while every console takes all telemetry and two stop reading; none is dropped', async () => {
    const fast = Array.from({ length: 6 }, timedConsole);
    const slow = Array.from({ length: 2 }, timedConsole);
    const all = [...fast, ...slow];
    try {
      await Promise.all(all.map((c) => c.connected()));
      for (const c of all) {
        expect((await c.hello(h.adminToken)).ok).toBe(true);
        expect((await c.request('subscribe', { areas: '*' })).ok).toBe(true);
      }
      await waitFor(() => all.every((c) => c.frames.length > 1), 20_000, 'telemetry to every console');
      const emittedAt = new Map<number, number>();
      const unlisten = h.server.ctx.engine.onBatch((events) => {
        const at = Date.now();
        for (const e of events) emittedAt.set(e.seq, at);
      });
      for (const c of slow) tcpOf(c).pause();
      const metrics = h.server.ctx.metrics;
      await waitFor(() => metrics.consolesConflating >= 2, 20_000, 'the two slow consoles to be conflated');

      // A few alarms, one at a time: detectors failing bad (a BAD alarm each), half a second apart.
      const { plant } = await miniPlant();
      const detectors = plant.tags.filter((t) => t.kind.startsWith('gas')).slice(0, 6);
      expect(detectors.length).toBeGreaterThanOrEqual(3);
      for (const [k, t] of detectors.entries()) {
        const ack = await fast[0]!.request('command', { id: `saturated-failure-${k}`, name: 'sim.inject', payload: { kind: 'detector_failure', tag: t.id, mode: 'bad' } });
        if (!ack.ok) throw new Error(`sim.inject refused: ${ack.code} ${ack.message}`);
        await new Promise((r) => setTimeout(r, 500));
      }
      await waitFor(() => fast[0]!.events.filter(isTransition).length >= detectors.length, 30_000, 'alarm transitions');
      await new Promise((r) => setTimeout(r, 2000));
      unlisten();

      const transitions = fast[0]!.events.filter(isTransition);
      const endToEnd: number[] = [];
      const lane: number[] = [];
      for (const c of fast) {
        for (const e of transitions) {
          const at = c.arrivedAt.get(e.seq);
          expect(at, `event ${e.seq} at every normal console`).toBeDefined();
          endToEnd.push(at! - e.payload.alarm.lastChange);
          lane.push(at! - emittedAt.get(e.seq)!);
        }
      }
      // Telemetry kept flowing to the normal consoles meanwhile, and was conflated for the slow ones.
      expect(metrics.samplesConflated).toBeGreaterThan(0);
      // The lane itself (handed to socket.io → arrival at the console) is never held behind frames.
      expect(p99(lane)).toBeLessThan(150);
      // Sample → console, the goal of docs/performance.md.
      expect(p99(endToEnd)).toBeLessThan(250);

      // The slow consoles were skipped for telemetry but never for events: once they read again
      // they get every transition, in order, without a gap.
      for (const c of slow) tcpOf(c).resume();
      const last = transitions.at(-1)!.seq;
      for (const c of slow) {
        await waitFor(() => c.events.some((e) => e.seq >= last), 20_000, 'events to the slow console');
        const seqs = c.events.map((e) => e.seq);
        expect(seqs.every((s, i) => i === 0 || s === seqs[i - 1]! + 1)).toBe(true);
        for (const e of transitions) expect(c.arrivedAt.has(e.seq)).toBe(true);
      }
    } finally {
      for (const c of all) c.close();
    }
  }, 120_000);
});
