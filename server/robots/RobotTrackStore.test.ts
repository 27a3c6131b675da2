import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RobotState, RobotStatus } from '../../shared/robots/model';
import { RobotTrackStore } from './RobotTrackStore';
import { SqliteRobotTrackRepo, type RobotTrackRepo, type StoredRobotChunk } from './SqliteRobotTrackRepo';

const T0 = 1_780_000_000_000;
const ids = ['RB-1', 'RB-2'];

/** Robot r at second k: moving along x, heading turning, battery draining, state by phase. */
function status(r: number, k: number): RobotStatus {
  const state: RobotState = k % 100 < 80 ? 'patrolling' : 'measuring';
  return { id: ids[r]!, state, position: [10 * r + k * 0.7, 5 + r, 0.25], heading: ((k % 60) / 60) * Math.PI, batteryPct: 90 - k * 0.01, nextCheckpoint: Math.floor(k / 100) % 7, readings: { gas: { value: 1, unit: '%LEL', at: T0, checkpoint: 'C1' } }, time: T0 + k * 1000 };
}

const close = (a: RobotStatus, b: RobotStatus): void => {
  expect(a.id).toBe(b.id);
  expect(a.time).toBe(b.time);
  expect(a.state).toBe(b.state);
  expect(a.nextCheckpoint).toBe(b.nextCheckpoint);
  a.position.forEach((v, i) => expect(Math.abs(v - b.position[i]!)).toBeLessThanOrEqual(2 ** -8));
  expect(Math.abs(a.heading - b.heading)).toBeLessThanOrEqual(2 ** -11);
  expect(Math.abs(a.batteryPct - b.batteryPct)).toBeLessThanOrEqual(2 ** -5);
  expect(a.readings).toEqual({});
};

describe('RobotTrackStore', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = '';
  });
  const open = (): RobotTrackStore => new RobotTrackStore(SqliteRobotTrackRepo.open(dir), ids, { chunkMs: 60_000, flushMs: 5000 });

  it('answers the last status at or before t across stored, pending and open chunks, and after a restart', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'vigil-rt-'));
    let s = open();
    // RB-2 reports only for the first 200 s: later instants leave it out once it is older than the window.
    for (let k = 0; k < 600; k++) {
      s.record(k < 200 ? [status(0, k), status(1, k)] : [status(0, k)]);
      s.tick(T0 + k * 1000);
    }
    expect(s.stats.sealed).toBeGreaterThan(8);
    expect(s.stats.written).toBeGreaterThan(0);
    expect(s.held.openFixes).toBeGreaterThan(0);
    // An instant between fixes takes the earlier one; one in the open chunk reads it.
    const mid = s.at(T0 + 100_500, 120_000);
    expect(mid).toHaveLength(2);
    close(mid[0]!, status(0, 100));
    close(mid[1]!, status(1, 100));
    close(s.at(T0 + 599_000, 120_000)[0]!, status(0, 599));
    // RB-2 last reported at 199 s: inside a 2-minute window at 250 s, outside at 400 s.
    close(s.at(T0 + 250_000, 120_000)[1]!, status(1, 199));
    expect(s.at(T0 + 400_000, 120_000).map((r) => r.id)).toEqual(['RB-1']);
    // Before the first fix: nothing.
    expect(s.at(T0 - 1, 120_000)).toEqual([]);
    const before = [100_000, 333_333, 599_999].map((dt) => s.at(T0 + dt, 120_000));
    s.close();

    // Restart: what was flushed and what close() wrote read back the same.
    s = open();
    expect([100_000, 333_333, 599_999].map((dt) => s.at(T0 + dt, 120_000))).toEqual(before);
    // A replayed fix (not newer than the stored ones) is dropped; a newer one is kept.
    s.record([status(0, 599)]);
    expect(s.stats.dropped).toBe(1);
    s.record([status(0, 700)]);
    close(s.at(T0 + 700_000, 120_000)[0]!, status(0, 700));
    s.close();
  });

  it('prunes chunks past the retention', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'vigil-rt-'));
    const repo = SqliteRobotTrackRepo.open(dir);
    const s = new RobotTrackStore(repo, ids, { chunkMs: 60_000, flushMs: 1000, retentionMs: 3_600_000, pruneEveryMs: 600_000 });
    for (let k = 0; k < 2 * 3600; k += 10) {
      s.record([status(0, k)]);
      s.tick(T0 + k * 1000);
    }
    expect(s.stats.pruned).toBeGreaterThan(0);
    // Older than the retention (plus at most one prune period): gone from the database.
    expect(repo.read('RB-1', T0, T0 + 1000)).toEqual([]);
    expect(s.at(T0 + 1_000_000, 120_000)).toEqual([]);
    expect(s.at(T0 + 7_000_000, 120_000)).toHaveLength(1);
    s.close();
  });

  it('counts storage errors and never throws from record, tick or at', () => {
    let fail = true;
    const written: StoredRobotChunk[] = [];
    const boom = (): never => {
      throw new Error('disk I/O error');
    };
    const repo: RobotTrackRepo = {
      write: (c) => (fail ? boom() : written.push(...c)),
      read: () => (fail ? boom() : []),
      lastTime: () => (fail ? boom() : null),
      prune: () => (fail ? boom() : 0),
      close: () => undefined,
    };
    const errors: unknown[] = [];
    const log = console.error;
    console.error = (...a: unknown[]) => errors.push(a);
    try {
      const s = new RobotTrackStore(repo, ids, { chunkMs: 10_000, flushMs: 1000 });
      for (let k = 0; k < 60; k++) {
        expect(() => s.record([status(0, k)])).not.toThrow();
        expect(() => s.tick(T0 + k * 1000)).not.toThrow();
      }
      expect(s.stats.writeErrors).toBeGreaterThan(0);
      expect(s.stats.readErrors).toBeGreaterThan(0);
      expect(s.stats.pruneErrors).toBeGreaterThan(0);
      // What could not be written is still answered from memory, and written once the disk is back.
      close(s.at(T0 + 5_000, 120_000)[0]!, status(0, 5));
      expect(s.held.pending).toBeGreaterThan(0);
      fail = false;
      s.tick(T0 + 61_000);
      expect(written.length).toBeGreaterThan(0);
      expect(s.held.pending).toBe(0);
      s.close();
    } finally {
      console.error = log;
    }
    expect(errors.length).toBeGreaterThan(0);
  });
});
