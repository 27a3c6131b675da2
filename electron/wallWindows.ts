/**
 * The wall's window manager: one frameless full-screen kiosk window per display, each loading
 * the renderer with its view (windowPlacement.ts decides which goes where). It re-plans when a
 * display is added, removed or changed, and writes the placement back so that a restart, or a
 * display unplugged and plugged back, puts every view where it was. Electron's `screen` and
 * BrowserWindow come in as ports (the binary is not available to tests: fakes drive this).
 */
import { diffPlans, monitorLayoutSchema, planWindows, rememberPlacement, wallUrl, type DisplayInfo, type MonitorLayout, type Rect, type WindowPlan } from './windowPlacement';
import type { SecureWebPreferences } from './windowOptions';

/** Electron's `screen`, reduced. */
export interface ScreenPort {
  getAllDisplays(): DisplayInfo[];
  on(event: 'display-added' | 'display-removed' | 'display-metrics-changed', listener: () => void): unknown;
}

export interface WallWindowOptions {
  readonly title: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly frame: false;
  readonly fullscreen: true;
  readonly kiosk: true;
  readonly autoHideMenuBar: true;
  readonly backgroundColor: string;
  readonly show: boolean;
  readonly webPreferences: SecureWebPreferences;
}

export interface WallWindowPort {
  loadURL(url: string): Promise<void>;
  setBounds(bounds: Rect): void;
  setFullScreen(on: boolean): void;
  close(): void;
  isDestroyed(): boolean;
}

export interface WallDeps {
  readonly screen: ScreenPort;
  readonly createWindow: (options: WallWindowOptions) => WallWindowPort;
  readonly serverUrl: string;
  readonly webPreferences: SecureWebPreferences;
  /** The saved layout's text (undefined when none) and where to write it back. */
  readonly readLayout: () => string | undefined;
  readonly writeLayout: (text: string) => void;
  readonly log: (line: string) => void;
  /** Screen events come in bursts (a replug fires removed, added, metrics); re-plan once they settle, ms. */
  readonly settleMs?: number;
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
}

export function wallWindowOptions(plan: WindowPlan, webPreferences: SecureWebPreferences): WallWindowOptions {
  return {
    title: `Vigil — ${plan.view}`,
    ...plan.bounds,
    frame: false,
    fullscreen: true,
    kiosk: true,
    autoHideMenuBar: true,
    backgroundColor: '#1b1f24',
    show: true,
    webPreferences,
  };
}

/** Reads the saved layout; a missing or invalid file gives `fallback` (and says why in the log). */
export function readMonitorLayout(text: string | undefined, fallback: MonitorLayout, log: (line: string) => void): MonitorLayout {
  if (text === undefined) return fallback;
  try {
    return monitorLayoutSchema.parse(JSON.parse(text));
  } catch (err) {
    log(`wall layout ignored (${err instanceof Error ? err.message.split('\n')[0] : String(err)}); using the default`);
    return fallback;
  }
}

export class WallWindows {
  private layout: MonitorLayout;
  private plans: WindowPlan[] = [];
  private readonly windows = new Map<number, WallWindowPort>();
  private timer: unknown = null;

  constructor(
    private readonly deps: WallDeps,
    fallback: MonitorLayout,
  ) {
    this.layout = readMonitorLayout(deps.readLayout(), fallback, deps.log);
  }

  /** Opens the windows for the displays connected now and follows screen events from then on. */
  start(): void {
    const replan = (): void => this.schedule();
    this.deps.screen.on('display-added', replan);
    this.deps.screen.on('display-removed', replan);
    this.deps.screen.on('display-metrics-changed', replan);
    this.apply();
  }

  /** The windows open now, by slot (for tests and logs). */
  current(): readonly WindowPlan[] {
    return this.plans;
  }

  window(slot: number): WallWindowPort | undefined {
    return this.windows.get(slot);
  }

  private schedule(): void {
    const set = this.deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    const clear = this.deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
    if (this.timer !== null) clear(this.timer);
    this.timer = set(() => {
      this.timer = null;
      this.apply();
    }, this.deps.settleMs ?? 500);
  }

  /** Re-plans against the displays now and opens, closes and moves windows to match. */
  apply(): void {
    const next = planWindows(this.layout, this.deps.screen.getAllDisplays());
    const diff = diffPlans(this.plans, next);
    for (const slot of diff.close) {
      const w = this.windows.get(slot);
      this.windows.delete(slot);
      if (w && !w.isDestroyed()) w.close();
      this.deps.log(`wall: slot ${slot} closed (its display is gone)`);
    }
    for (const p of diff.move) {
      const w = this.windows.get(p.slot);
      if (!w || w.isDestroyed()) {
        diff.open.push(p);
        continue;
      }
      // Leave full screen first: a full-screen window ignores new bounds on some platforms.
      w.setFullScreen(false);
      w.setBounds(p.bounds);
      w.setFullScreen(true);
      this.deps.log(`wall: slot ${p.slot} (${p.view}) moved to display ${p.displayId}`);
    }
    for (const p of diff.open) {
      const w = this.deps.createWindow(wallWindowOptions(p, this.deps.webPreferences));
      this.windows.set(p.slot, w);
      w.loadURL(wallUrl(this.deps.serverUrl, p.view, p.slot)).catch(() => undefined);
      this.deps.log(`wall: slot ${p.slot} (${p.view}) on display ${p.displayId}`);
    }
    this.plans = next;
    const remembered = rememberPlacement(this.layout, next);
    if (JSON.stringify(remembered) !== JSON.stringify(this.layout)) {
      this.layout = remembered;
      try {
        this.deps.writeLayout(`${JSON.stringify(remembered, null, 2)}\n`);
      } catch (err) {
        this.deps.log(`wall: layout not saved (${err instanceof Error ? err.message : String(err)})`);
      }
    }
  }
}
