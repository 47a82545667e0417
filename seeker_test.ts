/**
 * `SeekMode` and the position arithmetic of seeker.ts, through the public
 * API: one Go-style table of seeks on a 10-byte cursor, run by
 * `Cursor.seekSync()` and `Cursor.seek()`, and by the `position` setter for
 * the rows that seek from the start; then seeking over every backing kind.
 */

import assert from "node:assert/strict";
import { Cursor, CursorFullError, SeekMode } from "@iocursor/cursor";
import {
  byteCount,
  exactly,
  promised,
  WHENCE_REASON,
} from "./_assert_test_util.ts";
import { testEveryBacking } from "./_backing_test_util.ts";
import { missing, requires } from "./_runtime_test_util.ts";

const MAX = Number.MAX_SAFE_INTEGER;
const BIG_MAX = BigInt(MAX);
const EIGHT = [1, 2, 3, 4, 5, 6, 7, 8];

/** A failure: the exact error class and the message after "Cannot seek". */
type Failure = [ErrorConstructor, string];

/** One seek on a 10-byte cursor: from `start`, to a position or a failure. */
type Seek = [start: number, offset: unknown, whence: unknown, Failure | number];

/** `to ${target}: the position must be ...` for a target out of range. */
function outOfRange(target: bigint): Failure {
  const bound = target < 0n ? ">= 0" : `<= ${MAX}`;
  return [RangeError, ` to ${target}: the position must be ${bound}`];
}

/** Offsets that are numbers or bigints but not safe integers. */
const UNSAFE: [number | bigint, string][] = [
  [NaN, "NaN"],
  [Infinity, "Infinity"],
  [-Infinity, "-Infinity"],
  [0.5, "0.5"],
  [-1.25, "-1.25"],
  [MAX + 1, "9007199254740992"],
  [-(MAX + 1), "-9007199254740992"],
  [1e300, "1e+300"],
  [BIG_MAX + 1n, "9007199254740992n"],
  [-BIG_MAX - 1n, "-9007199254740992n"],
  // A lossy Number() first would make this 2 ** 53 + 2 or round it.
  [BIG_MAX + 2n, "9007199254740993n"],
  [2n ** 64n, "18446744073709551616n"],
  [-(2n ** 64n), "-18446744073709551616n"],
  [10n ** 30n, `${10n ** 30n}n`],
];

/** Offsets of the wrong type. */
const NOT_OFFSETS: [unknown, string][] = [
  ["0", '"0"'],
  ["", '""'],
  [undefined, "undefined"],
  [null, "null"],
  [true, "true"],
  [[1], "an array"],
  [{ valueOf: () => 1 }, "an instance of Object"],
  [new Number(1), "an instance of Number"],
  [Symbol.iterator, "Symbol(Symbol.iterator)"],
];

/** Values of whence that are not 0, 1 or 2, and the error class they get. */
const NOT_WHENCE: [unknown, ErrorConstructor, string][] = [
  [3, RangeError, "3"],
  [-1, RangeError, "-1"],
  [-0.5, RangeError, "-0.5"],
  [1.5, RangeError, "1.5"],
  [NaN, RangeError, "NaN"],
  [Infinity, RangeError, "Infinity"],
  ["0", TypeError, '"0"'],
  ["Start", TypeError, '"Start"'],
  [undefined, TypeError, "undefined"],
  [null, TypeError, "null"],
  [0n, TypeError, "0n"],
  [{}, TypeError, "an instance of Object"],
];

const { Start, Current, End } = SeekMode;

/** Every seek the suite checks. */
const SEEKS: Seek[] = [
  // The offset is added to the origin whence names.
  [4, 0, Start, 0],
  [0, 5, Start, 5],
  [0, 10, Start, 10],
  [0, 11, Start, 11],
  [5, 20, Start, 20],
  [3, 2, Current, 5],
  [3, -3, Current, 0],
  [5, 0, Current, 5],
  [12, 0, Current, 12],
  [0, 0, End, 10],
  [5, -10, End, 0],
  [0, 5, End, 15],
  [0, 2 ** 31, Start, 2 ** 31],
  [0, 2 ** 32, End, 2 ** 32 + 10],
  [0, MAX, Start, MAX],
  [0, MAX - 10, End, MAX],
  [MAX - 1, 1, Current, MAX],
  [MAX, -MAX, Current, 0],
  [MAX, 0, Current, MAX],
  [6, -0, Start, 0],
  // A bigint offset is exact, and the position is a number.
  [0, 5n, Start, 5],
  [7, -2n, Current, 5],
  [0, BIG_MAX, Start, MAX],
  [MAX, -BIG_MAX, Current, 0],
  [0, -0n, End, 10],
  // A target out of range is named exactly, even past 2 ** 53.
  [0, -1, Start, outOfRange(-1n)],
  [0, -1n, Start, outOfRange(-1n)],
  [3, -4, Current, outOfRange(-1n)],
  [0, -11, End, outOfRange(-1n)],
  [0, -MAX, Start, outOfRange(-BIG_MAX)],
  [0, -MAX, End, outOfRange(10n - BIG_MAX)],
  [1, MAX, Current, outOfRange(BIG_MAX + 1n)],
  [MAX, 2, Current, outOfRange(BIG_MAX + 2n)],
  [MAX - 1, MAX, Current, outOfRange(2n * BIG_MAX - 1n)],
  [0, MAX - 9, End, outOfRange(BIG_MAX + 1n)],
  [0, MAX, End, outOfRange(BIG_MAX + 10n)],
  // The offset is checked before whence.
  [0, NaN, 7, [RangeError, ": offset must be a safe integer, received NaN"]],
  ...UNSAFE.map(([offset, described], i): Seek => [
    0,
    offset,
    [Start, Current, End][i % 3],
    [RangeError, `: offset must be a safe integer, received ${described}`],
  ]),
  ...NOT_OFFSETS.map(([offset, described]): Seek => [
    0,
    offset,
    Start,
    [TypeError, `: offset must be a number or bigint, received ${described}`],
  ]),
  ...NOT_WHENCE.map(([whence, errorClass, described]): Seek => [
    3,
    0,
    whence,
    [errorClass, `: ${WHENCE_REASON} ${described}`],
  ]),
];

/** A readable name for a table value. */
function show(value: unknown): string {
  if (typeof value === "bigint") return `${value}n`;
  if (Object.is(value, -0)) return "-0";
  if (typeof value === "symbol") return String(value);
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object" && value !== null) return "an object";
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

Deno.test("SeekMode is Start 0, Current 1 and End 2, as in Deno and @std/io", () => {
  assert.equal(SeekMode.Start, 0);
  assert.equal(SeekMode.Current, 1);
  assert.equal(SeekMode.End, 2);
  assert.deepEqual(
    Object.keys(SeekMode).filter((key) => Number.isNaN(Number(key))),
    ["Start", "Current", "End"],
  );
});

Deno.test(requires(missing.deno, {
  name: "SeekMode has the values of Deno.SeekMode",
  fn() {
    assert.equal(SeekMode.Start, Deno.SeekMode.Start);
    assert.equal(SeekMode.Current, Deno.SeekMode.Current);
    assert.equal(SeekMode.End, Deno.SeekMode.End);
    const cursor = new Cursor(new Uint8Array(10));
    assert.equal(cursor.seekSync(4, Deno.SeekMode.Start), 4);
    assert.equal(cursor.seekSync(1, Deno.SeekMode.Current), 5);
    assert.equal(cursor.seekSync(-1, Deno.SeekMode.End), 9);
    assert.equal(cursor.position, 9);
  },
}));

for (const [start, offset, whence, want] of SEEKS) {
  const call = `seekSync(${show(offset)}, ${show(whence)}) from ${start}`;
  const outcome = typeof want === "number"
    ? `gives ${want}`
    : `throws ${want[0].name}`;
  Deno.test(`Cursor.${call} ${outcome}, as does seek()`, async () => {
    const cursor = new Cursor(new Uint8Array(10));
    cursor.position = start;
    const sync = () => cursor.seekSync(offset as number, whence as SeekMode);
    const async = () =>
      promised(cursor.seek(offset as number, whence as SeekMode));
    if (typeof want === "number") {
      const position = sync();
      assert(Object.is(position, want), `seekSync() gave ${show(position)}`);
      assert(Object.is(cursor.position, want), "position differs (or is -0)");
      cursor.position = start;
      assert(Object.is(await async(), want), "seek() differs (or is -0)");
      assert(Object.is(cursor.position, want), "position differs (or is -0)");
    } else {
      const [errorClass, reason] = want;
      assert.throws(sync, exactly(errorClass, `Cannot seek${reason}`));
      assert.equal(cursor.position, start);
      await assert.rejects(
        async(),
        exactly(errorClass, `Cannot seek${reason}`),
      );
      assert.equal(cursor.position, start);
    }
  });
}

Deno.test("Cursor.position setter validates like seekSync(value, SeekMode.Start)", () => {
  const cursor = new Cursor(new Uint8Array(10));
  for (const [, offset, whence, want] of SEEKS) {
    if (whence !== Start) continue;
    cursor.position = 4;
    const set = () => cursor.position = offset as number;
    if (typeof want === "number") {
      set();
      assert(Object.is(cursor.position, want), `set ${show(offset)}`);
    } else {
      const [errorClass, reason] = want;
      const message = `Cannot set position${
        reason.replace(": offset", ": the value")
      }`;
      assert.throws(set, exactly(errorClass, message));
      assert.equal(cursor.position, 4);
    }
  }
  cursor.position = 2 ** 40;
  assert.equal(cursor.position, 2 ** 40);
});

// --- Seeking every backing, and past the end ---------------------------------

testEveryBacking(
  "Cursor.seekSync() moves relative to every whence, counting bytes",
  EIGHT,
  (backing) => {
    const cursor = new Cursor(backing.source);
    // [offset, whence, new position]: each from the previous position.
    const cases: [number | bigint, SeekMode, number][] = [
      [3, SeekMode.Start, 3],
      [2, SeekMode.Current, 5],
      [-4, SeekMode.Current, 1],
      [0, SeekMode.Current, 1],
      [-3, SeekMode.End, 5],
      [0, SeekMode.End, 8],
      [-8, SeekMode.End, 0],
      [6n, SeekMode.Start, 6],
      [-2n, SeekMode.Current, 4],
      [-1n, SeekMode.End, 7],
      [0n, SeekMode.Start, 0],
      [BigInt(MAX), SeekMode.Start, MAX],
      [MAX - 8, SeekMode.End, MAX],
      [-MAX, SeekMode.Current, 0],
    ];
    for (const [offset, whence, expected] of cases) {
      assert.equal(cursor.seekSync(offset, whence), expected);
      assert.equal(cursor.position, expected);
    }
  },
);

Deno.test("Cursor.seekSync() turns -0 into position 0", () => {
  const cursor = new Cursor(new Uint8Array(4));
  for (const whence of [SeekMode.Start, SeekMode.Current, SeekMode.End]) {
    cursor.position = whence === SeekMode.End ? 4 : 0;
    const expected = whence === SeekMode.End ? 4 : 0;
    assert.ok(Object.is(cursor.seekSync(-0, whence), expected));
    assert.ok(Object.is(cursor.position, expected));
  }
});

testEveryBacking(
  "Cursor.seekSync() past the end is legal: reads give null, writes fail",
  EIGHT,
  (backing) => {
    const cursor = new Cursor(backing.source);
    assert.equal(cursor.seekSync(4, SeekMode.End), 12);
    assert.equal(cursor.position, 12);
    assert.equal(cursor.remaining, 0);
    assert.equal(cursor.readSync(new Uint8Array(1)), null);
    // Memory that grows in place has `growth` more room before it is full.
    const room = Math.max(0, 8 + backing.growth - 12);
    assert.throws(
      () => cursor.writeSync(new Uint8Array(room + 1)),
      exactly(
        CursorFullError,
        `Cannot write ${byteCount(room + 1)}: there is room for ${
          byteCount(room)
        } before the end`,
      ),
    );
    assert.equal(cursor.position, 12);
    assert.equal(cursor.byteLength, 8);
    assert.equal(cursor.seekSync(-5, SeekMode.Current), 7);
    const p = new Uint8Array(4);
    assert.equal(cursor.readSync(p), 1);
    assert.equal(p[0], 8);
    assert.equal(cursor.position, 8);
    assert.deepEqual([...backing.view()], EIGHT);
  },
);

Deno.test("Cursor.position setter accepts a bigint within range, like seekSync()", () => {
  const cursor = new Cursor(new Uint8Array(10));
  cursor.position = 7n as unknown as number;
  assert.equal(cursor.position, 7);
  assert.equal(typeof cursor.position, "number");
  assert.throws(() => cursor.position = (2n ** 64n) as unknown as number, {
    name: "RangeError",
    message:
      "Cannot set position: the value must be a safe integer, received 18446744073709551616n",
  });
  assert.equal(cursor.position, 7);
});
