import type { TokenStorage } from '../data/sessionClient';

/** Where the wall keeps a token handed over in the URL fragment, so a reload keeps working. */
export const WALL_TOKEN_KEY = 'vigil.wall.token';

/**
 * The session storage a wall's SessionClient reads: a viewer token provisioned in the URL
 * fragment (`#token=…`, docs/console.md "Provisioning a wall") wins over anything stored;
 * without one, the wall falls back to what the tab stored or to the loopback local session.
 * The token is shown to the SessionClient as a session of the user `wall` (role viewer)
 * until the server's hello names the real user and role.
 */
export function wallTokenStorage(token: string | null, backing: TokenStorage): TokenStorage {
  if (token) backing.setItem(WALL_TOKEN_KEY, token);
  const kept = (): string | null => backing.getItem(WALL_TOKEN_KEY);
  return {
    getItem: (key) => {
      const t = kept();
      return t ? JSON.stringify({ token: t, user: { name: 'wall', role: 'viewer' } }) : backing.getItem(key);
    },
    setItem: (key, value) => backing.setItem(key, value),
    removeItem: (key) => {
      // The server refused the token: forget it, so the next try can use the local session.
      backing.removeItem(WALL_TOKEN_KEY);
      backing.removeItem(key);
    },
  };
}
