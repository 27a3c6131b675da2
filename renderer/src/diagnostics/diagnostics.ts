import type { MapView } from '../map/MapView';
import type { TagStore } from '../stores/tagStore';
import type { Presence } from '../data/DataSource';
import type { AlarmConsole } from '../app/AlarmConsole';
import type { AnnunciationState } from '../alarm/Annunciator';
import type { AlarmLayerStats } from '../map/AlarmOverlay';
import { alarmStore } from '../stores/alarmStore';
import { commandStore } from '../stores/commandStore';
import { occupancyStore, peopleStore } from '../stores/peopleStore';
import { peopleRegistry } from '../people/peopleRegistry';
import { robotStore } from '../stores/robotStore';
import { drawsInLastFrame } from '../robots/drawCounter';
import { Vector3 } from 'three';
import { replayStore } from '../replay/replayStore';

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
  /** The alarm list's rows as shown (annunciated, list order): id and display state; from the derived summary like `alarms`. */
  readonly alarmList: readonly { id: string; state: string }[];
  /** Muster boards in the command state now, by incident. */
  readonly muster: readonly { incident: string; accounted: number; expected: number }[];
  /** Replay (docs/console.md §replay): mode, replay time (null live), journal seq the stores hold, playing, loading. */
  readonly replay: { mode: 'live' | 'replay'; time: number | null; seq: number; playing: boolean; loading: boolean };
  /** The running drill (id, state, announcement in English) and the finished ones with their scores. */
  readonly drill: { active: { id: string; state: string; announcement: string | null } | null; recent: readonly { id: string; state: string; score: number | null }[] };
  /** The alarms as the console shows them now (derived summary; may trail the state by a few hundred ms). */
  readonly alarms: { total: number; annunciated: number; unacked: number; banner: string | null; flooding: boolean; seq: number; selected: string | null };
  /** Audible annunciation: which priority sounds, whether silenced or muted, whether audio runs. */
  readonly annunciation: AnnunciationState;
  /** The alarm marker layer: markers, how many flash, the flash phase and how often it changed. */
  readonly alarmLayer: AlarmLayerStats | null;
  /** Where an alarm's map marker is on screen, in page CSS pixels; null when off screen or absent. */
  alarmScreenPosition(alarmId: string): { x: number; y: number } | null;
  /** Interlocks labelled on the map now (tripped or bypassed). */
  interlockLabels(): { id: string; status: 'tripped' | 'bypassed' }[];
  /** The four-colour grade the map draws for an area (undefined: no risk units or layer hidden). */
  areaRisk(area: string): { grade: string; raised: boolean } | null;
  /** People as the console holds them: on site, frames applied, registry version, occupancy per area (plant order) and roads. */
  readonly people: { onSite: number; version: number; registryVersion: number; areas: readonly number[]; roads: number; drawn: number };
  /** Registry index of a person id, or -1. */
  personIndex(id: string): number;
  /** Where a person is in plant coordinates (null when not on site). */
  personPosition(index: number): { x: number; y: number; z: number } | null;
  /** Where a person's marker is on screen, in page CSS pixels; null when off screen or off site. */
  personScreenPosition(index: number): { x: number; y: number } | null;
  /** Robots: defined by the plant, reporting, instances of the robot mesh, statuses dropped as unknown; draw calls of the people and robot layers in the last render (measured). */
  readonly robots: { defined: number; reporting: number; drawn: number; unknown: number; version: number };
  layerDraws(layer: 'people' | 'robots'): number;
  /** Robot index of a robot id, or -1; where it is drawn now (plant coordinates, interpolated) and on screen (page CSS px). */
  robotIndex(id: string): number;
  /** Hidden-hazard orders drawn on the map now (ids, in instance order), and where one's marker is on screen (page CSS px). */
  readonly hazardMarkers: readonly string[];
  hazardScreenPosition(id: string): { x: number; y: number } | null;
  robotPosition(index: number): { x: number; y: number; z: number } | null;
  robotScreenPosition(index: number): { x: number; y: number } | null;
}

declare global {
  interface Window {
    __vigil?: VigilDiagnostics;
  }
}

export function installDiagnostics(deps: { store: TagStore; map: () => MapView | null; presence: () => Presence; hash: () => string | null; alarms?: AlarmConsole }): void {
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
    get alarms() {
      const a = alarmStore.getState();
      const s = a.summary;
      const st = commandStore.getState().state;
      return { total: s.rows.length, annunciated: s.totalAnnunciated, unacked: s.totalUnacked, banner: s.banner?.alarm.id ?? null, flooding: st.flood?.flooding ?? false, seq: st.seq, selected: a.selected };
    },
    get alarmList() {
      return alarmStore
        .getState()
        .summary.rows.filter((r) => r.annunciated)
        .map((r) => ({ id: r.alarm.id, state: r.state }));
    },
    get muster() {
      return Object.values(commandStore.getState().state.emergency.muster).map((m) => ({ incident: m.incidentId, accounted: m.accounted, expected: m.expected }));
    },
    get replay() {
      const r = replayStore.getState();
      return { mode: r.mode, time: r.mode === 'replay' ? (r.status?.time ?? null) : null, seq: commandStore.getState().state.seq, playing: r.status?.playing ?? false, loading: r.status?.loading ?? false };
    },
    get drill() {
      const d = commandStore.getState().state.drill;
      return {
        active: d.active ? { id: d.active.id, state: d.active.state, announcement: d.active.announcement?.en ?? null } : null,
        recent: d.recent.map((r) => ({ id: r.drill.id, state: r.drill.state, score: r.score?.score ?? null })),
      };
    },
    get annunciation() {
      return deps.alarms?.annunciator.state() ?? { sounding: null, pending: null, silenced: false, muted: false, audio: 'unavailable' };
    },
    get alarmLayer() {
      return map()?.alarmOverlay?.stats() ?? null;
    },
    alarmScreenPosition(alarmId) {
      const m = map();
      const p = m?.alarmScreenPosition(alarmId);
      if (!m || !p) return null;
      const r = m.renderer.domElement.getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    },
    interlockLabels() {
      return map()?.alarmOverlay?.interlockLabels() ?? [];
    },
    get people() {
      const o = occupancyStore.getState();
      const layer = map()?.people;
      return { onSite: peopleStore.onSite, version: peopleStore.version, registryVersion: peopleRegistry.getState().version, areas: o.areas, roads: o.roads, drawn: layer ? layer.mesh.count : 0 };
    },
    personIndex(id) {
      return peopleRegistry.getState().byIndex.find((p) => p?.id === id)?.index ?? -1;
    },
    personPosition(i) {
      const s = peopleStore;
      return i >= 0 && i < s.capacity && s.present[i] ? { x: s.x[i]!, y: s.y[i]!, z: s.z[i]! } : null;
    },
    personScreenPosition(i) {
      const m = map();
      const p = m?.personScreenPosition(i);
      if (!m || !p) return null;
      const r = m.renderer.domElement.getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    },
    get robots() {
      return { defined: robotStore.defs.length, reporting: robotStore.present.reduce((a, b) => a + b, 0), drawn: map()?.robots?.mesh.count ?? 0, unknown: robotStore.unknown, version: robotStore.version };
    },
    layerDraws(layer) {
      const m = map();
      return m ? drawsInLastFrame(layer === 'people' ? m.people?.object : m.robots?.object, m.renderer) : 0;
    },
    get hazardMarkers() {
      return [...(map()?.hazards?.drawn() ?? [])];
    },
    hazardScreenPosition(id) {
      const m = map();
      const c = m?.hazards?.centreOf(id, new Vector3());
      const p = c ? m!.project(c) : null;
      if (!m || !p) return null;
      const r = m.renderer.domElement.getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    },
    robotIndex(id) {
      return robotStore.indexOf(id);
    },
    robotPosition(i) {
      const p = robotStore.poseAt(i, performance.now(), { x: 0, y: 0, z: 0, heading: 0 });
      return p ? { x: p.x, y: p.y, z: p.z } : null;
    },
    robotScreenPosition(i) {
      const m = map();
      const c = m?.robots?.centreOf(i, performance.now(), new Vector3());
      const p = c ? m!.project(c) : null;
      if (!m || !p) return null;
      const r = m.renderer.domElement.getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    },
    areaRisk(area) {
      const g = map()?.alarmOverlay?.areaRisk(area);
      return g ? { grade: g.grade, raised: g.raised } : null;
    },
  };
  Object.defineProperty(window, '__vigil', { value: Object.freeze(diag), configurable: false, writable: false });
}
