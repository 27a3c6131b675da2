import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AlarmRecord } from '../../shared/alarm/model';
import type { Ack } from '../../shared/protocol/messages';
import { miniPlant, startHarness, TestConsole, waitFor, type Harness } from './harness';

describe('alarm state across a restart', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'vigil-alarm-restart-'));
  const running: Harness[] = [];
  afterAll(async () => {
    for (const h of running) await h.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every alarm, its acknowledgement and shelve; conditions still clear afterwards', async () => {
    const { plant } = await miniPlant();
    const [bad1, bad2] = plant.tags.filter((t) => t.kind === 'flow' || t.kind === 'temperature');
    const a1 = `${bad1!.id}:BAD`;
    const a2 = `${bad2!.id}:BAD`;
    const h1 = await startHarness({ dataDir });
    running.push(h1);
    let n = 0;
    const cmd = (token: string, name: string, payload: unknown) => h1.server.ctx.commands.run(h1.server.ctx.auth.resolve(token)!, { id: `restart-${++n}`, name, payload });
    const admin = h1.adminToken;
    for (const t of [bad1!, bad2!]) expect(cmd(admin, 'sim.inject', { kind: 'detector_failure', tag: t.id, mode: 'bad' }).ok).toBe(true);
    await waitFor(() => h1.server.ctx.engine.state.alarms[a1]?.lifecycle.active && h1.server.ctx.engine.state.alarms[a2]?.lifecycle.active, 5000, 'two BAD alarms');
    expect(cmd(admin, 'alarm.ack', { alarmIds: [a1], note: 'seen' }).ok).toBe(true);
    expect(cmd(admin, 'alarm.shelve', { alarmId: a2, durationS: 3600, reason: 'instrument tech on it' }).ok).toBe(true);
    const before = structuredClone(h1.server.ctx.engine.state.alarms);
    await h1.server.close();
    running.pop();

    const h2 = await startHarness({ dataDir });
    running.push(h2);
    expect(h2.server.ctx.engine.state.alarms).toEqual(before);
    const c = new TestConsole(h2.server.url);
    await c.connected();
    const hello = await c.hello(h2.adminToken);
    expect(hello.ok && hello.data.snapshot?.state.alarms).toEqual(before);
    const listed = (await h2.rest('/api/v1/alarms', { token: h2.adminToken })).body as Ack<{ alarms: AlarmRecord[] }>;
    expect(listed.ok && listed.data.alarms.map((a) => a.id).sort()).toEqual(Object.keys(before).sort());
    const seqAfterRestart = h2.server.ctx.engine.seq;

    // The failures are still injected: nothing is re-announced…
    await new Promise((r) => setTimeout(r, 1500));
    const reannounced = h2.server.ctx.engine.eventsPage(seqAfterRestart, 1000).filter((e) => e.type === 'alarm.changed');
    expect(reannounced).toEqual([]);
    // …and once they end, both alarms clear (the evaluator was told they were active).
    const token = h2.adminToken;
    expect(h2.server.ctx.commands.run(h2.server.ctx.auth.resolve(token)!, { id: 'restart-clear', name: 'sim.clear', payload: {} }).ok).toBe(true);
    await waitFor(() => h2.server.ctx.engine.state.alarms[a1] === undefined, 5000, 'the acked BAD alarm to clear and leave');
    await waitFor(() => h2.server.ctx.engine.state.alarms[a2]?.lifecycle.active === false, 5000, 'the shelved BAD alarm to clear');
    expect(h2.server.ctx.engine.state.alarms[a2]!.lifecycle.shelved).toMatchObject({ reason: 'instrument tech on it' });
    c.close();
  }, 60_000);
});
