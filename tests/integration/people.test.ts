import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlarmRecord } from '../../shared/alarm/model';
import { OFF_SITE_SLOT, decodePositions, PositionsFlags, type DecodedPositions } from '../../shared/people/positionsFrame';
import type { Ack } from '../../shared/protocol/messages';
import type { JournalEvent } from '../../shared/state/events';
import { ManualClock } from '../../shared/util/clock';
import { loadPlant } from '../../server/plant/loadPlant';
import type { PersonView } from '../../server/people/peopleViews';
import { repoRoot, startHarness, TestConsole, waitFor, type Harness } from './harness';

/**
 * People safety on a real server with the reference plant (197 people, ~150 on the day shift)
 * and a manual clock: one tick per simulated second. Occupancy in every positions frame is
 * recounted from the positions the console holds; man-down and restricted-zone alarms come
 * from person injections through the ordinary inject route.
 */
const T0 = Date.UTC(2026, 5, 2, 2, 0, 0); // 10:00 in Asia/Shanghai: the day shift is on site

interface Held {
  x: number;
  y: number;
  area: number;
}

describe('people over a real server', () => {
  let h: Harness;
  const clock = new ManualClock(T0);
  let areas: { id: string; min: [number, number]; max: [number, number] }[] = [];
  let extent: [number, number] = [0, 0];
  let viewer: TestConsole;
  const frames: DecodedPositions[] = [];
  let coordToken = '';

  const tick = async (seconds: number): Promise<void> => {
    for (let s = 0; s < seconds; s++) {
      clock.advance(1000);
      h.server.ctx.runtime.tick();
      if (s % 5 === 4) await new Promise((r) => setTimeout(r, 5));
    }
    await new Promise((r) => setTimeout(r, 30));
  };
  const people = async (): Promise<PersonView[]> => {
    const res = await h.rest('/api/v1/people', { token: h.adminToken });
    return (res.body as Ack<{ people: PersonView[] }> & { ok: true }).data.people;
  };
  const inject = async (payload: unknown): Promise<{ status: number; body: unknown }> => h.rest('/api/v1/sim/inject', { method: 'POST', token: coordToken, json: payload });
  const journal = (): JournalEvent[] => h.server.ctx.engine.eventsAfter(0, 1_000_000) ?? [];
  const alarm = (id: string): AlarmRecord | undefined => h.server.ctx.engine.state.alarms[id];

  beforeAll(async () => {
    const loaded = await loadPlant(path.join(repoRoot, 'resources', 'plants', 'reference'));
    areas = loaded.plant.areas;
    extent = loaded.plant.meta.extent;
    h = await startHarness({ plant: loaded, clock });
    coordToken = await h.tokenFor('drill_coordinator');
    viewer = new TestConsole(h.server.url);
    await viewer.connected();
    expect((await viewer.hello(await h.tokenFor('viewer'))).ok).toBe(true);
    viewer.socket.on('positions', (buf: ArrayBuffer | Uint8Array) => frames.push(decodePositions(buf instanceof ArrayBuffer ? buf : new Uint8Array(buf))));
  }, 120_000);
  afterAll(async () => {
    viewer?.close();
    await h?.stop();
  });

  it('refuses subscribe.positions before hello and with a bad payload', async () => {
    const stranger = new TestConsole(h.server.url);
    await stranger.connected();
    expect(await stranger.request('subscribe.positions', { on: true })).toMatchObject({ ok: false, code: 'unauthenticated' });
    expect((await stranger.hello(h.adminToken)).ok).toBe(true);
    expect(await stranger.request('subscribe.positions', { on: 'yes' })).toMatchObject({ ok: false, code: 'bad_request' });
    stranger.close();
  });

  it('occupancy in every positions frame equals the people inside each area rectangle, recounted from the positions the console holds', async () => {
    expect(await viewer.request('subscribe.positions', { on: true })).toEqual({ ok: true, data: { on: true } });
    await tick(240);
    await waitFor(() => frames.length > 100, 10_000, 'positions frames');
    expect(frames[0]!.flags & PositionsFlags.Keyframe).toBeTruthy();
    const held = new Map<number, Held>();
    let checked = 0;
    for (const f of frames) {
      if (f.flags & PositionsFlags.Keyframe) held.clear();
      for (let i = 0; i < f.count; i++) {
        if (f.area[i] === OFF_SITE_SLOT) held.delete(f.person[i]!);
        else held.set(f.person[i]!, { x: f.x[i]!, y: f.y[i]!, area: f.area[i]! });
      }
      // Independent recount: first area (plant order) whose closed rectangle holds the point, else the roads slot.
      const expected = new Array<number>(areas.length + 1).fill(0);
      for (const p of held.values()) {
        expect(p.x >= 0 && p.y >= 0 && p.x <= extent[0] && p.y <= extent[1]).toBe(true);
        const a = areas.findIndex((r) => p.x >= r.min[0] && p.x <= r.max[0] && p.y >= r.min[1] && p.y <= r.max[1]);
        expected[a < 0 ? areas.length : a]!++;
      }
      expect([...f.occupancy], `frame ${f.seq}`).toEqual(expected);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
    // The day shift is on site, spread over the plant.
    const onSite = held.size;
    expect(onSite).toBeGreaterThanOrEqual(120);
    expect(onSite).toBeLessThanOrEqual(170);
    expect(frames.at(-1)!.occupancy.filter((n, i) => i < areas.length && n > 0).length).toBeGreaterThanOrEqual(10);

    // REST agrees with the console: latest fixes and the zones view.
    const list = await people();
    const latest = list.filter((p) => p.latest?.onSite);
    expect(latest.length).toBe(onSite);
    for (const p of latest) expect([p.latest!.x, p.latest!.y]).toEqual([held.get(p.index)!.x, held.get(p.index)!.y]);
    const zones = (await h.rest('/api/v1/zones', { token: h.adminToken })).body as Ack<{ areas: { id: string; count: number }[]; onSite: number }> & { ok: true };
    expect(zones.data.onSite).toBe(onSite);
    expect(zones.data.areas.map((a) => a.count)).toEqual([...frames.at(-1)!.occupancy].slice(0, areas.length));
    // Journaled occupancy (at most every 10 s) follows.
    expect(journal().filter((e) => e.type === 'people.occupancy.changed').length).toBeGreaterThanOrEqual(5);
  }, 120_000);

  it('a person_down injection raises MAN_DOWN within 60 s of simulated time (50 s without movement, data), at the person', async () => {
    const victim = (await people()).find((p) => p.role === 'operator' && p.latest?.onSite && ['RX', 'PROC', 'TF-D1', 'TF-D2', 'UTL'].includes(p.latest.area ?? ''))!;
    expect(victim).toBeDefined();
    const at = clock.now();
    const res = await inject({ kind: 'person_down', person: victim.id, durationS: 600 });
    expect(res.status).toBe(201);
    let raised: AlarmRecord | undefined;
    for (let s = 0; s < 70 && !raised?.lifecycle.active; s++) {
      await tick(1);
      raised = alarm(`${victim.id}:MAN_DOWN`);
    }
    expect(raised?.lifecycle.active).toBe(true);
    // Stillness counts from the person's last movement, which may be up to 25 s before the fall
    // (people at work shift about every 8–25 s): so between 25 s and 60 s after it.
    const after = raised!.activatedAt! - at;
    expect(after).toBeLessThanOrEqual(60_000);
    expect(after).toBeGreaterThanOrEqual(25_000);
    expect(raised).toMatchObject({ kind: 'MAN_DOWN', source: victim.id, priority: 1, unit: 's' });
    expect(raised!.message.en).toContain(victim.name.en);
    expect(raised!.message.zh).toContain(victim.name.zh);
    const now = (await people()).find((p) => p.id === victim.id)!;
    expect(now.latest!.manDown).toBe(true);
    expect(Math.hypot(raised!.position[0] - now.latest!.x, raised!.position[1] - now.latest!.y)).toBeLessThan(1.5);
  }, 60_000);

  it('a badge SOS raises MAN_DOWN at the next fix', async () => {
    const who = (await people()).find((p) => p.role === 'maintenance' && p.latest?.onSite && !p.latest.manDown)!;
    const at = clock.now();
    expect((await inject({ kind: 'person_down', person: who.id, sos: true, durationS: 60 })).status).toBe(201);
    await tick(3);
    const a = alarm(`${who.id}:MAN_DOWN`);
    expect(a?.lifecycle.active).toBe(true);
    expect(a!.activatedAt! - at).toBeLessThanOrEqual(2000);
    expect(a!.message.en).toContain('SOS');
  }, 30_000);

  it('a person moved into a restricted zone without authorisation raises RESTRICTED and the entry is journaled; an authorised one does not', async () => {
    const list = await people();
    const visitor = list.find((p) => p.role === 'visitor' && p.latest?.onSite)!;
    const lead = list.find((p) => p.role === 'shift_lead' && p.latest?.onSite)!;
    expect(visitor && lead).toBeTruthy();
    const inside = [770, 330, 0];
    expect((await inject({ kind: 'person_move', person: visitor.id, to: inside, mode: 'teleport', durationS: 300 })).status).toBe(201);
    expect((await inject({ kind: 'person_move', person: lead.id, to: [775, 335, 0], mode: 'teleport', durationS: 300 })).status).toBe(201);
    await tick(3);
    const a = alarm(`${visitor.id}:RESTRICTED`);
    expect(a?.lifecycle.active).toBe(true);
    expect(a).toMatchObject({ kind: 'RESTRICTED', area: 'TF-CL', priority: 2 });
    expect(a!.message.en).toContain('Chlorine storage');
    expect(alarm(`${lead.id}:RESTRICTED`)).toBeUndefined();
    const entries = journal().filter((e): e is Extract<JournalEvent, { type: 'people.zone.changed' }> => e.type === 'people.zone.changed' && e.payload.zone === 'RZ-TF-CL' && e.payload.entered);
    expect(entries.find((e) => e.payload.person === visitor.id)?.payload.authorised).toBe(false);
    expect(entries.find((e) => e.payload.person === lead.id)?.payload.authorised).toBe(true);
    expect(h.server.ctx.engine.state.people.zones['RZ-TF-CL']?.[visitor.id]?.authorised).toBe(false);
    const zones = (await h.rest('/api/v1/zones', { token: h.adminToken })).body as Ack<{ zones: { id: string; unauthorised: number; people: { id: string }[] }[] }> & { ok: true };
    const cl = zones.data.zones.find((z) => z.id === 'RZ-TF-CL')!;
    expect(cl.unauthorised).toBeGreaterThanOrEqual(1);
    expect(cl.people.map((p) => p.id)).toEqual(expect.arrayContaining([visitor.id, lead.id]));
    // A person injection for someone unknown is refused like any bad injection.
    expect((await inject({ kind: 'person_down', person: 'P-NOPE' })).status).toBe(404);
  }, 30_000);

  it('keeps a bounded position history per person', async () => {
    const who = (await people()).find((p) => p.latest?.onSite)!;
    const res = await h.rest(`/api/v1/people/${who.id}/positions?from=${T0}&to=${clock.now() + 1}&maxPoints=50`, { token: h.adminToken });
    const body = res.body as Ack<{ count: number; t: number[]; x: number[]; area: (string | null)[] }> & { ok: true };
    expect(res.status).toBe(200);
    expect(body.data.count).toBeGreaterThan(5);
    expect(body.data.count).toBeLessThanOrEqual(50);
    expect(body.data.t).toEqual([...body.data.t].sort((a, b) => a - b));
    expect((await h.rest('/api/v1/people/P-NOPE/positions', { token: h.adminToken })).status).toBe(404);
    expect((await h.rest(`/api/v1/people/${who.id}/positions?from=5&to=1`, { token: h.adminToken })).status).toBe(400);
  });
});
