/**
 * The client side of the fan-out benchmark, run in a child process so that decoding does not
 * share a core with the server. It opens N socket.io clients, applies every message it receives
 * (fanoutPayloads.applier) and grants the server credit, so the server never queues more than a
 * window of messages per client. The parent reads the update counters through IPC marks.
 */
import { io as connect, type Socket } from 'socket.io-client';
import { applier, modes, valueOf, type FanoutShape, type ModeName } from './fanoutPayloads';

export type ToClients =
  | { cmd: 'connect'; url: string; clients: number; shape: FanoutShape; creditEvery: Record<ModeName, number> }
  | { cmd: 'mark'; id: number }
  | { cmd: 'exit' };

export type FromClients =
  | { type: 'connected' }
  /** `wrong`: table slots, over all clients, holding a value no message carried for that tag. */
  | { type: 'mark'; id: number; updates: number; messages: number; atMs: number; wrong: number }
  | { type: 'error'; message: string };

function send(msg: FromClients): void {
  process.send?.(msg);
}

export function runClients(): void {
  const sockets: Socket[] = [];
  const tables: Float64Array[] = [];
  const wrong = () => {
    let n = 0;
    for (const t of tables) for (let i = 0; i < t.length; i++) if (t[i] !== 0 && t[i] !== valueOf(i)) n++;
    return n;
  };
  let updates = 0;
  let messages = 0;
  process.on('message', (raw: ToClients) => {
    if (raw.cmd === 'exit') {
      for (const s of sockets) s.close();
      process.exit(0);
    }
    if (raw.cmd === 'mark') {
      const atMs = performance.now();
      send({ type: 'mark', id: raw.id, updates, messages, atMs, wrong: wrong() });
      return;
    }
    const { url, clients, shape, creditEvery } = raw;
    let connected = 0;
    for (let c = 0; c < clients; c++) {
      const latest = new Float64Array(shape.tags);
      tables.push(latest);
      const socket = connect(url, { transports: ['websocket'], reconnection: false, forceNew: true });
      sockets.push(socket);
      for (const mode of modes(shape)) {
        const apply = applier(mode.name, shape);
        const every = creditEvery[mode.name];
        let received = 0;
        socket.on(mode.event, (message: unknown) => {
          try {
            updates += apply(message, latest);
          } catch (err) {
            send({ type: 'error', message: err instanceof Error ? err.message : String(err) });
            return;
          }
          messages++;
          received++;
          if (received % every === 0) socket.emit('credit', mode.name, received);
        });
      }
      socket.on('connect', () => {
        if (++connected === clients) send({ type: 'connected' });
      });
      socket.on('connect_error', (err) => send({ type: 'error', message: `connect: ${err.message}` }));
    }
  });
}
