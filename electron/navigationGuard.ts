import type { WebContentsPort } from './ports';

/** True when `url` parses and has exactly the console's origin. */
export function isConsoleUrl(url: string, consoleOrigin: string): boolean {
  try {
    return new URL(url).origin === consoleOrigin;
  } catch {
    return false;
  }
}

/**
 * Applied to every web contents the app creates (app 'web-contents-created'): navigation and
 * redirects may only stay on the console origin, pop-ups are always denied, and <webview> can
 * never be attached. A denied URL is not opened anywhere else either: the console links only
 * to itself.
 */
export function hardenWebContents(contents: WebContentsPort, consoleOrigin: string, onDenied?: (what: string, url: string) => void): void {
  const guard = (what: string) => (event: { preventDefault(): void }, url: string) => {
    if (isConsoleUrl(url, consoleOrigin)) return;
    event.preventDefault();
    onDenied?.(what, url);
  };
  contents.on('will-navigate', guard('navigation'));
  contents.on('will-redirect', guard('redirect'));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    onDenied?.('pop-up', url);
    return { action: 'deny' };
  });
}
