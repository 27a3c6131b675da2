/**
 * Alarm latency with the telemetry lane saturated (`bench: "alarm-saturated"`): one real plant
 * server (this process) on N tags at 1 Hz, M consoles spread over child processes plus S slow
 * consoles that stop reading their socket most of the time. Two phases on the same server and
 * the same release sequence: first the consoles follow only the event lane (`quietMs`), then
 * every console subscribes to all telemetry — M × N samples a second, and the slow consoles
 * force conflation — (`saturatedMs`). The alarm load is the same in both phases: every
 * `stepMs` one more gas detector (spread over the plant) fails bad — a BAD alarm — and the
 * failure injected four steps earlier is cleared — its BAD alarm clears. (Gas releases would
 * do, but in a scaled plant one release can raise hundreds or thousands of alarms depending on
 * where it lands, so the two phases would not carry the same alarm load.) Each console times
 * every transition from the sample that made it to its arrival.
 *
 * The goal (p99 < 250 ms at the normal consoles under saturation) holds only if an event never
 * queues behind frames: the hub skips frames for a socket with more than a few packets or
 * 256 KiB unsent (server/transport/socketCongestion.ts), events are never skipped.
 */
import type { LoadedPlant } from '../../server/plant/loadPlant';
import { quantile } from './alarmClients';
import { startBenchServer } from './alarmLatency';
import { LatencyClients, type LatencyMark, type SlowSpec } from './latencyClients';
import { spread } from './telemetryLatency';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface AlarmSaturatedOptions {
  plant: LoadedPlant;
  clients: number;
  processes: number;
  slow: SlowSpec;
  quietMs: number;
  saturatedMs: number;
  stepMs: number;
  clientScript: string;
}

interface Phase {
  measured: number;
  latencyMs: { p50: number; p99: number; max: number };
  slowMeasured: number;
  slowLatencyMs: { p50: number; p99: number; max: number };
  samplesPerSecPerConsole: number;
}

export async function runAlarmSaturated(opts: AlarmSaturatedOptions) {
  const bench = await startBenchServer(opts.plant);
  const counts = spread(opts.clients, opts.processes);
  // Slow consoles go with the first process.
  const groups = counts.map((n, i) => ({ n, slow: i === 0 ? opts.slow : { ...opts.slow, count: 0 }, c: new LatencyClients(opts.clientScript) }));
  const gas = opts.plant.plant.tags.filter((t) => t.kind.startsWith('gas'));
  const steps = Math.ceil(Math.max(opts.quietMs, opts.saturatedMs) / opts.stepMs) + 4;
  const detectors = Array.from({ length: steps }, (_, k) => gas[Math.floor((k * gas.length) / steps)]!.id);
  let next = 0;
  const phase = async (ms: number): Promise<Phase & { serverMs: { p50: number; p99: number; max: number }; transitions: number }> => {
    // The server's part: sample time → alarm.changed handed to socket.io.
    const serverSide: number[] = [];
    const unlisten = bench.server.ctx.engine.onBatch((events) => {
      const at = Date.now();
      for (const e of events) if (e.type === 'alarm.changed' && (e.payload.cause === 'activate' || e.payload.cause === 'clear')) serverSide.push(at - e.payload.alarm.lastChange);
    });
    await Promise.all(groups.map((g) => g.c.mark()));
    const t0 = performance.now();
    const marks: LatencyMark[] = [];
    const injected: string[] = [];
    for (let t = 0; t < ms; t += opts.stepMs) {
      const data = bench.command('sim.inject', { kind: 'detector_failure', tag: detectors[next++ % detectors.length]!, mode: 'bad' }) as { injectionId: string };
      injected.push(data.injectionId);
      if (injected.length > 4) bench.command('sim.clear', { injectionId: injected.shift()! });
      await sleep(opts.stepMs);
      marks.push(...(await Promise.all(groups.map((g) => g.c.mark()))));
    }
    for (const id of injected) bench.command('sim.clear', { injectionId: id });
    await sleep(1500);
    marks.push(...(await Promise.all(groups.map((g) => g.c.mark()))));
    const seconds = (performance.now() - t0) / 1000;
    unlisten();
    const failure = groups.find((g) => g.c.failure)?.c.failure;
    if (failure) throw new Error(`consoles failed: ${failure}`);
    const gaps = marks.reduce((s, m) => s + m.gaps, 0);
    if (gaps > 0) throw new Error(`consoles saw ${gaps} event seq gaps`);
    const normal = marks.flatMap((m) => m.alarmMs);
    const slow = marks.flatMap((m) => m.slowAlarmMs);
    if (normal.length === 0) throw new Error('no alarm transitions reached the consoles');
    return {
      transitions: serverSide.length,
      serverMs: { p50: quantile(serverSide, 0.5), p99: quantile(serverSide, 0.99), max: quantile(serverSide, 1) },
      measured: normal.length,
      latencyMs: { p50: quantile(normal, 0.5), p99: quantile(normal, 0.99), max: quantile(normal, 1) },
      slowMeasured: slow.length,
      slowLatencyMs: { p50: quantile(slow, 0.5), p99: quantile(slow, 0.99), max: quantile(slow, 1) },
      samplesPerSecPerConsole: Math.round(marks.reduce((s, m) => s + m.samples, 0) / seconds / opts.clients),
    };
  };
  try {
    const tags = opts.plant.plant.tags.length;
    for (const g of groups) await g.c.connect({ url: bench.server.url, token: bench.token, clients: g.n, subscribe: false, slow: g.slow, tags });
    await sleep(2000);
    const quiet = await phase(opts.quietMs);
    for (const g of groups) await g.c.subscribe();
    await sleep(2000);
    const m = bench.server.ctx.metrics;
    const conflated0 = m.framesConflated;
    const samples0 = m.samplesConflated;
    next = 0; // the same detectors as the quiet phase, so the alarm load is the same
    const saturated = await phase(opts.saturatedMs);
    return {
      tags,
      clients: opts.clients,
      slowClients: opts.slow.count,
      slowPattern: `${opts.slow.pauseMs} ms not reading, ${opts.slow.readMs} ms reading`,
      quiet,
      saturated,
      framesConflated: m.framesConflated - conflated0,
      samplesConflated: m.samplesConflated - samples0,
    };
  } finally {
    for (const g of groups) g.c.exit();
    await bench.stop();
  }
}
