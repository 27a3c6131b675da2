import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { plantId } from '../../shared/plant/primitives';
import { roleSchema, type Role } from '../../shared/protocol/roles';

/**
 * The users file (`<data>/users.json` by default): who may sign in and with which role.
 * Passwords are stored only as scrypt hashes (auth/password). A user without `passwordHash`
 * cannot sign in with a password; the fresh-install `admin` is such a user and is reached
 * through the admin token instead.
 */
export const userEntrySchema = z
  .object({
    name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$/, 'user names use letters, digits, _ . @ -'),
    role: roleSchema,
    displayName: z.string().min(1).max(120).optional(),
    passwordHash: z.string().startsWith('scrypt$').optional(),
    /** Registry person id (people.json / the training import) this account belongs to: hazard orders assigned to that person may be worked from it (docs/hazards.md). */
    person: plantId.max(64).optional(),
  })
  .strict();
export type UserEntry = z.infer<typeof userEntrySchema>;

export const usersFileSchema = z
  .object({ version: z.literal(1), users: z.array(userEntrySchema) })
  .strict()
  .refine((f) => new Set(f.users.map((u) => u.name)).size === f.users.length, { message: 'user names must be unique', path: ['users'] });
export type UsersFile = z.infer<typeof usersFileSchema>;

export class UsersFileError extends Error {}

export function readUsersFile(file: string): UsersFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UsersFileError(`cannot read users file ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = usersFileSchema.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new UsersFileError(`users file ${file} is invalid: ${where}`);
  }
  return parsed.data;
}

/** Writes atomically (temp file + rename) with mode 0600: it holds password hashes. */
export function writeUsersFile(file: string, data: UsersFile): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(usersFileSchema.parse(data), null, 2) + '\n', { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}

/** Creates the users file with the local `admin` (token only) when it does not exist. Returns true if created. */
export function ensureUsersFile(file: string): boolean {
  if (existsSync(file)) return false;
  writeUsersFile(file, { version: 1, users: [{ name: 'admin', role: 'admin', displayName: 'Administrator / 管理员' }] });
  return true;
}

/** Adds or replaces a user. */
export function upsertUser(file: string, entry: UserEntry): UsersFile {
  ensureUsersFile(file);
  const current = readUsersFile(file);
  const users = current.users.filter((u) => u.name !== entry.name);
  users.push(userEntrySchema.parse(entry));
  const next: UsersFile = { version: 1, users };
  writeUsersFile(file, next);
  return next;
}

export function findUser(file: UsersFile, name: string): UserEntry | undefined {
  return file.users.find((u) => u.name === name);
}

export type { Role };
