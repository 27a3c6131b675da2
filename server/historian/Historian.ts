import { encodeAggregateChunk } from '../../shared/historian/aggregateChunk';
import { AggregateRows } from '../../shared/historian/AggregateRows';
import { aggregateSamples, rebucketRows } from '../../shared/historian/buckets';
import { quantumExponent } from '../../shared/historian/quantum';
import { encodeSampleChunk } from '../../shared/historian/sampleChunk';
import { quantumOf } from '../../shared/historian/valueColumn';
import type { Clock } from '../../shared/util/clock';
import type { SampleBatch } from '../sim/types';
import { Tier, type HistoryRepo, type StoredChunk, type TierCode } from './HistoryRepo';
import { resolveHistorianOptions, TIER_SPECS, type HistorianOptions } from './historianOptions';
import { SeriesBuffer } from './SeriesBuffer';
import { SqliteHistoryRepo } from './SqliteHistoryRepo';
import { decodeWal, encodeWal, WalBuilder } from './walCodec';

/** Sample times must stay below this (the time codec's bound, with room to spare). */
const MAX_TIME = 2 ** 49;
const DAY_MS = 86_400_000;

export interface HistorianStats {
  /** Samples taken into open buffers. */
  samples: number;
  /** Samples refused: not later than the tag's previous sample, or an unknown tag. */
  dropped: number;
  chunksSealed: number;
  chunksWritten: number;
  writeErrors: number;
  /** Chunks given up because the database refused writes for too long. */
  chunksLost: number;
  pruned: number;
  /** Write-ahead rows written, samples recovered from them at start, and write-ahead failures. */
  walWrites: number;
  walRecovered: number;
  walErrors: number;
}

/** What the historian needs of a plant tag: its id, range (for the quantum) and sampling period. */
export interface HistorianTag {
  id: string;
  range: { lo: number; hi: number };
  /** ms; sizes the open buffer (default 1000). */
  periodMs?: number;
}

/** What the query side reads for one tag (queryHistory). */
export interface TagSources {
  /** The historian's number for the tag in the repository. */
  num: number;
  open: SeriesBuffer;
  /** Open aggregate rows per TIER_SPECS entry (the last row may still grow). */
  rows: readonly AggregateRows[];
}

/**
 * The historian: takes every tick's samples (the simulator's SampleBatch) into per-tag open
 * buffers, seals a tag's buffer into a compressed chunk every `chunkMs` (windows staggered per
 * tag so that tags do not all seal in the same tick) or `chunkMaxSamples`, folds each sealed
 * chunk into the 1- and 15-minute tiers, and writes sealed chunks in one transaction per flush.
 * Values are rounded to each tag's quantum as they arrive, so open and sealed data read the
 * same. Retention is pruned on the injected clock. Per tag, samples must come in time order:
 * one not later than the tag's previous sample is dropped and counted.
 *
 * Crash safety: what is sealed and flushed survives a kill; open samples are appended to a
 * write-ahead table every `walMs` (after flushing sealed chunks), and read back into the open
 * buffers when the historian next opens, so a kill -9 loses at most `walMs` of samples.
 * Write-ahead rows are deleted once every sample in them is in a written chunk.
 */
export class Historian {
  readonly options: HistorianOptions;
  readonly stats: HistorianStats = { samples: 0, dropped: 0, chunksSealed: 0, chunksWritten: 0, writeErrors: 0, chunksLost: 0, pruned: 0, walWrites: 0, walRecovered: 0, walErrors: 0 };
  private readonly nums: number[];
  private readonly exps: (number | null)[];
  /** 1/quantum and quantum per tag; 0 where values are kept losslessly. */
  private readonly scale: Float64Array;
  private readonly quantum: Float64Array;
  private readonly last: Float64Array;
  private readonly phase: Float64Array;
  private readonly buffers: SeriesBuffer[];
  /** tierRows[k][i]: open rows of TIER_SPECS[k] for tag i. */
  private readonly tierRows: AggregateRows[][];
  private readonly scratch: AggregateRows[];
  private pending: StoredChunk[] = [];
  private lastFlush = -Infinity;
  private lastPrune = -Infinity;
  private lastErrorLog = -Infinity;
  private closed = false;
  /** Per tag: open-buffer samples already in the write-ahead, and the id of the oldest row holding them (Infinity: none). */
  private readonly walCount: Int32Array;
  private readonly walFirst: Float64Array;
  private readonly wal = new WalBuilder();
  private lastWal = -Infinity;

  constructor(
    readonly repo: HistoryRepo,
    tags: readonly HistorianTag[],
    private readonly clock: Clock,
    options: Partial<HistorianOptions> = {},
  ) {
    this.options = resolveHistorianOptions(options);
    const n = tags.length;
    this.nums = repo.tagNumbers(tags.map((t) => t.id));
    this.exps = tags.map((t) => quantumExponent(t.range.lo, t.range.hi, this.options.spanBits));
    this.scale = new Float64Array(n);
    this.quantum = new Float64Array(n);
    this.exps.forEach((e, i) => {
      if (e === null) return;
      this.quantum[i] = quantumOf(e);
      this.scale[i] = 1 / quantumOf(e);
    });
    this.last = Float64Array.from(repo.lastTimes(this.nums));
    // A fixed pseudo-random phase per tag staggers the chunk windows (Knuth's multiplicative hash).
    this.phase = Float64Array.from(this.nums, (num) => (Math.imul(num + 1, 2654435761) >>> 0) % this.options.chunkMs);
    // Sized for one chunk window at the tag's period, so that a steady tag never reallocates.
    const { chunkMs, chunkMaxSamples } = this.options;
    this.buffers = tags.map((t) => new SeriesBuffer(Math.min(chunkMaxSamples, Math.ceil(chunkMs / Math.max(1, t.periodMs ?? 1000)) + 1)));
    this.tierRows = TIER_SPECS.map((s) => tags.map(() => new AggregateRows(s.widthMs, Math.ceil(s.chunkMs / s.widthMs) + 2)));
    this.scratch = TIER_SPECS.map((s) => new AggregateRows(s.widthMs, 16));
    this.walCount = new Int32Array(n);
    this.walFirst = new Float64Array(n).fill(Infinity);
    this.recoverWal();
  }

  /** A historian on the server's SQLite database in `dataDir` (options checked before it is opened). */
  static open(dataDir: string, tags: readonly HistorianTag[], clock: Clock, options: Partial<HistorianOptions> = {}): Historian {
    const resolved = resolveHistorianOptions(options);
    const repo = SqliteHistoryRepo.open(dataDir);
    try {
      return new Historian(repo, tags, clock, resolved);
    } catch (err) {
      repo.close();
      throw err;
    }
  }

  get tagCount(): number {
    return this.buffers.length;
  }

  /** Takes one tick's samples; seals, flushes and prunes when due. Never throws for storage errors. */
  ingest(batch: SampleBatch): void {
    if (this.closed) return;
    this.ingestSamples(batch);
    const now = this.clock.now();
    if (now - this.lastPrune >= this.options.pruneEveryMs) this.prune(now);
    if (this.pending.length > 0 && now - this.lastFlush >= this.options.flushMs) this.flush(now);
    if (this.options.walMs > 0 && now - this.lastWal >= this.options.walMs) this.writeAhead(now);
  }

  private ingestSamples(batch: SampleBatch): void {
    const { count, ids, times, values, quality } = batch;
    const chunkMs = this.options.chunkMs;
    const maxSamples = this.options.chunkMaxSamples;
    let taken = 0;
    for (let j = 0; j < count; j++) {
      const i = ids[j]!;
      const t = Math.round(times[j]!);
      // Also false for an index past the plant's tags (last[i] is undefined).
      if (!(t > this.last[i]!) || t >= MAX_TIME) continue;
      this.last[i] = t;
      const buf = this.buffers[i]!;
      if (buf.count > 0 && (t >= buf.deadline || buf.count >= maxSamples)) this.seal(i);
      if (buf.count === 0) {
        const ph = this.phase[i]!;
        buf.deadline = ph + (Math.floor((t - ph) / chunkMs) + 1) * chunkMs;
      }
      let v = values[j]!;
      const s = this.scale[i]!;
      if (s !== 0 && Number.isFinite(v)) v = Math.round(v * s) * this.quantum[i]! + 0;
      buf.push(t, v, quality[j]!);
      taken++;
    }
    this.stats.samples += taken;
    this.stats.dropped += count - taken;
  }

  /**
   * Flushes sealed chunks, then appends every open sample not yet in the write-ahead as one row,
   * then deletes the rows whose samples are all in written chunks. Never throws.
   */
  writeAhead(now = this.clock.now()): void {
    this.lastWal = now;
    if (this.pending.length > 0) this.flush(now);
    const flushed = this.pending.length === 0;
    const w = this.wal;
    w.count = 0;
    const fresh: number[] = [];
    for (let i = 0; i < this.buffers.length; i++) {
      const buf = this.buffers[i]!;
      const from = this.walCount[i]!;
      if (buf.count <= from) continue;
      const num = this.nums[i]!;
      for (let j = from; j < buf.count; j++) w.push(num, buf.times[j]!, buf.values[j]!, buf.quality[j]!);
      if (from === 0) fresh.push(i);
    }
    try {
      if (w.count > 0) {
        const id = this.repo.walAppend(now, w.count, encodeWal(w));
        this.stats.walWrites++;
        for (let i = 0; i < this.buffers.length; i++) this.walCount[i] = this.buffers[i]!.count;
        for (const i of fresh) this.walFirst[i] = id;
      }
      if (!flushed) return;
      let keep = Infinity;
      for (let i = 0; i < this.walFirst.length; i++) if (this.walFirst[i]! < keep) keep = this.walFirst[i]!;
      this.repo.walDeleteBefore(keep === Infinity ? Number.MAX_SAFE_INTEGER : keep);
    } catch (err) {
      this.stats.walErrors++;
      this.logError('historian: write-ahead failed', err, now);
    }
  }

  /** Reads write-ahead rows left by a kill back into the open buffers, then seals, writes and clears them. */
  private recoverWal(): void {
    let rows: { id: number; blob: Uint8Array }[];
    try {
      rows = this.repo.walRead();
    } catch {
      return; // a repository without the table (older schema in a test): nothing to recover
    }
    if (rows.length === 0) return;
    const index = new Map(this.nums.map((num, i) => [num, i] as const));
    const before = this.stats.samples;
    for (const r of rows) {
      let s;
      try {
        s = decodeWal(r.blob);
      } catch (err) {
        this.logError('historian: skipping a damaged write-ahead row', err, this.clock.now());
        continue;
      }
      const ids = new Uint32Array(s.count);
      let n = 0;
      for (let j = 0; j < s.count; j++) {
        const i = index.get(s.tags[j]!);
        if (i === undefined) continue;
        ids[n] = i;
        s.times[n] = s.times[j]!;
        s.values[n] = s.values[j]!;
        s.quality[n] = s.quality[j]!;
        n++;
      }
      this.ingestSamples({ count: n, ids, times: s.times, values: s.values, quality: s.quality });
    }
    this.stats.walRecovered = this.stats.samples - before;
    this.sealAll();
    this.flush();
    if (this.pending.length === 0) this.repo.walDeleteBefore(Number.MAX_SAFE_INTEGER);
  }

  /** Writes every sealed chunk in one transaction; returns how many. On failure keeps them for the next flush. */
  flush(now = this.clock.now()): number {
    this.lastFlush = now;
    if (this.pending.length === 0) return 0;
    const batch = this.pending;
    try {
      this.repo.write(batch);
    } catch (err) {
      this.stats.writeErrors++;
      const excess = this.pending.length - this.options.maxPending;
      if (excess > 0) {
        this.pending.splice(0, excess);
        this.stats.chunksLost += excess;
      }
      this.logError('historian: writing chunks failed', err, now);
      return 0;
    }
    this.pending = [];
    this.stats.chunksWritten += batch.length;
    return batch.length;
  }

  /** Deletes chunks past each tier's retention; returns how many. */
  prune(now = this.clock.now()): number {
    this.lastPrune = now;
    const r = this.options.retention;
    let n = 0;
    try {
      n += this.repo.prune(Tier.Raw, now - r.raw * DAY_MS);
      for (const s of TIER_SPECS) n += this.repo.prune(s.tier, now - s.retentionDays(r) * DAY_MS);
    } catch (err) {
      this.logError('historian: pruning failed', err, now);
    }
    this.stats.pruned += n;
    return n;
  }

  /** Seals every open buffer and every open tier row (a shutdown; data after it starts new chunks). */
  sealAll(): void {
    this.buffers.forEach((b, i) => {
      if (b.count > 0) this.seal(i);
    });
    TIER_SPECS.forEach((_, k) => this.tierRows[k]!.forEach((rows, i) => this.sealRows(i, k)));
  }

  /** Seals and writes everything, then closes the repository. Later ingests are ignored. */
  close(): void {
    if (this.closed) return;
    this.sealAll();
    this.flush();
    if (this.pending.length === 0) {
      try {
        this.repo.walDeleteBefore(Number.MAX_SAFE_INTEGER);
      } catch {
        // the rows are recovered (and de-duplicated by time) at the next open
      }
    }
    this.closed = true;
    this.repo.close();
  }

  /** The tag's repository number, open buffer and open tier rows (read-only use). */
  sources(index: number): TagSources {
    return { num: this.nums[index]!, open: this.buffers[index]!, rows: this.tierRows.map((byTag) => byTag[index]!) };
  }

  /** Sealed chunks not yet written, of one tag and tier, in seal order. */
  pendingChunks(num: number, tier: TierCode): StoredChunk[] {
    return this.pending.filter((c) => c.tag === num && c.tier === tier);
  }

  /** Sealed raw chunks not yet written, by tag number, in seal order (one pass: state at an instant reads every tag). */
  pendingRawByTag(): Map<number, StoredChunk[]> {
    const m = new Map<number, StoredChunk[]>();
    for (const c of this.pending) {
      if (c.tier !== Tier.Raw) continue;
      const list = m.get(c.tag);
      if (list) list.push(c);
      else m.set(c.tag, [c]);
    }
    return m;
  }

  /** Oldest time each tier still promises to hold at `now`. */
  horizon(tier: TierCode, now: number): number {
    const r = this.options.retention;
    const days = tier === Tier.Raw ? r.raw : TIER_SPECS.find((s) => s.tier === tier)!.retentionDays(r);
    return now - days * DAY_MS;
  }

  /** Bytes the open buffers and rows hold (memory, not the database). */
  openBytes(): number {
    let b = 0;
    for (const buf of this.buffers) b += buf.bytes;
    for (const byTag of this.tierRows) for (const rows of byTag) b += rows.start.length * 64;
    return b;
  }

  private seal(i: number): void {
    const buf = this.buffers[i]!;
    const num = this.nums[i]!;
    // Fold into the tiers first: a tier chunk may seal here, before this raw chunk.
    TIER_SPECS.forEach((spec, k) => {
      const part = this.scratch[k]!;
      part.length = 0;
      // Coarser tiers from the finer one's rows (their widths nest, both epoch-aligned): exact and cheaper.
      if (k === 0) aggregateSamples(buf, -Infinity, Infinity, 0, part);
      else rebucketRows(this.scratch[k - 1]!, -Infinity, Infinity, 0, part);
      const rows = this.tierRows[k]![i]!;
      for (let j = 0; j < part.length; j++) {
        const s = part.start[j]!;
        // A later bucket beyond the tier chunk's window: everything open is complete, seal it.
        if (rows.length > 0 && rows.start[rows.length - 1] !== s && s - rows.start[0]! >= spec.chunkMs) this.sealRows(i, k);
        rows.appendOrMerge(part, j);
      }
    });
    this.pending.push({ tag: num, tier: Tier.Raw, tStart: buf.times[0]!, tEnd: buf.times[buf.count - 1]!, count: buf.count, blob: encodeSampleChunk(buf, this.exps[i]!) });
    this.stats.chunksSealed++;
    buf.count = 0;
    this.walCount[i] = 0;
    this.walFirst[i] = Infinity;
  }

  private sealRows(i: number, k: number): void {
    const rows = this.tierRows[k]![i]!;
    if (rows.length === 0) return;
    const spec = TIER_SPECS[k]!;
    let samples = 0;
    for (let j = 0; j < rows.length; j++) samples += rows.n[j]! + rows.bad[j]!;
    this.pending.push({
      tag: this.nums[i]!,
      tier: spec.tier,
      tStart: rows.start[0]!,
      tEnd: rows.start[rows.length - 1]! + spec.widthMs - 1,
      count: samples,
      blob: encodeAggregateChunk(rows, this.exps[i]!),
    });
    this.stats.chunksSealed++;
    rows.length = 0;
  }

  private logError(what: string, err: unknown, now: number): void {
    if (now - this.lastErrorLog < 60_000) return;
    this.lastErrorLog = now;
    console.error(`${what}:`, err);
  }
}
