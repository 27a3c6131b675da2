import type { IncidentLogEntry } from '../state/reducer';
import type { IncidentRecord } from './model';
import type { EmergencyPlan } from './plan';

/** REST paths of incident command (docs/incidents.md §REST); every route needs a signed-in user. */
export const incidentRoutes = {
  incidents: '/api/v1/incidents',
  plans: '/api/v1/plans',
  /** `${incidents}/:id`, `/:id/report?format=html|json`, `/:id/snapshots`, and the POST command forms. */
} as const;

/** What the server adds to a record when it serves it: the 1-hour first report and overdue steps, as of `now`. */
export interface IncidentFlags {
  firstReport: { dueAt: number; at: number | null; late: boolean };
  /** Plan steps pending past their due time. */
  overdueSteps: string[];
  /** Confirmed gas groups and trips attributed to the incident (the opening one included). */
  escalation: number;
}

export interface IncidentListItem {
  incident: IncidentRecord;
  flags: IncidentFlags;
}

/** GET /api/v1/incidents: newest first. */
export interface IncidentList {
  incidents: IncidentListItem[];
  total: number;
}

/** GET /api/v1/incidents/:id: the record, flags, the significant-events log and the plan. */
export interface IncidentDetail extends IncidentListItem {
  log: IncidentLogEntry[];
  plan: EmergencyPlan | null;
  snapshots: SnapshotInfo[];
}

/** A map snapshot uploaded by a console for the after-action report. */
export interface SnapshotInfo {
  id: string;
  at: number;
  by: string;
  caption: string;
  bytes: number;
}

/** Largest snapshot accepted, bytes. */
export const SNAPSHOT_MAX_BYTES = 2 * 1024 * 1024;
/** Snapshots kept per incident. */
export const SNAPSHOT_LIMIT = 20;
