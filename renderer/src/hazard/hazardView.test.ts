import { describe, expect, it } from 'vitest';
import { hazardRecordSchema } from '../../../shared/hazard/model';
import { hazardFixture as hz } from './hazardFixtures';
import { compareHazards, defaultHazardFilter, formatDuration, hazardCounts, hazardRows, isOverdue, matchesFilter, timeLeft } from './hazardView';

const NOW = 10_000_000;
const MIN = 60_000;
const H = 60 * MIN;

describe('hazard list view', () => {
  it('the fixture is a valid record (so the tests exercise real shapes)', () => {
    expect(hazardRecordSchema.safeParse(hz({ id: 'HZ-1' })).success).toBe(true);
  });

  it('overdue: the server flag, or an open order past its deadline; never a closed one', () => {
    expect(isOverdue(hz({ id: 'a', deadline: NOW + H }), NOW)).toBe(false);
    expect(isOverdue(hz({ id: 'a', deadline: NOW - 1 }), NOW)).toBe(true);
    expect(isOverdue(hz({ id: 'a', deadline: NOW + H, overdue: true }), NOW)).toBe(true);
    expect(isOverdue(hz({ id: 'a', deadline: NOW - H, state: 'closed' }), NOW)).toBe(false);
    expect(isOverdue(hz({ id: 'a', deadline: null }), NOW)).toBe(false);
  });

  it('filters by state (open by default), grade, source, area and overdue', () => {
    const f = defaultHazardFilter;
    const closed = hz({ id: 'c', state: 'closed' });
    expect(matchesFilter(closed, f, NOW)).toBe(false);
    expect(matchesFilter(closed, { ...f, state: 'all' }, NOW)).toBe(true);
    expect(matchesFilter(closed, { ...f, state: 'closed' }, NOW)).toBe(true);
    expect(matchesFilter(hz({ id: 'x', state: 'rectifying' }), { ...f, state: 'closed' }, NOW)).toBe(false);
    expect(matchesFilter(hz({ id: 'm', grade: 'major' }), { ...f, grade: 'general' }, NOW)).toBe(false);
    expect(matchesFilter(hz({ id: 'm', grade: 'major' }), { ...f, grade: 'major' }, NOW)).toBe(true);
    expect(matchesFilter(hz({ id: 'u', grade: null, state: 'reported' }), { ...f, grade: 'ungraded' }, NOW)).toBe(true);
    expect(matchesFilter(hz({ id: 'g' }), { ...f, grade: 'ungraded' }, NOW)).toBe(false);
    expect(matchesFilter(hz({ id: 'r', source: 'robot' }), { ...f, source: 'near_miss' }, NOW)).toBe(false);
    expect(matchesFilter(hz({ id: 'r', source: 'robot' }), { ...f, source: 'robot' }, NOW)).toBe(true);
    expect(matchesFilter(hz({ id: 'a', area: 'A2' }), { ...f, area: 'A1' }, NOW)).toBe(false);
    expect(matchesFilter(hz({ id: 'o', deadline: NOW + H }), { ...f, overdueOnly: true }, NOW)).toBe(false);
    expect(matchesFilter(hz({ id: 'o', deadline: NOW - H }), { ...f, overdueOnly: true }, NOW)).toBe(true);
  });

  it('sorts open before closed, overdue first, then by deadline, no deadline last (newest report first)', () => {
    const rows = hazardRows(
      [
        hz({ id: 'closed-old', state: 'closed', closedAt: 5 }),
        hz({ id: 'nodl-old', reportedAt: 1 }),
        hz({ id: 'late', deadline: NOW + 5 * H }),
        hz({ id: 'overdue', deadline: NOW - H }),
        hz({ id: 'soon', deadline: NOW + H }),
        hz({ id: 'nodl-new', reportedAt: 9 }),
        hz({ id: 'closed-new', state: 'dismissed', closedAt: 50 }),
      ],
      { ...defaultHazardFilter, state: 'all' },
      NOW,
    );
    expect(rows.map((r) => r.id)).toEqual(['overdue', 'soon', 'late', 'nodl-new', 'nodl-old', 'closed-new', 'closed-old']);
    expect(compareHazards(rows[0]!, rows[0]!, NOW)).toBe(0);
  });

  it('time left: none, left, overdue by, done', () => {
    expect(timeLeft(hz({ id: 'a' }), NOW)).toEqual({ kind: 'none' });
    expect(timeLeft(hz({ id: 'a', deadline: NOW + 2 * H }), NOW)).toEqual({ kind: 'left', ms: 2 * H });
    expect(timeLeft(hz({ id: 'a', deadline: NOW - 3 * MIN }), NOW)).toEqual({ kind: 'overdue', ms: 3 * MIN });
    // The server's flag wins even if the console's clock is a little behind.
    expect(timeLeft(hz({ id: 'a', deadline: NOW + MIN, overdue: true }), NOW)).toEqual({ kind: 'overdue', ms: 0 });
    expect(timeLeft(hz({ id: 'a', deadline: NOW - H, state: 'closed' }), NOW)).toEqual({ kind: 'done' });
  });

  it('formats durations in the two largest units, both languages', () => {
    expect(formatDuration(30_000, 'en')).toBe('< 1 min');
    expect(formatDuration(30_000, 'zh')).toBe('不到1分钟');
    expect(formatDuration(12 * MIN + 59_000, 'en')).toBe('12 min');
    expect(formatDuration(3 * H + 20 * MIN, 'en')).toBe('3 h 20 min');
    expect(formatDuration(3 * H + 20 * MIN, 'zh')).toBe('3小时20分钟');
    expect(formatDuration(2 * H, 'en')).toBe('2 h');
    expect(formatDuration(2 * 24 * H + 3 * H + 59 * MIN, 'en')).toBe('2 d 3 h');
    expect(formatDuration(2 * 24 * H + 3 * H, 'zh')).toBe('2天3小时');
    expect(formatDuration(5 * 24 * H, 'en')).toBe('5 d');
    expect(formatDuration(-5, 'en')).toBe('< 1 min');
  });

  it('counts open, major and overdue orders, leaving drills out', () => {
    const c = hazardCounts(
      [hz({ id: 'a', grade: 'major' }), hz({ id: 'b', deadline: NOW - 1 }), hz({ id: 'c', state: 'closed', grade: 'major' }), hz({ id: 'd', drill: true, grade: 'major' })],
      NOW,
    );
    expect(c).toEqual({ open: 2, major: 1, overdue: 1 });
  });
});
