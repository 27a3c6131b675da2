import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { Role } from '../../../shared/protocol/roles';
import type { CommandState } from '../../../shared/state/reducer';
import type { Lang } from '../i18n/i18n';
import type { NotificationSink } from '../platform/nativeNotify';
import { defaultNotifyPrefs, newNotices, notifyPrefsSchema, type NotifyPrefs } from './notifyRules';

export const prefsKey = (user: string): string => `vigil.notify.${user}`;

/** The user's notification preferences (local storage per user; role defaults until saved). */
export const notifyPrefsStore = createStore<{ prefs: NotifyPrefs; user: string | null }>()(() => ({ prefs: defaultNotifyPrefs(null), user: null }));
export const useNotifyPrefs = (): NotifyPrefs => useStore(notifyPrefsStore, (s) => s.prefs);

export interface NotifyDeps {
  sink: NotificationSink;
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  wall: boolean;
  lang: () => Lang;
  /** Subscribes to command state changes (commandStore). */
  subscribe: (listener: (next: CommandState, prev: CommandState) => void) => () => void;
}

/**
 * Shows desktop notifications for what newNotices picks from each command-state change. The
 * first state after start (the snapshot) only sets the baseline. Keys already shown are not
 * shown again (a resync replays state).
 */
export class NotifyService {
  private readonly shown = new Set<string>();
  private baseline = false;
  private off: (() => void) | null = null;

  constructor(private readonly deps: NotifyDeps) {}

  /** Loads the user's preferences (or the role's defaults). */
  signedIn(user: string, role: Role): void {
    let prefs = defaultNotifyPrefs(role);
    const raw = this.deps.storage?.getItem(prefsKey(user));
    if (raw) {
      const parsed = notifyPrefsSchema.safeParse(safeJson(raw));
      if (parsed.success) prefs = parsed.data;
    }
    notifyPrefsStore.setState({ prefs, user });
  }

  savePrefs(prefs: NotifyPrefs): void {
    const valid = notifyPrefsSchema.parse(prefs);
    const user = notifyPrefsStore.getState().user;
    notifyPrefsStore.setState({ prefs: valid });
    if (user) this.deps.storage?.setItem(prefsKey(user), JSON.stringify(valid));
  }

  start(): void {
    this.off = this.deps.subscribe((next, prev) => {
      if (!this.baseline) {
        this.baseline = true;
        return;
      }
      const lang = this.deps.lang();
      for (const n of newNotices(prev, next, notifyPrefsStore.getState().prefs, { wall: this.deps.wall })) {
        if (this.shown.has(n.key)) continue;
        this.shown.add(n.key);
        if (this.shown.size > 5000) this.shown.clear();
        this.deps.sink.show({ title: n.title[lang], body: n.body[lang], urgency: n.urgency, tag: n.key });
      }
    });
  }

  stop(): void {
    this.off?.();
  }
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}
