import assert from "node:assert/strict";
import {
  resolvePosition as _resolvePosition,
  toOffset as _toOffset,
} from "./_position.ts";
import { SeekMode } from "./seeker.ts";
import { exactly } from "./_assert_test_util.ts";

const MAX = Number.MAX_SAFE_INTEGER;
const BIG_MAX = BigInt(MAX);

Deno.test("SeekMode has the values of Deno.SeekMode and @std/io", () => {
  assert.equal(SeekMode.Start, 0);
  assert.equal(SeekMode.Current, 1);
  assert.equal(SeekMode.End, 2);
  assert.equal(SeekMode.Start, Deno.SeekMode.Start);
  assert.equal(SeekMode.Current, Deno.SeekMode.Current);
  assert.equal(SeekMode.End, Deno.SeekMode.End);
  assert.deepEqual(
    Object.keys(SeekMode).filter((key) => Number.isNaN(Number(key))),
    ["Start", "Current", "End"],
  );
});

Deno.test("_toOffset() returns a safe integer number or bigint as an exact number", () => {
  const cases: [unknown, number][] = [
    [0, 0],
    [7, 7],
    [-7, -7],
    [MAX, MAX],
    [-MAX, -MAX],
    [0n, 0],
    [7n, 7],
    [-7n, -7],
    [BIG_MAX, MAX],
    [-BIG_MAX, -MAX],
  ];
  for (const [value, expected] of cases) {
    const offset = _toOffset("seek", "offset", value);
    assert.equal(typeof offset, "number");
    assert.equal(offset, expected);
  }
});

Deno.test("_toOffset() throws RangeError for a number or bigint that is not a safe integer", () => {
  const cases: [unknown, string][] = [
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
  ];
  for (const [value, described] of cases) {
    assert.throws(
      () => _toOffset("read at", "position", value),
      exactly(
        RangeError,
        `Cannot read at: position must be a safe integer, received ${described}`,
      ),
    );
  }
});

Deno.test("_toOffset() throws TypeError for anything but a number or bigint", () => {
  const cases: [unknown, string][] = [
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
  for (const [value, described] of cases) {
    assert.throws(
      () => _toOffset("seek", "offset", value),
      exactly(
        TypeError,
        `Cannot seek: offset must be a number or bigint, received ${described}`,
      ),
    );
  }
});

Deno.test("_resolvePosition() adds the offset to the origin whence names", () => {
  // [offset, whence, position, end, expected]
  const cases: [number, SeekMode, number, number, number][] = [
    [0, SeekMode.Start, 5, 10, 0],
    [4, SeekMode.Start, 5, 10, 4],
    [20, SeekMode.Start, 5, 10, 20],
    [0, SeekMode.Current, 5, 10, 5],
    [3, SeekMode.Current, 5, 10, 8],
    [-5, SeekMode.Current, 5, 10, 0],
    [0, SeekMode.End, 5, 10, 10],
    [-10, SeekMode.End, 5, 10, 0],
    [7, SeekMode.End, 5, 10, 17],
    [MAX, SeekMode.Start, 0, 0, MAX],
    [1, SeekMode.Current, MAX - 1, 0, MAX],
    [MAX - 10, SeekMode.End, 0, 10, MAX],
    [-MAX, SeekMode.Current, MAX, 0, 0],
    [0, SeekMode.Current, MAX, 0, MAX],
  ];
  for (const [offset, whence, position, end, expected] of cases) {
    assert.equal(
      _resolvePosition("seek", offset, whence, position, end),
      expected,
    );
  }
});

Deno.test("_resolvePosition() throws RangeError naming the exact position out of range", () => {
  // [offset, whence, position, end, exact target, bound]
  const cases: [number, SeekMode, number, number, bigint, string][] = [
    [-1, SeekMode.Start, 5, 10, -1n, ">= 0"],
    [-6, SeekMode.Current, 5, 10, -1n, ">= 0"],
    [-11, SeekMode.End, 5, 10, -1n, ">= 0"],
    [-MAX, SeekMode.Start, 0, 0, -BIG_MAX, ">= 0"],
    [-MAX, SeekMode.End, 0, 3, 3n - BIG_MAX, ">= 0"],
    [1, SeekMode.Current, MAX, 0, BIG_MAX + 1n, `<= ${MAX}`],
    // Sums above 2 ** 53 that a number cannot hold: the message is exact.
    [2, SeekMode.Current, MAX, 0, BIG_MAX + 2n, `<= ${MAX}`],
    [MAX, SeekMode.Current, MAX - 1, 0, 2n * BIG_MAX - 1n, `<= ${MAX}`],
    [MAX, SeekMode.End, 0, MAX, 2n * BIG_MAX, `<= ${MAX}`],
    [3, SeekMode.End, 0, MAX - 1, BIG_MAX + 2n, `<= ${MAX}`],
  ];
  for (const [offset, whence, position, end, target, bound] of cases) {
    assert.throws(
      () => _resolvePosition("seek", offset, whence, position, end),
      exactly(
        RangeError,
        `Cannot seek to ${target}: the position must be ${bound}`,
      ),
    );
  }
});

Deno.test("_resolvePosition() throws for a whence that is not 0, 1 or 2", () => {
  const reason = "whence must be 0 (Start), 1 (Current) or 2 (End), received";
  const cases: [unknown, ErrorConstructor, string][] = [
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
  for (const [whence, errorClass, described] of cases) {
    assert.throws(
      () => _resolvePosition("seek", 0, whence as SeekMode, 5, 10),
      exactly(errorClass, `Cannot seek: ${reason} ${described}`),
    );
  }
});
