import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRng } from '../../shared/util/rng';
import { PositionStore } from './PositionStore';
import { SqlitePositionRepo } from './SqlitePositionRepo';

const ids = ['P-1', 'P-2', 'P-3'];
const areas = ['RX', 'WH'];
const open = (dir: string): PositionStore =>
  new PositionStore(SqlitePositionRepo.open(dir), (p) => ids[p], (s) => areas[s] ?? null, { chunkMs: 60_000, flushMs: 5000 });

describe('PositionStore', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every fix across seals and a restart, refuses replays, answers near from the boxes', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'vigil-pos-'));
    const r = createRng(11);
    const T0 = 1_780_000_000_000;
    const truth: { p: number; t: number; x: number; y: number }[] = [];
    let s = open(dir);
    for (let k = 0; k < 600; k++) {
      const t = T0 + k * 1000;
      for (let p = 0; p < 3; p++) {
        const x = 100 * p + 20 * Math.cos(k / 50) + r.range(-0.2, 0.2);
        const y = 50 + 20 * Math.sin(k / 50);
        s.record(p, t, x, y, 0, 0, k < 300 ? 0 : p === 2 ? -1 : 1);
        truth.push({ p, t, x, y });
      }
      s.tick(t);
    }
    expect(s.stats.sealed).toBeGreaterThan(20);
    const before = s.query(1, T0, T0 + 600_000, 10_000);
    expect(before.t).toHaveLength(600);
    s.close();

    s = open(dir);
    const after = s.query(1, T0, T0 + 600_000, 10_000);
    expect(after).toEqual(before);
    expect(after.area[0]).toBe('RX');
    expect(after.area[599]).toBe('WH');
    expect(s.query(2, T0, T0 + 600_000, 10_000).area[599]).toBeNull();
    expect(s.oldest(0)).toBe(T0);
    const mine = truth.filter((f) => f.p === 1);
    expect(after.t).toEqual(mine.map((f) => f.t));
    mine.forEach((f, i) => expect(Math.abs(after.x[i]! - f.x)).toBeLessThanOrEqual(2 ** -8));
    // A replayed fix (not newer than what is stored) is dropped.
    s.record(0, T0 + 5000, 1, 1, 0, 0, 0);
    expect(s.stats.dropped).toBe(1);
    // Bounded and bounds-keeping.
    const thin = s.query(0, T0, T0 + 600_000, 50);
    expect(thin.t.length).toBeLessThanOrEqual(50);
    const full = s.query(0, T0, T0 + 600_000, 10_000);
    expect(Math.min(...thin.x)).toBe(Math.min(...full.x));
    expect(Math.max(...thin.y)).toBe(Math.max(...full.y));

    // Near, against a brute-force scan of what was recorded (to the 2^-7 m grid).
    const cx = 110;
    const cy = 60;
    const radius = 8;
    const from = T0 + 100_000;
    const to = T0 + 400_000;
    const expected = new Map<number, number>();
    for (const f of truth) {
      if (f.t < from || f.t > to) continue;
      const d = Math.hypot(f.x - cx, f.y - cy);
      if (d <= radius + 0.01) expected.set(f.p, Math.min(expected.get(f.p) ?? Infinity, d));
    }
    const hits = s.near(cx, cy, radius, from, to);
    expect(hits.map((h) => h.person).sort()).toEqual([...expected.keys()].map((p) => ids[p]!).sort());
    for (const h of hits) expect(Math.abs(h.distance - expected.get(ids.indexOf(h.person))!)).toBeLessThan(0.01);
    expect(hits.length).toBeGreaterThan(0);
    s.close();
  });
});
