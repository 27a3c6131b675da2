import { expect, test } from '@playwright/test';
import { openConsole, shot } from './consolePage';
import { PlantServer } from './plantServer';

/**
 * A console that stops keeping up: 50,000 tags send one ~850 KB frame a second; the page's main
 * thread is then blocked for 8 s (a frozen tab), so it acknowledges no frame and the server,
 * past the console's frame credit, conflates for it. Once the page runs again it gets one frame
 * of latest values and the header shows "values conflated" with the count the server reported
 * in its frames (docs/protocol.md §3.4); /metrics counts at least as many.
 */
test('a console that cannot keep up with telemetry shows the values conflated for it', async ({ page }) => {
  test.setTimeout(180_000);
  const server = await PlantServer.start({ scale: 50_000 });
  try {
    await openConsole(page, server.url);
    await expect(page.getByTestId('conflation')).toHaveCount(0);
    await page.evaluate(() => {
      const end = performance.now() + 8000;
      while (performance.now() < end) {
        // frozen: no frame is applied or acknowledged
      }
    });
    const indicator = page.getByTestId('conflation');
    await expect(indicator).toBeVisible({ timeout: 60_000 });
    const shown = Number(await indicator.getAttribute('data-samples'));
    expect(shown).toBeGreaterThan(0);
    await expect(indicator).toContainText('个数值已合并');
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    const total = Number(/^vigil_samples_conflated_total (\d+)/m.exec(metrics)?.[1] ?? 0);
    expect(total).toBeGreaterThanOrEqual(shown);
    await shot(page, 'conflation-indicator');
  } finally {
    await server.dispose();
  }
});
