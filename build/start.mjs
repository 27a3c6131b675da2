#!/usr/bin/env node
// `npm start` (after `node build/build.mjs`): starts the plant server, then the Electron console
// pointed at it. Where Electron cannot run (no binary, offline, CI, no display) it says so in one
// line and keeps serving the console to browsers until Ctrl-C.
//
// Arguments are passed to the server as they are (`npm start -- --port 5000 --seed 7`); its
// defaults are 127.0.0.1:4870 and the data folder $VIGIL_DATA or ./.data. Environment:
//   VIGIL_NO_ELECTRON=1                   never launch Electron (browser only)
//   VIGIL_SERVER_ENTRY=FILE               run this server build instead of dist/server/main.js
//   ELECTRON_OVERRIDE_DIST_PATH=DIR       use the Electron binary in DIR
//   ELECTRON_SKIP_BINARY_DOWNLOAD=1, CI   do not try to download a missing binary
//   VIGIL_ELECTRON_FETCH_TIMEOUT_MS       how long a first-run download may take (120000)
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const LISTENING = 'VIGIL_LISTENING ';

const truthy = (v) => v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';

function platformBinary() {
  if (process.platform === 'win32') return 'electron.exe';
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return 'electron';
}

/** Runs electron's own installer in a child with a time limit; resolves with a failure reason or null. */
function fetchElectron(dir) {
  const timeoutMs = Number(env.VIGIL_ELECTRON_FETCH_TIMEOUT_MS ?? 120_000);
  console.log(`Fetching the Electron binary (first start, up to ${Math.round(timeoutMs / 1000)} s)…`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(dir, 'install.js')], { stdio: ['ignore', 'ignore', 'pipe'], timeout: timeoutMs });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', (e) => resolve(`download failed: ${e.message}`));
    child.on('exit', (code, signal) => {
      if (code === 0) resolve(null);
      else if (signal) resolve(`download timed out after ${Math.round(timeoutMs / 1000)} s`);
      else resolve(`download failed: ${err.split('\n').find((l) => l.trim()) ?? `exit code ${code}`}`);
    });
  });
}

/** Finds a runnable Electron binary: { bin } or { reason } saying why there is none. */
export async function findElectron() {
  if (truthy(env.VIGIL_NO_ELECTRON)) return { reason: 'VIGIL_NO_ELECTRON is set' };
  if (process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return { reason: 'no display: DISPLAY and WAYLAND_DISPLAY are unset' };
  const dir = path.join(root, 'node_modules', 'electron');
  if (!existsSync(path.join(dir, 'package.json'))) return { reason: 'the electron package is not installed' };
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const bin = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, platformBinary());
    return existsSync(bin) ? { bin } : { reason: `no Electron binary at ${bin} (ELECTRON_OVERRIDE_DIST_PATH)` };
  }
  const installed = () => {
    const pathTxt = path.join(dir, 'path.txt');
    if (!existsSync(pathTxt)) return null;
    const bin = path.join(dir, 'dist', readFileSync(pathTxt, 'utf8').trim());
    return existsSync(bin) ? bin : null;
  };
  const bin = installed();
  if (bin) return { bin };
  if (truthy(env.ELECTRON_SKIP_BINARY_DOWNLOAD) || truthy(env.CI)) {
    return { reason: 'the Electron binary is not installed and ELECTRON_SKIP_BINARY_DOWNLOAD or CI is set' };
  }
  const failure = await fetchElectron(dir);
  if (failure) return { reason: failure };
  return installed() ? { bin: installed() } : { reason: 'the Electron installer finished without a binary' };
}

function main() {
  const entry = env.VIGIL_SERVER_ENTRY ? path.resolve(env.VIGIL_SERVER_ENTRY) : path.join(root, 'dist', 'server', 'main.js');
  if (!existsSync(entry)) {
    console.error(`No built plant server at ${entry}; run \`node build/build.mjs\` first (npm start does).`);
    process.exit(1);
  }
  // Its own process group: Ctrl-C reaches only this launcher, which then asks the server to stop
  // once (the server treats a second signal as "exit now, skip saving").
  const server = spawn(process.execPath, [entry, ...process.argv.slice(2)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: process.platform !== 'win32',
  });
  let electron = null;
  let stopping = false;

  const stop = () => {
    if (stopping) return;
    stopping = true;
    if (electron && electron.exitCode === null) electron.kill('SIGTERM');
    if (server.exitCode !== null || server.signalCode !== null) process.exit(server.exitCode ?? 1);
    // The server's own status tells whether it stopped cleanly (it exits 0 after saving).
    server.once('exit', (serverCode) => process.exit(serverCode ?? 1));
    server.kill('SIGTERM');
    setTimeout(() => server.kill('SIGKILL'), 5000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  let fellBack = false;
  const fallback = (reason, url) => {
    if (fellBack) return;
    fellBack = true;
    console.log(`Electron is not available here (${reason}); the console is served at ${url} — open it in a browser.`);
  };

  let url = null;
  server.on('exit', (code, signal) => {
    if (stopping) return;
    if (url === null) console.error(`The plant server exited before listening (${signal ?? `code ${code}`}).`);
    stopping = true;
    if (electron && electron.exitCode === null) electron.kill('SIGTERM');
    process.exit(code ?? 1);
  });

  createInterface({ input: server.stdout }).on('line', async (line) => {
    console.log(line);
    if (url !== null || !line.startsWith(LISTENING)) return;
    url = line.slice(LISTENING.length).trim().replace(/\/+$/, '');
    const found = await findElectron();
    if (stopping) return;
    if (!found.bin) return fallback(found.reason, url);
    electron = spawn(found.bin, [root, `--server-url=${url}`], { cwd: root, stdio: 'inherit' });
    electron.on('error', (e) => fallback(`it could not be started: ${e.message}`, url));
    electron.on('exit', (code, signal) => {
      // Closing the console window ends the session; an Electron that crashes or refuses to
      // start (sandbox, GPU) leaves the server serving browsers.
      if (code === 0) stop();
      else if (!stopping) fallback(`it exited with ${signal ?? `code ${code}`}`, url);
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
