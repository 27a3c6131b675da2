import type { NativeNotice } from '../../../shared/ipc/api';

/**
 * Where desktop notifications go: in Electron, the main process's native Notification (through
 * the preload bridge); in a browser, the Notification API once the user allowed it. This folder
 * is the only code that touches `window.vigil`.
 */
export interface NotificationSink {
  readonly kind: 'native' | 'browser' | 'none';
  /** 'granted' when notices will show; a browser asks only after a user gesture (requestPermission). */
  permission(): 'granted' | 'denied' | 'default';
  requestPermission(): Promise<'granted' | 'denied' | 'default'>;
  show(notice: NativeNotice & { tag: string }): void;
}

export function notificationSink(): NotificationSink {
  const bridge = window.vigil;
  if (bridge?.notify) {
    const notify = bridge.notify;
    return {
      kind: 'native',
      permission: () => 'granted',
      requestPermission: () => Promise.resolve('granted'),
      show: ({ title, body, urgency }) => void notify({ title, body, urgency }).catch(() => undefined),
    };
  }
  if (typeof Notification !== 'undefined') {
    return {
      kind: 'browser',
      permission: () => Notification.permission,
      requestPermission: () => Notification.requestPermission(),
      show: ({ title, body, urgency, tag }) => {
        if (Notification.permission !== 'granted') return;
        new Notification(title, { body, tag, requireInteraction: urgency === 'critical' });
      },
    };
  }
  return { kind: 'none', permission: () => 'denied', requestPermission: () => Promise.resolve('denied'), show: () => undefined };
}
