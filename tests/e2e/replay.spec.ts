import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPlantServer, type PlantServer } from '../../server/app';
import { loadPlant } from '../../server/plant/loadPlant';
import { createSimulator } from '../../server/sim/createSimulator';
import type { JournalEvent } from '../../shared/state/events';
import { shot, waitLive } from './consolePage';

/**
 * DVR replay in the browser (issue 6, W2): while live, one click on the timeline scrubs back to
 * an instant before an operator's acknowledgement — the console shows the recording (REPLAY
 * frame, commands off, the alarm unacknowledged again); the action is a marker that says who did
 * it; jumping to the next marker replays the ack; play at 5× runs five times faster than the
 * wall clock; one click on LIVE returns. Screenshot tests/e2e/screenshots/58-replay-dvr.png.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RELEASE = { kind: 'gas_release', position: [718.3, 270, 1.4], chemical: 'chlorine', rateKgS: 0.8, durationS: 600 } as const;

let server: PlantServer;
let dataDir = '';
let token = '';

async function api<T>(p: string, json?: unknown): Promise<T> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (json !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(server.url + p, { method: json === undefined ? 'GET' : 'POST', headers, body: json === undefined ? undefined : JSON.stringify(json) });
  const body = (await res.json()) as { ok: boolean; data: T; message?: string };
  if (!body.ok) throw new Error(`${p}: ${body.message}`);
  return body.data;
}

const replay = (page: Page) => page.evaluate(() => window.__vigil!.replay);
const listed = (page: Page, id: string) => page.evaluate((a) => window.__vigil!.alarmList.find((r) => r.id === a)?.state ?? null, id);

/** Clicks the timeline track at instant `t` (ms). */
async function clickAt(page: Page, t: number): Promise<void> {
  const track = page.getByTestId('timeline-track');
  const from = Number(await track.getAttribute('data-from'));
  const to = Number(await track.getAttribute('data-to'));
  const box = (await track.boundingBox())!;
  await page.mouse.click(box.x + ((t - from) / (to - from)) * box.width, box.y + box.height - 2);
}

/** Opens a dock tab unless it is open already (a role's layout may open one at start; a click on the open tab folds the dock). */
async function openTab(page: Page, tab: string): Promise<void> {
  if ((await page.getByTestId('dock').getAttribute('data-tab')) !== tab) await page.getByTestId(`dock-${tab}`).click();
  await expect(page.getByTestId('dock')).toHaveAttribute('data-tab', tab);
}

test.beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'vigil-e2e-replay-'));
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

test('DVR: scrub back before an ack, jump to it, play at 5x, back to live', async ({ page }) => {
  test.setTimeout(4 * 60_000);
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto(server.url);
  await waitLive(page);
  await page.getByTestId('timeline-window').selectOption(String(15 * 60_000));

  // An alarm comes up; the commander on duty acknowledges it.
  await api('/api/v1/sim/inject', RELEASE);
  await openTab(page, 'alarms');
  const row = page.locator('[data-testid="alarm-row"]:has-text("未确认")').first();
  await expect(row).toBeVisible({ timeout: 60_000 });
  await row.click();
  const id = (await page.evaluate(() => window.__vigil!.alarms.selected))!;
  // A few seconds between the alarm and its ack, so that the timeline can land in between.
  await page.waitForTimeout(6000);
  await page.getByTestId('act-ack').click();
  await page.getByTestId('ack-submit').click();
  await expect.poll(() => listed(page, id), { timeout: 15_000 }).not.toBe('unacked');
  const journal = await api<{ events: JournalEvent[] }>('/api/v1/journal?after=0&limit=5000');
  const ack = journal.events.find((e) => e.type === 'alarm.changed' && e.payload.cause === 'ack' && e.payload.alarm.id === id)!;
  const raised = journal.events.filter((e) => e.type === 'alarm.changed' && e.payload.cause === 'activate' && e.payload.alarm.id === id && e.seq < ack.seq).at(-1)!;
  expect(ack.time - raised.time).toBeGreaterThan(5000);
  expect(ack.actor).toBe('local');
  const liveState = await listed(page, id);

  // One click on the timeline between the alarm and its ack: replay, commands off, the alarm
  // unacknowledged. (15 s later, so that playing on from the ack has recording ahead of it.)
  await page.waitForTimeout(15_000);
  await clickAt(page, (raised.time + ack.time) / 2);
  await expect(page.getByTestId('replay-banner')).toBeVisible();
  await expect.poll(async () => (await replay(page)).loading).toBe(false);
  const r0 = await replay(page);
  expect(r0.mode).toBe('replay');
  expect(r0.time!).toBeLessThan(ack.time);
  expect(r0.time!).toBeGreaterThan(raised.time);
  expect(r0.seq).toBeLessThan(ack.seq);
  await expect.poll(() => listed(page, id)).toBe('unacked');
  await page.locator(`[data-testid="alarm-row"]:has-text("${id.split(':')[0]}")`).first().click();
  await expect(page.getByTestId('act-ack')).toBeDisabled();

  // The ack is an action marker that names its actor.
  const marker = page.locator(`[data-testid="timeline-marker"][data-kind="action"][data-time="${ack.time}"]`);
  await marker.first().hover();
  await expect(page.getByTestId('timeline-tip')).toContainText(`local: `);
  await shot(page, '58-replay-dvr');

  // Next marker until the ack is replayed.
  for (let i = 0; i < 50 && (await replay(page)).seq < ack.seq; i++) {
    const before = (await replay(page)).time!;
    await page.getByTestId('timeline-next').click();
    await expect.poll(async () => (await replay(page)).time!).toBeGreaterThan(before);
    await expect.poll(async () => (await replay(page)).loading).toBe(false);
  }
  await expect.poll(() => listed(page, id)).toBe(liveState);

  // Play at 5×: replay time runs five times the wall clock (± the 100 ms tick).
  await page.getByTestId('timeline-speed').selectOption('5');
  const t0 = (await replay(page)).time!;
  const w0 = Date.now();
  await page.getByTestId('timeline-play').click();
  await page.waitForTimeout(2000);
  const t1 = (await replay(page)).time!;
  const ratio = (t1 - t0) / (Date.now() - w0);
  expect(ratio).toBeGreaterThan(3.5);
  expect(ratio).toBeLessThan(5.6);

  // One click back to live.
  await page.getByTestId('timeline-live').click();
  await expect(page.getByTestId('replay-banner')).toHaveCount(0);
  expect((await replay(page)).mode).toBe('live');
  await expect.poll(() => listed(page, id)).toBe(liveState);
  await expect(page.getByTestId('act-ack')).toHaveCount(1);
});
