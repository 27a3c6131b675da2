import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FrameFlags } from '../../shared/protocol/frame';
import type { HelloReply } from '../../shared/protocol/messages';
import type { Plant } from '../../shared/plant/schema';
import { startHarness, TestConsole, waitFor, type Harness } from './harness';

let h: Harness;
let plant: Plant;
const consoles: TestConsole[] = [];
function open(): TestConsole {
  const c = new TestConsole(h.server.url);
  consoles.push(c);
  return c;
}

beforeAll(async () => {
  h = await startHarness();
  plant = h.server.ctx.loaded.plant;
});
afterAll(async () => {
  for (const c of consoles) c.close();
  await h.stop();
});

describe('live console flow', () => {
  it('hello → snapshot → keyframe, then frames with only the subscribed area', async () => {
    const c = open();
    await c.connected();
    // The journal keeps moving while we look (people, risk, alarms): the snapshot is of some
    // instant between asking and being answered.
    const seqAsked = h.server.ctx.engine.seq;
    const hello = await c.hello(h.adminToken);
    const seqAnswered = h.server.ctx.engine.seq;
    expect(hello.ok).toBe(true);
    const reply = (hello as { data: HelloReply }).data;
    expect(reply).toMatchObject({ plantId: plant.meta.id, plantHash: h.server.ctx.loaded.hash, tagCount: plant.tags.length, resume: 'snapshot', user: { name: 'admin', role: 'admin' } });
    expect(reply.framePeriodMs).toBeGreaterThanOrEqual(100);
    expect(reply.snapshot?.seq).toBeGreaterThanOrEqual(seqAsked);
    expect(reply.snapshot?.seq).toBeLessThanOrEqual(seqAnswered);
    expect((reply.snapshot?.state as { plant: { id: string } }).plant.id).toBe(plant.meta.id);

    // The area with the fewest tags, so that "only this area" is a real restriction.
    const counts = new Map<string, number>();
    for (const t of plant.tags) counts.set(t.area, (counts.get(t.area) ?? 0) + 1);
    const [area, n] = [...counts].sort((a, b) => a[1] - b[1])[0]!;
    const inArea = new Set(plant.tags.flatMap((t, i) => (t.area === area ? [i] : [])));
    expect(inArea.size).toBeLessThan(plant.tags.length);

    const sub = await c.request('subscribe', { areas: [area] });
    expect(sub).toEqual({ ok: true, data: { tagCount: n } });
    const key = await waitFor(() => c.frames[0], 3000, 'keyframe');
    expect(key.flags & FrameFlags.Keyframe).toBe(FrameFlags.Keyframe);
    expect(new Set(key.ids)).toEqual(inArea);

    await waitFor(() => c.frames.length >= 3, 5000, 'live frames');
    const live = c.frames.slice(1);
    for (const f of live) {
      expect(f.flags & FrameFlags.Keyframe).toBe(0);
      for (const id of f.ids) expect(inArea.has(id)).toBe(true);
    }
    // Frames are batched at ≤ 10 Hz and carry real values.
    const seqs = c.frames.map((f) => f.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(live.some((f) => [...f.values].some(Number.isFinite))).toBe(true);
  });

  it('resumes with the events after lastSeq, and streams events in seq order', async () => {
    const c = open();
    await c.connected();
    const seqBefore = h.server.ctx.engine.seq;
    const first = await c.hello(h.adminToken, Math.max(0, seqBefore - 1));
    expect(first.ok && first.data.resume).toBe('events');
    const resumed = first.ok ? (first.data.events ?? []).map((e) => e.seq) : [];
    expect(resumed[0]).toBe(seqBefore);
    resumed.forEach((s, i) => i > 0 && expect(s).toBe(resumed[i - 1]! + 1));
    const ahead = await c.hello(h.adminToken, seqBefore + 1000);
    expect(ahead.ok && ahead.data.resume).toBe('snapshot');

    const dora = await h.tokenFor('drill_coordinator');
    const res = await h.rest('/api/v1/sim/inject', { method: 'POST', token: dora, json: { kind: 'detector_failure', tag: plant.tags[0]!.id, mode: 'bad', durationS: 1 } });
    expect(res.status).toBe(201);
    await waitFor(() => c.events.some((e) => e.type === 'sim.injection.ended'), 8000, 'injection to expire');
    const seqs = c.events.map((e) => e.seq);
    expect(seqs.length).toBeGreaterThanOrEqual(3);
    seqs.forEach((s, i) => i > 0 && expect(s).toBe(seqs[i - 1]! + 1));
  });

  it("a drill coordinator's gas release changes detector bands; a viewer's is refused", async () => {
    const viewer = open();
    await viewer.connected();
    expect((await viewer.hello(await h.tokenFor('viewer'))).ok).toBe(true);
    const detector = plant.tags.find((t) => t.kind === 'gas_combustible' || t.kind === 'gas_toxic')!;
    const release = { kind: 'gas_release', position: detector.position, chemical: detector.chemical, rateKgS: 50, durationS: 120 };
    const refused = await viewer.request('command', { id: 'viewer-req-1', name: 'sim.inject', payload: release });
    expect(refused).toMatchObject({ ok: false, code: 'forbidden' });

    const coord = open();
    await coord.connected();
    expect((await coord.hello(await h.tokenFor('drill_coordinator'))).ok).toBe(true);
    const done = await coord.request<{ injectionId: string }>('command', { id: 'coord-req-1', name: 'sim.inject', payload: release });
    expect(done.ok).toBe(true);
    const again = await coord.request('command', { id: 'coord-req-1', name: 'sim.inject', payload: release });
    expect(again).toEqual(done);
    const id = done.ok ? done.data.injectionId : '';

    const gasTags = new Set(plant.tags.filter((t) => t.kind.startsWith('gas_')).map((t) => t.id));
    const alarm = await waitFor(
      () => viewer.events.find((e) => e.type === 'tag.band.changed' && gasTags.has(e.payload.tag) && (e.payload.to === 'h' || e.payload.to === 'hh')),
      20_000,
      'a gas detector to alarm',
    );
    expect(alarm.actor).toBe('system');
    expect(viewer.events.filter((e) => e.type === 'sim.injection.started')).toHaveLength(1);
    expect(h.server.ctx.engine.state.bands[(alarm as { payload: { tag: string } }).payload.tag]).toBeDefined();

    const cleared = await coord.request('command', { id: 'coord-req-2', name: 'sim.clear', payload: { injectionId: id } });
    expect(cleared).toEqual({ ok: true, data: { cleared: [id] } });
  }, 30_000);
});
