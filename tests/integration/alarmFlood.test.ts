import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack } from '../../shared/protocol/messages';
import type { JournalEvent } from '../../shared/state/events';
import { stableHash } from '../../shared/util/hash';
import { scalePlant } from '../../server/plant/scalePlant';
import { miniPlant, startHarness, TestConsole, waitFor, type Harness } from './harness';

const TAGS = 10_000;

/**
 * An alarm flood: an I/O outage of every area of a plant scaled to 10,000 tags makes every tag
 * bad at once. Every BAD alarm must be journaled (none lost), reach a connected console in seq
 * order without gaps, and the flood must be declared.
 */
describe('alarm flood', () => {
  let h: Harness;
  let watcher: TestConsole;

  beforeAll(async () => {
    const plant = scalePlant((await miniPlant()).plant, TAGS);
    h = await startHarness({ plant: { plant, hash: stableHash(plant) } });
    watcher = new TestConsole(h.server.url);
    await watcher.connected();
    const hello = await watcher.hello(h.adminToken);
    if (!hello.ok) throw new Error(hello.message);
    // Let the first samples settle (the plant starts normal).
    await new Promise((r) => setTimeout(r, 1500));
  }, 60_000);

  afterAll(async () => {
    watcher?.close();
    await h?.stop();
  });

  it('journals and delivers ≥ 10,000 alarm transitions within about a second, none lost, then declares the flood', async () => {
    const ctx = h.server.ctx;
    const seq0 = ctx.engine.seq;
    const generated0 = ctx.alarms.stats.transitions;
    const received0 = watcher.events.length;
    const t0 = Date.now();
    const ack = ctx.commands.run(ctx.auth.resolve(h.adminToken)!, { id: 'flood-outage-1', name: 'sim.inject', payload: { kind: 'io_outage', areas: '*', mode: 'bad' } });
    expect(ack).toMatchObject({ ok: true });

    const badCount = () => Object.values(ctx.engine.state.alarms).filter((a) => a.kind === 'BAD' && a.lifecycle.active).length;
    await waitFor(() => badCount() >= TAGS, 5000, `${TAGS} BAD alarms`);
    const journaledIn = Date.now() - t0;

    // Journal: every transition the engine generated is there, as alarm.changed events.
    const journal: JournalEvent[] = [];
    for (let after = seq0; ; ) {
      const page = ctx.engine.eventsPage(after, 5000);
      if (page.length === 0) break;
      journal.push(...page);
      after = page[page.length - 1]!.seq;
    }
    const alarmEvents = journal.filter((e) => e.type === 'alarm.changed');
    const generated = ctx.alarms.stats.transitions - generated0;
    expect(generated).toBeGreaterThanOrEqual(TAGS);
    expect(alarmEvents).toHaveLength(generated);
    const activations = alarmEvents.filter((e) => e.type === 'alarm.changed' && e.payload.cause === 'activate' && e.payload.alarm.kind === 'BAD');
    expect(activations.length).toBeGreaterThanOrEqual(TAGS);
    // All of them within about a second (each tag reports once a second; BAD has no delay).
    const span = activations[activations.length - 1]!.time - activations[0]!.time;
    expect(span).toBeLessThanOrEqual(1500);
    expect(journaledIn).toBeLessThan(4000);

    // The console receives every event, in seq order, without a gap.
    const last = ctx.engine.seq;
    await waitFor(() => watcher.events.length > 0 && watcher.events[watcher.events.length - 1]!.seq >= last, 10_000, 'the console to catch up');
    const got = watcher.events.slice(received0).filter((e) => e.seq > seq0 && e.seq <= last);
    expect(got.map((e) => e.seq)).toEqual(journal.filter((e) => e.seq <= last).map((e) => e.seq));
    expect(got.filter((e) => e.type === 'alarm.changed')).toHaveLength(alarmEvents.filter((e) => e.seq <= last).length);

    // The flood is declared after the burst.
    const flood = await waitFor(() => watcher.events.find((e) => e.seq > seq0 && e.type === 'alarm.flood.changed'), 5000, 'alarm.flood.changed');
    expect(flood).toMatchObject({ payload: { flooding: true } });
    expect(flood.type === 'alarm.flood.changed' && flood.payload.ratePer10Min).toBeGreaterThan(10);
    expect(ctx.engine.state.flood.flooding).toBe(true);

    // The REST list serves them all, sorted and filterable, in reasonable time.
    const started = Date.now();
    const list = (await h.rest('/api/v1/alarms?state=unacked&limit=100', { token: h.adminToken })).body as Ack<{ alarms: unknown[]; total: number }>;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(list).toMatchObject({ ok: true, data: { total: expect.any(Number) } });
    expect(list.ok && list.data.total).toBeGreaterThanOrEqual(TAGS);
    expect(list.ok && list.data.alarms).toHaveLength(100);
  }, 60_000);
});
