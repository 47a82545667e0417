/**
 * Writes BENCHMARKS.md from one run of every benchmark, and copies its
 * headline table into README.md between `<!-- bench:start -->` and
 * `<!-- bench:end -->`.
 *
 * Steps: the three commands of the `bench` task in deno.json, each with
 * `--json`: `deno bench` (bench.ts, which runs every group of bench/), then
 * `bench/memory.ts` in its own process with `--expose-gc` (so
 * the memory figures do not include the benches' garbage), then the
 * cross-talk guard `bench/crosstalk.ts` in a new process; then the files are
 * written and formatted with `deno fmt`. Run it with `deno task bench:report`.
 *
 * Every ratio is computed from the same run. The targets are the
 * {@linkcode TARGETS} table below: the one place to change them. The
 * @std/io rows measure the real `Buffer`, `copy` and `toReadableStream`,
 * loaded from `../shared/std` (else JSR) by `bench/_util.ts`.
 *
 * @module
 */

import type { CrossTalkRow } from "../bench/crosstalk.ts";
import type { MemoryReport, MemoryRow } from "../bench/memory.ts";

/**
 * The statistic of `deno bench --json` that ratios and targets use: each
 * row's fastest iteration. On a shared machine the average also holds the
 * time other processes took the CPU, which differs from row to row; the
 * minimum is the least disturbed measurement of the code itself.
 */
const STAT = "min";

/** One benchmark row of `deno bench --json`. */
interface BenchRow {
  origin: string;
  group: string | null;
  name: string;
  baseline: boolean;
  results: {
    ok?: { n: number; min: number; max: number; avg: number; p75: number };
    failed?: string;
  }[];
}

/** The output of `deno bench --json` (version 1). */
interface BenchOutput {
  version: number;
  runtime: string;
  cpu: string;
  benches: BenchRow[];
}

/** A measured row: its name, file and times in nanoseconds. */
interface Row {
  name: string;
  file: string;
  baseline: boolean;
  avg: number;
  min: number;
  p75: number;
  n: number;
}

/** A group of rows that answer one question. */
interface Group {
  name: string;
  rows: Row[];
  failed: { name: string; error: string }[];
}

/** What a target's measurement reads. */
interface Run {
  groups: Map<string, Group>;
  memory: MemoryReport | undefined;
  crossTalk: CrossTalkReport | undefined;
}

/** What `bench/crosstalk.ts --json` prints. */
interface CrossTalkReport {
  floor: number;
  runs: number;
  rows: CrossTalkRow[];
}

/** One condition of one target, or a comparison that is only reported. */
interface Target {
  /** What the target is about. */
  topic: string;
  /** The condition, in words; "reported" for a comparison without one. */
  goal: string;
  /** What is measured, in words. */
  measured: string;
  /** The measured value, or why it could not be measured. */
  measure(run: Run): number | string;
  /** Whether the value meets the goal; absent for a reported comparison. */
  met?(value: number): boolean;
  /** How the value is shown. */
  format(value: number): string;
  /** A figure shown next to the result to explain it, measured the same way. */
  reference?: { label: string; measure(run: Run): number | string };
  /** Whether the README's short table shows it too. */
  headline?: true;
}

const LIMIT = Symbol("the group's baseline");
const READ_16 = "read 1 MiB in 16 B chunks (4 passes over 256 KiB)";
const READ_16_AWAITED =
  "read 4 MiB in 16 B chunks, awaited (16 passes over 256 KiB)";
const WRAP_64M = "wrap 64 MiB";
const LINES_AS_STRINGS = "lines as strings: 1 MiB of 40-byte lines";
const DECODED_LINES = "decoder.decode(line) over Cursor.readLine()";
const TEXT_LINE_STREAM =
  "Cursor.readable → TextDecoderStream → TextLineStream (@std/streams)";
const ENCODE_AND_WRITE = "Cursor.writeSync(encoder.encode(s))";
const DRAIN_STREAM = "readable: drain 16 MiB";
const COPY_16M = "copy 16 MiB into a cursor";
const NODE_LINES = "Node Buffer indexOf + toString, offset kept by the caller";
const MINIMAL = "minimal object cursor: a class with a position field";
const GROW_U32 = "grow 1 MiB by writeUint32 from empty memory";
const GROW_16 = "grow 1 MiB by 16 B writeSync from empty memory";
const GROW_WASM = "grow a WebAssembly.Memory from 1 page to 16 by writeUint32";
const WASM_ROW = "Cursor over a WebAssembly.Memory of the same bytes";
/** The rows of the libraries users pick instead of a cursor. */
const PEER =
  /^(@jsonjoy\.com\/buffers|protobufjs|bytebuffer|smart-buffer|Node Buffer) /;

/** Targets no longer checked, and why; listed under the targets table. */
const RETIRED: string[] = [
  "Typed numbers ≥ 0.9× the limit (a raw `DataView` loop that keeps its " +
  "position in a register): no method of an object can reach it, since the " +
  "position must be stored and loaded each call. Replaced by ≥ 0.85× a " +
  "minimal object cursor and ≥ 1.0× every library peer; the limit stays in " +
  "the result column as information.",
  "`readSync` 16 B ≥ 0.8× limit and ≥ 2× `Buffer.readSync`: replaced by " +
  "≥ 0.85× limit and ahead of `Buffer.readSync`.",
  "Lines as strings, `decoder.decode(line)` over `readLine()` ≥ 3× " +
  "`TextLineStream`: a `TextDecoder` call per line costs more than the rest; " +
  "replaced by the targets of `textLines()`, which decodes blocks of lines.",
  "`read` (async) 16 B ≥ 0.6× the sync limit: an awaited call per 16 B " +
  "chunk costs more than the copy itself, so that ratio measured the " +
  "engine's promise machinery (the async floor alone was 0.6-1.0× across " +
  "runs), not the cursor. The async read is now held to ≥ 0.85× an async " +
  "limit that awaits the same copy in an `async` function per chunk.",
];

/** Finds a row of a group (its baseline for LIMIT), or says what is missing. */
function find(
  run: Run,
  group: string,
  row: string | typeof LIMIT,
): Row | string {
  const rows = run.groups.get(group)?.rows;
  if (rows === undefined) return `group "${group}" was not run`;
  const found = row === LIMIT
    ? rows.find((r) => r.baseline)
    : rows.find((r) => r.name === row);
  if (found !== undefined) return found;
  const peer = row === LIMIT ? null : /\((@std\/[^)]+)\)$/.exec(row);
  if (peer !== null) {
    return `skipped: ${peer[1]} could not be loaded (no ../shared/std, no JSR)`;
  }
  return `row "${row === LIMIT ? "limit" : row}" was not run`;
}

/**
 * How many times as fast `row` is as `versus` in `group`: time of `versus`
 * divided by time of `row`, so 2 means twice as fast and 0.5 half as fast.
 */
function speed(
  group: string,
  row: string,
  versus: string | typeof LIMIT,
): (run: Run) => number | string {
  return (run) => {
    const mine = find(run, group, row);
    const other = find(run, group, versus);
    if (typeof mine === "string") return mine;
    if (typeof other === "string") return other;
    return other[STAT] / mine[STAT];
  };
}

function times(value: number): string {
  if (value >= 100) return `${Math.round(value).toLocaleString("en-US")}×`;
  if (value >= 10) return `${value.toFixed(1)}×`;
  // Three digits, so that 0.949 does not read as a met 0.95.
  return `${value >= 0.1 ? value.toPrecision(3) : value.toPrecision(2)}×`;
}

function atLeast(goal: number): (value: number) => boolean {
  return (value) => value >= goal;
}

function atMost(goal: number): (value: number) => boolean {
  return (value) => value <= goal;
}

/**
 * How many times as fast `row` is as the fastest library peer of `group`
 * (the rows that {@linkcode PEER} matches).
 */
function versusPeers(
  group: string,
  row: string,
): (run: Run) => number | string {
  return (run) => {
    const mine = find(run, group, row);
    if (typeof mine === "string") return mine;
    const peers = run.groups.get(group)!.rows.filter((r) => PEER.test(r.name));
    if (peers.length === 0) return `no library peer ran in "${group}"`;
    const fastest = Math.min(...peers.map((peer) => peer[STAT]));
    return fastest / mine[STAT];
  };
}

/** The time of `row` as a multiple of the time of `versus` (lower is better). */
function slowdown(
  group: string,
  row: string,
  versus: string | typeof LIMIT,
): (run: Run) => number | string {
  const faster = speed(group, row, versus);
  return (run) => {
    const value = faster(run);
    return typeof value === "string" ? value : 1 / value;
  };
}

/**
 * The target of one growth group of bench/growth.ts: the time of `method`
 * growing a resizable buffer from empty, as a multiple of the same writes
 * into fixed memory; the reference is the engine's `resize()` alone, by
 * `step` bytes at a time.
 */
function fromEmpty(group: string, method: string, step: number): Target {
  return {
    topic: group,
    goal: "≤ 2× the same writes into fixed memory",
    measured:
      `time of \`${method}\` into \`new ArrayBuffer(0, { maxByteLength })\` ÷ into fixed memory`,
    measure: slowdown(
      group,
      `Cursor.${method} into new ArrayBuffer(0, { maxByteLength })`,
      LIMIT,
    ),
    met: atMost(2),
    format: times,
    reference: {
      label: "the engine's resize() alone",
      measure: slowdown(
        group,
        `engine alone: buffer.resize(length + ${step}), no write`,
        LIMIT,
      ),
    },
  };
}

/**
 * The target of one headline loop of the cross-talk guard: its speed after
 * every operation ran on every kind of memory, as a share of its speed in a
 * new process; the reference is the share of its speed once one buffer under
 * a `DataView` was detached, which the engine itself slows.
 */
function crossTalk(group: string): Target {
  const row = (run: Run): CrossTalkRow | string =>
    run.crossTalk?.rows.find((r) => r.group === group) ??
      "the cross-talk guard did not run";
  return {
    topic: `cross-talk: ${group}`,
    goal: "≥ 0.9× a new process",
    headline: true,
    measured:
      "the cursor's loop after everything ran vs in a new process (bench/crosstalk.ts)",
    measure: (run) => {
      const found = row(run);
      return typeof found === "string"
        ? found
        : found.cursor[0] / found.cursor[2];
    },
    met: atLeast(0.9),
    format: times,
    reference: {
      label: "vs after one buffer was detached",
      measure: (run) => {
        const found = row(run);
        return typeof found === "string" ? found : found.kept;
      },
    },
  };
}

/**
 * The targets of one typed-number group of bench/cursor.ts: the `Cursor` row
 * vs a minimal object cursor (a class whose position is a field), with the
 * limit (a raw `DataView` loop that keeps its position in a local) as the
 * reference; and, where the group has library peers, vs the fastest of them.
 */
function typedNumber(
  method: string,
  peers: boolean,
  headline?: true,
): Target[] {
  const group = `${method} over 1 MiB`;
  const row = `Cursor.${method}`;
  const targets: Target[] = [{
    topic: `\`${method}\` over 1 MiB`,
    goal: "≥ 0.85× a minimal object cursor",
    ...(headline ? { headline } : {}),
    measured: `\`${row}\` vs a class whose position is a field`,
    measure: speed(group, row, MINIMAL),
    met: atLeast(0.85),
    format: times,
    reference: { label: "vs the limit", measure: speed(group, row, LIMIT) },
  }];
  if (peers) {
    targets.push({
      topic: `\`${method}\` over 1 MiB`,
      goal: "≥ 1.0× every library peer (within 5%)",
      ...(headline ? { headline } : {}),
      measured: `\`${row}\` vs the fastest library peer`,
      measure: versusPeers(group, row),
      met: atLeast(0.95),
      format: times,
    });
  }
  return targets;
}

const VARINTS_READ =
  "read 1 MiB of mixed-length unsigned varints (sizes 1-5 bytes)";
const VARINTS_WRITE =
  "write 1 MiB of mixed-length unsigned varints (sizes 1-5 bytes)";
const VARINTS_BIG =
  "64-bit varints as bigint: read 1 MiB of mixed-length unsigned varints (sizes 1-10 bytes)";

/**
 * A target of a varint group of bench/varints.ts: the `Cursor` row at least
 * as fast as the peer's row `versus` (named `peer` in the tables), with the
 * group's limit (the cursor's own decoder or encoder by hand, its position
 * in a local) as the reference.
 */
function varint(
  topic: string,
  group: string,
  row: string,
  versus: string,
  peer: string,
): Target {
  return {
    topic,
    goal: `≥ 1.0× ${peer}`,
    measured: `\`${row}\` vs ${peer}`,
    measure: speed(group, row, versus),
    met: atLeast(1),
    format: times,
    reference: { label: "vs the limit", measure: speed(group, row, LIMIT) },
  };
}

/** The targets, one entry per condition, then the reported comparisons. */
export const TARGETS: Target[] = [
  {
    topic: "wrap 64 MiB vs copying wrap",
    goal: "≥ 10,000× faster",
    measured: "`new Cursor(bytes)` vs `new Uint8Array(bytes)`, 64 MiB",
    measure: speed(
      WRAP_64M,
      "new Cursor(bytes)",
      "new Uint8Array(bytes) (copying wrap)",
    ),
    met: atLeast(10_000),
    format: times,
  },
  {
    topic: "wrap 64 MiB vs @std/io `Buffer`",
    goal: "≥ 10,000× faster",
    headline: true,
    measured: "`new Cursor(bytes)` vs `new Buffer(bytes)`, 64 MiB",
    measure: speed(
      WRAP_64M,
      "new Cursor(bytes)",
      "new Buffer(bytes) (@std/io)",
    ),
    met: atLeast(10_000),
    format: times,
  },
  {
    topic: "wrap 64 MiB vs copying wrap",
    goal: "wrap 64 MiB / wrap 1 KiB ≤ 1.5",
    measured: "time of `new Cursor(bytes)`, 64 MiB ÷ 1 KiB",
    measure: (run) => {
      const big = find(run, WRAP_64M, "new Cursor(bytes)");
      const small = find(run, "wrap 1 KiB", "new Cursor(bytes)");
      if (typeof big === "string") return big;
      if (typeof small === "string") return small;
      return big[STAT] / small[STAT];
    },
    met: (value) => value <= 1.5,
    format: times,
  },
  {
    topic: "memory of 1,000 wraps of 64 MiB",
    goal: "< 1 MiB growth",
    measured: "heap + external growth, 1,000 × `new Cursor(bytes)`",
    measure: (run) => {
      const row = run.memory?.rows.find((r) => r.name === "new Cursor(bytes)");
      return row === undefined ? "the memory bench did not run" : row.growth;
    },
    met: (value) => value < 1024 * 1024,
    format: bytes,
  },
  {
    topic: "`readSync` 64 KiB chunks",
    goal: "≥ 0.95× limit",
    headline: true,
    measured: "`Cursor.readSync` vs limit",
    measure: speed(
      "read 16 MiB in 64 KiB chunks (64 passes over 256 KiB)",
      "Cursor.readSync",
      LIMIT,
    ),
    met: atLeast(0.95),
    format: times,
  },
  {
    topic: "`readSync` 16 B chunks",
    goal: "≥ 0.85× limit",
    measured: "`Cursor.readSync` vs limit",
    measure: speed(READ_16, "Cursor.readSync", LIMIT),
    met: atLeast(0.85),
    format: times,
  },
  {
    topic: "`readSync` 16 B chunks",
    goal: "ahead of `Buffer.readSync`",
    headline: true,
    measured: "`Cursor.readSync` vs `Buffer.readSync`",
    measure: speed(READ_16, "Cursor.readSync", "Buffer.readSync (@std/io)"),
    met: atLeast(1),
    format: times,
    // The ceiling: a cursor as fast as the limit is this many times as fast
    // as Buffer.readSync.
    reference: {
      label: "the limit",
      measure: speed(
        READ_16,
        "limit: p.set(source.subarray(...))",
        "Buffer.readSync (@std/io)",
      ),
    },
  },
  {
    topic: "`read` (async) 16 B",
    goal: "≥ 0.85× async limit",
    measured: "`Cursor.read` vs one awaited async `subarray` + `set` per chunk",
    measure: speed(READ_16_AWAITED, "Cursor.read", LIMIT),
    met: atLeast(0.85),
    format: times,
  },
  {
    topic: "`read` (async) 16 B",
    goal: "≥ `Buffer.read`",
    headline: true,
    measured: "`Cursor.read` vs `Buffer.read`",
    measure: speed(READ_16, "Cursor.read", "Buffer.read (@std/io)"),
    met: atLeast(1),
    format: times,
  },
  {
    topic: "`writeSync` 32 KiB into fixed memory",
    goal: "≥ 0.95× limit",
    measured: "`Cursor.writeSync` vs limit",
    measure: speed(
      "write 16 MiB in 32 KiB chunks (64 passes over 256 KiB)",
      "Cursor.writeSync",
      LIMIT,
    ),
    met: atLeast(0.95),
    format: times,
  },
  {
    topic: "`writeSync` 32 KiB into fixed memory",
    goal: "≥ 10× `Buffer.writeSync` growing",
    headline: true,
    measured: "`Cursor.writeSync` vs `Buffer.writeSync` from empty",
    measure: speed(
      "write 16 MiB in 32 KiB chunks: fixed vs growing memory",
      "Cursor.writeSync",
      "Buffer.writeSync growing (@std/io)",
    ),
    met: atLeast(10),
    format: times,
  },
  {
    topic: "random seek + 8 B read",
    goal: "≥ 0.5× limit",
    measured: "`Cursor.seekSync` + `readSync` vs limit",
    measure: speed(
      "random seek + 8 B read (64 Ki reads in 1 MiB)",
      "Cursor.seekSync + readSync",
      LIMIT,
    ),
    met: atLeast(0.5),
    format: times,
  },
  {
    topic: "drain via views vs copying `readAll` loop",
    goal: "≥ 20×",
    measured: "`bytes().subarray(position)` vs `readAll` loop (sync)",
    measure: speed(
      "drain 16 MiB",
      "Cursor.bytes().subarray(position) + seek to end",
      "readAll loop over Cursor.readSync (copies)",
    ),
    met: atLeast(20),
    format: times,
  },
  ...typedNumber("readUint8", false),
  ...typedNumber("writeUint8", false),
  ...typedNumber("readUint32", true, true),
  ...typedNumber("writeUint32", true, true),
  ...typedNumber("readBigUint64", false),
  ...typedNumber("writeBigUint64", false),
  ...typedNumber("readFloat64", true),
  ...typedNumber("writeFloat64", true),
  // WebAssembly memory, from bench/cursor.ts and bench/growth.ts.
  ...["readUint32", "writeUint32"].map((method): Target => ({
    topic: `\`${method}\` over a \`WebAssembly.Memory\``,
    goal: "≥ 0.9× the same over a plain `Uint8Array`",
    measured: `\`new Cursor(memory).${method}\` vs \`new Cursor(bytes)\``,
    measure: speed(`${method} over 1 MiB`, WASM_ROW, `Cursor.${method}`),
    met: atLeast(0.9),
    format: times,
  })),
  {
    topic: GROW_WASM,
    goal: "≤ 2× the same writes into fixed memory",
    measured:
      "time of `writeUint32` into `new WebAssembly.Memory({ initial: 1 })` ÷ into a new one of 16 pages, which cannot grow",
    measure: slowdown(
      GROW_WASM,
      "Cursor.writeUint32 into new WebAssembly.Memory({ initial: 1 })",
      "Cursor.writeUint32 into new WebAssembly.Memory({ initial: 16 })",
    ),
    met: atMost(2),
    format: times,
    reference: {
      label: "into a plain buffer written before",
      measure: slowdown(
        GROW_WASM,
        "Cursor.writeUint32 into new WebAssembly.Memory({ initial: 1 })",
        LIMIT,
      ),
    },
  },
  // Growth, from bench/growth.ts.
  fromEmpty(GROW_U32, "writeUint32", 4),
  {
    topic: "grow 1 MiB by `writeUint32` from empty memory",
    goal: "≥ 1.0× @jsonjoy.com/buffers' growing `Writer`",
    headline: true,
    measured: "`writeUint32` into a resizable buffer vs `Writer.u32()`",
    measure: speed(
      GROW_U32,
      "Cursor.writeUint32 into new ArrayBuffer(0, { maxByteLength })",
      "@jsonjoy.com/buffers Writer.u32(), growing from 64 bytes",
    ),
    met: atLeast(1),
    format: times,
    reference: {
      label: "the engine's resize() alone",
      measure: speed(
        GROW_U32,
        "engine alone: buffer.resize(length + 4), no write",
        "@jsonjoy.com/buffers Writer.u32(), growing from 64 bytes",
      ),
    },
  },
  fromEmpty(GROW_16, "writeSync", 16),
  // Varints, from bench/varints.ts.
  varint(
    "read varints of 1-5 bytes, 1 MiB",
    VARINTS_READ,
    "Cursor.readVarUint32",
    "protobufjs Reader.uint32()",
    "protobufjs `Reader.uint32()`",
  ),
  varint(
    "read varints of 1-5 bytes, 1 MiB",
    VARINTS_READ,
    "Cursor.readVarUint32",
    "bytebuffer readVarint32() (an int32: >>> 0 makes it unsigned)",
    "bytebuffer `readVarint32()`",
  ),
  varint(
    "write varints of 1-5 bytes, 1 MiB",
    VARINTS_WRITE,
    "Cursor.writeVarUint32",
    "protobufjs Writer.uint32() into a new Writer (finish() not timed)",
    "protobufjs `Writer.uint32()`",
  ),
  varint(
    "write varints of 1-5 bytes, 1 MiB",
    VARINTS_WRITE,
    "Cursor.writeVarUint32",
    "bytebuffer writeVarint32()",
    "bytebuffer `writeVarint32()`",
  ),
  varint(
    "read 64-bit varints as bigint, 1 MiB",
    VARINTS_BIG,
    "Cursor.readBigVarUint64",
    "protobufjs Reader.uint64() (a Long: protobufjs 8.8.1 has the long package)",
    "protobufjs `Reader.uint64()` (a `Long`)",
  ),
  // Text, from bench/text.ts.
  {
    topic: "lines as strings, 1 MiB of 40-byte lines",
    goal: "≥ 1.0× Node's `indexOf` + `toString`",
    headline: true,
    measured: "`textLines()` vs Node `Buffer` `indexOf` + `toString`",
    measure: speed(LINES_AS_STRINGS, "Cursor.textLines()", NODE_LINES),
    met: atLeast(1),
    format: times,
  },
  {
    topic: "lines as strings, 1 MiB of 40-byte lines",
    goal: "≥ 2× `TextLineStream`",
    measured:
      "`textLines()` vs `readable` → `TextDecoderStream` → `TextLineStream`",
    measure: speed(LINES_AS_STRINGS, "Cursor.textLines()", TEXT_LINE_STREAM),
    met: atLeast(2),
    format: times,
    reference: {
      label: "`decoder.decode(line)` over `readLine()`",
      measure: speed(LINES_AS_STRINGS, DECODED_LINES, TEXT_LINE_STREAM),
    },
  },
  {
    topic: "`readString`, 16 bytes of ASCII",
    goal: "≥ 1.2× the fastest library peer",
    headline: true,
    measured: "`readString(16)` vs the fastest peer",
    measure: versusPeers(
      "readString: 16 bytes of ASCII",
      "Cursor.readString(n)",
    ),
    met: atLeast(1.2),
    format: times,
  },
  {
    topic: "`readString`, 48 bytes with 2- and 3-byte characters",
    goal: "≥ 1.0× the fastest library peer",
    measured: "`readString(48)` vs the fastest peer",
    measure: versusPeers(
      "readString: 48 bytes with 2- and 3-byte characters",
      "Cursor.readString(n)",
    ),
    met: atLeast(1),
    format: times,
  },
  {
    topic: "`writeString`, 64 ASCII characters",
    goal: "≥ 1.0× the fastest library peer",
    headline: true,
    measured: "`writeString(s)` vs the fastest peer",
    measure: versusPeers(
      "writeString: 64 ASCII characters",
      "Cursor.writeString(s)",
    ),
    met: atLeast(1),
    format: times,
  },
  {
    topic: "`writeString`, 64 characters with 2- and 3-byte ones",
    goal: "≥ 1.0× the fastest library peer",
    measured: "`writeString(s)` vs the fastest peer",
    measure: versusPeers(
      "writeString: 64 characters with 2- and 3-byte ones",
      "Cursor.writeString(s)",
    ),
    met: atLeast(1),
    format: times,
  },
  {
    topic: "lines as bytes, 1 MiB of 40-byte lines",
    goal: "≥ 2× `BufReader.readLine`",
    headline: true,
    measured: "`readLine()` vs `BufReader.readLine()` (@std/io 0.224.9)",
    measure: speed(
      "lines as bytes: 1 MiB of 40-byte lines",
      "Cursor.readLine()",
      "BufReader.readLine() over a Cursor (@std/io 0.224.9)",
    ),
    met: atLeast(2),
    format: times,
  },
  {
    topic: "`writeString`, 64 ASCII characters",
    goal: "≥ 1.5× `writeSync(encoder.encode(s))`",
    measured: "`writeString(s)` vs `writeSync(encoder.encode(s))`",
    measure: speed(
      "writeString: 64 ASCII characters",
      "Cursor.writeString(s)",
      ENCODE_AND_WRITE,
    ),
    met: atLeast(1.5),
    format: times,
  },
  {
    topic: "`writeString`, 64 characters with 2- and 3-byte ones",
    goal: "≥ 1.2× `writeSync(encoder.encode(s))`",
    measured: "`writeString(s)` vs `writeSync(encoder.encode(s))`",
    measure: speed(
      "writeString: 64 characters with 2- and 3-byte ones",
      "Cursor.writeString(s)",
      ENCODE_AND_WRITE,
    ),
    met: atLeast(1.2),
    format: times,
  },
  {
    topic: "drain 16 MiB as a stream",
    goal: "≥ 3× @std/io",
    headline: true,
    measured:
      "`cursor.readable` with a BYOB reader vs `toReadableStream(new Buffer(bytes))`",
    measure: speed(
      DRAIN_STREAM,
      "Cursor.readable, BYOB reader",
      "toReadableStream(new Buffer(bytes)) (@std/io)",
    ),
    met: atLeast(3),
    format: times,
  },
  {
    topic: "copy 16 MiB with @std/io `copy`",
    goal: "reported",
    measured: "`copy(cursor, cursor)` vs `copy(buffer, buffer)`",
    measure: speed(
      COPY_16M,
      "copy(cursor, cursor) (@std/io)",
      "copy(buffer, buffer), into a reset() Buffer (@std/io)",
    ),
    format: times,
  },
  {
    topic: "copy 16 MiB with @std/io `copy`",
    goal: "reported",
    measured: "`source.writeTo(target)` vs `copy(cursor, cursor)`",
    measure: speed(
      COPY_16M,
      "source.writeTo(target)",
      "copy(cursor, cursor) (@std/io)",
    ),
    format: times,
  },
  // Cross-talk, from bench/crosstalk.ts.
  crossTalk("readUint32 over 1 MiB"),
  crossTalk("writeUint32 over 1 MiB"),
  crossTalk("read 1 MiB in 16 B chunks (4 passes over 256 KiB)"),
  crossTalk("write 1 MiB in 16 B chunks (4 passes over 256 KiB)"),
  crossTalk("take(16)"),
];

// ---------------------------------------------------------------------------
// Formatting

function duration(ns: number): string {
  if (ns < 1e3) return `${ns.toPrecision(3)} ns`;
  if (ns < 1e6) return `${(ns / 1e3).toPrecision(3)} µs`;
  if (ns < 1e9) return `${(ns / 1e6).toPrecision(3)} ms`;
  return `${(ns / 1e9).toPrecision(3)} s`;
}

function bytes(count: number): string {
  if (Math.abs(count) < 1024) return `${count} B`;
  if (Math.abs(count) < 1024 ** 2) return `${(count / 1024).toFixed(1)} KiB`;
  if (Math.abs(count) < 1024 ** 3) {
    return `${(count / 1024 ** 2).toFixed(1)} MiB`;
  }
  return `${(count / 1024 ** 3).toFixed(1)} GiB`;
}

/** Escapes a cell of a Markdown table. */
function cell(text: string): string {
  return text.replaceAll("|", "\\|");
}

function table(head: string[], body: string[][]): string {
  return [
    `| ${head.map(cell).join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...body.map((row) => `| ${row.map(cell).join(" | ")} |`),
  ].join("\n");
}

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

function groupSection(group: Group): string {
  const { rows } = group;
  const head = [
    "",
    "benchmark",
    "n",
    "avg",
    "min",
    ...rows.map((_, i) => {
      const letter = LETTERS[i] ?? `#${i + 1}`;
      return rows[i]!.baseline ? `×${letter} (limit)` : `×${letter}`;
    }),
  ];
  const body = rows.map((row, i) => [
    LETTERS[i] ?? `#${i + 1}`,
    row.baseline ? `**${row.name}**` : row.name,
    row.n.toLocaleString("en-US"),
    duration(row.avg),
    duration(row.min),
    ...rows.map((other, j) => i === j ? "—" : times(other[STAT] / row[STAT])),
  ]);
  const files = [...new Set(rows.map((row) => row.file))].join(", ");
  const lines = [`### ${group.name}`, "", `From ${files}.`, ""];
  lines.push(table(head, body));
  for (const { name, error } of group.failed) {
    lines.push("", `- ${name}: failed (${error.split("\n")[0]})`);
  }
  return lines.join("\n");
}

/** How many targets have a goal to meet (the rest are reported only). */
const CONDITIONS = TARGETS.filter((target) => target.met).length;

function targetsTable(
  run: Run,
): { markdown: string; headline: string; met: number } {
  let met = 0;
  const short: string[][] = [];
  const body = TARGETS.map((target) => {
    const value = target.measure(run);
    let status: string;
    let shown: string;
    if (typeof value === "string") {
      status = "not measured";
      shown = value;
    } else if (target.met === undefined) {
      status = "reported";
      shown = target.format(value);
    } else if (target.met(value)) {
      status = "✅ met";
      shown = target.format(value);
      met++;
    } else {
      status = "❌ not met";
      shown = target.format(value);
    }
    const reference = target.reference?.measure(run);
    if (typeof reference === "number") {
      shown += ` (${target.reference!.label}: ${target.format(reference)})`;
    }
    if (target.headline) {
      short.push([target.topic, target.goal, `${shown} ${status}`]);
    }
    return [target.topic, target.goal, target.measured, shown, status];
  });
  return {
    markdown: table(["target", "goal", "measured", "result", "status"], body),
    headline: table(["target", "goal", "result"], short),
    met,
  };
}

function memorySection(memory: MemoryReport | undefined): string {
  if (memory === undefined) return "The memory benchmark did not run.";
  const body = memory.rows.map((row: MemoryRow) => [
    row.name,
    String(row.count),
    bytes(row.growth),
    bytes(Math.round(row.perWrap)),
    bytes(Math.round(row.perWrap * 1000)),
  ]);
  return [
    "Measured by bench/memory.ts, which the report runs in a process " +
    "of its own so that the benchmarks' garbage is not counted. " +
    `Wraps of one ${bytes(memory.sourceBytes)} buffer, all kept alive until ` +
    "measured; growth of `heapUsed + external` from `Deno.memoryUsage()`" +
    (memory.gcExposed
      ? ", after `gc()` (run with `--expose-gc`)."
      : ", without `gc()`, so garbage may be included."),
    "",
    table(["wrap", "count", "growth", "per wrap", "1,000 wraps"], body),
  ].join("\n");
}

// ---------------------------------------------------------------------------
// Running

async function run(
  label: string,
  args: string[],
): Promise<{ stdout: string; ok: boolean }> {
  const started = Date.now();
  console.error(`→ ${label}: deno ${args.join(" ")}`);
  const child = new Deno.Command(Deno.execPath(), {
    args,
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  const timer = setInterval(() => {
    const seconds = Math.round((Date.now() - started) / 1000);
    console.error(`  … ${label} still running (${seconds} s)`);
  }, 15_000);
  const output = await child.output();
  clearInterval(timer);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.error(
    `  ${output.success ? "done" : "FAILED"} in ${seconds} s`,
  );
  return {
    stdout: new TextDecoder().decode(output.stdout),
    ok: output.success,
  };
}

/** Splits bench stdout into the JSON document and any lines printed before. */
function parseBench(stdout: string): { output: BenchOutput; notes: string[] } {
  const start = stdout.search(/^\{\s*"version"/m);
  if (start < 0) throw new Error("Cannot read deno bench --json output");
  const notes = stdout.slice(0, start).split("\n").filter((l) => l.trim());
  return { output: JSON.parse(stdout.slice(start)), notes };
}

function toGroups(output: BenchOutput): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const bench of output.benches) {
    const file = bench.origin.slice(bench.origin.lastIndexOf("/") + 1);
    const name = bench.group ?? `${file} (no group)`;
    let group = groups.get(name);
    if (group === undefined) {
      group = { name, rows: [], failed: [] };
      groups.set(name, group);
    }
    const result = bench.results[0];
    if (result?.ok) {
      const { avg, min, p75, n } = result.ok;
      group.rows.push({
        name: bench.name,
        file,
        baseline: bench.baseline,
        avg,
        min,
        p75,
        n,
      });
    } else {
      group.failed.push({ name: bench.name, error: result?.failed ?? "?" });
    }
  }
  return groups;
}

async function text(args: string[]): Promise<string> {
  try {
    const output = await new Deno.Command(args[0]!, { args: args.slice(1) })
      .output();
    return new TextDecoder().decode(output.stdout).trim();
  } catch {
    return "";
  }
}

/** The 1-minute load average, `"n/a"` where the OS has none. */
function load(): string {
  const [minute] = Deno.loadavg();
  return minute === undefined ? "n/a" : minute.toFixed(2);
}

async function machine(
  output: BenchOutput,
  loads: string[],
): Promise<string[]> {
  let cpu = output.cpu;
  try {
    const info = await Deno.readTextFile("/proc/cpuinfo");
    cpu = info.match(/^model name\s*:\s*(.+)$/m)?.[1] ?? cpu;
  } catch {
    // Not Linux: keep what deno bench reported.
  }
  const memory = Deno.systemMemoryInfo().total;
  const commit = await text(["git", "rev-parse", "--short", "HEAD"]);
  const dirty = await text(["git", "status", "--porcelain", "--", "*.ts"]);
  return [
    `- Date: ${new Date().toISOString()}`,
    `- CPU: ${cpu}, ${navigator.hardwareConcurrency} cores; ` +
    `memory ${bytes(memory)}`,
    `- OS: ${Deno.build.os} ${Deno.osRelease()} (${Deno.build.arch})`,
    `- Load average (1 min) before and after the benchmarks: ` +
    `${loads.join(" and ")} on ${navigator.hardwareConcurrency} cores`,
    `- Runtime: Deno ${Deno.version.deno}, V8 ${Deno.version.v8}, ` +
    `TypeScript ${Deno.version.typescript} (${output.runtime})`,
    `- Code: commit ${commit || "unknown"}` +
    (dirty ? " with uncommitted changes to .ts files" : ""),
  ];
}

/**
 * The three commands of the `bench` task in deno.json (the benchmarks, the
 * memory benchmark, the cross-talk guard), so that the report runs exactly
 * what `deno task bench` runs, with the permissions given there.
 */
async function benchTask(): Promise<[string[], string[], string[]]> {
  const config = JSON.parse(await Deno.readTextFile("deno.json"));
  const task: unknown = config.tasks?.bench;
  const commands = typeof task === "string"
    ? task.split("&&").map((command) => command.trim().split(/\s+/))
    : [];
  const [bench, memory, crossTalk] = commands;
  if (
    commands.length !== 3 || bench?.[1] !== "bench" ||
    memory?.at(-1) !== "bench/memory.ts" ||
    crossTalk?.at(-1) !== "bench/crosstalk.ts"
  ) {
    throw new Error(
      `Cannot run the benchmarks: the bench task in deno.json must be "deno bench ... && deno run ... bench/memory.ts && deno run ... bench/crosstalk.ts", received ${
        JSON.stringify(task)
      }`,
    );
  }
  return [bench.slice(1), memory.slice(1), crossTalk.slice(1)];
}

/** The cross-talk section: every loop's times in the three phases. */
function crossTalkSection(report: CrossTalkReport | undefined): string {
  if (report === undefined) return "The cross-talk guard did not run.";
  const µs = (ns: number) => duration(ns);
  const body = report.rows.map((row) => [
    row.group,
    row.cursor.map(µs).join(" → "),
    row.limit.map(µs).join(" → "),
    times(row.cursor[0] / row.cursor[2]),
    times(row.kept),
  ]);
  return [
    "Measured by bench/crosstalk.ts: each headline loop with a cursor, and " +
    "its limit (the same work by hand, which calls no library code), timed " +
    "in a new process, again there after one buffer under a `DataView` was " +
    "detached (V8 then slows `DataView` accesses in the whole process; the " +
    "limit shows the engine's share), and in a second process that first " +
    "ran every public operation on every kind of memory " +
    "(bench/_everything.ts), where the loops are compiled after it. " +
    `Fastest of ${report.runs} round-robin runs each; the guard fails ` +
    `\`deno task bench\` when a loop keeps less than ${
      times(report.floor)
    } of its speed after the detach.`,
    "",
    table([
      "loop",
      "cursor: new → detached → everything",
      "limit: new → detached → everything",
      "kept vs new process",
      "kept vs detached",
    ], body),
  ].join("\n");
}

async function main(): Promise<void> {
  const [benchArgs, memoryArgs, crossTalkArgs] = await benchTask();
  console.error("bench:report — step 1 of 4: every benchmark file");
  const loads = [load()];
  const bench = await run("deno bench", [...benchArgs, "--json"]);
  loads.push(load());
  if (!bench.ok) throw new Error("deno bench failed; see its output above");
  const { output, notes } = parseBench(bench.stdout);
  if (!output.benches.some((b) => b.name.includes("(@std/io)"))) {
    notes.push(
      "No @std/io row ran (neither ../shared/std nor JSR could be loaded): " +
        "those rows and their targets are marked not measured.",
    );
  }
  const groups = toGroups(output);
  const rowCount = [...groups.values()].reduce((n, g) => n + g.rows.length, 0);
  console.error(`  ${rowCount} rows in ${groups.size} groups`);

  console.error("bench:report — step 2 of 4: memory");
  const mem = await run("memory bench", [...memoryArgs, "--json"]);
  const memory: MemoryReport | undefined = mem.ok
    ? JSON.parse(mem.stdout.trim().split("\n").at(-1)!)
    : undefined;

  console.error("bench:report — step 3 of 4: cross-talk");
  // It exits 1 when a loop falls short, and still prints its figures.
  const guard = await run("cross-talk guard", [...crossTalkArgs, "--json"]);
  const last = guard.stdout.trim().split("\n").at(-1);
  const crossTalk: CrossTalkReport | undefined = last?.startsWith("{")
    ? JSON.parse(last)
    : undefined;

  console.error("bench:report — step 4 of 4: BENCHMARKS.md and README.md");
  const results: Run = { groups, memory, crossTalk };
  const targets = targetsTable(results);
  const headline = [
    targets.headline,
    "",
    `Ratios of ${STAT} time per iteration from one run on a shared ` +
    `${navigator.hardwareConcurrency}-core ${output.cpu} machine, ` +
    `Deno ${Deno.version.deno}; details in [BENCHMARKS.md](BENCHMARKS.md).`,
  ].join("\n");
  const document = [
    "# Benchmarks",
    "",
    "Generated by `deno task bench:report` (tools/bench_report.ts); do not " +
    "edit by hand. `deno task bench` runs the same benchmarks and prints " +
    "them. The targets are the `TARGETS` table in tools/bench_report.ts.",
    "",
    "**Read these as ratios from one run on a shared " +
    `${navigator.hardwareConcurrency}-core machine**: other ` +
    "processes may run at the same time (see the load average), so absolute times are " +
    "noisy and only the ratios between rows of the same group, measured in " +
    "the same run, are meant to be compared.",
    "",
    "## Machine",
    "",
    ...await machine(output, loads),
    "",
    "## Targets",
    "",
    `${targets.met} of ${CONDITIONS} conditions met; ` +
    `${TARGETS.length - CONDITIONS} comparisons reported without a goal.`,
    "",
    targets.markdown,
    "",
    "Retired targets:",
    "",
    ...RETIRED.map((reason) => `- ${reason}`),
    "",
    "## Memory",
    "",
    memorySection(memory),
    "",
    "## Cross-talk",
    "",
    crossTalkSection(crossTalk),
    "",
    "## Groups",
    "",
    `Each group answers one question; its **bold** row is the limit (the ` +
    "`baseline`: a raw `set`/`subarray` loop with a hand-kept position doing " +
    `the same bytes). Column ×X shows how many times as fast this row is as ` +
    `row X (${STAT} time of X ÷ ${STAT} time of this row): above 1 is faster, ` +
    "below 1 slower. `n` is the number of timed iterations; " +
    "`min` is the fastest iteration, the least disturbed by " +
    "other processes; `avg` includes the time they took. For chunks of a " +
    "few bytes a plain byte loop beats the `subarray` + `set` limit, because " +
    "it allocates no view: the 16 B read group shows one for reference. " +
    "In the typed-number groups the floor row is the limit's loop with its " +
    "position kept in an object, as any cursor must keep it between calls; " +
    "the gap between limit and floor is that store and load per number. " +
    "In the varint groups the limit is the cursor's own decoder or encoder " +
    "written out by hand, its position in a local.",
    ...(notes.length > 0
      ? ["", "Notes on this run:", "", ...notes.map((n) => `- ${n}`)]
      : []),
    "",
    [...groups.values()].map(groupSection).join("\n\n"),
    "",
  ].join("\n");
  await Deno.writeTextFile("BENCHMARKS.md", document);
  console.error("  wrote BENCHMARKS.md");

  const readme = await Deno.readTextFile("README.md");
  const marked = /(<!-- bench:start -->\n)[\s\S]*?(<!-- bench:end -->)/;
  if (marked.test(readme)) {
    await Deno.writeTextFile(
      "README.md",
      readme.replace(
        marked,
        (_, open, close) => `${open}${headline}\n${close}`,
      ),
    );
    console.error("  updated the table in README.md");
  } else {
    console.error("  README.md has no bench markers: left as it was");
  }
  await run("deno fmt", ["fmt", "-q", "BENCHMARKS.md", "README.md"]);
  console.error(
    `bench:report — ${targets.met} of ${CONDITIONS} target conditions met`,
  );
}

if (import.meta.main) await main();
