import { describe, expect, it } from 'vitest';
import type { Plant } from '../../../shared/plant/schema';
import type { CommandState } from '../../../shared/state/reducer';
import type { DataSource, DataSourceListener } from '../data/DataSource';
import { PeopleStore } from '../stores/peopleStore';
import { PositionsFlags, type DecodedPositions } from '../../../shared/people/positionsFrame';
import { announceEvent, FakeRecording, fakeRobot, ManualTimers } from './replayFakes';
import type { RobotsMessage } from '../../../shared/robots/model';
import { reduceAll, initialState } from '../../../shared/state/reducer';
import { PlayerSource, type PlayerMode } from './PlayerSource';
import { ReplaySource } from './ReplaySource';

function fakeLive(): DataSource & { l: DataSourceListener | null; sent: string[] } {
  return {
    l: null,
    sent: [],
    capabilities: { seek: false, speed: false, commands: true },
    start(l) {
      this.l = l;
    },
    stop() {},
    now: () => 1_000_000,
    presence: () => 'live',
    recent: () => Promise.resolve(null),
    retry() {},
    command(name) {
      this.sent.push(name);
      return Promise.resolve({ ok: true, data: null });
    },
  };
}

function onePerson(x: number): DecodedPositions {
  return { flags: PositionsFlags.Keyframe, seq: 1, baseTime: 1000, registryVersion: 1, count: 1, x: Float64Array.of(x), y: Float64Array.of(2), z: Float64Array.of(0), person: Uint32Array.of(0), dt: Int32Array.of(0), occupancy: Uint32Array.of(1, 0), area: Uint16Array.of(0), floor: Uint8Array.of(0), battery: Uint8Array.of(90), state: Uint8Array.of(0) };
}

describe('PlayerSource (DVR)', () => {
  it('scrubs back into replay and returns to the live picture in one step', async () => {
    const live = fakeLive();
    const rec = new FakeRecording(5, 100_000, 10_000);
    const modes: PlayerMode[] = [];
    const states: CommandState[] = [];
    const values: number[][] = [];
    const positions: number[] = [];
    const player = new PlayerSource({
      live,
      makeReplay: () => new ReplaySource({ api: rec, liveNow: () => live.now(), wall: () => 0, timers: new ManualTimers() }),
      snapshot: () => {
        const people = new PeopleStore();
        people.apply(onePerson(5));
        return { tags: { values: Float64Array.of(7, 8), times: Float64Array.of(999_000, 999_000), quality: Uint8Array.of(0, 0) }, people, occupancy: Uint32Array.of(1, 0) };
      },
      onMode: (m) => modes.push(m),
    });
    player.start({
      plant: () => undefined,
      samples: (f) => values.push(Array.from(f.values.subarray(0, f.count))),
      restoreValues: (v) => values.push(Array.from(v)),
      state: (s) => states.push(s),
      positions: (f) => positions.push(f.x[0]!),
      presence: () => undefined,
    });
    const liveState = reduceAll(initialState(), [announceEvent(1, 100_000, 'live1')]);
    const tag = (id: string) => ({ id, periodMs: 1000, range: { lo: 0, hi: 100 }, limits: {} });
    live.l!.plant({ tags: [tag('T1'), tag('T2')] } as unknown as Plant, 'h');
    live.l!.state(liveState);
    expect(states.at(-1)).toBe(liveState);
    expect(player.mode).toBe('live');
    expect(player.capabilities.commands).toBe(true);

    await player.enterReplay(125_000);
    expect(player.mode).toBe('replay');
    expect(player.now()).toBe(125_000);
    expect(states.at(-1)?.drill.active?.announcement?.en).toBe('a3');
    expect(values.at(-1)).toEqual([125, -125]);
    expect(player.capabilities.commands).toBe(false);
    expect((await player.command('alarm.ack', {})).ok).toBe(false);
    expect(live.sent).toEqual([]);

    // Live keeps arriving underneath and does not reach the stores.
    const newer = reduceAll(liveState, [announceEvent(2, 200_000, 'live2')]);
    live.l!.state(newer);
    live.l!.samples({ count: 1, ids: Uint32Array.of(1), values: Float64Array.of(42), baseTime: 999_500, dt: Int32Array.of(0), quality: Uint8Array.of(0) });
    live.l!.positions!(onePerson(9));
    expect(states.at(-1)?.drill.active?.announcement?.en).toBe('a3');
    expect(values.at(-1)).toEqual([125, -125]);

    player.backToLive();
    expect(player.mode).toBe('live');
    expect(player.now()).toBe(1_000_000);
    expect(states.at(-1)).toBe(newer);
    expect(values.at(-1)).toEqual([7, 42]);
    expect(positions.at(-1)).toBe(9);
    expect(modes).toEqual(['replay', 'live']);
    await player.command('alarm.ack', {});
    expect(live.sent).toEqual(['alarm.ack']);
  });

  it('shows the replayed robots in replay and the live robots again on back-to-live', async () => {
    const live = fakeLive();
    const rec = new FakeRecording(5, 100_000, 10_000);
    rec.rb2Until = 130_000;
    const seen: string[] = [];
    const player = new PlayerSource({
      live,
      makeReplay: () => new ReplaySource({ api: rec, liveNow: () => live.now(), wall: () => 0, timers: new ManualTimers() }),
      snapshot: () => ({ tags: { values: new Float64Array(0), times: new Float64Array(0), quality: new Uint8Array(0) }, people: new PeopleStore(), occupancy: new Uint32Array(0) }),
      resetRobots: () => seen.push('reset'),
    });
    const show = (m: RobotsMessage): number => seen.push(m.robots.map((r) => `${r.id}@${r.position[0]}`).join(','));
    player.start({ plant: () => undefined, samples: () => undefined, state: () => undefined, robots: show, presence: () => undefined });
    const liveRobots = (x: number): RobotsMessage => ({ time: 1_000_000, robots: [fakeRobot('RB-1', x * 1000), fakeRobot('RB-2', x * 1000)] });
    live.l!.robots!(liveRobots(900));
    expect(seen).toEqual(['RB-1@900,RB-2@900']);

    // Replay: the live robots are forgotten, then the frame's robots are drawn.
    await player.enterReplay(120_000);
    expect(seen.slice(1)).toEqual(['reset', 'RB-1@120,RB-2@120']);
    // Live robots keep arriving underneath and do not reach the map.
    live.l!.robots!(liveRobots(950));
    expect(seen.at(-1)).toBe('RB-1@120,RB-2@120');
    // A frame without RB-2 (its track ends at 130 s) clears it before drawing RB-1.
    await player.enterReplay(140_000);
    expect(seen.slice(-2)).toEqual(['reset', 'RB-1@140']);

    player.backToLive();
    expect(seen.slice(-2)).toEqual(['reset', 'RB-1@950,RB-2@950']);
  });

  it('asks for the alarm KPIs at the replay time in replay and without a time live', async () => {
    const asked: unknown[][] = [];
    const live = { ...fakeLive(), alarmKpi: (...args: unknown[]) => (asked.push(args), Promise.resolve(null)) };
    const rec = new FakeRecording(5, 100_000, 10_000);
    const player = new PlayerSource({
      live,
      makeReplay: () => new ReplaySource({ api: rec, liveNow: () => live.now(), wall: () => 0, timers: new ManualTimers() }),
      snapshot: () => ({ tags: { values: new Float64Array(0), times: new Float64Array(0), quality: new Uint8Array(0) }, people: new PeopleStore(), occupancy: new Uint32Array(0) }),
    });
    player.start({ plant: () => undefined, samples: () => undefined, state: () => undefined, presence: () => undefined });
    await player.alarmKpi(3600);
    expect(asked.at(-1)).toEqual([3600]);
    await player.enterReplay(125_000.6);
    await player.alarmKpi(86_400);
    expect(asked.at(-1)).toEqual([86_400, 125_000]);
    await player.enterReplay(140_000);
    await player.alarmKpi(3600);
    expect(asked.at(-1)).toEqual([3600, 140_000]);
    player.backToLive();
    await player.alarmKpi(3600);
    expect(asked.at(-1)).toEqual([3600]);
  });
});
