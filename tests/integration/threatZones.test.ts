import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentZones, PeopleAtRisk } from '../../shared/incident/threat';
import { toWindFrame } from '../../shared/plume/windFrame';
import { SOURCE, startThreatHarness, type ThreatHarness } from './threatFixture';

const centroid = (poly: readonly (readonly [number, number])[]): [number, number] => [poly.reduce((s, p) => s + p[0], 0) / poly.length, poly.reduce((s, p) => s + p[1], 0) / poly.length];

describe('threat zones on a real server', () => {
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

  it('journals zones downwind of the wind at open, with the dense-gas warning', () => {
    const zones = h.events('incident.zones.changed').map((e) => e.payload as IncidentZones);
    expect(zones).toHaveLength(1);
    const z = zones[0]!;
    expect(z).toMatchObject({ incidentId, wind: { speedMS: 3, fromDeg: 270 }, sigma: 'briggs-rural', source: { chemical: 'chlorine', rateKgS: 0.5 } });
    expect(z.stability).toBe('C'); // 3 m/s, 10:00 local: moderate sun (NOAA table, the more stable of B–C)
    expect(z.zones.map((b) => b.band)).toEqual(['red', 'orange', 'yellow']);
    expect(z.warnings.map((w) => w.code)).toContain('dense_gas');
    for (const band of z.zones) {
      const [cx, cy] = centroid(band.polygon);
      // Wind from the west: every band lies east of the source, on the axis.
      expect(cx).toBeGreaterThan(SOURCE[0] + 1);
      expect(Math.abs(cy - SOURCE[1])).toBeLessThan(1);
    }
    expect(h.server.ctx.engine.state.emergency.zones[incidentId]).toEqual(z);
  });

  it('lists the people inside the bands, innermost band first, and nobody else', () => {
    const risk = h.server.ctx.engine.state.emergency.risk[incidentId] as PeopleAtRisk;
    const listed = Object.fromEntries(risk.people.map((p) => [p.person, p.band]));
    expect(listed['P-R1']).toBe('red');
    expect(Object.keys(listed).sort()).toEqual(['P-R1', 'P-R2']);
    expect(risk.counts.red + risk.counts.orange + risk.counts.yellow).toBe(2);
  });

  it('recomputes and rotates the zones when the wind turns, not more than every 5 s', async () => {
    const before = h.events('incident.zones.changed').length;
    h.server.emergency.service.setWindOverride({ speedMS: 3, fromDeg: 0 });
    await h.advance(1000);
    await h.advance(6000);
    const all = h.events('incident.zones.changed').map((e) => e.payload as IncidentZones);
    expect(all.length).toBe(before + 1);
    const z = all[all.length - 1]!;
    expect(z.wind.fromDeg).toBe(0);
    for (const band of z.zones) {
      const c = centroid(band.polygon);
      // Wind from the north: the bands now lie south of the source.
      const f = toWindFrame([SOURCE[0], SOURCE[1]], c, 0);
      expect(f.downwind).toBeGreaterThan(1);
      expect(c[1]).toBeLessThan(SOURCE[1]);
      expect(Math.abs(c[0] - SOURCE[0])).toBeLessThan(1);
    }
    // A small wobble (2°) within the next seconds journals nothing.
    h.server.emergency.service.setWindOverride({ speedMS: 3.1, fromDeg: 2 });
    await h.advance(8000);
    expect(h.events('incident.zones.changed').length).toBe(before + 1);
    // People at risk follow: the two east of the source are out of the plume now.
    const risk = h.server.ctx.engine.state.emergency.risk[incidentId]!;
    expect(risk.people.map((p) => p.person)).not.toContain('P-R1');
  });

  it('refuses bad input with clear errors', async () => {
    const noIncident = await h.command('incident.evacuate', { incidentId: 'INC-NOPE', areas: 'zones' });
    expect(noIncident).toMatchObject({ ok: false, code: 'not_found' });
    const badAreas = await h.command('incident.evacuate', { incidentId, areas: ['NOPE'] });
    expect(badAreas).toMatchObject({ ok: false, code: 'bad_request' });
    expect(!badAreas.ok && badAreas.message).toContain('NOPE');
    const badShape = await h.command('incident.evacuate', { incidentId, areas: 42 });
    expect(badShape).toMatchObject({ ok: false, code: 'bad_request' });
  });
});
