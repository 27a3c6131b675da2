import { expect, type Page } from '@playwright/test';
import type { AlarmRecord } from '../../shared/alarm/model';
import type { Plant, Tag } from '../../shared/plant/schema';
import type { Injection } from '../../shared/protocol/injection';
import type { JournalEvent } from '../../shared/state/events';
import type { PlantServer } from './plantServer';

/** Helpers of the alarm end-to-end tests: injections, REST reads, waits on the console's hooks. */

export async function inject(server: PlantServer, injection: Injection): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/sim/inject`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await server.adminToken()}`, 'content-type': 'application/json' },
    body: JSON.stringify(injection),
  });
  const body = (await res.json()) as { ok: boolean; data?: { injectionId: string }; message?: string };
  expect(body.ok, body.message).toBe(true);
  return body.data!.injectionId;
}

export async function rest<T>(server: PlantServer, path: string): Promise<T> {
  const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${await server.adminToken()}` } });
  const body = (await res.json()) as { ok: boolean; data: T; message?: string };
  expect(body.ok, body.message).toBe(true);
  return body.data;
}

export type AlarmEvent = Extract<JournalEvent, { type: 'alarm.changed' }>;

/** Every alarm.changed event of the journal in [from, to), following its pages. */
export async function alarmJournal(server: PlantServer, from: number, to = Date.now() + 1000): Promise<AlarmEvent[]> {
  const out: AlarmEvent[] = [];
  let after = 0;
  for (;;) {
    const page = await rest<{ events: AlarmEvent[]; next: number | null }>(server, `/api/v1/alarms/journal?from=${from}&to=${to}&after=${after}&limit=5000`);
    out.push(...page.events);
    if (page.next === null) return out;
    after = page.next;
  }
}

export async function activeAlarms(server: PlantServer): Promise<AlarmRecord[]> {
  return (await rest<{ alarms: AlarmRecord[] }>(server, '/api/v1/alarms')).alarms;
}

/** A combustible-gas detector group (2oo3) at a storage tank: the release point of moment 2. */
export function tankDetectorGroup(plant: Plant): { group: string; tags: Tag[]; equipment: string } {
  const tanks = new Set(plant.equipment.filter((e) => e.kind === 'tank').map((e) => e.id));
  const groups = new Map<string, Tag[]>();
  for (const t of plant.tags) if (t.group && t.kind === 'gas_combustible' && t.equipment && tanks.has(t.equipment)) groups.set(t.group, [...(groups.get(t.group) ?? []), t]);
  const [group, tags] = [...groups].find(([, ts]) => ts.length === 3)!;
  return { group, tags, equipment: tags[0]!.equipment! };
}

export function alarmsState(page: Page): Promise<{ total: number; annunciated: number; unacked: number; banner: string | null; flooding: boolean; seq: number; selected: string | null }> {
  return page.evaluate(() => window.__vigil!.alarms);
}

/** Installs a long-task observer (before anything heavy happens) that keeps every long task. */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: [number, number][]; __shots: [number, number][] };
    w.__longTasks = [];
    w.__shots = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: false });
  });
}

/**
 * A screenshot whose time is left out of the long-task count: capturing the page makes the
 * browser read the WebGL canvas back on the main thread, which is the test's cost, not the
 * console's.
 */
export async function instrumentedShot(page: Page, shoot: () => Promise<unknown>): Promise<void> {
  const start = await page.evaluate(() => performance.now());
  await shoot();
  await page.waitForTimeout(50);
  await page.evaluate((s) => (window as unknown as { __shots: [number, number][] }).__shots.push([s, performance.now()]), start);
}

/** Durations of the long tasks so far, leaving out those that overlap a screenshot. */
export function longTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __longTasks: [number, number][]; __shots: [number, number][] };
    return w.__longTasks.filter(([s, d]) => !w.__shots.some(([a, b]) => s < b && s + d > a)).map(([, d]) => d);
  });
}
