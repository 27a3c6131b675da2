#!/usr/bin/env node
/**
 * The plant server's command line (see --help and docs/server.md). On listen it prints exactly
 * one line `VIGIL_LISTENING <url>` on stdout, which the desktop shell and tests parse, then a
 * friendly line for people.
 */
import path from 'node:path';
import { stableHash } from '../shared/util/hash';
import { createPlantServer, type PlantServer } from './app';
import { findAppRoot, readVersion } from './appRoot';
import { addUser, readPassword } from './cli/addUser';
import { CliError, HELP, parseCli, type ServeOptions } from './cli/parseCli';
import { retentionFor } from './historian/historianOptions';
import { loadPlant, PlantLoadError, type LoadedPlant } from './plant/loadPlant';
import { scalePlant } from './plant/scalePlant';
import { createSimulator } from './sim/createSimulator';

async function serve(o: ServeOptions): Promise<void> {
  const root = findAppRoot();
  const plantDir = o.plantDir ?? path.join(root, 'resources', 'plants', 'reference');
  let loaded: LoadedPlant = await loadPlant(plantDir);
  if (o.scale !== null) {
    const plant = scalePlant(loaded.plant, o.scale);
    loaded = { plant, hash: stableHash(plant) };
  }
  const server: PlantServer = await createPlantServer({
    plant: loaded,
    createSimulator,
    dataDir: o.dataDir,
    host: o.host,
    port: o.port,
    seed: o.seed,
    ...(o.periodMs !== null ? { periodMs: o.periodMs } : {}),
    usersFile: o.usersFile,
    localSession: o.localSession,
    allowedOrigins: o.allowedOrigins,
    webhooks: o.webhooks,
    historian: { retention: retentionFor(o.retentionDays) },
    // People's positions: the people simulator, or only a real RTLS feed (docs/people.md).
    // An MQTT broker as a second RTLS path, alongside the simulator or the HTTP feed.
    people: { source: process.env.VIGIL_PEOPLE_SOURCE === 'rtls' ? 'rtls' : 'simulator', ...(o.rtlsMqtt ? { mqtt: o.rtlsMqtt } : {}) },
    version: readVersion(root),
    rendererDir: path.join(root, 'dist', 'renderer'),
  });
  const seq = server.ctx.engine.seq;
  console.log(`VIGIL_LISTENING ${server.url}`);
  console.log(
    `Vigil plant server: ${loaded.plant.meta.id}, ${loaded.plant.tags.length} tags, journal at seq ${seq}; open ${server.url} — admin token in ${server.adminTokenFile}; wall displays: ${server.url}/?wall=1#token=<${server.wallTokenFile}>\n` +
      `Vigil 工厂服务器已启动：${loaded.plant.tags.length} 个位号，日志序号 ${seq}；用浏览器打开 ${server.url} — 管理员令牌见 ${server.adminTokenFile}；大屏令牌见 ${server.wallTokenFile}`,
  );

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) {
      console.error(`${signal} again: exiting now / 再次收到 ${signal}，立即退出`);
      process.exit(1);
    }
    stopping = true;
    console.log(`${signal}: saving state and stopping / 正在保存状态并停止`);
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('shutdown failed / 停止失败:', err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

async function main(): Promise<void> {
  const cmd = parseCli(process.argv.slice(2), process.env, process.cwd());
  if (cmd.kind === 'help') {
    console.log(HELP);
    return;
  }
  if (cmd.kind === 'add-user') {
    await addUser(cmd.usersFile, cmd.name, cmd.role, await readPassword(process.env, process.stdin), cmd.person);
    console.log(`user ${cmd.name} (${cmd.role}) saved in ${cmd.usersFile} / 用户已保存`);
    process.exit(0);
  }
  await serve(cmd.options);
}

main().catch((err: unknown) => {
  if (err instanceof CliError || err instanceof PlantLoadError) console.error(err.message);
  else if ((err as { code?: unknown }).code === 'EADDRINUSE') {
    console.error(`port already in use; pick another with --port / 端口已被占用，请用 --port 指定其他端口 (${(err as Error).message})`);
  } else console.error('Vigil plant server failed to start / 工厂服务器启动失败:', err);
  process.exit(1);
});
