/**
 * Console main-thread cost per telemetry frame (`bench: "console-apply"`, `--only console`): a
 * real plant server (the built one, `dist/server/main.js --scale 50000`: 50,000 tags at 1 Hz, so
 * one frame of ~50,000 samples a second plus the ticks in between) and the built console in
 * Debian's Chromium (WebGL on SwiftShader, as tests/bench/consolePeople.ts). The console records
 * a User Timing measure per frame (`vigil.telemetry.apply`, renderer/src/data/LiveSource.ts):
 * decode (views on the received ArrayBuffer, no copy) + TagStore.apply (value, time, quality and
 * band per sample) + the store's change listeners (the map's dirty marking), i.e. everything the
 * frame costs on the main thread before the next render. A PerformanceObserver collects them.
 * Reported for the full frames (≥ 90 % of the tags) apart from the small ones. Needs the
 * renderer built (`node build/build.mjs`).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { PlantServer } from '../e2e/plantServer';
import { findAppRoot } from '../../server/appRoot';
import { TELEMETRY_MEASURE } from '../../renderer/src/data/telemetryConflation';
import { TagStore } from '../../renderer/src/stores/tagStore';
import { decodeFrame, encodeFrame } from '../../shared/protocol/frame';
import { loadPlant } from '../../server/plant/loadPlant';
import { scalePlant } from '../../server/plant/scalePlant';

/**
 * Where the time of one full frame goes, in Node's V8 (same engine as Chromium): decoding alone
 * (what a Web Worker could take off the main thread) against applying to the TagStore (which
 * must stay on the main thread, where the store lives). Median of `rounds`.
 */
async function splitInNode(tags: number, rounds: number): Promise<{ decodeMs: number; applyMs: number }> {
  const reference = await loadPlant(path.join(findAppRoot(), 'resources', 'plants', 'reference'));
  const plant = scalePlant(reference.plant, Math.max(tags, reference.plant.tags.length));
  const n = plant.tags.length;
  const store = new TagStore();
  store.reset(plant.tags);
  const decodeMs: number[] = [];
  const applyMs: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const ids = new Uint32Array(n);
    const values = new Float64Array(n);
    const times = new Float64Array(n).fill(1_700_000_000_000 + r * 1000);
    for (let i = 0; i < n; i++) {
      ids[i] = i;
      const t = plant.tags[i]!;
      // Mid-range with 1 % noise: a plant in normal operation (few band changes).
      values[i] = t.range.lo + (0.5 + (((i * 7919 + r * 31) % 1000) / 1000 - 0.5) * 0.02) * (t.range.hi - t.range.lo);
    }
    const buf = encodeFrame({ ids, values, times, quality: new Uint8Array(n) }, n, r);
    const t0 = performance.now();
    const f = decodeFrame(buf);
    const t1 = performance.now();
    store.apply(f);
    const t2 = performance.now();
    decodeMs.push(t1 - t0);
    applyMs.push(t2 - t1);
  }
  const med = (xs: number[]): number => r2([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!);
  return { decodeMs: Math.round(med(decodeMs) * 1000) / 1000, applyMs: med(applyMs) };
}

const ARGS = ['--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const r2 = (v: number): number => Math.round(v * 100) / 100;

export function consoleApplyUnavailable(): string | null {
  const root = findAppRoot();
  if (!existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) return 'renderer not built: run `node build/build.mjs` first';
  if (!existsSync(path.join(root, 'dist', 'server', 'main.js'))) return 'server not built';
  if (!existsSync('/usr/bin/chromium')) return 'no /usr/bin/chromium';
  return null;
}

function quantiles(xs: number[]): { p50: number; p95: number; max: number; mean: number } {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number): number => r2(s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN);
  return { p50: q(0.5), p95: q(0.95), max: q(1), mean: r2(s.reduce((a, b) => a + b, 0) / Math.max(1, s.length)) };
}

export async function runConsoleApply(opts: { tags: number; frames: number }): Promise<Record<string, unknown>[]> {
  const why = consoleApplyUnavailable();
  if (why) return [{ skipped: why }];
  const server = await PlantServer.start({ scale: opts.tags });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 }, locale: 'zh-CN' });
    await page.goto(server.url);
    await page.waitForFunction(() => window.__vigil?.presence === 'live' && window.__vigil.renders > 0, undefined, { timeout: 60_000 });
    await page.evaluate((name) => {
      const w = window as unknown as { __applied: { ms: number; samples: number }[] };
      w.__applied = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          if (e.name === name) w.__applied.push({ ms: e.duration, samples: ((e as PerformanceMeasure).detail as { samples?: number } | null)?.samples ?? 0 });
        }
      }).observe({ entryTypes: ['measure'] });
    }, TELEMETRY_MEASURE);
    // Full frames come once a second; wait for `frames` of them (bounded).
    const deadline = Date.now() + (opts.frames + 20) * 1000;
    let measured: { ms: number; samples: number }[] = [];
    while (Date.now() < deadline) {
      await sleep(1000);
      measured = await page.evaluate(() => (window as unknown as { __applied: { ms: number; samples: number }[] }).__applied.slice());
      if (measured.filter((m) => m.samples >= opts.tags * 0.9).length >= opts.frames) break;
    }
    const full = measured.filter((m) => m.samples >= opts.tags * 0.9);
    const small = measured.filter((m) => m.samples < opts.tags * 0.9);
    if (full.length === 0) throw new Error(`no full frames measured (${measured.length} frames in all)`);
    const conflated = await page.evaluate(() => document.querySelector('[data-testid="conflation"]')?.getAttribute('data-samples') ?? '0');
    return [
      {
        tags: opts.tags,
        frames: full.length,
        samplesPerFrame: Math.round(full.reduce((a, m) => a + m.samples, 0) / full.length),
        mainThreadMs: quantiles(full.map((m) => m.ms)),
        smallFrames: small.length,
        smallFrameMs: small.length > 0 ? quantiles(small.map((m) => m.ms)) : null,
        conflatedSamplesShown: Number(conflated),
        nodeSplit: await splitInNode(opts.tags, 30),
        what: 'decode + TagStore.apply + change listeners, per frame (User Timing in the console)',
      },
    ];
  } finally {
    await browser.close().catch(() => undefined);
    await server.dispose();
  }
}
