/**
 * Lifecycle: closing a cursor, and buffers detached, resized or shared under
 * it, and views at awkward places in their buffer.
 */

import assert from "node:assert/strict";
import {
  Cursor,
  CursorClosedError,
  CursorFullError,
  SeekMode,
} from "@iocursor/cursor";
import {
  detach,
  everyBacking,
  testEveryBacking,
} from "./_backing_test_util.ts";
import { exactly, promised } from "./_assert_test_util.ts";
import { missing, requires } from "./_runtime_test_util.ts";

const EIGHT = [1, 2, 3, 4, 5, 6, 7, 8];

// --- Closing ----------------------------------------------------------------

/** Every operation a closed cursor must refuse, with the action it names. */
const SYNC_OPS: [string, (cursor: Cursor) => unknown, string][] = [
  ["readSync()", (c) => c.readSync(new Uint8Array(1)), "read"],
  ["readSync() with an empty p", (c) => c.readSync(new Uint8Array(0)), "read"],
  ["writeSync()", (c) => c.writeSync(new Uint8Array(1)), "write"],
  [
    "writeSync() with an empty p",
    (c) => c.writeSync(new Uint8Array(0)),
    "write",
  ],
  ["seekSync()", (c) => c.seekSync(0, SeekMode.Start), "seek"],
  [
    "seekSync() with a bad offset",
    (c) => c.seekSync(NaN, SeekMode.Start),
    "seek",
  ],
  ["position setter", (c) => (c.position = 1), "set position"],
];
const ASYNC_OPS: [string, (cursor: Cursor) => Promise<unknown>, string][] = [
  ["read()", (c) => c.read(new Uint8Array(1)), "read"],
  ["read() with an empty p", (c) => c.read(new Uint8Array(0)), "read"],
  ["write()", (c) => c.write(new Uint8Array(1)), "write"],
  ["write() with an empty p", (c) => c.write(new Uint8Array(0)), "write"],
  ["seek()", (c) => c.seek(0, SeekMode.Start), "seek"],
];

testEveryBacking(
  "Cursor.close() is idempotent and makes every operation throw CursorClosedError",
  EIGHT,
  async (backing) => {
    for (const readOnly of [false, true]) {
      const cursor = new Cursor(backing.source, { readOnly });
      cursor.position = 2;
      assert.equal(cursor.closed, false);
      cursor.close();
      assert.equal(cursor.closed, true);
      cursor.close();
      assert.equal(cursor.closed, true);
      for (const [, op, action] of SYNC_OPS) {
        assert.throws(
          () => op(cursor),
          exactly(CursorClosedError, `Cannot ${action}: the cursor is closed`),
        );
        assert.equal(cursor.position, 2);
      }
      for (const [, op, action] of ASYNC_OPS) {
        await assert.rejects(
          promised(op(cursor)),
          exactly(CursorClosedError, `Cannot ${action}: the cursor is closed`),
        );
        assert.equal(cursor.position, 2);
      }
      // The closed state is checked before the arguments.
      assert.throws(
        () => cursor.readSync(null as unknown as Uint8Array),
        exactly(CursorClosedError, "Cannot read: the cursor is closed"),
      );
      assert.throws(
        () => cursor.writeSync(null as unknown as Uint8Array),
        exactly(CursorClosedError, "Cannot write: the cursor is closed"),
      );
      assert.equal(cursor.byteLength, 8);
      assert.equal(cursor.remaining, 6);
      assert.deepEqual([...cursor.bytes()], EIGHT);
      assert.deepEqual([...backing.view()], EIGHT);
    }
  },
);

Deno.test("Cursor[Symbol.dispose]() closes the cursor at the end of a using block", () => {
  const memory = new Uint8Array([1, 2]);
  let escaped: Cursor | undefined;
  {
    using cursor = new Cursor(memory);
    escaped = cursor;
    assert.equal(cursor.writeSync(new Uint8Array([3])), 1);
    assert.equal(cursor.closed, false);
  }
  assert.equal(escaped.closed, true);
  assert.throws(
    () => escaped.readSync(new Uint8Array(1)),
    exactly(CursorClosedError, "Cannot read: the cursor is closed"),
  );
  escaped[Symbol.dispose]();
  escaped.close();
  assert.equal(escaped.closed, true);
  assert.equal(escaped.position, 1);
  assert.deepEqual(memory, new Uint8Array([3, 2]));
});

// --- Detached buffers -------------------------------------------------------

for (const [kind, make, reason] of everyBacking(8)) {
  if (kind.includes("SharedArrayBuffer")) continue; // it never detaches
  Deno.test(requires(reason, {
    name:
      `Cursor methods throw TypeError once the buffer is detached (${kind})`,
    async fn() {
      const backing = make(Uint8Array.from(EIGHT));
      const cursor = new Cursor(backing.source);
      cursor.position = 3;
      detach(backing.view().buffer as ArrayBuffer);
      assert.equal(cursor.byteLength, 0);
      assert.equal(cursor.remaining, 0);
      const detached = (action: string) =>
        exactly(
          TypeError,
          `Cannot ${action}: the underlying ArrayBuffer is detached`,
        );
      for (const [, op, action] of SYNC_OPS) {
        assert.throws(() => op(cursor), detached(action));
        assert.equal(cursor.position, 3);
      }
      for (const [, op, action] of ASYNC_OPS) {
        await assert.rejects(promised(op(cursor)), detached(action));
        assert.equal(cursor.position, 3);
      }
      cursor.close();
      assert.equal(cursor.closed, true);
      assert.throws(
        () => cursor.readSync(new Uint8Array(1)),
        exactly(CursorClosedError, "Cannot read: the cursor is closed"),
      );
    },
  }));

  Deno.test(requires(reason, {
    name: `new Cursor() throws TypeError for a detached buffer (${kind})`,
    fn() {
      const backing = make(Uint8Array.from(EIGHT));
      detach(backing.view().buffer as ArrayBuffer);
      assert.throws(
        () => new Cursor(backing.source),
        exactly(
          TypeError,
          "Cannot create a cursor: the underlying ArrayBuffer is detached",
        ),
      );
    },
  }));
}

// ---------------------------------------------------------------------------
// Detached buffers: every operation fails loudly, never as EOF or "full".

/** Ways a buffer gets detached under a cursor, and what they need. */
const detachers: [
  string,
  (buffer: ArrayBuffer) => void,
  (string | undefined)?,
][] = [
  [
    "ArrayBuffer.prototype.transfer()",
    (buffer) => void buffer.transfer(),
    missing.transfer,
  ],
  [
    "ArrayBuffer.prototype.transferToFixedLength()",
    (buffer) => void buffer.transferToFixedLength(),
    missing.transfer,
  ],
  [
    "structuredClone() with transfer",
    (buffer) => void structuredClone(buffer, { transfer: [buffer] }),
  ],
  ["MessagePort.postMessage() with transfer", (buffer) => {
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(buffer, [buffer]);
    port1.close();
    port2.close();
  }],
];

/** Sources over a 16-byte buffer, wrapped in several ways. */
const detachableSources: [
  string,
  (buffer: ArrayBuffer) => ArrayBufferView | ArrayBuffer,
][] = [
  ["ArrayBuffer", (buffer) => buffer],
  ["Uint8Array", (buffer) => new Uint8Array(buffer)],
  ["Uint8Array subarray", (buffer) => new Uint8Array(buffer, 3, 5)],
  ["DataView with offset", (buffer) => new DataView(buffer, 1, 6)],
  ["Float64Array with offset", (buffer) => new Float64Array(buffer, 8, 1)],
];

/** Asserts that `fn` throws the detached TypeError for `action`. */
function assertDetached(action: string, fn: () => unknown): void {
  assert.throws(fn, {
    name: "TypeError",
    message: `Cannot ${action}: the underlying ArrayBuffer is detached`,
  });
}

/** Asserts that `promise` rejects with the detached TypeError for `action`. */
async function assertRejectsDetached(
  action: string,
  promise: Promise<unknown>,
): Promise<void> {
  await assert.rejects(promise, {
    name: "TypeError",
    message: `Cannot ${action}: the underlying ArrayBuffer is detached`,
  });
}

for (const [detacher, detachBuffer, reason] of detachers) {
  for (const [kind, wrap] of detachableSources) {
    for (const start of [0, 2, 40]) {
      Deno.test(requires(reason, {
        name:
          `Cursor fails every operation with a TypeError after ${detacher} (${kind}, position ${start})`,
        async fn() {
          const buffer = new ArrayBuffer(16);
          const cursor = new Cursor(wrap(buffer));
          cursor.position = start;
          detachBuffer(buffer);
          assert.equal(buffer.byteLength, 0);
          if ("detached" in buffer) assert.equal(buffer.detached, true);
          assert.equal(cursor.byteLength, 0);
          assert.equal(cursor.remaining, 0);

          assertDetached("read", () => cursor.readSync(new Uint8Array(4)));
          assertDetached("read", () => cursor.readSync(new Uint8Array(0)));
          assertDetached("write", () => cursor.writeSync(new Uint8Array(4)));
          assertDetached("write", () => cursor.writeSync(new Uint8Array(0)));
          assertDetached("seek", () => cursor.seekSync(0, SeekMode.Start));
          assertDetached("seek", () => cursor.seekSync(0, SeekMode.End));
          assertDetached("set position", () => cursor.position = 0);
          await assertRejectsDetached("read", cursor.read(new Uint8Array(4)));
          await assertRejectsDetached("write", cursor.write(new Uint8Array(1)));
          await assertRejectsDetached("seek", cursor.seek(1, SeekMode.Current));
          // Positional I/O too, with an empty p and at offsets in and past the
          // old bytes.
          for (const offset of [0, 3, 40]) {
            for (const size of [0, 1, 4]) {
              const p = new Uint8Array(size);
              assertDetached("read", () => cursor.readAtSync(p, offset));
              assertDetached("write", () => cursor.writeAtSync(p, offset));
              await assertRejectsDetached("read", cursor.readAt(p, offset));
              await assertRejectsDetached("write", cursor.writeAt(p, offset));
            }
          }
          assert.equal(cursor.position, start);

          cursor.close();
          assert.equal(cursor.closed, true);
        },
      }));
    }
  }

  Deno.test(requires(reason, {
    name:
      `new Cursor() throws a TypeError for a source detached by ${detacher}`,
    fn() {
      for (const [, wrap] of detachableSources) {
        const buffer = new ArrayBuffer(16);
        const source = wrap(buffer);
        detachBuffer(buffer);
        assert.throws(() => new Cursor(source), {
          name: "TypeError",
          message:
            "Cannot create a cursor: the underlying ArrayBuffer is detached",
        });
      }
    },
  }));
}

Deno.test(requires(missing.transfer, {
  name:
    "Cursor reports the detach of a resizable buffer's length-tracking view",
  fn() {
    const buffer = new ArrayBuffer(8, { maxByteLength: 32 });
    const cursor = new Cursor(new Uint8Array(buffer, 2));
    assert.equal(cursor.byteLength, 6);
    buffer.transfer(12);
    assertDetached("read", () => cursor.readSync(new Uint8Array(1)));
    assertDetached("write", () => cursor.writeSync(new Uint8Array(1)));
    assertDetached("seek", () => cursor.seekSync(3, SeekMode.Start));
    assert.equal(cursor.position, 0);
  },
}));

Deno.test("Cursor.close() and the getters still work on a detached buffer", () => {
  const buffer = new ArrayBuffer(4);
  const cursor = new Cursor(buffer, { readOnly: true });
  detach(buffer);
  assert.equal(cursor.bytes().byteLength, 0);
  assert.equal(cursor.readOnly, true);
  cursor.close();
  cursor.close();
  assert.equal(cursor.closed, true);
});

// ---------------------------------------------------------------------------
// Resizable buffers shrunk and grown under the cursor.

/** A resizable buffer of `length` bytes holding 1, 2, 3, ... */
function counting(length: number, maxByteLength = 64): ArrayBuffer {
  const buffer = new ArrayBuffer(length, { maxByteLength });
  new Uint8Array(buffer).forEach((_, i, all) => all[i] = i + 1);
  return buffer;
}

/**
 * Asserts a cursor at or past its end: reads give null, empty calls 0, and a
 * write one byte longer than the `room` left by growing in place fails
 * without changing the length; seeks still work.
 */
function assertAtEnd(cursor: Cursor, byteLength: number, room = 0): void {
  const position = cursor.position;
  assert.equal(cursor.byteLength, byteLength);
  assert.equal(cursor.remaining, 0);
  const p = new Uint8Array([9, 9]);
  assert.equal(cursor.readSync(p), null);
  assert.deepEqual(p, new Uint8Array([9, 9]));
  assert.equal(cursor.readSync(new Uint8Array(0)), 0);
  assert.equal(cursor.writeSync(new Uint8Array(0)), 0);
  const bytes = (n: number) => n === 1 ? "1 byte" : `${n} bytes`;
  assert.throws(() => cursor.writeSync(new Uint8Array(room + 1)), {
    name: "CursorFullError",
    message: `Cannot write ${bytes(room + 1)}: there is room for ${
      bytes(room)
    } before the end`,
  });
  assert.equal(cursor.byteLength, byteLength);
  assert.equal(cursor.position, position);
  assert.equal(cursor.seekSync(0, SeekMode.End), byteLength);
  assert.equal(cursor.seekSync(position, SeekMode.Start), position);
}

const lengthTracking: [
  string,
  (buffer: ArrayBuffer) => Uint8Array | ArrayBuffer,
][] = [
  ["resizable ArrayBuffer", (buffer) => buffer],
  ["length-tracking Uint8Array", (buffer) => new Uint8Array(buffer)],
];

for (const [kind, wrap] of lengthTracking) {
  Deno.test(`Cursor.readSync() returns null after the buffer shrinks below the position (${kind})`, () => {
    const buffer = counting(10);
    const cursor = new Cursor(wrap(buffer));
    cursor.position = 8;
    buffer.resize(5);
    // The cursor could grow the buffer back, up to its maxByteLength of 64.
    assertAtEnd(cursor, 5, 64 - 8);
    assert.equal(cursor.position, 8);
    cursor.position = 3;
    const p = new Uint8Array(4);
    assert.equal(cursor.readSync(p), 2);
    assert.deepEqual(p, new Uint8Array([4, 5, 0, 0]));
    assert.equal(cursor.position, 5);
  });

  Deno.test(`Cursor.readSync() returns null after the buffer shrinks to 0 bytes (${kind})`, () => {
    const buffer = counting(10);
    const cursor = new Cursor(wrap(buffer));
    cursor.position = 4;
    buffer.resize(0);
    assertAtEnd(cursor, 0, 64 - 4);
  });

  Deno.test(`Cursor sees bytes added when the buffer grows (${kind})`, () => {
    const buffer = counting(4);
    const cursor = new Cursor(wrap(buffer));
    const p = new Uint8Array(8);
    assert.equal(cursor.readSync(p), 4);
    assert.equal(cursor.readSync(p), null);
    buffer.resize(7);
    new Uint8Array(buffer).set([50, 60, 70], 4);
    assert.equal(cursor.byteLength, 7);
    assert.equal(cursor.remaining, 3);
    assert.equal(cursor.readSync(p), 3);
    assert.deepEqual(p.subarray(0, 3), new Uint8Array([50, 60, 70]));
    buffer.resize(9);
    assert.equal(cursor.writeSync(new Uint8Array([80, 90])), 2);
    assert.deepEqual(new Uint8Array(buffer, 7), new Uint8Array([80, 90]));
    assert.equal(cursor.position, 9);
  });
}

Deno.test("Cursor over a fixed-length view reads null while a shrink leaves it out of bounds", () => {
  const buffer = counting(16);
  const view = new Uint8Array(buffer, 4, 8);
  const cursor = new Cursor(view);
  cursor.position = 2;
  buffer.resize(10);
  assert.equal(view.byteLength, 0);
  assertAtEnd(cursor, 0);
  assert.equal(cursor.position, 2);
  buffer.resize(16);
  assert.equal(cursor.byteLength, 8);
  const p = new Uint8Array(2);
  assert.equal(cursor.readSync(p), 2);
  assert.deepEqual(p, new Uint8Array([7, 8]));
});

Deno.test("Cursor over a DataView reads null while a shrink leaves it out of bounds", () => {
  const buffer = counting(16);
  const cursor = new Cursor(new DataView(buffer, 6, 4));
  buffer.resize(8);
  assertAtEnd(cursor, 0);
  buffer.resize(12);
  const p = new Uint8Array(4);
  assert.equal(cursor.readSync(p), 4);
  assert.deepEqual(p, new Uint8Array([7, 8, 0, 0]));
});

Deno.test("Cursor over a length-tracking Int16Array keeps the length it had", () => {
  const buffer = counting(4);
  const cursor = new Cursor(new Int16Array(buffer));
  buffer.resize(8);
  assert.equal(cursor.byteLength, 4);
  assert.throws(() => {
    cursor.position = 4;
    cursor.writeSync(new Uint8Array(1));
  }, CursorFullError);
  assert.equal(cursor.position, 4);
});

// ---------------------------------------------------------------------------
// SharedArrayBuffer.

Deno.test("Cursor reads and writes a SharedArrayBuffer seen by another view", () => {
  const shared = new SharedArrayBuffer(8);
  const other = new Int32Array(shared);
  const cursor = new Cursor(shared);
  assert.equal(cursor.writeSync(new Uint8Array([1, 0, 0, 0, 2])), 5);
  assert.equal(Atomics.load(other, 0), 1);
  Atomics.store(other, 1, 0x01020304);
  cursor.position = 4;
  const p = new Uint8Array(4);
  assert.equal(cursor.readSync(p), 4);
  assert.deepEqual(
    p,
    new Uint8Array(new Int32Array([0x01020304]).buffer),
  );
  assert.equal(cursor.readSync(p), null);
});

Deno.test("Cursor follows a growable SharedArrayBuffer", () => {
  const shared = new SharedArrayBuffer(2, { maxByteLength: 8 });
  const cursor = new Cursor(shared);
  cursor.position = 2;
  assert.equal(cursor.readSync(new Uint8Array(1)), null);
  shared.grow(6);
  assert.equal(cursor.byteLength, 6);
  assert.equal(cursor.writeSync(new Uint8Array([7, 7, 7, 7])), 4);
  assert.deepEqual(new Uint8Array(shared), new Uint8Array([0, 0, 7, 7, 7, 7]));
});

Deno.test("Cursor over a SharedArrayBuffer survives posting it to a port", () => {
  const shared = new SharedArrayBuffer(4);
  const cursor = new Cursor(shared);
  const { port1, port2 } = new MessageChannel();
  port1.postMessage(shared);
  port1.close();
  port2.close();
  assert.equal(cursor.writeSync(new Uint8Array([1, 2, 3, 4])), 4);
  assert.deepEqual(new Uint8Array(shared), new Uint8Array([1, 2, 3, 4]));
});

// ---------------------------------------------------------------------------
// Awkward views.

Deno.test("Cursor writes bytes into a Uint8ClampedArray unchanged", () => {
  const clamped = new Uint8ClampedArray(4);
  const cursor = new Cursor(clamped);
  assert.equal(cursor.writeSync(new Uint8Array([0, 255, 128, 7])), 4);
  assert.deepEqual(Array.from(clamped), [0, 255, 128, 7]);
  cursor.position = 1;
  const p = new Uint8Array(3);
  assert.equal(cursor.readSync(p), 3);
  assert.deepEqual(p, new Uint8Array([255, 128, 7]));
});

for (
  const [kind, wrap] of [
    ["Uint8Array", (b: ArrayBuffer) => new Uint8Array(b, 7, 5)],
    ["Uint8ClampedArray", (b: ArrayBuffer) => new Uint8ClampedArray(b, 7, 5)],
    ["DataView", (b: ArrayBuffer) => new DataView(b, 7, 5)],
  ] as const
) {
  Deno.test(`Cursor over a ${kind} at an odd byteOffset touches only its bytes`, () => {
    const buffer = new ArrayBuffer(13);
    const whole = new Uint8Array(buffer).fill(0xee);
    const cursor = new Cursor(wrap(buffer));
    assert.equal(cursor.byteLength, 5);
    assert.equal(cursor.writeSync(new Uint8Array([1, 2, 3, 4, 5])), 5);
    assert.throws(() => cursor.writeSync(new Uint8Array(1)), CursorFullError);
    assert.deepEqual(
      Array.from(whole),
      [0xee, 0xee, 0xee, 0xee, 0xee, 0xee, 0xee, 1, 2, 3, 4, 5, 0xee],
    );
    cursor.position = 3;
    const p = new Uint8Array(4).fill(9);
    assert.equal(cursor.readSync(p), 2);
    assert.deepEqual(p, new Uint8Array([4, 5, 9, 9]));
    assert.equal(cursor.readSync(p), null);
  });
}

for (
  const [kind, wrap] of [
    ["Uint8Array", (b: ArrayBuffer) => new Uint8Array(b, b.byteLength, 0)],
    ["DataView", (b: ArrayBuffer) => new DataView(b, b.byteLength, 0)],
    ["Float64Array", (b: ArrayBuffer) => new Float64Array(b, b.byteLength, 0)],
  ] as const
) {
  for (const size of [0, 8]) {
    Deno.test(`Cursor over a zero-length ${kind} at the end of a ${size}-byte buffer is empty, not detached`, async () => {
      const buffer = new ArrayBuffer(size);
      const cursor = new Cursor(wrap(buffer));
      assertAtEnd(cursor, 0);
      assert.equal(cursor.seekSync(5, SeekMode.Start), 5);
      assertAtEnd(cursor, 0);
      assert.equal(await cursor.read(new Uint8Array(1)), null);
      await assert.rejects(cursor.write(new Uint8Array(1)), CursorFullError);
      assert.equal(cursor.position, 5);
    });
  }
}
