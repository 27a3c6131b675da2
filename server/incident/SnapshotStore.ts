import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SNAPSHOT_LIMIT, SNAPSHOT_MAX_BYTES, type SnapshotInfo } from '../../shared/incident/incidentApi';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Incident ids become folder names: only these characters (ids are `INC-yyyymmdd-nn`). */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

export function isPng(buf: Uint8Array): boolean {
  return buf.length > PNG_MAGIC.length + 16 && PNG_MAGIC.every((b, i) => buf[i] === b);
}

export type SnapshotResult = { ok: true; info: SnapshotInfo } | { ok: false; code: 'bad_request' | 'conflict'; message: string };

/**
 * Map snapshots for after-action reports, in `<dataDir>/incident-snapshots/<incident>/`: one PNG
 * per snapshot and an `index.json` of their metadata (written to a temp file and renamed, so a
 * crash never leaves half an index). Only PNGs (checked by their magic bytes) up to 2 MB, at most
 * SNAPSHOT_LIMIT per incident.
 */
export class SnapshotStore {
  constructor(private readonly dir: string) {}

  private folder(incident: string): string {
    if (!SAFE_ID.test(incident)) throw new Error(`unsafe incident id ${JSON.stringify(incident.slice(0, 80))}`);
    return path.join(this.dir, incident);
  }

  list(incident: string): SnapshotInfo[] {
    const f = path.join(this.folder(incident), 'index.json');
    if (!existsSync(f)) return [];
    try {
      return JSON.parse(readFileSync(f, 'utf8')) as SnapshotInfo[];
    } catch {
      return [];
    }
  }

  add(incident: string, png: Uint8Array, by: string, caption: string, at: number): SnapshotResult {
    if (png.length > SNAPSHOT_MAX_BYTES) return { ok: false, code: 'bad_request', message: `a snapshot may be at most ${SNAPSHOT_MAX_BYTES} bytes / 截图不得超过 2 MB` };
    if (!isPng(png)) return { ok: false, code: 'bad_request', message: 'not a PNG image (magic bytes) / 不是 PNG 图片' };
    const list = this.list(incident);
    if (list.length >= SNAPSHOT_LIMIT) return { ok: false, code: 'conflict', message: `at most ${SNAPSHOT_LIMIT} snapshots per incident / 每个事件最多 ${SNAPSHOT_LIMIT} 张截图` };
    const folder = this.folder(incident);
    mkdirSync(folder, { recursive: true });
    const id = `S${String(list.length + 1).padStart(2, '0')}-${at}`;
    writeFileSync(path.join(folder, `${id}.png`), png);
    const info: SnapshotInfo = { id, at, by, caption: caption.slice(0, 200), bytes: png.length };
    const tmp = path.join(folder, 'index.json.tmp');
    writeFileSync(tmp, JSON.stringify([...list, info]));
    renameSync(tmp, path.join(folder, 'index.json'));
    return { ok: true, info };
  }

  /** The PNG bytes of a snapshot, or null. */
  read(incident: string, id: string): Buffer | null {
    if (!/^S\d{2}-\d+$/.test(id)) return null;
    const f = path.join(this.folder(incident), `${id}.png`);
    return existsSync(f) ? readFileSync(f) : null;
  }
}
