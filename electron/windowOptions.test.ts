import { describe, expect, it } from 'vitest';
import { consoleWindowOptions } from './windowOptions';

describe('consoleWindowOptions', () => {
  it('isolates and sandboxes the renderer, without Node, with web security', () => {
    const { webPreferences: p } = consoleWindowOptions('/app/dist/electron/preload.cjs');
    expect(p).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('carries nothing that would weaken the sandbox', () => {
    const p = consoleWindowOptions('/p.cjs').webPreferences as unknown as Record<string, unknown>;
    for (const risky of ['enableRemoteModule', 'enableBlinkFeatures', 'additionalArguments', 'partition']) {
      expect(p[risky]).toBeUndefined();
    }
  });
});
