/**
 * Sandboxed preload (bundled to dist/electron/preload.cjs). Exposes exactly one frozen object,
 * `window.vigil`, implementing VigilBridge (shared/ipc/api.ts).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createVigilBridge } from './bridge';

contextBridge.exposeInMainWorld(
  'vigil',
  createVigilBridge((channel, ...args) => ipcRenderer.invoke(channel, ...args)),
);
