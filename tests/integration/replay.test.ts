import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentTrace, ReplayEventsPage, ReplayFrame, ReplayMarker } from '../../shared/drill/drillApi';
import type { CommandState } from '../../shared/state/reducer';
import { stableHash } from '../../shared/util/hash';
import type { LatestTable } from '../../server/engine/LatestTable';
import { okData } from './hazardFixture';
import { startHarness, waitFor, type Harness } from './harness';
import { incidentPlant } from './incidentFixture';

interface Instant {
  at: number;
  seq: number;
  hash: string;
  values: Float64Array;
  quality: Uint8Array;
  times: Float64Array;
}

/**
 * Replay data over a real server (docs/historian.md §Replay): a frame at a past instant has the
 * state the live engine had then (hash) and the values the live table had then (from the
 * historian), markers and event pages cover the range, and an incident's trace holds the alarms
 * and operator actions before it.
 */
describe('replay and traceability over a real server', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'vigil-replay-'));
  let h: Harness;
  let viewer = '';
  let op = '';
  const instants: Instant[] = [];

  beforeAll(async () => {
    h = await startHarness({ plant: await incidentPlant(), dataDir, snapshotPolicy: { everyEvents: 20, everyMs: 1000, minIntervalMs: 0 } });
    viewer = await h.tokenFor('viewer');
    op = await h.tokenFor('operator');
  });
  afterAll(async () => {
    await h.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const capture = (): Instant => {
    const latest = (h.server.hub as unknown as { latest: LatestTable }).latest;
    const e = h.server.ctx.engine;
    return { at: e.state.time, seq: e.seq, hash: stableHash(e.state), values: Float64Array.from(latest.values), quality: Uint8Array.from(latest.quality), times: Float64Array.from(latest.times) };
  };

  it('a chlorine release: alarms, an operator ack, an incident; frames at past instants equal the live state and values', async () => {
    const ctx = h.server.ctx;
    const off = ctx.engine.onBatch((batch) => {
      if (batch.some((e) => (e.type === 'alarm.changed' && e.actor !== 'system') || e.type === 'incident.changed')) instants.push(capture());
    });
    const coord = await h.tokenFor('drill_coordinator');
    const t0 = ctx.clock.now();
    // First an operator action in the area: R-1's level transmitter fails, its BAD alarm is acknowledged.
    await h.rest('/api/v1/sim/inject', { method: 'POST', token: coord, json: { kind: 'detector_failure', tag: 'R-1.LI-01', mode: 'bad' } });
    await waitFor(() => ctx.engine.state.alarms['R-1.LI-01:BAD']?.lifecycle.active, 20_000, 'the BAD alarm');
    expect((await h.rest('/api/v1/alarms/ack', { method: 'POST', token: op, json: { alarmIds: ['R-1.LI-01:BAD'] } })).status).toBeLessThan(300);
    await h.rest('/api/v1/sim/inject', { method: 'POST', token: coord, json: { kind: 'gas_release', position: [160, 30, 0.4], chemical: 'chlorine', rateKgS: 2, durationS: 900 } });
    const alarm = await waitFor(() => Object.values(ctx.engine.state.alarms).find((a) => a.area === 'A2' && a.lifecycle.active && !a.lifecycle.acked), 20_000, 'an alarm at V-1');
    const acked = await h.rest('/api/v1/alarms/ack', { method: 'POST', token: op, json: { alarmIds: [alarm.id], note: 'seen' } });
    expect(acked.status).toBeLessThan(300);
    await waitFor(() => h.server.incidents.service.index.records.size > 0, 30_000, 'an incident');
    // Two more seconds of plant, so that the instants are in the past and the historian has later samples too.
    await new Promise((r) => setTimeout(r, 2000));
    off();
    expect(instants.length).toBeGreaterThanOrEqual(2);

    for (const inst of instants) {
      const f = okData<ReplayFrame>(await h.rest(`/api/v1/replay/frame?at=${inst.at}`, { token: viewer }));
      // Every event at that millisecond is included; the capture was after the last batch of it when no later batch shares it.
      const later = instants.filter((x) => x.at === inst.at).at(-1)!;
      expect(f.seq).toBe(later.seq);
      expect(stableHash(f.state as CommandState)).toBe(later.hash);
      expect(f.values.tags).toBe(ctx.loaded.plant.tags.length);
      let compared = 0;
      ctx.loaded.plant.tags.forEach((tag, i) => {
        if (inst.times[i]! <= 0) return;
        expect(f.values.t[i], tag.id).toBe(inst.times[i]);
        expect(f.values.quality[i], tag.id).toBe(inst.quality[i]);
        const v = inst.values[i]!;
        if (Number.isFinite(v)) expect(Math.abs(f.values.value[i]! - v), tag.id).toBeLessThanOrEqual((tag.range.hi - tag.range.lo) / 1000);
        compared++;
      });
      expect(compared).toBeGreaterThan(ctx.loaded.plant.tags.length / 2);
      expect(f.positions.length).toBeGreaterThan(0);
      for (const p of f.positions) expect(p.t).toBeLessThanOrEqual(inst.at);
    }

    // Markers and events of the range.
    const to = ctx.clock.now();
    const { markers } = okData<{ markers: ReplayMarker[] }>(await h.rest(`/api/v1/replay/markers?from=${t0}&to=${to}`, { token: viewer }));
    expect(markers.some((m) => m.kind === 'action' && m.ref === alarm.id && m.actor.startsWith('operator-'))).toBe(true);
    expect(markers.some((m) => m.kind === 'incident')).toBe(true);
    expect(markers.some((m) => m.kind === 'alarm')).toBe(true);
    const page = okData<ReplayEventsPage>(await h.rest(`/api/v1/replay/events?from=${t0}&to=${to}&limit=5`, { token: viewer }));
    expect(page.events).toHaveLength(5);
    expect(page.events[0]!.time).toBeGreaterThanOrEqual(t0);
    const next = okData<ReplayEventsPage>(await h.rest(`/api/v1/replay/events?from=${t0}&to=${to}&limit=5&after=${page.next}`, { token: viewer }));
    expect(next.events[0]!.seq).toBe(page.events[4]!.seq + 1);
    expect((await h.rest('/api/v1/replay/frame?at=abc', { token: viewer })).status).toBe(400);
    expect((await h.rest(`/api/v1/replay/frame?at=${t0}`)).status).toBe(401);
  }, 90_000);

  it("an incident's trace holds the alarms and the operator's ack before it, nearby trends and people; CSV export", async () => {
    const inc = [...h.server.incidents.service.index.records.values()][0]!;
    const tr = okData<IncidentTrace>(await h.rest(`/api/v1/incidents/${inc.id}/trace?beforeS=600&radiusM=40`, { token: viewer }));
    expect(tr.subject).toMatchObject({ kind: 'incident', id: inc.id, at: inc.openedAt });
    const opened = tr.timeline.find((m) => m.kind === 'incident' && m.ref === inc.id && m.text.includes(' open'))!;
    expect(opened).toBeDefined();
    // Before it (journal order): the BAD alarm, its acknowledgement by the operator, the gas alarms that opened it.
    const ack = tr.actions.find((m) => m.ref === 'R-1.LI-01:BAD' && m.text.includes(' ack') && m.actor.startsWith('operator-'));
    expect(ack).toBeDefined();
    expect(ack!.seq).toBeLessThan(opened.seq);
    expect(tr.alarms.some((m) => m.ref === 'R-1.LI-01:BAD' && m.seq < opened.seq)).toBe(true);
    expect(tr.alarms.filter((m) => m.ref?.startsWith('GT-V-1') && m.seq < opened.seq).length).toBeGreaterThan(0);
    expect(tr.timeline.some((m) => m.kind === 'action' && m.text.includes('gas_release'))).toBe(true);
    expect(tr.trends.length).toBeGreaterThan(0);
    expect(tr.trends[0]!.historyUrl).toMatch(/^\/api\/v1\/tags\/.+\/history\?from=\d+&to=\d+&maxPoints=600$/);
    const hist = await h.rest(tr.trends[0]!.historyUrl, { token: viewer });
    expect(hist.status).toBe(200);
    const withData = okData<IncidentTrace>(await h.rest(`/api/v1/incidents/${inc.id}/trace?radiusM=40&history=true`, { token: viewer }));
    expect(withData.trends[0]!.history).toBeDefined();
    const csv = await h.rest(`/api/v1/incidents/${inc.id}/trace?format=csv`, { token: viewer });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(String(csv.body)).toContain(`timeline,`);
    expect((await h.rest('/api/v1/incidents/NOPE/trace', { token: viewer })).status).toBe(404);
    expect((await h.rest(`/api/v1/incidents/${inc.id}/trace?beforeS=-1`, { token: viewer })).status).toBe(400);
  });
});
