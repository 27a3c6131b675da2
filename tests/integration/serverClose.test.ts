import http from 'node:http';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { startHarness } from './harness';

/**
 * A console keeps its HTTP connection alive and keeps using it (REST polling every second or
 * so): the server's close must not wait for that connection to fall idle — it never does while
 * the console polls — but end it and finish.
 */
describe('server close', () => {
  it('finishes while a console keeps polling over a kept-alive connection', async () => {
    const h = await startHarness();
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    let polling = true;
    let answered = 0;
    const get = (): Promise<void> =>
      new Promise((resolve) => {
        const req = http.get(`${h.server.url}/api/v1/health`, { agent }, (res) => {
          res.resume();
          res.on('end', () => {
            answered++;
            resolve();
          });
          res.on('error', () => resolve());
        });
        req.on('error', () => resolve());
      });
    const poll = (async () => {
      while (polling) {
        await get();
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    await get();
    expect(answered).toBeGreaterThan(0);
    const t0 = performance.now();
    const closed = await Promise.race([h.stop().then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 4000))]);
    polling = false;
    await poll;
    agent.destroy();
    expect(closed, 'close finished within 4 s').toBe(true);
    expect(performance.now() - t0).toBeLessThan(4000);
  }, 20_000);

  it('finishes while a connection is open that never sent a request (a browser\'s preconnect) and one mid-request', async () => {
    const h = await startHarness();
    const { port } = new URL(h.server.url);
    const silent = net.connect(Number(port), '127.0.0.1');
    const partial = net.connect(Number(port), '127.0.0.1');
    await Promise.all([silent, partial].map((s) => new Promise((r) => s.once('connect', r))));
    partial.write('GET /api/v1/health HTTP/1.1\r\nHost: x\r\n');
    for (const s of [silent, partial]) s.on('error', () => undefined);
    const closed = await Promise.race([h.stop().then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 4000))]);
    silent.destroy();
    partial.destroy();
    expect(closed, 'close finished within 4 s').toBe(true);
  }, 20_000);
});
