// A stand-in for the `electron` module, loaded with `node --require` before dist/electron/main.cjs
// so that the real main-process bundle runs in plain Node (the Electron binary cannot be had
// here). It records what the bundle does as `FAKE_ELECTRON {json}` lines on stdout, and once the
// console window has loaded it plays the renderer: asks for the config over the registered IPC
// handler (once from the console origin, once from another), then quits the app.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- loaded by `node --require`, so CommonJS */
const Module = require('node:module');
const { EventEmitter } = require('node:events');
/* eslint-enable @typescript-eslint/no-require-imports */

const record = (event, data) => process.stdout.write(`FAKE_ELECTRON ${JSON.stringify({ event, ...data })}\n`);
const appEvents = new EventEmitter();
const handlers = new Map();

async function playRenderer(url) {
  const handler = handlers.get('vigil:get-config');
  const invoke = async (frameUrl) => {
    try {
      return { ok: await handler({ senderFrame: { url: frameUrl } }) };
    } catch (err) {
      return { error: err.message };
    }
  };
  record('ipc', { fromConsole: await invoke(`${url}/`), fromElsewhere: await invoke('http://evil.example/') });
  const health = await fetch(`${url}/api/v1/health`).then((r) => r.status, (e) => String(e));
  record('health', { status: health });
  electron.app.quit();
}

class BrowserWindow {
  constructor(options) {
    record('window', { options });
    this.webContents = Object.assign(new EventEmitter(), { setWindowOpenHandler: (h) => record('openHandler', { result: h({ url: 'https://example.com/' }) }) });
    appEvents.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url) {
    record('loadURL', { url });
    setTimeout(() => playRenderer(url), 50);
    return Promise.resolve();
  }
  isMinimized() { return false; }
  restore() {}
  show() {}
  focus() {}
  isDestroyed() { return false; }
}

const electron = {
  app: {
    isPackaged: false,
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    enableSandbox: () => record('enableSandbox', {}),
    getPath: () => process.env.FAKE_ELECTRON_USERDATA,
    getAppPath: () => process.env.FAKE_ELECTRON_APPPATH,
    getLocale: () => 'zh-CN',
    getVersion: () => '0.1.0',
    on: (event, listener) => appEvents.on(event, listener),
    quit: () => {
      record('quit', {});
      appEvents.emit('before-quit');
      setTimeout(() => process.exit(0), 1500);
    },
    exit: (code) => process.exit(code),
  },
  BrowserWindow,
  ipcMain: { handle: (channel, h) => (record('ipcHandle', { channel }), handlers.set(channel, h)) },
  session: {
    defaultSession: {
      webRequest: { onHeadersReceived: (l) => l({ url: 'x', responseHeaders: {} }, (r) => record('csp', { csp: r.responseHeaders['Content-Security-Policy'] })) },
      setPermissionRequestHandler: (h) => h(null, 'media', (granted) => record('permission', { media: granted }), { requestingUrl: 'x' }),
      setPermissionCheckHandler: () => undefined,
    },
  },
  dialog: { showErrorBox: (title, body) => record('errorBox', { title, body }) },
  utilityProcess: { fork: () => { throw new Error('utilityProcess is for packaged apps'); } },
};

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? 'electron' : resolve.call(this, request, ...rest);
};
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'electron' ? electron : load.call(this, request, ...rest);
};
