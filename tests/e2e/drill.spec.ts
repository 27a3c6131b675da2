import { expect, test, type Browser, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPlantServer, type PlantServer } from '../../server/app';
import { loadPlant } from '../../server/plant/loadPlant';
import { createSimulator } from '../../server/sim/createSimulator';
import type { JournalEvent } from '../../shared/state/events';
import { PlantServer as BuiltServer } from './plantServer';
import { openTab, shot, waitLive } from './consolePage';

/**
 * Issue 6's first "Done when", in the browser: the drill coordinator starts the toxic-release
 * scenario; every console (a coordinator's and a commander's) shows the DRILL banner; the
 * scenario's injections run; the commander acknowledges an alarm, the incident opens by itself,
 * the commander evacuates and dispatches; the coordinator stops the drill and the score card
 * shows. Then the drill is replayed from its after-action review, and at an instant sampled
 * during the live run (the commander console's alarm list and muster boards, read through
 * window.__vigil) the replay shows the same alarm list and muster count.
 * Screenshots tests/e2e/screenshots/5x-drill-*.png.
 *
 * The server runs in this process (real server, reference plant, real simulator, built console
 * from dist/renderer) so that the test can read its journal and state directly.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SCENARIO = 'toxic-release-chlorine';
const COORD = { user: 'yan.coord', password: 'drill-pw-2024' };

let server: PlantServer;
let dataDir = '';
let token = '';

async function api<T>(p: string, init: RequestInit & { json?: unknown; bearer?: string } = {}): Promise<T> {
  const headers: Record<string, string> = { authorization: `Bearer ${init.bearer ?? token}` };
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(server.url + p, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body });
  const body = (await res.json()) as { ok: boolean; data: T; message?: string };
  if (!body.ok) throw new Error(`${p}: ${body.message}`);
  return body.data;
}

/** A console in its own browser context; `session` signs it in as that account (else the loopback commander session). */
async function openConsole(browser: Browser, session?: unknown): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  if (session) await ctx.addInitScript((s) => window.sessionStorage.setItem('vigil.session', s), JSON.stringify(session));
  const page = await ctx.newPage();
  page.on('dialog', (d) => void d.accept());
  await page.goto(server.url);
  await waitLive(page);
  return page;
}

interface Sample {
  seq: number;
  alarms: { id: string; state: string }[];
  muster: { incident: string; accounted: number; expected: number }[];
}
const sample = (page: Page): Promise<Sample> => page.evaluate(() => ({ seq: window.__vigil!.replay.seq, alarms: [...window.__vigil!.alarmList], muster: [...window.__vigil!.muster] }));
const replayState = (page: Page) => page.evaluate(() => window.__vigil!.replay);

async function journalEvent(seq: number): Promise<JournalEvent | null> {
  const page = await api<{ events: JournalEvent[] }>(`/api/v1/journal?after=${seq - 1}&limit=1`);
  return page.events[0]?.seq === seq ? page.events[0] : null;
}


test.beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'vigil-e2e-drill-'));
  await BuiltServer.addUser(dataDir, COORD.user, 'drill_coordinator', COORD.password);
  server = await createPlantServer({
    plant: await loadPlant(path.join(root, 'resources/plants/reference')),
    createSimulator,
    dataDir,
    host: '127.0.0.1',
    port: 0,
    rendererDir: process.env.VIGIL_E2E_RENDERER ?? path.join(root, 'dist/renderer'),
  });
  token = readFileSync(server.adminTokenFile, 'utf8').trim();
});

test.afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('a toxic-release drill runs end to end and its replay matches the live console at a sampled instant', async ({ browser }) => {
  test.setTimeout(10 * 60_000);
  const res = await fetch(`${server.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(COORD) });
  const coordSession = ((await res.json()) as { data: { user: { role: string } } }).data;
  expect(coordSession.user.role).toBe('drill_coordinator');
  const coord = await openConsole(browser, coordSession);
  const cmd = await openConsole(browser);
  // Only drill coordinators get the drill panel; the commander will see the banner only.
  await expect(cmd.getByTestId('dock-drill')).toHaveCount(0);
  await expect(cmd.getByTestId('drill-banner')).toHaveCount(0);

  // 1. The coordinator picks the toxic-release scenario and starts it.
  await openTab(coord, 'drill');
  await coord.getByTestId(`drill-scenario-${SCENARIO}`).click();
  await shot(coord, '50-drill-coordinator-panel');
  await coord.getByTestId('drill-start').click();

  // 2. Every console shows the DRILL banner with the scenario and its first announcement.
  for (const p of [coord, cmd]) {
    await expect(p.getByTestId('drill-banner')).toHaveAttribute('data-state', 'running');
    await expect(p.getByTestId('drill-name')).toContainText('TK-301');
    await expect(p.getByTestId('drill-announcement')).toContainText('TK-301');
  }
  const drillId = (await cmd.getByTestId('drill-banner').getAttribute('data-drill'))!;
  expect(server.ctx.engine.state.drill.active?.id).toBe(drillId);

  // 3. The injections run: the release and the person down are journaled, chlorine alarms come up.
  await expect.poll(() => server.ctx.engine.state.drill.active?.nextStep ?? 0, { timeout: 60_000 }).toBeGreaterThanOrEqual(5);
  await expect(coord.getByTestId('drill-progress')).toHaveAttribute('data-next-step', /^[5-9]$/);
  await expect.poll(async () => (await sample(cmd)).alarms.length, { timeout: 60_000 }).toBeGreaterThan(0);
  await shot(coord, '51-drill-running-coordinator');

  // 4. The commander (as operator on duty) acknowledges the first alarm.
  await openTab(cmd, 'alarms');
  await cmd.locator('[data-testid="alarm-row"]:has-text("未确认")').first().click();
  const acked = (await cmd.evaluate(() => window.__vigil!.alarms.selected))!;
  await cmd.getByTestId('act-ack').click();
  await cmd.getByTestId('ack-submit').click();
  await expect.poll(() => server.ctx.engine.state.alarms[acked]?.lifecycle.acked, { timeout: 15_000 }).toBe(true);

  // 5. The incident opens by itself, tagged as a drill; the commander evacuates and dispatches.
  await expect.poll(() => Object.values(server.ctx.engine.state.emergency.incidents).length, { timeout: 90_000 }).toBeGreaterThan(0);
  const inc = Object.values(server.ctx.engine.state.emergency.incidents)[0]!;
  expect(inc.type).toBe('toxic_release');
  expect(inc.drill, 'a drill incident is tagged').toBe(true);
  await openTab(cmd, 'incident');
  const risk = cmd.getByTestId('people-at-risk');
  await expect(risk.getByTestId('evacuate')).toBeEnabled({ timeout: 30_000 });
  await risk.getByTestId('evacuate').click();
  await cmd.getByTestId('evacuate-dialog').getByTestId('evacuate-confirm').click();
  await expect(risk.getByTestId('muster')).toBeVisible({ timeout: 15_000 });
  const first = cmd.getByTestId('need-hazmat').getByTestId('candidate').first();
  await expect(first).toBeVisible({ timeout: 30_000 });
  const unit = (await first.getAttribute('data-unit'))!;
  await first.getByTestId(`dispatch-hazmat-${unit}`).click();
  await cmd.getByTestId(`dispatch-hazmat-${unit}-dialog`).getByTestId(`dispatch-hazmat-${unit}-confirm`).click();
  await expect(cmd.getByTestId(`dispatch-${unit}`)).toHaveAttribute('data-state', 'en_route', { timeout: 15_000 });
  await shot(cmd, '52-drill-commander-banner-incident');

  // 6. Sample an instant on the commander console: the same reading twice, 1.2 s apart (the
  //    derived alarm list has caught up with the state), and a later event not in the same ms.
  let sampled: Sample | null = null;
  let at = 0;
  for (let i = 0; i < 60 && !sampled; i++) {
    const a = await sample(cmd);
    await cmd.waitForTimeout(1200);
    const b = await sample(cmd);
    if (JSON.stringify(a) !== JSON.stringify(b) || b.muster.length === 0) continue;
    const ev = await journalEvent(b.seq);
    await expect.poll(async () => (await api<{ lastSeq: number }>('/api/v1/journal?after=0&limit=1')).lastSeq, { timeout: 60_000 }).toBeGreaterThan(b.seq);
    const next = await journalEvent(b.seq + 1);
    if (!ev || !next || next.time <= ev.time + 50) continue;
    sampled = b;
    at = ev.time;
  }
  expect(sampled, 'a steady instant during the drill').not.toBeNull();
  const live = sampled!;
  expect(live.alarms.length).toBeGreaterThan(0);

  // 7. The coordinator stops the drill: the banner goes, the score card shows.
  await coord.getByTestId('drill-stop').click();
  for (const p of [coord, cmd]) await expect(p.getByTestId('drill-banner')).toHaveCount(0, { timeout: 15_000 });
  const card = coord.getByTestId('drill-score-card');
  await expect(card).toBeVisible({ timeout: 15_000 });
  await expect(card.getByTestId('drill-score-total')).toHaveAttribute('data-score', /^\d+(\.\d+)?$/, { timeout: 20_000 });
  await expect(card.getByTestId('score-item-incident_open')).toHaveAttribute('data-outcome', /on_time|late/);
  await expect(card.getByTestId('score-item-first_ack')).toHaveAttribute('data-outcome', /on_time|late/);
  await expect(card.getByTestId('score-item-evacuation_ordered')).toHaveAttribute('data-outcome', /on_time|late/);
  await expect(cmd.getByTestId('drill-score-card')).toBeVisible();
  const scored = server.ctx.engine.state.drill.recent.find((r) => r.drill.id === drillId)?.score;
  expect(scored).toBeTruthy();
  await expect(card.getByTestId('drill-score-total')).toHaveAttribute('data-score', String(scored!.score));
  await shot(coord, '53-drill-score-card');

  // 8. After-action review: expected and actual side by side; export; replay from the start.
  await card.getByTestId('drill-open-review').click();
  const review = coord.getByTestId('drill-review');
  await expect(review).toBeVisible();
  await expect(review.getByTestId('review-lane-expected').locator('.lane-chip').first()).toBeVisible();
  await expect(review.getByTestId('review-lane-actual').locator('.lane-chip').first()).toBeVisible();
  await expect(review.getByTestId('review-line-incident_open')).toBeVisible();
  const csv = coord.waitForEvent('download');
  await review.getByTestId('drill-export-csv').click();
  expect((await csv).suggestedFilename()).toBe(`${drillId}-review.csv`);
  await review.locator('.wide-dialog-body').evaluate((e) => e.scrollTo(0, 0));
  await shot(coord, '54-drill-review');
  await review.getByTestId('drill-replay').click();
  await expect(coord.getByTestId('replay-banner')).toBeVisible();
  await expect(coord.getByTestId('timeline')).toHaveAttribute('data-mode', 'replay');
  // The frame at the drill's start has to load first (seconds on a busy machine); its state holds the active drill.
  await expect.poll(async () => (await replayState(coord)).loading, { timeout: 60_000 }).toBe(false);
  await expect(coord.getByTestId('drill-banner')).toBeVisible({ timeout: 30_000 });

  // 9. Seek to the sampled instant: scrub on the timeline just before it, then step event by event.
  const track = coord.getByTestId('timeline-track');
  const from = Number(await track.getAttribute('data-from'));
  const to = Number(await track.getAttribute('data-to'));
  const box = (await track.boundingBox())!;
  let lead = 1500;
  for (let i = 0; i < 6; i++) {
    const x = ((at - lead - from) / (to - from)) * box.width;
    await coord.mouse.click(box.x + Math.max(1, x), box.y + box.height - 3);
    await expect.poll(async () => (await replayState(coord)).loading).toBe(false);
    if ((await replayState(coord)).seq <= live.seq) break;
    lead *= 2;
  }
  for (let i = 0; i < 400 && (await replayState(coord)).seq < live.seq; i++) {
    const before = (await replayState(coord)).seq;
    await coord.getByTestId('timeline-step').click();
    await expect.poll(async () => (await replayState(coord)).seq).toBeGreaterThan(before);
  }
  expect((await replayState(coord)).seq).toBe(live.seq);
  await expect.poll(async () => (await sample(coord)).alarms, { timeout: 10_000 }).toEqual(live.alarms);
  expect((await sample(coord)).muster).toEqual(live.muster);
  // Hovering an operator action on the timeline says who did what.
  await openTab(coord, 'alarms');
  await coord.locator('[data-testid="timeline-marker"][data-kind="action"]').first().hover();
  await expect(coord.getByTestId('timeline-tip')).toContainText(/local|yan\.coord/);
  await shot(coord, '55-drill-replay-sampled-instant');

  // 10. One click back to live.
  await coord.getByTestId('timeline-live').click();
  await expect(coord.getByTestId('replay-banner')).toHaveCount(0);
  await expect(coord.getByTestId('timeline')).toHaveAttribute('data-mode', 'live');
  await expect.poll(async () => (await replayState(coord)).seq).toBeGreaterThan(live.seq);

  // 11. Traceability from the incident, which closed with the drill: the closed-incidents list
  //     keeps it reachable (trends near the source, alarms and actions, people near).
  await cmd.keyboard.press('Escape');
  await expect(cmd.getByTestId('drill-score-card')).toHaveCount(0);
  expect(server.ctx.engine.state.emergency.incidents[inc.id]?.state, 'the drill closed its incident').toBe('closed');
  await openTab(cmd, 'incident');
  await expect(cmd.getByTestId('incident-tab-' + inc.id)).toHaveCount(0);
  await cmd.getByTestId('closed-incidents').locator('summary').click();
  await cmd.getByTestId(`closed-trace-${inc.id}`).click();
  const trace = cmd.getByTestId('trace-view');
  await expect(trace).toBeVisible();
  await expect(trace.getByTestId('trace-events').locator('li.ev-row').first()).toBeVisible({ timeout: 20_000 });
  await expect(trace.getByTestId('trace-events')).toContainText('local');
  await expect(trace.getByTestId('trend-canvas').first()).toBeVisible();
  await shot(cmd, '56-drill-trace-incident');
  await cmd.keyboard.press('Escape');
  await expect(trace).toHaveCount(0);

  // 12. The review in English.
  await coord.getByTestId('lang-en').click();
  await openTab(coord, 'drill');
  await coord.getByTestId(`drill-recent-${drillId}`).getByRole('button', { name: 'After-action review' }).click();
  await expect(coord.getByTestId('drill-review')).toContainText('Expected');
  await coord.getByTestId('drill-review').locator('.wide-dialog-body').evaluate((e) => e.scrollTo(0, 0));
  await shot(coord, '57-drill-review-en');
});
