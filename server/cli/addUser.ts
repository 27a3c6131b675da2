import { hashPassword } from '../auth/password';
import { upsertUser, userEntrySchema } from '../auth/usersFile';
import type { Role } from '../../shared/protocol/roles';

export const MIN_PASSWORD = 8;

/** Reads the password: $VIGIL_PASSWORD, else the first line of stdin. */
export async function readPassword(env: Readonly<Record<string, string | undefined>>, stdin: NodeJS.ReadableStream): Promise<string> {
  if (env.VIGIL_PASSWORD !== undefined) return env.VIGIL_PASSWORD;
  if ((stdin as { isTTY?: boolean }).isTTY) process.stderr.write('Password / 密码: ');
  let text = '';
  for await (const chunk of stdin) {
    text += chunk.toString();
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

/**
 * Adds or updates a user in the users file with a scrypt-hashed password. `person` links the
 * account to a registry person id (hazard orders assigned to that person, docs/hazards.md).
 */
export async function addUser(usersFile: string, name: string, role: Role, password: string, person?: string): Promise<void> {
  if (!userEntrySchema.shape.name.safeParse(name).success) {
    throw new Error(`invalid user name "${name}": letters, digits, _ . @ - / 用户名只能包含字母、数字和 _ . @ -`);
  }
  if (person !== undefined && !userEntrySchema.shape.person.safeParse(person).success) {
    throw new Error(`invalid person id "${person}": letters, digits, _ . - / 人员编号只能包含字母、数字和 _ . -`);
  }
  if (password.length < MIN_PASSWORD) throw new Error(`password must have at least ${MIN_PASSWORD} characters / 密码至少 ${MIN_PASSWORD} 个字符`);
  upsertUser(usersFile, { name, role, passwordHash: await hashPassword(password), ...(person !== undefined ? { person } : {}) });
}
