import { describe, expect, it } from 'vitest';
import { dayNumber } from '../people/dates';
import { diffStockAlerts, stockAlertsOf, usable } from './stockAlerts';

const today = dayNumber('2026-06-01')!;

describe('stock alerts', () => {
  it('raises below_min, expiring within the window and expired', () => {
    expect(stockAlertsOf({ quantity: 10, minQuantity: 4, expires: '2027-01-01' }, today, 30)).toEqual([]);
    expect(stockAlertsOf({ quantity: 3, minQuantity: 4, expires: undefined }, today, 30)).toEqual(['below_min']);
    expect(stockAlertsOf({ quantity: 5, minQuantity: 4, expires: '2026-06-20' }, today, 30)).toEqual(['expiring']);
    expect(stockAlertsOf({ quantity: 5, minQuantity: 4, expires: '2026-06-01' }, today, 30)).toEqual(['expiring']);
    expect(stockAlertsOf({ quantity: 2, minQuantity: 4, expires: '2026-05-31' }, today, 30)).toEqual(['below_min', 'expired']);
  });

  it('never counts expired or empty stock as usable', () => {
    expect(usable({ quantity: 3, expires: '2026-05-31' }, today)).toBe(false);
    expect(usable({ quantity: 0, expires: null }, today)).toBe(false);
    expect(usable({ quantity: 1, expires: '2026-06-01' }, today)).toBe(true);
  });

  it('reports new alerts and cleared ones against the active set', () => {
    const active = { 'SP-1/scba': [{ alert: 'below_min' as const }], 'SP-1/foam': [{ alert: 'expiring' as const }] };
    const changes = diffStockAlerts(
      active,
      [
        { point: 'SP-1', kind: 'scba', quantity: 8, minQuantity: 4, expires: '2026-05-01' },
        { point: 'SP-1', kind: 'foam', quantity: 8, minQuantity: 4, expires: '2026-06-10' },
      ],
      today,
      30,
    );
    expect(changes).toEqual([
      { point: 'SP-1', kind: 'scba', alert: 'expired', cleared: false, quantity: 8, expires: '2026-05-01' },
      { point: 'SP-1', kind: 'scba', alert: 'below_min', cleared: true, quantity: 8, expires: '2026-05-01' },
    ]);
  });
});
