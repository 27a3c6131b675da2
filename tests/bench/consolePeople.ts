/**
 * Console people (`bench: "console-people"`, `--only console-people`): 5,000 badges at 1 Hz
 * drawn by the console in Chromium. A real plant server (the built one, `dist/server/main.js`)
 * runs with the RTLS position source (`VIGIL_PEOPLE_SOURCE=rtls`, no people simulator); the
 * bench imports N people with badges (POST /api/v1/people/import) and, as a gateway would,
 * posts one batch of N fixes a second to POST /api/v1/rtls/fixes (a seeded random walk inside
 * the plant's areas). Debian's Chromium opens the console (WebGL on SwiftShader in the GPU
 * process, as tests/e2e/alarmFlood.spec.ts does) and, once everyone is on site, the page
 * reports: draw calls the people layer made in a render (measured by its objects'
 * onBeforeRender), people on site and instances drawn, the map's draw calls, and the main-thread
 * time of each positions frame the console applied (decode + people table + occupancy: the
 * `vigil.positions.apply` User Timing measure, collected by a PerformanceObserver), with the
 * frame's size. Needs the renderer built (`node build/build.mjs`); kept under a minute.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { PlantServer } from '../e2e/plantServer';
import { findAppRoot } from '../../server/appRoot';
import type { Plant } from '../../shared/plant/schema';
import { createRng } from '../../shared/util/rng';
import { PEOPLE_LAYER_MEASURE, POSITIONS_MEASURE } from '../../renderer/src/diagnostics/measures';

export interface ConsolePeopleOptions {
  badges: number;
  /** Seconds of 1 Hz frames measured once everyone is on site. */
  seconds: number;
}

export interface ConsolePeopleResult {
  badges: number;
  /** People the console held on site when measured (all badges once fixed). */
  onSite: number;
  /** Draw calls of the people layer in one render (goal 1). */
  peopleLayerDrawCalls: number;
  /** Instances of the people mesh (≥ onSite; people not on site are scaled to nothing). */
  peopleInstances: number;
  /** Draw calls of the whole map in that render. */
  mapDrawCalls: number;
  /** Positions frames applied while measured, their mean people rows, and their main-thread time (decode + people table + occupancy), ms. */
  frames: number;
  rowsPerFrame: number;
  applyMs: Quantiles;
  /** Rewrites of the people instances in the renders after the frames (main thread, before the draw), rows and ms. */
  layerUpdates: number;
  rowsPerLayerUpdate: number;
  layerUpdateMs: Quantiles;
  fixesAccepted: number;
  fixesRefused: number;
  seconds: number;
}

export interface Quantiles {
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

const r2 = (v: number): number => Math.round(v * 100) / 100;

/** Count, mean rows and time quantiles of a list of measures. */
function stats(ms: { ms: number; rows: number }[]): { n: number; rows: number; ms: Quantiles } {
  const sorted = ms.map((m) => m.ms).sort((a, b) => a - b);
  const q = (p: number): number => r2(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN);
  const mean = (f: (m: { ms: number; rows: number }) => number): number => r2(ms.reduce((a, m) => a + f(m), 0) / Math.max(1, ms.length));
  return { n: ms.length, rows: Math.round(mean((m) => m.rows)), ms: { p50: q(0.5), p95: q(0.95), max: q(1), mean: mean((m) => m.ms) } };
}

const GPU_PROCESS_SWIFTSHADER = ['--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Why the bench cannot run here (renderer not built, no Chromium), or null. */
export function consolePeopleUnavailable(): string | null {
  const root = findAppRoot();
  if (!existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) return 'renderer not built: run `node build/build.mjs` first';
  if (!existsSync(path.join(root, 'dist', 'server', 'main.js'))) return 'server not built';
  if (!existsSync('/usr/bin/chromium')) return 'no /usr/bin/chromium';
  return null;
}

async function api<T>(server: PlantServer, method: 'GET' | 'POST', route: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}/api/v1${route}`, {
    method,
    headers: { authorization: `Bearer ${await server.adminToken()}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const ack = (await res.json()) as { ok: boolean; data: T; message?: string };
  if (!ack.ok) throw new Error(`${method} ${route}: ${ack.message}`);
  return ack.data;
}

export async function runConsolePeople(opts: ConsolePeopleOptions): Promise<ConsolePeopleResult> {
  const before = process.env.VIGIL_PEOPLE_SOURCE;
  process.env.VIGIL_PEOPLE_SOURCE = 'rtls';
  const server = await PlantServer.start().finally(() => {
    if (before === undefined) delete process.env.VIGIL_PEOPLE_SOURCE;
    else process.env.VIGIL_PEOPLE_SOURCE = before;
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: GPU_PROCESS_SWIFTSHADER });
  let feeding = true;
  let feeder: Promise<void> | null = null;
  let accepted = 0;
  let refused = 0;
  try {
    const plant = (await api<{ plant: Plant }>(server, 'GET', '/plant')).plant;
    const reg = await api<{ teams: { id: string }[] }>(server, 'GET', '/people');
    const n = opts.badges;
    const people = Array.from({ length: n }, (_, i) => ({
      id: `BENCH-${i}`,
      name: { zh: `测试${i}`, en: `Bench ${i}` },
      role: 'operator',
      team: reg.teams[0]!.id,
      badge: `BB-${i}`,
      areas: [],
    }));
    await api(server, 'POST', '/people/import', { people });

    // The gateway: one batch of every badge a second, each walking a little inside an area.
    const rng = createRng(42);
    const rand = (): number => rng.next();
    const areas = plant.areas;
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const a = areas[i % areas.length]!;
      x[i] = a.min[0] + 2 + rand() * (a.max[0] - a.min[0] - 4);
      y[i] = a.min[1] + 2 + rand() * (a.max[1] - a.min[1] - 4);
    }
    const feed = async (): Promise<void> => {
      while (feeding) {
        const t = Date.now();
        const fixes = new Array(n);
        for (let i = 0; i < n; i++) {
          const a = areas[i % areas.length]!;
          x[i] = Math.min(a.max[0] - 1, Math.max(a.min[0] + 1, x[i]! + (rand() - 0.5) * 1.4));
          y[i] = Math.min(a.max[1] - 1, Math.max(a.min[1] + 1, y[i]! + (rand() - 0.5) * 1.4));
          fixes[i] = { badge: `BB-${i}`, t, x: Math.round(x[i]! * 100) / 100, y: Math.round(y[i]! * 100) / 100, battery: 90 };
        }
        const r = await api<{ accepted: number; refused: Record<string, number> }>(server, 'POST', '/rtls/fixes', { fixes });
        accepted += r.accepted;
        refused += Object.values(r.refused).reduce((s, k) => s + k, 0);
        await sleep(Math.max(0, 1000 - (Date.now() - t)));
      }
    };
    feeder = feed();

    const page = await browser.newPage({ viewport: { width: 1600, height: 900 }, locale: 'zh-CN' });
    await page.goto(server.url);
    await page.waitForFunction((want) => {
      const v = window.__vigil;
      return !!v && v.presence === 'live' && v.renders > 0 && v.people.onSite >= want;
    }, n, { timeout: 40_000 });
    // Collect the User Timing measures of the frames applied from now on.
    await page.evaluate(() => {
      const w = window as unknown as { __measured: { name: string; ms: number; rows: number }[] };
      w.__measured = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__measured.push({ name: e.name, ms: e.duration, rows: ((e as PerformanceMeasure).detail as { rows?: number } | null)?.rows ?? 0 });
      }).observe({ entryTypes: ['measure'] });
    });
    // The first ask installs the draw counters; the answer after the next renders is measured.
    await page.evaluate(() => window.__vigil!.layerDraws('people'));
    const rendersAt = await page.evaluate(() => window.__vigil!.renders);
    await sleep(opts.seconds * 1000);
    await page.waitForFunction((r) => window.__vigil!.renders > r + 1, rendersAt, { timeout: 20_000 });
    const seen = await page.evaluate(() => {
      const v = window.__vigil!;
      const w = window as unknown as { __measured: { name: string; ms: number; rows: number }[] };
      return { onSite: v.people.onSite, instances: v.people.drawn, peopleDraws: v.layerDraws('people'), calls: v.renderCalls, measured: w.__measured.slice() };
    });
    const apply = stats(seen.measured.filter((m) => m.name === POSITIONS_MEASURE));
    const layer = stats(seen.measured.filter((m) => m.name === PEOPLE_LAYER_MEASURE));
    return {
      badges: n,
      onSite: seen.onSite,
      peopleLayerDrawCalls: seen.peopleDraws,
      peopleInstances: seen.instances,
      mapDrawCalls: seen.calls,
      frames: apply.n,
      rowsPerFrame: apply.rows,
      applyMs: apply.ms,
      layerUpdates: layer.n,
      rowsPerLayerUpdate: layer.rows,
      layerUpdateMs: layer.ms,
      fixesAccepted: accepted,
      fixesRefused: refused,
      seconds: opts.seconds,
    };
  } finally {
    feeding = false;
    await feeder?.catch(() => undefined);
    await browser.close().catch(() => undefined);
    await server.dispose();
  }
}
