import type { DataSource } from '../data/DataSource';
import { DrillClient, setDrillApi } from '../drill/drillApi';
import { occupancyStore, PeopleStore, peopleStore } from '../stores/peopleStore';
import { tagStore } from '../stores/tagStore';
import { plantStore } from '../stores/plantStore';
import { robotStore } from '../stores/robotStore';
import { peopleRegistry } from '../people/peopleRegistry';
import { peopleKeyframe } from './peopleKeyframe';
import { PlayerSource } from './PlayerSource';
import { ReplayControl, setReplayControl } from './ReplayControl';
import { ReplaySource } from './ReplaySource';
import { replayStore } from './replayStore';
import { RestReplayApi } from './RestReplayApi';

/** Copies the occupancy counts the console shows (areas then roads), as a positions frame carries them. */
function occupancyNow(): Uint32Array {
  const o = occupancyStore.getState();
  return Uint32Array.from([...o.areas, o.roads]);
}

let personIndex: { version: number; map: Map<string, number> } = { version: -2, map: new Map() };
/** Registry index of a person id (a map rebuilt when the registry version changes), or -1. */
function personIndexOf(id: string): number {
  const r = peopleRegistry.getState();
  if (personIndex.version !== r.version) {
    const map = new Map<string, number>();
    r.byIndex.forEach((p, i) => p && map.set(p.id, i));
    personIndex = { version: r.version, map };
  }
  return personIndex.map.get(id) ?? -1;
}

/**
 * Puts the live source behind the DVR player and sets up the replay control, the replay and
 * drill REST clients and the replay store. Returns the source the console controller runs.
 */
export function wireReplay(live: DataSource, baseUrl: string, token: () => string | null): PlayerSource {
  const api = new RestReplayApi(baseUrl, token, undefined, {
    personIndex: (id) => personIndexOf(id),
    areas: () => plantStore.getState().plant?.areas.map((a) => a.id) ?? [],
    registryVersion: () => peopleRegistry.getState().version,
  });
  setDrillApi(new DrillClient(baseUrl, token));
  const player: PlayerSource = new PlayerSource({
    live,
    makeReplay: () =>
      new ReplaySource({
        api,
        liveNow: () => live.now(),
        ...(live.history ? { history: live.history.bind(live) } : {}),
        onStatus: (status) => replayStore.getState().set({ status }),
      }),
    snapshot: () => {
      const occupancy = occupancyNow();
      const people = new PeopleStore();
      people.apply(peopleKeyframe(peopleStore, occupancy, live.now()));
      return { tags: { values: tagStore.values.slice(), times: tagStore.times.slice(), quality: tagStore.quality.slice() }, people, occupancy };
    },
    onMode: (mode, replay) => replayStore.getState().set({ mode, status: replay ? replay.status() : null }),
    resetRobots: () => robotStore.clear(),
  });
  setReplayControl(new ReplayControl(player, api));
  return player;
}
