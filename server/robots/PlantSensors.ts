import { Quality } from '../../shared/plant/band';
import type { Plant } from '../../shared/plant/schema';
import { GAS_RADIUS_M, noiseLevel, surfaceTemperature } from '../../shared/robots/readingModel';
import type { RobotSensors } from './RobotSimulator';

/** The plant's latest tag values, by tag index (the server's LatestTable). */
export interface LatestValues {
  readonly values: Float64Array;
  readonly quality: Uint8Array;
}

/** Ambient when no met station reports one, °C. */
const DEFAULT_AMBIENT_C = 20;

/**
 * What a robot senses, from the plant simulator's (or the live plant's) latest tag values:
 * - surface temperature: the equipment's first temperature tag through the surface model of
 *   shared/robots/readingModel (ambient from the first ambient-temperature tag);
 * - gas: the plant simulator keeps its gas field private (server/sim/gasField.ts computes it at
 *   the detectors only), so the robot reads the highest value of the gas detectors within
 *   GAS_RADIUS_M of where it stands — combustible as they read (% LEL), toxic as % of their
 *   chemical's OEL (detectors without an OEL are left out);
 * - noise: by equipment kind.
 * Bad or offline values are skipped.
 */
export class PlantSensors implements RobotSensors {
  private readonly kindOf: Map<string, string>;
  private readonly tempTag: Map<string, number>;
  private readonly ambientTag: number;
  private readonly det: { x: number; y: number; z: number; tag: number; toxicScale: number }[];

  constructor(
    plant: Pick<Plant, 'equipment' | 'tags' | 'chemicals'>,
    private readonly latest: LatestValues,
  ) {
    this.kindOf = new Map(plant.equipment.map((e) => [e.id, e.kind] as const));
    this.tempTag = new Map();
    let ambient = -1;
    const oel = new Map(plant.chemicals.map((c) => [c.id, c.oelMgM3] as const));
    this.det = [];
    plant.tags.forEach((t, k) => {
      if (t.kind === 'temperature' && t.equipment && !this.tempTag.has(t.equipment)) this.tempTag.set(t.equipment, k);
      if (t.kind === 'ambient_temperature' && ambient < 0) ambient = k;
      if (t.kind === 'gas_combustible') this.det.push({ x: t.position[0], y: t.position[1], z: t.position[2], tag: k, toxicScale: 0 });
      if (t.kind === 'gas_toxic') {
        const limit = t.chemical ? oel.get(t.chemical) : undefined;
        // Toxic detectors in the reference plant read mg/m³; the % of OEL needs the OEL in that unit.
        if (limit && limit > 0 && /^mg\/m(³|3)$/.test(t.unit)) this.det.push({ x: t.position[0], y: t.position[1], z: t.position[2], tag: k, toxicScale: 100 / limit });
      }
    });
    this.ambientTag = ambient;
  }

  private value(k: number): number | null {
    if (k < 0 || this.latest.quality[k] !== Quality.Good) return null;
    const v = this.latest.values[k]!;
    return Number.isFinite(v) ? v : null;
  }

  ambientC(): number {
    return this.value(this.ambientTag) ?? DEFAULT_AMBIENT_C;
  }

  surfaceC(equipment: string): number {
    const k = this.tempTag.get(equipment);
    return surfaceTemperature(this.kindOf.get(equipment) ?? '', k === undefined ? null : this.value(k), this.ambientC());
  }

  gas(x: number, y: number, z: number): { lel: number; oel: number } {
    let lel = 0;
    let oel = 0;
    const r2 = GAS_RADIUS_M * GAS_RADIUS_M;
    for (const d of this.det) {
      const dx = d.x - x;
      const dy = d.y - y;
      const dz = d.z - z;
      if (dx * dx + dy * dy + dz * dz > r2) continue;
      const v = this.value(d.tag);
      if (v === null) continue;
      if (d.toxicScale === 0) lel = Math.max(lel, v);
      else oel = Math.max(oel, v * d.toxicScale);
    }
    return { lel, oel };
  }

  noise(equipment: string): number {
    return noiseLevel(this.kindOf.get(equipment) ?? '');
  }
}
