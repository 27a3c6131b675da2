import type { DispatchUnit, QualState } from '../../shared/incident/dispatchRank';
import { materialKinds, teamKinds, type EmergencyResourcesFile, type MaterialKind } from '../../shared/incident/resources';
import { stockAlertsOf, usable, type StockAlertKind, type StockLevel } from '../../shared/incident/stockAlerts';
import { daysLeft, holdsValid, qualificationStatus } from '../../shared/people/qualifications';
import type { EmergencyState } from '../../shared/state/reducer';
import type { PeopleRegistry } from '../people/PeopleRegistry';

const VEHICLE_KINDS = ['fire_engine', 'hazmat_truck', 'ambulance', 'utility'] as const;

/** What a need names: a team kind, a vehicle kind or a material kind. */
export type NeedKind = 'team' | 'vehicle' | 'material';
export function needKind(need: string): NeedKind | null {
  if ((teamKinds as readonly string[]).includes(need)) return 'team';
  if ((VEHICLE_KINDS as readonly string[]).includes(need)) return 'vehicle';
  if ((materialKinds as readonly string[]).includes(need)) return 'material';
  return null;
}
export const knownNeeds: readonly string[] = [...teamKinds, ...VEHICLE_KINDS, ...materialKinds];

/**
 * The plant's emergency resources (emergency-resources.json) as they stand now: stock levels
 * are the file's, overridden by journaled changes (`CommandState.emergency.stock`); team
 * members' qualifications come from the people registry, judged on the plant's local day.
 */
export class ResourceBook {
  constructor(
    readonly file: EmergencyResourcesFile,
    private readonly registry: PeopleRegistry,
  ) {}

  /** Every stock item with its current quantity and expiry. */
  levels(state: Pick<EmergencyState, 'stock'>): StockLevel[] {
    return this.file.stockPoints.flatMap((sp) =>
      sp.items.map((it) => {
        const cur = state.stock[`${sp.id}/${it.kind}`];
        return { point: sp.id, kind: it.kind, quantity: cur ? cur.quantity : it.quantity, minQuantity: it.minQuantity, expires: cur ? cur.expires : (it.expires ?? null) };
      }),
    );
  }

  level(state: Pick<EmergencyState, 'stock'>, point: string, kind: MaterialKind): StockLevel | null {
    return this.levels(state).find((l) => l.point === point && l.kind === kind) ?? null;
  }

  qualification(person: string, type: string, today: number): QualState {
    const records = this.registry.qualificationsOf(person);
    if (holdsValid(records, type, today)) return 'valid';
    return records.some((q) => q.type === type && q.passed) ? 'expired' : 'missing';
  }

  /** Units that could answer `need`, with where they start and how fast they go. */
  units(need: string, state: Pick<EmergencyState, 'stock'>, today: number, requiresExtra: readonly string[] = []): DispatchUnit[] {
    const f = this.file;
    const walk = f.walkMS;
    const road = f.roadKmh / 3.6;
    switch (needKind(need)) {
      case 'team':
        return f.teams
          .filter((t) => t.kind === need)
          .map((t) => {
            const v = t.vehicle ? f.vehicles.find((x) => x.id === t.vehicle) : undefined;
            return { id: t.id, unitKind: 'team', base: [t.base[0], t.base[1]], speedMS: v ? v.speedKmh / 3.6 : walk, offroadMS: walk, members: t.members, requires: [...new Set([...t.requires, ...requiresExtra])] };
          });
      case 'vehicle':
        return f.vehicles.filter((v) => v.kind === need).map((v) => ({ id: v.id, unitKind: 'vehicle', base: [v.base[0], v.base[1]], speedMS: v.speedKmh / 3.6, offroadMS: walk, members: [], requires: [] }));
      case 'material':
        return f.stockPoints.flatMap((sp) => {
          const l = this.level(state, sp.id, need as MaterialKind);
          if (!l) return [];
          return [{ id: sp.id, unitKind: 'stock' as const, base: [sp.position[0], sp.position[1]] as [number, number], speedMS: road, offroadMS: walk, members: [], requires: [], available: usable(l, today) ? l.quantity : 0 }];
        });
      default:
        return [];
    }
  }

  /** GET /api/v1/resources: teams with each member's qualification standing, vehicles, stock with alerts. */
  view(state: Pick<EmergencyState, 'stock' | 'alerts'>, today: number): ResourcesView {
    const f = this.file;
    const levels = this.levels(state);
    return {
      teams: f.teams.map((t) => ({
        id: t.id,
        name: t.name,
        kind: t.kind,
        base: t.base,
        vehicle: t.vehicle ?? null,
        requires: t.requires,
        members: t.members.map((m) => {
          const idx = this.registry.indexOf(m);
          const person = idx === undefined ? undefined : this.registry.people[idx];
          const records = this.registry.qualificationsOf(m);
          return {
            person: m,
            name: person?.name ?? null,
            role: person?.role ?? null,
            qualifications: t.requires.map((type) => {
              const mine = records.filter((q) => q.type === type);
              const best = mine.filter((q) => q.passed).sort((a, b) => (daysLeft(b, today) ?? Infinity) - (daysLeft(a, today) ?? Infinity))[0];
              return { type, status: best ? qualificationStatus(best, today, f.expiryWarnDays) : ('missing' as const), expires: best?.expires ?? null };
            }),
            fit: t.requires.every((type) => this.qualification(m, type, today) === 'valid'),
          };
        }),
      })),
      vehicles: f.vehicles,
      stock: f.stockPoints.map((sp) => ({
        id: sp.id,
        name: sp.name,
        position: sp.position,
        area: sp.area ?? null,
        items: levels
          .filter((l) => l.point === sp.id)
          .map((l) => ({ kind: l.kind, quantity: l.quantity, minQuantity: l.minQuantity, expires: l.expires, usable: usable(l, today), alerts: stockAlertsOf(l, today, f.expiryWarnDays), alertsSince: state.alerts[`${l.point}/${l.kind}`] ?? [] })),
      })),
      needs: f.needs,
      walkMS: f.walkMS,
      roadKmh: f.roadKmh,
      expiryWarnDays: f.expiryWarnDays,
    };
  }
}

export interface ResourcesView {
  teams: {
    id: string;
    name: { zh: string; en: string };
    kind: string;
    base: [number, number, number];
    vehicle: string | null;
    requires: string[];
    members: { person: string; name: { zh: string; en: string } | null; role: string | null; qualifications: { type: string; status: 'valid' | 'expiring' | 'expired' | 'failed' | 'missing'; expires: string | null }[]; fit: boolean }[];
  }[];
  vehicles: EmergencyResourcesFile['vehicles'];
  stock: { id: string; name: { zh: string; en: string }; position: [number, number, number]; area: string | null; items: { kind: MaterialKind; quantity: number; minQuantity: number; expires: string | null; usable: boolean; alerts: StockAlertKind[]; alertsSince: { alert: StockAlertKind; since: number }[] }[] }[];
  needs: EmergencyResourcesFile['needs'];
  walkMS: number;
  roadKmh: number;
  expiryWarnDays: number;
}
