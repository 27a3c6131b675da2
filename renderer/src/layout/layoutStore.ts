import { createStore } from 'zustand/vanilla';
import { exportLayouts, layoutSchema, LayoutError, parseLayoutFile, type Layout, type LayoutRole } from './layoutSchema';
import { defaultLayoutFor } from './roleLayouts';

/** Where a user's own layouts are kept (the browser's local storage in the console). */
export interface LayoutRepo {
  load(user: string): string | null;
  save(user: string, text: string): void;
}

export const layoutKey = (user: string): string => `vigil.layouts.${user}`;

export function localLayoutRepo(storage: Pick<Storage, 'getItem' | 'setItem'>): LayoutRepo {
  return {
    load: (user) => storage.getItem(layoutKey(user)),
    save: (user, text) => storage.setItem(layoutKey(user), text),
  };
}

export interface LayoutState {
  /** The plant's shipped layouts (resources/layouts). */
  shipped: readonly Layout[];
  /** The user's saved layouts (their own or imported), newest choice wins on id. */
  saved: readonly Layout[];
  /** The layout in use now (possibly changed and not yet saved). */
  active: Layout;
  user: string | null;
}

export type ImportResult = { ok: true; layouts: Layout[] } | { ok: false; message: string };

/**
 * Layouts as a small store with explicit actions: start for a user and role, choose among the
 * shipped and saved ones, change the active one, save, export and import. Storage goes through
 * a LayoutRepo (tests pass a Map); a corrupt saved entry is dropped, never fatal.
 */
export function createLayoutStore(repo: LayoutRepo, shipped: readonly Layout[]) {
  const store = createStore<LayoutState>()(() => ({ shipped, saved: [], active: defaultLayoutFor('shift_lead', shipped), user: null }));
  const persist = (): void => {
    const { user, saved } = store.getState();
    if (user) repo.save(user, exportLayouts(saved));
  };
  const api = {
    store,
    /** Loads the user's saved layouts and activates their last one for `role`, else the role's default. */
    start(user: string, role: LayoutRole): void {
      let saved: Layout[] = [];
      const text = repo.load(user);
      if (text) {
        try {
          saved = parseLayoutFile(text);
        } catch {
          saved = [];
        }
      }
      const mine = saved.find((l) => l.role === role);
      store.setState({ user, saved, active: mine ?? defaultLayoutFor(role, shipped) });
    },
    all(): Layout[] {
      const s = store.getState();
      const ids = new Set(s.saved.map((l) => l.id));
      return [...s.saved, ...s.shipped.filter((l) => !ids.has(l.id))];
    },
    choose(id: string): boolean {
      const l = api.all().find((x) => x.id === id);
      if (!l) return false;
      store.setState({ active: l });
      return true;
    },
    /** Changes the active layout; refused (false) when the result is not a valid layout. */
    change(patch: (l: Layout) => Layout): boolean {
      const next = layoutSchema.safeParse(patch(store.getState().active));
      if (!next.success) return false;
      store.setState({ active: next.data });
      return true;
    },
    /** Saves the active layout under the user (replacing one with the same id; a shipped layout becomes the user's copy). */
    save(): void {
      const s = store.getState();
      store.setState({ saved: [s.active, ...s.saved.filter((l) => l.id !== s.active.id)] });
      persist();
    },
    exportText(which: 'active' | 'saved' = 'active'): string {
      const s = store.getState();
      return exportLayouts(which === 'active' ? [s.active] : s.saved);
    },
    /** Imports a file: every layout is migrated and saved for the user; the first becomes active. */
    importText(text: string): ImportResult {
      try {
        const layouts = parseLayoutFile(text);
        const s = store.getState();
        const ids = new Set(layouts.map((l) => l.id));
        store.setState({ saved: [...layouts, ...s.saved.filter((l) => !ids.has(l.id))], active: layouts[0]! });
        persist();
        return { ok: true, layouts };
      } catch (err) {
        return { ok: false, message: err instanceof LayoutError ? err.message : String(err) };
      }
    },
  };
  return api;
}

export type LayoutStore = ReturnType<typeof createLayoutStore>;
