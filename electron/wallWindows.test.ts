import { describe, expect, it } from 'vitest';
import { consoleWindowOptions } from './windowOptions';
import { WallWindows, type ScreenPort, type WallWindowOptions, type WallWindowPort } from './wallWindows';
import { defaultMonitorLayout, type DisplayInfo, type Rect } from './windowPlacement';

class FakeScreen implements ScreenPort {
  displays: DisplayInfo[] = [];
  private listeners: (() => void)[] = [];
  getAllDisplays(): DisplayInfo[] {
    return this.displays;
  }
  on(_event: string, listener: () => void): void {
    this.listeners.push(listener);
  }
  fire(): void {
    for (const l of this.listeners) l();
  }
}

class FakeWallWindow implements WallWindowPort {
  loaded: string[] = [];
  bounds: Rect;
  closed = false;
  constructor(readonly options: WallWindowOptions) {
    this.bounds = { x: options.x, y: options.y, width: options.width, height: options.height };
  }
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    return Promise.resolve();
  }
  setBounds(b: Rect): void {
    this.bounds = b;
  }
  setFullScreen(): void {}
  close(): void {
    this.closed = true;
  }
  isDestroyed(): boolean {
    return this.closed;
  }
}

const disp = (id: number, x: number): DisplayInfo => ({ id, bounds: { x, y: 0, width: 3840, height: 2160 } });

function rig(saved?: string) {
  const screen = new FakeScreen();
  const windows: FakeWallWindow[] = [];
  const store = { text: saved };
  const timers: (() => void)[] = [];
  const wall = new WallWindows(
    {
      screen,
      createWindow: (o) => {
        const w = new FakeWallWindow(o);
        windows.push(w);
        return w;
      },
      serverUrl: 'http://127.0.0.1:4870',
      webPreferences: consoleWindowOptions('/p/preload.cjs').webPreferences,
      readLayout: () => store.text,
      writeLayout: (t) => (store.text = t),
      log: () => undefined,
      setTimer: (fn) => timers.push(fn),
      clearTimer: () => undefined,
    },
    defaultMonitorLayout,
  );
  const settle = (): void => {
    while (timers.length) timers.shift()!();
  };
  return { screen, windows, store, wall, settle };
}

describe('WallWindows', () => {
  it('opens one frameless full-screen kiosk window per display, sandboxed, with its view', () => {
    const r = rig();
    r.screen.displays = [disp(1, 0), disp(2, 3840), disp(3, 7680)];
    r.wall.start();
    expect(r.windows).toHaveLength(3);
    for (const w of r.windows) {
      expect(w.options).toMatchObject({ frame: false, fullscreen: true, kiosk: true });
      expect(w.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    }
    expect(r.windows.map((w) => new URL(w.loaded[0]!).searchParams.get('view'))).toEqual(['overview', 'map', 'alarms']);
    expect(r.windows.map((w) => w.bounds.x)).toEqual([0, 3840, 7680]);
  });

  it('closes the window of an unplugged display and reopens it on replug, others untouched', () => {
    const r = rig();
    r.screen.displays = [disp(1, 0), disp(2, 3840), disp(3, 7680)];
    r.wall.start();
    r.screen.displays = [disp(1, 0), disp(3, 7680)];
    r.screen.fire();
    r.screen.fire();
    r.settle();
    expect(r.windows[1]!.closed).toBe(true);
    expect(r.windows[0]!.closed || r.windows[2]!.closed).toBe(false);
    expect(r.wall.current().map((p) => p.view)).toEqual(['overview', 'alarms']);
    r.screen.displays = [disp(1, 0), disp(2, 3840), disp(3, 7680)];
    r.screen.fire();
    r.settle();
    expect(r.windows).toHaveLength(4);
    expect(new URL(r.windows[3]!.loaded[0]!).searchParams.get('view')).toBe('map');
    expect(r.windows[3]!.bounds.x).toBe(3840);
  });

  it('restores the placement after a restart from the saved layout', () => {
    const first = rig();
    first.screen.displays = [disp(5, 0), disp(6, 3840)];
    first.wall.start();
    expect(JSON.parse(first.store.text!).slots.map((s: { displayId?: number }) => s.displayId)).toEqual([5, 6, undefined]);
    // Restart with the displays reported in another order and a third one added on the left.
    const second = rig(first.store.text);
    second.screen.displays = [disp(6, 3840), disp(9, -3840), disp(5, 0)];
    second.wall.start();
    const byView = Object.fromEntries(second.wall.current().map((p) => [p.view, p.displayId]));
    expect(byView).toEqual({ overview: 5, map: 6, alarms: 9 });
  });

  it('an invalid saved layout falls back to the default', () => {
    const r = rig('{"version":9}');
    r.screen.displays = [disp(1, 0)];
    r.wall.start();
    expect(r.wall.current().map((p) => p.view)).toEqual(['overview']);
  });
});
