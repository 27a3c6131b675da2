import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { Lang } from '../i18n/i18n';
import type { Presence } from '../data/DataSource';
import type { Role } from '../../../shared/protocol/roles';

/** Hovered tag and where the pointer is, in CSS pixels of the map's container. */
export interface Hover {
  index: number;
  x: number;
  y: number;
}

/**
 * Structure the UI renders from: selection, hover, language and the link's state. High-rate
 * values never come through here (they live in the tag store).
 */
export interface UiState {
  lang: Lang;
  presence: Presence;
  /** Why the presence is what it is, e.g. 'sign_in' for an error that needs a sign-in. */
  presenceDetail: string | null;
  /** When the link was last live (ms since epoch, local clock), for "last known state" text. */
  lastLiveAt: number | null;
  /** `person`: the registry person the account is linked to (hazard orders assigned to them), when the session says. */
  user: { name: string; role: Role; person?: string } | null;
  /** Selected tag index, or -1. */
  selected: number;
  hover: Hover | null;
  setLang(lang: Lang): void;
  setPresence(presence: Presence, detail: string | null, at: number): void;
  setUser(user: UiState['user']): void;
  select(index: number): void;
  setHover(hover: Hover | null): void;
}

export const uiStore = createStore<UiState>()((set, get) => ({
  lang: 'zh',
  presence: 'connecting',
  presenceDetail: null,
  lastLiveAt: null,
  user: null,
  selected: -1,
  hover: null,
  setLang: (lang) => set({ lang }),
  setPresence: (presence, detail, at) =>
    set({ presence, presenceDetail: detail, lastLiveAt: presence === 'live' ? at : get().presence === 'live' ? at : get().lastLiveAt }),
  setUser: (user) => set({ user }),
  select: (selected) => set({ selected }),
  setHover: (hover) => {
    const h = get().hover;
    if (h === hover || (h && hover && h.index === hover.index && h.x === hover.x && h.y === hover.y)) return;
    set({ hover });
  },
}));

export function useUi<T>(selector: (s: UiState) => T): T {
  return useStore(uiStore, selector);
}
