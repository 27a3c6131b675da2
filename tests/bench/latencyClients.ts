/**
 * Consoles for the telemetry-latency, saturated-alarm and RSS benchmarks, run in child
 * processes (`run.js --latency-clients`) so that they do not share the server's event loop.
 * Each console says hello, optionally subscribes to all telemetry, applies every frame to a
 * latest-value table (value and time, newer wins, as the renderer's TagStore does) and then,
 * once the frame is applied, adds `now - sampleTime` of each of its samples to a 1 ms
 * histogram. Keyframes (old values by design) are not timed. It also follows the event lane and
 * times every alarm activate/clear from its sample time to its arrival.
 *
 * "Slow" consoles stop reading their TCP socket for `pauseMs` out of every `pauseMs + readMs`,
 * like a console on a choked link or a frozen tab, so the server has to conflate for them.
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { Socket as NetSocket } from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import { decodeFrame, FrameFlags } from '../../shared/protocol/frame';
import { PROTOCOL_VERSION } from '../../shared/protocol/messages';

export const HISTOGRAM_MS = 10_000;

export interface SlowSpec {
  count: number;
  pauseMs: number;
  readMs: number;
}

export type ToLatencyClients =
  | { cmd: 'connect'; url: string; token: string; clients: number; subscribe: boolean; slow: SlowSpec; tags: number }
  | { cmd: 'subscribe' }
  | { cmd: 'mark'; id: number }
  | { cmd: 'exit' };

export interface LatencyMark {
  type: 'mark';
  id: number;
  /** Sample latency histogram of the normal consoles since the previous mark: [ms, count] pairs, ms capped at HISTOGRAM_MS. */
  histogram: [number, number][];
  /** Samples applied since the previous mark: normal consoles, slow consoles. */
  samples: number;
  slowSamples: number;
  /** Alarm activate/clear delays since the previous mark, ms. */
  alarmMs: number[];
  slowAlarmMs: number[];
  /** Frames flagged conflated received by slow / normal consoles since the previous mark. */
  conflatedFrames: number;
  normalConflatedFrames: number;
  /** Times a console saw a sample older than the one its table held for that tag (must stay 0). */
  stale: number;
  /** Event seq gaps (must stay 0: the lane is never dropped). */
  gaps: number;
}

export type FromLatencyClients = { type: 'connected' } | { type: 'subscribed' } | LatencyMark | { type: 'error'; message: string };

interface WireEvent {
  seq: number;
  type: string;
  payload?: { cause?: string; alarm?: { lastChange?: number } };
}

function send(msg: FromLatencyClients): void {
  process.send?.(msg);
}

function tcpOf(s: Socket): NetSocket | null {
  const t = (s.io.engine as unknown as { transport?: { ws?: { _socket?: NetSocket } } }).transport;
  return t?.ws?._socket ?? null;
}

/** Child side. */
export function runLatencyClients(): void {
  const sockets: Socket[] = [];
  let histogram = new Float64Array(HISTOGRAM_MS + 1);
  let samples = 0;
  let slowSamples = 0;
  let alarmMs: number[] = [];
  let slowAlarmMs: number[] = [];
  let conflatedFrames = 0;
  let normalConflatedFrames = 0;
  let stale = 0;
  let gaps = 0;
  const timers: NodeJS.Timeout[] = [];
  process.on('message', (raw: ToLatencyClients) => {
    if (raw.cmd === 'exit') {
      for (const t of timers) clearInterval(t);
      for (const s of sockets) s.close();
      process.exit(0);
    }
    if (raw.cmd === 'mark') {
      const pairs: [number, number][] = [];
      histogram.forEach((n, ms) => n > 0 && pairs.push([ms, n]));
      send({ type: 'mark', id: raw.id, histogram: pairs, samples, slowSamples, alarmMs, slowAlarmMs, conflatedFrames, normalConflatedFrames, stale, gaps });
      histogram = new Float64Array(HISTOGRAM_MS + 1);
      samples = slowSamples = conflatedFrames = normalConflatedFrames = 0;
      alarmMs = [];
      slowAlarmMs = [];
      return;
    }
    if (raw.cmd === 'subscribe') {
      let done = 0;
      for (const s of sockets) {
        s.emit('subscribe', { areas: '*' }, (ack: { ok: boolean; message?: string }) => {
          if (!ack.ok) return send({ type: 'error', message: `subscribe: ${ack.message}` });
          if (++done === sockets.length) send({ type: 'subscribed' });
        });
      }
      return;
    }
    const total = raw.clients + raw.slow.count;
    let ready = 0;
    for (let k = 0; k < total; k++) {
      const slow = k >= raw.clients;
      const values = new Float64Array(raw.tags);
      const times = new Float64Array(raw.tags);
      let lastSeq = -1;
      const socket = connect(raw.url, { transports: ['websocket'], reconnection: false, forceNew: true });
      sockets.push(socket);
      const onEvent = (e: WireEvent, at: number): void => {
        if (lastSeq >= 0 && e.seq !== lastSeq + 1) gaps++;
        lastSeq = e.seq;
        const cause = e.payload?.cause;
        const t = e.payload?.alarm?.lastChange;
        if (e.type === 'alarm.changed' && (cause === 'activate' || cause === 'clear') && typeof t === 'number') (slow ? slowAlarmMs : alarmMs).push(at - t);
      };
      socket.on('event', (e: WireEvent) => onEvent(e, Date.now()));
      socket.on('events', (batch: WireEvent[]) => {
        const at = Date.now();
        for (const e of batch) onEvent(e, at);
      });
      // Acknowledging each frame once applied (as the renderer does) lets the server hold this
      // console to a few frames in flight (server/transport/SocketFrameOut.ts).
      socket.on('frame', (buf: Uint8Array, ack?: () => void) => {
        const f = decodeFrame(buf);
        const { ids, dt, baseTime } = f;
        for (let i = 0; i < f.count; i++) {
          const id = ids[i]!;
          const t = baseTime + dt[i]!;
          if (t < times[id]!) {
            stale++;
            continue;
          }
          values[id] = f.values[i]!;
          times[id] = t;
        }
        ack?.();
        if (f.flags & FrameFlags.Conflated) {
          if (slow) conflatedFrames++;
          else normalConflatedFrames++;
        }
        if (slow) {
          slowSamples += f.count;
          return;
        }
        samples += f.count;
        if (f.flags & FrameFlags.Keyframe) return;
        const at = Date.now();
        for (let i = 0; i < f.count; i++) histogram[Math.min(HISTOGRAM_MS, Math.max(0, at - baseTime - dt[i]!))]!++;
      });
      socket.on('connect', () => {
        socket.emit('hello', { protocolVersion: PROTOCOL_VERSION, token: raw.token, clientName: `lat-${k}` }, (ack: { ok: boolean; message?: string; data?: { snapshot?: { seq: number }; events?: WireEvent[] } }) => {
          if (!ack.ok) return send({ type: 'error', message: `hello: ${ack.message}` });
          lastSeq = ack.data?.snapshot?.seq ?? ack.data?.events?.at(-1)?.seq ?? -1;
          if (slow) startSlow(socket, raw.slow, timers);
          const done = () => {
            if (++ready === total) send({ type: 'connected' });
          };
          if (!raw.subscribe) return done();
          socket.emit('subscribe', { areas: '*' }, (sub: { ok: boolean; message?: string }) => {
            if (!sub.ok) return send({ type: 'error', message: `subscribe: ${sub.message}` });
            done();
          });
        });
      });
      socket.on('connect_error', (err) => send({ type: 'error', message: `connect: ${err.message}` }));
    }
  });
}

/** Pauses the console's TCP reads for `pauseMs`, then reads for `readMs`, forever. */
function startSlow(socket: Socket, spec: SlowSpec, timers: NodeJS.Timeout[]): void {
  const cycle = (): void => {
    const tcp = tcpOf(socket);
    if (!tcp) return;
    tcp.pause();
    timers.push(
      setTimeout(() => {
        tcp.resume();
        timers.push(setTimeout(cycle, spec.readMs));
      }, spec.pauseMs),
    );
  };
  // Only after hello and subscribe have been answered, so the handshake itself is not held up.
  timers.push(setTimeout(cycle, 500));
}

/** Parent side: one child process of consoles and its IPC. */
export class LatencyClients {
  private readonly child: ChildProcess;
  private readonly waiting = new Map<number | 'connected' | 'subscribed', (m: FromLatencyClients) => void>();
  private nextMark = 1;
  failure: string | null = null;

  constructor(script: string) {
    this.child = fork(script, ['--latency-clients'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (m: FromLatencyClients) => {
      if (m.type === 'error') this.failure ??= m.message;
      else if (m.type === 'connected' || m.type === 'subscribed') this.waiting.get(m.type)?.(m);
      else this.waiting.get(m.id)?.(m);
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  private request(key: number | 'connected' | 'subscribed', msg: ToLatencyClients): Promise<FromLatencyClients> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`latency clients did not answer ${msg.cmd} (${this.failure ?? 'no error reported'})`)), 60_000);
      this.waiting.set(key, (m) => {
        clearTimeout(timer);
        this.waiting.delete(key);
        resolve(m);
      });
      this.child.send(msg);
    });
  }

  async connect(opts: Omit<Extract<ToLatencyClients, { cmd: 'connect' }>, 'cmd'>): Promise<void> {
    await this.request('connected', { cmd: 'connect', ...opts });
  }

  async subscribe(): Promise<void> {
    await this.request('subscribed', { cmd: 'subscribe' });
  }

  async mark(): Promise<LatencyMark> {
    const id = this.nextMark++;
    const m = await this.request(id, { cmd: 'mark', id });
    if (m.type !== 'mark') throw new Error('unexpected answer to mark');
    return m;
  }

  exit(): void {
    this.child.send({ cmd: 'exit' } satisfies ToLatencyClients);
  }
}

/** Merged quantiles of [ms, count] histograms. */
export function histogramQuantiles(hists: readonly (readonly [number, number][])[], qs: readonly number[]): { total: number; at: number[] } {
  const merged = new Map<number, number>();
  for (const h of hists) for (const [ms, n] of h) merged.set(ms, (merged.get(ms) ?? 0) + n);
  const sorted = [...merged].sort((a, b) => a[0] - b[0]);
  const total = sorted.reduce((s, [, n]) => s + n, 0);
  const at = qs.map((q) => {
    const want = Math.max(1, Math.ceil(q * total));
    let seen = 0;
    for (const [ms, n] of sorted) {
      seen += n;
      if (seen >= want) return ms;
    }
    return Number.NaN;
  });
  return { total, at };
}
