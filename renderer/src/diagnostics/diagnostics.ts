import type { MapView } from '../map/MapView';
import type { TagStore } from '../stores/tagStore';
import type { Presence } from '../data/DataSource';

/**
 * Read-only hooks for end-to-end tests and field diagnostics, as `window.__vigil`. Small on
 * purpose: it reports what the console shows, it cannot change anything.
 */
export interface VigilDiagnostics {
  readonly renderCalls: number;
  readonly triangles: number;
  readonly renders: number;
  readonly markerCount: number;
  readonly tagCount: number;
  readonly presence: Presence;
  readonly plantHash: string | null;
  /** Latest value of a tag by id (NaN when unknown), with its quality and sample time. */
  value(tagId: string): { value: number; quality: number; time: number } | null;
  /** The marker's look: sensorStyle's Look code, or null before it was drawn. */
  look(tagId: string): number | null;
  /** Where a tag's marker is on screen, in page CSS pixels; null when off screen. */
  screenPosition(tagId: string): { x: number; y: number } | null;
}

declare global {
  interface Window {
    __vigil?: VigilDiagnostics;
  }
}

export function installDiagnostics(deps: { store: TagStore; map: () => MapView | null; presence: () => Presence; hash: () => string | null }): void {
  const { store, map } = deps;
  const diag: VigilDiagnostics = {
    get renderCalls() {
      return map()?.stats().calls ?? 0;
    },
    get triangles() {
      return map()?.stats().triangles ?? 0;
    },
    get renders() {
      return map()?.stats().renders ?? 0;
    },
    get markerCount() {
      return map()?.stats().markers ?? 0;
    },
    get tagCount() {
      return store.count;
    },
    get presence() {
      return deps.presence();
    },
    get plantHash() {
      return deps.hash();
    },
    value(tagId) {
      const i = store.indexOf(tagId);
      return i < 0 ? null : { value: store.values[i]!, quality: store.quality[i]!, time: store.times[i]! };
    },
    look(tagId) {
      const i = store.indexOf(tagId);
      return i < 0 ? null : (map()?.lookAt(i) ?? null);
    },
    screenPosition(tagId) {
      const m = map();
      const i = store.indexOf(tagId);
      if (!m || i < 0) return null;
      const p = m.screenPosition(i);
      if (!p) return null;
      const r = m.renderer.domElement.getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    },
  };
  Object.defineProperty(window, '__vigil', { value: Object.freeze(diag), configurable: false, writable: false });
}
