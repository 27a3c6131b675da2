import type { SessionPort } from './ports';

/**
 * The Content-Security-Policy of the console. It names the plant server's origin (where the
 * renderer, its assets and its socket come from) instead of `'self'`, so a page that somehow
 * came from elsewhere can load nothing. Inline styles are allowed because React and three.js
 * helpers set them; scripts are never inline and never eval'd.
 */
export function consoleCsp(consoleOrigin: string): string {
  const url = new URL(consoleOrigin);
  const socketOrigin = `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`;
  const o = url.origin;
  return [
    "default-src 'none'",
    `script-src ${o}`,
    `style-src ${o} 'unsafe-inline'`,
    `img-src ${o} data: blob:`,
    `font-src ${o} data:`,
    `connect-src ${o} ${socketOrigin}`,
    `worker-src ${o} blob:`,
    `manifest-src ${o}`,
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Permissions the console may be granted, and only for its own origin. */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications']);

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Installs the CSP on every response of the session (replacing any the server sent) and denies
 * every permission request except notifications from the console origin.
 */
export function installSessionPolicy(session: SessionPort, consoleOrigin: string): void {
  const csp = consoleCsp(consoleOrigin);
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string[] | string> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [csp];
    callback({ responseHeaders: headers });
  });
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(ALLOWED_PERMISSIONS.has(permission) && originOf(details.requestingUrl) === consoleOrigin);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => {
    return ALLOWED_PERMISSIONS.has(permission) && originOf(requestingOrigin) === consoleOrigin;
  });
}
