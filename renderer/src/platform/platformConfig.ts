import { consoleConfigSchema, type VigilBridge } from '../../../shared/ipc/api';

/**
 * Where the console runs and which plant server it talks to. This folder is the only code
 * that touches `window.vigil` (the Electron preload's bridge); the browser build gets the same
 * answer from the page's location.
 */
export interface PlatformConfig {
  serverUrl: string;
  locale: string;
  shell: 'electron' | 'web';
  embedded: boolean;
}

declare global {
  interface Window {
    readonly vigil?: VigilBridge;
  }
}

/**
 * The server URL of a page served by the plant server is its own origin; `?server=` overrides
 * it (vite dev server, a wall display pointed at another plant). Only http(s) URLs are accepted.
 */
export function webServerUrl(href: string): string {
  const url = new URL(href);
  const param = url.searchParams.get('server');
  if (param) {
    try {
      const target = new URL(param);
      if (target.protocol === 'http:' || target.protocol === 'https:') return target.origin;
    } catch {
      /* fall through to the page's origin */
    }
  }
  return url.origin;
}

export async function loadPlatformConfig(): Promise<PlatformConfig> {
  const bridge = window.vigil;
  if (bridge) {
    // The renderer validates what the main process sends, like every other receiver.
    const cfg = consoleConfigSchema.parse(await bridge.getConfig());
    return { serverUrl: new URL(cfg.serverUrl).origin, locale: cfg.locale, shell: 'electron', embedded: cfg.embedded };
  }
  return { serverUrl: webServerUrl(window.location.href), locale: navigator.language, shell: 'web', embedded: false };
}
