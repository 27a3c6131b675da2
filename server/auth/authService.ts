import { existsSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import path from 'node:path';
import type { Role } from '../../shared/protocol/roles';
import type { Session } from '../../shared/protocol/rest';
import type { Clock } from '../../shared/util/clock';
import type { SessionRepo, SessionRow } from '../store/types';
import { DUMMY_HASH, verifyPassword } from './password';
import { hashToken, newToken } from './tokens';
import { ensureUsersFile, findUser, readUsersFile, type UserEntry, type UsersFile } from './usersFile';

export interface AuthUser {
  name: string;
  role: Role;
  displayName?: string;
  /** Registry person id the account is linked to (users.json `person`); password sessions only. */
  person?: string;
}

/** The session user of a users-file entry (only the fields that are set). */
function userOf(u: UserEntry): AuthUser {
  return { name: u.name, role: u.role, ...(u.displayName ? { displayName: u.displayName } : {}), ...(u.person ? { person: u.person } : {}) };
}

export const ADMIN_TOKEN_FILE = 'admin.token';
export const SESSION_TTL_MS = 12 * 3600_000;
export const WALL_TOKEN_FILE = 'wall.token';
/** The user name wall-display sessions resolve to (role viewer). */
export const WALL_USER = 'wall';
/** Name of the console signed in without a prompt in the embedded demo. */
export const LOCAL_USER = 'local';

/**
 * Sign-in and token resolution. Tokens are random and stored only hashed (store/sessions).
 * Password sessions follow the users file: removing a user or changing their role there takes
 * effect on their next request, without a restart. The admin token (`<data>/admin.token`)
 * and local sessions carry their role in the session row.
 */
export class AuthService {
  private cached: { mtimeMs: number; size: number; file: UsersFile } | null = null;
  /** User → hash of the token its file holds now (admin, wall): an older token of that user is refused. */
  private readonly fileTokens = new Map<string, string>();

  constructor(
    private readonly sessions: SessionRepo,
    private readonly usersFile: string,
    private readonly clock: Clock,
    private readonly ttlMs = SESSION_TTL_MS,
  ) {
    ensureUsersFile(usersFile);
    this.users();
  }

  /** Reads (or creates, mode 0600) `<dataDir>/admin.token` and registers it. Returns the file path. */
  ensureAdminToken(dataDir: string): string {
    return this.ensureFileToken(dataDir, ADMIN_TOKEN_FILE, { name: 'admin', role: 'admin' });
  }

  /**
   * Reads (or creates, mode 0600) `<dataDir>/wall.token`: a read-only (viewer) token that does
   * not expire, for wall displays that must run unattended for months (docs/console.md, "Wall
   * displays"). Delete the file and restart the server to revoke it: a new one is made and the
   * old one stops working.
   */
  ensureWallToken(dataDir: string): string {
    return this.ensureFileToken(dataDir, WALL_TOKEN_FILE, { name: WALL_USER, role: 'viewer' });
  }

  /** A token kept in a file of the data folder; only the file's current token is honoured for its user. */
  private ensureFileToken(dataDir: string, fileName: string, user: { name: string; role: Role }): string {
    const file = path.join(dataDir, fileName);
    let token: string;
    if (existsSync(file)) {
      token = readFileSync(file, 'utf8').trim();
    } else {
      token = newToken();
      writeFileSync(file, token + '\n', { mode: 0o600, flag: 'wx' });
    }
    chmodSync(file, 0o600);
    if (token.length < 16) throw new Error(`${file} holds no usable token; delete it to get a new one`);
    const tokenHash = hashToken(token);
    this.fileTokens.set(user.name, tokenHash);
    this.sessions.put({ tokenHash, user: user.name, role: user.role, via: 'token', createdAt: this.clock.now(), expiresAt: null });
    return file;
  }

  /** Checks a user name and password; null on any failure (same time whether or not the user exists). */
  async signIn(name: string, password: string): Promise<Session | null> {
    const user = findUser(this.users(), name);
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!ok || !user || !user.passwordHash) return null;
    return this.issue(userOf(user), 'password');
  }

  /** A commander session for the console on this machine (the embedded demo). */
  localSession(): Session {
    return this.issue({ name: LOCAL_USER, role: 'commander', displayName: 'Local console / 本机控制台' }, 'local');
  }

  issue(user: AuthUser, via: SessionRow['via']): Session {
    const token = newToken();
    const now = this.clock.now();
    this.sessions.put({ tokenHash: hashToken(token), user: user.name, role: user.role, via, createdAt: now, expiresAt: now + this.ttlMs });
    return { token, user: { name: user.name, role: user.role, ...(user.displayName ? { displayName: user.displayName } : {}), ...(user.person ? { person: user.person } : {}) } };
  }

  /** The user a bearer token belongs to, or null when unknown, expired or revoked. */
  resolve(token: string): AuthUser | null {
    if (typeof token !== 'string' || token.length < 16 || token.length > 512) return null;
    const row = this.sessions.get(hashToken(token));
    if (!row) return null;
    if (row.expiresAt !== null && row.expiresAt <= this.clock.now()) {
      this.sessions.delete(row.tokenHash);
      return null;
    }
    if (row.via === 'token') {
      const current = this.fileTokens.get(row.user);
      if (current !== undefined && current !== row.tokenHash) {
        this.sessions.delete(row.tokenHash);
        return null;
      }
    }
    if (row.via !== 'password') return { name: row.user, role: row.role };
    const user = findUser(this.users(), row.user);
    if (!user) return null;
    return userOf(user);
  }

  revoke(token: string): void {
    this.sessions.delete(hashToken(token));
  }

  pruneExpired(): number {
    return this.sessions.prune(this.clock.now());
  }

  /** The users file, re-read when it changes on disk (so `add-user` needs no restart). */
  private users(): UsersFile {
    try {
      const st = statSync(this.usersFile);
      if (!this.cached || this.cached.mtimeMs !== st.mtimeMs || this.cached.size !== st.size) {
        this.cached = { mtimeMs: st.mtimeMs, size: st.size, file: readUsersFile(this.usersFile) };
      }
    } catch (err) {
      // A broken edit of the file must not lock everyone out: keep the last good version.
      if (!this.cached) throw err;
      console.warn(`users file: ${err instanceof Error ? err.message : String(err)}; keeping the previous version`);
    }
    return this.cached.file;
  }
}
