import assert from "node:assert/strict";
import {
  Cursor,
  CursorClosedError,
  CursorFullError,
  CursorReadOnlyError,
  SeekMode,
  UnexpectedEofError,
} from "@iocursor/cursor";
import { byteCount } from "./_assert_test_util.ts";

Deno.test("Cursor errors describe every kind of offending value", () => {
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
    [[], "an array"],
    [[1, 2], "an array"],
    [{}, "an instance of Object"],
    [{ length: 3 }, "an instance of Object"],
    [Object.create(null), "an instance of Object"],
    [new DataView(new ArrayBuffer(1)), "an instance of DataView"],
    [new (class Custom {})(), "an instance of Custom"],
    [new (class {})(), "an instance of Object"],
    [Symbol("s"), "Symbol(s)"],
    [() => 1, "a function"],
    [class {}, "a function"],
  ];
  const memory = new Uint8Array(1);
  for (const [value, expected] of cases) {
    assert.throws(() => new Cursor(memory, { readOnly: value as boolean }), {
      name: "TypeError",
      message:
        `Cannot create a cursor: options.readOnly must be a boolean, received ${expected}`,
    });
  }
  // readOnly takes booleans and defaults when null or undefined, so these are
  // described where a number is due.
  for (const value of [true, false, undefined, null]) {
    assert.throws(
      () => new Cursor(memory).seekSync(value as never, SeekMode.Start),
      {
        name: "TypeError",
        message:
          `Cannot seek: offset must be a number or bigint, received ${value}`,
      },
    );
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

Deno.test("CursorFullError and UnexpectedEofError write 1 byte in the singular and every other count in the plural", () => {
  assert.deepEqual([0, 1, 2, 65536].map(byteCount), [
    "0 bytes",
    "1 byte",
    "2 bytes",
    "65536 bytes",
  ]);
  const cases: [number, number, string, string][] = [
    [1, 0, "1 byte", "0 bytes"],
    [0, 1, "0 bytes", "1 byte"],
    [2, 65536, "2 bytes", "65536 bytes"],
  ];
  for (const [requested, available, want, have] of cases) {
    assert.equal(
      new CursorFullError("write", requested, available).message,
      `Cannot write ${want}: there is room for ${have} before the end`,
    );
    assert.equal(
      new UnexpectedEofError("read exactly", requested, available).message,
      `Cannot read exactly ${want}: only ${have} ${
        available === 1 ? "remains" : "remain"
      }`,
    );
  }
});
