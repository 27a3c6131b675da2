import { errorCodes } from '../shared/protocol/messages';

/**
 * Reasons an inbound message (socket or REST) is refused, beyond the Ack error codes:
 * transport-level refusals that never reach a handler.
 */
export const transportReasons = ['rate_limited', 'oversized', 'unknown_event', 'malformed_packet', 'no_ack', 'not_hello', 'auth_failed', 'flood_disconnect'] as const;
export type RejectReason = (typeof errorCodes)[number] | (typeof transportReasons)[number];

/** Live gauges read at scrape time, owned by the server parts that know them. */
export interface MetricGauges {
  consoles: number;
  tags: number;
  seq: number;
  uptimeS: number;
  /** Bytes the recent-values buffers hold. */
  recentBytes: number;
  activeInjections: number;
  /** Alarm transitions generated since start (ticks and commands). */
  alarmTransitions: number;
  /** Alarms in the command state (not plainly normal), and whether the alarm system is in flood. */
  alarmsListed: number;
  alarmFlooding: boolean;
  /** The slowest journal append since start: seconds, and its size in events. */
  slowestAppendSeconds: number;
  slowestAppendEvents: number;
}

/**
 * Counters of the plant server, read by `/api/v1/health` (rejected) and rendered by hand in the
 * Prometheus text exposition format at `/metrics` (no client library: a handful of series).
 */
export class Metrics {
  readonly rejected = new Map<string, number>();
  framesSent = 0;
  samplesSent = 0;
  framesConflated = 0;
  /** Samples held back from consoles that were not draining (each console counted). */
  samplesConflated = 0;
  /** Consoles with tags held back at the last telemetry tick. */
  consolesConflating = 0;
  keyframesSent = 0;
  eventsAppended = 0;
  ticks = 0;
  tickSecondsSum = 0;
  lastTickSeconds = 0;
  maxTickSeconds = 0;
  /** Exposition text of capabilities that keep their own counters (the RTLS feed), appended at scrape time. */
  readonly sections: (() => string)[] = [];

  constructor() {
    for (const r of [...errorCodes, ...transportReasons]) this.rejected.set(r, 0);
  }

  reject(reason: RejectReason): void {
    this.rejected.set(reason, (this.rejected.get(reason) ?? 0) + 1);
  }

  rejectedRecord(): Record<string, number> {
    return Object.fromEntries(this.rejected);
  }

  observeTick(seconds: number): void {
    this.ticks++;
    this.tickSecondsSum += seconds;
    this.lastTickSeconds = seconds;
    if (seconds > this.maxTickSeconds) this.maxTickSeconds = seconds;
  }

  render(g: MetricGauges, rssBytes = process.memoryUsage().rss): string {
    const out: string[] = [];
    const metric = (name: string, type: 'gauge' | 'counter', help: string, samples: [string, number][]): void => {
      out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
      for (const [labels, v] of samples) out.push(`${name}${labels} ${formatNumber(v)}`);
    };
    metric('vigil_consoles', 'gauge', 'Consoles connected and past hello.', [['', g.consoles]]);
    metric('vigil_tags', 'gauge', 'Tags in the plant model.', [['', g.tags]]);
    metric('vigil_journal_seq', 'gauge', 'Sequence number of the newest journal event.', [['', g.seq]]);
    metric('vigil_active_injections', 'gauge', 'Simulator injections in force.', [['', g.activeInjections]]);
    metric(
      'vigil_rejected_messages_total',
      'counter',
      'Inbound messages refused, by reason.',
      [...this.rejected].map(([r, n]) => [`{reason="${escapeLabel(r)}"}`, n]),
    );
    metric('vigil_frames_sent_total', 'counter', 'Telemetry frames sent (one per console that received it).', [['', this.framesSent]]);
    metric('vigil_samples_sent_total', 'counter', 'Samples carried by telemetry frames, summed over consoles.', [['', this.samplesSent]]);
    metric('vigil_keyframes_sent_total', 'counter', 'Keyframes sent after subscribe.', [['', this.keyframesSent]]);
    metric('vigil_frames_conflated_total', 'counter', 'Frames held back from a console that was not draining (its tags conflated to latest).', [
      ['', this.framesConflated],
    ]);
    metric('vigil_samples_conflated_total', 'counter', 'Samples not sent to a console that was not draining; it later gets each tag\'s latest value instead.', [
      ['', this.samplesConflated],
    ]);
    metric('vigil_consoles_conflating', 'gauge', 'Consoles with telemetry held back (not draining) at the last tick.', [['', this.consolesConflating]]);
    metric('vigil_events_appended_total', 'counter', 'Journal events appended since start.', [['', this.eventsAppended]]);
    metric('vigil_alarm_transitions_total', 'counter', 'Alarm transitions (alarm.changed) generated since start.', [['', g.alarmTransitions]]);
    metric('vigil_alarms_listed', 'gauge', 'Alarms not plainly normal (active, unacknowledged, latched, shelved, suppressed or out of service).', [['', g.alarmsListed]]);
    metric('vigil_alarm_flood', 'gauge', '1 while the alarm system is in flood (ISA-18.2).', [['', g.alarmFlooding ? 1 : 0]]);
    metric('vigil_journal_slowest_append_seconds', 'gauge', 'Slowest journal append (one transaction, reduce, broadcast) since start.', [['', g.slowestAppendSeconds]]);
    metric('vigil_journal_slowest_append_events', 'gauge', 'Events in that slowest append.', [['', g.slowestAppendEvents]]);
    out.push('# HELP vigil_tick_duration_seconds Time spent per simulator tick (ingest, bands, fan-out).', '# TYPE vigil_tick_duration_seconds summary');
    out.push(`vigil_tick_duration_seconds_sum ${formatNumber(this.tickSecondsSum)}`, `vigil_tick_duration_seconds_count ${this.ticks}`);
    metric('vigil_tick_duration_seconds_last', 'gauge', 'Duration of the last tick.', [['', this.lastTickSeconds]]);
    metric('vigil_tick_duration_seconds_max', 'gauge', 'Longest tick since start.', [['', this.maxTickSeconds]]);
    metric('vigil_recent_buffer_bytes', 'gauge', 'Memory held by the 10-minute recent-values buffer.', [['', g.recentBytes]]);
    metric('process_resident_memory_bytes', 'gauge', 'Resident set size.', [['', rssBytes]]);
    metric('vigil_uptime_seconds', 'gauge', 'Seconds since the server started.', [['', g.uptimeS]]);
    for (const section of this.sections) out.push(section().trimEnd());
    return out.join('\n') + '\n';
  }
}

function formatNumber(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}

function escapeLabel(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
