/**
 * The three ways of pushing tag updates that the fan-out benchmark compares, each with how the
 * server builds its messages and how a client applies one to its latest-value table. Every
 * client does the same useful work per update — find the tag's slot and store the value — so the
 * figures compare the wire formats, not the amount of work.
 */
import { decodeFrame, encodeFrame } from '../../shared/protocol/frame';

export type ModeName = 'vigil-frames' | 'json-per-update' | 'fuxa-device-values';

export interface ModeSpec {
  readonly name: ModeName;
  /** socket.io event name. */
  readonly event: string;
  readonly updatesPerMessage: number;
}

export interface FanoutShape {
  /** Distinct tags; messages cycle through them. */
  readonly tags: number;
  /** Samples in one Vigil frame. */
  readonly frameSamples: number;
  /** Tags in one FUXA device poll (FUXA emits one `device-values` per device). */
  readonly tagsPerDevice: number;
}

export function modes(shape: FanoutShape): ModeSpec[] {
  return [
    { name: 'vigil-frames', event: 'frame', updatesPerMessage: shape.frameSamples },
    { name: 'json-per-update', event: 'tag', updatesPerMessage: 1 },
    { name: 'fuxa-device-values', event: 'device-values', updatesPerMessage: shape.tagsPerDevice },
  ];
}

/** Tag names as a plant's tag list would have them (clients map them to slots). */
export function tagName(i: number): string {
  const unit = Math.floor(i / 100);
  return `U${String(unit).padStart(3, '0')}.${['TI', 'PI', 'LI', 'FI', 'AI'][i % 5]}-${String(i % 100).padStart(2, '0')}`;
}

/** The value every message carries for tag `i`, so clients can check what they decoded. */
export function valueOf(i: number): number {
  return 20 + ((i * 7919) % 1000) / 10;
}

const T0 = Date.UTC(2025, 0, 1);

/** One JSON event per tag update: `{id, v, t, q}`. */
export interface JsonUpdate {
  id: string;
  v: number;
  t: number;
  q: number;
}

/** FUXA's runtime `device-values` event: `{id: deviceId, values: [{id, value, timestamp}]}`. */
export interface FuxaDeviceValues {
  id: string;
  values: { id: string; value: number; timestamp: number }[];
}

/**
 * The messages the server sends for a mode, built once and then sent in turn: Vigil frames are
 * encoded once and the same bytes go to every client (socket.io encodes a broadcast once).
 */
export function buildMessages(mode: ModeName, shape: FanoutShape): { messages: unknown[]; bytesPerMessage: number } {
  if (mode === 'vigil-frames') {
    const frames: Buffer[] = [];
    for (let start = 0; start + shape.frameSamples <= shape.tags; start += shape.frameSamples) {
      const n = shape.frameSamples;
      const ids = new Uint32Array(n);
      const values = new Float64Array(n);
      const times = new Float64Array(n);
      const quality = new Uint8Array(n);
      for (let k = 0; k < n; k++) {
        ids[k] = start + k;
        values[k] = valueOf(start + k);
        times[k] = T0 + k;
      }
      frames.push(Buffer.from(encodeFrame({ ids, values, times, quality }, n, frames.length)));
    }
    return { messages: frames, bytesPerMessage: frames[0]!.byteLength };
  }
  if (mode === 'json-per-update') {
    const messages: JsonUpdate[] = [];
    for (let i = 0; i < shape.tags; i++) messages.push({ id: tagName(i), v: valueOf(i), t: T0 + i, q: 0 });
    return { messages, bytesPerMessage: JSON.stringify(messages[0]).length };
  }
  const messages: FuxaDeviceValues[] = [];
  for (let start = 0; start + shape.tagsPerDevice <= shape.tags; start += shape.tagsPerDevice) {
    const values = [];
    for (let i = start; i < start + shape.tagsPerDevice; i++) values.push({ id: tagName(i), value: valueOf(i), timestamp: T0 + i });
    messages.push({ id: `device-${messages.length}`, values });
  }
  return { messages, bytesPerMessage: JSON.stringify(messages[0]).length };
}

/** Client side: applies one received message to `latest`, returns the number of updates in it. */
export type Apply = (message: unknown, latest: Float64Array) => number;

export function applier(mode: ModeName, shape: FanoutShape): Apply {
  if (mode === 'vigil-frames') {
    return (message, latest) => {
      const f = decodeFrame(message as Uint8Array);
      const { ids, values } = f;
      for (let i = 0; i < f.count; i++) latest[ids[i]!] = values[i]!;
      return f.count;
    };
  }
  const slot = new Map<string, number>();
  for (let i = 0; i < shape.tags; i++) slot.set(tagName(i), i);
  if (mode === 'json-per-update') {
    return (message, latest) => {
      const u = message as JsonUpdate;
      const i = slot.get(u.id);
      if (i === undefined) throw new Error(`unknown tag ${u.id}`);
      latest[i] = u.v;
      return 1;
    };
  }
  return (message, latest) => {
    const { values } = message as FuxaDeviceValues;
    for (const t of values) {
      const i = slot.get(t.id);
      if (i === undefined) throw new Error(`unknown tag ${t.id}`);
      latest[i] = t.value;
    }
    return values.length;
  };
}
