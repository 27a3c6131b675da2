import { z } from 'zod';
import { consoleConfigSchema, ipcChannels, nativeNoticeSchema, reportHtmlSchema, type ConsoleConfig, type NativeNotice } from '../shared/ipc/api';
import type { InvokeEvent, IpcMainPort } from './ports';
import { isConsoleUrl } from './navigationGuard';

/** Why an IPC message was refused; the renderer's invoke() rejects with this message. */
export class IpcRejected extends Error {
  constructor(
    readonly channel: string,
    readonly reason: 'channel' | 'sender' | 'payload',
    detail: string,
  ) {
    super(`vigil ipc ${channel}: ${reason} refused (${detail})`);
    this.name = 'IpcRejected';
  }
}

const knownChannels: ReadonlySet<string> = new Set(Object.values(ipcChannels));

export interface IpcContext {
  /** Origin the console was loaded from; only frames of this origin may call. */
  readonly consoleOrigin: string;
  readonly config: () => ConsoleConfig;
  /** Told about every refused message (logged by main.ts). */
  readonly onRejected?: (error: IpcRejected) => void;
  /** Prints a report page to PDF (reportPdf.ts); without it the channel answers with an error. */
  readonly printPdf?: (html: string) => Promise<Uint8Array>;
  /** Shows a native notification (main.ts: Electron's Notification); false when the OS has none. Without it the channel answers false. */
  readonly notify?: (notice: NativeNotice) => boolean;
}

/**
 * Registers one invoke handler that checks channel, sender and payload before doing anything.
 * `args` is the zod schema of the argument list the renderer sends.
 */
function guarded<A extends z.ZodType<unknown[]>, R>(
  ipcMain: IpcMainPort,
  ctx: IpcContext,
  channel: string,
  args: A,
  handler: (parsed: z.infer<A>) => R,
): void {
  if (!knownChannels.has(channel)) throw new IpcRejected(channel, 'channel', 'not in shared/ipc/api.ts');
  ipcMain.handle(channel, (event: InvokeEvent, ...raw: unknown[]) => {
    const fail = (reason: IpcRejected['reason'], detail: string): never => {
      const error = new IpcRejected(channel, reason, detail);
      ctx.onRejected?.(error);
      throw error;
    };
    const frameUrl = event.senderFrame?.url ?? '';
    if (!isConsoleUrl(frameUrl, ctx.consoleOrigin)) fail('sender', `frame ${frameUrl || '(none)'} is not ${ctx.consoleOrigin}`);
    const parsed = args.safeParse(raw);
    if (!parsed.success) fail('payload', parsed.error.issues.map((i) => i.message).join('; '));
    return handler(parsed.data as z.infer<A>);
  });
}

/** Every channel of shared/ipc/api.ts, each with its checks. */
export function registerIpcHandlers(ipcMain: IpcMainPort, ctx: IpcContext): void {
  guarded(ipcMain, ctx, ipcChannels.getConfig, z.tuple([]), () => consoleConfigSchema.parse(ctx.config()));
  guarded(ipcMain, ctx, ipcChannels.printReportPdf, z.tuple([reportHtmlSchema]), ([html]) => {
    if (!ctx.printPdf) throw new Error('vigil ipc: printing to PDF is not available in this shell');
    return ctx.printPdf(html);
  });
  guarded(ipcMain, ctx, ipcChannels.notify, z.tuple([nativeNoticeSchema]), ([notice]) => ctx.notify?.(notice) ?? false);
}
