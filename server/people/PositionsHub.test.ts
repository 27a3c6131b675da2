import { describe, expect, it } from 'vitest';
import { GeofenceEngine } from '../../shared/people/GeofenceEngine';
import { decodePositions, PositionsFlags } from '../../shared/people/positionsFrame';
import { testGeometry } from '../../shared/people/testGeometry';
import { PositionsHub } from './PositionsHub';

const T0 = 1_700_000_000_000;

describe('PositionsHub', () => {
  it('sends a keyframe on subscribe, one shared delta per tick, and a keyframe to a console that was congested', () => {
    const e = new GeofenceEngine(testGeometry(), 4);
    e.resize(4);
    const sent: { ids: string[]; frame: ReturnType<typeof decodePositions>; buf: ArrayBuffer }[] = [];
    const congested = new Set<string>();
    const hub = new PositionsHub(e, { send: (ids, buf) => sent.push({ ids: [...ids], frame: decodePositions(buf), buf }), congested: (id) => congested.has(id) }, () => 7);
    e.ingest(0, T0, 10, 10, 0, 0, 90, false);
    e.ingest(1, T0, 150, 20, 0, 0, 90, false);
    hub.publish(T0);
    expect(sent).toEqual([]);
    hub.subscribe('a', T0);
    hub.subscribe('b', T0);
    expect(sent.map((s) => [s.ids, s.frame.flags & PositionsFlags.Keyframe, s.frame.count])).toEqual([
      [['a'], 1, 2],
      [['b'], 1, 2],
    ]);
    sent.length = 0;
    e.ingest(2, T0 + 1000, 20, 20, 0, 0, 90, false);
    hub.publish(T0 + 1000);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.ids).toEqual(['a', 'b']);
    expect([...sent[0]!.frame.person]).toEqual([2]);
    expect([...sent[0]!.frame.occupancy]).toEqual([2, 1, 0]);
    expect(sent[0]!.frame.registryVersion).toBe(7);
    sent.length = 0;
    congested.add('b');
    e.ingest(0, T0 + 2000, 11, 10, 0, 0, 90, false);
    hub.publish(T0 + 2000);
    expect(sent.map((s) => s.ids)).toEqual([['a']]);
    congested.delete('b');
    sent.length = 0;
    hub.publish(T0 + 3000);
    expect(sent.map((s) => [s.ids, s.frame.flags, s.frame.count])).toEqual([[['b'], PositionsFlags.Keyframe, 3]]);
    expect(hub.stats).toMatchObject({ framesSkipped: 1, keyframesSent: 3 });
    hub.unsubscribe('a');
    hub.unsubscribe('b');
    e.ingest(3, T0 + 4000, 12, 12, 0, 0, 90, false);
    sent.length = 0;
    hub.publish(T0 + 4000);
    expect(sent).toEqual([]);
  });
});
