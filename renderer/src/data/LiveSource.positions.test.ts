import { describe, expect, it } from 'vitest';
import { encodePositions, type PositionSource } from '../../../shared/people/positionsFrame';
import { harness, live, reply, settle } from '../testing/liveHarness';

/** Two people (indices 0 and 3), one area, both in it. */
function source(): PositionSource {
  const n = 4;
  return {
    x: new Float64Array(n).fill(10),
    y: new Float64Array(n).fill(20),
    z: new Float64Array(n),
    lastT: new Float64Array(n).fill(1000),
    floor: new Int16Array(n),
    battery: new Uint8Array(n).fill(90),
    flags: new Uint8Array(n),
    area: Int16Array.from([0, -1, -1, 0]),
    areaCounts: Int32Array.from([2, 0]),
  };
}

describe('LiveSource, positions lane', () => {
  it('subscribes to positions after hello and again after a reconnect', async () => {
    const h = harness();
    const s = await live(h);
    const subs = (): number => s.emitted.filter((e) => e.event === 'subscribe.positions').length;
    expect(subs()).toBe(1);
    expect(s.emitted.find((e) => e.event === 'subscribe.positions')!.args[0]).toEqual({ on: true });
    s.disconnect();
    s.fire('disconnect', 'transport close');
    s.connect();
    s.lastHello().cb(null, reply({}));
    await settle();
    expect(subs()).toBe(2);
  });

  it('decodes positions frames with the shared decoder and counts malformed ones', async () => {
    const h = harness();
    const s = await live(h);
    s.fire('positions', encodePositions(source(), [0, 3], 2, 7, 2000, 1, 1));
    s.fire('positions', new Uint8Array([1, 2, 3]));
    s.fire('positions', 'not a frame');
    expect(h.positions).toEqual([{ flags: 1, persons: [0, 3], occupancy: [2, 0] }]);
    expect(h.source.rejected.positions).toBe(2);
  });
});
