import { consoleConfigSchema, ipcChannels, nativeNoticeSchema, reportHtmlSchema, type NativeNotice, type VigilBridge } from '../shared/ipc/api';

/** ipcRenderer.invoke, injected so the bridge can be tested outside Electron. */
export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

/**
 * The one object the preload exposes to the renderer as `window.vigil`. Frozen, methods only,
 * no way to reach ipcRenderer or pick a channel; what comes back is validated.
 */
export function createVigilBridge(invoke: Invoke): VigilBridge {
  const bridge: VigilBridge = {
    getConfig: async () => consoleConfigSchema.parse(await invoke(ipcChannels.getConfig)),
    printReportPdf: async (html: string) => {
      const pdf = await invoke(ipcChannels.printReportPdf, reportHtmlSchema.parse(html));
      if (!(pdf instanceof Uint8Array)) throw new Error('vigil ipc: printReportPdf did not answer bytes');
      return pdf;
    },
    notify: async (notice: NativeNotice) => (await invoke(ipcChannels.notify, nativeNoticeSchema.parse(notice))) === true,
  };
  return Object.freeze(bridge);
}
