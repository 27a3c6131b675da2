import { z } from 'zod';

/**
 * Where the console finds its plant server, first match wins:
 *   1. `--server-url=URL` on the command line,
 *   2. the `VIGIL_SERVER_URL` environment variable,
 *   3. `serverUrl` in `<userData>/settings.json`.
 * None of them: the main process starts the embedded plant server.
 * A value that is present but not an http(s) URL is an error, never silently skipped: a
 * commander must not end up on the embedded demo plant believing it is the real one.
 */
export type ServerUrlSource = 'argument' | 'environment' | 'settings';

export interface ResolvedServerUrl {
  /** Origin plus path, without a trailing slash, e.g. http://10.0.0.5:4870 */
  readonly url: string;
  readonly source: ServerUrlSource;
}

export class SettingsError extends Error {
  constructor(
    readonly source: ServerUrlSource,
    message: string,
  ) {
    super(message);
    this.name = 'SettingsError';
  }
}

export const settingsSchema = z
  .object({
    serverUrl: z.string().optional(),
  })
  .passthrough();
export type ConsoleSettings = z.infer<typeof settingsSchema>;

export const SERVER_URL_ARG = '--server-url=';

/** Normalises an http(s) URL; throws SettingsError naming where it came from. */
export function normaliseServerUrl(raw: string, source: ServerUrlSource): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new SettingsError(source, `server URL from ${source} is not a URL: ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SettingsError(source, `server URL from ${source} must be http or https: ${JSON.stringify(raw)}`);
  }
  if (url.username || url.password) throw new SettingsError(source, `server URL from ${source} must not carry credentials`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export interface ServerUrlInputs {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Reads `<userData>/settings.json`; returns undefined when the file does not exist. */
  readonly readSettings: () => string | undefined;
}

export function resolveServerUrl(inputs: ServerUrlInputs): ResolvedServerUrl | null {
  const arg = [...inputs.argv].reverse().find((a) => a.startsWith(SERVER_URL_ARG));
  if (arg !== undefined) return { url: normaliseServerUrl(arg.slice(SERVER_URL_ARG.length), 'argument'), source: 'argument' };
  const fromEnv = inputs.env['VIGIL_SERVER_URL'];
  if (fromEnv !== undefined && fromEnv.trim() !== '') return { url: normaliseServerUrl(fromEnv, 'environment'), source: 'environment' };
  const text = inputs.readSettings();
  if (text === undefined) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new SettingsError('settings', `settings.json is not JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = settingsSchema.safeParse(json);
  if (!parsed.success) throw new SettingsError('settings', `settings.json: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  const fromFile = parsed.data.serverUrl;
  if (fromFile === undefined || fromFile.trim() === '') return null;
  return { url: normaliseServerUrl(fromFile, 'settings'), source: 'settings' };
}
