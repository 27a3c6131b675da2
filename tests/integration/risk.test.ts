import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack } from '../../shared/protocol/messages';
import type { JournalEvent } from '../../shared/state/events';
import { ManualClock } from '../../shared/util/clock';
import { loadPlant } from '../../server/plant/loadPlant';
import { repoRoot, startHarness, TestConsole, waitFor, type Harness } from './harness';

/**
 * The live four-colour risk map on the reference plant: every unit is shaded from the first
 * events, a failed detector in the hazmat warehouse raises the warehouse one step with the
 * reason, and clearing the failure brings it back. Manual clock, one simulated second a tick.
 */
type GradeEvent = Extract<JournalEvent, { type: 'risk.grade.changed' }>;
const WH = 'RP-WH';

describe('four-colour risk over a real server', () => {
  let h: Harness;
  const clock = new ManualClock(Date.UTC(2025, 5, 1, 8, 0, 0));
  let watcher: TestConsole;
  let coord: TestConsole;
  let requestNo = 0;

  const run = (seconds: number): void => {
    for (let s = 0; s < seconds; s++) {
      clock.advance(1000);
      h.server.ctx.runtime.tick();
    }
  };
  const connect = async (role: Parameters<Harness['tokenFor']>[0]): Promise<TestConsole> => {
    const c = new TestConsole(h.server.url);
    await c.connected();
    const hello = await c.hello(await h.tokenFor(role));
    if (!hello.ok) throw new Error(hello.message);
    return c;
  };
  const command = <T = unknown>(c: TestConsole, name: string, payload: unknown): Promise<Ack<T>> => c.request<T>('command', { id: `risk-it-${++requestNo}`, name, payload });
  const grades = (id: string): GradeEvent[] => watcher.events.filter((e): e is GradeEvent => e.type === 'risk.grade.changed' && e.payload.riskId === id);

  beforeAll(async () => {
    const plant = await loadPlant(path.join(repoRoot, 'resources', 'plants', 'reference'));
    h = await startHarness({ plant, clock });
    watcher = await connect('viewer');
    coord = await connect('drill_coordinator');
    run(3);
  });
  afterAll(async () => {
    watcher.close();
    coord.close();
    await h.stop();
  });

  it('shades every risk unit in its inherent grade at start, from the state alone', () => {
    const risks = h.server.ctx.engine.state.risks;
    const register = h.server.ctx.loaded.plant.risks ?? [];
    expect(register.length).toBeGreaterThanOrEqual(12);
    for (const p of register) expect(risks[p.id], p.id).toMatchObject({ area: p.area, inherent: p.inherentGrade, current: p.inherentGrade, reasons: [] });
    expect(new Set(register.map((p) => p.inherentGrade))).toEqual(new Set(['red', 'orange', 'yellow', 'blue']));
  });

  it('a detector failure in the warehouse raises its grade with the reason; clearing it lowers it back', async () => {
    const detector = h.server.ctx.loaded.plant.tags.find((t) => t.area === 'WH' && t.kind === 'gas_combustible')!;
    expect(h.server.ctx.engine.state.risks[WH]?.current).toBe('orange');
    const inj = await command<{ injectionId: string }>(coord, 'sim.inject', { kind: 'detector_failure', tag: detector.id, mode: 'bad' });
    expect(inj.ok).toBe(true);
    run(30);
    const raised = await waitFor(() => grades(WH).find((e) => e.payload.current === 'red'), 5000, 'the warehouse raised to red');
    expect(raised.payload).toEqual({ riskId: WH, area: 'WH', inherent: 'orange', current: 'red', reasons: [{ zh: '1 台探测器故障', en: '1 detector failed' }] });
    expect(h.server.ctx.engine.state.alarms[`${detector.id}:BAD`]?.lifecycle.active).toBe(true);
    // Only the warehouse moved.
    const moved = watcher.events.filter((e): e is GradeEvent => e.type === 'risk.grade.changed' && e.payload.current !== e.payload.inherent);
    expect(new Set(moved.map((e) => e.payload.riskId))).toEqual(new Set([WH]));

    expect((await command(coord, 'sim.clear', { injectionId: inj.ok ? inj.data.injectionId : '' })).ok).toBe(true);
    run(60);
    const lowered = await waitFor(() => grades(WH).filter((e) => e.seq > raised.seq).find((e) => e.payload.current === 'orange'), 5000, 'the warehouse back to orange');
    expect(lowered.payload.reasons).toEqual([]);
    expect(h.server.ctx.engine.state.risks[WH]).toMatchObject({ current: 'orange', reasons: [] });
  });

  it('an interlock bypass raises its unit while it lasts', async () => {
    const lead = await connect('shift_lead');
    expect(await command(lead, 'interlock.bypass', { interlockId: 'SIS-SP-401-L', bypassed: true, reason: 'level transmitter proof test' })).toMatchObject({ ok: true });
    run(1);
    await waitFor(() => grades('RP-TF-LPG').some((e) => e.payload.reasons.some((r) => r.en === '1 interlock bypassed')), 5000, 'LPG unit reason');
    expect(h.server.ctx.engine.state.risks['RP-TF-LPG']).toMatchObject({ inherent: 'red', current: 'red', reasons: [{ zh: '1 个联锁旁路', en: '1 interlock bypassed' }] });
    expect(await command(lead, 'interlock.bypass', { interlockId: 'SIS-SP-401-L', bypassed: false })).toMatchObject({ ok: true });
    run(1);
    expect(h.server.ctx.engine.state.risks['RP-TF-LPG']?.reasons).toEqual([]);
    lead.close();
  });
});
