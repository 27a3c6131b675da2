import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack } from '../../shared/protocol/messages';
import { ManualClock } from '../../shared/util/clock';
import { retentionFor } from '../../server/historian/historianOptions';
import { loadPlant, type LoadedPlant } from '../../server/plant/loadPlant';
import type { PlantServerOptions } from '../../server/app';
import { repoRoot, startHarness, type Harness } from './harness';

/**
 * The persisted position history on a real server: every fix the RTLS feed accepted is read
 * back after a restart on the same data folder, downsampling keeps the track's ends and bounds,
 * `positions/near` agrees with a brute-force scan of the fixes that were sent, and retention
 * (`--retention-days`) deletes old positions.
 */
const T0 = Date.UTC(2026, 5, 2, 2, 0, 0);
const SECONDS = 240;
type Body<T> = Ack<T> & { ok: true };
interface Series {
  count: number;
  oldest: number | null;
  t: number[];
  x: number[];
  y: number[];
  z: number[];
  floor: number[];
  area: (string | null)[];
}
interface Near {
  count: number;
  people: { person: string; distance: number; t: number; firstInside: number; lastInside: number; fixesInside: number; name: { zh: string; en: string } | null }[];
}
interface Fix {
  person: string;
  badge: string;
  t: number;
  x: number;
  y: number;
}

describe('position history persisted in the data folder', () => {
  const clock = new ManualClock(T0);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'vigil-pos-it-'));
  let loaded: LoadedPlant;
  let h: Harness;
  const sent: Fix[] = [];
  const options = (): Partial<PlantServerOptions> => ({
    plant: loaded,
    clock,
    dataDir,
    historian: { retention: retentionFor(1) },
    people: { source: 'rtls', positions: { chunkMs: 60_000, flushMs: 1000 } },
  });
  const series = async (id: string, q: string): Promise<Series> => ((await h.rest(`/api/v1/people/${id}/positions?${q}`, { token: h.adminToken })).body as Body<Series>).data;

  beforeAll(async () => {
    loaded = await loadPlant(path.join(repoRoot, 'resources', 'plants', 'reference'));
    h = await startHarness(options());
    const token = readFileSync(h.server.people.rtlsTokenFile, 'utf8').trim();
    const [a, b, c] = loaded.people!.people;
    for (let s = 0; s < SECONDS; s++) {
      clock.advance(1000);
      const t = clock.now() - 200;
      // a circles (300, 300) at 20 m; b walks east along y = 175 past (300, 180); c stands far off with a little noise.
      const fixes: Fix[] = [
        { person: a!.id, badge: a!.badge, t, x: 300 + 20 * Math.cos(s / 20), y: 300 + 20 * Math.sin(s / 20) },
        { person: b!.id, badge: b!.badge, t, x: 100 + s * 1.2, y: 175 },
        { person: c!.id, badge: c!.badge, t, x: 480 + 0.1 * Math.sin(s), y: 300 },
      ];
      sent.push(...fixes);
      const res = await h.rest('/api/v1/rtls/fixes', { method: 'POST', token, json: { fixes: fixes.map(({ person: _p, ...f }) => f) } });
      expect((res.body as Body<{ accepted: number }>).data.accepted).toBe(3);
      h.server.ctx.runtime.tick();
    }
  }, 120_000);

  afterAll(async () => {
    await h?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reads every accepted fix back, the same after a restart on the same data folder', async () => {
    const a = loaded.people!.people[0]!;
    const q = `from=${T0}&to=${clock.now() + 1}&maxPoints=10000`;
    const before = await series(a.id, q);
    const mine = sent.filter((f) => f.person === a.id);
    expect(before.count).toBe(SECONDS);
    expect(before.t).toEqual(mine.map((f) => f.t));
    mine.forEach((f, i) => {
      expect(Math.abs(before.x[i]! - f.x)).toBeLessThanOrEqual(2 ** -8);
      expect(Math.abs(before.y[i]! - f.y)).toBeLessThanOrEqual(2 ** -8);
    });
    expect(before.area.every((x) => x === 'RX')).toBe(true);
    expect(before.oldest).toBe(mine[0]!.t);

    await h.stop();
    h = await startHarness(options());
    const after = await series(a.id, q);
    expect(after).toEqual(before);
    const stats = ((await h.rest('/api/v1/rtls/stats', { token: h.adminToken })).body as Body<{ positions: { written: number } }>).data;
    expect(stats.positions).toBeTruthy();
  }, 60_000);

  it('downsamples to maxPoints keeping the ends and the bounds of the track', async () => {
    const b = loaded.people!.people[1]!;
    const q = `from=${T0}&to=${clock.now() + 1}`;
    const full = await series(b.id, `${q}&maxPoints=10000`);
    for (const max of [7, 20, 100]) {
      const thin = await series(b.id, `${q}&maxPoints=${max}`);
      expect(thin.count).toBeLessThanOrEqual(max);
      expect(thin.t[0]).toBe(full.t[0]);
      expect(thin.t.at(-1)).toBe(full.t.at(-1));
      expect(Math.min(...thin.x)).toBe(Math.min(...full.x));
      expect(Math.max(...thin.x)).toBe(Math.max(...full.x));
      expect(Math.min(...thin.y)).toBe(Math.min(...full.y));
      expect(Math.max(...thin.y)).toBe(Math.max(...full.y));
      expect(thin.t).toEqual([...thin.t].sort((u, v) => u - v));
    }
  });

  it('answers who was near a point between two instants, as a brute-force scan of the sent fixes does', async () => {
    const viewer = await h.tokenFor('viewer');
    for (const [x, y, radius, fromS, toS] of [
      [300, 185, 15, 0, SECONDS],
      [300, 300, 25, 60, 120],
      [480, 300, 1, 0, SECONDS],
      [10, 10, 5, 0, SECONDS],
    ] as const) {
      const from = T0 + fromS * 1000;
      const to = T0 + toS * 1000;
      const best = new Map<string, { d: number; n: number }>();
      for (const f of sent) {
        if (f.t < from || f.t > to) continue;
        const d = Math.hypot(f.x - x, f.y - y);
        if (d > radius) continue;
        const e = best.get(f.person) ?? { d: Infinity, n: 0 };
        best.set(f.person, { d: Math.min(e.d, d), n: e.n + 1 });
      }
      const res = (await h.rest(`/api/v1/positions/near?x=${x}&y=${y}&radius=${radius}&from=${from}&to=${to}`, { token: viewer })).body as Body<Near>;
      expect(res.ok).toBe(true);
      expect(res.data.people.map((p) => p.person).sort()).toEqual([...best.keys()].sort());
      for (const p of res.data.people) {
        expect(Math.abs(p.distance - best.get(p.person)!.d)).toBeLessThan(0.02);
        expect(p.fixesInside).toBe(best.get(p.person)!.n);
        expect(p.name).not.toBeNull();
      }
      expect(res.data.people.map((p) => p.distance)).toEqual([...res.data.people.map((p) => p.distance)].sort((u, v) => u - v));
    }
    expect((await h.rest('/api/v1/positions/near?x=1&y=1&radius=0', { token: viewer })).status).toBe(400);
    expect((await h.rest('/api/v1/positions/near?x=1&y=1&radius=5')).status).toBe(401);
  });

  it('deletes positions older than the retention (--retention-days)', async () => {
    const a = loaded.people!.people[0]!;
    clock.advance(2 * 86_400_000);
    h.server.ctx.runtime.tick();
    clock.advance(2000);
    h.server.ctx.runtime.tick();
    const old = await series(a.id, `from=${T0}&to=${T0 + SECONDS * 1000 + 1000}&maxPoints=10000`);
    expect(old.count).toBe(0);
    expect(old.oldest).toBeNull();
  });
});
