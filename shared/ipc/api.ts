import { z } from 'zod';

/**
 * The Electron IPC contract: the only things the sandboxed renderer can ask the main process.
 * The preload exposes them as one frozen object `window.vigil` (type `VigilBridge`); the main
 * process checks channel, sender and payload of every message against this file.
 */
export const ipcChannels = {
  /** invoke() → ConsoleConfig */
  getConfig: 'vigil:get-config',
} as const;

export const consoleConfigSchema = z
  .object({
    /** Plant server base URL, e.g. http://127.0.0.1:4870 */
    serverUrl: z.string().url(),
    /** BCP 47 system locale, e.g. zh-CN */
    locale: z.string().min(2).max(35),
    /** True when the main process started an embedded plant server for this console. */
    embedded: z.boolean(),
    appVersion: z.string(),
  })
  .strict();
export type ConsoleConfig = z.infer<typeof consoleConfigSchema>;

export interface VigilBridge {
  readonly getConfig: () => Promise<ConsoleConfig>;
}
