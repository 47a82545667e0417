/**
 * Memory benchmark: wraps one 64 MiB buffer 1,000 times and reports how much
 * the heap plus external memory grew (`Deno.memoryUsage()`), next to views
 * and a few copying wraps. Every wrap is kept alive until the measurement, so
 * the growth is what the wraps hold, not garbage.
 *
 * @std/io's `new Buffer(bytes)` is measured too when the real @std/io can be
 * loaded (from `../shared/std`, else JSR; read access is needed for the
 * former).
 *
 * Run with `deno run --allow-read --v8-flags=--expose-gc
 * bench/memory.ts` (a table)
 * or with `--json` (what `tools/bench_report.ts` reads). Without
 * `--expose-gc` the figures include garbage that was not yet collected.
 *
 * @module
 */

import { Cursor } from "../mod.ts";
import { filled, loadStdIo, MiB } from "./_util.ts";

/** One measured way of wrapping the buffer. */
export interface MemoryRow {
  /** What was done, as code. */
  name: string;
  /** How many wraps were kept alive. */
  count: number;
  /** Growth of heapUsed + external over all of them, in bytes. */
  growth: number;
  /** `growth / count`: bytes held by one wrap. */
  perWrap: number;
}

/** What the memory benchmark prints with `--json`. */
export interface MemoryReport {
  /** The size of the wrapped buffer in bytes. */
  sourceBytes: number;
  /** Whether `gc()` was available, so that garbage was collected first. */
  gcExposed: boolean;
  /** One row per way of wrapping. */
  rows: MemoryRow[];
}

const SIZE = 64 * MiB;
const gc = (globalThis as { gc?: () => void }).gc;

function used(): number {
  gc?.();
  gc?.();
  const { heapUsed, external } = Deno.memoryUsage();
  return heapUsed + external;
}

function measure(name: string, count: number, wrap: () => unknown): MemoryRow {
  const kept: unknown[] = new Array(count);
  // Warm up first, so that compiled code and feedback are not counted.
  for (let i = 0; i < Math.min(count, 100); i++) kept[i] = wrap();
  kept.fill(undefined);
  const before = used();
  for (let i = 0; i < count; i++) kept[i] = wrap();
  const growth = used() - before;
  // Read `kept` after measuring so that the wraps stay alive until then.
  if (kept.length !== count) throw new Error("unreachable");
  return { name, count, growth, perWrap: growth / count };
}

const bytes = filled(SIZE);
const io = await loadStdIo();
const report: MemoryReport = {
  sourceBytes: SIZE,
  gcExposed: gc !== undefined,
  rows: [
    measure("new Cursor(bytes)", 1000, () => new Cursor(bytes)),
    measure(
      "new Uint8Array(buffer, offset, length) (view)",
      1000,
      () => new Uint8Array(bytes.buffer, bytes.byteOffset, SIZE),
    ),
    // A few copies show the contrast; 1,000 would need 64 GiB.
    measure(
      "new Uint8Array(bytes) (copying wrap)",
      4,
      () => new Uint8Array(bytes),
    ),
    // @std/io's Buffer copies a typed array it is given.
    ...(io
      ? [measure("new Buffer(bytes) (@std/io)", 4, () => new io.Buffer(bytes))]
      : []),
  ],
};
if (Deno.args.includes("--json")) {
  console.log(JSON.stringify(report));
} else {
  if (!report.gcExposed) {
    console.log("gc() is not exposed: figures include uncollected garbage");
  }
  console.log(`Memory held by wraps of one ${SIZE / MiB} MiB buffer`);
  console.table(
    report.rows.map((row) => ({
      wrap: row.name,
      count: row.count,
      "growth (MiB)": +(row.growth / MiB).toFixed(3),
      "per wrap (bytes)": Math.round(row.perWrap),
    })),
  );
}
