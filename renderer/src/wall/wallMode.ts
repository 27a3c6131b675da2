/**
 * Wall mode (docs/console.md, "Wall displays"): a read-only console for a video wall or a
 * kiosk browser. `?wall=1` or a path ending in `/wall` turns it on; `view` picks what this
 * screen shows (one per display in a multi-monitor wall); a viewer token may come in the URL's
 * fragment (`#token=…`, never sent to any server in a request line, never a password).
 */
export const wallScreens = ['overview', 'map', 'alarms'] as const;
export type WallScreen = (typeof wallScreens)[number];

export interface WallMode {
  readonly wall: boolean;
  readonly view: WallScreen;
  /** Tour the map through the area presets (default) or hold the whole-plant view (`tour=0`). */
  readonly tour: boolean;
  /** A bearer token handed over in the fragment, or null. */
  readonly token: string | null;
  /** Native notifications from a wall only when asked for (`notify=1`). */
  readonly notify: boolean;
}

const TOKEN = /^[A-Za-z0-9_-]{16,512}$/;

export function parseWallMode(href: string): WallMode {
  const url = new URL(href);
  const q = url.searchParams;
  const wall = q.get('wall') === '1' || q.get('wall') === 'true' || /\/wall\/?$/.test(url.pathname);
  const v = q.get('view');
  const view: WallScreen = (wallScreens as readonly string[]).includes(v ?? '') ? (v as WallScreen) : 'overview';
  const frag = new URLSearchParams(url.hash.replace(/^#/, ''));
  const t = frag.get('token');
  return { wall, view, tour: q.get('tour') !== '0', token: wall && t && TOKEN.test(t) ? t : null, notify: q.get('notify') === '1' };
}

/** The page's URL without the token fragment (what the address bar keeps after it was read). */
export function withoutToken(href: string): string {
  const url = new URL(href);
  const frag = new URLSearchParams(url.hash.replace(/^#/, ''));
  frag.delete('token');
  const rest = frag.toString();
  url.hash = rest ? `#${rest}` : '';
  return url.toString();
}
