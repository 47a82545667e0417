/**
 * The cross-talk guard: the headline loops over plain memory, timed in a new
 * process, and in a second process that first ran
 * {@linkcode exerciseEverything}: every public operation on every kind of
 * memory. The engine's type feedback is per call site and its field
 * representations per class, shared by the whole process, so a library whose
 * fast paths see several kinds of memory, or a position held as a double,
 * slows every cursor of a program that has used them. The loops are first
 * compiled in the second process after the warm-up, as a program's parser
 * would be: timing them again in the first process would reuse code compiled
 * before the warm-up, which can hide what the warm-up taught the engine.
 *
 * Each loop has call sites of its own, as a program's parser would; the
 * warm-up uses others. Every loop is timed many times, round-robin with the
 * others and with its limit (the same work by hand, which calls no library
 * code: it shows what the machine did meanwhile), and the fastest run
 * counts, the measurement least disturbed by other processes. The guard
 * fails (exit 1) when a loop runs at less than {@linkcode FLOOR} of its fresh
 * speed after the warm-up, after re-timing it in up to two more processes.
 *
 * The first process also times the loops after it detached one cursor's
 * buffer, as a program that hands memory to a worker does: V8 slows
 * `DataView` accesses in the whole process once a buffer under a `DataView`
 * has been detached or any resizable buffer has shrunk, for hand-written
 * loops as for cursors, and no library can avoid that (see
 * bench/_everything.ts); the warm-up does both. That is the baseline the
 * guard holds the warmed loops to, so that the engine's share is shown apart
 * from the library's; the report also compares with the new process.
 *
 * `deno task bench` runs it; `--json` prints what `deno task bench:report`
 * puts in its cross-talk table.
 *
 * ```sh
 * deno run --allow-read --allow-env --allow-run bench/crosstalk.ts [--json]
 * ```
 *
 * @module
 */

import { Cursor } from "../mod.ts";
import {
  decodeVarUint32,
  encodeVarints,
  encodeVarUint32,
  filled,
  KiB,
  MiB,
  varintValues,
} from "./_util.ts";
import { detachOneBuffer, exerciseEverything } from "./_everything.ts";

/** The least speed after the warm-up, as a share of the fresh speed. */
export const FLOOR = 0.9;
/** Timed runs of each loop per measurement. */
const RUNS = 150;

/**
 * One headline loop: the bench group it mirrors, what it does with a
 * cursor, and the same work done by hand (the group's limit), which nothing
 * the warm-up does can slow: it calls no library code.
 */
interface Loop {
  group: string;
  run(): number;
  limit(): number;
}

const MEMORY = filled(MiB);
const SOURCE = filled(256 * KiB);
const TARGET = new Uint8Array(256 * KiB);
const CHUNK = filled(16);
const P = new Uint8Array(16);
const TARGET_VARINTS = new Uint8Array(MiB);
/**
 * Values of unsigned varints of 1 to 5 bytes and their encoding, as in
 * bench/varints.ts: 1 MiB, and 4 zeros after it so that the limit's decode
 * can load 5 bytes at the last.
 */
const VARINT_VALUES = varintValues(MiB, 5).map(Number);
const VARINTS = new Uint8Array(MiB + 4);
VARINTS.set(encodeVarints(VARINT_VALUES.map(BigInt), MiB));

/** Where results go so that the engine cannot drop the loops' work. */
const sink: { value: unknown } = { value: undefined };

/**
 * The headline groups of bench/cursor.ts, bench/views.ts and
 * bench/varints.ts.
 */
export const LOOPS: Loop[] = [
  {
    group: "readUint32 over 1 MiB",
    run(): number {
      const cursor = new Cursor(MEMORY);
      sink.value = cursor;
      let sum = 0;
      for (let n = MiB / 4; n > 0; n--) sum += cursor.readUint32();
      return sum;
    },
    limit(): number {
      const view = new DataView(MEMORY.buffer);
      let sum = 0;
      for (let position = 0; position + 4 <= view.byteLength; position += 4) {
        sum += view.getUint32(position);
      }
      return sum;
    },
  },
  {
    group: "writeUint32 over 1 MiB",
    run(): number {
      const cursor = new Cursor(MEMORY);
      sink.value = cursor;
      for (let n = MiB / 4; n > 0; n--) cursor.writeUint32(n);
      return cursor.position;
    },
    limit(): number {
      const view = new DataView(MEMORY.buffer);
      let position = 0;
      for (let n = MiB / 4; n > 0; n--) {
        if (position + 4 > view.byteLength) throw new RangeError("full");
        view.setUint32(position, n);
        position += 4;
      }
      return position;
    },
  },
  {
    group: "read 1 MiB in 16 B chunks (4 passes over 256 KiB)",
    run(): number {
      const cursor = new Cursor(SOURCE);
      sink.value = cursor;
      let reads = 0;
      for (let pass = 0; pass < 4; pass++) {
        cursor.position = 0;
        while (cursor.readSync(P) !== null) reads++;
      }
      return reads;
    },
    limit(): number {
      let reads = 0;
      for (let pass = 0; pass < 4; pass++) {
        for (let at = 0; at < SOURCE.byteLength; at += 16) {
          P.set(SOURCE.subarray(at, at + 16));
          reads++;
        }
      }
      return reads;
    },
  },
  {
    group: "write 1 MiB in 16 B chunks (4 passes over 256 KiB)",
    run(): number {
      const cursor = new Cursor(TARGET);
      sink.value = cursor;
      for (let pass = 0; pass < 4; pass++) {
        cursor.position = 0;
        for (let n = TARGET.byteLength / 16; n > 0; n--) {
          cursor.writeSync(CHUNK);
        }
      }
      return cursor.position;
    },
    limit(): number {
      let position = 0;
      for (let pass = 0; pass < 4; pass++) {
        for (position = 0; position < TARGET.byteLength; position += 16) {
          TARGET.set(CHUNK, position);
        }
      }
      return position;
    },
  },
  {
    group: "read 1 MiB of mixed-length unsigned varints (sizes 1-5 bytes)",
    run(): number {
      const cursor = new Cursor(VARINTS);
      sink.value = cursor;
      let sum = 0;
      for (let n = VARINT_VALUES.length; n > 0; n--) {
        sum += cursor.readVarUint32();
      }
      return sum;
    },
    limit(): number {
      const state = new Int32Array(1);
      let sum = 0;
      for (let n = VARINT_VALUES.length; n > 0; n--) {
        sum += decodeVarUint32(VARINTS, state);
      }
      return sum;
    },
  },
  {
    group: "write 1 MiB of mixed-length unsigned varints (sizes 1-5 bytes)",
    run(): number {
      const cursor = new Cursor(TARGET_VARINTS);
      sink.value = cursor;
      for (let i = 0; i < VARINT_VALUES.length; i++) {
        cursor.writeVarUint32(VARINT_VALUES[i]!);
      }
      return cursor.position;
    },
    limit(): number {
      let at = 0;
      for (let i = 0; i < VARINT_VALUES.length; i++) {
        at = encodeVarUint32(TARGET_VARINTS, at, VARINT_VALUES[i]!);
      }
      return at;
    },
  },
  {
    group: "take(16)",
    run(): number {
      const cursor = new Cursor(SOURCE);
      sink.value = cursor;
      let taken = 0;
      for (let pass = 0; pass < 4; pass++) {
        cursor.position = 0;
        for (let n = SOURCE.byteLength / 16; n > 0; n--) {
          taken += cursor.take(16).byteLength;
        }
      }
      return taken;
    },
    limit(): number {
      let taken = 0;
      for (let pass = 0; pass < 4; pass++) {
        for (let at = 0; at < SOURCE.byteLength; at += 16) {
          taken += SOURCE.subarray(at, at + 16).byteLength;
        }
      }
      return taken;
    },
  },
];

/** The fastest of `runs` timed runs of `f`, in nanoseconds. */
function fastest(f: () => number, best: number): number {
  const start = performance.now();
  sink.value = f();
  return Math.min(best, (performance.now() - start) * 1e6);
}

/** A loop's fastest times with a cursor and by hand, in nanoseconds. */
interface Times {
  cursor: number;
  limit: number;
}

/**
 * The fastest of `runs` timed runs of each loop and of its limit,
 * round-robin, so that what the machine does meanwhile falls on all alike.
 */
function measure(loops: Loop[], runs: number): Map<Loop, Times> {
  const times = new Map(
    loops.map((loop) => [loop, { cursor: Infinity, limit: Infinity }]),
  );
  for (let i = 0; i < runs; i++) {
    for (const loop of loops) {
      const time = times.get(loop)!;
      time.cursor = fastest(loop.run, time.cursor);
      time.limit = fastest(loop.limit, time.limit);
    }
  }
  return times;
}

/** One loop's times, in nanoseconds, and the speed it kept. */
export interface CrossTalkRow {
  group: string;
  /**
   * The fastest runs with a cursor: in the new process, there once a buffer
   * was detached (the baseline), and in a process that ran everything first.
   */
  cursor: [pristine: number, fresh: number, warmed: number];
  /** The same for the limit. */
  limit: [pristine: number, fresh: number, warmed: number];
  /** Fresh time ÷ time after everything, for the cursor: 1 is no change. */
  kept: number;
}

/**
 * The second process: runs everything, then times the loops named in
 * `groups` (all when empty) and prints their times as JSON.
 */
async function warmedPhase(groups: string[]): Promise<void> {
  for (let round = 0; round < 3; round++) await exerciseEverything();
  const loops = LOOPS.filter((loop) =>
    groups.length === 0 || groups.includes(loop.group)
  );
  const times = measure(loops, RUNS);
  console.log(JSON.stringify(
    loops.map((loop) => ({ group: loop.group, ...times.get(loop)! })),
  ));
}

/** Runs {@linkcode warmedPhase} in a new process, for `loops`. */
async function warmed(loops: Loop[]): Promise<Map<Loop, Times>> {
  const output = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--allow-read",
      "--allow-env",
      new URL(import.meta.url).pathname,
      WARMED,
      ...loops.map((loop) => loop.group),
    ],
    stderr: "inherit",
  }).output();
  if (!output.success) throw new Error("cross-talk: the warmed process failed");
  const rows: ({ group: string } & Times)[] = JSON.parse(
    new TextDecoder().decode(output.stdout).trim().split("\n").at(-1)!,
  );
  return new Map(
    rows.map((row) => [loops.find((loop) => loop.group === row.group)!, row]),
  );
}

/** The flag that makes the script the second process. */
const WARMED = "--warmed-phase";

/**
 * Times every loop in this new process, detaches a buffer and times them
 * again, then in a process that ran everything first.
 */
export async function crossTalk(): Promise<CrossTalkRow[]> {
  const pristine = measure(LOOPS, RUNS);
  detachOneBuffer();
  const fresh = measure(LOOPS, RUNS);
  const after = await warmed(LOOPS);
  const kept = (loop: Loop) =>
    fresh.get(loop)!.cursor / after.get(loop)!.cursor;
  // A busy moment of the machine can fall on one measurement: re-time the
  // loops that fell short in new processes, twice at most, and keep their
  // fastest runs.
  for (let retry = 0; retry < 2; retry++) {
    const short = LOOPS.filter((loop) => kept(loop) < FLOOR);
    if (short.length === 0) break;
    for (const [loop, time] of await warmed(short)) {
      const old = after.get(loop)!;
      old.cursor = Math.min(old.cursor, time.cursor);
      old.limit = Math.min(old.limit, time.limit);
    }
  }
  return LOOPS.map((loop) => {
    const [a, b, c] = [pristine, fresh, after].map((times) => times.get(loop)!);
    return {
      group: loop.group,
      cursor: [a!.cursor, b!.cursor, c!.cursor],
      limit: [a!.limit, b!.limit, c!.limit],
      kept: kept(loop),
    };
  });
}

if (import.meta.main && Deno.args[0] === WARMED) {
  await warmedPhase(Deno.args.slice(1));
} else if (import.meta.main) {
  const rows = await crossTalk();
  const failed = rows.filter((row) => row.kept < FLOOR);
  if (Deno.args.includes("--json")) {
    console.log(JSON.stringify({ floor: FLOOR, runs: RUNS, rows }));
  } else {
    const µs = (times: number[]) =>
      times.map((time) => (time / 1e3).toFixed(1)).join(" → ");
    console.table(rows.map((row) => ({
      group: row.group,
      "cursor (µs): new process → a buffer detached → after everything": µs(
        row.cursor,
      ),
      "limit (µs)": µs(row.limit),
      "speed kept": `${(row.kept * 100).toFixed(1)}%`,
    })));
  }
  if (failed.length > 0) {
    console.error(
      `cross-talk: ${failed.length} of ${rows.length} loops ran at less than ${
        FLOOR * 100
      }% of their fresh speed after every operation ran on every kind of memory: ${
        failed.map((row) => row.group).join("; ")
      }`,
    );
    Deno.exit(1);
  }
  console.error(
    `cross-talk: every loop kept at least ${
      FLOOR * 100
    }% of its fresh speed after every operation ran on every kind of memory`,
  );
}
