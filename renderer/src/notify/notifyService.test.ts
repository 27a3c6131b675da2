import { describe, expect, it } from 'vitest';
import { initialState, type CommandState } from '../../../shared/state/reducer';
import { completeState } from '../data/completeState';
import type { NotificationSink } from '../platform/nativeNotify';
import { NotifyService, notifyPrefsStore, prefsKey } from './notifyService';
import type { AlarmRecord } from '../../../shared/alarm/model';

function rig(wall = false) {
  const shown: { title: string; tag: string; urgency: string }[] = [];
  const sink: NotificationSink = { kind: 'browser', permission: () => 'granted', requestPermission: () => Promise.resolve('granted'), show: (n) => shown.push(n) };
  let listener: ((n: CommandState, p: CommandState) => void) | null = null;
  const m = new Map<string, string>();
  const svc = new NotifyService({
    sink,
    storage: { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v) },
    wall,
    lang: () => 'en',
    subscribe: (l) => {
      listener = l;
      return () => (listener = null);
    },
  });
  return { svc, shown, m, emit: (n: CommandState, p: CommandState) => listener?.(n, p) };
}

const a = (id: string, at: number): AlarmRecord =>
  ({ id, source: id, priority: 1, area: 'A', message: { zh: '高', en: 'High' }, activatedAt: at, lastChange: at, lifecycle: { active: true, acked: false, latched: false, shelved: null, suppressed: false, outOfService: null } }) as unknown as AlarmRecord;

describe('NotifyService', () => {
  it('takes the first change as the baseline, then shows each new alarm once in the chosen language', () => {
    const r = rig();
    r.svc.signedIn('cmdr', 'commander');
    r.svc.start();
    const s0 = completeState(initialState());
    const s1 = { ...s0, alarms: { X: a('X', 1) } };
    r.emit(s1, s0);
    expect(r.shown).toEqual([]);
    const s2 = { ...s1, alarms: { ...s1.alarms, Y: a('Y', 2) } };
    r.emit(s2, s1);
    r.emit(s2, s1);
    expect(r.shown.map((n) => [n.title, n.urgency])).toEqual([['Priority 1 alarm · Y', 'critical']]);
  });

  it('saves preferences per user and reads them back; a wall stays silent by default', () => {
    const r = rig(true);
    r.svc.signedIn('wall', 'viewer');
    expect(notifyPrefsStore.getState().prefs.alarmPriority).toBe(0);
    r.svc.savePrefs({ version: 1, enabled: true, alarmPriority: 2, evacuation: true, onWall: false });
    expect(JSON.parse(r.m.get(prefsKey('wall'))!)).toMatchObject({ alarmPriority: 2 });
    r.svc.signedIn('wall', 'viewer');
    expect(notifyPrefsStore.getState().prefs.alarmPriority).toBe(2);
    r.svc.start();
    const s0 = completeState(initialState());
    r.emit(s0, s0);
    r.emit({ ...s0, alarms: { Z: a('Z', 5) } }, s0);
    expect(r.shown).toEqual([]);
  });
});
