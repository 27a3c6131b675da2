import { PositionsFlags, type DecodedPositions } from '../../../shared/people/positionsFrame';
import type { PeopleStore } from '../stores/peopleStore';

/**
 * The people table as one keyframe positions frame (copies, safe to keep): what a console
 * returning from replay hands back to its stores so that the live table is whole again.
 */
export function peopleKeyframe(store: PeopleStore, occupancy: Uint32Array, baseTime: number): DecodedPositions {
  let n = 0;
  for (let i = 0; i < store.capacity; i++) if (store.present[i]) n++;
  const d: DecodedPositions = {
    flags: PositionsFlags.Keyframe,
    seq: 0,
    baseTime,
    registryVersion: store.registryVersion,
    count: n,
    x: new Float64Array(n),
    y: new Float64Array(n),
    z: new Float64Array(n),
    person: new Uint32Array(n),
    dt: new Int32Array(n),
    occupancy: occupancy.slice(),
    area: new Uint16Array(n),
    floor: new Uint8Array(n),
    battery: new Uint8Array(n),
    state: new Uint8Array(n),
  };
  let k = 0;
  for (let i = 0; i < store.capacity; i++) {
    if (!store.present[i]) continue;
    d.person[k] = i;
    d.x[k] = store.x[i]!;
    d.y[k] = store.y[i]!;
    d.z[k] = store.z[i]!;
    d.area[k] = store.area[i]!;
    d.floor[k] = store.floor[i]!;
    d.battery[k] = store.battery[i]!;
    d.state[k] = store.flags[i]!;
    const t = store.fixTime[i]!;
    d.dt[k] = Number.isFinite(t) ? Math.round(t - baseTime) : -0x80000000;
    k++;
  }
  return d;
}
