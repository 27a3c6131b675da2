import { expect, test, type Page } from '@playwright/test';
import type { Plant } from '../../shared/plant/schema';
import type { RobotsList } from '../../shared/robots/rest';
import { inject, rest } from './alarmPage';
import { rm } from 'node:fs/promises';
import { fetchPlant, openConsole, pixelStats, shot, waitLive, waitRenders } from './consolePage';
import { PlantServer } from './plantServer';

/**
 * Inspection robots and area head counts on the console against the real server: every robot
 * the plant defines is drawn (in one draw call, with its routes and checkpoints in one each)
 * and moves smoothly between the 1 Hz messages; a hover card names it with its state, battery,
 * next checkpoint and readings; a click selects it and the map can follow it; the Robots tab
 * shows what the server says of each robot; a robot fault turns it from grey to colour; a lead
 * sends a robot to a checkpoint; a hot spot a robot measures becomes a finding whose link flies
 * the map there. The area labels on the map count what the people panel and /api/v1/zones count.
 */

interface ZonesAnswer {
  onSite: number;
  areas: { id: string; count: number }[];
}

const robotsNow = (server: PlantServer): Promise<RobotsList> => rest<RobotsList>(server, '/api/v1/robots');

/** Label counts on the map and the people panel's counts, by area id. */
function shownCounts(page: Page, ids: string[]): Promise<{ labels: (string | null)[]; panel: (string | null)[] }> {
  return page.evaluate((areas) => {
    const attr = (sel: string): string | null => document.querySelector(sel)?.getAttribute('data-count') ?? null;
    return { labels: areas.map((a) => attr(`[data-testid="area-label"][data-area="${a}"]`)), panel: areas.map((a) => attr(`[data-testid="occ-${a}"]`)) };
  }, ids);
}

test('robots on the map and in their panel; area labels count what the panel and the server count', async ({ page }) => {
  test.setTimeout(300_000);
  const server = await PlantServer.start();
  try {
    const { plant } = await fetchPlant(server.url);
    const defs = plant.robots?.robots ?? [];
    expect(defs.length, 'the reference plant has robots').toBeGreaterThanOrEqual(3);
    await openConsole(page, server.url);

    // Every robot reports and is drawn; the layer is three draw calls (fleet, routes, checkpoints).
    await page.waitForFunction((n) => window.__vigil!.robots.reporting === n, defs.length, { timeout: 30_000 });
    expect(await page.evaluate(() => window.__vigil!.robots.drawn)).toBe(defs.length);
    await waitRenders(page, 1);
    await page.evaluate(() => window.__vigil!.layerDraws('robots'));
    await waitRenders(page, 2);
    expect(await page.evaluate(() => window.__vigil!.layerDraws('robots'))).toBe(3);

    // They move, and smoothly: between two 1 Hz messages the drawn position takes several values.
    const samples = await page.evaluate(async (n) => {
      const out: { x: number; y: number }[][] = [];
      for (let k = 0; k < 12; k++) {
        out.push(Array.from({ length: n }, (_, i) => window.__vigil!.robotPosition(i) ?? { x: NaN, y: NaN }));
        await new Promise((r) => setTimeout(r, 120));
      }
      return out;
    }, defs.length);
    const distinct = defs.map((_, i) => new Set(samples.map((s) => `${s[i]!.x.toFixed(3)},${s[i]!.y.toFixed(3)}`)).size);
    expect(Math.max(...distinct), 'positions drawn per robot over 1.4 s (more than the 1–2 messages)').toBeGreaterThan(3);

    // The panel says what the server says: state and battery of every robot.
    await page.getByTestId('dock-robots').click();
    await expect(page.getByTestId('robots-panel')).toBeVisible();
    await expect
      .poll(async () => {
        const server1 = await robotsNow(server);
        const shown = await page.evaluate((ids) => ids.map((id) => document.querySelector(`[data-testid="robot-${id}"]`)?.getAttribute('data-state') ?? null), defs.map((d) => d.id));
        const want = defs.map((d) => server1.robots.find((r) => r.def.id === d.id)?.status.state ?? null);
        return JSON.stringify(shown) === JSON.stringify(want) ? 'equal' : `${JSON.stringify(shown)} vs ${JSON.stringify(want)}`;
      }, { timeout: 20_000 })
      .toBe('equal');
    const list = await robotsNow(server);
    for (const r of list.robots) {
      const text = await page.getByTestId(`robot-${r.def.id}`).getByTestId('robot-battery').textContent();
      expect(Math.abs(Number(/(\d+)\s*%/.exec(text ?? '')?.[1]) - r.status.batteryPct), `${r.def.id} battery`).toBeLessThanOrEqual(2);
    }
    await shot(page, '30-robots-panel');

    // Hover: the card names the robot (zh), its model, state, battery, next checkpoint, last status age.
    await page.getByTestId('dock-robots').click();
    const hovered = await hoverARobot(page, defs.length);
    const def = defs[hovered]!;
    await expect(page.getByTestId('robot-name')).toHaveText(def.name.zh);
    const tip = page.getByTestId('robot-tooltip');
    await expect(tip).toContainText(def.model);
    await expect(tip.getByTestId('robot-battery')).toContainText('%');
    await expect(tip.getByTestId('robot-next')).toContainText('下一检查点');
    await expect(tip.getByTestId('robot-age')).toContainText('秒前');
    await shot(page, '31-robots-hover');

    // Click selects; follow keeps the robot at the canvas centre as it drives.
    const at = (await page.evaluate((i) => window.__vigil!.robotScreenPosition(i), hovered))!;
    await page.mouse.click(at.x, at.y);
    await expect(page.getByTestId('robot-card')).toContainText(def.name.zh);
    await page.getByTestId('robot-follow').check();
    const box = (await page.getByTestId('map-canvas').boundingBox())!;
    const offCentre = async (): Promise<number> => {
      const p = await page.evaluate((i) => window.__vigil!.robotScreenPosition(i), hovered);
      return p ? Math.round(Math.hypot(p.x - (box.x + box.width / 2), p.y - (box.y + box.height / 2))) : -1;
    };
    await expect.poll(offCentre, { timeout: 10_000 }).toBeLessThan(14);
    await page.waitForTimeout(2500);
    expect(await offCentre()).toBeLessThan(14);
    await shot(page, '32-robots-follow');
    await page.getByTestId('robot-follow').uncheck();

    // A fault turns the robot from grey to colour (magenta, larger) on the map and in the panel.
    const faulty = defs[0]!.id;
    await inject(server, { kind: 'robot_fault', robot: faulty, durationS: 600 });
    await page.getByTestId('dock-robots').click();
    await expect(page.getByTestId(`robot-${faulty}`)).toHaveAttribute('data-look', 'fault', { timeout: 15_000 });
    await expect(page.getByTestId(`robot-${faulty}`).getByTestId('robot-goto')).toBeDisabled();
    const fi = await page.evaluate((id) => window.__vigil!.robotIndex(id), faulty);
    await closeUpOn(page, faulty);
    await waitRenders(page, 2);
    const fp = (await page.evaluate((i) => window.__vigil!.robotScreenPosition(i), fi))!;
    const clip = { x: fp.x - 40, y: fp.y - 40, width: 80, height: 80 };
    const px = await pixelStats(page, await page.screenshot({ clip }));
    expect(px.magenta, 'magenta pixels of the faulted robot').toBeGreaterThan(20);
    await shot(page, '33-robots-fault');

    // A lead sends a robot to a checkpoint: the server has it investigating.
    const sent = defs[1]!;
    const section = page.getByTestId(`robot-${sent.id}`);
    const target = sent.route[Math.floor(sent.route.length / 2)]!.id;
    await section.getByTestId('robot-goto-checkpoint').selectOption(target);
    await section.getByTestId('robot-goto').click();
    await expect.poll(async () => (await robotsNow(server)).robots.find((r) => r.def.id === sent.id)?.status.state, { timeout: 15_000 }).toBe('investigating');
    await expect(section).toHaveAttribute('data-state', 'investigating', { timeout: 15_000 });

    // A hot spot on the equipment a patrolling robot heads for becomes a finding; its link flies the map there.
    const finding = await hotSpotFinding(server, plant, [faulty, sent.id]);
    const owner = page.getByTestId(`robot-${finding.robot}`);
    await expect(owner.getByTestId('robot-finding').first()).toContainText(finding.checkpoint, { timeout: 150_000 });
    await owner.getByTestId('robot-finding').first().getByRole('button').click();
    await page.waitForTimeout(1200);
    await waitRenders(page, 1);
    await shot(page, '34-robots-finding');

    // Area labels: legible at the overview, and their counts equal the panel's and the server's.
    await page.getByTestId('preset-overview').click();
    await page.waitForTimeout(1200);
    await page.getByTestId('dock-people').click();
    await expect(page.getByTestId('people-panel')).toBeVisible();
    const ids = plant.areas.map((a) => a.id);
    await expect
      .poll(async () => {
        const zones = await rest<ZonesAnswer>(server, '/api/v1/zones');
        const want = ids.map((id) => String(zones.areas.find((z) => z.id === id)?.count ?? 0));
        const shown = await shownCounts(page, ids);
        const same = JSON.stringify(shown.labels) === JSON.stringify(want) && JSON.stringify(shown.panel) === JSON.stringify(want);
        return same ? 'equal' : `labels ${JSON.stringify(shown.labels)} panel ${JSON.stringify(shown.panel)} server ${JSON.stringify(want)}`;
      }, { timeout: 20_000 })
      .toBe('equal');
    // At every later frame the labels still equal the panel (both read the same positions frame).
    for (let k = 0; k < 5; k++) {
      const shown = await shownCounts(page, ids);
      expect(shown.labels).toEqual(shown.panel);
      await page.waitForTimeout(700);
    }
    const visible = await page.locator('[data-testid="area-label"][data-hidden=""]').count();
    expect(visible, 'area labels shown at the overview').toBeGreaterThanOrEqual(Math.min(6, ids.length));
    await page.getByTestId('dock-people').click();
    await shot(page, '35-area-labels-overview');

    // English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByTestId('dock-robots').click();
    await expect(page.getByTestId('dock-robots')).toContainText('Robots');
    await expect(page.getByTestId(`robot-${faulty}`).getByTestId('robot-state')).toContainText('fault');
    await shot(page, '36-robots-panel-en');
  } finally {
    await server.dispose();
  }
});

test('an operator sees the robots but may not send one to a checkpoint: the button says why', async ({ page }) => {
  test.setTimeout(120_000);
  const dataDir = await PlantServer.tempDir();
  await PlantServer.addUser(dataDir, 'wang.fang', 'operator', 'rounds-2024');
  const server = await PlantServer.start({ dataDir, args: ['--no-local-session'] });
  try {
    await page.goto(server.url);
    const form = page.getByTestId('sign-in');
    await form.getByLabel('用户名').fill('wang.fang');
    await form.getByLabel('密码').fill('rounds-2024');
    await form.getByRole('button', { name: '登录' }).click();
    await waitLive(page);
    await page.waitForFunction(() => window.__vigil!.robots.reporting > 0, null, { timeout: 30_000 });
    await page.getByTestId('dock-robots').click();
    const goto = page.getByTestId('robot-goto').first();
    await expect(goto).toBeDisabled();
    await expect(goto).toHaveAttribute('title', '您的角色无此权限');
    await expect(page.locator('.robot-goto-reason').first()).toHaveText('您的角色无此权限');
    await shot(page, '37-robots-operator-cannot-send');
  } finally {
    await server.dispose();
    await rm(dataDir, { recursive: true, force: true });
  }
});

/** Moves the pointer onto robots until one shows its hover card; returns its index. */
async function hoverARobot(page: Page, n: number): Promise<number> {
  for (let attempt = 0; attempt < 3; attempt++) {
    for (let i = 0; i < n; i++) {
      const p = await page.evaluate((k) => window.__vigil!.robotScreenPosition(k), i);
      if (!p || p.x < 260 || p.x > 1600 - 380 || p.y < 120 || p.y > 900 - 200) continue;
      await page.mouse.move(p.x - 3, p.y - 3);
      await page.mouse.move(p.x, p.y);
      if (await page.getByTestId('robot-tooltip').isVisible({ timeout: 2500 }).catch(() => false)) return i;
    }
    // None on screen clear of the panels: look at the plant from higher up and try again.
    await page.mouse.move(800, 400);
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(800);
  }
  throw new Error('no robot showed a hover card');
}

/** Brings a robot to the canvas centre, close up: select it from the panel, follow it, zoom in, stop following. */
async function closeUpOn(page: Page, id: string): Promise<void> {
  await page.getByTestId(`robot-${id}`).locator('.robot-name').click();
  await page.getByTestId('robot-follow').check();
  await page.waitForTimeout(1500);
  await page.getByTestId('map-canvas').hover();
  for (let k = 0; k < 5; k++) await page.mouse.wheel(0, -500);
  await page.waitForTimeout(1200);
  await page.getByTestId('robot-follow').uncheck();
}

/** Injects a hot spot on the next thermal checkpoint's equipment of a patrolling robot (not one of `skip`); returns the robot and checkpoint. */
async function hotSpotFinding(server: PlantServer, plant: Plant, skip: string[]): Promise<{ robot: string; checkpoint: string }> {
  const list = await robotsNow(server);
  for (const r of list.robots) {
    if (skip.includes(r.def.id) || r.status.state === 'charging' || r.status.state === 'fault') continue;
    const n = r.def.route.length;
    for (let k = 0; k < n; k++) {
      const cp = r.def.route[(r.status.nextCheckpoint + k) % n]!;
      if (!cp.measure.includes('thermal') || !plant.equipment.some((e) => e.id === cp.equipment)) continue;
      await inject(server, { kind: 'hot_spot', equipment: cp.equipment, surfaceC: 180, durationS: 900 });
      return { robot: r.def.id, checkpoint: cp.id };
    }
  }
  throw new Error('no patrolling robot with a thermal checkpoint ahead');
}
