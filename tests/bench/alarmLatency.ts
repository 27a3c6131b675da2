/**
 * Alarm latency under full telemetry load (`bench: "alarm-latency"`): a plant server (this
 * process) runs the reference plant scaled to N tags at 1 Hz; M consoles (a child process)
 * subscribe to all telemetry and decode every frame. Gas releases at detector groups across the
 * plant, one every few seconds, push detectors over their limits; for every alarm condition
 * transition each console measures the time from the sample that made it (the record's
 * `lastChange`) to the `alarm.changed` arriving. Reported: p50/p99/max over all of them.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Plant } from '../../shared/plant/schema';
import { createPlantServer, type PlantServer } from '../../server/app';
import type { LoadedPlant } from '../../server/plant/loadPlant';
import { createSimulator } from '../../server/sim/createSimulator';
import { AlarmClients, quantile } from './alarmClients';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface BenchServer {
  server: PlantServer;
  token: string;
  /** Runs a command as the admin; throws when refused. */
  command(name: string, payload: unknown): unknown;
  stop(): Promise<void>;
}

/** A real plant server on an ephemeral loopback port with a throw-away data folder. */
export async function startBenchServer(plant: LoadedPlant, sim: { phaseStepMs?: number } = {}): Promise<BenchServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'vigil-bench-'));
  const server = await createPlantServer({
    plant,
    createSimulator: (p, o) => createSimulator(p, { ...o, ...sim }),
    dataDir,
    port: 0,
    rendererDir: null,
    version: 'bench',
    localSession: false,
  });
  const token = readFileSync(server.adminTokenFile, 'utf8').trim();
  const admin = server.ctx.auth.resolve(token)!;
  let n = 0;
  return {
    server,
    token,
    command: (name, payload) => {
      const ack = server.ctx.commands.run(admin, { id: `bench-${++n}-${Date.now()}`, name, payload });
      if (!ack.ok) throw new Error(`${name} refused: ${ack.message}`);
      return ack.data;
    },
    stop: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface AlarmLatencyOptions {
  plant: LoadedPlant;
  clients: number;
  durationMs: number;
  /** Time between releases, ms. */
  releaseEveryMs: number;
  clientScript: string;
}

export interface AlarmLatencyResult {
  tags: number;
  clients: number;
  releases: number;
  /** Transitions measured (each counted once per console). */
  measured: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  /** The server's part: sample time → the event handed to socket.io (journaled, reduced, emitted). */
  serverMs: { p50: number; p99: number; max: number };
  /** Telemetry samples decoded per second per console while measuring (the load). */
  samplesPerSecPerConsole: number;
  tickMs: { mean: number; max: number };
}

/** One release point per detector group of the original plant, spread over the plant. */
export function releasePoints(plant: Plant, count: number): { position: [number, number, number]; chemical: string }[] {
  const seen = new Set<string>();
  const points: { position: [number, number, number]; chemical: string }[] = [];
  for (const t of plant.tags) {
    if (t.group === undefined || t.group.includes('.S') || seen.has(t.group) || t.chemical === undefined) continue;
    seen.add(t.group);
    points.push({ position: [t.position[0], t.position[1], t.position[2]], chemical: t.chemical });
  }
  const step = Math.max(1, Math.floor(points.length / count));
  return points.filter((_, i) => i % step === 0).slice(0, count);
}

export async function runAlarmLatency(opts: AlarmLatencyOptions): Promise<AlarmLatencyResult> {
  const bench = await startBenchServer(opts.plant);
  const clients = new AlarmClients(opts.clientScript);
  try {
    await clients.connect(bench.server.url, bench.token, opts.clients, true);
    await sleep(3000);
    const metrics = bench.server.ctx.metrics;
    const ticks0 = metrics.ticks;
    const tickSum0 = metrics.tickSecondsSum;
    metrics.maxTickSeconds = 0;
    const serverSide: number[] = [];
    const unlisten = bench.server.ctx.engine.onBatch((events) => {
      const at = Date.now();
      for (const e of events) if (e.type === 'alarm.changed' && (e.payload.cause === 'activate' || e.payload.cause === 'clear')) serverSide.push(at - e.payload.alarm.lastChange);
    });
    const a = await clients.mark();
    const aAt = performance.now();
    const points = releasePoints(opts.plant.plant, Math.ceil(opts.durationMs / opts.releaseEveryMs));
    let releases = 0;
    const latencies: number[] = [];
    for (const p of points) {
      bench.command('sim.inject', { kind: 'gas_release', position: p.position, chemical: p.chemical, rateKgS: 2, durationS: opts.releaseEveryMs / 1000 });
      releases++;
      await sleep(opts.releaseEveryMs);
      latencies.push(...(await clients.mark()).latencies);
    }
    const b = await clients.mark();
    unlisten();
    latencies.push(...b.latencies);
    const seconds = (performance.now() - aAt) / 1000;
    if (clients.failure) throw new Error(`alarm clients failed: ${clients.failure}`);
    const gaps = b.consoles.reduce((s, c) => s + c.gaps, 0);
    if (gaps > 0) throw new Error(`consoles saw ${gaps} seq gaps`);
    if (latencies.length === 0) throw new Error('no alarm transitions reached the consoles');
    const ticks = metrics.ticks - ticks0;
    return {
      tags: opts.plant.plant.tags.length,
      clients: opts.clients,
      releases,
      measured: latencies.length,
      latencyMs: { p50: quantile(latencies, 0.5), p90: quantile(latencies, 0.9), p99: quantile(latencies, 0.99), max: quantile(latencies, 1) },
      serverMs: { p50: quantile(serverSide, 0.5), p99: quantile(serverSide, 0.99), max: quantile(serverSide, 1) },
      samplesPerSecPerConsole: Math.round((b.samples - a.samples) / seconds / opts.clients),
      tickMs: { mean: Math.round(((metrics.tickSecondsSum - tickSum0) / Math.max(1, ticks)) * 10_000) / 10, max: Math.round(metrics.maxTickSeconds * 10_000) / 10 },
    };
  } finally {
    clients.exit();
    await bench.stop();
  }
}
