import { describe, expect, it } from 'vitest';
import { harness, live } from '../testing/liveHarness';
import { status } from '../robots/robotFixtures';

describe('LiveSource, robots lane', () => {
  it('hands on valid robots messages and counts malformed ones', async () => {
    const h = harness();
    const s = await live(h);
    const good = { time: 5000, robots: [status('RB-1', 5000, { position: [1, 2, 0], heading: 1 })] };
    s.fire('robots', good);
    s.fire('robots', { time: 5000, robots: [{ id: 'RB-1', state: 'dancing' }] });
    s.fire('robots', 'nonsense');
    expect(h.robots).toEqual([good]);
    expect(h.source.rejected.robots).toBe(2);
  });

  it('times each positions frame it applies (User Timing, latest entry only)', async () => {
    const { encodePositions } = await import('../../../shared/people/positionsFrame');
    const { POSITIONS_MEASURE } = await import('../diagnostics/measures');
    const h = harness();
    const s = await live(h);
    const n = 2;
    const src = { x: new Float64Array(n), y: new Float64Array(n), z: new Float64Array(n), lastT: new Float64Array(n).fill(1000), floor: new Int16Array(n), battery: new Uint8Array(n), flags: new Uint8Array(n), area: Int16Array.from([0, 0]), areaCounts: Int32Array.from([2, 0]) };
    s.fire('positions', encodePositions(src, [0, 1], 2, 1, 2000, 1, 1));
    s.fire('positions', encodePositions(src, [0, 1], 2, 2, 3000, 1, 0));
    const entries = performance.getEntriesByName(POSITIONS_MEASURE);
    expect(h.positions).toHaveLength(2);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.duration).toBeGreaterThanOrEqual(0);
  });
});
