import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack } from '../../shared/protocol/messages';
import type { CommandState } from '../../shared/state/reducer';
import { stableHash } from '../../shared/util/hash';
import { DB_FILE } from '../../server/store/openSqliteStore';
import { miniPlant, startHarness, waitFor, type Harness } from './harness';

interface Instant {
  seq: number;
  time: number;
  hash: string;
  /** Whether the failed detector's BAD alarm was acknowledged then. */
  acked: boolean;
}
type StateBody = Ack<{ seq: number; time: number; state: CommandState }>;

/**
 * Issue 6, item 2: the state rebuilt for an instant (nearest snapshot + journal) equals the
 * state the live reducer held then, by hash, on a real server while events flow.
 */
describe('state at any instant over a real server', () => {
  let h: Harness;
  beforeAll(async () => {
    // Snapshots often, so that rebuilds start from snapshots in between as well as from the start.
    h = await startHarness({ snapshotPolicy: { everyEvents: 5, everyMs: 300, minIntervalMs: 0 } });
  });
  afterAll(async () => {
    await h.stop();
  });

  it('rebuilds, through GET /api/v1/state, the exact live state at recorded instants (by time and by seq)', async () => {
    const { plant } = await miniPlant();
    const ctx = h.server.ctx;
    const live: Instant[] = [];
    // After each whole batch: every event of that batch shares its time.
    const failing = plant.tags.find((t) => t.kind === 'flow' || t.kind === 'temperature')!;
    const bad = `${failing.id}:BAD`;
    const off = ctx.engine.onBatch(() =>
      live.push({ seq: ctx.engine.seq, time: ctx.engine.state.time, hash: stableHash(ctx.engine.state), acked: ctx.engine.state.alarms[bad]?.lifecycle.acked === true }),
    );
    const admin = ctx.auth.resolve(h.adminToken)!;
    let n = 0;
    const cmd = (name: string, payload: unknown) => ctx.commands.run(admin, { id: `state-at-${++n}`, name, payload });

    const group = plant.tags.filter((t) => t.group === 'GRP-TK-1-A');
    expect(cmd('sim.inject', { kind: 'gas_release', position: group[1]!.position, chemical: group[0]!.chemical, rateKgS: 50, durationS: 600 }).ok).toBe(true);
    expect(cmd('sim.inject', { kind: 'detector_failure', tag: failing.id, mode: 'bad' }).ok).toBe(true);
    await waitFor(() => ctx.engine.state.alarms[bad]?.lifecycle.active, 5000, 'the BAD alarm');
    expect(cmd('alarm.ack', { alarmIds: [bad], note: 'seen / 已确认' }).ok).toBe(true);
    await waitFor(() => ctx.engine.state.alarms['GRP-TK-1-A:CONFIRMED']?.lifecycle.active, 25_000, 'the confirmed release');
    expect(cmd('sim.clear', {}).ok).toBe(true);
    await new Promise((r) => setTimeout(r, 500));
    off();

    expect(live.length).toBeGreaterThan(10);
    expect(live.some((r) => r.hash !== live[0]!.hash)).toBe(true);
    const db = new Database(path.join(h.dataDir, DB_FILE), { readonly: true });
    const snapshots = (db.prepare('SELECT COUNT(*) AS n, MIN(seq) AS first FROM snapshots').get() as { n: number; first: number | null });
    db.close();
    expect(snapshots.n).toBeGreaterThan(0);

    const token = await h.tokenFor('viewer');
    const get = async (query: string) => (await h.rest(`/api/v1/state?${query}`, { token })).body as StateBody;

    // By seq: every recorded instant is exact, however many batches share a millisecond.
    const sample = live.filter((_, i) => i % Math.max(1, Math.floor(live.length / 40)) === 0 || i === live.length - 1);
    for (const r of sample) {
      const body = await get(`seq=${r.seq}`);
      if (!body.ok) throw new Error(body.message);
      expect(body.data.seq).toBe(r.seq);
      expect(stableHash(body.data.state), `seq ${r.seq}`).toBe(r.hash);
    }
    // By time: `at` means every event with time ≤ at, i.e. the last batch of that millisecond.
    // (The last recorded millisecond is left out: a batch after we stopped listening may share it.)
    const lastInMs = new Map<number, Instant>();
    for (const r of live) lastInMs.set(r.time, r);
    const lastTime = live[live.length - 1]!.time;
    const byTime = [...lastInMs.values()].filter((r) => r.time < lastTime);
    const timeSample = byTime.filter((_, i) => i % Math.max(1, Math.floor(byTime.length / 40)) === 0);
    expect(timeSample.length).toBeGreaterThan(5);
    for (const r of timeSample) {
      const body = await get(`at=${r.time}`);
      if (!body.ok) throw new Error(body.message);
      expect({ seq: body.data.seq, time: body.data.time }).toEqual({ seq: r.seq, time: r.time });
      expect(stableHash(body.data.state), `at ${r.time}`).toBe(r.hash);
    }
    // Some rebuilt instants lie after a snapshot, some before the oldest one kept.
    expect(sample.some((r) => r.seq >= (snapshots.first ?? Infinity))).toBe(true);

    // The operator's ack is in the rebuilt state from its batch on, and not in the one before.
    const ackIndex = live.findIndex((r) => r.acked);
    expect(ackIndex).toBeGreaterThan(0);
    for (const r of [live[ackIndex - 1]!, live[ackIndex]!]) {
      const body = await get(`seq=${r.seq}`);
      if (!body.ok) throw new Error(body.message);
      expect(body.data.state.alarms[bad]?.lifecycle.acked === true).toBe(r.acked);
      expect(stableHash(body.data.state)).toBe(r.hash);
    }
  }, 60_000);

  it('refuses a bad or missing instant (400, counted) and an unauthenticated caller (401)', async () => {
    const token = await h.tokenFor('viewer');
    const rejectedBefore = h.server.ctx.metrics.rejected.get('bad_request') ?? 0;
    for (const q of ['', 'at=abc', 'at=-5', 'at=1.5', 'seq=x', 'at=1&extra=2']) {
      const res = await h.rest(`/api/v1/state?${q}`, { token });
      expect(res.status, q).toBe(400);
      expect(res.body).toMatchObject({ ok: false, code: 'bad_request' });
    }
    expect((await h.rest('/api/v1/state?at=1')).status).toBe(401);
    expect((h.server.ctx.metrics.rejected.get('bad_request') ?? 0) - rejectedBefore).toBe(6);
  });
});
