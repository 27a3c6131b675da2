import type { Role } from '../../../shared/protocol/roles';
import { LayoutError, parseLayoutFile, type Layout, type LayoutRole } from './layoutSchema';

/**
 * The plant's shipped layouts: every resources/layouts/*.json, bundled into the renderer at
 * build time (vite's import.meta.glob), read with the same migrations as an imported file. A
 * plant changes them by editing those files and rebuilding the console.
 */
const shipped = import.meta.glob('../../../resources/layouts/*.json', { eager: true, query: '?raw', import: 'default' }) as Record<string, string>;

export interface ShippedLayouts {
  layouts: Layout[];
  /** Files that could not be read, with why (shown nowhere but the log; the others still load). */
  errors: { file: string; message: string }[];
}

export function readShippedLayouts(files: Readonly<Record<string, string>> = shipped): ShippedLayouts {
  const layouts: Layout[] = [];
  const errors: ShippedLayouts['errors'] = [];
  for (const [file, text] of Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))) {
    try {
      layouts.push(...parseLayoutFile(text));
    } catch (err) {
      errors.push({ file, message: err instanceof LayoutError ? err.message : String(err) });
    }
  }
  return { layouts, errors };
}

/** Which role layout a signed-in role starts with; operators and admins take the shift lead's. */
export function layoutRoleFor(role: Role | null, wall: boolean): LayoutRole {
  if (wall) return 'wall';
  if (role === 'commander' || role === 'drill_coordinator' || role === 'shift_lead') return role;
  return 'shift_lead';
}

/** The first shipped layout for the role, or a plain one when the plant ships none. */
export function defaultLayoutFor(role: LayoutRole, shippedLayouts: readonly Layout[]): Layout {
  return (
    shippedLayouts.find((l) => l.role === role) ?? {
      version: 2,
      id: `${role}.builtin`,
      name: { zh: '默认布局', en: 'Default layout' },
      role,
      map: { camera: 'overview', tour: role === 'wall', riskLayer: true },
      dock: { tabs: ['incident', 'alarms', 'notifications', 'kpi', 'risk', 'people', 'hazards', 'robots'], open: 'alarms', heightPct: 33 },
    }
  );
}
