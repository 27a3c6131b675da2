/**
 * Where the wall's windows go: pure placement of a monitor layout on the displays that are
 * connected now. The main process re-plans on start and on every screen event (a display
 * added, removed or changed) and applies the difference; unit tests drive it with display sets.
 */
import { z } from 'zod';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Electron's Display, reduced to what placement reads. */
export interface DisplayInfo {
  readonly id: number;
  readonly bounds: Rect;
  readonly label?: string;
}

/** What a wall window shows; the renderer's `?wall=1&view=` (renderer/src/wall/wallMode.ts). */
export const wallViews = ['overview', 'map', 'alarms'] as const;
export type WallView = (typeof wallViews)[number];

/**
 * A monitor layout (userData/wall-layout.json). `slots` are ordered left to right: slot i goes
 * to the display it was last placed on (`displayId`) when that display is connected, otherwise
 * to the leftmost display no other slot claimed. A slot without a display shows nothing until
 * one comes back; a display without a slot stays dark.
 */
export const monitorLayoutSchema = z
  .object({
    version: z.literal(1),
    slots: z
      .array(
        z
          .object({
            view: z.enum(wallViews),
            /** The display this slot was last placed on (Electron's Display.id); kept across restarts. */
            displayId: z.number().int().optional(),
          })
          .strict(),
      )
      .min(1)
      .max(16),
  })
  .strict();
export type MonitorLayout = z.infer<typeof monitorLayoutSchema>;

/** The default wall: overview left, 3D map in the middle, alarm list right. */
export const defaultMonitorLayout: MonitorLayout = { version: 1, slots: [{ view: 'overview' }, { view: 'map' }, { view: 'alarms' }] };

/** One window to have open: `slot` names it across re-plans (a moved display keeps its window). */
export interface WindowPlan {
  readonly slot: number;
  readonly view: WallView;
  readonly displayId: number;
  readonly bounds: Rect;
}

/** Displays left to right, then top to bottom (a stacked wall), then by id for a stable order. */
export function orderDisplays(displays: readonly DisplayInfo[]): DisplayInfo[] {
  return [...displays].sort((a, b) => a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y || a.id - b.id);
}

/**
 * Places each slot: first the slots whose remembered display is connected, then the rest in
 * slot order on the remaining displays from the left. Deterministic for a given input.
 */
export function planWindows(layout: MonitorLayout, displays: readonly DisplayInfo[]): WindowPlan[] {
  const ordered = orderDisplays(displays);
  const byId = new Map(ordered.map((d) => [d.id, d]));
  const taken = new Set<number>();
  const placed: (DisplayInfo | null)[] = layout.slots.map(() => null);
  layout.slots.forEach((s, i) => {
    const d = s.displayId === undefined ? undefined : byId.get(s.displayId);
    if (d && !taken.has(d.id)) {
      placed[i] = d;
      taken.add(d.id);
    }
  });
  const free = ordered.filter((d) => !taken.has(d.id));
  layout.slots.forEach((s, i) => {
    if (placed[i]) return;
    // A slot remembered on a display that is gone waits for it while other unclaimed slots can use the free ones.
    if (s.displayId !== undefined && free.length <= layout.slots.filter((o, j) => j > i && !placed[j] && o.displayId === undefined).length) return;
    const d = free.shift();
    if (d) placed[i] = d;
  });
  const plans: WindowPlan[] = [];
  placed.forEach((d, slot) => {
    if (d) plans.push({ slot, view: layout.slots[slot]!.view, displayId: d.id, bounds: d.bounds });
  });
  return plans;
}

/** The layout with each placed slot bound to its display, so a restart or replug puts it back there. */
export function rememberPlacement(layout: MonitorLayout, plans: readonly WindowPlan[]): MonitorLayout {
  const bySlot = new Map(plans.map((p) => [p.slot, p.displayId]));
  return { version: 1, slots: layout.slots.map((s, i) => (bySlot.has(i) ? { view: s.view, displayId: bySlot.get(i)! } : s)) };
}

export interface PlanDiff {
  readonly open: WindowPlan[];
  /** Slots whose window goes (its display is gone). */
  readonly close: number[];
  /** Windows that stay but move to other bounds (a display changed resolution or moved). */
  readonly move: WindowPlan[];
}

const sameRect = (a: Rect, b: Rect): boolean => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

export function diffPlans(current: readonly WindowPlan[], next: readonly WindowPlan[]): PlanDiff {
  const now = new Map(current.map((p) => [p.slot, p]));
  const want = new Map(next.map((p) => [p.slot, p]));
  const open: WindowPlan[] = [];
  const move: WindowPlan[] = [];
  for (const p of next) {
    const c = now.get(p.slot);
    if (!c || c.view !== p.view) open.push(p);
    else if (c.displayId !== p.displayId || !sameRect(c.bounds, p.bounds)) move.push(p);
  }
  const close = current.filter((c) => {
    const w = want.get(c.slot);
    return !w || w.view !== c.view;
  }).map((c) => c.slot);
  return { open, close, move };
}

/** The renderer URL of a wall window: the console's URL with the wall parameters. */
export function wallUrl(serverUrl: string, view: WallView, slot: number): string {
  const url = new URL(serverUrl);
  url.searchParams.set('wall', '1');
  url.searchParams.set('view', view);
  url.searchParams.set('slot', String(slot));
  return url.toString();
}
