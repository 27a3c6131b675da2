import { expect, test, type Browser, type Page } from '@playwright/test';
import { rm } from 'node:fs/promises';
import type { Plant } from '../../shared/plant/schema';
import type { JournalEvent } from '../../shared/state/events';
import { alarmJournal, alarmsState, inject, rest, tankDetectorGroup } from './alarmPage';
import { fetchPlant, pixelStats, shot, waitLive } from './consolePage';
import { PlantServer } from './plantServer';

/**
 * JOURNEYS.md moments 1–2 at the console: a small flammable leak at a storage tank. The
 * detectors of the tank's 2oo3 group pass their first level and alarm after their on-delay, then
 * ONE "confirmed gas release" (priority 1) at that spot; the banner shows it, the console sounds
 * priority 1 once sound is enabled, the marker flashes on the map; the operator finds it from
 * the banner, flies the map to it and acknowledges it with a note; the journal says who, what
 * and when. A viewer sees all of it but cannot acknowledge.
 */
test.describe.configure({ mode: 'serial' });

const OPERATOR = { name: 'wang.fang', password: 'day-shift-2024' };
const VIEWER = { name: 'zhao.lei', password: 'wall-display-2024' };
const NOTE = '现场确认：罐根阀法兰渗漏，已派外操 / field operator sent';

let server: PlantServer;
let dataDir: string;
let plant: Plant;

test.beforeAll(async () => {
  dataDir = await PlantServer.tempDir();
  await PlantServer.addUser(dataDir, OPERATOR.name, 'operator', OPERATOR.password);
  await PlantServer.addUser(dataDir, VIEWER.name, 'viewer', VIEWER.password);
  server = await PlantServer.start({ dataDir, args: ['--no-local-session'] });
  plant = (await fetchPlant(server.url)).plant;
});

test.afterAll(async () => {
  await server?.dispose();
  await rm(dataDir, { recursive: true, force: true });
});

async function signIn(page: Page, who: { name: string; password: string }): Promise<void> {
  await page.goto(server.url);
  const form = page.getByTestId('sign-in');
  await form.getByLabel('用户名').fill(who.name);
  await form.getByLabel('密码').fill(who.password);
  await form.getByRole('button', { name: '登录' }).click();
  await waitLive(page);
}

async function viewerPage(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, VIEWER);
  return page;
}

test('a gas release at a tank: detector alarms after their on-delay, then one confirmed release; banner, sound and flashing marker; ack with a note is journaled', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const { group, tags, equipment } = tankDetectorGroup(plant);
  const confirmedId = `${group}:CONFIRMED`;
  await signIn(page, OPERATOR);
  await expect(page.locator('.user')).toContainText(`${OPERATOR.name} · 操作员`);
  await expect(page.getByTestId('banner-calm')).toBeVisible();
  await expect(page.getByTestId('sound')).toHaveAttribute('data-sounding', '');
  await shot(page, '10-alarms-calm');

  const injectedAt = Date.now();
  await inject(server, { kind: 'gas_release', position: tags[1]!.position, chemical: tags[0]!.chemical!, rateKgS: 50, durationS: 900 });

  // The detectors' first-level alarms come first, each at least its on-delay after its band changed.
  await expect.poll(async () => (await alarmJournal(server, injectedAt - 1000)).filter((e) => e.payload.cause === 'activate' && tags.some((t) => e.payload.alarm.id === `${t.id}:H`)).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
  await page.waitForFunction((id) => window.__vigil!.alarms.total > 0 && window.__vigil!.alarmLayer!.markers > 0 && !!document.querySelector(`[data-testid=alarm-row][data-alarm="${id}"]`), confirmedId, { timeout: 60_000 });
  const journal = await alarmJournal(server, injectedAt - 1000);
  const firstLevels = journal.filter((e) => e.payload.cause === 'activate' && tags.some((t) => e.payload.alarm.id === `${t.id}:H`));
  const confirmed = journal.find((e) => e.payload.alarm.id === confirmedId && e.payload.cause === 'activate')!;
  expect(confirmed, 'the confirmed-release alarm in the journal').toBeDefined();
  expect(confirmed.payload.alarm).toMatchObject({ kind: 'CONFIRMED', priority: 1, equipment });
  expect(confirmed.seq, 'confirmed after the second first-level alarm').toBeGreaterThan(firstLevels[1]!.seq);
  const onDelayMs = (plant.alarmSettings!.measurement.gas_combustible?.onDelayS ?? plant.alarmSettings!.defaultMeasurement.onDelayS) * 1000;
  const bands = (await rest<{ events: JournalEvent[] }>(server, '/api/v1/journal?after=0&limit=5000')).events.filter((e) => e.type === 'tag.band.changed');
  for (const a of firstLevels) {
    const band = bands.find((e) => e.type === 'tag.band.changed' && e.payload.tag === a.payload.alarm.source && e.payload.to !== 'normal' && e.payload.to !== 'bad');
    expect(band, `band change of ${a.payload.alarm.source}`).toBeDefined();
    expect(a.time - band!.time, `on-delay of ${a.payload.alarm.id}`).toBeGreaterThanOrEqual(onDelayMs - 250);
  }

  // The banner shows the newest priority-1 unacknowledged alarm and the counts per priority.
  const banner = page.getByTestId('alarm-banner');
  await expect(banner).toHaveClass(/alarm-banner-p1/);
  await expect(page.getByTestId('banner-alarm')).toContainText('◆');
  expect(Number(await page.getByTestId('banner-count-1').getAttribute('data-unacked'))).toBeGreaterThanOrEqual(1);
  const bannerId = (await alarmsState(page)).banner!;
  const bannerRow = journal.find((e) => e.payload.alarm.id === bannerId);
  expect(bannerRow?.payload.alarm.priority, 'the banner alarm is priority 1').toBe(1);

  // Sound: the browser holds audio until a gesture; after "enable sound", priority 1 sounds.
  expect((await page.evaluate(() => window.__vigil!.annunciation)).pending).toBe(1);
  const enable = page.getByTestId('sound-enable');
  if (await enable.isVisible()) await enable.click();
  await expect.poll(() => page.evaluate(() => window.__vigil!.annunciation), { timeout: 10_000 }).toMatchObject({ sounding: 1, audio: 'running', silenced: false });
  await shot(page, '11-alarms-banner-sound');

  // From the list: select the confirmed release, fly the map to it; its marker flashes there.
  await page.locator(`[data-testid=alarm-row][data-alarm="${confirmedId}"]`).click();
  await expect(page.getByTestId('alarm-actions')).toContainText(confirmedId);
  await page.getByTestId('act-locate').click();
  await page.waitForTimeout(1200);
  const at = (await page.evaluate((id) => window.__vigil!.alarmScreenPosition(id), confirmedId))!;
  expect(at, 'the marker is on screen after the jump').not.toBeNull();
  const clip = { x: at.x - 22, y: at.y - 22, width: 44, height: 44 };
  const phaseShot = async (on: boolean): Promise<Buffer> => {
    await page.waitForFunction((want) => window.__vigil!.alarmLayer!.flashOn === want, on, { timeout: 5000 });
    return page.screenshot({ clip });
  };
  // A screenshot can land on the frame before the phase's render: sample up to three flash cycles
  // and keep the pair that differs most (a marker that does not flash never differs).
  let lit = await pixelStats(page, await phaseShot(true));
  let dark = await pixelStats(page, await phaseShot(false));
  for (let i = 0; i < 2 && lit.warm - dark.warm <= 30; i++) {
    const l = await pixelStats(page, await phaseShot(true));
    const d = await pixelStats(page, await phaseShot(false));
    if (l.warm - d.warm > lit.warm - dark.warm) [lit, dark] = [l, d];
  }
  const layer = (await page.evaluate(() => window.__vigil!.alarmLayer))!;
  expect(layer.flashing).toBeGreaterThan(0);
  expect(layer.flashToggles).toBeGreaterThan(2);
  expect(lit.warm, 'the priority-1 marker is lit red in one phase').toBeGreaterThan(30);
  // The release also opens an incident whose red threat band lies under the marker: compare the
  // phases, so that only the marker's own red counts.
  expect(lit.warm - dark.warm, 'and dark in the other: the red of the marker comes and goes').toBeGreaterThan(30);
  await page.waitForFunction(() => window.__vigil!.alarmLayer!.flashOn, null, { timeout: 5000 });
  await shot(page, '12-alarms-located-flashing');

  // A viewer sees the same alarm but may not acknowledge it.
  const viewer = await viewerPage(browser);
  await viewer.waitForFunction((id) => !!document.querySelector(`[data-testid=alarm-row][data-alarm="${id}"]`), confirmedId, { timeout: 30_000 });
  await viewer.locator(`[data-testid=alarm-row][data-alarm="${confirmedId}"]`).click();
  await expect(viewer.getByTestId('act-ack')).toBeDisabled();
  await expect(viewer.getByTestId('act-ack')).toHaveAttribute('title', '您的角色无此权限');
  await shot(viewer, '13-alarms-viewer-cannot-ack');
  await viewer.context().close();

  // The operator acknowledges it with a note.
  const before = Date.now();
  await page.getByTestId('act-ack').click();
  const dialog = page.getByTestId('ack-dialog');
  await expect(dialog).toBeVisible();
  await page.getByTestId('ack-note').fill(NOTE);
  await shot(page, '14-alarms-ack-dialog');
  await page.getByTestId('ack-submit').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('toast-ok')).toBeVisible();
  await expect(page.locator(`[data-testid=alarm-row][data-alarm="${confirmedId}"]`)).toHaveAttribute('data-state', /acked|latched/);
  const after = Date.now();
  await shot(page, '15-alarms-acked');

  const acks = (await alarmJournal(server, before - 1000)).filter((e) => e.payload.cause === 'ack' && e.payload.alarm.id === confirmedId);
  expect(acks).toHaveLength(1);
  expect(acks[0]!.actor).toBe(OPERATOR.name);
  expect(acks[0]!.payload.note).toBe(NOTE);
  expect(acks[0]!.time).toBeGreaterThanOrEqual(before - 1000);
  expect(acks[0]!.time).toBeLessThanOrEqual(after + 1000);
  expect(acks[0]!.payload.alarm.lifecycle.acked).toBe(true);

  // The tank's area: its four-colour risk is raised above the inherent grade, and says why.
  const area = confirmed.payload.alarm.area;
  const unit = plant.risks!.find((r) => r.area === area)!;
  await expect.poll(() => page.evaluate((a) => window.__vigil!.areaRisk(a), area), { timeout: 30_000 }).toMatchObject({ raised: true });
  await page.getByTestId('dock-risk').click();
  const riskRow = page.locator(`[data-testid=risk-unit][data-risk="${unit.id}"]`);
  await expect(riskRow.getByTestId('risk-reasons')).toBeVisible();
  await shot(page, '18-alarms-risk-raised');

  // Graded pushes: who was told, first notice or escalation, delivered or not.
  await page.getByTestId('dock-notifications').click();
  await expect(page.getByTestId('notification').first()).toBeVisible({ timeout: 30_000 });
  await shot(page, '19-alarms-notifications');

  // KPIs: the 10-minute rate with the EEMUA bands, per area, the priority mix vs target.
  await page.getByTestId('dock-kpi').click();
  await expect(page.getByTestId('kpi-panel')).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
  expect(Number(await page.getByTestId('kpi-rate-chart').getAttribute('data-buckets'))).toBe(48);
  await expect(page.getByTestId('kpi-areas')).toContainText(plant.areas.find((a) => a.id === area)!.name.zh);
  await expect(page.getByTestId('kpi-bad-actors').locator('li').first()).toBeVisible();
  await expect(page.getByTestId('kpi-mix')).toContainText('目标 5 %');
  await shot(page, '1a-alarms-kpi');

  // The same in English.
  await page.getByTestId('lang-en').click();
  await page.getByTestId('dock-alarms').click();
  await expect(page.getByTestId('alarm-list')).toContainText('Message');
  await expect(page.locator(`[data-testid=alarm-row][data-alarm="${confirmedId}"]`)).toContainText('confirmed gas release');
  await expect(page.getByTestId('sound')).toContainText('Sounding: priority 1');
  await shot(page, '1b-alarms-en');
  await page.getByTestId('lang-zh').click();
});

test('silence holds until a new alarm; shelve offers only what the role may, and the server refusal is shown', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, OPERATOR);
  await page.waitForFunction(() => window.__vigil!.alarms.unacked > 0, null, { timeout: 30_000 });
  const enable = page.getByTestId('sound-enable');
  if (await enable.isVisible()) await enable.click();
  await expect.poll(() => page.evaluate(() => window.__vigil!.annunciation.sounding)).not.toBeNull();
  await page.getByTestId('sound-silence').click();
  await expect.poll(() => page.evaluate(() => window.__vigil!.annunciation)).toMatchObject({ sounding: null, silenced: true });

  // A new alarm ends the silence: a reactor over-pressure.
  const reactor = plant.equipment.find((e) => e.kind === 'reactor')!;
  await inject(server, { kind: 'overpressure', equipment: reactor.id, factor: 3, rampS: 2, durationS: 600 });
  await expect.poll(() => page.evaluate(() => window.__vigil!.annunciation), { timeout: 60_000 }).toMatchObject({ silenced: false });
  expect((await page.evaluate(() => window.__vigil!.annunciation)).sounding).not.toBeNull();
  // The reactor's pressure HH interlock trips: labelled at the reactor on the map.
  const interlock = plant.interlocks!.find((il) => il.equipment === reactor.id)!;
  await expect.poll(() => page.evaluate(() => window.__vigil!.interlockLabels()), { timeout: 60_000 }).toContainEqual({ id: interlock.id, status: 'tripped' });
  await expect(page.locator(`[data-interlock="${interlock.id}"]`)).toContainText('联锁动作');

  // Shelve: an operator's choices stop at the role's maximum (alarm settings).
  const max = plant.alarmSettings!.shelving.byRole.operator!.maxDurationS;
  await page.getByTestId('filter-p2').click();
  const row = page.locator('[data-testid=alarm-row][data-state=unacked]').first();
  const id = (await row.getAttribute('data-alarm'))!;
  await row.click();
  await page.getByTestId('act-shelve').click();
  const options = await page.getByTestId('shelve-duration').locator('option').evaluateAll((os) => os.map((o) => Number((o as HTMLOptionElement).value)));
  expect(options.length).toBeGreaterThan(0);
  expect(Math.max(...options)).toBeLessThanOrEqual(max);
  await page.getByTestId('shelve-reason').fill('检测器标定中 / detector under calibration');
  await page.getByTestId('shelve-submit').click();
  await expect(page.getByTestId('shelve-dialog')).toBeHidden();
  await page.getByTestId('filter-state').selectOption('shelved');
  await expect(page.locator(`[data-testid=alarm-row][data-alarm="${id}"]`)).toHaveAttribute('data-state', 'shelved');
  await expect(page.locator(`[data-testid=alarm-row][data-alarm="${id}"] .prio-hidden`)).toBeVisible();
  await shot(page, '16-alarms-shelved');
  await page.locator(`[data-testid=alarm-row][data-alarm="${id}"]`).click();
  await page.getByTestId('act-unshelve').click();
  await expect(page.locator(`[data-testid=alarm-row][data-alarm="${id}"]`)).toHaveCount(0);
  await page.getByTestId('filter-state').selectOption('annunciated');
  await page.getByTestId('filter-p2').click();

  // Beyond the count limit the server refuses; the dialog shows its reason.
  const limit = plant.alarmSettings!.shelving.byRole.operator!.maxCount;
  expect(Number(await page.getByTestId('alarm-list').getAttribute('data-count')), 'enough alarms to pass the count limit').toBeGreaterThan(limit);
  for (let i = 0; i <= limit; i++) {
    // A shelved alarm leaves the list, so the first row is always one not yet shelved.
    await page.locator('[data-testid=alarm-row]').first().click();
    await page.getByTestId('act-shelve').click();
    await page.getByTestId('shelve-reason').fill('批量测试 / bulk test');
    await page.getByTestId('shelve-submit').click();
    if (i < limit) await expect(page.getByTestId('shelve-dialog')).toBeHidden();
  }
  await expect(page.getByTestId('shelve-dialog').getByTestId('dialog-error')).toContainText('服务器');
  await shot(page, '17-alarms-shelve-refused');
});
