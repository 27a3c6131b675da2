import { describe, expect, it, vi } from 'vitest';
import { Color, Matrix4, PerspectiveCamera, Quaternion, Vector3 } from 'three';
import { RobotStore } from '../../stores/robotStore';
import { status, testRobots } from '../../robots/robotFixtures';
import { robotLookStyles } from '../../robots/robotView';
import { GLIDE_FRAME_MS, RobotLayer } from './RobotLayer';

const placed = (layer: RobotLayer, i: number): { p: Vector3; s: Vector3; q: Quaternion } => {
  const m = new Matrix4();
  layer.mesh.getMatrixAt(i, m);
  const r = { p: new Vector3(), s: new Vector3(), q: new Quaternion() };
  m.decompose(r.p, r.q, r.s);
  return r;
};
const colour = (layer: RobotLayer, i: number): number => {
  const c = new Color();
  layer.mesh.getColorAt(i, c);
  return c.getHex();
};

describe('RobotLayer', () => {
  it('draws the fleet in one instanced mesh, routes in one line set and checkpoints in one mesh, even with no robots', () => {
    const empty = new RobotStore();
    empty.setPlant(undefined);
    const none = new RobotLayer(empty, () => undefined);
    expect(none.object.children).toHaveLength(3);
    expect(none.mesh.count).toBe(1);
    expect(none.routes.geometry.getAttribute('position').count).toBe(2);
    expect(none.checkpoints.count).toBe(1);
    none.dispose();

    const store = new RobotStore();
    store.setPlant(testRobots());
    const layer = new RobotLayer(store, () => undefined);
    expect(layer.object.children).toHaveLength(3);
    expect(layer.mesh.count).toBe(2);
    // Per robot: dock → first checkpoint, and the closed loop of its 2 checkpoints: 3 segments.
    expect(layer.routes.geometry.getAttribute('position').count).toBe(2 * 3 * 2);
    expect(layer.checkpoints.count).toBe(4);
    layer.dispose();
  });

  it('places robots at their interpolated pose, heading about the vertical, grey when normal', () => {
    const store = new RobotStore();
    store.setPlant(testRobots());
    let changes = 0;
    const layer = new RobotLayer(store, () => changes++);
    layer.setSize(2);
    store.apply({ time: 1000, robots: [status('RB-1', 1000, { position: [10, 20, 0], heading: 0 })] }, 0);
    store.apply({ time: 2000, robots: [status('RB-1', 2000, { position: [12, 20, 0], heading: Math.PI / 2 })] }, 1000);
    expect(changes).toBe(2);
    expect(layer.update(1500, 2000)).toBe(true);
    const a = placed(layer, 0);
    expect(a.p.x).toBeCloseTo(11);
    expect(a.p.z).toBeCloseTo(-20);
    expect(a.s.x).toBeCloseTo(2);
    // Half of a quarter turn about +y.
    expect(new Vector3(1, 0, 0).applyQuaternion(a.q).angleTo(new Vector3(1, 0, -1).normalize())).toBeCloseTo(0);
    expect(colour(layer, 0)).toBe(new Color().setHex(robotLookStyles.normal.color).getHex());
    // Robot 2 has no status yet: not drawn.
    const m = new Matrix4();
    layer.mesh.getMatrixAt(1, m);
    expect(m.determinant()).toBe(0);
    expect(layer.update(2500, 2000)).toBe(false);
    layer.dispose();
  });

  it('asks for the next frame itself while a robot glides, at most every GLIDE_FRAME_MS', () => {
    vi.useFakeTimers();
    try {
      const store = new RobotStore();
      store.setPlant(testRobots());
      let changes = 0;
      const layer = new RobotLayer(store, () => changes++);
      store.apply({ time: 1000, robots: [status('RB-1', 1000, { position: [10, 20, 0] })] }, 0);
      store.apply({ time: 2000, robots: [status('RB-1', 2000, { position: [12, 20, 0] })] }, 1000);
      changes = 0;
      layer.update(1100, 2000);
      layer.update(1110, 2000);
      vi.advanceTimersByTime(GLIDE_FRAME_MS - 1);
      expect(changes).toBe(0);
      vi.advanceTimersByTime(1);
      expect(changes).toBe(1);
      layer.update(2100, 2000);
      vi.advanceTimersByTime(GLIDE_FRAME_MS * 3);
      expect(changes).toBe(1);
      layer.dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it('backs off when glide frames come late and speeds up again when they are on time', () => {
    vi.useFakeTimers();
    try {
      const store = new RobotStore();
      store.setPlant(testRobots());
      const layer = new RobotLayer(store, () => undefined);
      store.apply({ time: 1000, robots: [status('RB-1', 1000, { position: [0, 0, 0] })] }, 0);
      store.apply({ time: 2000, robots: [status('RB-1', 2000, { position: [40, 0, 0] })] }, 10_000);
      let t = 10_000;
      layer.update(t, 2000);
      // The machine draws each glide frame 300 ms after it was due.
      for (let k = 0; k < 3; k++) {
        t += layer.glideDelay;
        vi.advanceTimersByTime(layer.glideDelay);
        t += 300;
        layer.update(t, 2000);
      }
      expect(layer.glideDelay).toBe(GLIDE_FRAME_MS * 8);
      store.apply({ time: 3000, robots: [status('RB-1', 3000, { position: [0, 0, 0] })] }, t);
      for (let k = 0; k < 2; k++) {
        t += layer.glideDelay;
        vi.advanceTimersByTime(layer.glideDelay);
        layer.update(t + 5, 3000);
      }
      expect(layer.glideDelay).toBe(GLIDE_FRAME_MS * 2);
      layer.dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it('colours and enlarges abnormal robots, and notices a robot going silent', () => {
    const store = new RobotStore();
    store.setPlant(testRobots());
    const layer = new RobotLayer(store, () => undefined);
    store.apply({ time: 1000, robots: [status('RB-1', 1000, { state: 'fault', position: [10, 10, 0] }), status('RB-2', 1000, { position: [60, 10, 0] })] }, 0);
    layer.update(0, 1000);
    expect(colour(layer, 0)).toBe(new Color().setHex(robotLookStyles.fault.color).getHex());
    expect(placed(layer, 0).s.x).toBeCloseTo(robotLookStyles.fault.scale);
    expect(colour(layer, 1)).toBe(new Color().setHex(robotLookStyles.normal.color).getHex());
    expect(layer.looksChanged(2000)).toBe(false);
    expect(layer.looksChanged(60_000)).toBe(true);
    layer.update(0, 60_000);
    expect(colour(layer, 1)).toBe(new Color().setHex(robotLookStyles.stale.color).getHex());
    layer.dispose();
  });

  it('picks the robot nearest the pointer on screen', () => {
    const store = new RobotStore();
    store.setPlant(testRobots());
    const layer = new RobotLayer(store, () => undefined);
    store.apply({ time: 1000, robots: [status('RB-1', 1000, { position: [0, 0, 0] }), status('RB-2', 1000, { position: [40, 0, 0] })] }, 0);
    const cam = new PerspectiveCamera(45, 1, 1, 1000);
    cam.position.set(0, 100, 0.001);
    cam.lookAt(0, 0, 0);
    cam.updateMatrixWorld();
    const at = layer.centreOf(0, 0, new Vector3())!.project(cam);
    const x = ((at.x + 1) / 2) * 800;
    const y = ((1 - at.y) / 2) * 800;
    expect(layer.pick(cam, 800, 800, x + 3, y - 2, 0)).toBe(0);
    expect(layer.pick(cam, 800, 800, x + 200, y + 200, 0)).toBe(-1);
    layer.dispose();
  });
});
