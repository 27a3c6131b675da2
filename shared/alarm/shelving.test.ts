import { describe, expect, it } from 'vitest';
import type { AlarmSettings } from '../plant/alarmConfig';
import { checkShelve, formatDuration } from './shelving';

const settings = {
  shelving: {
    byRole: { operator: { maxDurationS: 7200, maxCount: 2 }, shift_lead: { maxDurationS: 28800, maxCount: 20 }, commander: { maxDurationS: 3600, maxCount: 0 } },
    source: 'test only',
  },
} as unknown as AlarmSettings;

describe('checkShelve', () => {
  it('accepts a request within the role limits, up to the edges', () => {
    expect(checkShelve(settings, { role: 'operator', durationS: 7200, reason: 'chattering', shelvedNow: 1 })).toEqual({ ok: true });
    expect(checkShelve(settings, { role: 'shift_lead', durationS: 28800, reason: 'work order', shelvedNow: 10, count: 10 })).toEqual({ ok: true });
  });

  it('refuses roles without a policy or with a zero count', () => {
    const viewer = checkShelve(settings, { role: 'viewer', durationS: 60, reason: 'x', shelvedNow: 0 });
    expect(viewer).toMatchObject({ ok: false, code: 'role_may_not_shelve', message: { zh: '查看员无权搁置报警', en: 'A viewer may not shelve alarms' } });
    expect(checkShelve(settings, { role: 'commander', durationS: 60, reason: 'x', shelvedNow: 0 })).toMatchObject({ ok: false, code: 'role_may_not_shelve' });
  });

  it('refuses too long a shelve and names the limit in both languages', () => {
    const r = checkShelve(settings, { role: 'operator', durationS: 7201, reason: 'chattering', shelvedNow: 0 });
    expect(r).toMatchObject({ ok: false, code: 'too_long', message: { zh: '操作员最多可搁置 2 小时', en: 'An operator may shelve for at most 2 h' } });
  });

  it('refuses past the count, counting the alarms in the request', () => {
    expect(checkShelve(settings, { role: 'operator', durationS: 60, reason: 'x', shelvedNow: 2 })).toMatchObject({ ok: false, code: 'too_many' });
    const r = checkShelve(settings, { role: 'operator', durationS: 60, reason: 'x', shelvedNow: 1, count: 2 });
    expect(r).toMatchObject({ ok: false, code: 'too_many' });
    if (!r.ok) expect(r.message.en).toContain('at most 2 alarms');
  });

  it('refuses an empty reason and a non-positive or non-finite duration', () => {
    expect(checkShelve(settings, { role: 'operator', durationS: 60, reason: '  ', shelvedNow: 0 })).toMatchObject({ ok: false, code: 'empty_reason' });
    expect(checkShelve(settings, { role: 'operator', durationS: 0, reason: 'x', shelvedNow: 0 })).toMatchObject({ ok: false, code: 'bad_duration' });
    expect(checkShelve(settings, { role: 'operator', durationS: Number.NaN, reason: 'x', shelvedNow: 0 })).toMatchObject({ ok: false, code: 'bad_duration' });
  });
});

describe('formatDuration', () => {
  it('writes hours and minutes in both languages', () => {
    expect(formatDuration(9000)).toEqual({ zh: '2 小时 30 分钟', en: '2 h 30 min' });
    expect(formatDuration(1800)).toEqual({ zh: '30 分钟', en: '30 min' });
    expect(formatDuration(45)).toEqual({ zh: '45 秒', en: '45 s' });
  });
});
