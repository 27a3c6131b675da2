import { expect, test } from '@playwright/test';
import type { Plant } from '../../shared/plant/schema';
import { fetchPlant, isolatedTag, openConsole, pixelStats, shot, waitRenders } from './consolePage';
import { PlantServer } from './plantServer';

/**
 * The shift lead opens a tag's panel and looks back a day: the 24 h button asks the historian
 * for [now − 24 h, now] in one request and the trend draws it; 10 min goes back to the live trend.
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

test('the trend switches to 24 h from the historian and back to 10 min', async ({ page }) => {
  await openConsole(page, server.url);
  await page.getByTestId('preset-RX').click();
  await page.waitForTimeout(900);
  await waitRenders(page);
  const target = await isolatedTag(page, plant.tags.map((t) => t.id));
  await page.mouse.click(target.x, target.y);
  const panel = page.getByTestId('tag-panel');
  await expect(panel).toContainText(target.id);
  const trend = page.getByTestId('trend-canvas');
  await expect.poll(async () => Number(await trend.getAttribute('data-points')), { timeout: 15_000 }).toBeGreaterThan(3);
  await expect(page.getByTestId('trend-range-10m')).toHaveAttribute('aria-pressed', 'true');

  const requested = page.waitForRequest((r) => r.url().includes(`/api/v1/tags/${encodeURIComponent(target.id)}/history`));
  const answered = page.waitForResponse((r) => r.url().includes('/history'));
  await page.getByTestId('trend-range-24h').click();
  const req = new URL((await requested).url());
  const now = Date.now();
  const from = Number(req.searchParams.get('from'));
  const to = Number(req.searchParams.get('to'));
  const maxPoints = Number(req.searchParams.get('maxPoints'));
  expect(Math.abs(to - now), 'to ≈ now').toBeLessThan(30_000);
  expect(Math.abs(from - (now - 24 * 3_600_000)), 'from ≈ now − 24 h').toBeLessThan(30_000);
  const box = await trend.boundingBox();
  // clientWidth: the box less its 1 px border each side.
  expect(Math.abs(maxPoints - box!.width), 'maxPoints is the canvas width in px').toBeLessThanOrEqual(2);
  const body = (await (await answered).json()) as { ok: boolean };
  expect(body.ok).toBe(true);

  await expect(trend).toHaveAttribute('data-range-ms', String(24 * 3_600_000));
  await expect(page.getByTestId('trend-range-24h')).toHaveAttribute('aria-pressed', 'true');
  await expect(panel).toContainText('近 24 小时');
  await expect.poll(async () => Number(await trend.getAttribute('data-points')), { timeout: 15_000 }).toBeGreaterThan(0);
  await expect(page.getByTestId('trend-error')).toHaveCount(0);
  const px = await pixelStats(page, await trend.screenshot(), [0xec, 0xee, 0xef]);
  expect(px.nonBackground, 'band, line, grid and labels drawn').toBeGreaterThan(500);
  await shot(page, 'trend-24h');

  await page.getByTestId('trend-range-10m').click();
  await expect(trend).not.toHaveAttribute('data-range-ms');
  await expect.poll(async () => Number(await trend.getAttribute('data-points')), { timeout: 15_000 }).toBeGreaterThan(3);
  await expect(panel).toContainText('近 10 分钟');
});
