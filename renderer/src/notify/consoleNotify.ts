import { commandStore } from '../stores/commandStore';
import { uiStore } from '../stores/uiStore';
import { notificationSink, type NotificationSink } from '../platform/nativeNotify';
import { NotifyService } from './notifyService';

let running: { service: NotifyService; sink: NotificationSink } | null = null;

/** Starts the console's notifications (main.tsx): follows command state and the signed-in user. */
export function startConsoleNotify(opts: { wall: boolean }): { service: NotifyService; sink: NotificationSink } {
  if (running) return running;
  const sink = notificationSink();
  let storage: Storage | null;
  try {
    storage = window.localStorage;
  } catch {
    storage = null;
  }
  const service = new NotifyService({
    sink,
    storage,
    wall: opts.wall,
    lang: () => uiStore.getState().lang,
    subscribe: (l) => commandStore.subscribe((s, p) => l(s.state, p.state)),
  });
  uiStore.subscribe((s, p) => {
    if (s.user && s.user !== p.user) service.signedIn(opts.wall ? 'wall' : s.user.name, s.user.role);
  });
  service.start();
  running = { service, sink };
  return running;
}

export function consoleNotify(): { service: NotifyService; sink: NotificationSink } | null {
  return running;
}
