import { expect, test, type Page } from '@playwright/test';
import { fetchPlant, openConsole, shot, waitRenders } from './consolePage';
import { PlantServer } from './plantServer';

interface ZonesAnswer {
  onSite: number;
  roads: number;
  areas: { id: string; count: number }[];
  zones: { id: string; kind: string; count: number }[];
}
interface PeopleAnswer {
  people: { index: number; id: string; name: { zh: string; en: string }; role: string; latest: { onSite: boolean } | null }[];
}

async function api<T>(server: PlantServer, path: string): Promise<T> {
  const token = await server.adminToken();
  const res = await fetch(`${server.url}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json()) as { ok: boolean; data: T };
  expect(body.ok).toBe(true);
  return body.data;
}

/** People on screen (clear of the panels), the most isolated first, as [index, x, y]. */
function peopleOnScreen(page: Page): Promise<[number, number, number][]> {
  return page.evaluate(() => {
    const v = window.__vigil!;
    const pts: [number, number, number][] = [];
    for (let i = 0; i < 2000; i++) {
      const p = v.personScreenPosition(i);
      if (p && p.x > 260 && p.x < window.innerWidth - 380 && p.y > 120 && p.y < window.innerHeight - 420) pts.push([i, p.x, p.y]);
    }
    const isolation = (a: [number, number, number]): number => {
      let near = Infinity;
      for (const b of pts) if (a !== b) near = Math.min(near, Math.hypot(a[1] - b[1], a[2] - b[2]));
      return near;
    };
    return pts.map((p) => [p, isolation(p)] as const).sort((a, b) => b[1] - a[1]).map(([p]) => p);
  });
}

test('people on the map: markers, movement, hover, occupancy panel equal to the server, constant draw calls', async ({ page }) => {
  test.setTimeout(240_000);
  const server = await PlantServer.start();
  let referenceCalls: number;
  try {
    const { plant } = await fetchPlant(server.url);
    const registry = await api<PeopleAnswer>(server, '/people');
    await openConsole(page, server.url);

    // Markers: the console holds (and draws) exactly the people the server has on site.
    await page.waitForFunction(() => window.__vigil!.people.onSite > 0 && window.__vigil!.people.registryVersion >= 0, null, { timeout: 30_000 });
    await expect
      .poll(async () => {
        const zones = await api<ZonesAnswer>(server, '/zones');
        const mine = await page.evaluate(() => window.__vigil!.people.onSite);
        return mine === zones.onSite ? 'equal' : `console ${mine} vs server ${zones.onSite}`;
      }, { timeout: 20_000 })
      .toBe('equal');
    const onSite = await page.evaluate(() => window.__vigil!.people.onSite);
    expect(onSite).toBeGreaterThan(10);
    expect(onSite).toBeLessThanOrEqual(registry.people.length);
    expect(await page.evaluate(() => window.__vigil!.people.drawn)).toBeGreaterThanOrEqual(onSite);

    // Positions move within a few seconds.
    const before = await page.evaluate(() => {
      const v = window.__vigil!;
      const out: Record<number, { x: number; y: number }> = {};
      for (let i = 0; i < 2000; i++) {
        const p = v.personPosition(i);
        if (p) out[i] = p;
      }
      return out;
    });
    await page.waitForTimeout(4000);
    const moved = await page.evaluate((b) => {
      const v = window.__vigil!;
      let n = 0;
      for (const [i, p] of Object.entries(b)) {
        const q = v.personPosition(Number(i));
        if (q && Math.hypot(q.x - p.x, q.y - p.y) > 0.5) n++;
      }
      return n;
    }, before);
    expect(moved).toBeGreaterThan(0);

    // Hover: the tooltip names the person (zh, the page's locale) and their role.
    const roleZh: Record<string, string> = { operator: '操作工', shift_lead: '值班长', maintenance: '维修工', contractor: '承包商', visitor: '访客', hse: '安全员', fire_brigade: '消防队员', security: '门卫', lab: '化验员', manager: '管理人员', driver: '驾驶员' };
    let hovered: (typeof registry.people)[number] | null = null;
    for (const [index] of (await peopleOnScreen(page)).slice(0, 8)) {
      const p = await page.evaluate((i) => window.__vigil!.personScreenPosition(i), index);
      if (!p) continue;
      await page.mouse.move(p.x - 3, p.y - 3);
      await page.mouse.move(p.x, p.y);
      const tip = page.getByTestId('person-tooltip');
      if (!(await tip.isVisible({ timeout: 2000 }).catch(() => false))) continue;
      await expect(tip).toBeVisible({ timeout: 2000 }).catch(() => undefined);
      const name = await page.getByTestId('person-name').textContent().catch(() => null);
      hovered = registry.people.find((q) => q.name.zh === name) ?? null;
      if (hovered) break;
    }
    expect(hovered, 'a person on screen shows a tooltip with a registry name').not.toBeNull();
    await expect(page.getByTestId('person-role')).toContainText(roleZh[hovered!.role]!);
    await shot(page, 'people-01-hover');

    // Click selects; follow keeps the camera target on the person: they stay at the canvas centre.
    const index = await page.evaluate((id) => window.__vigil!.personIndex(id), hovered!.id);
    const at = await page.evaluate((i) => window.__vigil!.personScreenPosition(i), index);
    expect(at).not.toBeNull();
    await page.mouse.click(at!.x, at!.y);
    await expect(page.getByTestId('person-card')).toContainText(hovered!.name.zh);
    await page.getByTestId('person-follow').check();
    const box = (await page.getByTestId('map-canvas').boundingBox())!;
    await expect
      .poll(async () => {
        const p = await page.evaluate((i) => window.__vigil!.personScreenPosition(i), index);
        return p ? Math.round(Math.hypot(p.x - (box.x + box.width / 2), p.y - (box.y + box.height / 2))) : -1;
      }, { timeout: 10_000 })
      .toBeLessThan(12);
    await page.waitForTimeout(2000);
    const later = await page.evaluate((i) => window.__vigil!.personScreenPosition(i), index);
    expect(Math.hypot(later!.x - (box.x + box.width / 2), later!.y - (box.y + box.height / 2))).toBeLessThan(12);
    await shot(page, 'people-01b-follow');
    await page.getByTestId('person-follow').uncheck();

    // The occupancy panel's counts equal the server's /api/v1/zones counts (polled: both are live).
    await page.mouse.move(5, 5);
    await page.getByTestId('dock-people').click();
    await expect(page.getByTestId('people-panel')).toBeVisible();
    await expect
      .poll(async () => {
        const zones = await api<ZonesAnswer>(server, '/zones');
        const shown = await page.evaluate((ids) => ids.map((id) => document.querySelector(`[data-testid="occ-${id}"]`)?.getAttribute('data-count') ?? null), plant.areas.map((a) => a.id));
        const want = plant.areas.map((a) => String(zones.areas.find((z) => z.id === a.id)?.count ?? 0));
        const roads = await page.getByTestId('occ-roads').getAttribute('data-count');
        return JSON.stringify(shown) === JSON.stringify(want) && roads === String(zones.roads) ? 'equal' : `${JSON.stringify(shown)} vs ${JSON.stringify(want)}`;
      }, { timeout: 20_000 })
      .toBe('equal');
    const zones = await api<ZonesAnswer>(server, '/zones');
    for (const z of zones.zones.filter((q) => q.kind === 'confined')) await expect(page.getByTestId(`zone-${z.id}`)).toBeVisible();
    await shot(page, 'people-02-panel');

    // Closer: the busiest area from its camera preset, people among the equipment.
    const busiest = plant.areas.reduce((a, b) => ((zones.areas.find((z) => z.id === b.id)?.count ?? 0) > (zones.areas.find((z) => z.id === a.id)?.count ?? 0) ? b : a));
    await page.getByRole('button', { name: busiest.name.zh, exact: true }).first().click();
    await page.waitForTimeout(1500);
    await waitRenders(page, 1);
    await shot(page, 'people-04-area');

    // English.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByTestId('dock-people')).toContainText('People');
    await shot(page, 'people-03-panel-en');

    await waitRenders(page, 1);
    referenceCalls = await page.evaluate(() => window.__vigil!.renderCalls);
  } finally {
    await server.dispose();
  }

  // Draw calls: the same for a plant of 20,000 tags (people included: one call however many, even none).
  const large = await PlantServer.start({ scale: 20_000 });
  try {
    await openConsole(page, large.url);
    // The scaled plant may have nobody on site: the people layer draws its one call all the same.
    await waitRenders(page, 2);
    const calls = await page.evaluate(() => window.__vigil!.renderCalls);
    expect(referenceCalls).toBeGreaterThan(0);
    expect(calls).toBe(referenceCalls);
  } finally {
    await large.dispose();
  }
});
