import { describe, expect, it, vi } from 'vitest';
import { Matrix4, Vector3, type BufferAttribute } from 'three';
import type { IncidentRecord } from '../../../../shared/incident/model';
import type { IncidentZones } from '../../../../shared/incident/threat';
import type { IncidentFeed } from '../../incident/incidentFeed';
import { testIncident } from '../../incident/incidentFixtures';
import { ThreatLayer } from './ThreatLayer';

/** A wedge of `len` m pointing downwind from (sx, sy) for a wind from `fromDeg`. */
function wedge(sx: number, sy: number, fromDeg: number, len: number, half: number): [number, number][] {
  const th = (fromDeg * Math.PI) / 180;
  const d = [-Math.sin(th), -Math.cos(th)];
  const n = [-d[1]!, d[0]!];
  return [
    [sx, sy],
    [sx + d[0]! * len + n[0]! * half, sy + d[1]! * len + n[1]! * half],
    [sx + d[0]! * len * 1.1, sy + d[1]! * len * 1.1],
    [sx + d[0]! * len - n[0]! * half, sy + d[1]! * len - n[1]! * half],
    [sx, sy],
  ];
}

function zones(fromDeg: number, id = 'INC-1'): IncidentZones {
  return {
    incidentId: id,
    wind: { speedMS: 3, fromDeg },
    stability: 'D',
    sigma: 'briggs-rural',
    source: { position: [700, 300, 1.4], chemical: 'chlorine', rateKgS: 0.5, heightM: 1.4 },
    zones: [
      { band: 'red', level: 'AEGL-3', ppm: 20, downwindM: 100, halfWidthM: 10, polygon: wedge(700, 300, fromDeg, 100, 10) },
      { band: 'orange', level: 'AEGL-2', ppm: 2, downwindM: 300, halfWidthM: 30, polygon: wedge(700, 300, fromDeg, 300, 30) },
      { band: 'yellow', level: 'AEGL-1', ppm: 0.5, downwindM: 600, halfWidthM: 60, polygon: wedge(700, 300, fromDeg, 600, 60) },
    ],
    warnings: [{ code: 'dense_gas', zh: '重气', en: 'dense gas' }],
  };
}

class Feed implements IncidentFeed {
  z: Record<string, IncidentZones> = {};
  inc: Record<string, IncidentRecord> = { 'INC-1': testIncident({ id: 'INC-1' }) };
  private listeners: (() => void)[] = [];
  zones = (): Record<string, IncidentZones> => this.z;
  dispatches = (): Record<string, never> => ({});
  incidents = (): Record<string, IncidentRecord> => this.inc;
  subscribe(fn: () => void): () => void {
    this.listeners.push(fn);
    return () => undefined;
  }
  set(z: Record<string, IncidentZones>): void {
    this.z = z;
    for (const l of this.listeners) l();
  }
}

/** Mean plant [x, y] of the red band's vertices (the first vertex colour that is red). */
function redCentroid(layer: ThreatLayer): [number, number] {
  const g = layer.fill.geometry;
  const p = g.getAttribute('position') as BufferAttribute;
  const c = g.getAttribute('color') as BufferAttribute;
  let x = 0;
  let y = 0;
  let n = 0;
  for (let i = 0; i < g.drawRange.count; i++) {
    if (c.getX(i) > 0.5 && c.getY(i) < 0.1) {
      x += p.getX(i);
      y += -p.getZ(i);
      n++;
    }
  }
  return [x / n, y / n];
}

const describeText = (z: IncidentZones): { estimate: string; detail: string; warnings: string[] } => ({ estimate: 'estimate', detail: z.source.chemical, warnings: z.warnings.map((w) => w.en) });

describe('ThreatLayer', () => {
  it('draws nothing visible but keeps its four objects when there are no zones', () => {
    const feed = new Feed();
    const layer = new ThreatLayer({ feed, describe: describeText, onChange: () => undefined });
    expect(layer.object.children.length).toBe(4);
    expect(layer.fill.geometry.drawRange.count).toBe(3);
    expect(layer.sources.count).toBe(1);
    const m = new Matrix4();
    layer.sources.getMatrixAt(0, m);
    expect(new Vector3().setFromMatrixScale(m).length()).toBe(0);
  });

  it('fills every band of every incident in one mesh, outlines them in one line set, and marks source and wind', () => {
    const feed = new Feed();
    const onChange = vi.fn();
    const layer = new ThreatLayer({ feed, describe: describeText, onChange });
    feed.inc['INC-2'] = testIncident({ id: 'INC-2' });
    feed.set({ 'INC-1': zones(270), 'INC-2': zones(0, 'INC-2') });
    // Each wedge (4 distinct vertices) is two triangles: 3 bands × 2 incidents × 6 vertices.
    expect(layer.fill.geometry.drawRange.count).toBe(36);
    expect(layer.outline.geometry.drawRange.count).toBe(3 * 2 * 4 * 2);
    expect(layer.sources.count).toBe(2);
    expect(layer.ids).toEqual(['INC-1', 'INC-2']);
    expect(onChange).toHaveBeenCalled();
  });

  it('follows a wind change: the bands and the wind arrow turn to the new downwind side', () => {
    const feed = new Feed();
    const layer = new ThreatLayer({ feed, describe: describeText, onChange: () => undefined });
    feed.set({ 'INC-1': zones(270) });
    const [ex] = redCentroid(layer);
    expect(ex).toBeGreaterThan(730);
    const arrowEast = new Vector3().setFromMatrixPosition(matrixAt(layer, 0));
    expect(arrowEast.x).toBeLessThan(700);
    feed.set({ 'INC-1': zones(0) });
    const [x2, y2] = redCentroid(layer);
    expect(Math.abs(x2 - 700)).toBeLessThan(5);
    expect(y2).toBeLessThan(270);
    // The arrow now sits north of the source (upwind) and points south (−y plant = +z scene).
    const arrowSouth = new Vector3().setFromMatrixPosition(matrixAt(layer, 0));
    expect(-arrowSouth.z).toBeGreaterThan(300);
    const tip = new Vector3(1, 0, 0).applyMatrix4(matrixAt(layer, 0));
    expect(-tip.z).toBeLessThan(-arrowSouth.z);
  });

  it('leaves closed incidents off and ignores a feed change that is not about zones', () => {
    const feed = new Feed();
    const layer = new ThreatLayer({ feed, describe: describeText, onChange: () => undefined });
    feed.set({ 'INC-1': zones(270) });
    expect(layer.refresh()).toBe(false);
    feed.inc = { 'INC-1': { ...feed.inc['INC-1']!, state: 'closed' } };
    feed.set({ ...feed.z });
    expect(layer.ids).toEqual([]);
    expect(layer.fill.geometry.drawRange.count).toBe(3);
  });

  it('takes the zones off when their incident closes, though the zones themselves did not change', () => {
    const feed = new Feed();
    const layer = new ThreatLayer({ feed, describe: describeText, onChange: () => undefined });
    feed.set({ 'INC-1': zones(270) });
    expect(layer.ids).toEqual(['INC-1']);
    feed.inc = { 'INC-1': { ...feed.inc['INC-1']!, state: 'closed' } };
    expect(layer.refresh()).toBe(true);
    expect(layer.ids).toEqual([]);
  });
});

function matrixAt(layer: ThreatLayer, i: number): Matrix4 {
  const m = new Matrix4();
  layer.arrows.getMatrixAt(i, m);
  return m;
}
