import type { z } from 'zod';

/** One validation problem, phrased for a person fixing a data file. */
export interface PlantIssue {
  file: string;
  path: string;
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || '(root)';
}

export function zodIssues(file: string, error: z.ZodError): PlantIssue[] {
  return error.issues.map((i) => ({ file, path: formatPath(i.path), message: i.message }));
}

export function describeIssues(issues: readonly PlantIssue[], max = 20): string {
  const lines = issues.slice(0, max).map((i) => `${i.file}: ${i.path}: ${i.message}`);
  if (issues.length > max) lines.push(`… and ${issues.length - max} more`);
  return lines.join('\n');
}
