import i18next from 'i18next';
import { Vector3, type Camera } from 'three';
import type { Interlock } from '../../../../shared/plant/alarmConfig';
import type { InterlockStatus } from '../../../../shared/state/reducer';
import { interlockMarks } from '../../alarm/alarmStyle';
import type { Lang } from '../../i18n/i18n';
import type { Equipment, Plant } from '../../../../shared/plant/schema';
import { equipmentTop } from './EquipmentLayer';

function halfWidth(e: Equipment): number {
  const s = e.shape;
  return s.type === 'box' ? s.size[0] / 2 : s.radius;
}

const v = new Vector3();

interface Item {
  il: Interlock;
  el: HTMLDivElement;
  at: Vector3;
  status: 'tripped' | 'bypassed';
}

/**
 * Tripped and bypassed safety interlocks (SIS) at their equipment, as HTML labels over the
 * canvas: a distinct mark (⊗ tripped, ⚠ bypassed) and the interlock's name, crisp in both
 * languages and never confused with an alarm marker. Only interlocks that are not in their
 * normal state get a label, so there are a handful at most.
 */
export class InterlockLayer {
  private readonly items = new Map<string, Item>();
  private readonly byId: Map<string, Interlock>;
  private readonly tops: Map<string, Vector3>;

  constructor(
    private readonly container: HTMLElement,
    plant: Plant,
    private lang: Lang,
  ) {
    this.byId = new Map((plant.interlocks ?? []).map((il) => [il.id, il]));
    // Beside the equipment (east side, mid-height), never over its top where its sensors float.
    this.tops = new Map(plant.equipment.map((e) => [e.id, new Vector3(e.position[0] + halfWidth(e), (e.position[2] + equipmentTop(e)) / 2, -e.position[1])]));
  }

  /** Shows a label for each tripped or bypassed interlock; true when the set of labels changed. */
  setStatus(status: Readonly<Record<string, InterlockStatus>>): boolean {
    let changed = false;
    const want = new Map<string, 'tripped' | 'bypassed'>();
    for (const [id, s] of Object.entries(status)) {
      if (!this.byId.has(id)) continue;
      if (s.tripped) want.set(id, 'tripped');
      else if (s.bypassed) want.set(id, 'bypassed');
    }
    for (const [id, it] of this.items) {
      if (!want.has(id)) {
        it.el.remove();
        this.items.delete(id);
        changed = true;
      }
    }
    for (const [id, st] of want) {
      let it = this.items.get(id);
      if (!it) {
        const il = this.byId.get(id)!;
        const el = document.createElement('div');
        el.dataset.interlock = id;
        this.container.appendChild(el);
        it = { il, el, at: this.tops.get(il.equipment)?.clone() ?? new Vector3(), status: st };
        this.items.set(id, it);
        changed = true;
      } else if (it.status !== st) changed = true;
      it.status = st;
      this.render(it);
    }
    return changed;
  }

  setLanguage(lang: Lang): void {
    this.lang = lang;
    for (const it of this.items.values()) this.render(it);
  }

  /** Ids of the interlocks labelled now, with their status (diagnostics). */
  labelled(): { id: string; status: 'tripped' | 'bypassed' }[] {
    return [...this.items.values()].map((it) => ({ id: it.il.id, status: it.status }));
  }

  update(camera: Camera, width: number, height: number): void {
    for (const it of this.items.values()) {
      v.copy(it.at).project(camera);
      const visible = v.z < 1 && v.x > -1.05 && v.x < 1.05 && v.y > -1.05 && v.y < 1.05;
      it.el.style.display = visible ? '' : 'none';
      if (visible) it.el.style.transform = `translate(${((v.x + 1) / 2) * width + 10}px, ${((1 - v.y) / 2) * height}px) translate(0, -50%)`;
    }
  }

  dispose(): void {
    for (const it of this.items.values()) it.el.remove();
    this.items.clear();
  }

  private render(it: Item): void {
    const t = i18next.getFixedT(this.lang);
    it.el.className = `map-interlock map-interlock-${it.status}`;
    it.el.textContent = `${interlockMarks[it.status]} ${t(`interlock.${it.status}`)} · ${it.il.name[this.lang]}`;
    it.el.title = it.il.actions.map((a) => a.description[this.lang]).join('\n');
  }
}
