/**
 * End-to-end telemetry latency (`bench: "telemetry-latency"`): a real plant server (this
 * process) on the reference plant scaled to N tags at 1 Hz; M consoles, split over a few child
 * processes, subscribe to all telemetry. For every sample each console measures the time from
 * the sample's own timestamp (when the simulator says the value was taken) to the moment the
 * frame carrying it has been applied to its latest-value table. Reported: p50/p90/p99/max over
 * every sample at every console, and the rate each console received.
 */
import type { LoadedPlant } from '../../server/plant/loadPlant';
import { quantile } from './alarmClients';
import { startBenchServer } from './alarmLatency';
import { histogramQuantiles, LatencyClients, type LatencyMark } from './latencyClients';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface TelemetryLatencyOptions {
  plant: LoadedPlant;
  clients: number;
  /** Child processes the consoles are spread over. */
  processes: number;
  durationMs: number;
  clientScript: string;
  /** Simulator sampling phases spread in steps of this many ms (0: every tag samples on the second). */
  phaseStepMs: number;
}

export async function runTelemetryLatency(opts: TelemetryLatencyOptions) {
  const bench = await startBenchServer(opts.plant, { phaseStepMs: opts.phaseStepMs });
  const groups = spread(opts.clients, opts.processes).map((n) => ({ n, c: new LatencyClients(opts.clientScript) }));
  try {
    const tags = opts.plant.plant.tags.length;
    for (const g of groups) await g.c.connect({ url: bench.server.url, token: bench.token, clients: g.n, subscribe: true, slow: { count: 0, pauseMs: 0, readMs: 0 }, tags });
    await sleep(3000);
    const metrics = bench.server.ctx.metrics;
    const conflated0 = metrics.framesConflated;
    const ticks0 = metrics.ticks;
    const tickSum0 = metrics.tickSecondsSum;
    metrics.maxTickSeconds = 0;
    // The server's part: newest sample time of a tick → its frames handed to socket.io.
    const hub = bench.server.hub;
    const publish = hub.publish.bind(hub);
    const serverSide: number[] = [];
    const publishCost: number[] = [];
    hub.publish = (b) => {
      const t = performance.now();
      publish(b);
      if (b.count === 0) return;
      publishCost.push(performance.now() - t);
      let newest = 0;
      for (let i = 0; i < b.count; i++) newest = Math.max(newest, b.times[i]!);
      serverSide.push(Date.now() - newest);
    };
    await Promise.all(groups.map((g) => g.c.mark()));
    const t0 = performance.now();
    await sleep(opts.durationMs);
    const marks: LatencyMark[] = await Promise.all(groups.map((g) => g.c.mark()));
    hub.publish = publish;
    const seconds = (performance.now() - t0) / 1000;
    const failure = groups.find((g) => g.c.failure)?.c.failure;
    if (failure) throw new Error(`latency clients failed: ${failure}`);
    const { total, at } = histogramQuantiles(
      marks.map((m) => m.histogram),
      [0.5, 0.9, 0.99, 1],
    );
    if (total === 0) throw new Error('no samples reached the consoles');
    const stale = marks.reduce((s, m) => s + m.stale, 0);
    if (stale > 0) throw new Error(`consoles saw ${stale} samples older than one they held`);
    const ticks = Math.max(1, metrics.ticks - ticks0);
    return {
      tags,
      sampling: opts.phaseStepMs > 0 ? `phases spread in ${opts.phaseStepMs} ms steps` : 'every tag on the second',
      clients: opts.clients,
      clientProcesses: opts.processes,
      durationS: Math.round(seconds * 10) / 10,
      samplesTimed: total,
      samplesPerSecPerConsole: Math.round(marks.reduce((s, m) => s + m.samples, 0) / seconds / opts.clients),
      latencyMs: { p50: at[0], p90: at[1], p99: at[2], max: at[3] },
      serverMs: { p50: quantile(serverSide, 0.5), p99: quantile(serverSide, 0.99), max: quantile(serverSide, 1) },
      publishMs: { p50: quantile(publishCost, 0.5), max: quantile(publishCost, 1) },
      framesConflated: metrics.framesConflated - conflated0,
      tickMs: { mean: Math.round(((metrics.tickSecondsSum - tickSum0) / ticks) * 10_000) / 10, max: Math.round(metrics.maxTickSeconds * 10_000) / 10 },
    };
  } finally {
    for (const g of groups) g.c.exit();
    await bench.stop();
  }
}

/** `n` split over `k` parts as evenly as possible. */
export function spread(n: number, k: number): number[] {
  const parts = Math.max(1, Math.min(k, n));
  return Array.from({ length: parts }, (_, i) => Math.floor(n / parts) + (i < n % parts ? 1 : 0));
}
