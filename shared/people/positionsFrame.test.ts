import { describe, expect, it } from 'vitest';
import { GeofenceEngine } from './GeofenceEngine';
import { PersonFlag } from './geoChanges';
import { decodePositions, encodePositions, OFF_SITE_SLOT, PositionsFlags, PositionsFrameError, positionsByteLength } from './positionsFrame';
import { testGeometry } from './testGeometry';

const T0 = 1_700_000_000_000;

describe('positions frame', () => {
  it('round-trips people, occupancy, header fields; off-site people carry slot 0xFFFF', () => {
    const e = new GeofenceEngine(testGeometry(), 5);
    e.resize(5);
    e.ingest(0, T0 - 400, 10.123456789, 20.5, 0, 0, 88, false);
    e.ingest(2, T0 - 100, 150, 20, 3.5, 2, 255, true);
    e.ingest(3, T0 - 900, 150, 75, 0, 0, 50, false);
    e.ingest(4, T0 - 2000, 50, 50, 0, 0, 70, false);
    e.ingest(4, T0 - 50, 50, -1, 0, 0, 70, false);
    const frame = encodePositions(e, [0, 2, 3, 4], 4, 77, T0, 9, PositionsFlags.Keyframe);
    expect(frame.byteLength).toBe(positionsByteLength(4, 2));
    expect(frame.byteLength % 8).toBe(0);
    const d = decodePositions(frame);
    expect(d).toMatchObject({ flags: 1, seq: 77, baseTime: T0, registryVersion: 9, count: 4 });
    expect([...d.person]).toEqual([0, 2, 3, 4]);
    expect([...d.x]).toEqual([10.123456789, 150, 150, 50]);
    expect([...d.y]).toEqual([20.5, 20, 75, -1]);
    expect([...d.z]).toEqual([0, 3.5, 0, 0]);
    expect([...d.dt]).toEqual([-400, -100, -900, -50]);
    expect([...d.area]).toEqual([0, 1, 2, OFF_SITE_SLOT]);
    expect([...d.floor]).toEqual([0, 2, 0, 0]);
    expect([...d.battery]).toEqual([88, 255, 50, 70]);
    expect(d.state[1]! & PersonFlag.Sos).toBeTruthy();
    expect(d.state[3]! & PersonFlag.OffSite).toBeTruthy();
    expect([...d.occupancy]).toEqual([1, 1, 1]);
  });

  it('decodes a frame that sits at an odd offset (a Node Buffer inside a larger one)', () => {
    const e = new GeofenceEngine(testGeometry(), 1);
    e.resize(1);
    e.ingest(0, T0, 1, 2, 0, 0, 90, false);
    const frame = new Uint8Array(encodePositions(e, [0], 1, 1, T0, 1));
    const big = new Uint8Array(frame.length + 3);
    big.set(frame, 3);
    const d = decodePositions(big.subarray(3));
    expect([d.x[0], d.y[0], d.person[0]]).toEqual([1, 2, 0]);
  });

  it('refuses short, foreign or truncated frames', () => {
    expect(() => decodePositions(new Uint8Array(10))).toThrow(PositionsFrameError);
    expect(() => decodePositions(new Uint8Array(64))).toThrow(/magic/);
    const e = new GeofenceEngine(testGeometry(), 3);
    e.resize(3);
    const frame = new Uint8Array(encodePositions(e, [0, 1, 2], 3, 1, T0, 1));
    expect(() => decodePositions(frame.subarray(0, frame.length - 16))).toThrow(/cannot hold/);
  });
});
