/**
 * The console side of the alarm benchmarks, run in a child process (`run.js --alarm-clients`)
 * so that the consoles do not share a core with the server. Each console says hello, optionally
 * subscribes to all telemetry (decoding every frame, as a console does), follows the event
 * lane (`event` and `events`), checks that seqs arrive without gaps, and records for every
 * alarm condition transition (activate/clear) the delay from its sample time to its arrival.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { io as connect, type Socket } from 'socket.io-client';
import { decodeFrame } from '../../shared/protocol/frame';
import { PROTOCOL_VERSION } from '../../shared/protocol/messages';

export type ToAlarmClients = { cmd: 'connect'; url: string; token: string; clients: number; subscribe: boolean } | { cmd: 'mark'; id: number } | { cmd: 'exit' };

export interface AlarmClientsMark {
  type: 'mark';
  id: number;
  /** Delays, ms, from an alarm transition's sample time to its arrival, since the previous mark (all consoles). */
  latencies: number[];
  /** Per console: alarm.changed events received, the newest seq, gaps seen, epoch ms of the last alarm event. */
  consoles: { alarmEvents: number; lastSeq: number; gaps: number; lastAlarmAt: number }[];
  /** Telemetry samples decoded since start, all consoles. */
  samples: number;
}

export type FromAlarmClients = { type: 'connected' } | AlarmClientsMark | { type: 'error'; message: string };

interface WireEvent {
  seq: number;
  type: string;
  payload?: { cause?: string; alarm?: { lastChange?: number } };
}

function send(msg: FromAlarmClients): void {
  process.send?.(msg);
}

/** Child side. */
export function runAlarmClients(): void {
  const sockets: Socket[] = [];
  const consoles: AlarmClientsMark['consoles'] = [];
  let latencies: number[] = [];
  let samples = 0;
  process.on('message', (raw: ToAlarmClients) => {
    if (raw.cmd === 'exit') {
      for (const s of sockets) s.close();
      process.exit(0);
    }
    if (raw.cmd === 'mark') {
      send({ type: 'mark', id: raw.id, latencies, consoles: consoles.map((c) => ({ ...c })), samples });
      latencies = [];
      return;
    }
    let ready = 0;
    for (let k = 0; k < raw.clients; k++) {
      const st = { alarmEvents: 0, lastSeq: -1, gaps: 0, lastAlarmAt: 0 };
      consoles.push(st);
      const socket = connect(raw.url, { transports: ['websocket'], reconnection: false, forceNew: true });
      sockets.push(socket);
      const onEvent = (e: WireEvent, at: number): void => {
        if (st.lastSeq >= 0 && e.seq !== st.lastSeq + 1) st.gaps++;
        st.lastSeq = e.seq;
        if (e.type !== 'alarm.changed') return;
        st.alarmEvents++;
        st.lastAlarmAt = at;
        const cause = e.payload?.cause;
        const sampleTime = e.payload?.alarm?.lastChange;
        if ((cause === 'activate' || cause === 'clear') && typeof sampleTime === 'number') latencies.push(at - sampleTime);
      };
      socket.on('event', (e: WireEvent) => onEvent(e, Date.now()));
      socket.on('events', (batch: WireEvent[]) => {
        const at = Date.now();
        for (const e of batch) onEvent(e, at);
      });
      socket.on('frame', (buf: Uint8Array) => {
        samples += decodeFrame(buf).count;
      });
      socket.on('connect', () => {
        socket.emit('hello', { protocolVersion: PROTOCOL_VERSION, token: raw.token, clientName: `bench-${k}` }, (ack: { ok: boolean; message?: string; data?: { snapshot?: { seq: number }; events?: WireEvent[] } }) => {
          if (!ack.ok) return send({ type: 'error', message: `hello: ${ack.message}` });
          st.lastSeq = ack.data?.snapshot?.seq ?? ack.data?.events?.at(-1)?.seq ?? -1;
          const done = () => {
            if (++ready === raw.clients) send({ type: 'connected' });
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

/** Parent side: the child process and its IPC. */
export class AlarmClients {
  private readonly child: ChildProcess;
  private readonly waiting = new Map<number | 'connected', (m: FromAlarmClients) => void>();
  private nextMark = 1;
  failure: string | null = null;

  constructor(script: string) {
    this.child = fork(script, ['--alarm-clients'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (m: FromAlarmClients) => {
      if (m.type === 'error') this.failure ??= m.message;
      else if (m.type === 'connected') this.waiting.get('connected')?.(m);
      else this.waiting.get(m.id)?.(m);
    });
  }

  private request(key: number | 'connected', msg: ToAlarmClients): Promise<FromAlarmClients> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`alarm clients did not answer ${msg.cmd} (${this.failure ?? 'no error reported'})`)), 60_000);
      this.waiting.set(key, (m) => {
        clearTimeout(timer);
        this.waiting.delete(key);
        resolve(m);
      });
      this.child.send(msg);
    });
  }

  async connect(url: string, token: string, clients: number, subscribe: boolean): Promise<void> {
    await this.request('connected', { cmd: 'connect', url, token, clients, subscribe });
  }

  async mark(): Promise<AlarmClientsMark> {
    const id = this.nextMark++;
    const m = await this.request(id, { cmd: 'mark', id });
    if (m.type !== 'mark') throw new Error('unexpected answer to mark');
    return m;
  }

  exit(): void {
    this.child.send({ cmd: 'exit' } satisfies ToAlarmClients);
  }
}

/** The q-quantile (0–1) of `xs`, rounded to 0.1 ms; NaN when empty. */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))]! * 10) / 10;
}
