/**
 * In-memory stand-ins for the Electron ports (../ports), for main-process unit tests. They
 * record what the code under test did and let a test fire the events Electron would.
 */
import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import type {
  AppPort,
  HeadersCallbackResponse,
  HeadersDetails,
  InvokeEvent,
  IpcMainPort,
  ServerProcess,
  SessionPort,
  WebContentsPort,
  WindowOpenResponse,
  WindowPort,
} from '../ports';
import type { ConsoleWindowOptions } from '../windowOptions';

export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeWebContents extends EventEmitter implements WebContentsPort {
  openHandler: ((details: { url: string }) => WindowOpenResponse) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenResponse): void {
    this.openHandler = handler;
  }
  /** Fires will-navigate (or another guarded event) and says whether it was prevented. */
  navigate(url: string, event: 'will-navigate' | 'will-redirect' = 'will-navigate'): boolean {
    const e = new FakeEvent();
    this.emit(event, e, url);
    return e.defaultPrevented;
  }
}

export class FakeWindow implements WindowPort {
  readonly webContents = new FakeWebContents();
  readonly loaded: string[] = [];
  readonly calls: string[] = [];
  minimized = false;
  destroyed = false;
  constructor(readonly options: ConsoleWindowOptions) {}
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    return Promise.resolve();
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
    this.calls.push('restore');
  }
  show(): void {
    this.calls.push('show');
  }
  focus(): void {
    this.calls.push('focus');
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class FakeIpcMain implements IpcMainPort {
  readonly handlers = new Map<string, (event: InvokeEvent, ...args: unknown[]) => unknown>();
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  /** What ipcRenderer.invoke(channel, ...args) from a frame at `frameUrl` would get. */
  async invoke(frameUrl: string | null, channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ senderFrame: frameUrl === null ? null : { url: frameUrl } }, ...args);
  }
}

type PermissionRequestHandler = Parameters<SessionPort['setPermissionRequestHandler']>[0];
type PermissionCheckHandler = Parameters<SessionPort['setPermissionCheckHandler']>[0];
type HeadersListener = (details: HeadersDetails, callback: (response: HeadersCallbackResponse) => void) => void;

export class FakeSession implements SessionPort {
  headersListener: HeadersListener | null = null;
  requestHandler: PermissionRequestHandler | null = null;
  checkHandler: PermissionCheckHandler | null = null;
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener) => {
      this.headersListener = listener;
    },
  };
  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.checkHandler = handler;
  }
  /** Runs a response through the installed header listener. */
  respond(url: string, responseHeaders: Record<string, string[] | string>): Record<string, string[] | string> | undefined {
    let out: HeadersCallbackResponse | undefined;
    this.headersListener?.({ url, responseHeaders }, (r) => (out = r));
    return out?.responseHeaders;
  }
  request(permission: string, requestingUrl: string): boolean {
    let granted: boolean | undefined;
    this.requestHandler?.(null, permission, (g) => (granted = g), { requestingUrl });
    if (granted === undefined) throw new Error('permission handler did not answer');
    return granted;
  }
}

export class FakeApp implements AppPort {
  readonly emitter = new EventEmitter();
  quitCalls = 0;
  isPackaged = false;
  constructor(
    readonly opts: { lock?: boolean; userData?: string; appPath?: string; locale?: string } = {},
  ) {}
  requestSingleInstanceLock(): boolean {
    return this.opts.lock ?? true;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  quit(): void {
    this.quitCalls++;
    this.emitter.emit('before-quit');
  }
  getPath(_name: 'userData'): string {
    return this.opts.userData ?? '/home/op/.config/Vigil';
  }
  getAppPath(): string {
    return this.opts.appPath ?? '/opt/Vigil/resources/app.asar';
  }
  getLocale(): string {
    return this.opts.locale ?? 'zh-CN';
  }
  getVersion(): string {
    return '0.1.0';
  }
  onSecondInstance(listener: () => void): void {
    this.emitter.on('second-instance', listener);
  }
  onWebContentsCreated(listener: (contents: WebContentsPort) => void): void {
    this.emitter.on('web-contents-created', listener);
  }
  onBeforeQuit(listener: () => void): void {
    this.emitter.on('before-quit', listener);
  }
  onWindowAllClosed(listener: () => void): void {
    this.emitter.on('window-all-closed', listener);
  }
}

/** A plant-server process whose output and exit the test scripts. */
export class FakeServerProcess implements ServerProcess {
  readonly stdout = new PassThrough();
  readonly stderr = new PassThrough();
  readonly exits = new EventEmitter();
  killed = 0;
  onExit(listener: (code: number | null) => void): void {
    this.exits.on('exit', listener);
  }
  kill(): void {
    this.killed++;
  }
  exit(code: number | null): void {
    this.exits.emit('exit', code);
  }
}
