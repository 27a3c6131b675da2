import { expect, test } from '@playwright/test';
import type { Plant, Tag } from '../../shared/plant/schema';
import { Look } from '../../renderer/src/map/sensorStyle';
import { fetchPlant, isolatedTag, look, openConsole, pixelStats, shot, waitRenders } from './consolePage';
import { PlantServer } from './plantServer';

/**
 * The shift lead comes on shift and opens the console on the wall display: the plant is
 * there, every sensor on it, values moving; a hover says what a marker is, a click gives the
 * trend; the display switches between Chinese and English; and when a vessel over-pressures,
 * its marker is the one thing on the map in colour.
 */
test.describe.configure({ mode: 'serial' });

let server: PlantServer;
let plant: Plant;

test.beforeAll(async () => {
  server = await PlantServer.start();
  plant = (await fetchPlant(server.url)).plant;
});

test.afterAll(async () => {
  await server?.dispose();
});

test('the map shows the whole plant with one marker per tag, and values move', async ({ page }) => {
  await openConsole(page, server.url);
  await expect(page.getByTestId('plant-name')).toHaveText(plant.meta.name.zh);
  await expect(page.getByTestId('presence')).toHaveAttribute('data-presence', 'live');
  expect(plant.tags.length).toBeGreaterThanOrEqual(2000);
  expect(await page.evaluate(() => window.__vigil!.markerCount)).toBe(plant.tags.length);
  expect(await page.evaluate(() => window.__vigil!.tagCount)).toBe(plant.tags.length);

  await waitRenders(page);
  const px = await pixelStats(page, await page.getByTestId('map-canvas').screenshot());
  expect(px.nonBackground / px.total, 'share of the canvas that is not background').toBeGreaterThan(0.3);
  expect(px.distinctColours, 'distinct colours on the map').toBeGreaterThan(8);
  await shot(page, '01-overview-zh');

  const ids = plant.tags.filter((t) => ['temperature', 'pressure', 'flow', 'level'].includes(t.kind)).slice(0, 60).map((t) => t.id);
  const read = (): Promise<number[]> => page.evaluate((list) => list.map((id) => window.__vigil!.value(id)!.value), ids);
  const before = await read();
  expect(before.filter(Number.isFinite).length).toBe(ids.length);
  await expect
    .poll(async () => (await read()).filter((v, i) => v !== before[i]).length, { timeout: 3000, intervals: [200] })
    .toBeGreaterThan(0);
});

test('hovering a marker tells what it is; clicking opens its panel with a 10-minute trend', async ({ page }) => {
  await openConsole(page, server.url);
  await page.getByTestId('preset-RX').click();
  await page.waitForTimeout(900);
  await waitRenders(page);
  const target = await isolatedTag(page, plant.tags.map((t) => t.id));
  const tag = plant.tags.find((t) => t.id === target.id)!;

  await page.mouse.move(target.x, target.y);
  const tip = page.getByTestId('tag-tooltip');
  await expect(tip).toBeVisible();
  await expect(tip).toContainText(tag.id);
  await expect(tip).toContainText(tag.name.zh);
  await expect(tip).toContainText(tag.unit);
  const shown = Number(await page.getByTestId('tooltip-value').innerText());
  expect(shown).toBeGreaterThanOrEqual(tag.range.lo);
  expect(shown).toBeLessThanOrEqual(tag.range.hi);
  await shot(page, '02-hover');

  await page.mouse.click(target.x, target.y);
  const panel = page.getByTestId('tag-panel');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText(tag.id);
  await expect(panel).toContainText(tag.limits.source);
  await expect(panel).toContainText('报警限值');
  const trend = page.getByTestId('trend-canvas');
  await expect.poll(async () => Number(await trend.getAttribute('data-points')), { timeout: 15_000 }).toBeGreaterThan(3);
  const tpx = await pixelStats(page, await trend.screenshot(), [0xec, 0xee, 0xef]);
  expect(tpx.nonBackground, 'trend line, grid and labels drawn').toBeGreaterThan(500);
  await shot(page, '03-panel-trend');
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
});

test('the language switch changes the whole console to English and back to Chinese', async ({ page }) => {
  await openConsole(page, server.url);
  const area = plant.areas[0]!;
  const label = page.locator(`.map-label[data-area="${area.id}"] .area-label-name`);
  await expect(page.getByTestId('plant-name')).toHaveText(plant.meta.name.zh);
  await expect(page.getByTestId('presence')).toContainText('实时');
  await expect(label).toHaveText(area.name.zh);

  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('plant-name')).toHaveText(plant.meta.name.en);
  await expect(page.getByTestId('presence')).toContainText('Live');
  await expect(page.getByTestId('preset-overview')).toHaveText('Whole plant');
  await expect(page.getByTestId(`preset-${area.id}`)).toHaveText(area.name.en);
  await expect(label).toHaveText(area.name.en);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await shot(page, '04-overview-en');

  await page.getByTestId('lang-zh').click();
  await expect(page.getByTestId('plant-name')).toHaveText(plant.meta.name.zh);
  await expect(page.getByTestId('preset-overview')).toHaveText('全厂');
  await expect(label).toHaveText(area.name.zh);
});

test('an over-pressure turns that marker from grey to alarm colour', async ({ page }) => {
  const tag = plant.tags.find((t: Tag) => t.area === 'RX' && t.kind === 'pressure' && t.equipment !== undefined && t.limits.h !== undefined);
  expect(tag, 'a pressure tag on reactor-unit equipment').toBeDefined();
  await openConsole(page, server.url);
  await page.getByTestId('preset-RX').click();
  await page.waitForTimeout(900);
  await waitRenders(page);
  expect(await look(page, tag!.id)).toBe(Look.Normal);
  const clip = async (): Promise<{ x: number; y: number; width: number; height: number }> => {
    const p = (await page.evaluate((id) => window.__vigil!.screenPosition(id), tag!.id))!;
    return { x: p.x - 20, y: p.y - 24, width: 40, height: 44 };
  };
  const calm = await pixelStats(page, await page.screenshot({ clip: await clip() }));

  const res = await fetch(`${server.url}/api/v1/sim/inject`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await server.adminToken()}`, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'overpressure', equipment: tag!.equipment, factor: 3, rampS: 2 }),
  });
  expect(res.ok).toBe(true);
  expect(((await res.json()) as { ok: boolean }).ok).toBe(true);

  await expect.poll(() => look(page, tag!.id), { timeout: 20_000 }).toBeGreaterThanOrEqual(Look.Warning);
  expect([Look.Warning, Look.Alarm]).toContain(await look(page, tag!.id));
  await waitRenders(page);
  const alarmed = await pixelStats(page, await page.screenshot({ clip: await clip() }));
  expect(calm.warm, 'no alarm colour at the marker before').toBeLessThan(10);
  expect(alarmed.warm, 'alarm colour at the marker after').toBeGreaterThan(40);
  const at = (await page.evaluate((id) => window.__vigil!.screenPosition(id), tag!.id))!;
  await page.mouse.move(at.x, at.y);
  await expect(page.getByTestId('tag-tooltip')).toContainText(/高报|高高报/);
  await page.mouse.click(at.x, at.y);
  await expect(page.getByTestId('tag-panel')).toContainText(/高报|高高报/);
  await expect.poll(async () => Number(await page.getByTestId('trend-canvas').getAttribute('data-points')), { timeout: 15_000 }).toBeGreaterThan(5);
  await page.mouse.move(800, 880);
  await shot(page, '05-overpressure-alarm');
});
