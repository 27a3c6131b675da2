import type { Plant } from '../../../shared/plant/schema';
import type { History } from '../../../shared/historian/historySchema';
import type { Recent } from '../../../shared/protocol/rest';
import type { CommandState } from '../../../shared/state/reducer';
import type { Role } from '../../../shared/protocol/roles';
import type { CommandName } from '../../../shared/protocol/commands';
import type { ErrorCode } from '../../../shared/protocol/messages';
import type { Activation } from '../../../shared/alarm/kpi';
import type { AlarmKpi } from '../../../shared/protocol/alarmKpi';
import type { SampleFrame } from '../stores/tagStore';
import type { DecodedPositions } from '../../../shared/people/positionsFrame';
import type { PeopleList, ZonesView } from '../people/peopleRegistry';
import type { RobotsMessage } from '../../../shared/robots/model';
import type { HazardStats } from '../../../shared/hazard/model';
import type { IncidentApi } from './incidentClient';

/**
 * How a data source stands. 'offline': it has not reached the server for a while (or never),
 * and what is shown is the last known state; 'error': it cannot go on without the user (e.g.
 * `detail` 'sign_in') or a fault it cannot recover from by retrying.
 */
export type Presence = 'connecting' | 'live' | 'reconnecting' | 'offline' | 'error';

export interface SourceCapabilities {
  /** Can move the current time (replay). */
  seek: boolean;
  /** Can play faster or slower than real time. */
  speed: boolean;
  /** Accepts operator commands. */
  commands: boolean;
}

/**
 * What a source tells the console. Calls arrive in this order: `plant` before any `samples`
 * or `state` for it; `samples` frames may be views into a buffer that is reused after the call
 * returns, so listeners copy what they keep.
 */
export interface DataSourceListener {
  plant(plant: Plant, hash: string): void;
  samples(frame: SampleFrame): void;
  state(state: CommandState): void;
  presence(presence: Presence, detail: string | null): void;
  /** One positions frame (docs/protocol.md §3.9); its arrays are valid until the call returns. */
  positions?(frame: DecodedPositions): void;
  /** One `robots` message (validated): every robot's live status, ~1 Hz, on the positions subscription. */
  robots?(msg: RobotsMessage): void;
  /**
   * Every tag's value at once, in plant tag order (a replay seek, or back to live): unlike
   * `samples`, it replaces values even when they are older than those held.
   */
  restoreValues?(values: Float64Array, times: Float64Array, quality: Uint8Array): void;
  /** Who the console is signed in as, once known. */
  user?(user: { name: string; role: Role; person?: string }): void;
}

/**
 * Live, replay, drill and fake data all sit behind this interface (STYLE.md: one `Player`);
 * nothing downstream asks which one is active.
 */
export interface DataSource {
  readonly capabilities: SourceCapabilities;
  /** Starts delivering to `listener`; a source is started once. */
  start(listener: DataSourceListener): void;
  /** Stops delivering and releases sockets and timers. */
  stop(): void;
  /** Current time in the source's timeline, ms since epoch (the server's clock when live). */
  now(): number;
  presence(): Presence;
  /** Recent history of one tag for trends; null when the source cannot reach it now. */
  recent(tagId: string, seconds: number): Promise<Recent | null>;
  /**
   * A tag's history over [from, to] in at most `maxPoints` points (raw samples or min/max
   * buckets); absent where a source keeps none. Resolves `{ok:false}` with a readable reason
   * when the server refused or could not be reached, so the trend can say why.
   */
  history?(tagId: string, from: number, to: number, maxPoints: number): Promise<HistoryResult>;
  /** Tries again after the user acted (e.g. signed in); a no-op unless the source is waiting. */
  retry(): void;
  /**
   * Sends an operator command and resolves with the server's answer. Never queues: while the
   * link is down it resolves at once with code 'offline'; without an answer in time, 'timeout'
   * (the command may or may not have run — the journal says).
   */
  command(name: CommandName, payload: unknown): Promise<CommandOutcome>;
  /**
   * Alarm KPIs over the `windowS` s ending now, or ending at the past instant `at` (ms; replay:
   * the report as it stood then), from the server's history; absent where a source keeps none.
   * Null when unreachable or refused (an instant the journal no longer holds).
   */
  alarmKpi?(windowS: number, at?: number): Promise<AlarmKpi | null>;
  /** The people registry (GET /api/v1/people); null when unreachable, absent where a source has no people. */
  peopleList?(): Promise<PeopleList | null>;
  /** Live zone and area occupancy (GET /api/v1/zones); null when unreachable. */
  zones?(): Promise<ZonesView | null>;
  /** Hidden-hazard statistics over [from, to] (GET /api/v1/hazards/stats); null when unreachable or refused. */
  hazardStats?(from: number, to: number): Promise<HazardStats | null>;
  /** Annunciated alarm activations in [from, to) (the KPI rate plot); null when unreachable. */
  alarmActivations?(from: number, to: number): Promise<Activation[] | null>;
  /** Incident-command REST (details, plans, resources, dispatch candidates, report, snapshots) with this source's session; absent where a source has none. */
  incidentApi?(): IncidentApi;
}

/** What a history request came to: the data, or why there is none ('offline' when unreachable). */
export type HistoryResult = { ok: true; data: History } | { ok: false; code: ErrorCode | 'offline'; message: string };

/** What a command came to: the server's Ack, or the console's own refusal before sending. */
export type CommandOutcome =
  | { ok: true; data: unknown }
  /** `local`: refused by the console itself (role, offline, payload), never sent. */
  | { ok: false; code: ErrorCode | 'offline' | 'timeout'; message: string; local?: boolean };
