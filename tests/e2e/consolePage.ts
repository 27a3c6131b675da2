import { expect, type Page } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plant } from '../../shared/plant/schema';
import type { VigilDiagnostics } from '../../renderer/src/diagnostics/diagnostics';

declare global {
  interface Window {
    __vigil?: VigilDiagnostics;
  }
}

export const screenshotDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');

/** Opens the console and waits until it is live and has drawn the plant with its markers. */
export async function openConsole(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await waitLive(page);
}

/** Opens a dock tab unless it is open already (a role's layout may open one at start; a click on the open tab folds the dock). */
export async function openTab(page: Page, tab: string): Promise<void> {
  if ((await page.getByTestId('dock').getAttribute('data-tab')) !== tab) await page.getByTestId(`dock-${tab}`).click();
  await expect(page.getByTestId('dock')).toHaveAttribute('data-tab', tab);
}

export async function waitLive(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => {
    const v = window.__vigil;
    return !!v && v.presence === 'live' && v.renders > 0 && v.markerCount > 0 && v.markerCount === v.tagCount;
  }, null, { timeout });
}

export async function fetchPlant(url: string): Promise<{ hash: string; plant: Plant }> {
  const res = await fetch(`${url}/api/v1/plant`);
  const body = (await res.json()) as { ok: boolean; data: { hash: string; plant: Plant } };
  expect(body.ok).toBe(true);
  return body.data;
}

export function look(page: Page, tagId: string): Promise<number | null> {
  return page.evaluate((id) => window.__vigil!.look(id), tagId);
}

export function presence(page: Page): Promise<string> {
  return page.evaluate(() => window.__vigil!.presence);
}

/** Waits until the map has rendered at least `n` more frames (rendering is on demand and slow in software). */
export async function waitRenders(page: Page, n = 1): Promise<void> {
  const start = await page.evaluate(() => window.__vigil!.renders);
  await page.waitForFunction((s) => window.__vigil!.renders >= s, start + n, { timeout: 30_000 });
}

export async function shot(page: Page, name: string): Promise<string> {
  await mkdir(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

export interface PixelStats {
  total: number;
  /** Pixels that differ from the map background colour. */
  nonBackground: number;
  /** Distinct colours (quantised to 4 bits per channel) covering at least 20 pixels. */
  distinctColours: number;
  /** Pixels with a clear hue (alarm colours): max-min channel spread over 80. */
  hued: number;
  warm: number;
  magenta: number;
}

/**
 * Statistics of a PNG's pixels, decoded by the browser in a blank page (no app CSP in the way).
 * `background` is the map's clear colour.
 */
export async function pixelStats(page: Page, png: Buffer, background = [0x7b, 0x7f, 0x84]): Promise<PixelStats> {
  const blank = await page.context().newPage();
  try {
    return await blank.evaluate(
      async ([b64, bg]) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = img.height;
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        const d = ctx.getImageData(0, 0, c.width, c.height).data;
        const counts = new Map<number, number>();
        let nonBackground = 0;
        let hued = 0;
        let warm = 0;
        let magenta = 0;
        for (let i = 0; i < d.length; i += 4) {
          const r = d[i]!;
          const g = d[i + 1]!;
          const b = d[i + 2]!;
          if (Math.abs(r - bg[0]!) + Math.abs(g - bg[1]!) + Math.abs(b - bg[2]!) > 24) nonBackground++;
          const key = ((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4);
          counts.set(key, (counts.get(key) ?? 0) + 1);
          const spread = Math.max(r, g, b) - Math.min(r, g, b);
          if (spread > 80) {
            hued++;
            if (r > 150 && b < 90 && r > g) warm++;
            if (r > 120 && b > 120 && g < 90) magenta++;
          }
        }
        const distinctColours = [...counts.values()].filter((n) => n >= 20).length;
        return { total: d.length / 4, nonBackground, distinctColours, hued, warm, magenta };
      },
      [png.toString('base64'), background] as const,
    );
  } finally {
    await blank.close();
  }
}

/**
 * Of all tags, the one whose marker is on screen (clear of the panels) and farthest from any
 * other marker, so that hovering it cannot hit a neighbour.
 */
export async function isolatedTag(page: Page, ids: string[]): Promise<{ id: string; x: number; y: number }> {
  return page.evaluate((all) => {
    const v = window.__vigil!;
    const pts: { id: string; x: number; y: number }[] = [];
    for (const id of all) {
      const p = v.screenPosition(id);
      if (p && p.x > 260 && p.x < window.innerWidth - 420 && p.y > 80 && p.y < window.innerHeight - 160) pts.push({ id, ...p });
    }
    let best = pts[0]!;
    let bestD = -1;
    for (const a of pts) {
      let near = Infinity;
      for (const b of pts) if (a !== b) near = Math.min(near, Math.hypot(a.x - b.x, a.y - b.y));
      if (near > bestD) {
        bestD = near;
        best = a;
      }
    }
    return best;
  }, ids);
}
