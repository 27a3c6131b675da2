import type { z } from 'zod';

/** One line naming each bad field, for error acks (bounded, so a huge bad payload gives a short message). */
export function describeZodError(err: z.ZodError, max = 5): string {
  const parts = err.issues.slice(0, max).map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
  if (err.issues.length > max) parts.push(`…and ${err.issues.length - max} more`);
  return parts.join('; ').slice(0, 500);
}
