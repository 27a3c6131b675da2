import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentRecord } from '../../shared/incident/model';
import type { EvacuationNotice, MusterStatus } from '../../shared/incident/threat';
import { startThreatHarness, T0, type ThreatHarness } from './threatFixture';

describe('evacuation and muster on a real server (people simulator)', () => {
  let h: ThreatHarness;
  let incidentId: string;
  beforeAll(async () => {
    h = await startThreatHarness();
    incidentId = await h.openChlorine();
    await h.advance(3000);
  }, 30_000);
  afterAll(async () => {
    await h?.stop();
  });

  it('sends notices to the people in the zones, each with an upwind or crosswind muster point', async () => {
    const ack = await h.command<{ recipients: number; musterPoints: string[] }>('incident.evacuate', { incidentId, areas: 'zones', note: 'chlorine cloud moving east' });
    expect(ack).toMatchObject({ ok: true, data: { recipients: 2 } });
    const notice = h.events('incident.notice.sent').at(-1)!.payload as EvacuationNotice;
    expect(notice.recipients.map((r) => r.person).sort()).toEqual(['P-R1', 'P-R2']);
    // Wind from the west, source at (150, 60): MP-2 (195, 95) is downwind; MP-1 and MP-3 are upwind.
    for (const r of notice.recipients) expect(['MP-1', 'MP-3']).toContain(r.musterPoint);
    expect(notice.text.zh.length).toBeGreaterThan(5);
    const inc = h.events('incident.changed').at(-1)!.payload as { incident: IncidentRecord; action: string };
    expect(inc.action).toBe('evacuate');
    expect(inc.incident.evacuation).toMatchObject({ areas: ['A2'] });
    const first = h.events('muster.changed').at(-1)!.payload as MusterStatus;
    expect(first).toMatchObject({ incidentId, expected: 2, accounted: 0, t90At: null, t100At: null });
    expect(first.missing.map((m) => m.person).sort()).toEqual(['P-R1', 'P-R2']);
    expect(first.missing[0]!.lastFixAt).toBeGreaterThan(T0);
  });

  it('counts people as they arrive at their muster points, up to 100 %, journaling at most once a second', async () => {
    const counts: number[] = [];
    for (let i = 0; i < 40 && !(h.server.ctx.engine.state.emergency.muster[incidentId]?.t100At); i++) {
      await h.advance(10_000, 500);
      counts.push(h.server.ctx.engine.state.emergency.muster[incidentId]!.accounted);
    }
    const board = h.server.ctx.engine.state.emergency.muster[incidentId]!;
    expect(board).toMatchObject({ expected: 2, accounted: 2, missing: [] });
    expect(board.t90At).not.toBeNull();
    expect(board.t100At).toBeGreaterThanOrEqual(board.t90At!);
    expect(board.t100At! - board.startedAt).toBeGreaterThan(20_000);
    expect(Object.values(board.byPoint).reduce((a, b) => a + b, 0)).toBe(2);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    const times = h.events('muster.changed').map((e) => e.time);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(1000);
    // The significant-events log holds the milestones.
    const log = h.server.ctx.engine.state.emergency.logs[incidentId]!.map((l) => l.action);
    expect(log).toEqual(expect.arrayContaining(['evacuate', 'notice', 'muster_100']));
  }, 60_000);

  it('evacuates the whole site on a second order, and refuses one without zones or for unknown incidents', async () => {
    const all = await h.command<{ recipients: number }>('incident.evacuate', { incidentId, areas: '*' });
    expect(all.ok && all.data.recipients).toBe(10);
    expect(h.server.ctx.engine.state.emergency.muster[incidentId]!.expected).toBe(10);
    const fire = await h.command<{ incidentId: string }>('incident.open', { type: 'fire', title: 'Fire in A1 (no chemical modelled)', position: [40, 50, 0] });
    expect(fire.ok).toBe(true);
    const ids = Object.keys(h.server.ctx.engine.state.emergency.incidents);
    const fireId = ids.find((id) => id !== incidentId)!;
    const refused = await h.command('incident.evacuate', { incidentId: fireId, areas: 'zones' });
    expect(refused).toMatchObject({ ok: false, code: 'bad_request' });
  });
});
