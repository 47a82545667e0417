import assert from "node:assert/strict";
import {
  Cursor,
  CursorClosedError,
  CursorReadOnlyError,
} from "@iocursor/cursor";
import { detachedCursor, testEveryBacking } from "./_backing_test_util.ts";
import { byteCount, exactly, promised } from "./_assert_test_util.ts";

const EIGHT = [1, 2, 3, 4, 5, 6, 7, 8];

function refused(message: string) {
  return exactly(RangeError, `Cannot truncate to ${message}`);
}

testEveryBacking(
  "Cursor.truncateSync() to the current length changes nothing",
  EIGHT,
  (backing) => {
    const cursor = new Cursor(backing.source);
    cursor.position = 3;
    cursor.truncateSync(8);
    assert.deepEqual([...backing.view()], EIGHT);
    assert.equal(cursor.byteLength, 8);
    assert.equal(cursor.position, 3);
  },
);

testEveryBacking(
  "Cursor.truncateSync() resizes memory that can grow, and refuses fixed memory",
  EIGHT,
  (backing, kind) => {
    const cursor = new Cursor(backing.source);
    cursor.position = 6;
    if (!backing.tracks) {
      for (const size of [0, 3, 7, 9]) {
        assert.throws(
          () => cursor.truncateSync(size),
          refused(
            `${size} bytes: the memory is fixed-length (8 bytes)`,
          ),
        );
      }
    } else {
      // Memory at its maxByteLength (growth 0) can shrink and grow back.
      const max = 8 + backing.growth;
      if (backing.growth > 0) {
        cursor.truncateSync(10);
        assert.deepEqual([...backing.view()], [...EIGHT, 0, 0]);
        assert.equal(cursor.position, 6);
      }
      assert.throws(
        () => cursor.truncateSync(max + 1),
        refused(
          `${max + 1} bytes: the memory can grow to ${max} bytes at most`,
        ),
      );
      if (kind === "growable SharedArrayBuffer") {
        assert.throws(
          () => cursor.truncateSync(4),
          refused("4 bytes: a SharedArrayBuffer cannot shrink (10 bytes)"),
        );
      } else {
        cursor.truncateSync(4);
        assert.deepEqual([...backing.view()], [1, 2, 3, 4]);
        assert.equal(cursor.position, 6);
        assert.equal(cursor.readSync(new Uint8Array(1)), null);
        assert.equal(cursor.remaining, 0);
        cursor.truncateSync(8);
        assert.deepEqual([...backing.view()], [1, 2, 3, 4, 0, 0, 0, 0]);
        cursor.truncateSync();
        assert.equal(backing.view().byteLength, 0);
      }
      assert.equal(cursor.position, 6);
    }
  },
);

Deno.test("Cursor.truncateSync() keeps typed reads and writes in bounds", () => {
  const buffer = new ArrayBuffer(8, { maxByteLength: 16 });
  const cursor = new Cursor(buffer);
  cursor.writeUint32(0x01020304);
  cursor.truncateSync(2);
  cursor.position = 0;
  assert.equal(cursor.readUint16(), 0x0102);
  assert.throws(() => cursor.readUint8(), RangeError);
  cursor.truncateSync(12);
  cursor.position = 8;
  cursor.writeUint32(0x05060708);
  assert.deepEqual(
    new Uint8Array(buffer),
    Uint8Array.of(1, 2, 0, 0, 0, 0, 0, 0, 5, 6, 7, 8),
  );
});

Deno.test(
  "Cursor.truncateSync() resizes a caller's length-tracking view at maxByteLength",
  () => {
    const buffer = new ArrayBuffer(8, { maxByteLength: 8 });
    const bytes = new Uint8Array(buffer);
    bytes.set(EIGHT);
    const cursor = new Cursor(bytes);
    cursor.truncateSync(5);
    assert.equal(buffer.byteLength, 5);
    assert.deepEqual([...bytes], [1, 2, 3, 4, 5]);
    cursor.truncateSync(8);
    assert.deepEqual([...bytes], [1, 2, 3, 4, 5, 0, 0, 0]);
    assert.throws(
      () => cursor.truncateSync(9),
      refused("9 bytes: the memory can grow to 8 bytes at most"),
    );
  },
);

Deno.test(
  "Cursor.truncateSync() refuses a fixed-length view that ends its resizable buffer",
  () => {
    // A 1-byte view is out of bounds, and so empty, when the buffer shrinks
    // by one byte, like a length-tracking view would be.
    for (const [length, max] of [[8, 8], [8, 16], [1, 1], [1, 9]] as const) {
      const buffer = new ArrayBuffer(length, { maxByteLength: max });
      const bytes = new Uint8Array(buffer, 0, length);
      const initial = EIGHT.slice(0, length);
      bytes.set(initial);
      const cursor = new Cursor(bytes);
      for (const size of new Set([0, length - 1, length + 1])) {
        assert.throws(
          () => cursor.truncateSync(size),
          refused(
            `${byteCount(size)}: the memory is fixed-length (${
              byteCount(length)
            })`,
          ),
        );
        // Finding out changed neither the buffer nor its last byte.
        assert.equal(buffer.byteLength, length);
        assert.deepEqual([...bytes], initial);
      }
    }
  },
);

Deno.test(
  "Cursor.truncateSync() refuses an empty view at the end of a full buffer",
  () => {
    const buffer = new ArrayBuffer(4, { maxByteLength: 4 });
    const cursor = new Cursor(new Uint8Array(buffer, 4));
    cursor.truncateSync(0);
    assert.throws(
      () => cursor.truncateSync(1),
      refused("1 byte: the memory is fixed-length (0 bytes)"),
    );
    assert.equal(buffer.byteLength, 4);
  },
);

Deno.test(
  "Cursor.truncateSync() refuses a fixed-length view before the end of a full buffer",
  () => {
    const buffer = new ArrayBuffer(8, { maxByteLength: 8 });
    const all = new Uint8Array(buffer);
    all.set(EIGHT);
    const cursor = new Cursor(new Uint8Array(buffer, 0, 6));
    for (const size of [0, 5, 7]) {
      assert.throws(
        () => cursor.truncateSync(size),
        refused(`${byteCount(size)}: the memory is fixed-length (6 bytes)`),
      );
      // The bytes after the view were not touched either.
      assert.equal(buffer.byteLength, 8);
      assert.deepEqual([...all], EIGHT);
    }
  },
);

Deno.test(
  "Cursor.truncateSync() refuses a view of a resizable buffer that cannot grow",
  () => {
    const buffer = new ArrayBuffer(0, { maxByteLength: 0 });
    const cursor = new Cursor(new Uint8Array(buffer));
    cursor.truncateSync(0);
    assert.throws(
      () => cursor.truncateSync(1),
      refused("1 byte: the memory is fixed-length (0 bytes)"),
    );
    assert.equal(buffer.byteLength, 0);
  },
);

Deno.test(
  "Cursor.truncateSync() refuses a view of a full growable SharedArrayBuffer",
  () => {
    const buffer = new SharedArrayBuffer(4, { maxByteLength: 4 });
    const bytes = new Uint8Array(buffer);
    bytes.set([1, 2, 3, 4]);
    const cursor = new Cursor(bytes);
    for (const size of [2, 5]) {
      assert.throws(
        () => cursor.truncateSync(size),
        refused(`${size} bytes: the memory is fixed-length (4 bytes)`),
      );
      assert.equal(buffer.byteLength, 4);
      assert.deepEqual([...bytes], [1, 2, 3, 4]);
    }
  },
);

Deno.test(
  "Cursor.truncateSync() does not grow a growable SharedArrayBuffer behind a view",
  () => {
    const buffer = new SharedArrayBuffer(4, { maxByteLength: 8 });
    const cursor = new Cursor(new Uint8Array(buffer));
    assert.throws(
      () => cursor.truncateSync(6),
      refused("6 bytes: the memory is fixed-length (4 bytes)"),
    );
    assert.equal(buffer.byteLength, 4);
  },
);

Deno.test("Cursor.truncateSync() rejects a bad size", () => {
  const buffer = new ArrayBuffer(4, { maxByteLength: 8 });
  const cursor = new Cursor(buffer);
  const cases: [unknown, ErrorConstructor, string][] = [
    ["1", TypeError, 'size must be a number, received "1"'],
    [1n, TypeError, "size must be a number, received 1n"],
    [null, TypeError, "size must be a number, received null"],
    [-1, RangeError, "size must be a non-negative safe integer, received -1"],
    [0.5, RangeError, "size must be a non-negative safe integer, received 0.5"],
    [NaN, RangeError, "size must be a non-negative safe integer, received NaN"],
    [
      -Infinity,
      RangeError,
      "size must be a non-negative safe integer, received -Infinity",
    ],
    [
      2 ** 53,
      RangeError,
      "size must be a non-negative safe integer, received 9007199254740992",
    ],
  ];
  for (const [size, ErrorClass, reason] of cases) {
    assert.throws(
      () => cursor.truncateSync(size as number),
      exactly(ErrorClass, `Cannot truncate: ${reason}`),
    );
    assert.equal(buffer.byteLength, 4);
  }
});

Deno.test(
  "Cursor.truncateSync() throws on a closed, read-only or detached cursor",
  () => {
    const buffer = new ArrayBuffer(4, { maxByteLength: 8 });
    const closed = new Cursor(buffer);
    closed.close();
    assert.throws(
      () => closed.truncateSync("x" as never),
      exactly(CursorClosedError, "Cannot truncate: the cursor is closed"),
    );
    const readOnly = new Cursor(buffer, { readOnly: true });
    for (const size of [4, 2, "x"]) {
      assert.throws(
        () => readOnly.truncateSync(size as number),
        exactly(
          CursorReadOnlyError,
          "Cannot truncate: the cursor is read-only",
        ),
      );
    }
    assert.equal(buffer.byteLength, 4);
    assert.throws(
      () => detachedCursor().truncateSync(0),
      exactly(
        TypeError,
        "Cannot truncate: the underlying ArrayBuffer is detached",
      ),
    );
  },
);

Deno.test("Cursor.truncate() resizes at call time and resolves", async () => {
  const buffer = new ArrayBuffer(4, { maxByteLength: 8 });
  const cursor = new Cursor(buffer);
  const pending = promised(cursor.truncate(6));
  assert.equal(buffer.byteLength, 6);
  assert.equal(await pending, undefined);
  await promised(cursor.truncate());
  assert.equal(buffer.byteLength, 0);
});

Deno.test("Cursor.truncate() rejects instead of throwing", async () => {
  const cursor = new Cursor(new Uint8Array(4));
  await assert.rejects(
    promised(cursor.truncate(2)),
    refused("2 bytes: the memory is fixed-length (4 bytes)"),
  );
  await assert.rejects(
    promised(cursor.truncate(-1)),
    exactly(
      RangeError,
      "Cannot truncate: size must be a non-negative safe integer, received -1",
    ),
  );
  cursor.close();
  await assert.rejects(
    promised(cursor.truncate()),
    exactly(CursorClosedError, "Cannot truncate: the cursor is closed"),
  );
});
