/**
 * Hostile inputs, table-driven: every public method called with every wrong
 * type.
 */

import assert from "node:assert/strict";
import { Cursor, type CursorOptions, SeekMode } from "@iocursor/cursor";
import { WHENCE_REASON } from "./_assert_test_util.ts";
import { VARINT_KINDS } from "./_varint_test_util.ts";

const whenceMessage = `Cannot seek: ${WHENCE_REASON}`;

// ---------------------------------------------------------------------------
// Every public method with every wrong type.

/** Values that are not bytes, with how a message describes them. */
const wrongValues: [unknown, string][] = [
  [undefined, "undefined"],
  [null, "null"],
  [0, "0"],
  [16, "16"],
  [NaN, "NaN"],
  [3n, "3n"],
  ["", '""'],
  ["abcd", '"abcd"'],
  [true, "true"],
  [Symbol("x"), "Symbol(x)"],
  [[1, 2, 3], "an array"],
  [{ length: 3 }, "an instance of Object"],
  [{ byteLength: 3, buffer: new ArrayBuffer(3) }, "an instance of Object"],
  [Object.create(null), "an instance of Object"],
  [() => {}, "a function"],
  [new Map(), "an instance of Map"],
];

/** Views that are not a `Uint8Array`, refused as `p`. */
const wrongViews: [unknown, string][] = [
  [new Int8Array(3), "an instance of Int8Array"],
  [new Uint8ClampedArray(3), "an instance of Uint8ClampedArray"],
  [new Uint16Array(3), "an instance of Uint16Array"],
  [new DataView(new ArrayBuffer(3)), "an instance of DataView"],
  [new ArrayBuffer(3), "an instance of ArrayBuffer"],
];

Deno.test("new Cursor() throws a TypeError naming the source for every wrong type", () => {
  for (const [value, described] of wrongValues) {
    assert.throws(() => new Cursor(value as Uint8Array), {
      name: "TypeError",
      message:
        "Cannot create a cursor: source must be a typed array, DataView, " +
        `ArrayBuffer, SharedArrayBuffer or WebAssembly.Memory, received ${described}`,
    }, described);
  }
});

for (
  const [method, action] of [["read", "read"], ["write", "write"]] as const
) {
  Deno.test(`Cursor.${method}Sync() and ${method}() throw a TypeError naming p for every wrong type`, async () => {
    const bytes = Uint8Array.of(1, 2, 3, 4);
    const cursor = new Cursor(bytes);
    cursor.position = 1;
    for (const [value, described] of [...wrongValues, ...wrongViews]) {
      const want = {
        name: "TypeError",
        message:
          `Cannot ${action}: p must be a Uint8Array, received ${described}`,
      };
      const p = value as Uint8Array;
      assert.throws(() => cursor[`${method}Sync`](p), want);
      await assert.rejects(cursor[method](p), want);
      assert.equal(cursor.position, 1);
    }
    assert.deepEqual(bytes, Uint8Array.of(1, 2, 3, 4));
  });
}

Deno.test("Cursor.seekSync(), seek() and the position setter throw a TypeError naming the argument for every wrong type", async () => {
  const cursor = new Cursor(new Uint8Array(4));
  cursor.position = 2;
  for (const [value, described] of [...wrongValues, ...wrongViews]) {
    if (typeof value === "number" || typeof value === "bigint") continue;
    const offset = value as number;
    const offsetWant = {
      name: "TypeError",
      message:
        `Cannot seek: offset must be a number or bigint, received ${described}`,
    };
    assert.throws(() => cursor.seekSync(offset, SeekMode.Start), offsetWant);
    await assert.rejects(cursor.seek(offset, SeekMode.Start), offsetWant);
    const whenceWant = {
      name: "TypeError",
      message: `${whenceMessage} ${described}`,
    };
    const whence = value as SeekMode;
    assert.throws(() => cursor.seekSync(0, whence), whenceWant);
    await assert.rejects(cursor.seek(0, whence), whenceWant);
    assert.throws(() => cursor.position = offset, {
      name: "TypeError",
      message: "Cannot set position: the value must be a number or bigint, " +
        `received ${described}`,
    });
    assert.equal(cursor.position, 2);
  }
});

Deno.test("Cursor varint writes throw a TypeError naming the value for every wrong type, converting nothing", () => {
  const bytes = Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
  const cursor = new Cursor(bytes);
  cursor.position = 1;
  let conversions = 0;
  const convertible: [unknown, string] = [{
    valueOf() {
      conversions++;
      return 1;
    },
  }, "an instance of Object"];
  for (const kind of VARINT_KINDS) {
    const type = kind.big ? "bigint" : "number";
    for (const [value, described] of [...wrongValues, convertible]) {
      if (kind.big ? typeof value === "bigint" : typeof value === "number") {
        continue;
      }
      assert.throws(() => kind.write(cursor, value as number), {
        name: "TypeError",
        message:
          `Cannot write a ${kind.name}: value must be a ${type}, received ${described}`,
      }, `${kind.name} ${described}`);
      assert.equal(cursor.position, 1);
    }
  }
  assert.equal(conversions, 0);
  assert.deepEqual(bytes, Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
});

Deno.test("Cursor methods never leak an engine error for a look-alike or proxied Uint8Array", async () => {
  const bytes = Uint8Array.of(1, 2, 3);
  const cursor = new Cursor(bytes);
  const lookAlikes: unknown[] = [
    Object.create(Uint8Array.prototype),
    new Proxy(new Uint8Array(2), {}),
  ];
  for (const p of lookAlikes) {
    for (const action of ["read", "write"] as const) {
      const want = {
        name: "TypeError",
        message: new RegExp(`^Cannot ${action}: p must be a Uint8Array`),
      };
      const call = () =>
        action === "read"
          ? cursor.readSync(p as Uint8Array)
          : cursor.writeSync(p as Uint8Array);
      assert.throws(call, want);
      await assert.rejects(
        action === "read"
          ? cursor.read(p as Uint8Array)
          : cursor.write(p as Uint8Array),
        want,
      );
    }
    const bytesP = p as Uint8Array;
    for (
      const [action, call] of [
        ["read exactly", () => cursor.readExactSync(bytesP)],
        ["read", () => cursor.readAtSync(bytesP, 0)],
        ["write", () => cursor.writeAtSync(bytesP, 0)],
      ] as const
    ) {
      assert.throws(call, {
        name: "TypeError",
        message: new RegExp(`^Cannot ${action}: p must be a Uint8Array`),
      });
    }
    await assert.rejects(cursor.readAt(bytesP, 0), TypeError);
    await assert.rejects(cursor.writeAt(bytesP, 0), TypeError);
    assert.throws(() => new Cursor(p as Uint8Array), {
      name: "TypeError",
      message: /^Cannot create a cursor: source must be a typed array/,
    });
  }
  for (
    const source of [
      Object.create(ArrayBuffer.prototype),
      new Proxy(new ArrayBuffer(4), {}),
      Object.create(DataView.prototype),
    ]
  ) {
    assert.throws(() => new Cursor(source), {
      name: "TypeError",
      message: /^Cannot create a cursor: source must be a typed array/,
    });
  }
  assert.equal(cursor.position, 0);
  assert.deepEqual(bytes, Uint8Array.of(1, 2, 3));
});

Deno.test("Cursor checks the closed state before the argument types", async () => {
  const cursor = new Cursor(new Uint8Array(4));
  cursor.close();
  const closed = (action: string) => ({
    name: "CursorClosedError",
    message: `Cannot ${action}: the cursor is closed`,
  });
  assert.throws(() => cursor.readSync(null as never), closed("read"));
  assert.throws(() => cursor.writeSync("x" as never), closed("write"));
  assert.throws(
    () => cursor.seekSync("x" as never, 9 as SeekMode),
    closed("seek"),
  );
  assert.throws(() => cursor.position = -1, closed("set position"));
  await assert.rejects(cursor.read(undefined as never), closed("read"));
  await assert.rejects(cursor.write(undefined as never), closed("write"));
  await assert.rejects(cursor.seek(0, undefined as never), closed("seek"));
});

Deno.test("Cursor reports a closed read-only cursor as closed, not read-only", async () => {
  const cursor = new Cursor(new Uint8Array(4), { readOnly: true });
  cursor.close();
  const closed = (action: string) => ({
    name: "CursorClosedError",
    message: `Cannot ${action}: the cursor is closed`,
  });
  const reader = { readSync: () => null, read: () => Promise.resolve(null) };
  assert.throws(() => cursor.writeSync(new Uint8Array(1)), closed("write"));
  assert.throws(
    () => cursor.writeAtSync(new Uint8Array(1), 0),
    closed("write"),
  );
  assert.throws(
    () => cursor.readFromSync(reader),
    closed("read from a reader"),
  );
  await assert.rejects(cursor.readFrom(reader), closed("read from a reader"));
});

Deno.test("Cursor.writeSync() on a read-only cursor refuses before checking p", () => {
  const cursor = new Cursor(new Uint8Array(4), { readOnly: true });
  assert.throws(() => cursor.writeSync(42 as never), {
    name: "CursorReadOnlyError",
    message: "Cannot write: the cursor is read-only",
  });
  assert.equal(cursor.readSync(new Uint8Array(2)), 2);
  assert.equal(cursor.position, 2);
});

Deno.test("new Cursor() throws a TypeError naming options.readOnly when it is not a boolean", () => {
  const bytes = new Uint8Array(2);
  const values: [unknown, string][] = [
    ...wrongValues,
    ["yes", '"yes"'],
    [1, "1"],
  ];
  for (const [value, described] of values) {
    if (value == null || typeof value === "boolean") continue;
    assert.throws(
      () => new Cursor(bytes, { readOnly: value as boolean }),
      {
        name: "TypeError",
        message:
          `Cannot create a cursor: options.readOnly must be a boolean, received ${described}`,
      },
      described,
    );
  }
  // Left out, undefined or null: the default, writable.
  for (
    const options of [undefined, {}, { readOnly: undefined }, {
      readOnly: null,
    }]
  ) {
    assert.equal(new Cursor(bytes, options as CursorOptions).readOnly, false);
  }
  assert.equal(new Cursor(bytes, { readOnly: true }).readOnly, true);
  assert.deepEqual(bytes, new Uint8Array(2));
});
