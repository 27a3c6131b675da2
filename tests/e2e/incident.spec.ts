import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPlantServer, type PlantServer } from '../../server/app';
import { loadPlant } from '../../server/plant/loadPlant';
import { createSimulator } from '../../server/sim/createSimulator';
import type { IncidentRecord } from '../../shared/incident/model';
import type { JournalEvent } from '../../shared/state/events';
import type { IncidentMapDiagnostics } from '../../renderer/src/ui/incident/useIncidentMap';
import { pixelStats, shot, waitLive, waitRenders } from './consolePage';

/**
 * Issue 5's first "Done when", in the browser: a scripted chlorine release at the tank farm
 * (gas_release at TK-301's release point) → the incident opens by itself with type and level →
 * the plan checklist starts → the plume bands appear, and turn when the wind changes → the
 * people inside are listed → the commander evacuates and the notices go out → dispatch
 * recommends the upwind team whose members hold valid SCBA certificates first → the commander
 * dispatches → the unit drives its route and arrives → muster reaches 100 % → the report
 * exports as HTML and PDF. Screenshots tests/e2e/screenshots/6x-incident-*.png.
 *
 * The plant server runs in this process (the real server, reference plant, real simulator,
 * built console from dist/renderer) because the wind is changed through the emergency
 * service's drill/test hook `setWindOverride` — there is no simulator injection for the wind
 * (docs/incidents.md §Threat zones). Real time throughout: the people simulator walks the
 * evacuees to their muster point, so the story takes a few minutes.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** TK-301's nearest release point (a flange at 1.4 m, resources/plants/reference/equipment.json). */
const RELEASE = { kind: 'gas_release', position: [718.3, 270, 1.4], chemical: 'chlorine', rateKgS: 2, durationS: 3600 } as const;

declare global {
  interface Window {
    __vigilIncident?: IncidentMapDiagnostics;
  }
}

let server: PlantServer;
let dataDir = '';
let token = '';

async function api<T>(p: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(server.url + p, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body });
  const body = (await res.json()) as { ok: boolean; data: T; message?: string };
  if (!body.ok) throw new Error(`${p}: ${body.message}`);
  return body.data;
}

const incidents = (): Promise<{ incidents: { incident: IncidentRecord }[] }> => api('/api/v1/incidents');
const threatIds = (page: Page): Promise<string[]> => page.evaluate(() => window.__vigilIncident?.threat().incidents ?? []);
const redCentre = (page: Page, id: string): Promise<[number, number] | null> => page.evaluate((i) => window.__vigilIncident?.redCentre(i) ?? null, id);
const units = (page: Page): Promise<{ id: string; state: string; position: [number, number] | null }[]> => page.evaluate(() => window.__vigilIncident?.dispatch() ?? []);

test.beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'vigil-e2e-incident-'));
  server = await createPlantServer({
    plant: await loadPlant(path.join(root, 'resources/plants/reference')),
    createSimulator,
    dataDir,
    host: '127.0.0.1',
    port: 0,
    rendererDir: process.env.VIGIL_E2E_RENDERER ?? path.join(root, 'dist/renderer'),
  });
  token = readFileSync(server.adminTokenFile, 'utf8').trim();
  // A steady west wind to start with (the met station wobbles; the test needs a known direction).
  server.emergency.service.setWindOverride({ speedMS: 3, fromDeg: 270 });
});

test.afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('a chlorine release at the tank farm, from the first alarm to the exported report', async ({ page }) => {
  test.setTimeout(6 * 60_000);
  await page.setViewportSize({ width: 1600, height: 1000 });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // Loopback consoles get a commander session without a password (the server's local session).
  await page.goto(server.url);
  await waitLive(page);
  // A commander's layout may open the dock on this tab already: clicking the open tab would fold it.
  if ((await page.getByTestId('dock').getAttribute('data-tab')) !== 'incident') await page.getByTestId('dock-incident').click();
  await expect(page.getByTestId('incident-panel')).toBeVisible();

  // 1. The release: the chlorine detector group confirms and the incident opens by itself.
  await api('/api/v1/sim/inject', { method: 'POST', json: RELEASE });
  await expect.poll(async () => (await incidents()).incidents.length, { timeout: 90_000 }).toBeGreaterThan(0);
  const inc = (await incidents()).incidents[0]!.incident;
  expect(inc.type).toBe('toxic_release');
  expect(inc.openedBy).toBe('system');
  expect(inc.source.chemical).toBe('chlorine');
  const head = page.getByTestId('incident-head');
  await expect(head).toHaveAttribute('data-type', 'toxic_release', { timeout: 15_000 });
  await expect(head.getByTestId('level-chip')).toHaveAttribute('data-level', /^(I|II|III|IV)$/);
  await expect(page.getByTestId('dock-incident')).toContainText(/I/);
  await expect(head.getByTestId('incident-source')).toContainText('估算');

  // 2. The plan checklist starts: activation ticked by the system, the rest counting down.
  const checklist = page.getByTestId('checklist');
  await expect(checklist.getByTestId('step-activate')).toHaveAttribute('data-state', 'done');
  await expect(checklist.locator('[data-state="pending"]').first()).toBeVisible();
  await checklist.getByTestId('step-done-confirm').click();
  await expect(checklist.getByTestId('step-confirm')).toHaveAttribute('data-state', 'done');
  await expect(checklist.getByTestId('step-confirm')).toContainText('local');
  await shot(page, '60-incident-opened');

  // 3. The plume bands appear on the map with the estimate label and the dense-gas warning.
  await expect.poll(() => threatIds(page), { timeout: 30_000 }).toContain(inc.id);
  const label = page.locator(`.threat-label[data-incident="${inc.id}"]`);
  await expect(label).toContainText('估算');
  await expect(label).toContainText('重气');
  const before = (await redCentre(page, inc.id))!;
  expect(before[0], 'west wind: the red band lies east of the source').toBeGreaterThan(RELEASE.position[0] + 20);
  await showOnMap(page);
  const bands = await pixelStats(page, await page.screenshot({ clip: await mapClip(page) }));
  expect(bands.nonBackground).toBeGreaterThan(1000);
  await shot(page, '61-incident-plume-bands');

  // 4. The wind turns to the north: the bands rotate to the south of the source.
  server.emergency.service.setWindOverride({ speedMS: 3, fromDeg: 0 });
  await expect.poll(async () => (await redCentre(page, inc.id))?.[1] ?? Infinity, { timeout: 30_000 }).toBeLessThan(RELEASE.position[1] - 20);
  const after = (await redCentre(page, inc.id))!;
  expect(Math.abs(after[0] - RELEASE.position[0])).toBeLessThan(20);
  await expect(label).toContainText('0°');
  await showOnMap(page);
  await shot(page, '62-incident-wind-change');

  // 5. The people inside are listed, by band, with names from the registry.
  const risk = page.getByTestId('people-at-risk');
  await expect.poll(() => risk.getByTestId('at-risk-person').count(), { timeout: 30_000 }).toBeGreaterThan(0);
  const listed = await risk.getByTestId('at-risk-person').count();
  const counted = server.ctx.engine.state.emergency.risk[inc.id]!.people.length;
  expect(listed).toBe(Math.min(counted, 60));

  // 6. Evacuate: notices with upwind or crosswind muster points, the board starts.
  await risk.getByTestId('evacuate').click();
  await page.getByTestId('evacuate-dialog').getByTestId('evacuate-confirm').click();
  await expect(risk.getByTestId('notices')).toHaveAttribute('data-count', /^[1-9]\d*$/, { timeout: 15_000 });
  const notice = server.ctx.engine.state.emergency.notices[inc.id]!;
  expect(notice.recipients).toBeGreaterThanOrEqual(listed);
  await expect(risk.getByTestId('muster')).toBeVisible();
  await shot(page, '63-incident-people-evacuate');

  // 7. Dispatch recommends the upwind team whose members hold a valid SCBA course first.
  const need = page.getByTestId('need-hazmat');
  const first = need.getByTestId('candidate').first();
  await expect(first).toHaveAttribute('data-recommended', 'true', { timeout: 30_000 });
  const unit = (await first.getAttribute('data-unit'))!;
  const resources = await api<{ teams: { id: string; requires: string[]; members: { person: string; qualifications: { type: string; status: string }[]; fit: boolean }[] }[] }>('/api/v1/resources');
  const team = resources.teams.find((t) => t.id === unit)!;
  const candidates = await api<{ candidates: { unit: string; rank: number; approachFromUpwind: boolean; qualifiedMembers: string[]; unfit: unknown[] }[] }>(`/api/v1/incidents/${inc.id}/dispatch/candidates?need=hazmat`);
  const rec = candidates.candidates.find((c) => c.unit === unit)!;
  expect(rec.rank).toBe(1);
  expect(rec.approachFromUpwind).toBe(true);
  expect(rec.unfit).toEqual([]);
  for (const p of rec.qualifiedMembers) {
    const m = team.members.find((x) => x.person === p)!;
    for (const q of team.requires) expect(['valid', 'expiring'], `${p} ${q}`).toContain(m.qualifications.find((x) => x.type === q)?.status);
  }
  // The hazmat team with the lapsed breathing-apparatus course (P-0128) never sends that member.
  const hz = candidates.candidates.find((c) => c.unit === 'TEAM-HAZMAT');
  if (hz) expect(hz.qualifiedMembers).not.toContain('P-0128');
  await expect(first).toContainText(/上风向/);
  await shot(page, '64-incident-dispatch-recommended');

  // 8. The commander dispatches; the unit drives its route on the map and arrives.
  await first.getByTestId(`dispatch-hazmat-${unit}`).click();
  await page.getByTestId(`dispatch-hazmat-${unit}-dialog`).getByTestId(`dispatch-hazmat-${unit}-confirm`).click();
  const row = page.getByTestId(`dispatch-${unit}`);
  await expect(row).toHaveAttribute('data-state', 'en_route', { timeout: 15_000 });
  await expect(row).toContainText('ETA');
  await expect.poll(async () => (await units(page)).length, { timeout: 10_000 }).toBe(1);
  const p0 = (await units(page))[0]!.position!;
  await page.waitForTimeout(4000);
  const p1 = (await units(page))[0]!.position!;
  expect(Math.hypot(p1[0] - p0[0], p1[1] - p0[1]), 'the unit moved along its route').toBeGreaterThan(2);
  const unitName = (await api<{ teams: { id: string; name: { zh: string } }[] }>('/api/v1/resources')).teams.find((t) => t.id === unit)!.name.zh;
  await expect(page.locator('.dispatch-label').first()).toContainText(`${unitName} 预计`);
  await expect(row).toContainText(unitName);
  await shot(page, '65-incident-unit-en-route');
  await expect(row).toHaveAttribute('data-state', 'arrived', { timeout: 240_000 });
  await expect(page.locator('.dispatch-label').first()).toHaveAttribute('data-state', 'arrived');
  await waitRenders(page, 1);
  await shot(page, '66-incident-unit-arrived');

  // 9. Muster reaches 100 %; t90 and t100 are recorded. The evacuees walk towards their points
  // (checked here), but the farthest need ~9 minutes on foot: once the walk is shown, the rest
  // are moved to their points (person_move teleport, as a badge feed would report them there),
  // and the board counts them from their positions like anyone else.
  const muster = risk.getByTestId('muster-count');
  const sent = (await api<{ events: JournalEvent[] }>('/api/v1/journal?after=0&limit=5000')).events.find(
    (e): e is Extract<JournalEvent, { type: 'incident.notice.sent' }> => e.type === 'incident.notice.sent' && e.payload.incidentId === inc.id,
  )!;
  const musterAt = new Map(server.ctx.loaded.plant.muster.map((m) => [m.id, m.position] as const));
  const distanceLeft = async (): Promise<number> => {
    let sum = 0;
    for (const r of sent.payload.recipients) {
      const fix = (await api<{ latest: { x: number; y: number } | null }>(`/api/v1/people/${r.person}`)).latest;
      const to = musterAt.get(r.musterPoint)!;
      if (fix) sum += Math.hypot(fix.x - to[0], fix.y - to[1]);
    }
    return sum;
  };
  const leftAtStart = await distanceLeft();
  // Routes go round the threat bands, so the straight-line distance left can fall slowly at first
  // (by ~6 m in 30 s at some hours of the day, when the bands lie across the walk).
  await expect.poll(distanceLeft, { timeout: 90_000, message: 'the evacuees walk towards their muster points' }).toBeLessThan(leftAtStart - 10);
  for (const r of sent.payload.recipients) {
    await api('/api/v1/sim/inject', { method: 'POST', json: { kind: 'person_move', person: r.person, to: musterAt.get(r.musterPoint)!, mode: 'teleport', durationS: 1800 } });
  }
  await expect(muster).toHaveAttribute('data-pct', '100', { timeout: 60_000 });
  await expect(risk.getByTestId('muster-t100')).not.toContainText('—');
  await shot(page, '67-incident-muster-100');

  // 10. The log has the story; a map snapshot goes into the report; the report exports.
  await page.getByTestId('log-note').fill('北门封闭，消防车走东环路 / north gate shut');
  await page.getByTestId('log-save').click();
  await expect(page.getByTestId('events-log').locator('li.decision').first()).toContainText('北门封闭');
  await page.getByTestId('snapshot').click();
  await expect.poll(async () => (await api<{ snapshots: unknown[] }>(`/api/v1/incidents/${inc.id}`)).snapshots.length, { timeout: 15_000 }).toBeGreaterThan(0);
  const download = page.waitForEvent('download');
  await page.getByTestId('report-html').click();
  const file = await (await download).path();
  const html = await readFile(file, 'utf8');
  expect(html).toContain(inc.id);
  expect(html).toContain('data:image/png;base64');
  expect(html).toMatch(/t100|100 ?%/);
  const report = await page.context().newPage();
  await report.setContent(html);
  await report.screenshot({ path: path.join(root, 'tests/e2e/screenshots/68-incident-report.png'), fullPage: false });
  const pdf = await report.pdf({ format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(20_000);
  await report.close();

  // The same board in English.
  await page.getByTestId('lang-en').click();
  await expect(page.getByTestId('incident-type')).toHaveText('Toxic release');
  await expect(label).toContainText('ESTIMATE');
  await shot(page, '69-incident-board-en');
  expect(pageErrors, 'errors thrown in the page').toEqual([]);
});

/** The map's canvas rectangle (page CSS px). */
async function mapClip(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = (await page.getByTestId('map-canvas').boundingBox())!;
  return { x: b.x, y: b.y, width: b.width, height: b.height };
}

/** The header's "show on map": the camera frames the source and the bands from the south. */
async function showOnMap(page: Page): Promise<void> {
  await page.getByTestId('incident-locate').click();
  await page.waitForTimeout(1500);
  await waitRenders(page, 1);
}
