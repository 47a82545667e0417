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
  assert.equal(error.code, "ERR_CURSOR_CLOSED");
});

Deno.test("CursorReadOnlyError names the action and the read-only state", () => {
  const error = new CursorReadOnlyError("write");
  assert.ok(error instanceof Error);
  assert.ok(!(error instanceof RangeError) && !(error instanceof TypeError));
  assert.equal(error.name, "CursorReadOnlyError");
  assert.equal(error.message, "Cannot write: the cursor is read-only");
  assert.equal(error.code, "ERR_CURSOR_READ_ONLY");
});

Deno.test("CursorFullError is a RangeError carrying requested and available", () => {
  const error = new CursorFullError("write", 10, 4);
  assert.ok(error instanceof RangeError);
  assert.equal(error.name, "CursorFullError");
  assert.equal(
    error.message,
    "Cannot write 10 bytes: there is room for 4 bytes before the end",
  );
  assert.equal(error.code, "ERR_CURSOR_FULL");
  assert.equal(error.requested, 10);
  assert.equal(error.available, 4);
});

Deno.test("UnexpectedEofError is a RangeError carrying requested and available", () => {
  const error = new UnexpectedEofError("read exactly", 8, 1);
  assert.ok(error instanceof RangeError);
  assert.equal(error.name, "UnexpectedEofError");
  assert.equal(
    error.message,
    "Cannot read exactly 8 bytes: only 1 byte remains",
  );
  assert.equal(error.code, "ERR_UNEXPECTED_EOF");
  assert.equal(error.requested, 8);
  assert.equal(error.available, 1);
});

Deno.test("Cursor errors carry their code as an own enumerable property, as Node's errors do", () => {
  const cases: [Error & { code: string }, string][] = [
    [new CursorClosedError("read"), "ERR_CURSOR_CLOSED"],
    [new CursorReadOnlyError("write"), "ERR_CURSOR_READ_ONLY"],
    [new CursorFullError("write", 2, 1), "ERR_CURSOR_FULL"],
    [new UnexpectedEofError("read exactly", 2, 1), "ERR_UNEXPECTED_EOF"],
  ];
  for (const [error, code] of cases) {
    assert.deepEqual(Object.getOwnPropertyDescriptor(error, "code"), {
      value: code,
      writable: true,
      enumerable: true,
      configurable: true,
    });
    assert.ok(Object.keys(error).includes("code"));
  }
  // Each code is a literal type, so a check narrows, and is readonly.
  const closed: "ERR_CURSOR_CLOSED" = new CursorClosedError("read").code;
  const eof: "ERR_UNEXPECTED_EOF" = new UnexpectedEofError("read", 2, 1).code;
  assert.deepEqual([closed, eof], ["ERR_CURSOR_CLOSED", "ERR_UNEXPECTED_EOF"]);
  const full = new CursorFullError("write", 2, 1);
  // @ts-expect-error: code is readonly
  full.code = "ERR_CURSOR_CLOSED";
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
