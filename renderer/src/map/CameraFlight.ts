import { Vector3, type PerspectiveCamera } from 'three';
import type { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import type { CameraPreset } from '../../../shared/plant/schema';
import { toScene } from './coords';

const FLY_MS = 700;

/**
 * The map camera's animated moves between presets (plant coordinates): an ease-in-out glide of
 * position and orbit target over FLY_MS, stepped once per rendered frame; a jump is immediate.
 */
export class CameraFlight {
  active = false;
  private start = 0;
  private readonly fromPos = new Vector3();
  private readonly fromTarget = new Vector3();
  private readonly toPos = new Vector3();
  private readonly toTarget = new Vector3();

  constructor(
    private readonly camera: PerspectiveCamera,
    private readonly controls: OrbitControls,
  ) {}

  /** Starts a glide from where the camera is now to `preset`. */
  to(preset: CameraPreset): void {
    this.fromPos.copy(this.camera.position);
    this.fromTarget.copy(this.controls.target);
    toScene(...preset.position, this.toPos);
    toScene(...preset.target, this.toTarget);
    this.start = performance.now();
    this.active = true;
  }

  /** Moves the camera for this frame; true while the glide goes on (ask for another frame). */
  step(): boolean {
    const t = Math.min(1, (performance.now() - this.start) / FLY_MS);
    const e = t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
    this.camera.position.lerpVectors(this.fromPos, this.toPos, e);
    this.controls.target.lerpVectors(this.fromTarget, this.toTarget, e);
    this.controls.update();
    this.active = t < 1;
    return this.active;
  }

  /** Puts the camera at `preset` at once (ending any glide). */
  jump(preset: CameraPreset): void {
    toScene(...preset.position, this.camera.position);
    toScene(...preset.target, this.controls.target);
    this.active = false;
    this.controls.update();
  }
}
