import { describe, expect, it } from 'vitest';
import { createRng } from '../util/rng';
import { insideShape } from './geometry';
import { FixResult, GeofenceEngine } from './GeofenceEngine';
import { PersonFlag, type GeoChange } from './geoChanges';
import { testGeometry } from './testGeometry';

const T0 = 1_700_000_000_000;
const S = 1000;

function engine(n = 8, over = {}): GeofenceEngine {
  const e = new GeofenceEngine(testGeometry(over), n);
  e.resize(n);
  return e;
}
const person = (changes: GeoChange[], kind: string): Extract<GeoChange, { type: 'person' }>[] =>
  changes.filter((c): c is Extract<GeoChange, { type: 'person' }> => c.type === 'person' && c.kind === kind);

describe('GeofenceEngine', () => {
  it('counts every person on site in exactly one area slot, as a brute-force recount of the latest fixes says, after every fix', () => {
    const e = engine(300);
    const rng = createRng(7);
    const last = new Map<number, [number, number]>();
    for (let i = 0; i < 20_000; i++) {
      const p = Math.floor(rng.next() * 300);
      // Some fixes land off site (left through a gate), some exactly on area edges.
      const x = rng.next() < 0.1 ? 100 : rng.range(-5, 205);
      const y = rng.next() < 0.1 ? 50 : rng.range(-5, 105);
      expect(e.ingest(p, T0 + i, x, y, 0, 0, 90, false)).toBe(FixResult.Ok);
      if (x < 0 || y < 0 || x > 200 || y > 100) last.delete(p);
      else last.set(p, [x, y]);
      if (i % 97 !== 0) continue;
      const expected = new Array(3).fill(0);
      for (const [, [px, py]] of last) {
        const a = e.geo.areas.findIndex((s) => insideShape(s, px, py, 0));
        expected[a < 0 ? 2 : a]++;
      }
      expect([...e.areaCounts]).toEqual(expected);
    }
  });

  it('refuses fixes that are not newer than the last one, and non-finite positions', () => {
    const e = engine();
    expect(e.ingest(0, T0, 10, 10, 0, 0, 90, false)).toBe(FixResult.Ok);
    expect(e.ingest(0, T0, 11, 10, 0, 0, 90, false)).toBe(FixResult.Stale);
    expect(e.ingest(0, T0 - 1, 11, 10, 0, 0, 90, false)).toBe(FixResult.Stale);
    expect(e.ingest(0, NaN, 11, 10, 0, 0, 90, false)).toBe(FixResult.Invalid);
    expect(e.ingest(1, T0, NaN, 10, 0, 0, 90, false)).toBe(FixResult.Invalid);
    expect(e.x[0]).toBe(10);
  });

  it('raises RESTRICTED for an unauthorised person entering a restricted zone, journals the entry, and clears on exit', () => {
    const e = engine();
    e.setAuthorised(1, 0, true);
    e.ingest(0, T0, 90, 20, 0, 0, 90, false);
    e.ingest(1, T0, 90, 25, 0, 0, 90, false);
    expect(e.changes).toEqual([]);
    e.ingest(0, T0 + S, 110, 20, 0, 0, 90, false);
    e.ingest(1, T0 + S, 110, 25, 0, 0, 90, false);
    expect(person(e.changes, 'RESTRICTED')).toEqual([{ type: 'person', kind: 'RESTRICTED', person: 0, active: true, time: T0 + S, value: 0 }]);
    expect(e.changes.filter((c) => c.type === 'zone')).toEqual([
      { type: 'zone', zone: 0, person: 0, entered: true, time: T0 + S, authorised: false },
      { type: 'zone', zone: 0, person: 1, entered: true, time: T0 + S, authorised: true },
    ]);
    expect(e.flags[0]! & PersonFlag.Restricted).toBeTruthy();
    expect(e.zoneUnauthorised[0]).toBe(1);
    e.changes.length = 0;
    e.ingest(0, T0 + 2 * S, 95, 20, 0, 0, 90, false);
    expect(person(e.changes, 'RESTRICTED')).toEqual([{ type: 'person', kind: 'RESTRICTED', person: 0, active: false, time: T0 + 2 * S, value: -1 }]);
    expect(e.zoneCounts[0]).toBe(1);
  });

  it('raises CONFINED when someone unauthorised is inside a confined space or more than allowed are, and tracks the count', () => {
    const e = engine();
    e.setAuthorised(0, 1, true);
    e.setAuthorised(1, 1, true);
    e.ingest(0, T0, 150, 80, 0, 0, 90, false);
    expect(e.zoneCounts[1]).toBe(1);
    expect(e.changes.filter((c) => c.type === 'place')).toEqual([]);
    e.ingest(1, T0 + S, 151, 80, 0, 0, 90, false);
    const place = e.changes.filter((c) => c.type === 'place');
    expect(place).toHaveLength(1);
    expect(place[0]).toMatchObject({ kind: 'CONFINED', index: 1, active: true, value: 2, unauthorised: 0 });
    e.changes.length = 0;
    e.ingest(1, T0 + 2 * S, 140, 70, 0, 0, 90, false);
    expect(e.changes.find((c) => c.type === 'place')).toMatchObject({ kind: 'CONFINED', active: false, value: 1 });
    e.changes.length = 0;
    e.ingest(2, T0 + 3 * S, 149, 79, 0, 0, 90, false);
    expect(e.changes.find((c) => c.type === 'place')).toMatchObject({ kind: 'CONFINED', active: true, value: 2, unauthorised: 1 });
    expect(e.flags[2]! & PersonFlag.InConfined).toBeTruthy();
    // Above the equipment's height range the person is not inside.
    e.changes.length = 0;
    e.ingest(3, T0 + 3 * S, 150, 81, 20, 0, 90, false);
    expect(e.zoneCounts[1]).toBe(2);
  });

  it('raises MAN_DOWN at the first fix after stillS without moving more than stillM, clears on movement; SOS at once', () => {
    const e = engine();
    for (let s = 0; s <= 60; s++) e.ingest(0, T0 + s * S, 50 + (s % 2) * 0.5, 50, 0, 0, 90, false);
    const down = person(e.changes, 'MAN_DOWN');
    expect(down).toHaveLength(1);
    expect(down[0]).toMatchObject({ active: true, time: T0 + 50 * S, value: 50 });
    e.changes.length = 0;
    e.ingest(0, T0 + 61 * S, 53, 50, 0, 0, 90, false);
    expect(person(e.changes, 'MAN_DOWN')).toMatchObject([{ active: false }]);
    e.changes.length = 0;
    e.ingest(0, T0 + 62 * S, 53, 50, 0, 0, 90, true);
    expect(person(e.changes, 'MAN_DOWN')).toEqual([{ type: 'person', kind: 'MAN_DOWN', person: 0, active: true, time: T0 + 62 * S, value: 0, sos: true }]);
    e.changes.length = 0;
    e.ingest(0, T0 + 63 * S, 53, 50, 0, 0, 90, false);
    expect(person(e.changes, 'MAN_DOWN')).toMatchObject([{ active: false }]);
  });

  it('does not raise MAN_DOWN for stillness in an exempt area', () => {
    const e = engine(4, { manDown: { stillS: 50, stillM: 1, exemptAreas: ['A'], source: 'test' } });
    for (let s = 0; s <= 120; s++) e.ingest(0, T0 + s * S, 50, 50, 0, 0, 90, false);
    expect(person(e.changes, 'MAN_DOWN')).toEqual([]);
  });

  it('LOW_BATTERY below lowBatteryPct, cleared only at lowBatteryClearPct (hysteresis); 255 = unknown', () => {
    const e = engine();
    const levels = [30, 21, 19, 20, 24, 255, 25, 10];
    levels.forEach((b, i) => e.ingest(0, T0 + i * S, 10 + i * 2, 10, 0, 0, b, false));
    expect(person(e.changes, 'LOW_BATTERY').map((c) => [c.active, c.value])).toEqual([
      [true, 19],
      [false, 25],
      [true, 10],
    ]);
  });

  it('SIGNAL_LOST once a badge on site is silent past signalLostS; the next fix clears it; nobody off site is lost', () => {
    const e = engine();
    e.ingest(0, T0, 10, 10, 0, 0, 90, false);
    e.ingest(1, T0, 20, 10, 0, 0, 90, false);
    e.ingest(1, T0 + S, 20, -3, 0, 0, 90, false);
    e.sweep(T0 + 30 * S);
    expect(person(e.changes, 'SIGNAL_LOST')).toEqual([]);
    e.sweep(T0 + 31 * S);
    expect(person(e.changes, 'SIGNAL_LOST')).toEqual([{ type: 'person', kind: 'SIGNAL_LOST', person: 0, active: true, time: T0 + 31 * S, value: 31 }]);
    e.ingest(0, T0 + 40 * S, 12, 10, 0, 0, 90, false);
    expect(person(e.changes, 'SIGNAL_LOST').map((c) => c.active)).toEqual([true, false]);
  });

  it('leaving the site clears the person from counts, zones and alarms', () => {
    const e = engine();
    e.ingest(0, T0, 150, 20, 0, 0, 10, true);
    expect(e.areaCounts[1]).toBe(1);
    e.changes.length = 0;
    e.ingest(0, T0 + S, 150, -2, 0, 0, 10, false);
    expect([...e.areaCounts]).toEqual([0, 0, 0]);
    expect(e.zoneCounts[0]).toBe(0);
    const kinds = e.changes.map((c) => (c.type === 'person' ? `${c.kind}:${c.active}` : c.type === 'zone' ? `zone:${c.entered}` : c.kind));
    expect(kinds.sort()).toEqual(['LOW_BATTERY:false', 'MAN_DOWN:false', 'RESTRICTED:false', 'zone:false']);
    expect(e.onSite(0)).toBe(false);
  });

  it('CROWDING after minPeople stay within radiusM for longer than minDurationS in a watched area, and clears when they part', () => {
    const e = engine();
    const place = (t: number, spread: number): void => {
      for (let p = 0; p < 4; p++) e.ingest(p, t, 40 + p * spread, 40 + (p % 2) * 2, 0, 0, 90, false);
    };
    for (let s = 0; s <= 62; s++) {
      place(T0 + s * S, s % 2 === 0 ? 3 : 3.5);
      e.sweep(T0 + s * S);
    }
    const crowd = e.changes.filter((c) => c.type === 'place' && c.kind === 'CROWDING');
    expect(crowd).toHaveLength(1);
    expect(crowd[0]).toMatchObject({ active: true, index: 0, value: 4, time: T0 + 61 * S });
    place(T0 + 63 * S, 12);
    e.sweep(T0 + 63 * S);
    expect(e.changes.flatMap((c) => (c.type === 'place' && c.kind === 'CROWDING' ? [c.active] : []))).toEqual([true, false]);
  });

  it('never raises CROWDING outside the watched areas', () => {
    const e = engine();
    for (let s = 0; s <= 100; s++) {
      for (let p = 0; p < 6; p++) e.ingest(p, T0 + s * S, 120 + p * 2 + (s % 2) * 2, 20, 0, 0, 90, false);
      e.sweep(T0 + s * S);
    }
    expect(e.changes.filter((c) => c.type === 'place' && c.kind === 'CROWDING')).toEqual([]);
  });

  it('LONE_WORKER when someone in a lone-work area has nobody within buddyRadiusM for longer than maxAloneS', () => {
    const e = engine();
    for (let p = 0; p < 8; p++) e.setAuthorised(p, 0, true);
    for (let s = 0; s <= 135; s++) {
      e.ingest(0, T0 + s * S, 150 + (s % 2) * 2, 20, 0, 0, 90, false);
      if (s < 10) e.ingest(1, T0 + s * S, 160 + (s % 2) * 2, 25, 0, 0, 90, false);
      else if (s === 10) e.ingest(1, T0 + s * S, 50, 50, 0, 0, 90, false);
      e.sweep(T0 + s * S);
    }
    const lone = person(e.changes, 'LONE_WORKER');
    expect(lone).toHaveLength(1);
    expect(lone[0]).toMatchObject({ person: 0, active: true, time: T0 + 131 * S });
    e.ingest(2, T0 + 136 * S, 170, 20, 0, 0, 90, false);
    e.sweep(T0 + 136 * S);
    expect(person(e.changes, 'LONE_WORKER').map((c) => c.active)).toEqual([true, false]);
  });

  it('reauthorise re-evaluates people already inside when their authorisation changes', () => {
    const e = engine();
    e.ingest(0, T0, 150, 20, 0, 0, 90, false);
    expect(person(e.changes, 'RESTRICTED')).toHaveLength(1);
    e.setAuthorised(0, 0, true);
    e.reauthorise(T0 + S);
    expect(person(e.changes, 'RESTRICTED').map((c) => c.active)).toEqual([true, false]);
    expect(e.zoneUnauthorised[0]).toBe(0);
  });

  it('lists each changed person once per frame, in order of change', () => {
    const e = engine();
    e.ingest(3, T0, 1, 1, 0, 0, 90, false);
    e.ingest(1, T0, 2, 1, 0, 0, 90, false);
    e.ingest(3, T0 + S, 3, 1, 0, 0, 90, false);
    const out = new Int32Array(8);
    expect([...out.subarray(0, e.takeDirty(out))]).toEqual([3, 1]);
    expect(e.takeDirty(out)).toBe(0);
  });
});
