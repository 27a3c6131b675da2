import type { Plant } from '../../../shared/plant/schema';
import type { CommandState } from '../../../shared/state/reducer';
import type { CommandName } from '../../../shared/protocol/commands';
import type { DecodedPositions } from '../../../shared/people/positionsFrame';
import type { RobotsMessage } from '../../../shared/robots/model';
import type { CommandOutcome, DataSource, DataSourceListener, HistoryResult, Presence, SourceCapabilities } from '../data/DataSource';
import { PeopleStore } from '../stores/peopleStore';
import { TagStore } from '../stores/tagStore';
import { peopleKeyframe } from './peopleKeyframe';
import type { ReplaySource } from './ReplaySource';
import type { IncidentApi } from '../data/incidentClient';

export type PlayerMode = 'live' | 'replay';

/** What the console's stores held when replay began (copied): the shadow starts from it. */
export interface LiveSnapshot {
  tags: { values: Float64Array; times: Float64Array; quality: Uint8Array };
  people: PeopleStore;
  occupancy: Uint32Array;
}

export interface PlayerSourceOptions {
  live: DataSource;
  /** Makes a replay source (started on entering replay, stopped on leaving). */
  makeReplay: () => ReplaySource;
  /** Copies of the stores' live content at the moment replay starts. */
  snapshot: () => LiveSnapshot;
  onMode?: (mode: PlayerMode, replay: ReplaySource | null) => void;
  /**
   * Makes the console's robot table forget every status (robotStore.clear): on entering replay,
   * so live robots are never drawn as if they had been there then; when a replay frame leaves a
   * robot out (no recorded status in its window); and before the live robots come back.
   */
  resetRobots?: () => void;
}

/**
 * The console's one DataSource (DVR): live by default; `enterReplay(t)` hands the stores to a
 * ReplaySource at t, while the live link keeps running underneath into a shadow (its state,
 * values, people, robots), so `backToLive()` restores the live picture at once, without a
 * reconnect. Panels never ask which mode is on; the timeline and the REPLAY frame read `mode`.
 * Commands are refused locally while replaying.
 */
export class PlayerSource implements DataSource {
  private out: DataSourceListener | null = null;
  private modeNow: PlayerMode = 'live';
  private replay: ReplaySource | null = null;
  private plant: Plant | null = null;
  private liveState: CommandState | null = null;
  private shadowTags = new TagStore();
  private shadowPeople = new PeopleStore();
  private occupancy: Uint32Array = new Uint32Array(0);
  private robots: RobotsMessage | null = null;
  /** Robot ids of the last replayed robots message. */
  private replayRobots = new Set<string>();

  constructor(private readonly opts: PlayerSourceOptions) {
    const live = opts.live;
    if (live.incidentApi) this.incidentApi = () => live.incidentApi!();
  }

  get mode(): PlayerMode {
    return this.modeNow;
  }

  get replaySource(): ReplaySource | null {
    return this.replay;
  }

  get capabilities(): SourceCapabilities {
    return this.modeNow === 'live' ? this.opts.live.capabilities : { seek: true, speed: true, commands: false };
  }

  start(listener: DataSourceListener): void {
    this.out = listener;
    this.opts.live.start(this.liveListener);
  }

  stop(): void {
    this.replay?.stop();
    this.opts.live.stop();
    this.out = null;
  }

  now(): number {
    return this.replay ? this.replay.now() : this.opts.live.now();
  }

  /** The live edge, whatever the mode. */
  liveNow(): number {
    return this.opts.live.now();
  }

  presence(): Presence {
    return this.opts.live.presence();
  }

  retry(): void {
    this.opts.live.retry();
    this.replay?.retry();
  }

  recent(tagId: string, seconds: number) {
    return this.replay ? this.replay.recent(tagId, seconds) : this.opts.live.recent(tagId, seconds);
  }

  history(tagId: string, from: number, to: number, maxPoints: number): Promise<HistoryResult> {
    if (!this.opts.live.history) return Promise.resolve({ ok: false, code: 'offline', message: 'no history' });
    return this.opts.live.history(tagId, from, to, maxPoints);
  }

  command(name: CommandName, payload: unknown): Promise<CommandOutcome> {
    if (this.replay) return this.replay.command(name, payload);
    return this.opts.live.command(name, payload);
  }

  /** In replay, the report as it stood at the replay clock's time (whole ms, not after the live edge). */
  alarmKpi = (windowS: number) => {
    if (!this.opts.live.alarmKpi) return Promise.resolve(null);
    if (!this.replay) return this.opts.live.alarmKpi(windowS);
    return this.opts.live.alarmKpi(windowS, Math.floor(Math.min(this.replay.now(), this.opts.live.now())));
  };
  peopleList = () => this.opts.live.peopleList?.() ?? Promise.resolve(null);
  zones = () => this.opts.live.zones?.() ?? Promise.resolve(null);
  hazardStats = (from: number, to: number) => this.opts.live.hazardStats?.(from, to) ?? Promise.resolve(null);
  alarmActivations = (from: number, to: number) => this.opts.live.alarmActivations?.(from, to) ?? Promise.resolve(null);

  /** The incident REST reads the server's current records (panels show the reduced state first); absent where live has none. */
  readonly incidentApi?: () => IncidentApi;

  /** Enters replay at `t` (or seeks there when already replaying). */
  async enterReplay(t: number): Promise<void> {
    if (!this.replay) {
      const snap = this.opts.snapshot();
      this.shadowTags.reset(this.plant?.tags ?? []);
      this.shadowTags.restore(snap.tags.values, snap.tags.times, snap.tags.quality);
      this.shadowPeople = snap.people;
      this.occupancy = snap.occupancy;
      this.replay = this.opts.makeReplay();
      this.modeNow = 'replay';
      this.replayRobots.clear();
      this.opts.resetRobots?.();
      this.replay.start(this.replayListener);
      this.opts.onMode?.('replay', this.replay);
    }
    await this.replay.seek(t);
  }

  /** Back to live: the shadow's state, values, people and robots go to the stores at once. */
  backToLive(): void {
    if (!this.replay) return;
    this.replay.stop();
    this.replay = null;
    this.modeNow = 'live';
    const out = this.out;
    if (out) {
      if (this.liveState) out.state(this.liveState);
      const n = this.shadowTags.count;
      if (n > 0) {
        if (out.restoreValues) out.restoreValues(this.shadowTags.values.slice(), this.shadowTags.times.slice(), this.shadowTags.quality.slice());
      }
      out.positions?.(peopleKeyframe(this.shadowPeople, this.occupancy, this.opts.live.now()));
      this.opts.resetRobots?.();
      if (this.robots) out.robots?.(this.robots);
    }
    this.opts.onMode?.('live', null);
  }

  /** What the replay source hands on goes to the stores; never while live. */
  private readonly replayListener: DataSourceListener = {
    plant: () => undefined,
    samples: (f) => this.replay && this.out?.samples(f),
    restoreValues: (v, t, q) => this.replay && this.out?.restoreValues?.(v, t, q),
    state: (s) => this.replay && this.out?.state(s),
    positions: (f) => this.replay && this.out?.positions?.(f),
    robots: (msg) => {
      if (!this.replay) return;
      const ids = new Set(msg.robots.map((r) => r.id));
      // A robot the frame leaves out must not stay drawn where an earlier frame had it.
      for (const id of this.replayRobots) {
        if (!ids.has(id)) {
          this.opts.resetRobots?.();
          break;
        }
      }
      this.replayRobots = ids;
      this.out?.robots?.(msg);
    },
    presence: () => undefined,
  };

  /** The live link: to the stores while live, into the shadow while replaying. */
  private readonly liveListener: DataSourceListener = {
    plant: (plant, hash) => {
      this.plant = plant;
      this.shadowTags.reset(plant.tags);
      this.out?.plant(plant, hash);
    },
    samples: (frame) => {
      if (this.modeNow === 'live') this.out?.samples(frame);
      else this.shadowTags.apply(frame);
    },
    state: (state) => {
      this.liveState = state;
      if (this.modeNow === 'live') this.out?.state(state);
    },
    positions: (frame: DecodedPositions) => {
      if (this.modeNow === 'live') return this.out?.positions?.(frame);
      this.shadowPeople.apply(frame);
      this.occupancy = frame.occupancy.slice();
    },
    robots: (msg) => {
      this.robots = msg;
      if (this.modeNow === 'live') this.out?.robots?.(msg);
    },
    presence: (p, detail) => this.out?.presence(p, detail),
    user: (u) => this.out?.user?.(u),
  };
}
