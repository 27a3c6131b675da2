import { connect, type IClientOptions, type MqttClient } from 'mqtt';
import { describeZodError } from '../util/describeZodError';
import { refusalReasons, rtlsBatchSchema, type RtlsResult } from './RtlsIngest';
import { RTLS_BODY_LIMIT } from './rtlsRoutes';

/** Default topic filter: one topic per gateway, e.g. `vigil/rtls/gw-north/fixes`. */
export const DEFAULT_RTLS_MQTT_TOPIC = 'vigil/rtls/+/fixes';

export interface RtlsMqttConfig {
  /** Broker, `mqtt://host:port` or `mqtts://…`. */
  url: string;
  /** Topic filter (wildcards allowed). */
  topic?: string;
  /** Broker credentials (the command line takes them from the environment only). */
  username?: string;
  password?: string;
  /** First reconnect delay, ms; doubled after each failed attempt up to `reconnectMaxMs`, reset once connected. */
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
  /** Largest payload taken, bytes (the HTTP route's body limit by default). */
  maxPayloadBytes?: number;
}

/** What became of MQTT messages (a message is one batch). */
export const mqttMessageResults = ['ok', 'malformed', 'invalid', 'oversized', 'failed'] as const;
export type MqttMessageResult = (typeof mqttMessageResults)[number];

export interface RtlsMqttStatus {
  /** The broker, without credentials. */
  broker: string;
  topic: string;
  state: 'connecting' | 'connected' | 'reconnecting' | 'stopped';
  connected: boolean;
  /** Since when connected (ms), or null. */
  connectedSince: number | null;
  connects: number;
  disconnects: number;
  /** Delay before the next reconnect attempt, ms (0 while connected). */
  retryMs: number;
  lastError: string | null;
  lastMessageAt: number | null;
  messages: Record<MqttMessageResult, number>;
  bytes: number;
  /** Fixes of the messages that were taken, as the ingest counted them. */
  fixes: RtlsResult;
}

/** Logs a kind of problem at most once a minute, with how many were not logged in between. */
class ThrottledLog {
  private readonly last = new Map<string, { at: number; quiet: number }>();
  constructor(private readonly now: () => number) {}
  warn(kind: string, message: string): void {
    const t = this.now();
    const s = this.last.get(kind);
    if (s && t - s.at < 60_000) {
      s.quiet++;
      return;
    }
    console.warn(`RTLS MQTT: ${message}${s?.quiet ? ` (${s.quiet} more since the last report)` : ''}`);
    this.last.set(kind, { at: t, quiet: 0 });
  }
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString().replace(/\/$/, '');
  } catch {
    return '(unparsable broker address)';
  }
}

/**
 * The RTLS feed over MQTT (docs/people.md "The RTLS feed"): the plant server subscribes to a
 * broker as a client; every message is one batch, the same JSON as `POST /api/v1/rtls/fixes`,
 * checked by the same schema and handed to the same ingest (per-fix checks, per-badge rate
 * limit, counters). Oversized, malformed or wrongly shaped messages are counted and logged
 * (throttled) and dropped; nothing a publisher sends can throw. When the broker goes away the
 * client reconnects with a doubling delay and subscribes again. QoS 1 subscription, clean
 * session: what is published while the server is disconnected is not replayed (the gateway's
 * next fix supersedes it anyway).
 */
export class RtlsMqttIngest {
  private client: MqttClient | null = null;
  private retryMs: number;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly log: ThrottledLog;
  private readonly s: RtlsMqttStatus;
  private readonly minMs: number;
  private readonly maxMs: number;
  private readonly maxBytes: number;

  constructor(
    private readonly cfg: RtlsMqttConfig,
    /** The shared RTLS ingest for one batch's fixes. */
    private readonly sink: (fixes: readonly unknown[]) => RtlsResult,
    private readonly now: () => number,
  ) {
    this.minMs = cfg.reconnectMinMs ?? 1000;
    this.maxMs = Math.max(this.minMs, cfg.reconnectMaxMs ?? 30_000);
    this.maxBytes = cfg.maxPayloadBytes ?? RTLS_BODY_LIMIT;
    this.retryMs = this.minMs;
    this.log = new ThrottledLog(now);
    this.s = {
      broker: redact(cfg.url),
      topic: cfg.topic ?? DEFAULT_RTLS_MQTT_TOPIC,
      state: 'connecting',
      connected: false,
      connectedSince: null,
      connects: 0,
      disconnects: 0,
      retryMs: 0,
      lastError: null,
      lastMessageAt: null,
      messages: { ok: 0, malformed: 0, invalid: 0, oversized: 0, failed: 0 },
      bytes: 0,
      fixes: { accepted: 0, refused: { invalid: 0, unknown_badge: 0, rate_limited: 0, stale: 0, future: 0 } },
    };
  }

  status(): RtlsMqttStatus {
    return { ...this.s, messages: { ...this.s.messages }, fixes: { accepted: this.s.fixes.accepted, refused: { ...this.s.fixes.refused } } };
  }

  start(): void {
    const opts: IClientOptions = {
      // Reconnects are ours (doubling delay); mqtt.js would retry at a fixed period.
      reconnectPeriod: 0,
      connectTimeout: 10_000,
      keepalive: 30,
      clean: true,
      resubscribe: false,
      clientId: `vigil-rtls-${Math.random().toString(16).slice(2, 10)}`,
      ...(this.cfg.username !== undefined ? { username: this.cfg.username } : {}),
      ...(this.cfg.password !== undefined ? { password: this.cfg.password } : {}),
    };
    const c = connect(this.cfg.url, opts);
    this.client = c;
    c.on('connect', () => {
      this.s.connects++;
      this.s.connected = true;
      this.s.state = 'connected';
      this.s.connectedSince = this.now();
      this.s.retryMs = 0;
      this.retryMs = this.minMs;
      c.subscribe(this.s.topic, { qos: 1 }, (err, granted) => {
        const refused = granted?.some((g) => g.qos === 128);
        if (err || refused) {
          this.s.lastError = `subscribe ${this.s.topic}: ${err ? err.message : 'refused by the broker'}`;
          this.log.warn('subscribe', this.s.lastError);
        }
      });
    });
    c.on('message', (_topic, payload) => this.onMessage(payload));
    c.on('error', (err) => {
      this.s.lastError = err.message;
      this.log.warn('error', `${this.s.broker}: ${err.message}`);
    });
    c.on('close', () => this.onClose());
  }

  private onClose(): void {
    if (this.s.connected) this.s.disconnects++;
    this.s.connected = false;
    this.s.connectedSince = null;
    if (this.stopped || this.timer) return;
    this.s.state = 'reconnecting';
    this.s.retryMs = this.retryMs;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.stopped) this.client?.reconnect();
    }, this.retryMs);
    this.timer.unref();
    this.retryMs = Math.min(this.maxMs, this.retryMs * 2);
  }

  private onMessage(payload: Buffer): void {
    this.s.lastMessageAt = this.now();
    this.s.bytes += payload.length;
    try {
      if (payload.length > this.maxBytes) {
        this.s.messages.oversized++;
        this.log.warn('oversized', `dropped a message of ${payload.length} bytes (limit ${this.maxBytes})`);
        return;
      }
      let body: unknown;
      try {
        body = JSON.parse(payload.toString('utf8'));
      } catch {
        this.s.messages.malformed++;
        this.log.warn('malformed', 'dropped a message that is not JSON');
        return;
      }
      const batch = rtlsBatchSchema.safeParse(body);
      if (!batch.success) {
        this.s.messages.invalid++;
        this.log.warn('invalid', `dropped a message that is not a batch of fixes: ${describeZodError(batch.error)}`);
        return;
      }
      const r = this.sink(batch.data.fixes);
      this.s.messages.ok++;
      this.s.fixes.accepted += r.accepted;
      for (const k of refusalReasons) this.s.fixes.refused[k] += r.refused[k];
    } catch (err) {
      this.s.messages.failed++;
      this.log.warn('failed', `a message could not be handled: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** Disconnects for good. */
  stop(): Promise<void> {
    this.stopped = true;
    this.s.state = 'stopped';
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const c = this.client;
    this.client = null;
    if (!c) return Promise.resolve();
    return new Promise((resolve) => c.end(true, {}, () => resolve()));
  }
}
