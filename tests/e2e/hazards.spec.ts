import { expect, test, type Browser, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HazardRecord } from '../../shared/hazard/model';
import type { JournalEvent } from '../../shared/state/events';
import { inject, rest } from './alarmPage';
import { fetchPlant, shot, waitLive, waitRenders } from './consolePage';
import { PlantServer } from './plantServer';

/**
 * Issue 4's hidden-hazard story in the browser, with three signed-in people:
 * an inspection robot's thermal camera sees a hot pump (a `hot_spot` injected on the equipment
 * of the robot's next checkpoint) → the finding becomes a work order, on the map and in the
 * list; the shift lead grades and assigns it with a deadline; the assignee (an operator account
 * linked to a registry person) rectifies it; a commander verifies and closes it (销号). A near
 * miss reported from the console's form is assigned with a short deadline and turns overdue.
 * Every step is in the journal. Screenshots: tests/e2e/screenshots/hazards-*.png.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MAIN = path.join(root, 'dist/server/main.js');

interface RobotView {
  def: { id: string; route: { id: string; position: [number, number, number]; equipment?: string; measure?: string[] }[] };
  status: { position: [number, number, number]; nextCheckpoint: number; state: string };
}
interface Standard {
  sensor: string;
  equipmentTypes: string[];
  limit: number;
  majorLimit?: number;
}

/** add-user with a registry person link (the fixture's addUser has no --person). */
async function addUser(dataDir: string, name: string, role: string, password: string, person?: string): Promise<void> {
  const args = [MAIN, 'add-user', name, role, '--data', dataDir, ...(person ? ['--person', person] : [])];
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, VIGIL_PASSWORD: password }, stdio: 'inherit' });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`add-user exited with ${code}`);
}

/** A console in its own browser context, signed in as `user` (English UI). */
async function signedIn(browser: Browser, url: string, user: string, password: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await ctx.newPage();
  await page.goto(url);
  const form = page.getByTestId('sign-in');
  await form.getByTestId('lang-en').click();
  await form.getByLabel('User name').fill(user);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await waitLive(page);
  await page.getByTestId('dock-hazards').click();
  await expect(page.getByTestId('hazard-panel')).toBeVisible();
  return page;
}

async function openOrder(page: Page, id: string): Promise<void> {
  await page.getByTestId('hazard-pane-list').click();
  const detail = page.getByTestId('hazard-detail');
  // getAttribute waits for the element: ask only when a detail is open.
  const open = (await detail.count()) > 0 ? await detail.getAttribute('data-id') : null;
  if (open !== id) await page.getByTestId(`hazard-row-${id}`).click();
  await expect(detail).toHaveAttribute('data-id', id);
}

async function act(page: Page, action: string, fill?: () => Promise<void>): Promise<void> {
  await page.getByTestId(`hazard-action-${action}`).click();
  await fill?.();
  await page.getByTestId('hazard-form-send').click();
  await expect(page.locator('.hazard-form')).toHaveCount(0);
}

/** A datetime-local value `ms` from now in the page's local time (to the second). */
function localInput(page: Page, ms: number): Promise<string> {
  return page.evaluate((d) => {
    const t = new Date(Date.now() + d);
    const p = (n: number): string => String(n).padStart(2, '0');
    return `${t.getFullYear()}-${p(t.getMonth() + 1)}-${p(t.getDate())}T${p(t.getHours())}:${p(t.getMinutes())}:${p(t.getSeconds())}`;
  }, ms);
}

async function hazardEvents(server: PlantServer, id: string): Promise<{ action: string; actor: string; state: string }[]> {
  // Every page of the journal REST (5,000 events a page), oldest first.
  const events: JournalEvent[] = [];
  for (let after = 0; ; ) {
    const page = await rest<{ events: JournalEvent[]; lastSeq: number }>(server, `/api/v1/journal?after=${after}&limit=5000`);
    events.push(...page.events);
    if (page.events.length === 0 || page.events.at(-1)!.seq >= page.lastSeq) break;
    after = page.events.at(-1)!.seq;
  }
  return events.flatMap((e) => (e.type === 'hazard.changed' && e.payload.hazard.id === id ? [{ action: e.payload.action, actor: e.actor, state: e.payload.hazard.state }] : []));
}

test('a robot finding becomes a work order that is assigned, rectified and closed; a short deadline turns overdue; all journaled', async ({ browser }) => {
  test.setTimeout(480_000);
  const dataDir = await PlantServer.tempDir();
  let server: PlantServer | null = null;
  try {
    // Who is who: a registry maintenance person owes the fix; their account is linked to them.
    const registry = JSON.parse(await readFile(path.join(root, 'resources/plants/reference/people.json'), 'utf8')) as { people: { id: string; role: string; name: { en: string } }[] };
    const assignee = registry.people.find((p) => p.role === 'maintenance')!;
    await addUser(dataDir, 'li.wei', 'shift_lead', 'lead-pw-2024');
    await addUser(dataDir, 'zhang.gong', 'operator', 'fixer-pw-2024', assignee.id);
    await addUser(dataDir, 'chen.zong', 'commander', 'verify-pw-2024');
    server = await PlantServer.start({ dataDir, args: ['--no-local-session'] });
    const srv = server;
    const { plant } = await fetchPlant(srv.url);

    const lead = await signedIn(browser, srv.url, 'li.wei', 'lead-pw-2024');
    await waitRenders(lead, 2);
    const callsBefore = await lead.evaluate(() => window.__vigil!.renderCalls);
    expect(await lead.evaluate(() => window.__vigil!.hazardMarkers.length)).toBe(0);

    // docs/robots.md: a patrolling robot whose next checkpoint measures thermal, with a thermal standard for the equipment there (nearest first).
    const kindOf = new Map(plant.equipment.map((e) => [e.id, e.kind as string]));
    const choose = async () => {
      const { robots, standards } = await rest<{ robots: RobotView[]; standards: Standard[] }>(srv, '/api/v1/robots');
      const thermal = (eq: string | undefined): Standard | undefined => (eq ? standards.find((s) => s.sensor === 'thermal' && s.equipmentTypes.includes(kindOf.get(eq) ?? '')) : undefined);
      const candidates = robots.flatMap((r) => {
        const cp = r.def.route[r.status.nextCheckpoint]!;
        const std = thermal(cp.equipment);
        return std && cp.measure?.includes('thermal') && r.status.state === 'patrolling' ? [{ robot: r.def.id, cp, std, d: Math.hypot(cp.position[0] - r.status.position[0], cp.position[1] - r.status.position[1]) }] : [];
      });
      return candidates.sort((a, b) => a.d - b.d)[0];
    };
    let pick: Awaited<ReturnType<typeof choose>>;
    // Robots leave their docks after the first ticks: wait for one patrolling towards a thermal checkpoint.
    await expect.poll(async () => (pick = await choose()) !== undefined, { timeout: 120_000, intervals: [2000] }).toBe(true);
    const chosen = pick as Awaited<ReturnType<typeof choose>>;
    if (!chosen) throw new Error('no robot heading for a thermal checkpoint');
    // Hot, but under the major limit: a general (一般) hazard.
    const surfaceC = chosen.std.majorLimit ? (chosen.std.limit + chosen.std.majorLimit) / 2 : chosen.std.limit + 10;
    await inject(srv, { kind: 'hot_spot', equipment: chosen.cp.equipment!, surfaceC, durationS: 3600 });

    // The finding becomes a work order (source robot), live in the list and on the map.
    let order: HazardRecord | undefined;
    await expect
      .poll(
        async () => {
          order = (await rest<{ hazards: HazardRecord[] }>(srv, '/api/v1/hazards?source=robot')).hazards.find((h) => h.equipment === chosen.cp.equipment);
          return order?.id ?? null;
        },
        { timeout: 300_000, intervals: [2000] },
      )
      .not.toBeNull();
    const id = order!.id;
    const row = lead.getByTestId(`hazard-row-${id}`);
    await expect(row).toBeVisible();
    await expect(row).toHaveAttribute('data-state', 'reported');
    await lead.waitForFunction((h) => window.__vigil!.hazardMarkers.includes(h), id);
    await shot(lead, 'hazards-01-list');

    // Show on map: the camera flies there; hovering the marker names the order; a click selects it.
    await row.click();
    await expect(lead.getByTestId('hazard-evidence')).toContainText('thermal');
    await shot(lead, 'hazards-02-detail-reported');
    await lead.getByTestId('hazard-locate').click();
    await lead.waitForTimeout(1000);
    await waitRenders(lead, 2);
    const at = await lead.evaluate((h) => window.__vigil!.hazardScreenPosition(h), id);
    expect(at, 'the marker is on screen after "show on map"').not.toBeNull();
    await lead.mouse.move(at!.x, at!.y);
    await expect(lead.getByTestId('hazard-tip')).toHaveAttribute('data-id', id);
    await shot(lead, 'hazards-03-map-marker');
    await lead.locator('.hazard-detail-head .close').click();
    await expect(lead.getByTestId('hazard-detail')).toHaveCount(0);
    await lead.mouse.click(at!.x, at!.y);
    await expect(lead.getByTestId('hazard-detail')).toHaveAttribute('data-id', id);

    // The shift lead grades it general and assigns it to the registry person with a deadline.
    await act(lead, 'assess', async () => {
      await lead.getByTestId('hazard-input-grade').selectOption('general');
      await lead.getByTestId('hazard-input-note').fill('Bearing housing hot, no shutdown needed');
    });
    await expect(lead.getByTestId('hazard-detail-state')).toHaveText('Assessed');
    await act(lead, 'assign', async () => {
      await lead.getByTestId('hazard-input-assignee').selectOption(assignee.id);
      await lead.getByTestId('hazard-input-deadline').fill(await localInput(lead, 24 * 3_600_000));
    });
    await expect(lead.getByTestId('hazard-detail-state')).toHaveText('Assigned');
    await expect(lead.getByTestId('hazard-detail-assignee')).toHaveText(assignee.name.en);

    // The assignee, signed in on another console, sees only the buttons that are theirs.
    const fixer = await signedIn(browser, srv.url, 'zhang.gong', 'fixer-pw-2024');
    await openOrder(fixer, id);
    await expect(fixer.locator('[data-testid^=hazard-action-]')).toHaveCount(1);
    await act(fixer, 'start');
    await expect(fixer.getByTestId('hazard-detail-state')).toHaveText('Rectifying');
    await act(fixer, 'submit', () => fixer.getByTestId('hazard-input-note').fill('Regreased the bearing, surface back to 55 °C'));
    await expect(fixer.getByTestId('hazard-detail-state')).toHaveText('Awaiting verification');
    await expect(fixer.locator('[data-testid^=hazard-action-]')).toHaveCount(0);

    // A commander verifies and closes it (销号).
    const verifier = await signedIn(browser, srv.url, 'chen.zong', 'verify-pw-2024');
    await openOrder(verifier, id);
    await act(verifier, 'verify', async () => {
      await verifier.getByTestId('hazard-verify-pass').check();
      await verifier.getByTestId('hazard-input-note').fill('Checked on site with the thermal camera');
    });
    await expect(verifier.getByTestId('hazard-detail-state')).toHaveText('Closed');
    await shot(verifier, 'hazards-04-detail-closed');
    await expect(lead.getByTestId(`hazard-row-${id}`)).toHaveCount(0); // the list shows open orders by default
    await lead.waitForFunction((h) => !window.__vigil!.hazardMarkers.includes(h), id);

    // A near miss from the console's form; assigned with a short deadline, it turns overdue.
    await lead.getByTestId('hazard-pane-report').click();
    const area = plant.areas[0]!;
    await lead.getByTestId('nm-title').fill('Forklift nearly hit a pipe rack');
    await lead.getByTestId('nm-what').fill('A forklift reversing at the rack missed a 2-inch line by 10 cm');
    await lead.getByTestId('nm-consequence').fill('Line rupture and a solvent release');
    await lead.getByTestId('nm-area').selectOption(area.id);
    await lead.getByTestId('nm-people').selectOption(assignee.id);
    await shot(lead, 'hazards-05-nearmiss-form');
    await lead.getByTestId('nm-send').click();
    // Once reported, the new order opens in the list.
    await expect(lead.getByTestId('hazard-nearmiss')).toBeVisible();
    const nm = (await rest<{ hazards: HazardRecord[] }>(srv, '/api/v1/near-misses')).hazards[0]!;
    expect(nm.nearMiss?.peopleInvolved).toEqual([assignee.id]);
    expect(nm.area).toBe(area.id);
    await expect(lead.getByTestId('hazard-detail')).toHaveAttribute('data-id', nm.id);
    await expect(lead.getByTestId('hazard-nearmiss')).toBeVisible();
    await act(lead, 'assess', async () => {
      await lead.getByTestId('hazard-input-grade').selectOption('general');
    });
    await act(lead, 'assign', async () => {
      await lead.getByTestId('hazard-input-assignee').selectOption(assignee.id);
      await lead.getByTestId('hazard-input-deadline').fill(await localInput(lead, 8000));
    });
    await expect(lead.getByTestId(`hazard-row-${nm.id}`)).toHaveAttribute('data-overdue', 'true', { timeout: 30_000 });
    await expect.poll(async () => (await rest<HazardRecord>(srv, `/api/v1/hazards/${nm.id}`)).overdue, { timeout: 30_000 }).toBe(true);
    await expect(lead.getByTestId('hazard-detail-overdue')).toBeVisible();
    await lead.waitForFunction((h) => window.__vigil!.hazardMarkers.includes(h), nm.id);
    await lead.getByTestId('hazard-locate').click();
    await lead.waitForTimeout(1000);
    await waitRenders(lead, 2);
    expect(await lead.evaluate((h) => window.__vigil!.hazardScreenPosition(h), nm.id)).not.toBeNull();
    await shot(lead, 'hazards-06-overdue');

    // All hidden-hazard markers in one draw call: the map's draw calls did not grow.
    await waitRenders(lead, 2);
    expect(await lead.evaluate(() => window.__vigil!.renderCalls)).toBe(callsBefore);

    // Statistics from the server.
    await lead.getByTestId('hazard-pane-stats').click();
    const stats = lead.getByTestId('hazard-stats');
    await expect(stats).toBeVisible();
    expect(Number(await stats.getAttribute('data-total'))).toBeGreaterThanOrEqual(2);
    expect(Number(await stats.getAttribute('data-overdue'))).toBeGreaterThanOrEqual(1);
    await shot(lead, 'hazards-07-stats');
    await lead.getByTestId('lang-zh').click();
    await lead.getByTestId('hazard-pane-list').click();
    await expect(lead.getByTestId('hazard-panel')).toContainText('超期');
    await shot(lead, 'hazards-08-list-zh');

    // The journal holds every step, by whom.
    const steps = await hazardEvents(srv, id);
    expect(steps.map((s) => s.action)).toEqual(['report', 'assess', 'assign', 'start', 'submit', 'verify_pass']);
    expect(steps.map((s) => s.actor).slice(1)).toEqual(['li.wei', 'li.wei', 'zhang.gong', 'zhang.gong', 'chen.zong']);
    expect(steps.at(-1)!.state).toBe('closed');
    const late = await hazardEvents(srv, nm.id);
    expect(late.map((s) => s.action).slice(0, 4)).toEqual(['report', 'assess', 'assign', 'overdue']);
    // With 8 s granted, the escalation ladder (1.25×, 1.5×, 2× the granted time) follows within seconds.
    expect(late.slice(4).every((s) => s.action === 'escalate')).toBe(true);
  } finally {
    await server?.dispose();
    await rm(dataDir, { recursive: true, force: true });
  }
});
