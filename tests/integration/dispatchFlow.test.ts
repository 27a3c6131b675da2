import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DispatchCandidate, DispatchRecord } from '../../shared/incident/resources';
import type { Ack } from '../../shared/protocol/messages';
import type { ResourcesView } from '../../server/emergency/ResourceBook';
import { boundingBox, segmentTouchesPolygon } from '../../shared/routing/polygon';
import type { IncidentZones } from '../../shared/incident/threat';
import { SOURCE, startThreatHarness, type ThreatHarness } from './threatFixture';

type Candidates = { incidentId: string; target: [number, number]; needs: string[]; candidates: DispatchCandidate[] };

describe('resources and dispatch on a real server', () => {
  let h: ThreatHarness;
  let incidentId: string;
  let token: string;
  beforeAll(async () => {
    h = await startThreatHarness();
    incidentId = await h.openChlorine();
    await h.advance(3000);
    token = await h.tokenFor('commander');
  }, 30_000);
  afterAll(async () => {
    await h?.stop();
  });

  const get = async <T>(path: string): Promise<{ status: number; body: Ack<T> }> => {
    const r = await h.rest(path, { token });
    return { status: r.status, body: r.body as Ack<T> };
  };

  it('lists teams with each member’s SCBA standing, and stock with its alerts', async () => {
    const { body } = await get<ResourcesView>('/api/v1/resources');
    if (!body.ok) throw new Error(body.message);
    const west = body.data.teams.find((t) => t.id === 'TEAM-WEST')!;
    expect(west.members.map((m) => [m.person, m.qualifications[0]!.status, m.fit])).toEqual([
      ['P-W1', 'valid', true],
      ['P-W2', 'valid', true],
      ['P-W3', 'expired', false],
    ]);
    const sp2 = body.data.stock.find((s) => s.id === 'SP-2')!;
    expect(sp2.items[0]).toMatchObject({ kind: 'scba', usable: false, alerts: ['expired'] });
    // The first tick's stock check journaled the alerts.
    expect(h.server.ctx.engine.state.emergency.alerts['SP-2/scba']).toEqual([expect.objectContaining({ alert: 'expired' })]);
    expect((await h.rest('/api/v1/resources')).status).toBe(401);
  });

  it('ranks the SCBA-qualified upwind team first and leaves out expired certificates', async () => {
    const { body } = await get<Candidates>(`/api/v1/incidents/${incidentId}/dispatch/candidates?need=hazmat`);
    if (!body.ok) throw new Error(body.message);
    const c = body.data.candidates;
    expect(c.map((x) => x.unit)).toEqual(['TEAM-WEST', 'TEAM-EAST', 'TEAM-LAPSED']);
    expect(c[0]).toMatchObject({ rank: 1, unitKind: 'team', qualifiedMembers: ['P-W1', 'P-W2'], unfit: [], approachFromUpwind: true });
    expect(c[0]!.travelS).toBeLessThan(c[1]!.travelS);
    expect(c[1]!.approachFromUpwind).toBe(true);
    expect(c[2]!.unfit[0]!.en).toContain('expired: P-L1');
    // The target is upwind (west) of the source.
    expect(body.data.target[0]).toBeLessThan(SOURCE[0] - 40);
    const all = await get<Candidates>(`/api/v1/incidents/${incidentId}/dispatch/candidates`);
    expect(all.body.ok && all.body.data.needs).toEqual(['hazmat', 'scba', 'leak_kit']);
    const scba = all.body.ok ? all.body.data.candidates.filter((x) => x.need === 'scba') : [];
    expect(scba.map((x) => [x.unit, x.unitKind, x.unfit.length])).toEqual([['SP-1', 'stock', 0], ['SP-2', 'stock', 1]]);
  });

  it('refuses bad requests clearly', async () => {
    expect((await get(`/api/v1/incidents/${incidentId}/dispatch/candidates?need=unicorns`)).body).toMatchObject({ ok: false, code: 'bad_request' });
    expect((await get('/api/v1/incidents/INC-NOPE/dispatch/candidates?need=hazmat')).status).toBe(404);
    expect(await h.command('dispatch.create', { incidentId, unit: 'TEAM-LAPSED', need: 'hazmat' })).toMatchObject({ ok: false, code: 'conflict' });
    expect(await h.command('dispatch.create', { incidentId, unit: 'TEAM-NOPE', need: 'hazmat' })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await h.command('resource.restock', { point: 'SP-9', kind: 'scba', quantity: 3 })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await h.command('dispatch.cancel', { dispatchId: 'DSP-NOPE', reason: 'test' })).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('dispatches the team with its materials, takes them from stock, and journals arrival at the ETA', async () => {
    const ack = await h.command<DispatchRecord>('dispatch.create', { incidentId, unit: 'TEAM-WEST', need: 'hazmat' });
    if (!ack.ok) throw new Error(ack.message);
    const d = ack.data;
    expect(d).toMatchObject({ unit: 'TEAM-WEST', state: 'en_route', members: ['P-W1', 'P-W2'], arrivedAt: null });
    expect(d.route.length).toBe(d.routeTimesS.length);
    expect(d.etaAt - d.departedAt).toBe(Math.round(d.routeTimesS.at(-1)! * 1000));
    expect(d.materials).toEqual([
      { point: 'SP-1', kind: 'scba', quantity: 2 },
      { point: 'SP-1', kind: 'leak_kit', quantity: 1 },
    ]);
    const stock = h.server.ctx.engine.state.emergency.stock;
    expect(stock['SP-1/scba']).toEqual({ quantity: 2, expires: '2030-01-01' });
    expect(stock['SP-1/leak_kit']).toEqual({ quantity: 1, expires: null });
    expect(h.server.ctx.engine.state.emergency.alerts['SP-1/leak_kit']).toEqual([expect.objectContaining({ alert: 'below_min' })]);
    // Busy units are not offered again.
    const again = await get<Candidates>(`/api/v1/incidents/${incidentId}/dispatch/candidates?need=hazmat`);
    expect(again.body.ok && again.body.data.candidates.map((x) => x.unit)).toEqual(['TEAM-EAST', 'TEAM-LAPSED']);
    await h.advance(d.etaAt - h.clock.now() - 2000);
    expect(h.server.ctx.engine.state.emergency.dispatches[d.id]!.state).toBe('en_route');
    await h.advance(3000);
    expect(h.server.ctx.engine.state.emergency.dispatches[d.id]).toMatchObject({ state: 'arrived', arrivedAt: d.etaAt });
    expect(h.server.ctx.engine.state.emergency.logs[incidentId]!.map((l) => l.action)).toEqual(expect.arrayContaining(['dispatch_en_route', 'dispatch_arrived']));
  });

  it('restocks (clearing the alert) and cancels a dispatch', async () => {
    expect(await h.command('resource.restock', { point: 'SP-1', kind: 'leak_kit', quantity: 4 })).toMatchObject({ ok: true });
    expect(h.server.ctx.engine.state.emergency.alerts['SP-1/leak_kit']).toBeUndefined();
    const east = await h.command<DispatchRecord>('dispatch.create', { incidentId, unit: 'TEAM-EAST', need: 'hazmat' });
    if (!east.ok) throw new Error(east.message);
    expect(await h.command('dispatch.cancel', { dispatchId: east.data.id, reason: 'not needed' })).toMatchObject({ ok: true, data: { state: 'cancelled' } });
    expect(await h.command('dispatch.cancel', { dispatchId: east.data.id, reason: 'twice' })).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('routes round the red and orange bands when the wind turns the plume across a road', async () => {
    h.server.emergency.service.setWindOverride({ speedMS: 3, fromDeg: 0 });
    await h.advance(6000);
    const zones = h.server.ctx.engine.state.emergency.zones[incidentId] as IncidentZones;
    expect(zones.wind.fromDeg).toBe(0);
    const shut = zones.zones.filter((z) => z.band !== 'yellow').map((z) => ({ poly: z.polygon, box: boundingBox(z.polygon) }));
    // The plume now runs south over the road along y = 5.
    expect(shut.some((z) => segmentTouchesPolygon(z.poly, z.box, 100, 5, 195, 5))).toBe(true);
    const { body } = await get<Candidates>(`/api/v1/incidents/${incidentId}/dispatch/candidates?need=hazmat`);
    if (!body.ok) throw new Error(body.message);
    const east = body.data.candidates.find((x) => x.unit === 'TEAM-EAST')!;
    expect(east.unfit).toEqual([]);
    // Target north (upwind) of the source; no leg of the route enters a red or orange band.
    expect(body.data.target[1]).toBeGreaterThan(SOURCE[1] + 40);
    for (let i = 1; i < east.route.length; i++) {
      const [a, b] = [east.route[i - 1]!, east.route[i]!];
      for (const z of shut) expect(segmentTouchesPolygon(z.poly, z.box, a[0], a[1], b[0], b[1])).toBe(false);
    }
  });
});
