// Cases for issue 4: zero-copy views, exact reads, positional I/O and typed
// numbers, run against the package as each runtime loads it.

import {
  Cursor,
  CursorClosedError,
  CursorFullError,
  CursorReadOnlyError,
  SeekMode,
  UnexpectedEofError,
} from "@iocursor/cursor";
import { eachBacking } from "./backings.mjs";
import {
  bytes,
  equal,
  features,
  rejects,
  requires,
  test,
  throws,
} from "./harness.mjs";

const EIGHT = [1, 2, 3, 4, 5, 6, 7, 8];

// The library's messages, each written once so a wording change is one edit.

/**
 * @param {number} n A count of bytes.
 * @returns {string} `1 byte` or `n bytes`.
 */
const byteCount = (n) => `${n} ${n === 1 ? "byte" : "bytes"}`;
/**
 * @param {string} action What was attempted, such as `"take"`.
 * @param {number} requested Bytes the read needed.
 * @param {number} available Bytes that remained.
 * @returns {string} UnexpectedEofError's message.
 */
const short = (action, requested, available) =>
  `Cannot ${action} ${byteCount(requested)}: only ${byteCount(available)} ${
    available === 1 ? "remains" : "remain"
  }`;
/**
 * @param {number} requested Bytes the write wanted.
 * @param {number} available Bytes of room.
 * @returns {string} CursorFullError's message for a write.
 */
const full = (requested, available) =>
  `Cannot write ${byteCount(requested)}: there is room for ${
    byteCount(available)
  } before the end`;
/** @param {string} action @returns {string} CursorClosedError's message. */
const closed = (action) => `Cannot ${action}: the cursor is closed`;
/** @param {string} action @returns {string} The detached-buffer message. */
const detached = (action) =>
  `Cannot ${action}: the underlying ArrayBuffer is detached`;

/**
 * Asserts that `call` throws an UnexpectedEofError with these fields.
 *
 * @param {() => unknown} call The read expected to fail.
 * @param {string} action The action in the message.
 * @param {number} requested Bytes the read needed.
 * @param {number} available Bytes that remained.
 */
function throwsEof(call, action, requested, available) {
  const error = throws(
    call,
    UnexpectedEofError,
    short(action, requested, available),
  );
  equal(
    error instanceof RangeError,
    true,
    "an UnexpectedEofError is a RangeError",
  );
  equal(error.name, "UnexpectedEofError", "name");
  equal(error.requested, requested, "requested");
  equal(error.available, available, "available");
}

/**
 * Asserts that `call` throws an error of exactly class `Class`, whatever the
 * engine's message (for errors the engine itself raises).
 *
 * @param {() => unknown} call The call expected to throw.
 * @param {Function} Class The error's exact class.
 */
function throwsClass(call, Class) {
  try {
    call();
  } catch (error) {
    equal(Object.getPrototypeOf(error), Class.prototype, `${Class.name} class`);
    return;
  }
  throw new Error(`expected ${Class.name}, nothing was thrown`);
}

/**
 * @param {Uint8Array} view A view a method returned.
 * @param {{ source: any, view(): Uint8Array }} backing What the cursor wraps.
 * @returns {void} Asserts that `view` is memory of the backing, not a copy.
 */
function aliases(view, backing) {
  equal(view.buffer, backing.view().buffer, "the view's buffer");
  // subarray keeps the class of a Uint8Array source (a Node Buffer stays one).
  const Class = backing.source instanceof Uint8Array
    ? backing.source.constructor
    : Uint8Array;
  equal(view.constructor, Class, "the view's class");
}

/**
 * @param {unknown} value An argument, for a case name.
 * @returns {string} The value as written in code: `3n`, `"3"`, `-1`.
 */
const show = (value) =>
  typeof value === "bigint"
    ? `${value}n`
    : typeof value === "string"
    ? JSON.stringify(value)
    : String(value);

// ---- The package ----

test("mod exports UnexpectedEofError, a RangeError subclass", () => {
  const error = new UnexpectedEofError("take", 2, 1);
  equal(error instanceof RangeError, true, "a RangeError");
  equal(error.message, "Cannot take 2 bytes: only 1 byte remains", "message");
  equal(error.requested, 2, "requested");
  equal(error.available, 1, "available");
});

// ---- peek, take, remainder, readUntil ----

eachBacking(
  "Cursor.peek() returns an aliasing view and leaves the position",
  EIGHT,
  (backing) => {
    const cursor = new Cursor(backing.source);
    const next = cursor.peek(3);
    bytes(next, [1, 2, 3], "peek(3)");
    equal(cursor.position, 0, "position after peek(3)");
    aliases(next, backing);
    backing.view()[0] = 9;
    equal(next[0], 9, "the view after the memory changed");
    equal(cursor.writeSync(Uint8Array.of(7, 6)), 2, "write");
    bytes(next, [7, 6, 3], "the view after a write");
    next[2] = 5;
    bytes(backing.view(), [7, 6, 5, 4, 5, 6, 7, 8], "memory after view[2] = 5");
    bytes(cursor.peek(100), [5, 4, 5, 6, 7, 8], "peek past the end clamps");
    equal(cursor.peek(0).byteLength, 0, "peek(0)");
    cursor.position = 8;
    equal(cursor.peek(1).byteLength, 0, "peek at the end");
    cursor.position = 12;
    equal(cursor.peek(1).byteLength, 0, "peek past the end");
    equal(cursor.position, 12, "position");
  },
);

eachBacking(
  "Cursor.take() returns exactly n bytes or throws and consumes nothing",
  EIGHT,
  (backing) => {
    const cursor = new Cursor(backing.source);
    const head = cursor.take(3);
    bytes(head, [1, 2, 3], "take(3)");
    equal(cursor.position, 3, "position after take(3)");
    aliases(head, backing);
    head[0] = 0;
    equal(backing.view()[0], 0, "memory after head[0] = 0");
    throwsEof(() => cursor.take(6), "take", 6, 5);
    equal(cursor.position, 3, "position after one byte short");
    bytes(cursor.take(5), [4, 5, 6, 7, 8], "exactly the rest");
    equal(cursor.position, 8, "position at the end");
    equal(cursor.take(0).byteLength, 0, "take(0) at the end");
    throwsEof(() => cursor.take(1), "take", 1, 0);
    cursor.position = 10;
    throwsEof(() => cursor.take(2), "take", 2, 0);
    equal(cursor.take(0).byteLength, 0, "take(0) past the end");
    equal(cursor.position, 10, "position past the end");
  },
);

eachBacking(
  "Cursor.remainder() views the rest and leaves the position",
  EIGHT,
  (backing) => {
    const cursor = new Cursor(backing.source);
    cursor.position = 5;
    const rest = cursor.remainder();
    bytes(rest, [6, 7, 8], "remainder at 5");
    equal(cursor.position, 5, "position");
    aliases(rest, backing);
    cursor.writeSync(Uint8Array.of(0));
    equal(rest[0], 0, "the view after a write");
    cursor.position = 8;
    equal(cursor.remainder().byteLength, 0, "at the end");
    cursor.position = 20;
    equal(cursor.remainder().byteLength, 0, "past the end");
    equal(cursor.position, 20, "position past the end");
  },
);

eachBacking(
  "Cursor.readUntil() returns up to the delimiter, the rest, then null",
  [1, 0, 2, 3, 0, 4],
  (backing) => {
    const cursor = new Cursor(backing.source);
    const first = cursor.readUntil(0);
    bytes(first, [1, 0], "first");
    equal(cursor.position, 2, "position after the first");
    aliases(first, backing);
    bytes(cursor.readUntil(0), [2, 3, 0], "second");
    equal(cursor.position, 5, "position after the second");
    bytes(cursor.readUntil(0), [4], "no delimiter: the rest");
    equal(cursor.position, 6, "position at the end");
    equal(cursor.readUntil(0), null, "at the end");
    cursor.position = 9;
    equal(cursor.readUntil(0), null, "past the end");
    equal(cursor.position, 9, "position past the end");
  },
);

test("Cursor.readUntil() stops after a delimiter that is the last byte", () => {
  const cursor = new Cursor(Uint8Array.of(5, 0x0a));
  bytes(cursor.readUntil(0x0a), [5, 0x0a], "line");
  equal(cursor.position, 2, "position");
  equal(cursor.readUntil(0x0a), null, "then null");
  equal(new Cursor(new Uint8Array(0)).readUntil(0), null, "empty memory");
});

for (
  const [value, Class, shown] of [
    [256, RangeError, "256"],
    [-1, RangeError, "-1"],
    [1.5, RangeError, "1.5"],
    [NaN, RangeError, "NaN"],
    ["0", TypeError, '"0"'],
    [0n, TypeError, "0n"],
    [undefined, TypeError, "undefined"],
  ]
) {
  test(`Cursor.readUntil() rejects the delimiter ${shown}`, () => {
    const cursor = new Cursor(Uint8Array.of(1, 2));
    cursor.position = 1;
    throws(
      () => cursor.readUntil(value),
      Class,
      `Cannot read until a delimiter: delimiter must be an integer from 0 to 255, received ${shown}`,
    );
    equal(cursor.position, 1, "position");
  });
}

for (
  const [value, Class, reason] of [
    [-1, RangeError, "n must be a non-negative safe integer, received -1"],
    [1.5, RangeError, "n must be a non-negative safe integer, received 1.5"],
    [NaN, RangeError, "n must be a non-negative safe integer, received NaN"],
    [
      2 ** 53,
      RangeError,
      "n must be a non-negative safe integer, received 9007199254740992",
    ],
    ["3", TypeError, 'n must be a number, received "3"'],
    [3n, TypeError, "n must be a number, received 3n"],
  ]
) {
  test(`Cursor.peek() and take() reject n = ${show(value)}`, () => {
    const cursor = new Cursor(Uint8Array.from(EIGHT));
    cursor.position = 2;
    throws(() => cursor.peek(value), Class, `Cannot peek: ${reason}`);
    throws(() => cursor.take(value), Class, `Cannot take: ${reason}`);
    equal(cursor.position, 2, "position");
  });
}

// ---- readExactSync, readExact ----

eachBacking(
  "Cursor.readExactSync() fills p or throws and leaves p and the position",
  EIGHT,
  (backing) => {
    const cursor = new Cursor(backing.source);
    cursor.position = 1;
    const p = new Uint8Array(3);
    equal(cursor.readExactSync(p), p, "returns p");
    bytes(p, [2, 3, 4], "p");
    equal(cursor.position, 4, "position");
    const big = new Uint8Array(5).fill(0xee);
    throwsEof(() => cursor.readExactSync(big), "read exactly", 5, 4);
    bytes(big, [0xee, 0xee, 0xee, 0xee, 0xee], "p after the failure");
    equal(cursor.position, 4, "position after the failure");
    bytes(cursor.readExactSync(new Uint8Array(4)), [5, 6, 7, 8], "exact fit");
    equal(cursor.position, 8, "position at the end");
    equal(cursor.readExactSync(new Uint8Array(0)).byteLength, 0, "empty p");
    throwsEof(
      () => cursor.readExactSync(new Uint8Array(1)),
      "read exactly",
      1,
      0,
    );
    cursor.position = 7;
    throwsEof(
      () => cursor.readExactSync(new Uint8Array(2)),
      "read exactly",
      2,
      1,
    );
    equal(cursor.position, 7, "position after one byte short");
  },
);

test("Cursor.readExactSync() rejects a p that is not a Uint8Array", () => {
  const cursor = new Cursor(Uint8Array.from(EIGHT));
  throws(
    () => cursor.readExactSync([0, 0]),
    TypeError,
    "Cannot read exactly: p must be a Uint8Array, received an array",
  );
  throws(
    () => cursor.readExactSync(new Uint16Array(1)),
    TypeError,
    "Cannot read exactly: p must be a Uint8Array, received an instance of Uint16Array",
  );
  equal(cursor.position, 0, "position");
});

test("Cursor.readExact() reads at call time and rejects instead of throwing", async () => {
  const cursor = new Cursor(Uint8Array.from(EIGHT));
  const p = new Uint8Array(6);
  const pending = cursor.readExact(p);
  equal(cursor.position, 6, "position before awaiting");
  equal(await pending, p, "resolves to p");
  bytes(p, [1, 2, 3, 4, 5, 6], "p");
  const error = await rejects(
    () => cursor.readExact(new Uint8Array(3)),
    UnexpectedEofError,
    short("read exactly", 3, 2),
  );
  equal(error.available, 2, "available");
  equal(cursor.position, 6, "position after the rejection");
  await rejects(
    () => cursor.readExact("p"),
    TypeError,
    'Cannot read exactly: p must be a Uint8Array, received "p"',
  );
});

// ---- readAtSync, readAt, writeAtSync, writeAt ----

eachBacking(
  "Cursor.readAtSync() reads at an offset and leaves the position",
  EIGHT,
  (backing) => {
    const cursor = new Cursor(backing.source);
    cursor.position = 1;
    const p = new Uint8Array(3);
    equal(cursor.readAtSync(p, 4), 3, "count");
    bytes(p, [5, 6, 7], "p");
    equal(cursor.position, 1, "position");
    equal(cursor.readAtSync(p, 6n), 2, "short read at a bigint offset");
    bytes(p, [7, 8, 7], "p after the short read");
    equal(cursor.readAtSync(p, 8), null, "at the end");
    equal(cursor.readAtSync(p, 100n), null, "past the end");
    equal(cursor.readAtSync(new Uint8Array(0), 100), 0, "empty p past the end");
    equal(
      cursor.readAtSync(p, Number.MAX_SAFE_INTEGER),
      null,
      "at MAX_SAFE_INTEGER",
    );
    equal(cursor.position, 1, "position at the end");
  },
);

eachBacking(
  "Cursor.writeAtSync() writes at an offset and leaves the position",
  EIGHT,
  (backing) => {
    const cursor = new Cursor(backing.source);
    cursor.position = 2;
    equal(cursor.writeAtSync(Uint8Array.of(9, 9), 5), 2, "count");
    bytes(backing.view(), [1, 2, 3, 4, 5, 9, 9, 8], "memory");
    equal(cursor.position, 2, "position");
    equal(cursor.writeAtSync(Uint8Array.of(0), 7n), 1, "last byte, bigint");
    equal(cursor.writeAtSync(new Uint8Array(0), 50), 0, "empty p past end");
    bytes(backing.view(), [1, 2, 3, 4, 5, 9, 9, 0], "memory");
    equal(cursor.position, 2, "position at the end");
  },
);

test("Cursor.writeAtSync() writes all or nothing and throws CursorFullError", () => {
  const memory = Uint8Array.from(EIGHT);
  const cursor = new Cursor(memory);
  cursor.position = 1;
  const error = throws(
    () => cursor.writeAtSync(Uint8Array.of(0, 0, 0), 6),
    CursorFullError,
    full(3, 2),
  );
  equal(error.requested, 3, "requested");
  equal(error.available, 2, "available");
  throws(
    () => cursor.writeAtSync(Uint8Array.of(0), 9n),
    CursorFullError,
    full(1, 0),
  );
  bytes(memory, EIGHT, "memory");
  equal(cursor.position, 1, "position");
});

test("Cursor.writeAtSync() past the end grows a resizable ArrayBuffer in place", () => {
  requires("resizableArrayBuffer");
  const buffer = new ArrayBuffer(2, { maxByteLength: 8 });
  const cursor = new Cursor(buffer);
  equal(cursor.writeAtSync(Uint8Array.of(7), 4), 1, "count");
  equal(buffer.byteLength, 5, "grown to the write's end");
  bytes(new Uint8Array(buffer), [0, 0, 0, 0, 7], "zeros in the gap");
  equal(cursor.position, 0, "position");
  throws(
    () => cursor.writeAtSync(new Uint8Array(4), 5),
    CursorFullError,
    full(4, 3),
  );
  equal(buffer.byteLength, 5, "length after the failure");
});

/**
 * The offsets positional I/O rejects: the value, the error class and the
 * reason after `Cannot <action>` (as for a seek from the start).
 */
const BAD_OFFSETS = [
  [-1, RangeError, " to -1: the position must be >= 0"],
  [-3n, RangeError, " to -3: the position must be >= 0"],
  [1.5, RangeError, ": offset must be a safe integer, received 1.5"],
  [NaN, RangeError, ": offset must be a safe integer, received NaN"],
  [Infinity, RangeError, ": offset must be a safe integer, received Infinity"],
  [
    2n ** 53n,
    RangeError,
    ": offset must be a safe integer, received 9007199254740992n",
  ],
  ["0", TypeError, ': offset must be a number or bigint, received "0"'],
  [
    undefined,
    TypeError,
    ": offset must be a number or bigint, received undefined",
  ],
];

for (const [offset, Class, reason] of BAD_OFFSETS) {
  test(`Cursor.readAt() and writeAt() reject the offset ${show(offset)} like seek`, async () => {
    const memory = Uint8Array.from(EIGHT);
    const cursor = new Cursor(memory);
    cursor.position = 3;
    // The same check as a seek from the start, only the action differs.
    throws(
      () => cursor.seekSync(offset, SeekMode.Start),
      Class,
      `Cannot seek${reason}`,
    );
    const p = new Uint8Array(2);
    const read = `Cannot set the read offset${reason}`;
    const write = `Cannot set the write offset${reason}`;
    throws(() => cursor.readAtSync(p, offset), Class, read);
    await rejects(() => cursor.readAt(p, offset), Class, read);
    throws(() => cursor.writeAtSync(Uint8Array.of(0), offset), Class, write);
    await rejects(() => cursor.writeAt(Uint8Array.of(0), offset), Class, write);
    bytes(p, [0, 0], "p");
    bytes(memory, EIGHT, "memory");
    equal(cursor.position, 3, "position");
  });
}

test("Cursor.readAt() and writeAt() act at call time and reject instead of throwing", async () => {
  const memory = new Uint8Array(4);
  const cursor = new Cursor(memory);
  const write = cursor.writeAt(Uint8Array.of(1, 2), 2n);
  bytes(memory, [0, 0, 1, 2], "memory before awaiting");
  const p = new Uint8Array(3);
  const read = cursor.readAt(p, 1);
  bytes(p, [0, 1, 2], "p before awaiting");
  equal(await write, 2, "write");
  equal(await read, 3, "read");
  equal(await cursor.readAt(p, 4), null, "read at the end");
  await rejects(
    () => cursor.writeAt(new Uint8Array(2), 3),
    CursorFullError,
    full(2, 1),
  );
  await rejects(
    () => cursor.readAt([0], 0),
    TypeError,
    "Cannot read: p must be a Uint8Array, received an array",
  );
  await rejects(
    () => cursor.writeAt(null, 0),
    TypeError,
    "Cannot write: p must be a Uint8Array, received null",
  );
  bytes(memory, [0, 0, 1, 2], "memory");
  equal(cursor.position, 0, "position");
});

// ---- Typed numbers ----

/**
 * Every typed number: its DataView name, size and values to write (some out
 * of range, which wrap or round as DataView's setters do).
 */
const NUMBERS = [
  ["Int8", 1, [-1, 127, -128, 300]],
  ["Uint8", 1, [255, 7, -1, 256.9]],
  ["Int16", 2, [-2, 0x7fff, -0x8000, 0x12345]],
  ["Uint16", 2, [0x1234, 0xffff, -1]],
  ["Int32", 4, [-2, 0x7fffffff, -0x80000000, 2 ** 32 + 5]],
  ["Uint32", 4, [0xdeadbeef, 0xffffffff, -1]],
  ["BigInt64", 8, [-2n, 2n ** 63n - 1n, -(2n ** 63n), 2n ** 64n + 5n]],
  ["BigUint64", 8, [2n ** 64n - 1n, 0x0102030405060708n, -1n]],
  ["Float16", 2, [1.5, 65504, 0.1, -0, NaN, -Infinity, 1e6]],
  ["Float32", 4, [1.5, 0.1, -0, NaN, Infinity, 3.4e39]],
  ["Float64", 8, [1.5, 0.1, -0, NaN, -Infinity, Number.MIN_VALUE]],
];

/**
 * Every endianness argument a typed method takes: none (big-endian), `false`
 * and `true`. The 8-bit methods take none.
 *
 * @param {number} size The number's size in bytes.
 * @returns {(boolean | undefined)[]} The arguments to try.
 */
const endiannesses = (size) =>
  size === 1 ? [undefined] : [undefined, false, true];

/**
 * @param {number} length How many bytes.
 * @returns {number[]} Bytes that differ from their neighbours and make
 * negative numbers and NaN payloads at some offsets.
 */
function pattern(length) {
  return Array.from({ length }, (_, i) => (i * 37 + 0x81) & 0xff);
}

for (const [name, size, values] of NUMBERS) {
  const float16 = name === "Float16";
  eachBacking(
    `Cursor.read${name}() and write${name}() match DataView at every alignment`,
    pattern(24),
    (backing) => {
      if (float16) requires("float16");
      const cursor = new Cursor(backing.source);
      const memory = backing.view();
      for (let at = 0; at < 8; at++) {
        for (const littleEndian of endiannesses(size)) {
          const how = `at ${at}, littleEndian ${littleEndian}`;
          // The oracle: DataView over a copy, never over the cursor's memory.
          const copy = memory.slice();
          const oracle = new DataView(copy.buffer);
          cursor.position = at;
          equal(
            cursor[`read${name}`](littleEndian),
            oracle[`get${name}`](at, littleEndian),
            `read${name} ${how}`,
          );
          equal(cursor.position, at + size, `position after read ${how}`);
          for (const value of values) {
            cursor.position = at;
            cursor[`write${name}`](value, littleEndian);
            oracle[`set${name}`](at, value, littleEndian);
            equal(cursor.position, at + size, `position after write ${how}`);
            bytes(memory, copy, `memory after write${name}(${value}) ${how}`);
            cursor.position = at;
            equal(
              cursor[`read${name}`](littleEndian),
              oracle[`get${name}`](at, littleEndian),
              `read${name} back ${value} ${how}`,
            );
          }
        }
      }
    },
  );

  test(`Cursor.read${name}() and write${name}() at the boundaries change nothing on failure`, () => {
    if (float16) requires("float16");
    const memory = Uint8Array.from(pattern(size + 2));
    const before = memory.slice();
    const cursor = new Cursor(memory);
    const value = values[0];
    // Exactly enough bytes.
    cursor.position = 2;
    const expected = new DataView(before.buffer)[`get${name}`](2, true);
    equal(cursor[`read${name}`](true), expected, "exactly enough to read");
    equal(cursor.position, size + 2, "position after reading to the end");
    // At the end, one byte short, and past the end.
    for (
      const [at, available] of [[size + 2, 0], [3, size - 1], [size + 9, 0]]
    ) {
      cursor.position = at;
      throwsEof(() => cursor[`read${name}`](), "read", size, available);
      throws(
        () => cursor[`write${name}`](value),
        CursorFullError,
        full(size, available),
      );
      equal(cursor.position, at, `position after failing at ${at}`);
      bytes(memory, before, `memory after failing at ${at}`);
    }
    cursor.position = 2;
    cursor[`write${name}`](value, true);
    equal(cursor.position, size + 2, "exactly enough room to write");
  });
}

test("Cursor.writeInt32() and writeBigInt64() reject the other kind of number", () => {
  const memory = new Uint8Array(8);
  const cursor = new Cursor(memory);
  throwsClass(() => cursor.writeInt32(1n), TypeError);
  throwsClass(() => cursor.writeBigInt64(1), TypeError);
  equal(cursor.position, 0, "position");
  bytes(memory, new Uint8Array(8), "memory");
});

test("Cursor typed reads and writes follow a resizable ArrayBuffer", () => {
  requires("resizableArrayBuffer");
  const buffer = new ArrayBuffer(4, { maxByteLength: 12 });
  const cursor = new Cursor(buffer);
  cursor.writeUint32(0x01020304);
  // Past the end: the buffer grows in place and the cached view follows.
  cursor.writeUint32(0x05060708, true);
  equal(buffer.byteLength, 8, "grown");
  bytes(new Uint8Array(buffer), [1, 2, 3, 4, 8, 7, 6, 5], "memory");
  buffer.resize(10);
  new Uint8Array(buffer)[9] = 0xff;
  cursor.position = 8;
  equal(cursor.readInt16(), 0x00ff, "a read in bytes the buffer grew by");
  buffer.resize(6);
  cursor.position = 4;
  throwsEof(() => cursor.readUint32(), "read", 4, 2);
  equal(cursor.readUint16(true), 0x0708, "a read after shrinking");
  equal(cursor.position, 6, "position");
  throws(() => cursor.writeFloat64(1, true), CursorFullError, full(8, 6));
  equal(buffer.byteLength, 6, "length after the failed write");
});

test("Cursor.readFloat16() and writeFloat16() throw a TypeError without DataView Float16", () => {
  const proto = DataView.prototype;
  const saved = {
    getFloat16: Object.getOwnPropertyDescriptor(proto, "getFloat16"),
    setFloat16: Object.getOwnPropertyDescriptor(proto, "setFloat16"),
  };
  // Take the methods away for this case on runtimes that have them.
  delete proto.getFloat16;
  delete proto.setFloat16;
  try {
    const memory = Uint8Array.of(0x3e, 0, 1, 2);
    const cursor = new Cursor(memory);
    cursor.position = 1;
    throws(
      () => cursor.readFloat16(),
      TypeError,
      "Cannot read a Float16: this runtime has no DataView.prototype.getFloat16",
    );
    throws(
      () => cursor.writeFloat16(1.5),
      TypeError,
      "Cannot write a Float16: this runtime has no DataView.prototype.setFloat16",
    );
    equal(cursor.position, 1, "position");
    bytes(memory, [0x3e, 0, 1, 2], "memory");
  } finally {
    for (const [key, descriptor] of Object.entries(saved)) {
      if (descriptor) Object.defineProperty(proto, key, descriptor);
    }
  }
  equal(
    typeof DataView.prototype.getFloat16,
    features.float16 ? "function" : "undefined",
    "getFloat16 restored",
  );
});

// ---- Closed, read-only and detached ----

/**
 * Whether this runtime has `method`: the Float16 methods need
 * `DataView.prototype.getFloat16`; without it they throw the TypeError the
 * case above checks, before any other check.
 *
 * @param {[string, ...unknown[]]} entry A method's name and what follows.
 * @returns {boolean} Whether to call it here.
 */
const runsHere = ([method]) => features.float16 || !method.endsWith("Float16");

/**
 * Every new sync read with its action in messages and a call that reads a
 * byte or more.
 *
 * @type {[string, string, (cursor: Cursor) => unknown][]}
 */
const READS = [
  ["peek", "peek", (c) => c.peek(1)],
  ["take", "take", (c) => c.take(1)],
  ["remainder", "get the remainder", (c) => c.remainder()],
  ["readUntil", "read until a delimiter", (c) => c.readUntil(0)],
  ["readExactSync", "read exactly", (c) => c.readExactSync(new Uint8Array(1))],
  ["readAtSync", "read", (c) => c.readAtSync(new Uint8Array(1), 0)],
  ...NUMBERS.map((
    [name],
  ) => [`read${name}`, "read", (c) => c[`read${name}`]()]),
].filter(runsHere);
/**
 * Every new sync write, with a call that writes a byte or more.
 *
 * @type {[string, (cursor: Cursor) => unknown][]}
 */
const WRITES = [
  ["writeAtSync", (c) => c.writeAtSync(Uint8Array.of(1), 0)],
  ...NUMBERS.map(([name, , values]) => [
    `write${name}`,
    (c) => c[`write${name}`](values[0]),
  ]),
].filter(runsHere);
/**
 * Every new async method with its action in messages.
 *
 * @type {[string, string, (cursor: Cursor) => Promise<unknown>][]}
 */
const ASYNC = [
  ["readExact", "read exactly", (c) => c.readExact(new Uint8Array(1))],
  ["readAt", "read", (c) => c.readAt(new Uint8Array(1), 0)],
  ["writeAt", "write", (c) => c.writeAt(Uint8Array.of(1), 0)],
];

test("Cursor views, exact, positional and typed methods fail after close()", async () => {
  const memory = Uint8Array.from(EIGHT);
  const cursor = new Cursor(memory, { readOnly: true });
  cursor.position = 2;
  cursor.close();
  for (const [method, action, call] of READS) {
    throws(() => call(cursor), CursorClosedError, closed(action));
    equal(cursor.position, 2, `position after ${method}`);
  }
  // Closed comes before read-only and before checking arguments.
  for (const [method, call] of WRITES) {
    throws(() => call(cursor), CursorClosedError, closed("write"));
    equal(cursor.position, 2, `position after ${method}`);
  }
  throws(
    () => cursor.readUntil(-1),
    CursorClosedError,
    closed("read until a delimiter"),
  );
  throws(
    () => cursor.readExactSync(null),
    CursorClosedError,
    closed("read exactly"),
  );
  throws(() => cursor.take("x"), CursorClosedError, closed("take"));
  for (const [method, action, call] of ASYNC) {
    await rejects(() => call(cursor), CursorClosedError, closed(action));
    equal(cursor.position, 2, `position after ${method}`);
  }
  bytes(memory, EIGHT, "memory");
});

test("Cursor with readOnly reads with the new methods and refuses their writes", async () => {
  const memory = Uint8Array.from(EIGHT);
  const cursor = new Cursor(memory, { readOnly: true });
  const writable = new Cursor(Uint8Array.from(EIGHT));
  for (const [method, , call] of READS) {
    cursor.position = 0;
    writable.position = 0;
    const got = call(cursor);
    const want = call(writable);
    if (ArrayBuffer.isView(want)) bytes(got, want, method);
    else equal(got, want, method);
    equal(cursor.position, writable.position, `position after ${method}`);
  }
  cursor.position = 1;
  for (const [method, call] of WRITES) {
    throws(
      () => call(cursor),
      CursorReadOnlyError,
      "Cannot write: the cursor is read-only",
    );
    equal(cursor.position, 1, `position after ${method}`);
  }
  await rejects(
    () => cursor.writeAt(Uint8Array.of(1), 0),
    CursorReadOnlyError,
    "Cannot write: the cursor is read-only",
  );
  bytes(memory, EIGHT, "memory");
  equal(cursor.readUint8(), 2, "reads still work after refused writes");
});

test("Cursor views, exact, positional and typed methods throw after the buffer is detached", async () => {
  requires("transfer");
  const buffer = new ArrayBuffer(8);
  const cursor = new Cursor(buffer);
  cursor.readUint16();
  structuredClone(buffer, { transfer: [buffer] });
  equal(buffer.byteLength, 0, "byteLength after detaching");
  for (const [method, action, call] of READS) {
    throws(() => call(cursor), TypeError, detached(action));
    equal(cursor.position, 2, `position after ${method}`);
  }
  for (const [method, call] of WRITES) {
    throws(() => call(cursor), TypeError, detached("write"));
    equal(cursor.position, 2, `position after ${method}`);
  }
  for (const [method, action, call] of ASYNC) {
    await rejects(() => call(cursor), TypeError, detached(action));
    equal(cursor.position, 2, `position after ${method}`);
  }
});
