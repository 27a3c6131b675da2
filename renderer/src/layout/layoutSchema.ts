/**
 * Role layouts (docs/console.md "Role layouts"): which dock tabs a console shows and in what
 * order, which is open and how tall the dock is, where the map's camera starts, whether it
 * tours and shows the risk layer, and for a wall which screen it shows. Layouts are saved per
 * user, exported and imported as JSON files, and shipped by a plant in resources/layouts/.
 * Every file carries a `version`; older versions are migrated on read (MIGRATIONS), never
 * rejected, and a newer one than this console knows is refused with a readable reason.
 */
import { z } from 'zod';

export const LAYOUT_VERSION = 2;

export const layoutRoles = ['commander', 'shift_lead', 'drill_coordinator', 'wall'] as const;
export type LayoutRole = (typeof layoutRoles)[number];

/** The dock's tabs (renderer/src/stores/alarmStore.ts DockTab). */
export const dockTabs = ['incident', 'alarms', 'notifications', 'kpi', 'risk', 'people', 'hazards', 'robots', 'drill'] as const;
export const dockTabSchema = z.enum(dockTabs);

const localText = z.object({ zh: z.string().min(1).max(80), en: z.string().min(1).max(80) }).strict();

export const layoutSchema = z
  .object({
    version: z.literal(LAYOUT_VERSION),
    id: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/),
    name: localText,
    role: z.enum(layoutRoles),
    map: z
      .object({
        /** 'overview' (the whole plant) or an area id whose camera preset the map starts at. */
        camera: z.string().min(1).max(64),
        /** Slowly tour the area presets (walls). */
        tour: z.boolean(),
        /** Draw the four-colour risk layer. */
        riskLayer: z.boolean(),
      })
      .strict(),
    dock: z
      .object({
        /** Tabs shown, in order; each once. */
        tabs: z.array(dockTabSchema).min(1).max(dockTabs.length).refine((t) => new Set(t).size === t.length, 'a dock tab appears twice'),
        /** The tab open at start, or null for a folded dock. */
        open: dockTabSchema.nullable(),
        /** Dock height when open, % of the window height. */
        heightPct: z.number().min(15).max(80),
      })
      .strict()
      .refine((d) => d.open === null || d.tabs.includes(d.open), 'the open tab is not among the tabs'),
    /** What a wall screen shows (renderer/src/wall/wallMode.ts); only for role 'wall'. */
    wallView: z.enum(['overview', 'map', 'alarms']).optional(),
  })
  .strict();
export type Layout = z.infer<typeof layoutSchema>;

/**
 * Version 1 (the first console builds): one free-text name, tabs by name including ones that
 * no longer exist ('permits'), the open tab, the dock height in pixels of a 960-pixel window,
 * and the camera. Kept only to migrate from.
 */
export const layoutV1Schema = z
  .object({
    version: z.literal(1),
    name: z.string().min(1).max(80),
    role: z.enum(layoutRoles),
    tabs: z.array(z.string()).min(1),
    activeTab: z.string().nullable(),
    dockHeight: z.number().positive(),
    camera: z.string().min(1).max(64),
  })
  .strict();
export type LayoutV1 = z.infer<typeof layoutV1Schema>;

const slug = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48) || 'layout';

export function migrateV1(v1: LayoutV1): Layout {
  const tabs = [...new Set(v1.tabs)].filter((t): t is (typeof dockTabs)[number] => (dockTabs as readonly string[]).includes(t));
  const kept = tabs.length > 0 ? tabs : [...dockTabs];
  const open = v1.activeTab !== null && (kept as string[]).includes(v1.activeTab) ? (v1.activeTab as (typeof dockTabs)[number]) : v1.activeTab === null ? null : kept[0]!;
  return {
    version: 2,
    id: `${v1.role}.${slug(v1.name)}`,
    name: { zh: v1.name, en: v1.name },
    role: v1.role,
    map: { camera: v1.camera, tour: v1.role === 'wall', riskLayer: true },
    dock: { tabs: kept, open, heightPct: Math.round(Math.min(80, Math.max(15, (v1.dockHeight / 960) * 100))) },
    ...(v1.role === 'wall' ? { wallView: 'overview' as const } : {}),
  };
}

/** From version n to n+1; each validates its input with that version's schema. */
const MIGRATIONS: Readonly<Record<number, (raw: unknown) => unknown>> = {
  1: (raw) => migrateV1(layoutV1Schema.parse(raw)),
};

export class LayoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LayoutError';
  }
}

/** One layout of any known version, migrated to the current one and validated. */
export function migrateLayout(raw: unknown): Layout {
  let cur = raw;
  for (;;) {
    const v = (cur as { version?: unknown } | null)?.version;
    if (typeof v !== 'number' || !Number.isInteger(v)) throw new LayoutError('not a Vigil layout: no version');
    if (v > LAYOUT_VERSION) throw new LayoutError(`layout version ${v} is newer than this console (${LAYOUT_VERSION}); update the console`);
    if (v === LAYOUT_VERSION) break;
    const step = MIGRATIONS[v];
    if (!step) throw new LayoutError(`layout version ${v} is not supported`);
    try {
      cur = step(cur);
    } catch (err) {
      throw new LayoutError(`layout version ${v} is invalid: ${err instanceof z.ZodError ? err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : String(err)}`);
    }
  }
  const parsed = layoutSchema.safeParse(cur);
  if (!parsed.success) throw new LayoutError(`invalid layout: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** The export file: `{format, version, layouts}`. */
export const LAYOUT_FILE_FORMAT = 'vigil-layouts';

export function exportLayouts(layouts: readonly Layout[]): string {
  return `${JSON.stringify({ format: LAYOUT_FILE_FORMAT, version: LAYOUT_VERSION, layouts }, null, 2)}\n`;
}

/** Reads an export file, a plant's shipped file or a single layout object; every layout is migrated. */
export function parseLayoutFile(text: string): Layout[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new LayoutError('not JSON');
  }
  if (raw && typeof raw === 'object' && Array.isArray((raw as { layouts?: unknown }).layouts)) {
    const file = raw as { format?: unknown; layouts: unknown[] };
    if (file.format !== undefined && file.format !== LAYOUT_FILE_FORMAT) throw new LayoutError(`not a Vigil layout file (format ${String(file.format)})`);
    if (file.layouts.length === 0 || file.layouts.length > 50) throw new LayoutError('a layout file holds 1 to 50 layouts');
    return file.layouts.map(migrateLayout);
  }
  return [migrateLayout(raw)];
}
