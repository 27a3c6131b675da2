import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

/** A short message to the user about something they did (a command's result). */
export interface Notice {
  id: number;
  kind: 'ok' | 'error';
  /** i18n key and values of the text. */
  key: string;
  values: Record<string, string | number>;
  /** i18n key of the action's name, for refusals ("{{action}} refused"). */
  action?: string;
  /** The server's own words, when it refused (English, as the protocol sends them). */
  detail?: string;
  at: number;
}

export const NOTICE_LIMIT = 4;

export interface NoticeState {
  notices: Notice[];
  push(n: Omit<Notice, 'id' | 'at'>, at?: number): number;
  dismiss(id: number): void;
}

let next = 1;

/** Command results shown as toasts: newest last, at most NOTICE_LIMIT at once. */
export const noticeStore = createStore<NoticeState>()((set) => ({
  notices: [],
  push: (n, at = Date.now()) => {
    const id = next++;
    set((s) => ({ notices: [...s.notices, { ...n, id, at }].slice(-NOTICE_LIMIT) }));
    return id;
  },
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((x) => x.id !== id) })),
}));

export function useNotices<T>(selector: (s: NoticeState) => T): T {
  return useStore(noticeStore, selector);
}
