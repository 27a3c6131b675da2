import type { DrillRecord, DrillScore } from '../drill/scenario';
import type { HazardRecord } from '../hazard/model';
import type { InspectionTask } from '../hazard/inspection';
import type { IncidentRecord } from '../incident/model';
import type { DispatchRecord } from '../incident/resources';
import type { IncidentZones, MusterStatus, PeopleAtRisk } from '../incident/threat';
import type { RobotFinding, RobotState } from '../robots/model';

/**
 * The parts of CommandState kept for field work (robots, hazards, inspections), incident command
 * and drills: their shapes, limits and initial values. shared/state/reducer.ts reduces them.
 */
export interface DrillState {
  /** The drill running or paused now, or null. */
  active: DrillRecord | null;
  /** Finished drills, newest last, at most DRILL_HISTORY_LIMIT, with their scores once journaled. */
  recent: { drill: DrillRecord; score: DrillScore | null }[];
}
export const DRILL_HISTORY_LIMIT = 20;
export function initialDrillState(): DrillState {
  return { active: null, recent: [] };
}

export interface EmergencyState {
  /** Open and contained incidents, and the newest CLOSED_INCIDENT_LIMIT closed ones. */
  incidents: Record<string, IncidentRecord>;
  closedIncidents: string[];
  zones: Record<string, IncidentZones>;
  risk: Record<string, PeopleAtRisk>;
  muster: Record<string, MusterStatus>;
  /** Evacuation notices: incident → when, how many, which muster points. */
  notices: Record<string, { time: number; recipients: number; musterPoints: string[] }>;
  /** Dispatches of incidents still in `incidents`. */
  dispatches: Record<string, DispatchRecord>;
  /** `<point>/<kind>` → current stock. */
  stock: Record<string, { quantity: number; expires: string | null }>;
  /** `<point>/<kind>` → active alerts. */
  alerts: Record<string, { alert: 'below_min' | 'expiring' | 'expired'; since: number }[]>;
  /** Significant-events log per incident: every journal event about it, newest last, bounded by INCIDENT_LOG_LIMIT. */
  logs: Record<string, IncidentLogEntry[]>;
}

export interface IncidentLogEntry {
  seq: number;
  time: number;
  actor: string;
  type: string;
  /** incident action, dispatch state, muster milestone … */
  action: string;
  note?: string | undefined;
}

export const CLOSED_INCIDENT_LIMIT = 50;
export const INCIDENT_LOG_LIMIT = 1000;

export function initialEmergencyState(): EmergencyState {
  return { incidents: {}, closedIncidents: [], zones: {}, risk: {}, muster: {}, notices: {}, dispatches: {}, stock: {}, alerts: {}, logs: {} };
}

/** Field work: what the journal says about robots, hazards and inspections. */
export interface WorkState {
  /** Every open hazard order, and the newest CLOSED_HAZARD_LIMIT closed or dismissed ones. */
  hazards: Record<string, HazardRecord>;
  /** Ids of closed or dismissed orders still in `hazards`, oldest first. */
  closedHazards: string[];
  /** Robot id → state since the last change. */
  robots: Record<string, { state: RobotState; since: number; batteryPct: number }>;
  /** Newest last, bounded by FINDING_LIMIT. */
  findings: RobotFinding[];
  /** Inspection tasks that are due (done and missed ones leave state; REST serves their history). */
  tasks: Record<string, InspectionTask>;
}

export const CLOSED_HAZARD_LIMIT = 200;
export const FINDING_LIMIT = 100;

export function initialWorkState(): WorkState {
  return { hazards: {}, closedHazards: [], robots: {}, findings: [], tasks: {} };
}
