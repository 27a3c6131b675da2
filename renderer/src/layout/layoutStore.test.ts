import { describe, expect, it } from 'vitest';
import { createLayoutStore, layoutKey, type LayoutRepo } from './layoutStore';
import { readShippedLayouts } from './roleLayouts';

function memRepo(): LayoutRepo & { m: Map<string, string> } {
  const m = new Map<string, string>();
  return { m, load: (u) => m.get(layoutKey(u)) ?? null, save: (u, t) => void m.set(layoutKey(u), t) };
}

const shipped = readShippedLayouts().layouts;

describe('layout store', () => {
  it('starts on the role default, saves a change per user and restores it on the next start', () => {
    const repo = memRepo();
    const a = createLayoutStore(repo, shipped);
    a.start('dora', 'commander');
    expect(a.store.getState().active.id).toBe('commander.default');
    expect(a.change((l) => ({ ...l, dock: { ...l.dock, tabs: ['alarms', 'incident'], open: 'alarms', heightPct: 60 } }))).toBe(true);
    a.save();
    expect(repo.m.has('vigil.layouts.dora')).toBe(true);
    const b = createLayoutStore(repo, shipped);
    b.start('dora', 'commander');
    expect(b.store.getState().active.dock).toEqual({ tabs: ['alarms', 'incident'], open: 'alarms', heightPct: 60 });
    const c = createLayoutStore(repo, shipped);
    c.start('olga', 'commander');
    expect(c.store.getState().active.id).toBe('commander.default');
  });

  it('refuses an invalid change and keeps the layout', () => {
    const s = createLayoutStore(memRepo(), shipped);
    s.start('u', 'shift_lead');
    const before = s.store.getState().active;
    expect(s.change((l) => ({ ...l, dock: { ...l.dock, tabs: [] } }))).toBe(false);
    expect(s.store.getState().active).toBe(before);
  });

  it('export from one user → import for another round-trips; a bad file is refused with a reason', () => {
    const a = createLayoutStore(memRepo(), shipped);
    a.start('u1', 'drill_coordinator');
    a.change((l) => ({ ...l, id: 'dc.mine', map: { ...l.map, camera: 'tank-farm' } }));
    const text = a.exportText();
    const b = createLayoutStore(memRepo(), shipped);
    b.start('u2', 'shift_lead');
    const r = b.importText(text);
    expect(r.ok).toBe(true);
    expect(b.store.getState().active).toEqual(a.store.getState().active);
    expect(b.all().map((l) => l.id)).toContain('dc.mine');
    expect(b.importText('{"version":3}')).toEqual({ ok: false, message: expect.stringMatching(/newer/) });
  });

  it('a corrupt saved entry is dropped, not fatal', () => {
    const repo = memRepo();
    repo.m.set(layoutKey('u'), 'garbage');
    const s = createLayoutStore(repo, shipped);
    s.start('u', 'wall');
    expect(s.store.getState().active.id).toBe('wall.default');
  });
});
