import { describe, expect, it } from 'vitest';
import { decodeFrame, FrameFlags } from '../../shared/protocol/frame';
import { LatestTable } from '../engine/LatestTable';
import { Metrics } from '../metrics';
import { FakeSimulator } from '../testing/FakeSimulator';
import { testPlant } from '../testing/testPlant';
import { TelemetryHub, type FrameOut } from './TelemetryHub';

function setup() {
  const { plant } = testPlant(); // tags: 0 A.T1, 1 A.GAS1, 2 B.T1, 3 B.GAS1, 4 B.T2
  const sim = new FakeSimulator(plant, 1000);
  const latest = new LatestTable(plant.tags.length);
  latest.copyFrom(sim.latest());
  const sent: { ids: string[]; frame: ArrayBuffer }[] = [];
  const congested = new Set<string>();
  const out: FrameOut = { send: (ids, frame) => sent.push({ ids: [...ids], frame }), congested: (id) => congested.has(id) };
  const metrics = new Metrics();
  const hub = new TelemetryHub(plant, latest, out, metrics);
  let now = 1000;
  const tick = () => {
    const b = sim.tick(now);
    latest.apply(b);
    hub.publish(b);
    now += 1000;
  };
  return { hub, sim, sent, congested, metrics, tick };
}

describe('TelemetryHub', () => {
  it('sends a keyframe of subscribed tags, then one shared buffer per subscription set', () => {
    const { hub, sent, tick } = setup();
    expect(hub.subscribe('c1', ['B'])).toEqual({ tagCount: 3 });
    expect(hub.subscribe('c2', ['B', 'B'])).toEqual({ tagCount: 3 });
    expect(hub.subscribe('c3', '*')).toEqual({ tagCount: 5 });
    expect(hub.subscribe('c4', ['B', 'Z'])).toEqual({ unknown: ['Z'] });
    hub.keyframe('c1');
    const kf = decodeFrame(sent[0]!.frame);
    expect(kf.flags & FrameFlags.Keyframe).toBe(1);
    expect([...kf.ids]).toEqual([2, 3, 4]);
    sent.length = 0;
    tick();
    expect(sent.map((s) => s.ids)).toEqual([['c1', 'c2'], ['c3']]);
    const b = decodeFrame(sent[0]!.frame);
    expect([...b.ids]).toEqual([2, 3, 4]);
    expect(b.flags).toBe(0);
    expect(decodeFrame(sent[1]!.frame).count).toBe(5);
  });

  it('conflates for a console that is not draining instead of queueing', () => {
    const { hub, sim, sent, congested, metrics, tick } = setup();
    hub.subscribe('slow', ['A']);
    hub.subscribe('fast', ['A']);
    congested.add('slow');
    for (let i = 0; i < 5; i++) tick();
    expect(sent.every((s) => s.ids.join() === 'fast')).toBe(true);
    expect(metrics.framesConflated).toBe(5);
    sim.base = 42;
    congested.delete('slow');
    sent.length = 0;
    tick();
    const toSlow = sent.filter((s) => s.ids.includes('slow'));
    expect(toSlow).toHaveLength(1);
    const f = decodeFrame(toSlow[0]!.frame);
    expect([...f.ids]).toEqual([0, 1]); // each tag once, at its latest value
    expect([...f.values]).toEqual([42, 42]);
    // The slow console's own frame says what it lost: 5 ticks × 2 tags, 5 frames; the flag marks it.
    expect(f.flags & FrameFlags.Conflated).toBe(FrameFlags.Conflated);
    expect([f.conflatedSamples, f.conflatedFrames]).toEqual([10, 5]);
    expect(metrics.samplesConflated).toBe(10);
    expect(hub.conflationOf('slow')).toEqual({ samples: 10, frames: 5 });
    expect(hub.conflationOf('fast')).toEqual({ samples: 0, frames: 0 });
    // Frames shared by the group carry no per-console counters.
    const shared = decodeFrame(sent.find((s) => s.ids.includes('fast'))!.frame);
    expect([shared.flags, shared.conflatedSamples, shared.conflatedFrames]).toEqual([0, 0, 0]);
    expect(metrics.consolesConflating).toBe(0);
  });

  it('counts consoles conflating while they are held back', () => {
    const { hub, congested, metrics, tick } = setup();
    hub.subscribe('slow', '*');
    congested.add('slow');
    tick();
    expect(metrics.consolesConflating).toBe(1);
    expect(hub.conflatingCount).toBe(1);
  });

  it('drops a console on unsubscribe and resubscribe replaces the set', () => {
    const { hub, sent, tick } = setup();
    hub.subscribe('c', ['A']);
    hub.subscribe('c', ['B']);
    tick();
    expect(sent).toHaveLength(1);
    expect([...decodeFrame(sent[0]!.frame).ids]).toEqual([2, 3, 4]);
    hub.unsubscribe('c');
    sent.length = 0;
    tick();
    expect(sent).toEqual([]);
    expect(hub.consoleCount).toBe(0);
  });
});
