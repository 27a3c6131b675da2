import { io } from 'socket.io-client';
import { decodeFrame, FrameError, FrameFlags } from '../../../shared/protocol/frame';
import { TELEMETRY_MEASURE, telemetryConflation } from './telemetryConflation';
import { ClientEvents, helloReplySchema, PROTOCOL_VERSION, ServerEvents, type Hello, type HelloReply } from '../../../shared/protocol/messages';
import type { CommandName } from '../../../shared/protocol/commands';
import { journalEventSchema, type JournalEvent } from '../../../shared/state/events';
import { initialState, reduceAll, type CommandState } from '../../../shared/state/reducer';
import type { Activation } from '../../../shared/alarm/kpi';
import type { Recent } from '../../../shared/protocol/rest';
import { fetchActivations } from './alarmActivations';
import { decodePositions, PositionsFrameError } from '../../../shared/people/positionsFrame';
import type { PeopleList, ZonesView } from '../people/peopleRegistry';
import { randomRequestId, readAck } from './commandAck';
import { completeState } from './completeState';
import type { AlarmKpi } from '../../../shared/protocol/alarmKpi';
import type { CommandOutcome, DataSource, DataSourceListener, HistoryResult, Presence } from './DataSource';
import { backoffDelay, browserTimers, type Timers } from './backoff';
import { NetworkError, type RestClient } from './restClient';
import { IncidentClient, type IncidentApi } from './incidentClient';
import type { SessionClient } from './sessionClient';
import { robotsMessageSchema } from '../../../shared/robots/model';
import { POSITIONS_MEASURE } from '../diagnostics/measures';
import type { HazardStats } from '../../../shared/hazard/model';

/** The part of a socket.io client socket this source uses (a fake one drives the unit tests). */
export interface SourceSocket {
  readonly connected: boolean;
  on(event: string, fn: (...args: never[]) => void): unknown;
  emit(event: string, ...args: unknown[]): unknown;
  timeout(ms: number): { emit(event: string, payload: unknown, cb: (err: Error | null, res: unknown) => void): unknown };
  connect(): unknown;
  disconnect(): unknown;
}

export interface LiveSourceOptions {
  rest: RestClient;
  session: SessionClient;
  /** Opens the socket; socket.io-client by default, reconnecting by itself. */
  connect?: (url: string) => SourceSocket;
  /** The local clock, ms since epoch. */
  clock?: () => number;
  random?: () => number;
  timers?: Timers;
  /** After this long without the server, 'reconnecting' becomes 'offline'. */
  offlineAfterMs?: number;
  clientName?: string;
  /** A fresh command request id (8–64 chars); random by default. */
  requestId?: () => string;
  /** Monotonic ms for slicing event work (performance.now by default). */
  perfNow?: () => number;
}

const ACK_TIMEOUT_MS = 10_000;
/**
 * Inbound journal events are validated and reduced in slices of about this many ms, the rest
 * in a later task: a flood of thousands of events (or one `events` batch of 1,000) never holds
 * the main thread long enough to freeze the console.
 */
export const EVENT_SLICE_MS = 12;

/** socket.io-client with a short reconnection backoff, so a restarted server is back within seconds. */
export function connectSocketIo(url: string): SourceSocket {
  return io(url, { reconnectionDelay: 250, reconnectionDelayMax: 1500, randomizationFactor: 0.3, timeout: 5000 }) as unknown as SourceSocket;
}

/**
 * The live plant server as a DataSource. Boot: fetch the plant model (retrying with backoff
 * while the server is unreachable), take a session, open the socket. On every (re)connect it
 * says `hello` with the last journal seq it applied and continues from the events (or starts
 * over from the snapshot) in the reply; journal events (one `event`, or a batch `events`) go
 * through the shared batch reducer in seq order, in time slices (EVENT_SLICE_MS), and a gap
 * makes it say hello again. Telemetry frames are decoded and handed on as they are. Commands
 * go out only while live, each with a fresh request id, and come back as the server's Ack.
 */
export class LiveSource implements DataSource {
  readonly capabilities = { seek: false, speed: false, commands: true };

  private listener: DataSourceListener | null = null;
  private socket: SourceSocket | null = null;
  private state: CommandState = initialState();
  private haveState = false;
  private plantHash: string | null = null;
  private current: Presence = 'connecting';
  private offsetMs = 0;
  private stopped = false;
  private attempt = 0;
  private retryTimer: unknown = null;
  private offlineTimer: unknown = null;
  /** True from a hello until its reply: events in between are covered by the reply. */
  private resyncing = false;
  private waitingForUser = false;
  /** Consecutive hellos refused as unauthenticated; a second one needs the user. */
  private authFailures = 0;
  private readonly clock: () => number;
  private readonly random: () => number;
  private readonly timers: Timers;
  private readonly connect: (url: string) => SourceSocket;
  private readonly perfNow: () => number;
  /** Journal events received and not yet applied (raw: validated when applied), oldest first. */
  private inbox: unknown[] = [];
  private inboxHead = 0;
  private drainTimer: unknown = null;
  /** Inbound messages dropped as malformed, by kind; exposed for diagnostics. */
  readonly rejected = { event: 0, frame: 0, hello: 0, positions: 0, robots: 0 };
  private incidents: IncidentClient | null = null;

  constructor(private readonly opts: LiveSourceOptions) {
    this.clock = opts.clock ?? Date.now;
    this.random = opts.random ?? Math.random;
    this.timers = opts.timers ?? browserTimers;
    this.connect = opts.connect ?? connectSocketIo;
    this.perfNow = opts.perfNow ?? (() => performance.now());
  }

  start(listener: DataSourceListener): void {
    this.listener = listener;
    this.setPresence('connecting', null);
    void this.boot();
  }

  stop(): void {
    this.stopped = true;
    this.timers.clear(this.retryTimer);
    this.timers.clear(this.offlineTimer);
    this.clearInbox();
    this.socket?.disconnect();
    this.socket = null;
    this.listener = null;
  }

  now(): number {
    return this.clock() + this.offsetMs;
  }

  presence(): Presence {
    return this.current;
  }

  retry(): void {
    if (!this.waitingForUser || this.stopped) return;
    this.waitingForUser = false;
    this.setPresence('connecting', null);
    void this.boot();
  }

  async recent(tagId: string, seconds: number): Promise<Recent | null> {
    try {
      const res = await this.opts.rest.recent(tagId, seconds, this.opts.session.current()?.token ?? null);
      return res.ok ? res.data : null;
    } catch (err) {
      if (err instanceof NetworkError) return null;
      throw err;
    }
  }

  async history(tagId: string, from: number, to: number, maxPoints: number): Promise<HistoryResult> {
    try {
      const res = await this.opts.rest.history(tagId, from, to, maxPoints, this.opts.session.current()?.token ?? null);
      if (res.ok && res.data.tag !== tagId) return { ok: false, code: 'internal', message: `history answer is for ${res.data.tag}` };
      return res;
    } catch (err) {
      if (err instanceof NetworkError) return { ok: false, code: 'offline', message: err.message };
      throw err;
    }
  }

  async alarmKpi(windowS: number, at?: number): Promise<AlarmKpi | null> {
    try {
      const res = await this.opts.rest.alarmKpi(windowS, this.opts.session.current()?.token ?? null, at);
      return res.ok ? res.data : null;
    } catch (err) {
      if (err instanceof NetworkError) return null;
      throw err;
    }
  }

  peopleList(): Promise<PeopleList | null> {
    return this.get((token) => this.opts.rest.people(token));
  }

  zones(): Promise<ZonesView | null> {
    return this.get((token) => this.opts.rest.zones(token));
  }

  hazardStats(from: number, to: number): Promise<HazardStats | null> {
    return this.get((token) => this.opts.rest.hazardStats(from, to, token));
  }

  incidentApi(): IncidentApi {
    return (this.incidents ??= new IncidentClient(this.opts.rest.baseUrl, () => this.opts.session.current()?.token ?? null));
  }

  /** One REST read with the session's token; null when unreachable or refused. */
  private async get<T>(call: (token: string | null) => Promise<{ ok: true; data: T } | { ok: false }>): Promise<T | null> {
    try {
      const res = await call(this.opts.session.current()?.token ?? null);
      return res.ok ? res.data : null;
    } catch (err) {
      if (err instanceof NetworkError) return null;
      throw err;
    }
  }

  /** Pages through the alarm journal; each page is one parse, so no single task holds the thread for long. */
  async alarmActivations(from: number, to: number): Promise<Activation[] | null> {
    try {
      return await fetchActivations(this.opts.rest, this.opts.session.current()?.token ?? null, from, to);
    } catch (err) {
      if (err instanceof NetworkError) return null;
      throw err;
    }
  }

  command(name: CommandName, payload: unknown): Promise<CommandOutcome> {
    const socket = this.socket;
    if (!socket || !socket.connected || this.current !== 'live') {
      return Promise.resolve({ ok: false, code: 'offline', message: 'offline: not connected to the plant server; the command was not sent' });
    }
    const request = { id: (this.opts.requestId ?? randomRequestId)(), name, payload };
    return new Promise((resolve) => {
      socket.timeout(ACK_TIMEOUT_MS).emit(ClientEvents.command, request, (err, ack) => {
        if (err) resolve({ ok: false, code: 'timeout', message: 'no answer from the plant server; check the journal before repeating' });
        else resolve(readAck(ack));
      });
    });
  }

  private async boot(): Promise<void> {
    try {
      if (!(await this.loadPlant())) return this.retryBoot('plant');
      const session = await this.opts.session.acquire();
      if (this.stopped) return;
      if (!session) {
        this.waitingForUser = true;
        this.setPresence('error', 'sign_in');
        return;
      }
      this.listener?.user?.(session.user);
      this.openSocket();
    } catch (err) {
      if (err instanceof NetworkError) return this.retryBoot('unreachable');
      throw err;
    }
  }

  private retryBoot(why: string): void {
    if (this.stopped) return;
    this.setPresence('offline', why);
    this.retryTimer = this.timers.set(() => void this.boot(), backoffDelay(this.attempt++, this.random));
  }

  /** Fetches the plant model and hands it on when it is not the one already delivered. */
  private async loadPlant(): Promise<boolean> {
    const res = await this.opts.rest.plant();
    if (this.stopped || !res.ok) return false;
    if (res.data.hash !== this.plantHash) {
      this.plantHash = res.data.hash;
      this.listener?.plant(res.data.plant, res.data.hash);
    }
    return true;
  }

  private openSocket(): void {
    const socket = this.connect(this.opts.rest.baseUrl);
    this.socket = socket;
    socket.on('connect', () => this.hello());
    socket.on('disconnect', (reason: string) => {
      if (this.stopped) return;
      this.leaveLive();
      // A server-side disconnect is not retried by socket.io itself.
      if (reason === 'io server disconnect') this.timers.set(() => this.socket?.connect(), backoffDelay(0, this.random));
    });
    socket.on('connect_error', () => {
      if (this.current !== 'live') this.leaveLive();
    });
    socket.on(ServerEvents.event, (raw: unknown) => this.onEvents([raw]));
    socket.on(ServerEvents.events, (raw: unknown) => {
      if (Array.isArray(raw)) this.onEvents(raw);
      else this.rejected.event++;
    });
    socket.on(ServerEvents.frame, (raw: unknown, ack?: unknown) => this.onFrame(raw, ack));
    socket.on(ServerEvents.positions, (raw: unknown) => this.onPositions(raw));
    socket.on(ServerEvents.robots, (raw: unknown) => {
      const m = robotsMessageSchema.safeParse(raw);
      if (m.success) this.listener?.robots?.(m.data);
      else this.rejected.robots++;
    });
    socket.on(ServerEvents.resync, () => this.hello());
  }

  private hello(): void {
    const socket = this.socket;
    const session = this.opts.session.current();
    if (!socket || this.stopped) return;
    if (!session) {
      socket.disconnect();
      void this.boot();
      return;
    }
    this.resyncing = true;
    this.clearInbox();
    const hello: Hello = { protocolVersion: PROTOCOL_VERSION, token: session.token, clientName: this.opts.clientName ?? 'vigil-console' };
    if (this.haveState) hello.lastSeq = this.state.seq;
    socket.timeout(ACK_TIMEOUT_MS).emit(ClientEvents.hello, hello, (err, ack) => {
      if (socket !== this.socket || this.stopped) return;
      if (err) {
        if (socket.connected) this.timers.set(() => this.hello(), backoffDelay(this.attempt++, this.random));
        return;
      }
      void this.onHelloAck(ack);
    });
  }

  private async onHelloAck(ack: unknown): Promise<void> {
    const a = ack as { ok?: unknown; code?: unknown; message?: unknown; data?: unknown } | null;
    if (!a || a.ok !== true) {
      const code = typeof a?.code === 'string' ? a.code : 'bad_reply';
      if (code === 'unauthenticated') {
        // A token from before a server restart: a local session may still be had without a prompt.
        this.opts.session.clear();
        this.socket?.disconnect();
        this.socket = null;
        if (++this.authFailures > 1) {
          this.waitingForUser = true;
          this.setPresence('error', 'sign_in');
        } else void this.boot();
        return;
      }
      this.rejected.hello++;
      this.setPresence('error', code);
      this.socket?.disconnect();
      return;
    }
    const parsed = helloReplySchema.safeParse(a.data);
    if (!parsed.success) {
      this.rejected.hello++;
      this.setPresence('error', 'bad_reply');
      return;
    }
    const reply = parsed.data;
    this.authFailures = 0;
    this.offsetMs = reply.serverTime - this.clock();
    // The hello names the user's registry person (hazard orders assigned to them); an older server
    // leaves it out, and then the session's is kept.
    const person = reply.user.person ?? (this.opts.session.current()?.user.name === reply.user.name ? this.opts.session.current()?.user.person : undefined);
    this.listener?.user?.(person ? { ...reply.user, person } : reply.user);
    if (reply.plantHash !== this.plantHash) {
      // The server now runs another plant model: fetch it before any of its frames arrive.
      try {
        await this.loadPlant();
      } catch {
        this.socket?.disconnect();
        return this.retryBoot('plant');
      }
    }
    if (!this.applyReply(reply)) {
      this.haveState = false;
      return this.hello();
    }
    this.resyncing = false;
    this.attempt = 0;
    telemetryConflation.resubscribed();
    this.socket?.emit(ClientEvents.subscribe, { areas: '*' }, () => undefined);
    // Every (re)connect starts a new subscription: the server's keyframe after the ack replaces the table.
    if (this.listener?.positions) this.socket?.emit(ClientEvents.subscribePositions, { on: true }, () => undefined);
    this.timers.clear(this.offlineTimer);
    this.offlineTimer = null;
    this.setPresence('live', null);
  }

  /** Applies a hello reply; false when its events do not continue the state (ask for a snapshot). */
  private applyReply(reply: HelloReply): boolean {
    let state = this.state;
    if (reply.resume === 'snapshot') {
      if (!reply.snapshot || !isCommandState(reply.snapshot.state)) return false;
      state = completeState(reply.snapshot.state);
    }
    try {
      const seq = state.seq;
      state = reduceAll(state, (reply.events ?? []).filter((e) => e.seq > seq));
    } catch {
      return false;
    }
    this.state = state;
    this.haveState = true;
    this.listener?.state(state);
    return true;
  }

  /** Queues events from the lane and applies what a slice allows now; the rest follows in later tasks. */
  private onEvents(raws: readonly unknown[]): void {
    if (this.resyncing || !this.haveState) return;
    for (const r of raws) this.inbox.push(r);
    if (this.drainTimer === null) this.drain();
  }

  private drain = (): void => {
    this.drainTimer = null;
    const start = this.perfNow();
    const batch: JournalEvent[] = [];
    let seq = this.state.seq;
    let gap = false;
    while (this.inboxHead < this.inbox.length) {
      const parsed = journalEventSchema.safeParse(this.inbox[this.inboxHead++]);
      if (!parsed.success) this.rejected.event++;
      else if (parsed.data.seq <= seq) {
        /* already applied (a replay after resync) */
      } else if (parsed.data.seq !== seq + 1) {
        gap = true;
        break;
      } else {
        batch.push(parsed.data);
        seq = parsed.data.seq;
      }
      if ((this.inboxHead & 63) === 0 && this.perfNow() - start > EVENT_SLICE_MS) break;
    }
    if (batch.length > 0) {
      this.state = reduceAll(this.state, batch);
      this.listener?.state(this.state);
    }
    if (gap) return this.hello();
    if (this.inboxHead >= this.inbox.length) this.clearInbox();
    else this.drainTimer = this.timers.set(this.drain, 0);
  };

  private clearInbox(): void {
    this.inbox = [];
    this.inboxHead = 0;
    if (this.drainTimer !== null) this.timers.clear(this.drainTimer);
    this.drainTimer = null;
  }

  /**
   * Decodes and applies one telemetry frame, then acknowledges it: the server holds a console
   * that acknowledges to a few frames in flight, so a console that falls behind gets conflated
   * latest values and its alarms never wait behind a backlog of frames (docs/protocol.md §3.4).
   */
  private onFrame(raw: unknown, ack?: unknown): void {
    if (!(raw instanceof ArrayBuffer || raw instanceof Uint8Array)) {
      this.rejected.frame++;
      return;
    }
    try {
      const t0 = this.perfNow();
      const frame = decodeFrame(raw);
      this.listener?.samples(frame);
      telemetryConflation.note((frame.flags & FrameFlags.Conflated) !== 0, frame.conflatedSamples, frame.conflatedFrames, this.clock());
      performance.clearMeasures(TELEMETRY_MEASURE);
      performance.measure(TELEMETRY_MEASURE, { start: t0, end: this.perfNow(), detail: { samples: frame.count } });
    } catch (err) {
      if (!(err instanceof FrameError)) throw err;
      this.rejected.frame++;
    }
    if (typeof ack === 'function') (ack as () => void)();
  }

  private onPositions(raw: unknown): void {
    if (!(raw instanceof ArrayBuffer || raw instanceof Uint8Array)) {
      this.rejected.positions++;
      return;
    }
    try {
      // Decode and apply, timed for the console-people benchmark (only the latest entry is kept).
      const t0 = performance.now();
      const frame = decodePositions(raw);
      this.listener?.positions?.(frame);
      performance.clearMeasures(POSITIONS_MEASURE);
      performance.measure(POSITIONS_MEASURE, { start: t0, end: performance.now(), detail: { rows: frame.count } });
    } catch (err) {
      if (!(err instanceof PositionsFrameError)) throw err;
      this.rejected.positions++;
    }
  }

  /** Lost the server: 'reconnecting' at once, 'offline' if it stays away. */
  private leaveLive(): void {
    if (this.current === 'live' || this.current === 'connecting') this.setPresence('reconnecting', null);
    if (this.offlineTimer === null) {
      this.offlineTimer = this.timers.set(() => {
        this.offlineTimer = null;
        if (this.current !== 'live' && !this.stopped) this.setPresence('offline', null);
      }, this.opts.offlineAfterMs ?? 8000);
    }
  }

  private setPresence(p: Presence, detail: string | null): void {
    this.current = p;
    this.listener?.presence(p, detail);
  }
}

/** Structural check of a snapshot's state before it replaces the console's. */
function isCommandState(v: unknown): v is CommandState {
  const s = v as Partial<CommandState> | null;
  return !!s && typeof s.seq === 'number' && typeof s.bands === 'object' && s.bands !== null && typeof s.injections === 'object' && Array.isArray(s.recent);
}
