import { dockTabs } from './layoutSchema';

/**
 * The dock's tabs as the layout orders them: the layout's tabs that the dock has, in the
 * layout's order, then any tab the dock has that layouts do not know yet (a newer tab than the
 * layout file), so a new panel is never hidden by an old layout.
 */
export function orderedTabs<T extends string>(all: readonly T[], layout: readonly string[]): T[] {
  const known = new Set<string>(dockTabs);
  const have = new Set<string>(all);
  const out = layout.filter((t): t is T => have.has(t));
  for (const t of all) if (!known.has(t) && !out.includes(t)) out.push(t);
  return out;
}
