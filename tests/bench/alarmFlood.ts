/**
 * Alarm flood (`bench: "alarm-flood"`): an I/O outage of every area of a plant scaled to N tags
 * (a real server in this process) turns every tag bad at once, so at least N BAD alarms
 * activate together. Measured: how long until all of them are journaled, and until every one
 * of M connected consoles (a child process, subscribed to all telemetry) has received every
 * event in seq order; the longest tick (simulator + alarm evaluation + one journal transaction
 * + reduce + broadcast of the whole batch); and that none is lost (journal count = generated =
 * received by each console).
 */
import type { LoadedPlant } from '../../server/plant/loadPlant';
import { AlarmClients } from './alarmClients';
import { startBenchServer } from './alarmLatency';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface AlarmFloodOptions {
  plant: LoadedPlant;
  clients: number;
  clientScript: string;
}

export interface AlarmFloodResult {
  tags: number;
  clients: number;
  /** Alarm transitions the engine generated after the outage started. */
  transitions: number;
  journaled: number;
  /** alarm.changed events each console received (all equal when none is lost). */
  receivedPerConsole: number;
  /** From the injection to the last BAD alarm in the journal, ms. */
  journaledMs: number;
  /** From the injection to the last alarm event at the slowest console, ms. */
  deliveredMs: number;
  /** Longest server tick while it happened, ms. */
  maxTickMs: number;
  largestTickBatch: number;
  /** The largest journal append: events and ms (one SQLite transaction, one reduce, listeners, broadcast to the consoles). */
  largestAppend: { events: number; ms: number };
  flooding: boolean;
}

export async function runAlarmFlood(opts: AlarmFloodOptions): Promise<AlarmFloodResult> {
  const bench = await startBenchServer(opts.plant);
  const clients = new AlarmClients(opts.clientScript);
  const { ctx } = bench.server;
  const n = opts.plant.plant.tags.length;
  try {
    await clients.connect(bench.server.url, bench.token, opts.clients, true);
    await sleep(2500);
    const a = await clients.mark();
    const seq0 = ctx.engine.seq;
    const generated0 = ctx.alarms.stats.transitions;
    ctx.metrics.maxTickSeconds = 0;
    const t0 = Date.now();
    bench.command('sim.inject', { kind: 'io_outage', areas: '*', mode: 'bad' });
    const activeBad = () => Object.values(ctx.engine.state.alarms).reduce((k, x) => k + (x.kind === 'BAD' && x.lifecycle.active ? 1 : 0), 0);
    while (activeBad() < n) {
      if (Date.now() - t0 > 30_000) throw new Error(`only ${activeBad()} of ${n} BAD alarms after 30 s`);
      await sleep(5);
    }
    const journaledMs = Date.now() - t0;
    // Let the flood event and any stragglers through, then count.
    await sleep(1500);
    const lastSeq = ctx.engine.seq;
    const transitions = ctx.alarms.stats.transitions - generated0;
    let b = await clients.mark();
    const deadline = Date.now() + 30_000;
    while (b.consoles.some((c) => c.lastSeq < lastSeq)) {
      if (Date.now() > deadline) throw new Error('consoles did not catch up within 30 s');
      await sleep(100);
      b = await clients.mark();
    }
    let journaled = 0;
    for (let after = seq0; ; ) {
      const page = ctx.engine.eventsPage(after, 5000);
      if (page.length === 0 || page[0]!.seq > lastSeq) break;
      for (const e of page) if (e.seq <= lastSeq && e.type === 'alarm.changed') journaled++;
      after = page[page.length - 1]!.seq;
    }
    const received = b.consoles.map((c, i) => c.alarmEvents - a.consoles[i]!.alarmEvents);
    const gaps = b.consoles.reduce((s, c) => s + c.gaps, 0);
    if (clients.failure) throw new Error(`alarm clients failed: ${clients.failure}`);
    if (gaps > 0) throw new Error(`consoles saw ${gaps} seq gaps`);
    if (journaled !== transitions || received.some((r) => r !== transitions)) {
      throw new Error(`lost alarm events: generated ${transitions}, journaled ${journaled}, received ${received.join('/')}`);
    }
    return {
      tags: n,
      clients: opts.clients,
      transitions,
      journaled,
      receivedPerConsole: received[0]!,
      journaledMs,
      deliveredMs: Math.max(...b.consoles.map((c) => c.lastAlarmAt)) - t0,
      maxTickMs: Math.round(ctx.metrics.maxTickSeconds * 10_000) / 10,
      largestTickBatch: ctx.alarms.stats.largestTickBatch,
      largestAppend: { events: ctx.engine.stats.largestBatch.events, ms: Math.round(ctx.engine.stats.largestBatch.ms * 10) / 10 },
      flooding: ctx.engine.state.flood.flooding,
    };
  } finally {
    clients.exit();
    await bench.stop();
  }
}
