import path from 'node:path';
import { parseArgs } from 'node:util';
import { roleSchema, roles, type Role } from '../../shared/protocol/roles';
import { DEFAULT_RETENTION_DAYS } from '../historian/historianOptions';
import { webhookUrlProblem } from '../notify/webhook';

export interface ServeOptions {
  host: string;
  port: number;
  dataDir: string;
  seed: number;
  /** null: the reference plant next to the app. */
  plantDir: string | null;
  scale: number | null;
  periodMs: number | null;
  usersFile: string;
  localSession: boolean;
  allowedOrigins: string[];
  /** Webhook URLs graded alarm pushes are POSTed to. */
  webhooks: string[];
  /** Days the historian keeps raw samples (its 1- and 15-minute tiers 12× and 120× as long); people's positions as long as raw samples. */
  retentionDays: number;
  /** RTLS fixes from an MQTT broker (docs/people.md); absent when not asked for. */
  rtlsMqtt?: RtlsMqttCli;
}

/** `--rtls-mqtt URL [--rtls-mqtt-topic FILTER]`; credentials from $VIGIL_RTLS_MQTT_USERNAME / $VIGIL_RTLS_MQTT_PASSWORD only. */
export interface RtlsMqttCli {
  url: string;
  topic: string;
  username?: string;
  password?: string;
}

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'serve'; options: ServeOptions }
  | { kind: 'add-user'; name: string; role: Role; usersFile: string; person?: string };

export class CliError extends Error {}

export const HELP = `Vigil plant server / Vigil 工厂服务器

Usage / 用法:
  vigil-server [options]                 run the plant server / 运行工厂服务器
  vigil-server add-user NAME ROLE [--data DIR] [--users FILE] [--person ID]
                                         add or update a user; password from $VIGIL_PASSWORD or stdin;
                                         --person links the account to a registry person (hazard orders)
                                         添加或更新用户；密码取自 $VIGIL_PASSWORD 或标准输入；--person 关联人员名册编号

Options / 选项:
  --host HOST         address to listen on / 监听地址 (default 127.0.0.1)
  --port N            port, 0 = any free port / 端口，0 表示任选空闲端口 (default 4870)
  --data DIR          data folder: journal, users, admin token / 数据目录 (default $VIGIL_DATA or ./.data)
  --seed N            simulator seed / 仿真随机种子 (default 1)
  --plant DIR         plant model folder / 工厂模型目录 (default resources/plants/reference)
  --scale N           scale the plant to N tags (benchmarks) / 将工厂扩展到 N 个位号（基准测试）
  --period-ms N       simulator sample period, ms / 仿真采样周期，毫秒 (default: each tag's own)
  --users FILE        users file / 用户文件 (default <data>/users.json)
  --allow-origin URL  let a console on another origin call the API (repeatable) / 允许其他来源的控制台访问 API（可重复）
  --retention-days N  keep raw history N days (1-min trends 12×, 15-min 120× as long) / 原始历史数据保留天数（1 分钟与 15 分钟汇总分别保留 12 倍与 120 倍）(default ${DEFAULT_RETENTION_DAYS})
  --webhook URL       POST graded alarm pushes to URL (repeatable) / 将分级报警推送 POST 到该地址（可重复）
  --rtls-mqtt URL     also take RTLS fixes from this MQTT broker (mqtt:// or mqtts://; credentials from
                      $VIGIL_RTLS_MQTT_USERNAME and $VIGIL_RTLS_MQTT_PASSWORD) / 同时从该 MQTT 代理接收定位数据（账号密码取自环境变量）
  --rtls-mqtt-topic F topic filter / 订阅主题 (default vigil/rtls/+/fixes)
  --no-local-session  never sign in loopback consoles without a password / 本机控制台也须登录
  --help              this text / 显示本帮助

Roles / 角色: ${roles.join(', ')}
On start the server prints one line "VIGIL_LISTENING <url>". / 启动后输出一行 "VIGIL_LISTENING <url>"。`;

function int(name: string, raw: string | undefined, lo: number, hi: number): number | null {
  if (raw === undefined) return null;
  const v = Number(raw);
  if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(v) || v < lo || v > hi) {
    throw new CliError(`--${name} must be an integer from ${lo} to ${hi} (got "${raw}") / --${name} 须为 ${lo} 到 ${hi} 的整数`);
  }
  return v;
}

/** The MQTT feed's options: the broker URL is checked here so that a typo fails at start, not on the first reconnect. */
function rtlsMqttOption(url: string | undefined, topic: string | undefined, env: Readonly<Record<string, string | undefined>>): { rtlsMqtt?: RtlsMqttCli } {
  if (url === undefined) {
    if (topic !== undefined) throw new CliError('--rtls-mqtt-topic needs --rtls-mqtt / --rtls-mqtt-topic 须与 --rtls-mqtt 一起使用');
    return {};
  }
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new CliError(`--rtls-mqtt: "${url}" is not a URL (e.g. mqtt://127.0.0.1:1883) / --rtls-mqtt 须为 mqtt:// 或 mqtts:// 地址`);
  }
  if (u.protocol !== 'mqtt:' && u.protocol !== 'mqtts:') throw new CliError('--rtls-mqtt must be an mqtt:// or mqtts:// URL / --rtls-mqtt 须为 mqtt:// 或 mqtts:// 地址');
  if (u.username || u.password) {
    throw new CliError('--rtls-mqtt: put the broker user and password in $VIGIL_RTLS_MQTT_USERNAME and $VIGIL_RTLS_MQTT_PASSWORD, not on the command line / 代理账号密码请用环境变量，勿写在命令行');
  }
  const t = topic ?? 'vigil/rtls/+/fixes';
  if (t === '' || t.length > 512 || /#./.test(t) || t.includes('\0')) throw new CliError(`--rtls-mqtt-topic: "${t}" is not an MQTT topic filter / 不是有效的 MQTT 主题`);
  const user = env.VIGIL_RTLS_MQTT_USERNAME;
  const pass = env.VIGIL_RTLS_MQTT_PASSWORD;
  return { rtlsMqtt: { url, topic: t, ...(user ? { username: user } : {}), ...(pass ? { password: pass } : {}) } };
}

/** Parses the command line. Relative paths resolve against `cwd`. Throws CliError with a bilingual message. */
export function parseCli(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, cwd: string): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        data: { type: 'string' },
        seed: { type: 'string' },
        plant: { type: 'string' },
        scale: { type: 'string' },
        'period-ms': { type: 'string' },
        users: { type: 'string' },
        'allow-origin': { type: 'string', multiple: true },
        webhook: { type: 'string', multiple: true },
        'retention-days': { type: 'string' },
        'rtls-mqtt': { type: 'string' },
        'rtls-mqtt-topic': { type: 'string' },
        'no-local-session': { type: 'boolean' },
        person: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw new CliError(`${err instanceof Error ? err.message : String(err)}\n(see --help / 参见 --help)`);
  }
  const v = parsed.values;
  if (v.help) return { kind: 'help' };
  const dataDir = path.resolve(cwd, v.data ?? env.VIGIL_DATA ?? '.data');
  const usersFile = v.users ? path.resolve(cwd, v.users) : path.join(dataDir, 'users.json');
  const [sub, ...rest] = parsed.positionals;

  if (sub === 'add-user') {
    if (rest.length !== 2) throw new CliError('usage: add-user NAME ROLE / 用法：add-user 用户名 角色');
    const role = roleSchema.safeParse(rest[1]);
    if (!role.success) throw new CliError(`unknown role "${rest[1]}"; roles: ${roles.join(', ')} / 未知角色`);
    return { kind: 'add-user', name: rest[0]!, role: role.data, usersFile, ...(v.person !== undefined ? { person: v.person } : {}) };
  }
  if (sub !== undefined) throw new CliError(`unknown command "${sub}" (see --help) / 未知命令`);
  const webhooks = v.webhook ?? [];
  for (const url of webhooks) {
    const problem = webhookUrlProblem(url);
    if (problem) throw new CliError(`--webhook: ${problem} / --webhook 须为 http 或 https 地址`);
  }

  return {
    kind: 'serve',
    options: {
      host: v.host ?? '127.0.0.1',
      port: int('port', v.port, 0, 65535) ?? 4870,
      dataDir,
      seed: int('seed', v.seed, 0, 2 ** 32 - 1) ?? 1,
      plantDir: v.plant ? path.resolve(cwd, v.plant) : null,
      scale: int('scale', v.scale, 1, 1_000_000),
      periodMs: int('period-ms', v['period-ms'], 100, 3_600_000),
      usersFile,
      localSession: !v['no-local-session'],
      allowedOrigins: v['allow-origin'] ?? [],
      webhooks,
      retentionDays: int('retention-days', v['retention-days'], 1, 36_500) ?? DEFAULT_RETENTION_DAYS,
      ...rtlsMqttOption(v['rtls-mqtt'], v['rtls-mqtt-topic'], env),
    },
  };
}
