import { expect, test } from '@playwright/test';
import { fetchPlant, openConsole, shot, waitRenders } from './consolePage';
import { PlantServer } from './plantServer';

/** Draw calls come from kinds of things, not from how many there are (one instanced mesh per kind). */
test('the map takes the same number of draw calls for the reference plant and for 20,000 tags', async ({ page }) => {
  test.setTimeout(240_000);
  const measure = async (scale?: number): Promise<{ calls: number; markers: number; tags: number }> => {
    const server = await PlantServer.start(scale ? { scale } : {});
    try {
      const { plant } = await fetchPlant(server.url);
      await openConsole(page, server.url);
      await waitRenders(page, 2);
      const r = await page.evaluate(() => ({ calls: window.__vigil!.renderCalls, markers: window.__vigil!.markerCount }));
      await shot(page, scale ? `06-scale-${scale}` : '06-scale-reference');
      return { ...r, tags: plant.tags.length };
    } finally {
      await server.dispose();
    }
  };
  const reference = await measure();
  const large = await measure(20_000);
  expect(reference.tags).toBeGreaterThanOrEqual(2000);
  expect(large.tags).toBeGreaterThanOrEqual(20_000);
  expect(reference.markers).toBe(reference.tags);
  expect(large.markers).toBe(large.tags);
  expect(reference.calls).toBeGreaterThan(0);
  // A few per kind of thing (ground, roads, buildings, equipment, sensors, alarm markers by
  // shape, risk shading, people, robots with their routes and checkpoints, hazards, threat zones
  // with outlines, sources and wind arrows, dispatch routes and units), never per item: layers
  // keep their calls even when empty, so the count never depends on the data.
  expect(reference.calls).toBeLessThanOrEqual(24);
  expect(large.calls).toBe(reference.calls);
});
