import i18next from 'i18next';
import type { HazardRecord } from '../../../../shared/hazard/model';
import { formatDuration, timeLeft } from '../../hazard/hazardView';

/**
 * The map's hover tooltip for a hazard marker: a plain DOM element in the map overlay (the
 * layer owns it, so hovering costs no React render): id, grade, state, title and time left.
 */
export class HazardTip {
  private readonly el: HTMLDivElement;

  constructor(parent: HTMLElement) {
    this.el = document.createElement('div');
    this.el.className = 'tooltip hazard-tip';
    this.el.dataset.testid = 'hazard-tip';
    this.el.style.display = 'none';
    parent.appendChild(this.el);
  }

  show(h: HazardRecord, x: number, y: number, now: number): void {
    const t = i18next.t.bind(i18next);
    const lang = i18next.language === 'zh' ? 'zh' : 'en';
    const left = timeLeft(h, now);
    const when =
      left.kind === 'overdue' ? t('hazard.overdueBy', { t: formatDuration(left.ms, lang) }) : left.kind === 'left' ? t('hazard.timeLeft', { t: formatDuration(left.ms, lang) }) : t('hazard.noDeadline');
    this.el.replaceChildren(
      line('tooltip-head', `${h.id} · ${t(`hazard.grade.${h.grade ?? 'none'}`)} · ${t(`hazard.state.${h.state}`)}`),
      line('tooltip-desc', h.title[lang]),
      line(`tooltip-meta${left.kind === 'overdue' ? ' hazard-tip-overdue' : ''}`, when),
    );
    this.el.dataset.id = h.id;
    this.el.style.left = `${x + 14}px`;
    this.el.style.top = `${y + 14}px`;
    this.el.style.display = '';
  }

  hide(): void {
    if (this.el.style.display === 'none') return;
    this.el.style.display = 'none';
    delete this.el.dataset.id;
  }

  dispose(): void {
    this.el.remove();
  }
}

function line(className: string, text: string): HTMLDivElement {
  const d = document.createElement('div');
  d.className = className;
  d.textContent = text;
  return d;
}
