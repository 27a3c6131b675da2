import { describe, expect, it } from 'vitest';
import { dockTabs, exportLayouts, LAYOUT_VERSION, LayoutError, migrateLayout, parseLayoutFile, type LayoutV1 } from './layoutSchema';
import { defaultLayoutFor, layoutRoleFor, readShippedLayouts } from './roleLayouts';

const v1: LayoutV1 = { version: 1, name: 'Night Shift / 夜班', role: 'shift_lead', tabs: ['alarms', 'permits', 'people', 'alarms', 'kpi'], activeTab: 'permits', dockHeight: 480, camera: 'tank-farm' };

describe('layout migrations', () => {
  it('migrates a v1 layout to v2: known tabs once, open tab kept or the first, dock height as a share, id from the name', () => {
    const l = migrateLayout(v1);
    expect(l).toEqual({
      version: 2,
      id: 'shift_lead.night-shift',
      name: { zh: 'Night Shift / 夜班', en: 'Night Shift / 夜班' },
      role: 'shift_lead',
      map: { camera: 'tank-farm', tour: false, riskLayer: true },
      dock: { tabs: ['alarms', 'people', 'kpi'], open: 'alarms', heightPct: 50 },
    });
    expect(migrateLayout({ ...v1, activeTab: 'people' }).dock.open).toBe('people');
    expect(migrateLayout({ ...v1, activeTab: null }).dock.open).toBeNull();
    expect(migrateLayout({ ...v1, dockHeight: 5000 }).dock.heightPct).toBe(80);
    expect(migrateLayout({ ...v1, role: 'wall' })).toMatchObject({ map: { tour: true }, wallView: 'overview' });
  });

  it('a v1 file with only unknown tabs keeps every tab', () => {
    expect(migrateLayout({ ...v1, tabs: ['permits'], activeTab: 'permits' }).dock.tabs).toEqual([...dockTabs]);
  });

  it('refuses a newer version, a missing version, and an invalid v1 or v2 with reasons', () => {
    expect(() => migrateLayout({ ...v1, version: LAYOUT_VERSION + 1 })).toThrow(/newer than this console/);
    expect(() => migrateLayout({ name: 'x' })).toThrow(LayoutError);
    expect(() => migrateLayout({ ...v1, dockHeight: -1 })).toThrow(/version 1 is invalid/);
    const good = migrateLayout(v1);
    expect(() => migrateLayout({ ...good, dock: { ...good.dock, tabs: ['alarms', 'alarms'] } })).toThrow(/twice/);
    expect(() => migrateLayout({ ...good, dock: { ...good.dock, open: 'robots' } })).toThrow(/open tab/);
    expect(() => migrateLayout({ ...good, extra: 1 })).toThrow(/invalid layout/);
  });
});

describe('layout files', () => {
  it('export → import round-trips exactly', () => {
    const layouts = [migrateLayout(v1), defaultLayoutFor('commander', readShippedLayouts().layouts)];
    const text = exportLayouts(layouts);
    expect(JSON.parse(text)).toMatchObject({ format: 'vigil-layouts', version: 2 });
    expect(parseLayoutFile(text)).toEqual(layouts);
    expect(parseLayoutFile(exportLayouts(parseLayoutFile(text)))).toEqual(layouts);
  });

  it('reads a single layout object and an old file of v1 layouts', () => {
    expect(parseLayoutFile(JSON.stringify(v1))[0]!.version).toBe(2);
    const old = JSON.stringify({ format: 'vigil-layouts', version: 1, layouts: [v1, { ...v1, name: 'B' }] });
    expect(parseLayoutFile(old).map((l) => l.id)).toEqual(['shift_lead.night-shift', 'shift_lead.b']);
  });

  it('refuses what is not a layout file', () => {
    expect(() => parseLayoutFile('{')).toThrow(/not JSON/);
    expect(() => parseLayoutFile(JSON.stringify({ format: 'other', layouts: [v1] }))).toThrow(/not a Vigil layout file/);
    expect(() => parseLayoutFile(JSON.stringify({ layouts: [] }))).toThrow(/1 to 50/);
  });
});

describe('shipped role layouts (resources/layouts)', () => {
  it('every shipped file is valid and each role has one', () => {
    const { layouts, errors } = readShippedLayouts();
    expect(errors).toEqual([]);
    expect(new Set(layouts.map((l) => l.role))).toEqual(new Set(['commander', 'shift_lead', 'drill_coordinator', 'wall']));
    expect(defaultLayoutFor('commander', layouts).dock.tabs[0]).toBe('incident');
    expect(defaultLayoutFor('wall', layouts).map.tour).toBe(true);
  });

  it('a broken shipped file is reported and the others still load', () => {
    const { layouts, errors } = readShippedLayouts({ 'a.json': '{"version":9}', 'b.json': JSON.stringify(v1) });
    expect(layouts).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'a.json' });
  });

  it('picks the role layout for a signed-in role; walls always the wall layout', () => {
    expect(layoutRoleFor('commander', false)).toBe('commander');
    expect(layoutRoleFor('operator', false)).toBe('shift_lead');
    expect(layoutRoleFor(null, false)).toBe('shift_lead');
    expect(layoutRoleFor('commander', true)).toBe('wall');
  });
});
