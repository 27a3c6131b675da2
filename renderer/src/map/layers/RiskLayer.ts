import { BufferGeometry, Color, Float32BufferAttribute, Group, LineBasicMaterial, LineSegments, Mesh, MeshBasicMaterial } from 'three';
import type { RiskGrade } from '../../../../shared/plant/alarmConfig';
import type { Area, Plant } from '../../../../shared/plant/schema';
import type { RiskStatus } from '../../../../shared/state/reducer';
import { RISK_OPACITY, RISK_RAISED_OPACITY, riskGradeStyles } from '../../alarm/alarmStyle';
import { disposeTree, type MapLayer } from './MapLayer';

/** Height of the shading above grade, m: over the areas' fill, under everything standing. */
const LIFT = 0.06;

export interface AreaRisk {
  area: string;
  /** The area's grade now: the highest current grade of its risk units. */
  grade: RiskGrade;
  /** Some unit of the area is above its inherent grade. */
  raised: boolean;
}

/**
 * The area grades of the four-colour risk map: each area with risk units takes the highest
 * current grade among them (state `risks`, else the unit's inherent grade from the register).
 */
export function areaRisks(plant: Pick<Plant, 'risks'>, risks: Readonly<Record<string, RiskStatus>>): Map<string, AreaRisk> {
  const out = new Map<string, AreaRisk>();
  for (const r of plant.risks ?? []) {
    const s = risks[r.id];
    const grade = s?.current ?? r.inherentGrade;
    const raised = riskGradeStyles[grade].rank > riskGradeStyles[r.inherentGrade].rank;
    const prev = out.get(r.area);
    if (!prev) out.set(r.area, { area: r.area, grade, raised });
    else {
      if (riskGradeStyles[grade].rank > riskGradeStyles[prev.grade].rank) prev.grade = grade;
      prev.raised ||= raised;
    }
  }
  return out;
}

/**
 * The four-colour risk layer (风险四色图): every area that holds risk units is shaded in its
 * current grade colour, translucent and flat on the ground so markers and equipment stay on
 * top; an area raised above its inherent grade is shaded stronger and outlined in its colour.
 * Two draw calls (fill, outline). Toggled with `object.visible`.
 */
export class RiskLayer implements MapLayer {
  readonly object = new Group();
  private readonly fill: Mesh;
  private readonly outline: LineSegments;
  private readonly areas: Area[];
  private grades = new Map<string, AreaRisk>();

  constructor(private readonly plant: Plant) {
    this.object.name = 'risk';
    this.areas = plant.areas;
    this.fill = new Mesh(new BufferGeometry(), new MeshBasicMaterial({ vertexColors: true, transparent: true, depthWrite: false }));
    this.fill.renderOrder = -1;
    this.outline = new LineSegments(new BufferGeometry(), new LineBasicMaterial({ vertexColors: true, depthWrite: false }));
    this.outline.renderOrder = -1;
    for (const o of [this.fill, this.outline]) {
      o.frustumCulled = false;
      this.object.add(o);
    }
    this.setRisks({});
  }

  /** Redraws from the state's risk map; returns the area grades drawn. */
  setRisks(risks: Readonly<Record<string, RiskStatus>>): Map<string, AreaRisk> {
    this.grades = areaRisks(this.plant, risks);
    const fills: number[] = [];
    const fillColors: number[] = [];
    const lines: number[] = [];
    const lineColors: number[] = [];
    const c = new Color();
    for (const a of this.areas) {
      const g = this.grades.get(a.id);
      if (!g) continue;
      c.setHex(riskGradeStyles[g.grade].color);
      const alpha = g.raised ? RISK_RAISED_OPACITY : RISK_OPACITY;
      const [x0, y0] = a.min;
      const [x1, y1] = a.max;
      fills.push(x0, LIFT, -y0, x1, LIFT, -y0, x1, LIFT, -y1, x0, LIFT, -y0, x1, LIFT, -y1, x0, LIFT, -y1);
      for (let k = 0; k < 6; k++) fillColors.push(c.r, c.g, c.b, alpha);
      if (g.raised) {
        lines.push(x0, LIFT, -y0, x1, LIFT, -y0, x1, LIFT, -y0, x1, LIFT, -y1, x1, LIFT, -y1, x0, LIFT, -y1, x0, LIFT, -y1, x0, LIFT, -y0);
        for (let k = 0; k < 8; k++) lineColors.push(c.r, c.g, c.b);
      }
    }
    const fg = this.fill.geometry;
    fg.setAttribute('position', new Float32BufferAttribute(fills, 3));
    fg.setAttribute('color', new Float32BufferAttribute(fillColors, 4));
    const lg = this.outline.geometry;
    lg.setAttribute('position', new Float32BufferAttribute(lines, 3));
    lg.setAttribute('color', new Float32BufferAttribute(lineColors, 3));
    this.fill.visible = fills.length > 0;
    this.outline.visible = lines.length > 0;
    return this.grades;
  }

  /** Draws the (usually hidden) outline once with nothing in it, so its shader compiles at plant load. */
  warmUp(): void {
    this.outline.geometry.setAttribute('position', new Float32BufferAttribute([0, -1, 0, 0, -1, 0], 3));
    this.outline.geometry.setAttribute('color', new Float32BufferAttribute([0, 0, 0, 0, 0, 0], 3));
    this.outline.visible = true;
  }

  gradeOf(area: string): AreaRisk | undefined {
    return this.grades.get(area);
  }

  dispose(): void {
    disposeTree(this.object);
  }
}
