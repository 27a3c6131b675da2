import type { Session } from '../../../shared/protocol/rest';
import type { RestClient } from './restClient';

/** Where a signed-in token is kept for this tab (never localStorage: it dies with the tab). */
export interface TokenStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const KEY = 'vigil.session';

/**
 * The console's session with the plant server. On a loopback page in the embedded demo the
 * server hands out a commander session without a prompt (`/session/local`); elsewhere the user
 * signs in and the token is kept in session storage.
 */
export class SessionClient {
  private session: Session | null;

  constructor(
    private readonly rest: RestClient,
    private readonly storage: TokenStorage | null,
  ) {
    this.session = read(storage);
  }

  current(): Session | null {
    return this.session;
  }

  /** A session from storage or the local-session route; null when the user has to sign in. Throws NetworkError when unreachable. */
  async acquire(): Promise<Session | null> {
    if (this.session) return this.session;
    const local = await this.rest.localSession();
    if (!local.ok) return null;
    this.keep(local.data);
    return local.data;
  }

  async signIn(user: string, password: string): Promise<{ ok: true } | { ok: false; message: string }> {
    const res = await this.rest.signIn(user, password);
    if (!res.ok) return { ok: false, message: res.message };
    this.keep(res.data);
    return { ok: true };
  }

  /** Forgets the session (the server refused its token). */
  clear(): void {
    this.session = null;
    this.storage?.removeItem(KEY);
  }

  private keep(s: Session): void {
    this.session = s;
    this.storage?.setItem(KEY, JSON.stringify(s));
  }
}

function read(storage: TokenStorage | null): Session | null {
  const raw = storage?.getItem(KEY);
  if (!raw) return null;
  try {
    const s = JSON.parse(raw) as Session;
    return typeof s.token === 'string' && typeof s.user?.name === 'string' ? s : null;
  } catch {
    return null;
  }
}
