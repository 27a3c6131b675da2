import { expect, test } from '@playwright/test';
import { Look } from '../../renderer/src/map/sensorStyle';
import { fetchPlant, look, openConsole, pixelStats, shot } from './consolePage';
import { PlantServer } from './plantServer';

/**
 * The plant server dies in the night (kill -9). The wall display must not go blank: it says it
 * lost the link, keeps the plant and the last known values on screen marked stale, and is live
 * again within 5 s of the server coming back on the same data directory and port.
 */
test('losing the server shows the last known state, stale; a restart is live again within 5 s', async ({ page }) => {
  const server = await PlantServer.start();
  try {
    const { plant } = await fetchPlant(server.url);
    const tag = plant.tags.find((t) => t.kind === 'temperature')!;
    await openConsole(page, server.url);
    await expect.poll(() => look(page, tag.id)).not.toBe(Look.Stale);
    const lastValue = await page.evaluate((id) => window.__vigil!.value(id)!.value, tag.id);

    await server.kill();
    const indicator = page.getByTestId('presence');
    await expect(indicator).toHaveAttribute('data-presence', /reconnecting|offline/, { timeout: 10_000 });
    await expect(indicator).toContainText('显示最后已知状态');
    await expect.poll(() => look(page, tag.id), { timeout: 10_000 }).toBe(Look.Stale);
    expect(await page.evaluate(() => window.__vigil!.markerCount)).toBe(plant.tags.length);
    expect(await page.evaluate((id) => window.__vigil!.value(id)!.value, tag.id)).toBe(lastValue);
    await expect(page.getByTestId('data-age')).toHaveClass(/data-age-stale/);
    const px = await pixelStats(page, await page.getByTestId('map-canvas').screenshot());
    expect(px.nonBackground / px.total, 'the plant is still drawn').toBeGreaterThan(0.3);
    await shot(page, '07-offline-last-known');

    await server.start({ dataDir: server.dataDir, port: server.port });
    const back = Date.now();
    await expect(indicator).toHaveAttribute('data-presence', 'live', { timeout: 5000 });
    expect(Date.now() - back).toBeLessThan(5000);
    await expect.poll(() => look(page, tag.id), { timeout: 5000 }).not.toBe(Look.Stale);
    await shot(page, '08-live-again');
  } finally {
    await server.dispose();
  }
});
