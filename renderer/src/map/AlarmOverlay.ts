import type { Camera, Intersection, Raycaster, Vector3 } from 'three';
import type { Plant } from '../../../shared/plant/schema';
import type { InterlockStatus, RiskStatus } from '../../../shared/state/reducer';
import { FLASH_PERIOD_MS } from '../alarm/alarmStyle';
import type { AlarmRow } from '../alarm/alarmView';
import type { Lang } from '../i18n/i18n';
import { AlarmLayer } from './layers/AlarmLayer';
import { InterlockLayer } from './layers/InterlockLayer';
import type { MapLayer } from './layers/MapLayer';
import { RiskLayer, type AreaRisk } from './layers/RiskLayer';

/** What the alarm marker layer shows now (diagnostics and tests). */
export interface AlarmLayerStats {
  markers: number;
  flashing: number;
  /** Flash phase: true = markers lit. */
  flashOn: boolean;
  /** Phase changes so far (grows only while something flashes). */
  flashToggles: number;
  riskVisible: boolean;
}

/**
 * The alarm side of the map for one plant model: alarm markers, the four-colour risk layer and
 * interlock labels, and the flash clock. The flash re-renders at 2 phase changes a second only
 * while some marker needs attention; with none, the map is back to rendering on demand.
 */
export class AlarmOverlay {
  readonly alarms: AlarmLayer;
  readonly risk: RiskLayer;
  private readonly interlocks: InterlockLayer;
  private flashTimer: ReturnType<typeof setInterval> | null = null;
  private toggles = 0;

  constructor(
    plant: Plant,
    anchors: Float32Array,
    overlay: HTMLElement,
    lang: Lang,
    private readonly requestRender: (viewChanged?: boolean) => void,
  ) {
    this.alarms = new AlarmLayer(plant, anchors);
    this.risk = new RiskLayer(plant);
    this.interlocks = new InterlockLayer(overlay, plant, lang);
  }

  /** The 3D layers, in drawing order (the risk shading sits under everything standing). */
  get layers(): { under: MapLayer; over: MapLayer } {
    return { under: this.risk, over: this.alarms };
  }

  /** True from `warmUp` until the frame after it was drawn (see AlarmLayer.warmUp). */
  warming = false;

  warmUp(): void {
    this.warming = true;
    this.alarms.warmUp();
    this.risk.warmUp();
  }

  /** Called after the warm-up frame: back to the real content. */
  endWarmUp(): void {
    this.warming = false;
    this.setAlarms(this.rows);
    this.risk.setRisks(this.risks);
  }

  private risks: Readonly<Record<string, RiskStatus>> = {};
  private rows: readonly AlarmRow[] = [];

  setAlarms(rows: readonly AlarmRow[]): void {
    this.rows = rows;
    if (this.warming) return;
    const a = this.alarms;
    a.setRows(rows);
    if (a.flashing > 0 && this.flashTimer === null) {
      this.flashTimer = setInterval(() => {
        a.setFlashPhase(!a.flashPhase);
        this.toggles++;
        this.requestRender();
      }, FLASH_PERIOD_MS / 2);
    } else if (a.flashing === 0) this.stopFlash();
    this.requestRender();
  }

  select(id: string | null): void {
    this.alarms.select(id);
    this.requestRender();
  }

  centre(id: string, out: Vector3): Vector3 | null {
    return this.alarms.centre(id, out);
  }

  pick(raycaster: Raycaster, hits: Intersection[]): string | null {
    return this.alarms.pick(raycaster, hits);
  }

  setSize(size: number): void {
    this.alarms.setSize(size);
  }

  stats(): AlarmLayerStats {
    const a = this.alarms;
    return { markers: a.markers, flashing: a.flashing, flashOn: a.flashPhase, flashToggles: this.toggles, riskVisible: this.risk.object.visible };
  }

  setRisks(risks: Readonly<Record<string, RiskStatus>>): void {
    this.risks = risks;
    if (this.warming) return;
    this.risk.setRisks(risks);
    this.requestRender();
  }

  setRiskVisible(visible: boolean): void {
    this.risk.object.visible = visible;
    this.requestRender();
  }

  areaRisk(area: string): AreaRisk | undefined {
    return this.risk.object.visible ? this.risk.gradeOf(area) : undefined;
  }

  setInterlocks(status: Readonly<Record<string, InterlockStatus>>): void {
    if (this.interlocks.setStatus(status)) this.requestRender(true);
  }

  interlockLabels(): { id: string; status: 'tripped' | 'bypassed' }[] {
    return this.interlocks.labelled();
  }

  setLanguage(lang: Lang): void {
    this.interlocks.setLanguage(lang);
  }

  /** Places the HTML labels after the view moved. */
  placeLabels(camera: Camera, width: number, height: number): void {
    this.interlocks.update(camera, width, height);
  }

  dispose(): void {
    this.stopFlash();
    this.interlocks.dispose();
  }

  private stopFlash(): void {
    if (this.flashTimer !== null) clearInterval(this.flashTimer);
    this.flashTimer = null;
    this.alarms.setFlashPhase(true);
  }
}
