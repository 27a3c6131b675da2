import path from 'node:path';
import type { ConsoleConfig } from '../shared/ipc/api';
import type { AppPort, IpcMainPort, ServerLauncher, SessionPort, WindowPort } from './ports';
import { consoleWindowOptions, type ConsoleWindowOptions } from './windowOptions';
import { installSessionPolicy } from './contentPolicy';
import { hardenWebContents } from './navigationGuard';
import { registerIpcHandlers } from './ipcHandlers';
import { resolveServerUrl, SettingsError } from './serverUrl';
import { EmbeddedServerError, startEmbeddedServer, type EmbeddedServer } from './embeddedServer';
import { mainMessages, type Bilingual } from './messages';
import { printReportPdf, type PrintWindowPort } from './reportPdf';
import type { NativeNotice } from '../shared/ipc/api';
import { WallWindows, type ScreenPort, type WallWindowOptions, type WallWindowPort } from './wallWindows';
import { defaultMonitorLayout } from './windowPlacement';

/** Everything the console's main process needs from Electron and the OS, injected. */
export interface ConsoleDeps {
  readonly app: AppPort;
  readonly ipcMain: IpcMainPort;
  /** The default session; only valid once the app is ready. */
  readonly session: () => SessionPort;
  readonly createWindow: (options: ConsoleWindowOptions) => WindowPort;
  readonly launchServer: ServerLauncher;
  readonly showError: (message: Bilingual) => void;
  /** Reads a UTF-8 file; undefined when it does not exist. */
  readonly readFile: (file: string) => string | undefined;
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly preloadPath: string;
  readonly log: (line: string) => void;
  readonly serverStartTimeoutMs?: number;
  /** Delay before reloading the console after the server could not be reached. */
  readonly reloadDelayMs?: number;
  /** A hidden window to print incident reports to PDF in, and where its temporary page goes; without it the report prints from the renderer. */
  readonly printWindow?: { create: () => PrintWindowPort; tempDir: string };
  /** Native notifications (Electron's Notification); false where the OS has none. */
  readonly notify?: (notice: NativeNotice) => boolean;
  /** The displays and kiosk windows of a wall (`--wall` or VIGIL_WALL=1): one window per display (wallWindows.ts). */
  readonly wall?: {
    screen: () => ScreenPort;
    createWindow: (options: WallWindowOptions) => WallWindowPort;
    writeFile: (file: string, text: string) => void;
  };
}

/** A wall console: `--wall` on the command line or VIGIL_WALL=1. */
export function wantsWall(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): boolean {
  return argv.includes('--wall') || env['VIGIL_WALL'] === '1';
}

export interface RunningConsole {
  /** The console window; null on a wall, whose windows `wall` holds. */
  readonly window: WindowPort | null;
  readonly wall?: WallWindows;
  readonly config: ConsoleConfig;
  readonly embedded: EmbeddedServer | null;
}

/** Brings the existing window to the front (a second launch of the app does this). */
export function focusWindow(window: WindowPort | null): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/**
 * Runs the console: single instance, server URL from settings or an embedded plant server, the
 * session policy, IPC, and one hardened window loading the renderer from the plant server.
 * Resolves with what it started, or null when this launch handed over to a running instance or
 * could not start (the operator has been told why, and the app quits).
 */
export async function runConsole(deps: ConsoleDeps): Promise<RunningConsole | null> {
  const { app } = deps;
  if (!app.requestSingleInstanceLock()) {
    deps.log('another Vigil console is running; handing over to it');
    app.quit();
    return null;
  }
  let window: WindowPort | null = null;
  let quitting = false;
  app.onSecondInstance(() => focusWindow(window));
  app.onWindowAllClosed(() => app.quit());
  await app.whenReady();

  let serverUrl: string;
  let embedded: EmbeddedServer | null = null;
  try {
    const resolved = resolveServerUrl({
      argv: deps.argv,
      env: deps.env,
      readSettings: () => deps.readFile(path.join(app.getPath('userData'), 'settings.json')),
    });
    if (resolved) {
      serverUrl = resolved.url;
      deps.log(`plant server ${serverUrl} (from ${resolved.source})`);
    } else {
      const appPath = app.getAppPath();
      embedded = await startEmbeddedServer(deps.launchServer, {
        entry: path.join(appPath, 'dist', 'server', 'main.js'),
        dataDir: path.join(app.getPath('userData'), 'plant-data'),
        plantDir: path.join(appPath, 'resources', 'plants', 'reference'),
        timeoutMs: deps.serverStartTimeoutMs ?? 60_000,
        onOutput: (line) => deps.log(`[server] ${line}`),
      });
      serverUrl = embedded.url;
      deps.log(`embedded plant server at ${serverUrl}`);
      const started = embedded;
      app.onBeforeQuit(() => {
        quitting = true;
        started.stop();
      });
      started.process.onExit((code) => {
        if (!quitting) deps.showError(mainMessages.embeddedStopped(code));
      });
    }
  } catch (err) {
    if (err instanceof SettingsError) deps.showError(mainMessages.settingsInvalid(err.message));
    else if (err instanceof EmbeddedServerError) deps.showError(mainMessages.embeddedFailed(err.message, err.output));
    else deps.showError(mainMessages.embeddedFailed(err instanceof Error ? err.message : String(err), ''));
    app.quit();
    return null;
  }

  const consoleOrigin = new URL(serverUrl).origin;
  const config: ConsoleConfig = { serverUrl, locale: app.getLocale() || 'en', embedded: embedded !== null, appVersion: app.getVersion() };
  installSessionPolicy(deps.session(), consoleOrigin);
  app.onWebContentsCreated((contents) => hardenWebContents(contents, consoleOrigin, (what, url) => deps.log(`denied ${what} to ${url}`)));
  registerIpcHandlers(deps.ipcMain, {
    consoleOrigin,
    config: () => config,
    onRejected: (error) => deps.log(error.message),
    ...(deps.notify ? { notify: deps.notify } : {}),
    ...(deps.printWindow ? { printPdf: (html: string) => printReportPdf(html, { createWindow: deps.printWindow!.create, tempDir: deps.printWindow!.tempDir }) } : {}),
  });

  if (deps.wall && wantsWall(deps.argv, deps.env)) {
    const layoutFile = path.join(app.getPath('userData'), 'wall-layout.json');
    const wallDeps = deps.wall;
    const wall = new WallWindows(
      {
        screen: wallDeps.screen(),
        createWindow: wallDeps.createWindow,
        serverUrl,
        webPreferences: consoleWindowOptions(deps.preloadPath).webPreferences,
        readLayout: () => deps.readFile(layoutFile),
        writeLayout: (text) => wallDeps.writeFile(layoutFile, text),
        log: deps.log,
      },
      defaultMonitorLayout,
    );
    wall.start();
    return { window: null, wall, config, embedded };
  }

  const win = deps.createWindow(consoleWindowOptions(deps.preloadPath));
  window = win;
  // The renderer caches the plant and last snapshot, but it is served by the plant server:
  // while that cannot be reached, keep retrying instead of leaving Chromium's error page.
  win.webContents.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
    // -3 is ERR_ABORTED: a load replaced by another one, not an unreachable server.
    if (!isMainFrame || errorCode === -3 || win.isDestroyed()) return;
    deps.log(`console failed to load ${validatedURL}: ${errorDescription} (${errorCode}); retrying`);
    setTimeout(() => {
      if (!win.isDestroyed()) win.loadURL(serverUrl).catch(() => undefined);
    }, deps.reloadDelayMs ?? 3000);
  });
  win.loadURL(serverUrl).catch(() => undefined);
  return { window: win, config, embedded };
}
