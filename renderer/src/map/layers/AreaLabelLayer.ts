import { Vector3, type Camera } from 'three';
import type { StoreApi } from 'zustand/vanilla';
import type { LocalText, Plant } from '../../../../shared/plant/schema';
import type { Lang } from '../../i18n/i18n';
import type { OccupancyState } from '../../stores/peopleStore';
import { declutter, textWidth, type Hidden, type LabelBox } from '../../robots/labelDeclutter';

const v = new Vector3();
const FONT_PX = 13;
const LABEL_H = 22;
/** Horizontal padding of the label and of its count chip, and the gap between name and count, px. */
const CHROME_PX = 6 * 2 + 6 * 2 + 6;

interface Item {
  id: string;
  el: HTMLDivElement;
  name: HTMLSpanElement;
  count: HTMLSpanElement;
  text: LocalText;
  /** Scene point of the label (area centre, 2 m up) and the area's corners (plant x, y). */
  at: Vector3;
  min: readonly [number, number];
  max: readonly [number, number];
  /** People in the area from the latest positions frame, or -1 before the first. */
  people: number;
  crowded: boolean;
}

/**
 * Each area's name and head count as HTML over the canvas (crisp in both languages, no draw
 * calls). Counts come from the occupancy of the latest positions frame (the same numbers as
 * the people panel); text is rewritten only when a count changes. After each render that moved
 * the view the labels are re-projected and decluttered (labelDeclutter): too small on screen,
 * off screen or overlapping a busier area's label → hidden. Grey by default; an area whose
 * crowding alarm is active (people over its configured threshold) shows its count in amber
 * with a mark, so colour is never the only cue.
 */
export class AreaLabelLayer {
  private readonly items: Item[] = [];
  private readonly boxes: LabelBox[] = [];
  private readonly hidden: Hidden[] = [];
  private readonly order: number[] = [];
  private readonly unsubscribe: () => void;
  private last: { camera: Camera; width: number; height: number } | null = null;

  constructor(
    private readonly container: HTMLElement,
    plant: Plant,
    lang: Lang,
    occupancy: StoreApi<OccupancyState> | null,
  ) {
    const doc = container.ownerDocument;
    for (const a of plant.areas) {
      const el = doc.createElement('div');
      el.className = 'map-label area-label';
      el.dataset.area = a.id;
      el.dataset.testid = 'area-label';
      const name = doc.createElement('span');
      name.className = 'area-label-name';
      const count = doc.createElement('span');
      count.className = 'area-label-count';
      el.append(name, count);
      container.appendChild(el);
      const at = new Vector3((a.min[0] + a.max[0]) / 2, 2, -(a.min[1] + a.max[1]) / 2);
      this.items.push({ id: a.id, el, name, count, text: a.name, at, min: a.min, max: a.max, people: -2, crowded: false });
      this.boxes.push({ x: 0, y: 0, w: 0, h: LABEL_H, footprint: 0, priority: 0, inFront: false });
    }
    this.setLanguage(lang);
    const counts = (s: OccupancyState): void => this.setCounts(s.areas);
    if (occupancy) {
      counts(occupancy.getState());
      this.unsubscribe = occupancy.subscribe((s, prev) => {
        if (s.areas !== prev.areas) counts(s);
      });
    } else {
      this.setCounts([]);
      this.unsubscribe = () => undefined;
    }
  }

  setLanguage(lang: Lang): void {
    for (const it of this.items) it.name.textContent = it.text[lang];
    this.relayout();
  }

  /** People per area in plant order (empty: no positions yet, shown as "—"). */
  setCounts(areas: readonly number[]): void {
    let changed = false;
    this.items.forEach((it, i) => {
      const n = areas.length === 0 ? -1 : (areas[i] ?? 0);
      if (n === it.people) return;
      it.people = n;
      it.count.textContent = n < 0 ? '—' : String(n);
      it.el.dataset.count = n < 0 ? '' : String(n);
      it.count.classList.toggle('zero', n === 0);
      changed = true;
    });
    if (changed) this.relayout();
  }

  /** Areas whose crowding alarm is active now. */
  setCrowded(areas: ReadonlySet<string>): void {
    for (const it of this.items) {
      const c = areas.has(it.id);
      if (c === it.crowded) continue;
      it.crowded = c;
      it.el.classList.toggle('crowded', c);
    }
  }

  update(camera: Camera, width: number, height: number): void {
    this.last = { camera, width, height };
    this.items.forEach((it, i) => {
      const b = this.boxes[i]!;
      v.copy(it.at).project(camera);
      b.inFront = v.z < 1;
      b.x = ((v.x + 1) / 2) * width;
      b.y = ((1 - v.y) / 2) * height;
      b.w = textWidth(it.name.textContent ?? '', FONT_PX) + textWidth(it.count.textContent ?? '', FONT_PX) + CHROME_PX;
      b.priority = Math.max(0, it.people) * 1e7 + (it.max[0] - it.min[0]) * (it.max[1] - it.min[1]);
      b.footprint = this.footprint(it, camera, width, height);
    });
    declutter(this.boxes, width, height, this.hidden, this.order);
    this.items.forEach((it, i) => {
      const h = this.hidden[i]!;
      it.el.dataset.hidden = h;
      it.el.style.display = h === '' ? '' : 'none';
      if (h === '') it.el.style.transform = `translate(-50%, -50%) translate(${this.boxes[i]!.x}px, ${this.boxes[i]!.y}px)`;
    });
  }

  dispose(): void {
    this.unsubscribe();
    for (const it of this.items) it.el.remove();
    this.items.length = 0;
  }

  /** The larger side (px) of the screen box of the area's four ground corners. */
  private footprint(it: Item, camera: Camera, width: number, height: number): number {
    let x0 = Infinity;
    let x1 = -Infinity;
    let y0 = Infinity;
    let y1 = -Infinity;
    for (let k = 0; k < 4; k++) {
      v.set(k & 1 ? it.max[0] : it.min[0], 0, -(k & 2 ? it.max[1] : it.min[1])).project(camera);
      const x = ((v.x + 1) / 2) * width;
      const y = ((1 - v.y) / 2) * height;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
    return Math.max(x1 - x0, y1 - y0);
  }

  private relayout(): void {
    if (this.last) this.update(this.last.camera, this.last.width, this.last.height);
  }
}
