import type { Equipment, Plant } from '../../../shared/plant/schema';
import type { RobotDef, RobotFinding, RobotState, RobotStatus } from '../../../shared/robots/model';
import type { WorkState } from '../../../shared/state/reducer';
import type { Lang } from '../i18n/i18n';
import type { RobotStore } from '../stores/robotStore';
import { batteryBar, readingRows, robotLook, robotLookStyles, routePlace, type ReadingRow, type RobotLook } from './robotView';

/** Everything the hover card, the robot card and the panel show of one robot now. */
export interface RobotCardView {
  index: number;
  id: string;
  name: string;
  model: string;
  /** Live state, else the journal's, else null (never heard of). */
  state: RobotState | null;
  /** Since when in this state (journal time, ms), or null. */
  since: number | null;
  look: RobotLook;
  abnormal: boolean;
  battery: { share: number; low: boolean; text: string };
  /** Checkpoint ids it is at / heads for (null when unknown), with their equipment names. */
  at: { id: string; equipment: string } | null;
  next: { id: string; equipment: string } | null;
  readings: ReadingRow[];
  /** Seconds since its last status, or null when none came. */
  ageS: number | null;
  /** Its findings, newest first. */
  findings: RobotFinding[];
  route: RobotDef['route'];
}

const equipmentMaps = new WeakMap<Plant, Map<string, Equipment>>();

/** Equipment by id of a plant model (built once per model). */
export function equipmentById(plant: Plant): Map<string, Equipment> {
  let m = equipmentMaps.get(plant);
  if (!m) {
    m = new Map(plant.equipment.map((e) => [e.id, e]));
    equipmentMaps.set(plant, m);
  }
  return m;
}

/** Robot `index` of the store as the console shows it at server time `now`; null when there is no such robot. */
export function readRobot(index: number, store: RobotStore, plant: Plant, work: WorkState | undefined, lang: Lang, now: number): RobotCardView | null {
  const def = store.defs[index];
  if (!def) return null;
  const status: RobotStatus | null = store.statuses[index] ?? null;
  const journal = work?.robots[def.id];
  const look = robotLook(def, status, now, journal?.state);
  const eq = equipmentById(plant);
  const place = routePlace(def, status);
  const cp = (i: number): { id: string; equipment: string } | null => {
    const c = def.route[i];
    return c ? { id: c.id, equipment: eq.get(c.equipment)?.name[lang] ?? c.equipment } : null;
  };
  const findings: RobotFinding[] = [];
  const all = work?.findings ?? [];
  for (let i = all.length - 1; i >= 0; i--) if (all[i]!.robot === def.id) findings.push(all[i]!);
  return {
    index,
    id: def.id,
    name: def.name[lang],
    model: def.model,
    state: status?.state ?? journal?.state ?? null,
    since: journal && (!status || journal.state === status.state) ? journal.since : null,
    look,
    abnormal: robotLookStyles[look].abnormal,
    battery: batteryBar(def, status),
    at: cp(place.at),
    next: cp(place.next),
    readings: readingRows(def, status, store.standards, eq),
    ageS: status ? Math.max(0, Math.round((now - status.time) / 1000)) : null,
    findings,
    route: def.route,
  };
}
