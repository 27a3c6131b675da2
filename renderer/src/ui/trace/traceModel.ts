import type { Plant, Tag } from '../../../../shared/plant/schema';
import type { CommandState } from '../../../../shared/state/reducer';
import type { LocalText } from '../../../../shared/plant/primitives';

/** What a reconstruction is about: an incident or a hazard (a near miss above all). */
export type TraceTarget = { kind: 'incident' | 'hazard'; id: string };

/** Where and when it happened, from the reduced state. */
export interface TraceFocus {
  title: LocalText;
  /** The instant it happened (incident opened, near miss occurred), ms. */
  t0: number;
  x: number;
  y: number;
  area: string | null;
  equipment: string | null;
}

/** The focus of a target in `state`, or null when the state does not hold it (any more). */
export function traceFocus(state: CommandState, target: TraceTarget): TraceFocus | null {
  if (target.kind === 'incident') {
    const i = state.emergency.incidents[target.id];
    if (!i) return null;
    return { title: i.title, t0: i.openedAt, x: i.source.position[0], y: i.source.position[1], area: i.area, equipment: i.source.equipment };
  }
  const h = state.work.hazards[target.id];
  if (!h) return null;
  return { title: h.title, t0: h.nearMiss?.occurredAt ?? h.reportedAt, x: h.position[0], y: h.position[1], area: h.area, equipment: h.equipment };
}

/**
 * The tags whose trends tell the story: those on the equipment first, then the nearest to the
 * source (plan distance), at most `n`. Ties keep plant order.
 */
export function nearestTags(plant: Pick<Plant, 'tags'>, f: Pick<TraceFocus, 'x' | 'y' | 'equipment'>, n: number): Tag[] {
  const scored = plant.tags.map((t, i) => ({ t, i, onEquipment: f.equipment !== null && t.equipment === f.equipment, d: Math.hypot(t.position[0] - f.x, t.position[1] - f.y) }));
  scored.sort((a, b) => Number(b.onEquipment) - Number(a.onEquipment) || a.d - b.d || a.i - b.i);
  return scored.slice(0, n).map((s) => s.t);
}
