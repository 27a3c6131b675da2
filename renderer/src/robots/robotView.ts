import type { Equipment, LocalText } from '../../../shared/plant/schema';
import type { RobotDef, RobotSensorKind, RobotStandard, RobotState, RobotStatus } from '../../../shared/robots/model';

/**
 * What the console makes of a robot's status: one look for the map (ISA-101: muted grey while
 * it patrols normally, colour only when something needs a person), its readings against the
 * plant's standards, and where it is on its route. Pure: the map, the hover card and the panel
 * all read it, and unit tests pin it down.
 */

/** A status older than this (server ms) is stale: the robot is drawn faded and said to be silent. */
export const STALE_MS = 10_000;

export const robotLooks = ['normal', 'investigating', 'lowBattery', 'fault', 'offline', 'stale'] as const;
export type RobotLook = (typeof robotLooks)[number];

export interface RobotLookStyle {
  /** sRGB hex for the map. */
  color: number;
  css: string;
  /** Drawn larger than a normal robot, so colour is never the only cue. */
  scale: number;
  abnormal: boolean;
}

/**
 * Muted grey for normal work (patrolling, measuring, returning, charging); amber (the warning
 * colour) for a low battery, magenta (an instrument fault, as for sensors) for a fault, a clear
 * blue for a robot sent to look at a finding, and faded light grey for one that is silent.
 */
export const robotLookStyles: Readonly<Record<RobotLook, RobotLookStyle>> = {
  normal: { color: 0x5e6368, css: '#5e6368', scale: 1, abnormal: false },
  investigating: { color: 0x1f86c8, css: '#1f86c8', scale: 1.3, abnormal: true },
  lowBattery: { color: 0xf2a007, css: '#f2a007', scale: 1.3, abnormal: true },
  fault: { color: 0xd21fd2, css: '#d21fd2', scale: 1.4, abnormal: true },
  offline: { color: 0xd9dadb, css: '#d9dadb', scale: 1, abnormal: true },
  stale: { color: 0xd9dadb, css: '#d9dadb', scale: 1, abnormal: true },
};

/**
 * Low battery: below the level where it should head home while it is not heading home or
 * charging, or below half that level whatever it does (it may not make it back).
 */
export function isLowBattery(def: RobotDef, status: RobotStatus): boolean {
  const heading = status.state === 'returning' || status.state === 'charging';
  return status.batteryPct < def.returnPct / 2 || (status.batteryPct < def.returnPct && !heading);
}

/** The look of a robot now (server ms); `state` from the journal when no status came yet. */
export function robotLook(def: RobotDef, status: RobotStatus | null, now: number, journalState?: RobotState): RobotLook {
  if (!status) return journalState === 'fault' ? 'fault' : 'offline';
  if (now - status.time > STALE_MS) return 'stale';
  if (status.state === 'fault') return 'fault';
  if (status.state === 'offline') return 'offline';
  if (isLowBattery(def, status)) return 'lowBattery';
  if (status.state === 'investigating') return 'investigating';
  return 'normal';
}

/** The standard a reading of `sensor` at equipment of `kind` is held to, or undefined. */
export function standardFor(standards: readonly RobotStandard[], sensor: RobotSensorKind | string, kind: string | undefined): RobotStandard | undefined {
  const fits = standards.filter((s) => s.sensor === sensor);
  return fits.find((s) => s.equipmentTypes !== '*' && kind !== undefined && s.equipmentTypes.includes(kind)) ?? fits.find((s) => s.equipmentTypes === '*');
}

export interface ReadingRow {
  sensor: string;
  value: number;
  unit: string;
  at: number;
  checkpoint: string;
  equipment: LocalText | null;
  limit: number | null;
  majorLimit: number | null;
  /** 'ok' below the limit, 'over' at or above it, 'major' at or above the major limit, 'none' without a standard. */
  verdict: 'ok' | 'over' | 'major' | 'none';
}

/** The robot's last reading per sensor, each against its standard (sensor order: thermal, gas, noise). */
export function readingRows(def: RobotDef, status: RobotStatus | null, standards: readonly RobotStandard[], equipment: ReadonlyMap<string, Equipment>): ReadingRow[] {
  if (!status) return [];
  const rank = (s: string): number => {
    const i = ['thermal', 'gas', 'gas_toxic', 'noise'].indexOf(s);
    return i < 0 ? 99 : i;
  };
  return Object.entries(status.readings)
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([sensor, r]) => {
      const eqId = def.route.find((c) => c.id === r.checkpoint)?.equipment;
      const eq = eqId ? equipment.get(eqId) : undefined;
      const std = standardFor(standards, sensor, eq?.kind);
      const verdict = !std ? 'none' : std.majorLimit !== undefined && r.value >= std.majorLimit ? 'major' : r.value >= std.limit ? 'over' : 'ok';
      return { sensor, value: r.value, unit: r.unit, at: r.at, checkpoint: r.checkpoint, equipment: eq?.name ?? null, limit: std?.limit ?? null, majorLimit: std?.majorLimit ?? null, verdict };
    });
}

/** A robot within this many metres of a checkpoint is at it. */
export const AT_CHECKPOINT_M = 3;

/** The checkpoint the robot is at (if any) and the next one it heads for, by route index. */
export function routePlace(def: RobotDef, status: RobotStatus | null): { at: number; next: number } {
  if (!status) return { at: -1, next: -1 };
  const n = def.route.length;
  const [x, y] = status.position;
  let at = -1;
  let best = AT_CHECKPOINT_M;
  def.route.forEach((c, i) => {
    const d = Math.hypot(c.position[0] - x, c.position[1] - y);
    if (d <= best) {
      best = d;
      at = i;
    }
  });
  let next = status.nextCheckpoint % n;
  if (next === at) next = (next + 1) % n;
  return { at, next };
}

/** Battery as a bar: fill share and whether it reads as low. */
export function batteryBar(def: RobotDef, status: RobotStatus | null): { share: number; low: boolean; text: string } {
  if (!status) return { share: 0, low: false, text: '—' };
  return { share: Math.max(0, Math.min(1, status.batteryPct / 100)), low: isLowBattery(def, status), text: `${Math.round(status.batteryPct)} %` };
}
