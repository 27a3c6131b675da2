import { Vector3, type Camera } from 'three';
import type { LocalText, Plant } from '../../../../shared/plant/schema';
import type { Lang } from '../../i18n/i18n';

const v = new Vector3();

/**
 * Area names as HTML over the canvas (crisp text in both languages, no draw calls). Positions
 * are re-projected after each render; a handful of labels, so this is cheap.
 */
export class LabelLayer {
  private readonly items: { el: HTMLDivElement; text: LocalText; at: Vector3 }[] = [];

  constructor(
    private readonly container: HTMLElement,
    plant: Plant,
    lang: Lang,
  ) {
    for (const a of plant.areas) {
      const el = document.createElement('div');
      el.className = 'map-label';
      el.dataset.area = a.id;
      container.appendChild(el);
      const at = new Vector3((a.min[0] + a.max[0]) / 2, 2, -(a.min[1] + a.max[1]) / 2);
      this.items.push({ el, text: a.name, at });
    }
    this.setLanguage(lang);
  }

  setLanguage(lang: Lang): void {
    for (const it of this.items) it.el.textContent = it.text[lang];
  }

  update(camera: Camera, width: number, height: number): void {
    for (const it of this.items) {
      v.copy(it.at).project(camera);
      const visible = v.z < 1 && v.x > -1.1 && v.x < 1.1 && v.y > -1.1 && v.y < 1.1;
      it.el.style.display = visible ? '' : 'none';
      if (visible) it.el.style.transform = `translate(-50%, -50%) translate(${((v.x + 1) / 2) * width}px, ${((1 - v.y) / 2) * height}px)`;
    }
  }

  dispose(): void {
    for (const it of this.items) it.el.remove();
    this.items.length = 0;
  }
}
