import { expect, test, type Page } from '@playwright/test';
import { activeAlarms, inject } from './alarmPage';
import { fetchPlant, shot } from './consolePage';
import { PlantServer } from './plantServer';
import type { WallDiagnostics } from '../../renderer/src/wall/wallDiagnostics';

declare global {
  interface Window {
    __vigilWall?: WallDiagnostics;
  }
}

/**
 * The video wall (issue 8): a kiosk browser opens the plant server's URL with `?wall=1` and a
 * viewer token in the fragment. At 3840×2160 it must read from 5 m (smallest text ≥ 28 px, key
 * numbers much larger), update live, offer nothing that acts on the plant (no control in the
 * page; a command attempt through the console's own command path is refused before sending),
 * and come back by itself after the plant server is killed and restarted on the same port and
 * data directory — without a reload.
 */
test.use({ viewport: { width: 3840, height: 2160 } });

/** Font sizes of every visible element that holds text of its own, smallest first. */
function textSizes(page: Page): Promise<{ text: string; px: number; cls: string }[]> {
  return page.evaluate(() => {
    const out: { text: string; px: number; cls: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').trim();
      const el = n.parentElement;
      if (!text || !el) continue;
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      if (r.width === 0 || r.height === 0 || cs.visibility === 'hidden' || cs.display === 'none' || Number(cs.opacity) === 0) continue;
      if (r.bottom < 0 || r.right < 0 || r.top > innerHeight || r.left > innerWidth) continue;
      out.push({ text: text.slice(0, 40), px: parseFloat(cs.fontSize), cls: el.className && typeof el.className === 'string' ? el.className : el.tagName });
    }
    return out.sort((a, b) => a.px - b.px);
  });
}

async function waitWallLive(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => {
    const v = window.__vigil;
    return !!v && v.presence === 'live' && v.renders > 0 && v.markerCount > 0 && v.markerCount === v.tagCount;
  }, null, { timeout });
  await expect(page.getByTestId('wall-presence')).toHaveAttribute('data-presence', 'live');
}

test('the wall at 3840×2160: legible at 5 m, live, read-only, recovers by itself after a server restart', async ({ page }) => {
  test.setTimeout(300_000);
  const dataDir = await PlantServer.tempDir();
  await PlantServer.addUser(dataDir, 'wall', 'viewer', 'wall display passphrase');
  const server = await PlantServer.start({ dataDir, args: ['--no-local-session'] });
  try {
    const { plant } = await fetchPlant(server.url);
    // Provisioning: a viewer session's token in the URL fragment (never a password in the URL).
    const res = await fetch(`${server.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: 'wall', password: 'wall display passphrase' }) });
    const session = (await res.json()) as { ok: boolean; data: { token: string; user: { role: string } } };
    expect(session.data.user.role).toBe('viewer');
    await page.goto(`${server.url}/?wall=1&tour=0#token=${session.data.token}`);
    await waitWallLive(page);
    expect(page.url(), 'the token leaves the address bar').not.toContain(session.data.token);
    await expect(page.getByTestId('wall-age')).toHaveAttribute('data-age-ms', /^\d+$/);
    await expect(page.getByTestId('wall-health-offline')).toBeVisible();

    // Read-only: no control at all, and the command path refuses before sending.
    const controls = await page.locator('button, input, select, textarea, a[href], [role=button], [contenteditable=true]').count();
    expect(controls, 'a wall renders no control').toBe(0);
    await expect(page.getByTestId('dock')).toHaveCount(0);
    await expect(page.getByTestId('layout-menu')).toHaveCount(0);

    // Legible at 5 m: the smallest text on a 4K wall is ≥ 28 px; key numbers far larger.
    const sizes = await textSizes(page);
    expect(sizes.length).toBeGreaterThan(30);
    expect(sizes.filter((s) => s.px < 28), JSON.stringify(sizes.slice(0, 8))).toEqual([]);
    const big = await page.locator('.wall-big-n, .wall-prio-n').evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));
    expect(Math.min(...big)).toBeGreaterThanOrEqual(80);
    expect(parseFloat(await page.getByTestId('wall-clock').evaluate((e) => getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(44);
    await shot(page, '40-wall-overview-4k');

    // Live: an overpressure raises alarms, and the wall's counts change without a touch.
    const before = await page.locator('[data-testid^=wall-prio-]').evaluateAll((els) => els.reduce((a, e) => a + Number(e.getAttribute('data-count')), 0));
    const reactor = plant.equipment.find((e) => e.kind === 'reactor')!;
    await inject(server, { kind: 'overpressure', equipment: reactor.id, factor: 3, rampS: 2, durationS: 600 });
    await expect
      .poll(() => page.locator('[data-testid^=wall-prio-]').evaluateAll((els) => els.reduce((a, e) => a + Number(e.getAttribute('data-count')), 0)), { timeout: 60_000 })
      .toBeGreaterThan(before);
    await expect(page.getByTestId('wall-alarm-area').first()).toBeVisible();
    const alarm = (await activeAlarms(server)).find((a) => !a.lifecycle.acked)!;
    expect(alarm).toBeTruthy();
    const refused = await page.evaluate((id) => window.__vigilWall!.tryCommand('alarm.ack', { alarmIds: [id] }), alarm.id);
    expect(refused).toMatchObject({ ok: false, local: true });
    expect((await activeAlarms(server)).find((a) => a.id === alarm.id)!.lifecycle.acked, 'the server never got the ack').toBe(false);
    await shot(page, '41-wall-alarms-live-4k');

    // Recovery: kill the server, see "reconnecting", restart it on the same port and data; live again without a reload.
    await page.evaluate(() => ((window as unknown as { __notReloaded: boolean }).__notReloaded = true));
    await server.kill();
    await expect(page.getByTestId('wall-presence')).toHaveAttribute('data-presence', /reconnecting|offline|connecting/, { timeout: 15_000 });
    await expect(page.getByTestId('wall-age')).toHaveClass(/wall-age-old/, { timeout: 15_000 });
    await expect(page.getByTestId('wall-link')).toBeVisible();
    expect(parseFloat(await page.getByTestId('wall-link').evaluate((e) => getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(50);
    await shot(page, '42-wall-reconnecting-4k');
    await server.start({ dataDir, port: server.port, args: ['--no-local-session'] });
    await expect(page.getByTestId('wall-presence')).toHaveAttribute('data-presence', 'live', { timeout: 30_000 });
    await expect.poll(() => page.getByTestId('wall-age').getAttribute('data-age-ms').then(Number), { timeout: 30_000 }).toBeLessThan(5000);
    expect(await page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBe(true);
    await expect(page.getByTestId('wall-age')).not.toHaveClass(/wall-age-old/, { timeout: 15_000 });
    await expect(page.getByTestId('wall-link')).toHaveCount(0);
    await shot(page, '43-wall-live-again-4k');
  } finally {
    await server.dispose();
  }
});

test('the wall alarm screen (one display of a multi-monitor wall) is large and read-only', async ({ page }) => {
  test.setTimeout(180_000);
  const server = await PlantServer.start();
  try {
    const { plant } = await fetchPlant(server.url);
    const reactor = plant.equipment.find((e) => e.kind === 'reactor')!;
    await inject(server, { kind: 'overpressure', equipment: reactor.id, factor: 3, rampS: 2, durationS: 600 });
    // Loopback kiosk on the plant server's own machine: the local session, still read-only.
    await page.goto(`${server.url}/?wall=1&view=alarms`);
    await expect(page.getByTestId('wall-presence')).toHaveAttribute('data-presence', 'live', { timeout: 60_000 });
    await expect(page.getByTestId('wall-alarm-row').first()).toBeVisible({ timeout: 60_000 });
    expect(await page.locator('button, input, select, textarea, a[href], [role=button]').count()).toBe(0);
    const sizes = await textSizes(page);
    expect(sizes.filter((s) => s.px < 28), JSON.stringify(sizes.slice(0, 5))).toEqual([]);
    const refused = await page.evaluate(() => window.__vigilWall!.tryCommand('alarm.ack', { alarmIds: ['X:HH'] }));
    expect(refused).toMatchObject({ ok: false, local: true });
    // A drill: the console's DRILL banner on the wall, in wall type.
    const res = await fetch(`${server.url}/api/v1/drills`, { method: 'POST', headers: { authorization: `Bearer ${await server.adminToken()}`, 'content-type': 'application/json' }, body: JSON.stringify({ scenario: 'warehouse-fire' }) });
    expect(res.status, await res.clone().text()).toBe(201);
    await expect(page.getByTestId('drill-banner')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('drill-banner')).toContainText('DRILL');
    const drillText = await textSizes(page);
    expect(drillText.filter((s) => s.px < 28), JSON.stringify(drillText.slice(0, 5))).toEqual([]);
    expect(await page.locator('button, input, select, textarea, a[href], [role=button]').count()).toBe(0);
    await shot(page, '44-wall-alarm-screen-4k');
  } finally {
    await server.dispose();
  }
});
