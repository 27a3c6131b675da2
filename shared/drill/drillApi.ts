import type { LocalText } from '../plant/primitives';
import type { RobotStatus } from '../robots/model';
import type { CommandState } from '../state/reducer';
import type { JournalEvent } from '../state/events';
import type { MarkerKind } from './eventSummary';
import type { DrillRecord, DrillScore, Scenario } from './scenario';

/**
 * REST shapes of drills, replay and incident traceability (docs/drills.md, docs/historian.md).
 * Every body is the usual Ack envelope `{ ok: true, data }`.
 */
export const drillRoutes = {
  scenarios: '/api/v1/scenarios',
  drills: '/api/v1/drills',
  /** POST forms of drill.pause / drill.resume / drill.stop (drill.start is POST /api/v1/drills). */
  pause: '/api/v1/drills/pause',
  resume: '/api/v1/drills/resume',
  stop: '/api/v1/drills/stop',
  replayFrame: '/api/v1/replay/frame',
  replayEvents: '/api/v1/replay/events',
  replayMarkers: '/api/v1/replay/markers',
} as const;

export interface ScenarioListItem {
  file: string;
  id: string;
  runnable: boolean;
  errors: string[];
  scenario: Scenario | null;
}

export interface DrillListItem {
  drill: DrillRecord;
  score: DrillScore | null;
}

/** GET /api/v1/drills/:id. */
export interface DrillDetail {
  drill: DrillRecord;
  scenario: Scenario | null;
  /** Drill seconds now (or at its end), pauses excluded. */
  drillS: number;
  /** Final score once journaled; a provisional one while it runs. */
  score: DrillScore | null;
}

/** GET /api/v1/drills/:id/review (expected vs actual, side by side). */
export interface DrillReview {
  drill: DrillRecord;
  scenario: { id: string; name: LocalText; incidentType: string; durationS: number };
  score: DrillScore | null;
  /** Each expectation: target and actual drill seconds, outcome, who. */
  expected: DrillScore['items'];
  /** Each timeline step: when the script wanted it, when it ran (null: not reached). */
  script: { index: number; atS: number; do: string; what: string; ranS: number | null; seq: number | null; note: string | null }[];
  /** The drill's journal events, with drill seconds and actor (at most `limit`, `truncated` says so). */
  events: { seq: number; time: number; drillS: number; type: string; actor: string; kind: MarkerKind; ref: string | null; text: string }[];
  truncated: boolean;
}

/** GET /api/v1/replay/frame?at=<ms>. */
export interface ReplayFrame {
  /** The instant asked for, and the last journal event at or before it. */
  at: number;
  seq: number;
  time: number;
  state: CommandState;
  /** Latest sample at or before `at` per plant tag, columnar in plant tag order (null: none held, e.g. past retention). */
  values: { tags: number; value: (number | null)[]; quality: number[]; t: (number | null)[] };
  /** Each person's last fix at or before `at` within `positionWindowMs` (people with none are left out). */
  positions: { person: string; t: number; x: number; y: number; z: number; floor: number; area: string | null }[];
  positionWindowMs: number;
  /**
   * Each inspection robot's last recorded status at or before `at` within `positionWindowMs`
   * (robots with none are left out; `readings` are `{}`: the track keeps pose, state, battery and
   * next checkpoint). Absent where the server records no robots.
   */
  robots?: RobotStatus[];
  /** Server time to build it, ms (state / values / positions / robots). */
  timing: { stateMs: number; valuesMs: number; positionsMs: number; robotsMs?: number };
}

/** GET /api/v1/replay/events?from&to&after&limit: journal events in [from, to], seq order, paged by seq. */
export interface ReplayEventsPage {
  events: JournalEvent[];
  /** Pass as `after` for the next page; null at the end. */
  next: number | null;
}

/** GET /api/v1/replay/markers?from&to: what the timeline draws. */
export interface ReplayMarker {
  seq: number;
  time: number;
  kind: MarkerKind;
  ref: string | null;
  actor: string;
  text: string;
  /** Alarm priority 1–4 for alarm markers. */
  priority?: number;
}

/** GET /api/v1/incidents/:id/trace (or /api/v1/hazards/:id/trace for a near miss). */
export interface IncidentTrace {
  subject: { kind: 'incident' | 'near_miss'; id: string; at: number; area: string | null; position: [number, number, number] | null; title: LocalText | null; drill: boolean };
  window: { from: number; to: number; beforeS: number; radiusM: number };
  /** Events of the subject and of its area (alarms, trips, operator actions, injections), seq order. */
  timeline: ReplayMarker[];
  alarms: ReplayMarker[];
  trips: ReplayMarker[];
  actions: ReplayMarker[];
  /** Tags within `radiusM` of the source (nearest first), with a history URL for the window. */
  trends: { tag: string; distanceM: number; historyUrl: string; history?: unknown }[];
  /** People who came within `radiusM` (closest approach), from the position history. */
  people: { person: string; distanceM: number; t: number; x: number; y: number; area: string | null; firstInside: number; lastInside: number }[];
  truncated: boolean;
}
