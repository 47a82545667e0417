import assert from "node:assert/strict";
import { byteCount as _byteCount, describe as _describe } from "./_checks.ts";
import {
  CursorClosedError,
  CursorFullError,
  CursorReadOnlyError,
} from "./errors.ts";

Deno.test("_describe() names every kind of value for a message", () => {
  const cases: [unknown, string][] = [
    [0, "0"],
    [-0, "-0"],
    [-3, "-3"],
    [0.5, "0.5"],
    [NaN, "NaN"],
    [-Infinity, "-Infinity"],
    [2 ** 53, "9007199254740992"],
    [5n, "5n"],
    [-(10n ** 20n), "-100000000000000000000n"],
    ["0", '"0"'],
    ["", '""'],
    ['say "hi"\n', '"say \\"hi\\"\\n"'],
    [null, "null"],
    [[], "an array"],
    [[1, 2], "an array"],
    [{}, "an instance of Object"],
    [{ length: 3 }, "an instance of Object"],
    [Object.create(null), "an instance of Object"],
    [new DataView(new ArrayBuffer(1)), "an instance of DataView"],
    [new (class Custom {})(), "an instance of Custom"],
    [new (class {})(), "an instance of Object"],
    [undefined, "undefined"],
    [true, "true"],
    [false, "false"],
    [Symbol("s"), "Symbol(s)"],
    [() => 1, "a function"],
    [class {}, "a function"],
  ];
  for (const [value, expected] of cases) {
    assert.equal(_describe(value), expected);
  }
});

Deno.test("CursorClosedError names the action and the closed state", () => {
  const error = new CursorClosedError("seek");
  assert.ok(error instanceof Error);
  assert.ok(!(error instanceof RangeError) && !(error instanceof TypeError));
  assert.equal(error.name, "CursorClosedError");
  assert.equal(error.message, "Cannot seek: the cursor is closed");
});

Deno.test("CursorReadOnlyError names the action and the read-only state", () => {
  const error = new CursorReadOnlyError("write");
  assert.ok(error instanceof Error);
  assert.ok(!(error instanceof RangeError) && !(error instanceof TypeError));
  assert.equal(error.name, "CursorReadOnlyError");
  assert.equal(error.message, "Cannot write: the cursor is read-only");
});

Deno.test("CursorFullError is a RangeError carrying requested and available", () => {
  const error = new CursorFullError("write", 10, 4);
  assert.ok(error instanceof RangeError);
  assert.equal(error.name, "CursorFullError");
  assert.equal(
    error.message,
    "Cannot write 10 bytes: there is room for 4 bytes before the end",
  );
  assert.equal(error.requested, 10);
  assert.equal(error.available, 4);
});

Deno.test("_byteCount() writes 1 byte in the singular and every other count in the plural", () => {
  assert.equal(_byteCount(0), "0 bytes");
  assert.equal(_byteCount(1), "1 byte");
  assert.equal(_byteCount(2), "2 bytes");
  assert.equal(_byteCount(65536), "65536 bytes");
});
