import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** printToPDF options as Electron takes them (the subset used). */
export interface PdfOptions {
  pageSize: 'A4';
  printBackground: boolean;
  preferCSSPageSize: boolean;
}

/** A hidden window to print from: Electron's BrowserWindow, reduced (tests pass a fake). */
export interface PrintWindowPort {
  loadURL(url: string): Promise<void>;
  readonly webContents: { printToPDF(options: PdfOptions): Promise<Uint8Array> };
  destroy(): void;
}

/**
 * The print window: never shown, sandboxed, scripts off (the report page has none and its CSP
 * allows none), no preload — it can only lay out the page it is given.
 */
export const printWindowOptions = {
  show: false,
  width: 900,
  height: 1270,
  webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true, spellcheck: false },
} as const;

/**
 * Prints one after-action report page (server/incident/reportHtml.ts: self-contained, A4 `@page`
 * rules, images as data: URLs) to PDF bytes. The page goes through a temporary file rather than
 * a data: URL, which Chromium caps at 2 MB (a report with map snapshots is larger). The window
 * and the file are gone when this returns, also when printing fails.
 */
export async function printReportPdf(html: string, deps: { createWindow: () => PrintWindowPort; tempDir: string }): Promise<Uint8Array> {
  const dir = await mkdtemp(path.join(deps.tempDir, 'vigil-report-'));
  const file = path.join(dir, 'report.html');
  let win: PrintWindowPort | null = null;
  try {
    await writeFile(file, html, 'utf8');
    win = deps.createWindow();
    await win.loadURL(pathToFileURL(file).href);
    return await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    win?.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}
