import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { JournalEvent } from '../../shared/state/events';
import { ManualClock } from '../../shared/util/clock';
import { loadPlant } from '../../server/plant/loadPlant';
import { repoRoot, startHarness, type Harness } from './harness';

/**
 * A restart of a server fed by RTLS: zone entries the journal held are closed at the first tick
 * (positions are unknown until the next fix) and re-opened by the next fix; people alarms whose
 * condition comes back stay active, the others clear once every badge had time to report.
 */
describe('people across a restart', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'vigil-people-restart-'));
  const clock = new ManualClock(Date.UTC(2026, 5, 2, 2, 0, 0));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('closes and re-opens zone entries and settles people alarms', async () => {
    const loaded = await loadPlant(path.join(repoRoot, 'resources', 'plants', 'reference'));
    const [a, b, c] = loaded.people!.people.filter((p) => p.role === 'visitor' || p.role === 'manager');
    const start = async (): Promise<{ h: Harness; post: (fixes: unknown[]) => Promise<unknown> }> => {
      const h = await startHarness({ plant: loaded, clock, dataDir, people: { source: 'rtls' } });
      const token = readFileSync(h.server.people.rtlsTokenFile, 'utf8').trim();
      return { h, post: async (fixes) => (await h.rest('/api/v1/rtls/fixes', { method: 'POST', token, json: { fixes } })).body };
    };
    const tick = (h: Harness, n: number): void => {
      for (let i = 0; i < n; i++) {
        clock.advance(1000);
        h.server.ctx.runtime.tick();
      }
    };
    const active = (h: Harness, id: string): boolean => h.server.ctx.engine.state.alarms[id]?.lifecycle.active ?? false;

    let { h, post } = await start();
    await post([
      { badge: a!.badge, t: clock.now(), x: 100, y: 500, battery: 10 },
      { badge: b!.badge, t: clock.now(), x: 110, y: 500, battery: 10 },
      { badge: c!.badge, t: clock.now(), x: 770, y: 330, battery: 90 },
    ]);
    tick(h, 2);
    expect([active(h, `${a!.id}:LOW_BATTERY`), active(h, `${b!.id}:LOW_BATTERY`), active(h, `${c!.id}:RESTRICTED`)]).toEqual([true, true, true]);
    expect(h.server.ctx.engine.state.people.zones['RZ-TF-CL']?.[c!.id]).toBeDefined();
    const seqBefore = h.server.ctx.engine.seq;
    await h.server.close();

    ({ h, post } = await start());
    try {
      tick(h, 1);
      const after = (h.server.ctx.engine.eventsAfter(seqBefore, 100_000) ?? []).filter((e): e is Extract<JournalEvent, { type: 'people.zone.changed' }> => e.type === 'people.zone.changed');
      expect(after.map((e) => [e.payload.person, e.payload.entered])).toEqual([[c!.id, false]]);
      expect(h.server.ctx.engine.state.people.zones['RZ-TF-CL']).toBeUndefined();
      await post([
        { badge: a!.badge, t: clock.now(), x: 100, y: 501, battery: 9 },
        { badge: c!.badge, t: clock.now(), x: 771, y: 330, battery: 90 },
      ]);
      tick(h, 2);
      expect(h.server.ctx.engine.state.people.zones['RZ-TF-CL']?.[c!.id]?.authorised).toBe(false);
      tick(h, 30);
      expect(active(h, `${a!.id}:LOW_BATTERY`)).toBe(true);
      expect(active(h, `${c!.id}:RESTRICTED`)).toBe(true);
      expect(active(h, `${b!.id}:LOW_BATTERY`)).toBe(false);
    } finally {
      await h.server.close();
    }
  }, 60_000);
});
