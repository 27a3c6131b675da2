import { expect, test } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openConsole, shot } from './consolePage';
import { PlantServer } from './plantServer';

/**
 * Role layouts in the browser (issue 8): the loopback console is a commander, so it starts on the
 * commander layout (incident command first); the user changes the dock, saves, exports the
 * layout to a file, and a fresh browser imports it and gets the same dock. An old (v1) layout
 * file is migrated on import.
 */
test('layout export → import round-trips; an old v1 file is migrated', async ({ browser }, info) => {
  test.setTimeout(240_000);
  const server = await PlantServer.start();
  try {
    const ctxA = await browser.newContext({ acceptDownloads: true });
    const a = await ctxA.newPage();
    await openConsole(a, server.url);
    const tabs = (p: typeof a): Promise<string[]> => p.locator('.dock-tabs [role=tab]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.replace('dock-', '')));
    await expect.poll(() => tabs(a)).toEqual(expect.arrayContaining(['incident', 'alarms']));
    expect((await tabs(a))[0]).toBe('incident');

    await a.getByTestId('layout-toggle').click();
    await expect(a.getByTestId('layout-panel')).toHaveAttribute('data-layout', 'commander.default');
    await a.getByTestId('layout-tab-kpi').uncheck();
    await a.getByTestId('layout-tab-notifications').uncheck();
    await a.getByTestId('layout-tab-alarms').uncheck();
    await a.getByTestId('layout-tab-alarms').check();
    await a.getByTestId('layout-height').fill('55');
    await a.getByTestId('layout-save').click();
    await expect(a.getByTestId('layout-message')).toBeVisible();
    const changed = await tabs(a);
    expect(changed).not.toContain('kpi');
    expect(changed.at(-1)).toBe('alarms');
    await shot(a, '45-layout-menu');

    const download = a.waitForEvent('download');
    await a.getByTestId('layout-export').click();
    const file = info.outputPath('exported-layout.json');
    await (await download).saveAs(file);
    const exported = JSON.parse(await readFile(file, 'utf8')) as { version: number; layouts: { dock: { tabs: string[]; heightPct: number } }[] };
    expect(exported.version).toBe(2);
    expect(exported.layouts[0]!.dock.tabs).toEqual(changed);
    expect(exported.layouts[0]!.dock.heightPct).toBe(55);

    // A reload keeps the saved layout (local storage per user).
    await a.reload();
    await openConsole(a, server.url);
    await expect.poll(() => tabs(a)).toEqual(changed);
    await ctxA.close();

    // Another browser starts on the default, imports the file and gets the same dock.
    const ctxB = await browser.newContext();
    const b = await ctxB.newPage();
    await openConsole(b, server.url);
    await expect.poll(() => tabs(b)).not.toEqual(changed);
    await b.getByTestId('layout-toggle').click();
    await b.getByTestId('layout-file').setInputFiles(file);
    await expect(b.getByTestId('layout-message')).toContainText('1');
    await expect.poll(() => tabs(b)).toEqual(changed);
    const dockHeight = await b.getByTestId('dock').evaluate((e) => e.getBoundingClientRect().height / innerHeight);
    expect(dockHeight).toBeCloseTo(0.55, 1);

    // An old v1 file: unknown tab dropped, height in pixels turned into a share.
    const v1 = path.join(path.dirname(file), 'v1-layout.json');
    await writeFile(v1, JSON.stringify({ version: 1, name: 'Night', role: 'shift_lead', tabs: ['people', 'permits', 'alarms'], activeTab: 'people', dockHeight: 384, camera: 'overview' }));
    await b.getByTestId('layout-file').setInputFiles(v1);
    await expect(b.getByTestId('layout-panel')).toHaveAttribute('data-layout', 'shift_lead.night');
    await expect.poll(() => tabs(b)).toEqual(['people', 'alarms']);
    await expect(b.getByTestId('dock')).toHaveAttribute('data-tab', 'people');
    await b.getByTestId('layout-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"version":7}') });
    await expect(b.getByTestId('layout-message')).toContainText('7');
    await shot(b, '46-layout-imported-v1');
    await ctxB.close();
  } finally {
    await server.dispose();
  }
});
