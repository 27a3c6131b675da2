import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../shared/util/clock';
import { openSqliteStore } from '../store/openSqliteStore';
import { AuthService } from './authService';
import { hashPassword, parseHash, verifyPassword } from './password';
import { readUsersFile, upsertUser } from './usersFile';

const FAST = { N: 1024, r: 8, p: 1 };
const dirs: string[] = [];
function setup() {
  const dir = mkdtempSync(path.join(tmpdir(), 'vigil-auth-'));
  dirs.push(dir);
  const store = openSqliteStore(':memory:');
  const clock = new ManualClock(1_000_000);
  const usersFile = path.join(dir, 'users.json');
  const auth = new AuthService(store.sessions, usersFile, clock, 60_000);
  return { dir, store, clock, usersFile, auth };
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('password', () => {
  it('verifies the right password only, in the documented format', async () => {
    const h = await hashPassword('correct horse', FAST);
    expect(h).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword('correct horse', h)).toBe(true);
    expect(await verifyPassword('correct horsf', h)).toBe(false);
    expect(await hashPassword('correct horse', FAST)).not.toBe(h);
  });
  it('rejects malformed or abusive hashes without throwing', async () => {
    expect(await verifyPassword('x', 'plain')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$1000$8$1$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA==')).toBe(false);
    expect(parseHash('scrypt$2097152$8$1$AAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAA==')).toBeNull();
  });
});

describe('AuthService', () => {
  it('creates the users file with an admin and a 0600 admin token that resolves to admin', () => {
    const { dir, usersFile, auth } = setup();
    expect(readUsersFile(usersFile).users.map((u) => [u.name, u.role])).toEqual([['admin', 'admin']]);
    const file = auth.ensureAdminToken(dir);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const token = readFileSync(file, 'utf8').trim();
    expect(auth.resolve(token)).toEqual({ name: 'admin', role: 'admin' });
    // A second start reuses the same token.
    auth.ensureAdminToken(dir);
    expect(readFileSync(file, 'utf8').trim()).toBe(token);
  });

  it('carries the registry person an account is linked to in the session and on every request, and drops it when unlinked', async () => {
    const { usersFile, auth } = setup();
    upsertUser(usersFile, { name: 'wang', role: 'operator', person: 'P-0012', passwordHash: await hashPassword('pw-wang-1', FAST) });
    const s = await auth.signIn('wang', 'pw-wang-1');
    expect(s?.user).toEqual({ name: 'wang', role: 'operator', person: 'P-0012' });
    expect(auth.resolve(s!.token)).toEqual({ name: 'wang', role: 'operator', person: 'P-0012' });
    upsertUser(usersFile, { name: 'wang', role: 'operator', passwordHash: readUsersFile(usersFile).users.find((u) => u.name === 'wang')!.passwordHash! });
    expect(auth.resolve(s!.token)).toEqual({ name: 'wang', role: 'operator' });
    expect(() => upsertUser(usersFile, { name: 'bad', role: 'operator', person: 'no spaces' })).toThrow();
  });

  it('signs in with a password, follows role changes in the file, expires sessions', async () => {
    const { usersFile, auth, clock } = setup();
    upsertUser(usersFile, { name: 'dora', role: 'drill_coordinator', passwordHash: await hashPassword('pw-dora', FAST) });
    expect(await auth.signIn('dora', 'wrong')).toBeNull();
    expect(await auth.signIn('nobody', 'pw-dora')).toBeNull();
    expect(await auth.signIn('admin', '')).toBeNull();
    const s = await auth.signIn('dora', 'pw-dora');
    expect(s?.user).toEqual({ name: 'dora', role: 'drill_coordinator' });
    expect(auth.resolve(s!.token)?.role).toBe('drill_coordinator');

    // Change the role on disk (ensure a different size so the cache notices).
    upsertUser(usersFile, { name: 'dora', role: 'viewer', displayName: 'Dora', passwordHash: await hashPassword('pw-dora', FAST) });
    expect(auth.resolve(s!.token)?.role).toBe('viewer');

    clock.advance(60_001);
    expect(auth.resolve(s!.token)).toBeNull();
  });

  it('gives wall displays a read-only token that never expires; deleting its file and restarting revokes it', () => {
    const { dir, store, clock, usersFile, auth } = setup();
    const file = auth.ensureWallToken(dir);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const token = readFileSync(file, 'utf8').trim();
    expect(auth.resolve(token)).toEqual({ name: 'wall', role: 'viewer' });
    clock.advance(400 * 86_400_000);
    expect(auth.resolve(token)).toEqual({ name: 'wall', role: 'viewer' });
    // Same file on the next start: same token.
    const again = new AuthService(store.sessions, usersFile, clock, 60_000);
    again.ensureWallToken(dir);
    expect(again.resolve(token)?.role).toBe('viewer');
    // File deleted, server restarted: a new token, and the old one is refused.
    rmSync(file);
    const next = new AuthService(store.sessions, usersFile, clock, 60_000);
    const fresh = readFileSync(next.ensureWallToken(dir), 'utf8').trim();
    expect(fresh).not.toBe(token);
    expect(next.resolve(fresh)?.name).toBe('wall');
    expect(next.resolve(token)).toBeNull();
  });

  it('rejects unknown and silly tokens', () => {
    const { auth } = setup();
    expect(auth.resolve('x'.repeat(43))).toBeNull();
    expect(auth.resolve('')).toBeNull();
    expect(auth.resolve(42 as unknown as string)).toBeNull();
    const local = auth.localSession();
    expect(auth.resolve(local.token)).toEqual({ name: 'local', role: 'commander' });
    auth.revoke(local.token);
    expect(auth.resolve(local.token)).toBeNull();
  });
});
