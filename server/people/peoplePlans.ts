import type { PersonRole } from '../../shared/people/registry';
import type { Plant } from '../../shared/plant/schema';

/** Where a simulated person goes next: one of these area sets, chosen by weight. */
export interface AreaPlan {
  areas: number[];
  weight: number;
}

/** How long people of each role stay at one work point, minutes [min, max] (indoors twice as long). */
export const DWELL_MIN: Readonly<Record<PersonRole, [number, number]>> = {
  operator: [3, 12],
  shift_lead: [5, 20],
  maintenance: [10, 40],
  contractor: [20, 60],
  visitor: [20, 60],
  hse: [5, 20],
  fire_brigade: [20, 90],
  security: [30, 120],
  lab: [15, 45],
  manager: [20, 90],
  driver: [10, 30],
};

/** Walking speed range, m/s: comfortable adult gait is about 1.2–1.4 m/s (Bohannon 1997 ⚠); PPE and plant terrain slow it. */
export const SPEED_MS: [number, number] = [1.0, 1.45];

/**
 * The areas a person of `role` works in: their assigned areas mostly, with the role's usual
 * other destinations (the control room for handovers, production areas for rounds).
 */
export function areaPlans(plant: Plant, role: PersonRole, assigned: readonly string[]): AreaPlan[] {
  const idx = (ids: readonly string[]): number[] => ids.map((id) => plant.areas.findIndex((a) => a.id === id)).filter((i) => i >= 0);
  const byKind = (...kinds: string[]): number[] => plant.areas.flatMap((a, i) => (kinds.includes(a.kind) ? [i] : []));
  const production = plant.areas.flatMap((a, i) => (['admin', 'control_room', 'fire_station', 'pipe_rack'].includes(a.kind) ? [] : [i]));
  const own = idx(assigned);
  const ccr = byKind('control_room');
  const admin = byKind('admin');
  const fire = byKind('fire_station');
  const plans: AreaPlan[] = [];
  const add = (areas: number[], weight: number): void => {
    if (areas.length > 0) plans.push({ areas, weight });
  };
  switch (role) {
    case 'operator':
      add(own, 0.9);
      add(ccr, 0.1);
      break;
    case 'shift_lead':
      add(ccr, 0.5);
      add(production, 0.5);
      break;
    case 'hse':
      add(production, 0.7);
      add(admin, 0.3);
      break;
    case 'fire_brigade':
      add(own.length ? own : fire, 0.9);
      add(production, 0.1);
      break;
    case 'lab':
      add(own, 0.8);
      add(idx(['RX', 'PROC']), 0.2);
      break;
    case 'manager':
      add(own.length ? own : admin, 0.8);
      add(ccr, 0.1);
      add(production, 0.1);
      break;
    default:
      add(own.length ? own : admin, 1);
  }
  if (plans.length === 0) add(production.length ? production : plant.areas.map((_, i) => i), 1);
  return plans;
}
