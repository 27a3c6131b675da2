import { z } from 'zod';

/**
 * The Electron IPC contract: the only things the sandboxed renderer can ask the main process.
 * The preload exposes them as one frozen object `window.vigil` (type `VigilBridge`); the main
 * process checks channel, sender and payload of every message against this file.
 */
export const ipcChannels = {
  /** invoke() → ConsoleConfig */
  getConfig: 'vigil:get-config',
  /** invoke(html) → PDF bytes: prints an incident's after-action report page (docs/incidents.md) to A4 PDF. */
  printReportPdf: 'vigil:print-report-pdf',
  /** invoke(NativeNotice) → true when shown: a native desktop notification (renderer/src/notify, docs/console.md). */
  notify: 'vigil:notify',
} as const;

/** A native notification the renderer asks for: plain text only, short; `urgency` 'critical' stays until dismissed where the OS allows. */
export const nativeNoticeSchema = z
  .object({
    title: z.string().min(1).max(200),
    body: z.string().max(1000),
    urgency: z.enum(['normal', 'critical']),
  })
  .strict();
export type NativeNotice = z.infer<typeof nativeNoticeSchema>;

/** The report page the renderer asks to print: a self-contained HTML document, at most 20 MB. */
export const REPORT_HTML_MAX = 20 * 1024 * 1024;
export const reportHtmlSchema = z.string().min(1).max(REPORT_HTML_MAX);

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
  /** Prints a report page to PDF in the main process (webContents.printToPDF); absent in shells without it. */
  readonly printReportPdf?: (html: string) => Promise<Uint8Array>;
  /** Shows a native notification from the main process; resolves false where the OS has none. Absent in shells without it. */
  readonly notify?: (notice: NativeNotice) => Promise<boolean>;
}
