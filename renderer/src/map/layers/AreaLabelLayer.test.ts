import { describe, expect, it } from 'vitest';
import { PerspectiveCamera } from 'three';
import { createStore } from 'zustand/vanilla';
import type { OccupancyState } from '../../stores/peopleStore';
import { testPlant } from '../../testing/testPlant';
import { AreaLabelLayer } from './AreaLabelLayer';

/** Just enough of the DOM for the label layer (no jsdom in this project). */
class FakeEl {
  className = '';
  dataset: Record<string, string> = {};
  style: Record<string, string> = {};
  textContent: string | null = '';
  children: FakeEl[] = [];
  parent: FakeEl | null = null;
  private classes = new Set<string>();
  readonly classList = { toggle: (c: string, on: boolean) => (on ? this.classes.add(c) : this.classes.delete(c)), contains: (c: string) => this.classes.has(c) };
  ownerDocument = { createElement: () => new FakeEl() };
  append(...els: FakeEl[]): void {
    for (const e of els) this.appendChild(e);
  }
  appendChild(e: FakeEl): void {
    e.parent = this;
    this.children.push(e);
  }
  remove(): void {
    if (this.parent) this.parent.children = this.parent.children.filter((c) => c !== this);
  }
}

function occupancy(areas: number[]) {
  return createStore<OccupancyState>()((set) => ({ areas, roads: 0, onSite: 0, time: 1, set: (o, time) => set({ areas: Array.from(o.subarray(0, o.length - 1)), time }), clear: () => set({ areas: [] }) }));
}

function camera(height: number): PerspectiveCamera {
  const cam = new PerspectiveCamera(45, 2, 1, 100_000);
  cam.position.set(50, height, 30);
  cam.lookAt(50, 0, -25);
  cam.updateMatrixWorld();
  return cam;
}

describe('AreaLabelLayer', () => {
  it('labels each area with its name and the head count of the latest positions frame, and follows the counts', () => {
    const root = new FakeEl();
    const occ = occupancy([3, 0]);
    const layer = new AreaLabelLayer(root as unknown as HTMLElement, testPlant(), 'zh', occ);
    const labels = root.children;
    expect(labels.map((l) => [l.dataset.area, l.children[0]!.textContent, l.dataset.count])).toEqual([
      ['R1', '反应区', '3'],
      ['T1', '罐区', '0'],
    ]);
    occ.getState().set(Uint32Array.of(1, 7, 2), 2);
    expect(labels.map((l) => l.children[1]!.textContent)).toEqual(['1', '7']);
    layer.setLanguage('en');
    expect(labels[1]!.children[0]!.textContent).toBe('Tank farm');
    layer.setCrowded(new Set(['T1']));
    expect(labels[1]!.classList.contains('crowded')).toBe(true);
    expect(labels[0]!.classList.contains('crowded')).toBe(false);
    layer.dispose();
    expect(root.children).toHaveLength(0);
  });

  it('shows "—" before any frame, shows both labels close up and hides them when the camera is far out', () => {
    const root = new FakeEl();
    const layer = new AreaLabelLayer(root as unknown as HTMLElement, testPlant(), 'en', null);
    expect(root.children[0]!.children[1]!.textContent).toBe('—');
    layer.update(camera(120), 1600, 800);
    expect(root.children.map((l) => l.dataset.hidden)).toEqual(['', '']);
    expect(root.children[0]!.style.display).toBe('');
    layer.update(camera(60_000), 1600, 800);
    expect(root.children.map((l) => l.dataset.hidden)).toEqual(['far', 'far']);
    expect(root.children[0]!.style.display).toBe('none');
    layer.dispose();
  });

  it('of two overlapping labels keeps the busier area', () => {
    const root = new FakeEl();
    const occ = occupancy([1, 9]);
    const layer = new AreaLabelLayer(root as unknown as HTMLElement, testPlant(), 'en', occ);
    // Small canvas: the two labels (about 100 px wide) overlap while both areas are still large enough.
    layer.update(camera(120), 300, 150);
    const hidden = root.children.map((l) => l.dataset.hidden);
    expect(hidden).toEqual(['overlap', '']);
    occ.getState().set(Uint32Array.of(12, 9, 0), 3);
    expect(root.children.map((l) => l.dataset.hidden)).toEqual(['', 'overlap']);
    layer.dispose();
  });
});
