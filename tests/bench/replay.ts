import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AlarmRecord } from '../../shared/alarm/model';
import type { ReplayEventsPage, ReplayFrame } from '../../shared/drill/drillApi';
import type { Ack } from '../../shared/protocol/messages';
import { ManualClock } from '../../shared/util/clock';
import { createRng } from '../../shared/util/rng';
import { createPlantServer } from '../../server/app';
import { CommandEngine, DEFAULT_SNAPSHOT_POLICY } from '../../server/engine/CommandEngine';
import { Historian } from '../../server/historian/Historian';
import type { LoadedPlant } from '../../server/plant/loadPlant';
import { createSimulator } from '../../server/sim/createSimulator';
import type { SampleBatch } from '../../server/sim/types';
import { openSqliteStore } from '../../server/store/openSqliteStore';

export interface ReplayBenchOptions {
  loaded: LoadedPlant;
  /** Hours of plant to record (every tag at 1 Hz). */
  hours: number;
  /** Random instants to seek to. */
  seeks: number;
  /** Random minutes to play at 60×. */
  minutes: number;
}

const q = (sorted: number[], p: number): number => Math.round((sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN) * 10) / 10;

function alarmOf(tag: LoadedPlant['plant']['tags'][number], active: boolean, acked: boolean, at: number, activatedAt: number): AlarmRecord {
  return {
    id: `${tag.id}:H`,
    kind: 'H',
    source: tag.id,
    area: tag.area,
    equipment: tag.equipment ?? null,
    priority: 3,
    position: tag.position,
    message: { zh: `${tag.id} 高`, en: `${tag.id} high` },
    lifecycle: { active, acked, latched: false, shelved: null, suppressed: false, outOfService: null },
    value: tag.range.hi * 0.9,
    limit: tag.range.hi * 0.8,
    unit: tag.unit ?? null,
    activatedAt,
    lastChange: at,
  };
}

/**
 * Records `hours` of the reference plant into a data folder through the server's own repos on a
 * manual clock (no real time): every tag at 1 Hz into the historian (a cheap waveform, not the
 * simulator: this bench is about reading back), and a journal of alarm traffic — an activation
 * every 15 s acknowledged by an operator a minute later and cleared a minute after that, and
 * each hour a burst of 300 — through the CommandEngine with its snapshot policy and the
 * snapshot retention. Then starts a real plant server on that folder (ticking stopped, so that
 * only the requests load it) and times, over HTTP with JSON parsing on the client:
 * - `replay-seek`: GET /api/v1/replay/frame at random instants (state rebuilt from the nearest
 *   snapshot + journal, every tag's value from the historian, people's positions);
 * - `replay-play60`: one minute of plant time as a console playing at 60× needs it each second:
 *   the events of the minute (all pages of /replay/events) and a frame at its end.
 */
export async function runReplayBench(o: ReplayBenchOptions): Promise<{ build: Record<string, unknown>; seek: Record<string, unknown>; play: Record<string, unknown> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'vigil-bench-replay-'));
  try {
    const plant = o.loaded.plant;
    const tags = plant.tags;
    const n = tags.length;
    const t0 = Date.UTC(2025, 6, 1, 0, 0, 0);
    const clock = new ManualClock(t0);
    const store = openSqliteStore(dir);
    const engine = CommandEngine.open(store, clock, DEFAULT_SNAPSHOT_POLICY);
    const historian = Historian.open(dir, tags, clock);
    const rng = createRng(7);
    const batch: SampleBatch = { count: n, ids: Uint32Array.from({ length: n }, (_, i) => i), values: new Float64Array(n), times: new Float64Array(n), quality: new Uint8Array(n) };
    const lo = Float64Array.from(tags, (t) => t.range.lo);
    const span = Float64Array.from(tags, (t) => t.range.hi - t.range.lo);
    const seconds = Math.round(o.hours * 3600);
    const pending: { at: number; tag: number; step: 'ack' | 'clear'; activatedAt: number }[] = [];
    const wall = performance.now();
    let events = 0;
    for (let s = 0; s <= seconds; s++) {
      const now = clock.now();
      batch.times.fill(now);
      for (let i = 0; i < n; i++) batch.values[i] = lo[i]! + span[i]! * (0.5 + 0.2 * Math.sin((2 * Math.PI * (s + i * 37)) / 900) + 0.01 * (rng.next() - 0.5));
      historian.ingest(batch);
      const activate = (tag: number): void => {
        engine.append({ type: 'alarm.changed', payload: { alarm: alarmOf(tags[tag]!, true, false, now, now), cause: 'activate' } }, 'system');
        pending.push({ at: now + 60_000, tag, step: 'ack', activatedAt: now }, { at: now + 120_000, tag, step: 'clear', activatedAt: now });
        events++;
      };
      if (s % 15 === 0) activate(Math.floor(rng.next() * n));
      if (s % 3600 === 1800) for (let k = 0; k < 300; k++) activate(Math.floor(rng.next() * n));
      for (let k = pending.length - 1; k >= 0; k--) {
        const p = pending[k]!;
        if (p.at > now) continue;
        pending.splice(k, 1);
        const ack = p.step === 'ack';
        engine.append({ type: 'alarm.changed', payload: { alarm: alarmOf(tags[p.tag]!, ack, true, now, p.activatedAt), cause: ack ? 'ack' : 'clear' } }, ack ? 'op-1' : 'system');
        events++;
      }
      engine.maybeSnapshot();
      if (s < seconds) clock.advance(1000);
    }
    const tEnd = clock.now();
    historian.close();
    store.close();
    const buildS = (performance.now() - wall) / 1000;

    // A real server on the folder; the clock stays at the end of the recording.
    const server = await createPlantServer({ plant: o.loaded, createSimulator, dataDir: dir, port: 0, rendererDir: null, clock: new ManualClock(tEnd + 1000), people: { source: 'rtls' } });
    server.ctx.runtime.stop();
    const token = readFileSync(server.adminTokenFile, 'utf8').trim();
    const get = async <T>(p: string): Promise<{ data: T; bytes: number }> => {
      const res = await fetch(server.url + p, { headers: { authorization: `Bearer ${token}` } });
      const text = await res.text();
      const body = JSON.parse(text) as Ack<T>;
      if (!body.ok) throw new Error(`${p}: ${body.message}`);
      return { data: body.data, bytes: text.length };
    };
    const snapshots = (server.ctx.engine as unknown as { snapshots: { atOrBefore(seq: number, t: number): { seq: number } | null } }).snapshots;
    try {
      const pick = (): number => t0 + 60_000 + Math.floor(rng.next() * (tEnd - t0 - 120_000));
      for (let k = 0; k < 2; k++) await get<ReplayFrame>(`/api/v1/replay/frame?at=${pick()}`);
      const seekMs: number[] = [];
      const stateMs: number[] = [];
      const valuesMs: number[] = [];
      let bytes = 0;
      let reduced = 0;
      for (let k = 0; k < o.seeks; k++) {
        const at = pick();
        const a = performance.now();
        const { data, bytes: b } = await get<ReplayFrame>(`/api/v1/replay/frame?at=${at}`);
        seekMs.push(performance.now() - a);
        stateMs.push(data.timing.stateMs);
        valuesMs.push(data.timing.valuesMs);
        bytes = Math.max(bytes, b);
        reduced = Math.max(reduced, data.seq - (snapshots.atOrBefore(data.seq, at)?.seq ?? 0));
        if (data.values.t.filter((t) => t !== null).length < n * 0.99) throw new Error(`frame at ${at} has values for only part of the tags`);
      }
      seekMs.sort((x, y) => x - y);
      stateMs.sort((x, y) => x - y);
      valuesMs.sort((x, y) => x - y);
      const playMs: number[] = [];
      let playEvents = 0;
      for (let k = 0; k < o.minutes; k++) {
        const from = pick();
        const to = from + 60_000;
        const a = performance.now();
        let after: number | null = null;
        do {
          const { data }: { data: ReplayEventsPage } = await get<ReplayEventsPage>(`/api/v1/replay/events?from=${from}&to=${to}&limit=2000${after !== null ? `&after=${after}` : ''}`);
          playEvents = Math.max(playEvents, data.events.length);
          after = data.next;
        } while (after !== null);
        await get<ReplayFrame>(`/api/v1/replay/frame?at=${to}`);
        playMs.push(performance.now() - a);
      }
      playMs.sort((x, y) => x - y);
      return {
        build: { tags: n, hours: o.hours, samples: n * (seconds + 1), journalEvents: events, buildS: Math.round(buildS * 10) / 10 },
        seek: {
          tags: n,
          rangeHours: o.hours,
          seeks: o.seeks,
          p50Ms: q(seekMs, 0.5),
          p99Ms: q(seekMs, 0.99),
          maxMs: q(seekMs, 1),
          goalMs: 300,
          serverStateP50Ms: q(stateMs, 0.5),
          serverValuesP50Ms: q(valuesMs, 0.5),
          mostEventsReduced: reduced,
          responseBytes: bytes,
        },
        play: { speed: 60, minutes: o.minutes, p50Ms: q(playMs, 0.5), p99Ms: q(playMs, 0.99), maxMs: q(playMs, 1), goalMs: 1000, mostEventsInAPage: playEvents },
      };
    } finally {
      await server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
