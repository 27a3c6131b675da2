/**
 * The slice of Electron's main-process API that Vigil's main process uses, as narrow
 * structural interfaces. main.ts passes the real objects (tsc checks they fit); unit tests pass
 * fakes, because requiring the real `electron` module outside Electron tries to download the
 * binary (TOOLCHAIN.md).
 */

/** What a navigation or redirect listener may do with the event. */
export interface PreventableEvent {
  preventDefault(): void;
}

/** The frame that sent an IPC message (Electron's WebFrameMain). */
export interface SenderFrame {
  readonly url: string;
}

/** Electron's IpcMainInvokeEvent, reduced to what the checks read. */
export interface InvokeEvent {
  readonly senderFrame: SenderFrame | null;
}

export interface IpcMainPort {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => unknown): void;
}

export type WindowOpenResponse = { action: 'deny' };

export interface WebContentsPort {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  on(
    event: 'did-fail-load',
    listener: (event: unknown, errorCode: number, errorDescription: string, validatedURL: string, isMainFrame: boolean) => void,
  ): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenResponse): void;
}

export interface WindowPort {
  readonly webContents: WebContentsPort;
  loadURL(url: string): Promise<void>;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
  isDestroyed(): boolean;
}

export interface HeadersDetails {
  readonly url: string;
  readonly responseHeaders?: Record<string, string[] | string>;
}

export interface HeadersCallbackResponse {
  responseHeaders?: Record<string, string[] | string>;
}

export interface SessionPort {
  readonly webRequest: {
    onHeadersReceived(listener: (details: HeadersDetails, callback: (response: HeadersCallbackResponse) => void) => void): void;
  };
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl?: string }) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string, requestingOrigin: string) => boolean): void;
}

/** Electron's `app`, reduced; event subscriptions are named methods so fakes stay simple. */
export interface AppPort {
  requestSingleInstanceLock(): boolean;
  whenReady(): Promise<unknown>;
  quit(): void;
  getPath(name: 'userData'): string;
  getAppPath(): string;
  getLocale(): string;
  getVersion(): string;
  readonly isPackaged: boolean;
  onSecondInstance(listener: () => void): void;
  onWebContentsCreated(listener: (contents: WebContentsPort) => void): void;
  onBeforeQuit(listener: () => void): void;
  onWindowAllClosed(listener: () => void): void;
}

/** A started plant-server process (a utilityProcess in a packaged app, a Node child otherwise). */
export interface ServerProcess {
  readonly stdout: NodeJS.ReadableStream | null;
  readonly stderr: NodeJS.ReadableStream | null;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

export type ServerLauncher = (entry: string, args: string[]) => ServerProcess;
