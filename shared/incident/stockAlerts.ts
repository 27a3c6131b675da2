import { dayNumber } from '../people/dates';
import type { MaterialKind, StockItem } from './resources';

export type StockAlertKind = 'below_min' | 'expiring' | 'expired';

/** One stock item as it stands now (file figures overridden by journaled restocks and dispatches). */
export interface StockLevel {
  point: string;
  kind: MaterialKind;
  quantity: number;
  minQuantity: number;
  expires: string | null;
}

/**
 * Alerts an item raises on local day `today` (days since epoch): below its minimum; expired
 * (its expiry day is before today); expiring (within `warnDays`, not yet expired). An empty
 * item with no expiry date raises only below_min.
 */
export function stockAlertsOf(item: Pick<StockItem, 'quantity' | 'minQuantity'> & { expires: string | null | undefined }, today: number, warnDays: number): StockAlertKind[] {
  const out: StockAlertKind[] = [];
  if (item.quantity < item.minQuantity) out.push('below_min');
  if (item.expires) {
    const d = dayNumber(item.expires);
    if (d !== null) {
      if (d < today) out.push('expired');
      else if (d - today <= warnDays) out.push('expiring');
    }
  }
  return out;
}

/** True when the item may be handed out: some left and not expired today. */
export function usable(item: { quantity: number; expires: string | null | undefined }, today: number): boolean {
  if (item.quantity <= 0) return false;
  if (!item.expires) return true;
  const d = dayNumber(item.expires);
  return d !== null && d >= today;
}

export interface StockAlertChange {
  point: string;
  kind: MaterialKind;
  alert: StockAlertKind;
  cleared: boolean;
  quantity: number;
  expires: string | null;
}

/**
 * What changed between the active alerts (`<point>/<kind>` → kinds, as the reducer keeps them)
 * and the alerts the levels raise now: new ones, and cleared ones.
 */
export function diffStockAlerts(active: Readonly<Record<string, readonly { alert: StockAlertKind }[]>>, levels: readonly StockLevel[], today: number, warnDays: number): StockAlertChange[] {
  const out: StockAlertChange[] = [];
  for (const l of levels) {
    const key = `${l.point}/${l.kind}`;
    const now = new Set(stockAlertsOf(l, today, warnDays));
    const was = new Set((active[key] ?? []).map((a) => a.alert));
    for (const a of now) if (!was.has(a)) out.push({ point: l.point, kind: l.kind, alert: a, cleared: false, quantity: l.quantity, expires: l.expires });
    for (const a of was) if (!now.has(a)) out.push({ point: l.point, kind: l.kind, alert: a, cleared: true, quantity: l.quantity, expires: l.expires });
  }
  return out;
}
