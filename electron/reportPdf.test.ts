import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ipcChannels } from '../shared/ipc/api';
import { registerIpcHandlers } from './ipcHandlers';
import { printReportPdf, printWindowOptions, type PdfOptions, type PrintWindowPort } from './reportPdf';
import { FakeIpcMain } from './testing/fakeElectron';

/** A print window that "prints" the page it loaded: the PDF bytes are the page's own text, so a test can see what was printed. */
class FakePrintWindow implements PrintWindowPort {
  loaded: string | null = null;
  destroyed = false;
  options: PdfOptions | null = null;
  constructor(private readonly fail = false) {}
  async loadURL(url: string): Promise<void> {
    this.loaded = url;
  }
  readonly webContents = {
    printToPDF: async (options: PdfOptions): Promise<Uint8Array> => {
      this.options = options;
      if (this.fail) throw new Error('printing failed');
      return new TextEncoder().encode(`%PDF ${await readFile(fileURLToPath(this.loaded!), 'utf8')}`);
    },
  };
  destroy(): void {
    this.destroyed = true;
  }
}

let dir = '';
beforeEach(async () => void (dir = await mkdtemp(path.join(tmpdir(), 'vigil-pdf-test-'))));
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('printReportPdf', () => {
  it('prints the page from a temporary file on A4 with backgrounds, then closes the window and removes the file', async () => {
    const win = new FakePrintWindow();
    const html = `<html><body>${'报告 report '.repeat(300_000)}</body></html>`;
    const pdf = await printReportPdf(html, { createWindow: () => win, tempDir: dir });
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF ');
    expect(new TextDecoder().decode(pdf).endsWith('</body></html>')).toBe(true);
    expect(win.loaded).toMatch(/^file:\/\//);
    expect(win.options).toEqual({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(win.destroyed).toBe(true);
    expect(await readdir(dir)).toEqual([]);
  });

  it('cleans up when printing fails', async () => {
    const win = new FakePrintWindow(true);
    await expect(printReportPdf('<p>x</p>', { createWindow: () => win, tempDir: dir })).rejects.toThrow('printing failed');
    expect(win.destroyed).toBe(true);
    expect(await readdir(dir)).toEqual([]);
  });

  it('prints in a hidden, sandboxed window with scripts off', () => {
    expect(printWindowOptions.show).toBe(false);
    expect(printWindowOptions.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false });
  });
});

describe('the printReportPdf IPC channel', () => {
  const origin = 'http://127.0.0.1:4870';
  const config = { serverUrl: origin, locale: 'zh-CN', embedded: true, appVersion: '0.1.0' };

  it('prints for the console frame and answers the bytes', async () => {
    const ipc = new FakeIpcMain();
    const win = new FakePrintWindow();
    registerIpcHandlers(ipc, { consoleOrigin: origin, config: () => config, printPdf: (html) => printReportPdf(html, { createWindow: () => win, tempDir: dir }) });
    const pdf = (await ipc.invoke(`${origin}/`, ipcChannels.printReportPdf, '<h1>INC-1</h1>')) as Uint8Array;
    expect(new TextDecoder().decode(pdf)).toBe('%PDF <h1>INC-1</h1>');
  });

  it('refuses another origin, a missing or oversized page, and says so when the shell cannot print', async () => {
    const ipc = new FakeIpcMain();
    const printed: string[] = [];
    registerIpcHandlers(ipc, { consoleOrigin: origin, config: () => config, printPdf: async (html) => (printed.push(html), new Uint8Array()) });
    await expect(ipc.invoke('http://evil.example/', ipcChannels.printReportPdf, '<p>x</p>')).rejects.toThrow(/sender refused/);
    await expect(ipc.invoke(`${origin}/`, ipcChannels.printReportPdf)).rejects.toThrow(/payload refused/);
    await expect(ipc.invoke(`${origin}/`, ipcChannels.printReportPdf, 'x'.repeat(20 * 1024 * 1024 + 1))).rejects.toThrow(/payload refused/);
    await expect(ipc.invoke(`${origin}/`, ipcChannels.printReportPdf, 42)).rejects.toThrow(/payload refused/);
    expect(printed).toEqual([]);
    const bare = new FakeIpcMain();
    registerIpcHandlers(bare, { consoleOrigin: origin, config: () => config });
    await expect(bare.invoke(`${origin}/`, ipcChannels.printReportPdf, '<p>x</p>')).rejects.toThrow(/not available/);
  });
});
