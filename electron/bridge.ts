import { consoleConfigSchema, ipcChannels, type VigilBridge } from '../shared/ipc/api';

/** ipcRenderer.invoke, injected so the bridge can be tested outside Electron. */
export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

/**
 * The one object the preload exposes to the renderer as `window.vigil`. Frozen, methods only,
 * no way to reach ipcRenderer or pick a channel; what comes back is validated.
 */
export function createVigilBridge(invoke: Invoke): VigilBridge {
  const bridge: VigilBridge = {
    getConfig: async () => consoleConfigSchema.parse(await invoke(ipcChannels.getConfig)),
  };
  return Object.freeze(bridge);
}
