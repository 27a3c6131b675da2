import type { Plant, Tag } from '../../shared/plant/schema';

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Grows a plant to exactly `targetTags` tags for load tests and `--scale`: the original tags
 * stay first and in order (their telemetry indices do not move), then copies of the equipment
 * tags follow round-robin as extra instruments on the same equipment. Copy `c` of tag `T` is
 * `T.S<c>`, sits 0.5–1.25 m beside the original, and detectors copied together form their own
 * voting group `<group>.S<c>`. Areas, equipment and chemicals are untouched, so every reference
 * stays valid. Deterministic; O(targetTags).
 */
export function scalePlant(plant: Plant, targetTags: number): Plant {
  const have = plant.tags.length;
  if (!Number.isInteger(targetTags) || targetTags < have) {
    throw new RangeError(`scalePlant: target ${targetTags} must be an integer ≥ the plant's ${have} tags`);
  }
  if (targetTags === have) return plant;
  const withEquipment = plant.tags.filter((t) => t.equipment !== undefined);
  const sources = withEquipment.length > 0 ? withEquipment : plant.tags;
  const ids = new Set(plant.tags.map((t) => t.id));
  const extra: Tag[] = new Array<Tag>(targetTags - have);
  for (let k = 0; k < extra.length; k++) {
    const src = sources[k % sources.length]!;
    const c = Math.floor(k / sources.length) + 1;
    const id = `${src.id}.S${c}`;
    if (ids.has(id)) throw new Error(`scalePlant: id ${id} already exists`);
    ids.add(id);
    const angle = c * GOLDEN_ANGLE;
    const radius = 0.5 + 0.25 * (c % 4);
    extra[k] = {
      ...src,
      id,
      name: { zh: `${src.name.zh}（扩展 ${c}）`, en: `${src.name.en} (scaled ${c})` },
      range: { ...src.range },
      position: [
        Math.round((src.position[0] + radius * Math.cos(angle)) * 100) / 100,
        Math.round((src.position[1] + radius * Math.sin(angle)) * 100) / 100,
        src.position[2],
      ],
      ...(src.group !== undefined ? { group: `${src.group}.S${c}` } : {}),
      limits: { ...src.limits },
    };
  }
  return { ...plant, tags: [...plant.tags, ...extra] };
}
