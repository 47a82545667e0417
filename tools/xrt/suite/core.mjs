// Cases for the core contract (issue 2): construction, read, write, seek,
// close and the async forms, run against the package as each runtime loads it.

import {
  Cursor,
  CursorClosedError,
  CursorFullError,
  CursorReadOnlyError,
  SeekMode,
} from "@iocursor/cursor";
import * as api from "@iocursor/cursor";
import { eachBacking } from "./backings.mjs";
import { bytes, equal, rejects, requires, test, throws } from "./harness.mjs";

const MAX = Number.MAX_SAFE_INTEGER;

// The library's messages, each written once so a wording change is one edit.

/**
 * @param {number} n A count of bytes.
 * @returns {string} `1 byte` or `n bytes`.
 */
const byteCount = (n) => `${n} ${n === 1 ? "byte" : "bytes"}`;
/**
 * @param {number} requested Bytes the write wanted.
 * @param {number} available Bytes of room.
 * @returns {string} CursorFullError's message for a write.
 */
const full = (requested, available) =>
  `Cannot write ${byteCount(requested)}: there is room for ${
    byteCount(available)
  } before the end`;

// ---- The package ----

test("mod exports the classes and SeekMode, and nothing private", () => {
  for (const name of ["Cursor", "CursorClosedError", "CursorFullError"]) {
    equal(typeof api[name], "function", `typeof ${name}`);
  }
  equal(
    typeof api.CursorReadOnlyError,
    "function",
    "typeof CursorReadOnlyError",
  );
  equal(typeof api.SeekMode, "object", "typeof SeekMode");
  const private_ = Object.keys(api).filter((name) => name.startsWith("_"));
  equal(private_.join(), "", "exported private names");
});

test("SeekMode matches Deno.SeekMode and @std/io values", () => {
  equal(SeekMode.Start, 0, "Start");
  equal(SeekMode.Current, 1, "Current");
  equal(SeekMode.End, 2, "End");
});

// ---- Construction over every backing kind ----

eachBacking(
  "Cursor reads the source's bytes then returns null",
  [1, 2, 3, 4, 5, 6, 7, 8],
  (backing) => {
    const cursor = new Cursor(backing.source);
    equal(cursor.byteLength, 8, "byteLength");
    const p = new Uint8Array(5);
    equal(cursor.readSync(p), 5, "first read");
    bytes(p, [1, 2, 3, 4, 5]);
    equal(cursor.position, 5, "position");
    equal(cursor.readSync(p), 3, "second read");
    bytes(p, [6, 7, 8, 4, 5], "p after a short read");
    equal(cursor.position, 8, "position");
    equal(cursor.readSync(p), null, "read at the end");
    equal(cursor.position, 8, "position at the end");
  },
);

eachBacking(
  "Cursor writes land in the source and source changes are read",
  [0, 0, 0, 0, 0, 0, 0, 0],
  (backing) => {
    const cursor = new Cursor(backing.source);
    cursor.position = 2;
    equal(cursor.writeSync(new Uint8Array([7, 8, 9])), 3, "write count");
    equal(cursor.position, 5, "position");
    bytes(backing.view(), [0, 0, 7, 8, 9, 0, 0, 0], "source after write");
    backing.view()[6] = 42;
    const p = new Uint8Array(2);
    equal(cursor.readSync(p), 2, "read count");
    bytes(p, [0, 42], "read after the source changed");
  },
);

eachBacking(
  "Cursor.bytes() aliases the source's memory",
  [1, 2, 3, 4],
  (backing) => {
    const cursor = new Cursor(backing.source);
    const view = cursor.bytes();
    if (backing.source instanceof Uint8Array) {
      equal(view, backing.source, "bytes() is the source itself");
    }
    view[1] = 99;
    bytes(backing.view(), [1, 99, 3, 4], "source after bytes()[1] = 99");
  },
);

eachBacking(
  "Cursor follows a resizable buffer's length",
  [1, 2, 3, 4],
  (backing) => {
    const cursor = new Cursor(backing.source);
    cursor.position = 4;
    equal(cursor.readSync(new Uint8Array(1)), null, "read at the end");
    backing.resize(6);
    equal(cursor.byteLength, 6, "byteLength after growing");
    equal(cursor.remaining, 2, "remaining after growing");
    equal(cursor.writeSync(new Uint8Array([5, 6])), 2, "write into new room");
    equal(cursor.position, 6, "position");
    bytes(new Uint8Array(backing.source, 0, 6), [1, 2, 3, 4, 5, 6]);
    backing.resize(6); // leave the guards' layout as it was
  },
  { resizableOnly: true },
);

test("Cursor follows a resizable ArrayBuffer that shrinks below the position", () => {
  requires("resizableArrayBuffer");
  const buffer = new ArrayBuffer(6, { maxByteLength: 16 });
  const cursor = new Cursor(buffer);
  cursor.position = 5;
  buffer.resize(3);
  equal(cursor.byteLength, 3, "byteLength");
  equal(cursor.remaining, 0, "remaining");
  equal(cursor.position, 5, "position");
  equal(cursor.readSync(new Uint8Array(1)), null, "read past the end");
  // Room up to maxByteLength (16) counts: 12 bytes at 5 do not fit.
  const error = throws(
    () => cursor.writeSync(new Uint8Array(12)),
    CursorFullError,
    full(12, 11),
  );
  equal(error.available, 11, "available");
  equal(cursor.position, 5, "position after the failed write");
  equal(buffer.byteLength, 3, "byteLength after the failed write");
  // A write past the end grows the buffer in place; zeros fill the gap.
  equal(cursor.writeSync(new Uint8Array([7])), 1, "write past the end");
  equal(buffer.byteLength, 6, "byteLength after growing");
  bytes(new Uint8Array(buffer, 3), [0, 0, 7], "the gap and the write");
});

test("Cursor views exactly a subarray and leaves the rest alone", () => {
  const all = new Uint8Array([1, 2, 3, 4, 5, 6]);
  const cursor = new Cursor(all.subarray(2, 4));
  equal(cursor.byteLength, 2, "byteLength");
  equal(cursor.writeSync(new Uint8Array([8, 9])), 2, "write");
  throws(
    () => cursor.writeSync(new Uint8Array([7])),
    CursorFullError,
    full(1, 0),
  );
  bytes(all, [1, 2, 8, 9, 5, 6], "memory around the subarray");
});

test("Cursor sees an Int16Array's numbers change after a write", () => {
  const samples = new Int16Array([1, 2, 3]);
  const cursor = new Cursor(samples);
  equal(cursor.byteLength, 6, "byteLength");
  cursor.position = 2;
  cursor.writeSync(new Uint8Array(new Int16Array([-7]).buffer));
  equal(samples[1], -7, "samples[1]");
  equal(cursor.position, 4, "position");
});

for (
  const [label, source, received] of [
    ["a string", "abc", '"abc"'],
    ["an array", [1, 2], "an array"],
    ["null", null, "null"],
    ["undefined", undefined, "undefined"],
    ["a number", 5, "5"],
    ["a plain object", {}, "an instance of Object"],
  ]
) {
  test(`new Cursor() rejects ${label} with a TypeError`, () => {
    throws(
      () => new Cursor(source),
      TypeError,
      `Cannot create a cursor: source must be a typed array, DataView, ArrayBuffer or SharedArrayBuffer, received ${received}`,
    );
  });
}

/**
 * Detaches `buffer` the way every runtime can (Node 20 has no
 * `ArrayBuffer.prototype.transfer`).
 *
 * @param {ArrayBuffer} buffer The buffer to detach.
 */
function detach(buffer) {
  requires("transfer");
  structuredClone(buffer, { transfer: [buffer] });
  equal(buffer.byteLength, 0, "byteLength after detaching");
}

test("new Cursor() rejects a detached buffer with a TypeError", () => {
  const view = new Uint8Array(4);
  const words = new Int16Array(view.buffer);
  const data = new DataView(view.buffer, 1);
  detach(view.buffer);
  for (const source of [view, view.buffer, words, data]) {
    throws(
      () => new Cursor(source),
      TypeError,
      "Cannot create a cursor: the underlying ArrayBuffer is detached",
    );
  }
});

test("Cursor methods throw a TypeError after the buffer is detached", async () => {
  const buffer = new ArrayBuffer(4);
  const cursor = new Cursor(buffer);
  cursor.position = 1;
  detach(buffer);
  equal(cursor.byteLength, 0, "byteLength");
  const detached = (action) =>
    `Cannot ${action}: the underlying ArrayBuffer is detached`;
  throws(() => cursor.readSync(new Uint8Array(1)), TypeError, detached("read"));
  throws(() => cursor.readSync(new Uint8Array(0)), TypeError, detached("read"));
  throws(
    () => cursor.writeSync(new Uint8Array(1)),
    TypeError,
    detached("write"),
  );
  throws(() => cursor.seekSync(0, SeekMode.Start), TypeError, detached("seek"));
  await rejects(
    () => cursor.read(new Uint8Array(1)),
    TypeError,
    detached("read"),
  );
  equal(cursor.position, 1, "position");
});

// ---- Reading ----

test("Cursor.readSync() returns 0 for an empty p, even past the end", () => {
  const cursor = new Cursor(new Uint8Array([1, 2]));
  equal(cursor.readSync(new Uint8Array(0)), 0, "at 0");
  cursor.position = 2;
  equal(cursor.readSync(new Uint8Array(0)), 0, "at the end");
  cursor.position = 10;
  equal(cursor.readSync(new Uint8Array(0)), 0, "past the end");
  equal(cursor.readSync(new Uint8Array(1)), null, "non-empty past the end");
  equal(cursor.position, 10, "position");
});

test("Cursor.readSync() into overlapping memory reads a copy taken first", () => {
  const memory = new Uint8Array([1, 2, 3, 4, 5, 6]);
  const cursor = new Cursor(memory);
  equal(cursor.readSync(memory.subarray(2)), 4, "count");
  bytes(memory, [1, 2, 1, 2, 3, 4], "memory");
  equal(cursor.position, 4, "position");
});

for (
  const [label, p, received] of [
    ["an Int8Array", new Int8Array(2), "an instance of Int8Array"],
    ["a DataView", new DataView(new ArrayBuffer(2)), "an instance of DataView"],
    ["an array", [0, 0], "an array"],
    ["undefined", undefined, "undefined"],
  ]
) {
  test(`Cursor.readSync() and writeSync() reject ${label} with a TypeError`, () => {
    const cursor = new Cursor(new Uint8Array(4));
    throws(
      () => cursor.readSync(p),
      TypeError,
      `Cannot read: p must be a Uint8Array, received ${received}`,
    );
    throws(
      () => cursor.writeSync(p),
      TypeError,
      `Cannot write: p must be a Uint8Array, received ${received}`,
    );
    equal(cursor.position, 0, "position");
  });
}

// ---- Writing ----

test("Cursor.writeSync() writes all or nothing and throws CursorFullError", () => {
  const memory = new Uint8Array(4);
  const cursor = new Cursor(memory);
  cursor.position = 2;
  const error = throws(
    () => cursor.writeSync(new Uint8Array([1, 2, 3])),
    CursorFullError,
    full(3, 2),
  );
  equal(error instanceof RangeError, true, "a RangeError");
  equal(error.name, "CursorFullError", "name");
  equal(error.requested, 3, "requested");
  equal(error.available, 2, "available");
  bytes(memory, [0, 0, 0, 0], "memory");
  equal(cursor.position, 2, "position");
  equal(cursor.writeSync(new Uint8Array([5])), 1, "a write that fits");
  bytes(memory, [0, 0, 5, 0], "memory");
  equal(cursor.position, 3, "position");
  throws(
    () => cursor.writeSync(new Uint8Array(2)),
    CursorFullError,
    full(2, 1),
  );
  bytes(memory, [0, 0, 5, 0], "memory after the second failed write");
  equal(cursor.position, 3, "position after the second failed write");
});

test("Cursor.writeSync() returns 0 for an empty p, even past the end", () => {
  const cursor = new Cursor(new Uint8Array(2));
  cursor.position = 9;
  equal(cursor.writeSync(new Uint8Array(0)), 0, "count");
  equal(cursor.position, 9, "position");
  throws(
    () => cursor.writeSync(new Uint8Array(1)),
    CursorFullError,
    full(1, 0),
  );
});

test("Cursor.writeSync() leaves p unchanged when it overlaps the memory", () => {
  const memory = new Uint8Array([1, 2, 3, 4, 5]);
  const cursor = new Cursor(memory);
  cursor.position = 1;
  const p = memory.subarray(0, 3);
  equal(cursor.writeSync(p), 3, "count");
  bytes(memory, [1, 1, 2, 3, 5], "memory");
});

test("Cursor with readOnly refuses writes with CursorReadOnlyError", async () => {
  const memory = new Uint8Array([1, 2]);
  const cursor = new Cursor(memory, { readOnly: true });
  equal(cursor.readOnly, true, "readOnly");
  const error = throws(
    () => cursor.writeSync(new Uint8Array([9])),
    CursorReadOnlyError,
    "Cannot write: the cursor is read-only",
  );
  equal(error.name, "CursorReadOnlyError", "name");
  await rejects(
    () => cursor.write(new Uint8Array(0)),
    CursorReadOnlyError,
    "Cannot write: the cursor is read-only",
  );
  bytes(memory, [1, 2], "memory");
  equal(cursor.position, 0, "position");
  equal(new Cursor(memory).readOnly, false, "default readOnly");
});

// ---- Seeking ----

test("Cursor.seekSync() moves relative to each SeekMode, past the end too", () => {
  const cursor = new Cursor(new Uint8Array(10));
  equal(cursor.seekSync(4, SeekMode.Start), 4, "Start");
  equal(cursor.seekSync(-1, SeekMode.Current), 3, "Current");
  equal(cursor.seekSync(-2, SeekMode.End), 8, "End");
  equal(cursor.seekSync(5n, SeekMode.End), 15, "bigint past the end");
  equal(cursor.position, 15, "position");
  equal(cursor.remaining, 0, "remaining");
  equal(cursor.readSync(new Uint8Array(1)), null, "read past the end");
  equal(cursor.seekSync(MAX, SeekMode.Start), MAX, "MAX_SAFE_INTEGER");
});

for (
  const [label, offset, whence, Class, message] of [
    [
      "a negative result",
      -1,
      SeekMode.Start,
      RangeError,
      "Cannot seek to -1: the position must be >= 0",
    ],
    [
      "a negative result from the end",
      -11,
      SeekMode.End,
      RangeError,
      "Cannot seek to -1: the position must be >= 0",
    ],
    [
      "NaN",
      NaN,
      SeekMode.Start,
      RangeError,
      "Cannot seek: offset must be a safe integer, received NaN",
    ],
    [
      "Infinity",
      Infinity,
      SeekMode.Start,
      RangeError,
      "Cannot seek: offset must be a safe integer, received Infinity",
    ],
    [
      "a fraction",
      1.5,
      SeekMode.Start,
      RangeError,
      "Cannot seek: offset must be a safe integer, received 1.5",
    ],
    [
      "2 ** 53",
      2 ** 53,
      SeekMode.Start,
      RangeError,
      "Cannot seek: offset must be a safe integer, received 9007199254740992",
    ],
    [
      "a huge bigint",
      2n ** 64n + 1n,
      SeekMode.Start,
      RangeError,
      "Cannot seek: offset must be a safe integer, received 18446744073709551617n",
    ],
    [
      "a result above MAX_SAFE_INTEGER",
      MAX,
      SeekMode.End,
      RangeError,
      "Cannot seek to 9007199254741001: the position must be <= 9007199254740991",
    ],
    [
      "a string",
      "0",
      SeekMode.Start,
      TypeError,
      'Cannot seek: offset must be a number or bigint, received "0"',
    ],
    [
      "undefined",
      undefined,
      SeekMode.Start,
      TypeError,
      "Cannot seek: offset must be a number or bigint, received undefined",
    ],
    [
      "an object",
      {},
      SeekMode.Start,
      TypeError,
      "Cannot seek: offset must be a number or bigint, received an instance of Object",
    ],
    [
      "whence 3",
      0,
      3,
      RangeError,
      "Cannot seek: whence must be 0 (Start), 1 (Current) or 2 (End), received 3",
    ],
    [
      "whence as a string",
      0,
      "0",
      TypeError,
      'Cannot seek: whence must be 0 (Start), 1 (Current) or 2 (End), received "0"',
    ],
  ]
) {
  test(`Cursor.seekSync() and seek() reject ${label}`, async () => {
    const cursor = new Cursor(new Uint8Array(10));
    cursor.position = 3;
    throws(() => cursor.seekSync(offset, whence), Class, message);
    equal(cursor.position, 3, "position after seekSync");
    await rejects(() => cursor.seek(offset, whence), Class, message);
    equal(cursor.position, 3, "position after seek");
  });
}

test("Cursor.position rejects invalid values like seekSync()", () => {
  const cursor = new Cursor(new Uint8Array(4));
  cursor.position = 2;
  throws(
    () => {
      cursor.position = -1;
    },
    RangeError,
    "Cannot set position to -1: the position must be >= 0",
  );
  throws(
    () => {
      cursor.position = "1";
    },
    TypeError,
    'Cannot set position: the value must be a number or bigint, received "1"',
  );
  throws(
    () => {
      cursor.position = 0.5;
    },
    RangeError,
    "Cannot set position: the value must be a safe integer, received 0.5",
  );
  equal(cursor.position, 2, "position");
});

// ---- Closing ----

test("Cursor.close() is idempotent and every operation then fails", async () => {
  const memory = new Uint8Array([1, 2, 3]);
  const cursor = new Cursor(memory, { readOnly: true });
  cursor.position = 1;
  cursor.close();
  cursor.close();
  equal(cursor.closed, true, "closed");
  const closed = (action) => `Cannot ${action}: the cursor is closed`;
  throws(
    () => cursor.readSync(new Uint8Array(1)),
    CursorClosedError,
    closed("read"),
  );
  throws(() => cursor.readSync("not bytes"), CursorClosedError, closed("read"));
  throws(
    () => cursor.writeSync(new Uint8Array(1)),
    CursorClosedError,
    closed("write"),
  );
  throws(
    () => cursor.seekSync(0, SeekMode.Start),
    CursorClosedError,
    closed("seek"),
  );
  throws(
    () => {
      cursor.position = 0;
    },
    CursorClosedError,
    closed("set position"),
  );
  await rejects(
    () => cursor.read(new Uint8Array(1)),
    CursorClosedError,
    closed("read"),
  );
  await rejects(
    () => cursor.write(new Uint8Array(1)),
    CursorClosedError,
    closed("write"),
  );
  await rejects(
    () => cursor.seek(0, SeekMode.Start),
    CursorClosedError,
    closed("seek"),
  );
  equal(cursor.position, 1, "position");
  equal(cursor.bytes(), memory, "bytes() after close");
  const error = throws(
    () => cursor.readSync(new Uint8Array(1)),
    CursorClosedError,
    closed("read"),
  );
  equal(error.name, "CursorClosedError", "name");
});

test("Cursor[Symbol.dispose]() closes the cursor", () => {
  requires("symbolDispose");
  const cursor = new Cursor(new Uint8Array(1));
  cursor[Symbol.dispose]();
  equal(cursor.closed, true, "closed");
});

// ---- Async forms ----

test("Cursor.read(), write() and seek() act at call time, in call order", async () => {
  const memory = new Uint8Array(4);
  const cursor = new Cursor(memory);
  const writes = [
    cursor.write(new Uint8Array([1, 2])),
    cursor.write(new Uint8Array([3])),
  ];
  equal(cursor.position, 3, "position before awaiting");
  bytes(memory, [1, 2, 3, 0], "memory before awaiting");
  const seek = cursor.seek(1, SeekMode.Start);
  const p = new Uint8Array(8);
  const read = cursor.read(p);
  equal(cursor.position, 4, "position after the un-awaited read");
  equal(await writes[0], 2, "first write");
  equal(await writes[1], 1, "second write");
  equal(await seek, 1, "seek");
  equal(await read, 3, "read");
  bytes(p.subarray(0, 3), [2, 3, 0], "bytes read");
  equal(await cursor.read(p), null, "read at the end");
});

test("Cursor.write() rejects instead of throwing and writes nothing", async () => {
  const memory = new Uint8Array(2);
  const cursor = new Cursor(memory);
  const error = await rejects(
    () => cursor.write(new Uint8Array([1, 2, 3])),
    CursorFullError,
    full(3, 2),
  );
  equal(error.requested, 3, "requested");
  await rejects(
    () => cursor.read(new Uint16Array(1)),
    TypeError,
    "Cannot read: p must be a Uint8Array, received an instance of Uint16Array",
  );
  bytes(memory, [0, 0], "memory");
  equal(cursor.position, 0, "position");
});

test("Cursor works over a SharedArrayBuffer seen from another view", () => {
  requires("sharedArrayBuffer");
  const shared = new SharedArrayBuffer(4);
  const cursor = new Cursor(shared);
  cursor.writeSync(new Uint8Array([1, 2, 3, 4]));
  equal(new DataView(shared).getUint32(0), 0x01020304, "big-endian uint32");
  equal(cursor.bytes().buffer, shared, "bytes().buffer");
});
