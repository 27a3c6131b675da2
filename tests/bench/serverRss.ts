/**
 * Server memory at plant scale (`bench: "server-rss"`): a real plant server (this process) on N
 * tags at 1 Hz with M consoles subscribed to all telemetry (in a child process) for a while.
 * RSS and heap are sampled every second; reported: the start (after warm-up), the largest, the
 * last, and the growth over the second half (a leak shows as steady growth there). The server
 * shares this process with nothing but the benchmark's own timers, so RSS is the server's.
 */
import type { LoadedPlant } from '../../server/plant/loadPlant';
import { startBenchServer } from './alarmLatency';
import { LatencyClients } from './latencyClients';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (b: number) => Math.round(b / 1024 / 102.4) / 10;

export interface ServerRssOptions {
  plant: LoadedPlant;
  clients: number;
  durationMs: number;
  clientScript: string;
  /** Called every 60 s with a progress line (stderr). */
  progress?: (line: string) => void;
}

export async function runServerRss(opts: ServerRssOptions) {
  const bench = await startBenchServer(opts.plant);
  const clients = new LatencyClients(opts.clientScript);
  try {
    const tags = opts.plant.plant.tags.length;
    await clients.connect({ url: bench.server.url, token: bench.token, clients: opts.clients, subscribe: true, slow: { count: 0, pauseMs: 0, readMs: 0 }, tags });
    await sleep(3000);
    const rss: number[] = [];
    const heap: number[] = [];
    const t0 = performance.now();
    let nextProgress = 60_000;
    while (performance.now() - t0 < opts.durationMs) {
      await sleep(1000);
      const m = process.memoryUsage();
      rss.push(m.rss);
      heap.push(m.heapUsed);
      if (performance.now() - t0 >= nextProgress) {
        opts.progress?.(`server-rss: ${Math.round(nextProgress / 60_000)} min, rss ${mb(m.rss)} MB`);
        nextProgress += 60_000;
      }
    }
    await clients.mark();
    if (clients.failure) throw new Error(`consoles failed: ${clients.failure}`);
    const half = Math.floor(rss.length / 2);
    return {
      tags,
      clients: opts.clients,
      durationS: Math.round((performance.now() - t0) / 1000),
      rssMb: { start: mb(rss[0]!), max: mb(Math.max(...rss)), end: mb(rss.at(-1)!) },
      heapUsedMb: { start: mb(heap[0]!), max: mb(Math.max(...heap)), end: mb(heap.at(-1)!) },
      rssGrowthSecondHalfMb: mb(rss.at(-1)! - rss[half]!),
      ticks: bench.server.ctx.metrics.ticks,
    };
  } finally {
    clients.exit();
    await bench.stop();
  }
}
