import { API_PREFIX } from '../protocol/rest';
import type { InspectionPlan, InspectionTask } from './inspection';
import type { HazardRecord } from './model';

/**
 * REST of hidden-hazard work orders and inspection plans (docs/hazards.md §REST). Every body
 * is an Ack (`{ok: true, data}` or `{ok: false, code, message}`); every route needs a signed-in
 * user (`Authorization: Bearer <token>`). Lifecycle actions are socket/REST commands
 * (shared/protocol/commands.ts, `POST /api/v1/commands`-style through CommandService).
 */
export const hazardRoutes = {
  /** GET → HazardList ?state=a,b&open=true|false&grade=general,major,none&source=a,b&area=A,B&overdue=true|false&nearMiss=true|false&limit=n (default 500, ≤ 5000) — newest first, closed ones included. */
  hazards: `${API_PREFIX}/hazards`,
  /** GET → HazardRecord (full history). */
  hazard: (id: string) => `${API_PREFIX}/hazards/${encodeURIComponent(id)}`,
  /** GET → HazardStats (shared/hazard/model.ts) ?from=ms&to=ms (default: the last 30 days). */
  stats: `${API_PREFIX}/hazards/stats`,
  /** GET → HazardList of near misses (records with `nearMiss`), same filters; POST hazard.report payload with `nearMiss` → {hazardId}. */
  nearMisses: `${API_PREFIX}/near-misses`,
  /** GET → {plans: InspectionPlan[]} */
  inspectionPlans: `${API_PREFIX}/inspection/plans`,
  /** GET → {tasks: InspectionTask[]} ?state=due,done,missed&plan=P&area=A&limit=n — newest due time first. */
  inspectionTasks: `${API_PREFIX}/inspection/tasks`,
} as const;

export interface HazardList {
  /** Matching orders, newest report first, at most `limit`. */
  hazards: HazardRecord[];
  /** How many matched before the limit. */
  total: number;
}

export interface InspectionPlanList {
  plans: InspectionPlan[];
}

export interface InspectionTaskList {
  tasks: InspectionTask[];
  total: number;
}

/** What hazard commands answer with (ack data). */
export interface HazardCommandResult {
  hazardId: string;
  state: HazardRecord['state'];
}

/** What inspection.complete answers with: the task after it and the hazards its failed checks reported. */
export interface InspectionCompleteResult {
  task: InspectionTask;
  hazardIds: string[];
}
