import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alarmKpiSchema, type AlarmKpi } from '../../shared/protocol/alarmKpi';
import type { Ack } from '../../shared/protocol/messages';
import { routes } from '../../shared/protocol/rest';
import { miniPlant, startHarness, TestConsole, waitFor, type Harness } from './harness';

/**
 * Alarm KPIs at a past instant (console replay, issue 6): `GET /api/v1/alarms/kpi?at=` answers
 * what the live report said at that instant, however many alarms came after; a future instant,
 * one before the journal and a malformed one are refused and counted like other bad requests.
 */
describe('alarm KPIs at a past instant over a real server', () => {
  let h: Harness;
  let token: string;
  let coord: TestConsole | null = null;
  beforeAll(async () => {
    h = await startHarness();
    token = await h.tokenFor('viewer');
  });
  afterAll(async () => {
    coord?.close();
    await h.stop();
  });

  const kpi = async (query: string): Promise<{ status: number; body: Ack<unknown> }> => {
    const r = await h.rest(`${routes.alarmKpi}?${query}`, { token });
    return { status: r.status, body: r.body as Ack<unknown> };
  };
  const report = async (query: string): Promise<AlarmKpi> => {
    const r = await kpi(query);
    if (!r.body.ok) throw new Error(`${r.status} ${r.body.message}`);
    return alarmKpiSchema.parse(r.body.data);
  };
  const rejected = async (code: string): Promise<number> => {
    const r = (await h.rest(routes.health)).body as Ack<{ rejected: Record<string, number> }>;
    if (!r.ok) throw new Error(r.message);
    return r.data.rejected[code] ?? 0;
  };

  it('equals the live report recorded at that instant after more alarms have come', async () => {
    const { plant } = await miniPlant();
    const group = plant.tags.filter((t) => t.group === 'GRP-TK-1-A');
    coord = new TestConsole(h.server.url);
    await coord.connected();
    expect(await coord.hello(await h.tokenFor('drill_coordinator'))).toMatchObject({ ok: true });
    const inject = await coord.request('command', { id: 'kpi-at-1', name: 'sim.inject', payload: { kind: 'gas_release', position: group[1]!.position, chemical: group[0]!.chemical, rateKgS: 50, durationS: 600 } });
    expect(inject).toMatchObject({ ok: true });

    const live = await waitFor(async () => {
      const r = await report('window=3600');
      return r.report.rates.count >= 1 ? r : null;
    }, 25_000, 'a first annunciated activation');
    expect(live.at).toBeUndefined();
    const t1 = live.window.to - 1;
    // More alarms: a reactor overpressure.
    expect(await coord.request('command', { id: 'kpi-at-2', name: 'sim.inject', payload: { kind: 'overpressure', equipment: 'R-1', factor: 3, rampS: 2 } })).toMatchObject({ ok: true });
    await waitFor(async () => (await report('window=3600')).report.rates.count > live.report.rates.count, 25_000, 'more activations');

    const past = await report(`window=3600&at=${t1}`);
    expect(past.at).toBe(t1);
    expect(past.window).toEqual(live.window);
    expect(past.report).toEqual(live.report);
    expect(past.stale).toEqual(live.stale);
    expect(past.report.rates.count).toBe(live.report.rates.count);
    expect(past.report.rates.per10Min).toBe(live.report.rates.per10Min);
  }, 60_000);

  it('refuses a future, a pre-journal and a malformed instant with a clear error, counted as refusals', async () => {
    const bad0 = await rejected('bad_request');
    const nf0 = await rejected('not_found');
    const future = await kpi(`window=3600&at=${Date.now() + 3_600_000}`);
    expect(future.status).toBe(400);
    expect(future.body).toMatchObject({ ok: false, code: 'bad_request', message: expect.stringContaining('future') });
    const malformed = await kpi('window=3600&at=yesterday');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ ok: false, code: 'bad_request', message: expect.stringContaining('at') });
    const before = await kpi(`window=3600&at=${Date.UTC(2000, 0, 1)}`);
    expect(before.status).toBe(404);
    expect(before.body).toMatchObject({ ok: false, code: 'not_found', message: expect.stringContaining('journal') });
    expect(await rejected('bad_request')).toBe(bad0 + 2);
    expect(await rejected('not_found')).toBe(nf0 + 1);
  });
});
