/**
 * Electron main-process entry (bundled to dist/electron/main.cjs). It only adapts the real
 * Electron API to the ports of ./ports and hands over to runConsole; all logic lives in modules
 * that unit tests drive with fakes.
 */
import { app, BrowserWindow, dialog, ipcMain, Notification, screen, session, utilityProcess } from 'electron';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runConsole } from './consoleApp';
import { printWindowOptions } from './reportPdf';
import type { AppPort, ServerLauncher, ServerProcess } from './ports';

const appPort: AppPort = {
  requestSingleInstanceLock: () => app.requestSingleInstanceLock(),
  whenReady: () => app.whenReady(),
  quit: () => app.quit(),
  getPath: (name) => app.getPath(name),
  getAppPath: () => app.getAppPath(),
  getLocale: () => app.getLocale(),
  getVersion: () => app.getVersion(),
  get isPackaged() {
    return app.isPackaged;
  },
  onSecondInstance: (listener) => app.on('second-instance', () => listener()),
  onWebContentsCreated: (listener) => app.on('web-contents-created', (_event, contents) => listener(contents)),
  onBeforeQuit: (listener) => app.on('before-quit', () => listener()),
  onWindowAllClosed: (listener) => app.on('window-all-closed', () => listener()),
};

/**
 * A packaged app runs the server in Electron's own Node (utilityProcess), with better-sqlite3
 * rebuilt for Electron by electron-builder. Unpacked (development), node_modules is built for
 * the system Node, so the server runs under `node` (or VIGIL_NODE).
 */
const launchServer: ServerLauncher = (entry, args) => {
  if (app.isPackaged) {
    const child = utilityProcess.fork(entry, args, { stdio: 'pipe', serviceName: 'Vigil plant server' });
    const proc: ServerProcess = {
      stdout: child.stdout,
      stderr: child.stderr,
      onExit: (listener) => child.on('exit', (code) => listener(code)),
      kill: () => void child.kill(),
    };
    return proc;
  }
  const child = spawn(process.env['VIGIL_NODE'] ?? 'node', [entry, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  return {
    stdout: child.stdout,
    stderr: child.stderr,
    onExit: (listener) => child.on('exit', (code) => listener(code)),
    kill: () => void child.kill('SIGTERM'),
  };
};

function readFileOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

app.enableSandbox();

runConsole({
  app: appPort,
  ipcMain,
  session: () => session.defaultSession,
  createWindow: (options) => new BrowserWindow(options),
  launchServer,
  showError: ({ title, body }) => dialog.showErrorBox(title, body),
  readFile: readFileOrUndefined,
  argv: process.argv,
  env: process.env,
  preloadPath: path.join(__dirname, 'preload.cjs'),
  log: (line) => console.log(`[vigil] ${line}`),
  printWindow: { create: () => new BrowserWindow(printWindowOptions), tempDir: app.getPath('temp') },
  notify: ({ title, body, urgency }) => {
    if (!Notification.isSupported()) return false;
    new Notification({ title, body, urgency, silent: false }).show();
    return true;
  },
  wall: {
    // `screen` may only be used once the app is ready; runConsole asks for it after whenReady.
    screen: () => screen,
    createWindow: (options) => new BrowserWindow(options),
    writeFile: (file, text) => writeFileSync(file, text, 'utf8'),
  },
}).catch((err: unknown) => {
  console.error('[vigil] console failed to start', err);
  app.exit(1);
});
