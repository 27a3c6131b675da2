/**
 * Server memory at plant scale (`bench: "server-rss"`): the real built plant server
 * (`dist/server/main.js --scale N`, its own process, so nothing of the benchmark's own heap or of
 * earlier benchmarks is counted) with M consoles subscribed to all telemetry (a child process
 * that applies and acknowledges every frame). The server's RSS is read from its own `/metrics`
 * (`process_resident_memory_bytes`) every 5 s; reported: after warm-up, the largest, the last,
 * and the growth over the second half (a leak shows as steady growth there).
 */
import { PlantServer } from '../e2e/plantServer';
import { LatencyClients } from './latencyClients';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (b: number) => Math.round(b / 1024 / 102.4) / 10;

export interface ServerRssOptions {
  tags: number;
  clients: number;
  durationMs: number;
  clientScript: string;
  /** Called every 60 s with a progress line (stderr). */
  progress?: (line: string) => void;
}

async function scrape(server: PlantServer): Promise<Record<string, number>> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const out: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const m = /^([a-z_]+) ([0-9.e+-]+)$/.exec(line);
    if (m) out[m[1]!] = Number(m[2]);
  }
  return out;
}

export async function runServerRss(opts: ServerRssOptions) {
  const server = await PlantServer.start({ scale: opts.tags });
  const clients = new LatencyClients(opts.clientScript);
  try {
    await clients.connect({ url: server.url, token: await server.adminToken(), clients: opts.clients, subscribe: true, slow: { count: 0, pauseMs: 0, readMs: 0 }, tags: opts.tags });
    await sleep(5000);
    const rss: number[] = [];
    const t0 = performance.now();
    let nextProgress = 60_000;
    let last: Record<string, number> = {};
    while (performance.now() - t0 < opts.durationMs) {
      await sleep(5000);
      last = await scrape(server);
      rss.push(last.process_resident_memory_bytes ?? NaN);
      if (performance.now() - t0 >= nextProgress) {
        opts.progress?.(`server-rss: ${Math.round(nextProgress / 60_000)} min, rss ${mb(rss.at(-1)!)} MB`);
        nextProgress += 60_000;
      }
    }
    const m = await clients.mark();
    if (clients.failure) throw new Error(`consoles failed: ${clients.failure}`);
    const half = Math.floor(rss.length / 2);
    return {
      tags: opts.tags,
      clients: opts.clients,
      durationS: Math.round((performance.now() - t0) / 1000),
      rssMb: { start: mb(rss[0]!), max: mb(Math.max(...rss)), end: mb(rss.at(-1)!) },
      rssGrowthSecondHalfMb: mb(rss.at(-1)! - rss[half]!),
      samplesPerSecPerConsole: Math.round(m.samples / ((performance.now() - t0) / 1000) / opts.clients),
      /** The part held by the 10-minute recent-values buffer (server/engine/RecentBuffer), by design proportional to tags. */
      recentBufferMb: mb(last.vigil_recent_buffer_bytes ?? NaN),
      ticks: last.vigil_tick_duration_seconds_count ?? null,
      framesConflated: last.vigil_frames_conflated_total ?? null,
    };
  } finally {
    clients.exit();
    await server.dispose();
  }
}
