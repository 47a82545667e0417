import assert from "node:assert/strict";
import { Cursor, CursorFullError, type Reader } from "@iocursor/cursor";
import { requires, streamOf } from "./_runtime_test_util.ts";
import { detach } from "./_backing_test_util.ts";
import { assertNotDetached, snapshot } from "./_assert_test_util.ts";
import { noResizableBuffer, PAGE, resizableOf } from "./_wasm_test_util.ts";

function fullError(requested: number, available: number): CursorFullError {
  return new CursorFullError("write", requested, available);
}

/** A reader over `data` that gives at most `limit` bytes a call. */
function readerOf(data: Uint8Array, limit = Infinity): Reader & {
  left(): number;
} {
  let at = 0;
  return {
    left: () => data.byteLength - at,
    read(p) {
      if (at === data.byteLength) return Promise.resolve(null);
      const n = Math.min(limit, p.byteLength, data.byteLength - at);
      p.set(data.subarray(at, at + n));
      at += n;
      return Promise.resolve(n);
    },
  };
}

Deno.test("Cursor.writeSync() grows a resizable ArrayBuffer in place to the write's end", () => {
  const buffer = new ArrayBuffer(2, { maxByteLength: 8 });
  const mine = new Uint8Array(buffer);
  mine.set([1, 2]);
  const cursor = new Cursor(buffer);
  cursor.position = 1;
  assert.equal(cursor.writeSync(Uint8Array.of(7, 8, 9)), 3);
  assert.equal(cursor.position, 4);
  assert.equal(buffer.byteLength, 4);
  assert.equal(cursor.byteLength, 4);
  // The caller's own views see the bytes: the memory is still theirs.
  assert.deepEqual(mine, Uint8Array.of(1, 7, 8, 9));
  assert.equal(cursor.bytes().buffer, buffer);
  assertNotDetached(snapshot(buffer));
});

Deno.test("Cursor.writeSync() grows a growable SharedArrayBuffer in place", () => {
  const buffer = new SharedArrayBuffer(0, { maxByteLength: 16 });
  const cursor = new Cursor(buffer);
  assert.equal(cursor.writeSync(Uint8Array.of(1, 2, 3)), 3);
  assert.equal(cursor.writeSync(Uint8Array.of(4)), 1);
  assert.equal(buffer.byteLength, 4);
  assert.deepEqual(new Uint8Array(buffer), Uint8Array.of(1, 2, 3, 4));
  assert.equal(cursor.position, 4);
});

Deno.test("Cursor.writeSync() grows a length-tracking Uint8Array with an offset", () => {
  const buffer = new ArrayBuffer(4, { maxByteLength: 10 });
  new Uint8Array(buffer).fill(0xaa);
  const view = new Uint8Array(buffer, 2);
  const cursor = new Cursor(view);
  cursor.position = 2;
  assert.equal(cursor.writeSync(Uint8Array.of(5, 6, 7)), 3);
  assert.equal(buffer.byteLength, 7);
  assert.equal(view.byteLength, 5);
  assert.deepEqual(
    new Uint8Array(buffer),
    Uint8Array.of(0xaa, 0xaa, 0xaa, 0xaa, 5, 6, 7),
  );
  // The offset counts against maxByteLength: 8 more bytes are free, not 10.
  cursor.position = 0;
  assert.throws(() => cursor.writeSync(new Uint8Array(9)), fullError(9, 8));
  assert.equal(buffer.byteLength, 7);
  assert.equal(cursor.position, 0);
});

Deno.test("Cursor.writeSync() past maxByteLength fails and changes nothing", () => {
  const buffer = new ArrayBuffer(4, { maxByteLength: 6 });
  const cursor = new Cursor(buffer);
  cursor.position = 3;
  assert.throws(
    () => cursor.writeSync(new Uint8Array(4).fill(1)),
    fullError(4, 3),
  );
  assert.equal(buffer.byteLength, 4);
  assert.equal(cursor.position, 3);
  assert.deepEqual(new Uint8Array(buffer), new Uint8Array(4));
  // Exactly up to the limit still fits.
  assert.equal(cursor.writeSync(Uint8Array.of(1, 2, 3)), 3);
  assert.equal(buffer.byteLength, 6);
  cursor.position = 9;
  assert.throws(() => cursor.writeSync(Uint8Array.of(1)), fullError(1, 0));
  assert.equal(buffer.byteLength, 6);

  const shared = new SharedArrayBuffer(1, { maxByteLength: 2 });
  const sharedCursor = new Cursor(shared);
  assert.throws(
    () => sharedCursor.writeSync(new Uint8Array(3)),
    fullError(3, 2),
  );
  assert.equal(shared.byteLength, 1);
});

Deno.test("Cursor.writeSync() fills the gap after a past-end seek with zeros, even over bytes an earlier shrink cut off", () => {
  const buffer = new ArrayBuffer(8, { maxByteLength: 16 });
  new Uint8Array(buffer).fill(0xff);
  buffer.resize(2);
  const cursor = new Cursor(buffer);
  cursor.position = 6;
  assert.equal(cursor.writeSync(Uint8Array.of(1, 2)), 2);
  assert.equal(buffer.byteLength, 8);
  assert.deepEqual(
    new Uint8Array(buffer),
    Uint8Array.of(0xff, 0xff, 0, 0, 0, 0, 1, 2),
  );

  const shared = new SharedArrayBuffer(1, { maxByteLength: 8 });
  new Uint8Array(shared)[0] = 0xff;
  const sharedCursor = new Cursor(shared);
  sharedCursor.position = 4;
  sharedCursor.writeSync(Uint8Array.of(3));
  assert.deepEqual(new Uint8Array(shared), Uint8Array.of(0xff, 0, 0, 0, 3));
});

Deno.test("Cursor.writeSync() never grows a fixed-length view, whether or not it ends the buffer", () => {
  const buffer = new ArrayBuffer(6, { maxByteLength: 32 });
  const whole = new Uint8Array(buffer, 0, 6);
  const cursor = new Cursor(whole);
  cursor.position = 5;
  assert.throws(() => cursor.writeSync(Uint8Array.of(1, 2)), fullError(2, 1));
  // The probe that told it was fixed-length was undone.
  assert.equal(buffer.byteLength, 6);
  assert.equal(cursor.position, 5);

  const inner = new Cursor(new Uint8Array(buffer, 1, 3));
  inner.position = 3;
  assert.throws(() => inner.writeSync(Uint8Array.of(1)), fullError(1, 0));
  assert.equal(buffer.byteLength, 6);

  const words = new Cursor(new Int16Array(buffer));
  words.position = 6;
  assert.throws(() => words.writeSync(Uint8Array.of(1)), fullError(1, 0));
  const data = new Cursor(new DataView(buffer));
  data.position = 6;
  assert.throws(() => data.writeSync(Uint8Array.of(1)), fullError(1, 0));
  assert.equal(buffer.byteLength, 6);
  assert.deepEqual(new Uint8Array(buffer), new Uint8Array(6));
});

Deno.test("Cursor.writeSync() does not grow a Uint8Array over a growable SharedArrayBuffer", () => {
  const shared = new SharedArrayBuffer(2, { maxByteLength: 8 });
  const cursor = new Cursor(new Uint8Array(shared));
  cursor.position = 2;
  assert.throws(() => cursor.writeSync(Uint8Array.of(1)), fullError(1, 0));
  assert.equal(shared.byteLength, 2);
});

Deno.test("Cursor.writeSync() does not grow at maxByteLength or in fixed memory", () => {
  const full = new ArrayBuffer(3, { maxByteLength: 3 });
  const cursor = new Cursor(new Uint8Array(full));
  cursor.position = 3;
  assert.throws(() => cursor.writeSync(Uint8Array.of(1)), fullError(1, 0));
  const fixed = new Cursor(new ArrayBuffer(3));
  fixed.position = 2;
  assert.throws(() => fixed.writeSync(Uint8Array.of(1, 2)), fullError(2, 1));
  assert.equal(fixed.byteLength, 3);
});

Deno.test("Cursor.writeSync() of its own length-tracking bytes writes them as they were", () => {
  const buffer = new ArrayBuffer(4, { maxByteLength: 16 });
  const memory = new Uint8Array(buffer);
  memory.set([1, 2, 3, 4]);
  const cursor = new Cursor(memory);
  cursor.position = 2;
  assert.equal(cursor.writeSync(memory), 4);
  assert.equal(cursor.position, 6);
  assert.deepEqual(memory, Uint8Array.of(1, 2, 1, 2, 3, 4));
});

Deno.test("Cursor.writeSync() fails with a TypeError on a detached resizable buffer", () => {
  const buffer = new ArrayBuffer(2, { maxByteLength: 8 });
  const cursor = new Cursor(buffer);
  detach(buffer);
  assert.throws(() => cursor.writeSync(Uint8Array.of(1)), {
    name: "TypeError",
    message: "Cannot write: the underlying ArrayBuffer is detached",
  });
});

Deno.test("Cursor.writable grows a resizable buffer as chunks arrive", async () => {
  const buffer = new ArrayBuffer(0, { maxByteLength: 1 << 20 });
  const cursor = new Cursor(buffer);
  const original = Uint8Array.from({ length: 200_000 }, (_, i) => i % 253);
  await new Cursor(original).readable
    .pipeThrough(new CompressionStream("deflate"))
    .pipeThrough(new DecompressionStream("deflate"))
    .pipeTo(cursor.writable);
  assert.equal(buffer.byteLength, 200_000);
  assert.deepEqual(new Uint8Array(buffer), original);
  assert.equal(cursor.position, 200_000);
  assertNotDetached(snapshot(buffer));
  assertNotDetached(snapshot(original));
});

Deno.test("Cursor.writable errors past maxByteLength and keeps the bytes before", async () => {
  const buffer = new ArrayBuffer(0, { maxByteLength: 5 });
  const cursor = new Cursor(buffer);
  const chunks = [Uint8Array.of(1, 2, 3), Uint8Array.of(4, 5, 6)];
  await assert.rejects(
    streamOf(chunks).pipeTo(cursor.writable),
    fullError(3, 2),
  );
  assert.equal(buffer.byteLength, 3);
  assert.deepEqual(new Uint8Array(buffer), Uint8Array.of(1, 2, 3));
  assert.equal(cursor.position, 3);
});

Deno.test("Cursor.readFrom() grows a full buffer by what each read brings, through 64 KiB of scratch, never past the data", async () => {
  const buffer = new ArrayBuffer(10, { maxByteLength: 1 << 20 });
  const cursor = new Cursor(buffer);
  const data = Uint8Array.from({ length: 100_000 }, (_, i) => i % 241);
  const reads: [length: number, offered: number][] = [];
  const reader = readerOf(data, 30_000);
  const spy: Reader = {
    read(p) {
      reads.push([buffer.byteLength, p.byteLength]);
      return reader.read(p);
    },
  };
  assert.equal(await cursor.readFrom(spy), 100_000);
  // The first read fills the 10 bytes there are; then each read goes into
  // a scratch buffer of 64 KiB, and the memory grows by what it brought.
  assert.deepEqual(reads, [
    [10, 10],
    [10, 65_536],
    [30_010, 65_536],
    [60_010, 65_536],
    [90_010, 65_536],
    [100_000, 65_536],
  ]);
  assert.equal(buffer.byteLength, 100_000);
  assert.equal(cursor.position, 100_000);
  assert.deepEqual(new Uint8Array(buffer), data);
});

Deno.test("Cursor.readFrom() stops at maxByteLength and leaves the rest in the reader", async () => {
  const buffer = new ArrayBuffer(0, { maxByteLength: 1000 });
  const cursor = new Cursor(buffer);
  const data = Uint8Array.from({ length: 5000 }, (_, i) => i & 0xff);
  const reader = readerOf(data, 300);
  assert.equal(await cursor.readFrom(reader), 1000);
  assert.equal(buffer.byteLength, 1000);
  assert.equal(reader.left(), 4000);
  assert.deepEqual(new Uint8Array(buffer), data.subarray(0, 1000));
});

Deno.test("Cursor.readFromSync() grows a length-tracking view and keeps a past-end gap of zeros", () => {
  const buffer = new ArrayBuffer(2, { maxByteLength: 1 << 17 });
  new Uint8Array(buffer).set([9, 9]);
  const cursor = new Cursor(new Uint8Array(buffer));
  cursor.position = 5;
  const source = new Cursor(Uint8Array.of(1, 2, 3));
  assert.equal(cursor.readFromSync(source), 3);
  assert.equal(buffer.byteLength, 8);
  assert.deepEqual(
    new Uint8Array(buffer),
    Uint8Array.of(9, 9, 0, 0, 0, 1, 2, 3),
  );
  // Past the end with nothing to read: the buffer is given back as it was.
  cursor.position = 20;
  assert.equal(cursor.readFromSync(new Cursor(new Uint8Array(0))), 0);
  assert.equal(buffer.byteLength, 8);
  assert.equal(cursor.position, 20);
});

Deno.test("Cursor.readFrom() keeps what it read before the reader fails, and the memory ends there", async () => {
  const buffer = new ArrayBuffer(0, { maxByteLength: 1 << 20 });
  const cursor = new Cursor(buffer);
  const failure = new Error("reset");
  let calls = 0;
  const reader: Reader = {
    read(p) {
      if (calls++ === 1) return Promise.reject(failure);
      p.set([1, 2, 3]);
      return Promise.resolve(3);
    },
  };
  await assert.rejects(cursor.readFrom(reader), failure);
  assert.equal(buffer.byteLength, 3);
  assert.deepEqual(new Uint8Array(buffer), Uint8Array.of(1, 2, 3));
  assert.equal(cursor.position, 3);
});

Deno.test("Cursor.readFrom() rejects with the detached-memory TypeError when the memory is detached while the reader reads", async () => {
  const buffer = new ArrayBuffer(8);
  const cursor = new Cursor(buffer);
  const reader: Reader = {
    read(p) {
      p.set([1, 2, 3]);
      detach(buffer);
      // 3 of the 8 bytes offered: the reader did nothing wrong.
      return Promise.resolve(3);
    },
  };
  await assert.rejects(cursor.readFrom(reader), {
    name: "TypeError",
    message:
      "Cannot read from a reader: the underlying ArrayBuffer is detached",
  });
});

Deno.test("Cursor.readFrom() rejects with CursorFullError when the memory is cut while the reader reads, keeping what still fits", async () => {
  const buffer = new ArrayBuffer(8, { maxByteLength: 16 });
  const cursor = new Cursor(buffer);
  cursor.position = 1;
  const reader: Reader = {
    read(p) {
      p.set([1, 2, 3]);
      buffer.resize(3);
      return Promise.resolve(3);
    },
  };
  await assert.rejects(cursor.readFrom(reader), {
    name: "CursorFullError",
    message:
      "Cannot store the reader's 3 bytes: there is room for 2 bytes before the end",
    requested: 3,
    available: 2,
  });
  assert.equal(cursor.position, 3);
  assert.deepEqual(new Uint8Array(buffer), Uint8Array.of(0, 1, 2));
  // Cut below the position: nothing fits, the position stays.
  const other = new Cursor(buffer);
  other.position = 2;
  await assert.rejects(
    other.readFrom({
      read(p) {
        p[0] = 9;
        buffer.resize(1);
        return Promise.resolve(1);
      },
    }),
    { name: "CursorFullError", requested: 1, available: 0 },
  );
  assert.equal(other.position, 2);
});

Deno.test("Cursor.readFrom() grows a growable SharedArrayBuffer to the data's end", async () => {
  const shared = new SharedArrayBuffer(0, { maxByteLength: 1 << 20 });
  const cursor = new Cursor(shared);
  assert.equal(await cursor.readFrom(readerOf(Uint8Array.of(4, 5, 6))), 3);
  assert.equal(shared.byteLength, 3);
  assert.equal(cursor.position, 3);
  assert.deepEqual(new Uint8Array(shared), Uint8Array.of(4, 5, 6));
});

Deno.test("Cursor.readFrom() does not trim growth made by someone else", async () => {
  const buffer = new ArrayBuffer(0, { maxByteLength: 1 << 20 });
  const cursor = new Cursor(buffer);
  let calls = 0;
  const reader: Reader = {
    read(p) {
      if (calls++ > 0) return Promise.resolve(null);
      p[0] = 1;
      // The owner resizes while the copy runs; its length must stay.
      buffer.resize(70_000);
      return Promise.resolve(1);
    },
  };
  assert.equal(await cursor.readFrom(reader), 1);
  assert.equal(calls, 2);
  assert.equal(buffer.byteLength, 70_000);
  assert.equal(cursor.position, 1);
});

Deno.test("Cursor.readFromSync() leaves a full growable SharedArrayBuffer as it was when the reader has nothing", () => {
  const shared = new SharedArrayBuffer(2, { maxByteLength: 1 << 20 });
  new Uint8Array(shared).set([7, 8]);
  const cursor = new Cursor(shared);
  cursor.position = 2;
  const offered: number[] = [];
  const reader = {
    readSync(p: Uint8Array): number | null {
      offered.push(p.byteLength);
      return offered.length === 1 ? 0 : null;
    },
  };
  assert.equal(cursor.readFromSync(reader), 0);
  assert.equal(shared.byteLength, 2);
  assert.equal(cursor.position, 2);
  assert.deepEqual(new Uint8Array(shared), Uint8Array.of(7, 8));
  // Offered a scratch buffer, not grown memory: at most 64 KiB at a time.
  assert.deepEqual(offered, [65_536, 65_536]);
});

Deno.test("Cursor.readFrom() leaves a full growable SharedArrayBuffer as it was when the reader has nothing", async () => {
  const shared = new SharedArrayBuffer(0, { maxByteLength: 100 });
  const cursor = new Cursor(shared);
  assert.equal(await cursor.readFrom(readerOf(new Uint8Array(0))), 0);
  assert.equal(shared.byteLength, 0);
  assert.equal(cursor.position, 0);
});

Deno.test("Cursor.readFrom() grows shared memory only after the reader gave bytes, and keeps them", async () => {
  const shared = new SharedArrayBuffer(10, { maxByteLength: 100 });
  const cursor = new Cursor(shared);
  cursor.position = 10;
  const data = Uint8Array.from({ length: 150 }, (_, i) => i + 1);
  const reader = readerOf(data);
  assert.equal(await cursor.readFrom(reader), 90);
  // The scratch buffer held the 90 bytes up to maxByteLength, then the
  // memory grew to hold them.
  assert.equal(shared.byteLength, 100);
  assert.deepEqual(new Uint8Array(shared, 10), data.subarray(0, 90));
  assert.equal(cursor.position, 100);
  assert.equal(reader.left(), 60);
});

/**
 * A cursor over the view that `view` gives of a buffer of 1 … 16 (or up to
 * `maxByteLength`, if less) that may grow to `maxByteLength`, and the buffer,
 * which its owner cut to `to` bytes, below the view's start: after the cursor
 * was made, or `before` it, when the view's offset reads 0.
 */
function cutBelow(
  view: (buffer: ArrayBuffer) => Uint8Array,
  { before = false, to = 4, maxByteLength = 32 } = {},
): { buffer: ArrayBuffer; cursor: Cursor } {
  const buffer = new ArrayBuffer(Math.min(16, maxByteLength), {
    maxByteLength,
  });
  new Uint8Array(buffer).forEach((_, i, all) => all[i] = i + 1);
  const bytes = view(buffer);
  const cursor = before ? undefined : new Cursor(bytes);
  buffer.resize(to);
  if (before) assert.equal(bytes.byteOffset, 0);
  const made = cursor ?? new Cursor(bytes);
  assert.equal(made.byteLength, 0);
  return { buffer, cursor: made };
}

Deno.test("Cursor.writeSync() grows a length-tracking view back after its buffer was cut below the view's start, before or after the cursor was made", () => {
  for (const before of [false, true]) {
    const { buffer, cursor } = cutBelow((b) => new Uint8Array(b, 8), {
      before,
    });
    assert.equal(cursor.writeSync(Uint8Array.of(9, 9)), 2);
    // The memory ends where the write ends; what the cut took comes back as
    // zeros.
    assert.equal(buffer.byteLength, 10);
    assert.deepEqual(
      new Uint8Array(buffer),
      Uint8Array.of(1, 2, 3, 4, 0, 0, 0, 0, 9, 9),
    );
    assert.equal(cursor.position, 2);
    assert.equal(cursor.byteLength, 2);
  }
});

Deno.test("Cursor.truncateSync() and readFromSync() grow a length-tracking view back after its buffer was cut below the view's start", () => {
  const { buffer, cursor } = cutBelow((b) => new Uint8Array(b, 8));
  cursor.truncateSync(2);
  assert.equal(buffer.byteLength, 10);
  assert.equal(cursor.byteLength, 2);
  buffer.resize(4);
  assert.equal(cursor.readFromSync(new Cursor(Uint8Array.of(5, 6, 7))), 3);
  assert.equal(buffer.byteLength, 11);
  assert.deepEqual(new Uint8Array(buffer, 8), Uint8Array.of(5, 6, 7));
});

Deno.test("Cursor.writeSync() leaves a fixed-length view cut out of its buffer as it is", () => {
  const { buffer, cursor } = cutBelow((b) => new Uint8Array(b, 8, 8));
  assert.throws(() => cursor.writeSync(Uint8Array.of(9, 9)), fullError(2, 0));
  assert.throws(
    () => cursor.truncateSync(2),
    new RangeError(
      "Cannot truncate to 2 bytes: the memory is fixed-length (0 bytes)",
    ),
  );
  assert.equal(cursor.readFromSync(new Cursor(Uint8Array.of(5))), 0);
  assert.equal(buffer.byteLength, 4);
  assert.deepEqual(new Uint8Array(buffer), Uint8Array.of(1, 2, 3, 4));
  assert.equal(cursor.position, 0);
});

Deno.test("Cursor.writeSync() of as many bytes as a cut view had tells a length-tracking view from a fixed-length one", () => {
  const eight = Uint8Array.of(8, 7, 6, 5, 4, 3, 2, 1);
  const tracking = cutBelow((b) => new Uint8Array(b, 8));
  assert.equal(tracking.cursor.writeSync(eight), 8);
  assert.equal(tracking.buffer.byteLength, 16);
  assert.deepEqual(new Uint8Array(tracking.buffer, 8), eight);
  const fixed = cutBelow((b) => new Uint8Array(b, 8, 8));
  assert.throws(() => fixed.cursor.writeSync(eight), fullError(8, 0));
  assert.equal(fixed.buffer.byteLength, 4);
  assert.deepEqual(new Uint8Array(fixed.buffer), Uint8Array.of(1, 2, 3, 4));
});

Deno.test("Cursor.readFromSync() tells a length-tracking view of 1 byte cut out of its buffer from a fixed-length one", () => {
  for (const tracking of [true, false]) {
    const buffer = new ArrayBuffer(9, { maxByteLength: 32 });
    const view = tracking
      ? new Uint8Array(buffer, 8)
      : new Uint8Array(buffer, 8, 1);
    const cursor = new Cursor(view);
    buffer.resize(4);
    const read = cursor.readFromSync(new Cursor(Uint8Array.of(5, 6)));
    assert.equal(read, tracking ? 2 : 0);
    assert.equal(buffer.byteLength, tracking ? 10 : 4);
  }
});

Deno.test("Cursor.writeSync() grows a length-tracking view of a full buffer back after a cut below its start, and leaves a fixed-length one as it is", () => {
  for (const cut of [4, 8]) {
    for (const tracking of [true, false]) {
      // The buffer was at its maxByteLength, so no probe can grow it past
      // the view's end.
      const buffer = new ArrayBuffer(9, { maxByteLength: 9 });
      const view = tracking
        ? new Uint8Array(buffer, 8)
        : new Uint8Array(buffer, 8, 1);
      const cursor = new Cursor(view);
      buffer.resize(cut);
      if (tracking) {
        assert.equal(cursor.writeSync(Uint8Array.of(5)), 1);
        assert.equal(buffer.byteLength, 9);
        assert.deepEqual(new Uint8Array(buffer, 8), Uint8Array.of(5));
      } else {
        assert.throws(
          () => cursor.writeSync(Uint8Array.of(5)),
          fullError(1, 0),
        );
        assert.equal(buffer.byteLength, cut);
      }
      assert.equal(cursor.position, tracking ? 1 : 0);
    }
  }
});

Deno.test("Cursor.writeSync() to the end of a fixed-length view cut short of it leaves the bytes its buffer still holds as they were", () => {
  // The view ended its buffer when the cursor was made, so its kind was not
  // known; the cut, past the view's start, tells it without a resize.
  const buffer = new ArrayBuffer(8, { maxByteLength: 16 });
  const cursor = new Cursor(new Uint8Array(buffer, 0, 8));
  buffer.resize(4);
  new Uint8Array(buffer).set([1, 2, 3, 4]);
  cursor.position = 6;
  assert.throws(() => cursor.writeSync(Uint8Array.of(9, 9)), fullError(2, 0));
  assert.equal(buffer.byteLength, 4);
  assert.deepEqual(new Uint8Array(buffer), Uint8Array.of(1, 2, 3, 4));
});

Deno.test("Cursor.truncateSync() and readFromSync() grow a length-tracking view back that was out of its buffer's bounds when the cursor was made", () => {
  const truncated = cutBelow((b) => new Uint8Array(b, 8), { before: true });
  truncated.cursor.truncateSync(3);
  assert.equal(truncated.buffer.byteLength, 11);
  assert.deepEqual(truncated.cursor.bytes(), new Uint8Array(3));
  const filled = cutBelow((b) => new Uint8Array(b, 8), { before: true });
  assert.equal(filled.cursor.readFromSync(new Cursor(Uint8Array.of(5, 6))), 2);
  assert.equal(filled.buffer.byteLength, 10);
  assert.deepEqual(new Uint8Array(filled.buffer, 8), Uint8Array.of(5, 6));
});

Deno.test("Cursor.writeSync() leaves a fixed-length view as it is that was out of its buffer's bounds when the cursor was made", () => {
  const { buffer, cursor } = cutBelow((b) => new Uint8Array(b, 8, 4), {
    before: true,
  });
  assert.throws(() => cursor.writeSync(Uint8Array.of(9, 9)), fullError(2, 0));
  assert.throws(
    () => cursor.truncateSync(2),
    new RangeError(
      "Cannot truncate to 2 bytes: the memory is fixed-length (0 bytes)",
    ),
  );
  // Finding the view's offset grew the buffer for a while: nothing of that
  // is left.
  assert.equal(buffer.byteLength, 4);
  assert.deepEqual(new Uint8Array(buffer), Uint8Array.of(1, 2, 3, 4));
  assert.equal(cursor.position, 0);
});

Deno.test("Cursor.writeSync() past a view that was out of its buffer's bounds when the cursor was made, and that its owner grew back, grows only a length-tracking one", () => {
  const tracking = cutBelow((b) => new Uint8Array(b, 8), { before: true });
  tracking.buffer.resize(10);
  tracking.cursor.position = 2;
  assert.equal(tracking.cursor.writeSync(Uint8Array.of(9, 9)), 2);
  assert.equal(tracking.buffer.byteLength, 12);
  assert.deepEqual(
    new Uint8Array(tracking.buffer, 8),
    Uint8Array.of(0, 0, 9, 9),
  );
  const fixed = cutBelow((b) => new Uint8Array(b, 8, 2), { before: true });
  fixed.buffer.resize(10);
  fixed.cursor.position = 2;
  assert.throws(
    () => fixed.cursor.writeSync(Uint8Array.of(9, 9)),
    fullError(2, 0),
  );
  assert.equal(fixed.buffer.byteLength, 10);
});

Deno.test("Cursor.writeSync() finds a view that was out of its buffer's bounds when the cursor was made up to the buffer's maxByteLength", () => {
  // Doubled, the buffer's length passes its maximum before it reaches the
  // view's start.
  const near = cutBelow((b) => new Uint8Array(b, 9), {
    before: true,
    to: 5,
    maxByteLength: 10,
  });
  assert.equal(near.cursor.writeSync(Uint8Array.of(5)), 1);
  assert.equal(near.buffer.byteLength, 10);
  assert.deepEqual(new Uint8Array(near.buffer, 9), Uint8Array.of(5));
  // A view that starts at the maximum can never hold a byte.
  const atMax = cutBelow((b) => new Uint8Array(b, 10), {
    before: true,
    to: 2,
    maxByteLength: 10,
  });
  assert.throws(
    () => atMax.cursor.writeSync(Uint8Array.of(5)),
    fullError(1, 0),
  );
  assert.equal(atMax.buffer.byteLength, 2);
});

Deno.test("Cursor.writeSync() past a fixed-length view leaves the bytes its buffer's owner added after it as they were", () => {
  // The view ended its buffer when the cursor was made, so only a resize
  // could tell its kind; then the owner grew the buffer past it.
  const buffer = new ArrayBuffer(4, { maxByteLength: 16 });
  const cursor = new Cursor(new Uint8Array(buffer, 0, 4));
  buffer.resize(8);
  const all = new Uint8Array(buffer);
  all.set([1, 2, 3, 4, 5, 6, 7, 8]);
  cursor.position = 4;
  assert.throws(() => cursor.writeSync(Uint8Array.of(9, 9)), fullError(2, 0));
  assert.equal(buffer.byteLength, 8);
  assert.deepEqual(all, Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8));
  assert.equal(cursor.position, 4);
});

Deno.test("Cursor.writeUint32() of a value of the wrong kind throws its TypeError when growing to maxByteLength would make room", () => {
  const buffer = new ArrayBuffer(16, { maxByteLength: 20 });
  const cursor = new Cursor(buffer);
  cursor.position = 16;
  assert.throws(() => cursor.writeUint32(1n as unknown as number), {
    name: "TypeError",
    message: "Cannot write a Uint32: value must be a number, received 1n",
  });
  // Room is checked, but nothing grows for a value that cannot be written.
  assert.equal(buffer.byteLength, 16);
  assert.equal(cursor.position, 16);
  // One byte further, the room runs out first.
  cursor.position = 17;
  assert.throws(
    () => cursor.writeUint32(1n as unknown as number),
    fullError(4, 3),
  );
  assert.equal(buffer.byteLength, 16);
});

Deno.test(requires(noResizableBuffer, {
  name:
    "Cursor over a WebAssembly.Memory grows it as a resizable buffer once its buffer is one, up to the memory's maximum",
  fn() {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 2 });
    const cursor = new Cursor(memory);
    resizableOf(memory);
    cursor.position = PAGE;
    // The room counts the pages the memory may still grow by.
    assert.throws(
      () => cursor.writeSync(new Uint8Array(2 * PAGE)),
      fullError(2 * PAGE, PAGE),
    );
    assert.equal(memory.buffer.byteLength, PAGE);
    assert.equal(cursor.writeSync(Uint8Array.of(7)), 1);
    assert.equal(memory.buffer.byteLength, 2 * PAGE);
    // At its maximum from the start, it still reports what it may grow to.
    const full = new WebAssembly.Memory({ initial: 1, maximum: 1 });
    const fullCursor = new Cursor(full);
    resizableOf(full);
    assert.throws(() => fullCursor.truncateSync(PAGE + 1), {
      name: "RangeError",
      message:
        "Cannot truncate to 65537 bytes: the memory can grow to 65536 bytes at most",
    });
    assert.equal(full.buffer.byteLength, PAGE);
  },
}));

Deno.test(requires(noResizableBuffer, {
  name:
    "Cursor over a length-tracking view of memory.toResizableBuffer() follows the memory grown to its maximum by others",
  fn() {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 2 });
    const view = new Uint8Array(resizableOf(memory), 8);
    const cursor = new Cursor(view);
    memory.grow(1);
    assert.equal(cursor.byteLength, 2 * PAGE - 8);
    // The view's new length tells that it follows the memory, which can
    // then neither shrink nor grow.
    assert.throws(() => cursor.truncateSync(4), {
      name: "RangeError",
      message:
        "Cannot truncate to 4 bytes: WebAssembly memory cannot shrink (131064 bytes)",
    });
    assert.throws(() => cursor.truncateSync(2 * PAGE), {
      name: "RangeError",
      message:
        "Cannot truncate to 131072 bytes: the memory can grow to 131064 bytes at most",
    });
    assert.equal(memory.buffer.byteLength, 2 * PAGE);
  },
}));

Deno.test(requires(noResizableBuffer, {
  name:
    "Cursor.truncateSync() refuses a view of either kind that ends memory.toResizableBuffer() at the memory's maximum with what is true of both",
  fn() {
    // No resize can tell the kinds apart there, and neither kind can change
    // length: the errors say why for both.
    for (const tracking of [false, true]) {
      const memory = new WebAssembly.Memory({ initial: 1, maximum: 1 });
      const buffer = resizableOf(memory);
      const view = tracking
        ? new Uint8Array(buffer, 8)
        : new Uint8Array(buffer, 8, PAGE - 8);
      view[PAGE - 9] = 5;
      const cursor = new Cursor(view);
      const reasons = new Map([
        [4, "WebAssembly memory cannot shrink (65528 bytes)"],
        [PAGE, "the memory can grow to 65528 bytes at most"],
      ]);
      for (const [size, reason] of reasons) {
        assert.throws(() => cursor.truncateSync(size), {
          name: "RangeError",
          message: `Cannot truncate to ${size} bytes: ${reason}`,
        });
        assert.equal(memory.buffer.byteLength, PAGE);
        assert.equal(cursor.byteLength, PAGE - 8);
        assert.equal(view[PAGE - 9], 5);
      }
      cursor.position = PAGE - 8;
      assert.throws(() => cursor.writeSync(Uint8Array.of(1)), fullError(1, 0));
    }
  },
}));

Deno.test(requires(noResizableBuffer, {
  name:
    "Cursor.writeSync() and truncateSync() past a fixed-length view that ends memory.toResizableBuffer() fail and leave the memory as it was",
  fn() {
    // A whole page past the view's end: growing the memory to find out
    // could not be undone, as WebAssembly memory cannot shrink.
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 2 });
    const cursor = new Cursor(new Uint8Array(resizableOf(memory), 0, PAGE));
    cursor.position = PAGE;
    assert.throws(
      () => cursor.writeSync(new Uint8Array(PAGE)),
      fullError(PAGE, 0),
    );
    assert.equal(cursor.position, PAGE);
    assert.throws(() => cursor.truncateSync(2 * PAGE), {
      name: "RangeError",
      message:
        "Cannot truncate to 131072 bytes: the memory is fixed-length (65536 bytes)",
    });
    assert.equal(memory.buffer.byteLength, PAGE);
  },
}));

Deno.test(requires(noResizableBuffer, {
  name:
    "Cursor.writeSync() grows the memory behind an empty length-tracking view at the end of memory.toResizableBuffer(), and not behind a fixed-length one",
  fn() {
    for (const tracking of [true, false]) {
      const memory = new WebAssembly.Memory({ initial: 1, maximum: 2 });
      const buffer = resizableOf(memory);
      const view = tracking
        ? new Uint8Array(buffer, PAGE)
        : new Uint8Array(buffer, PAGE, 0);
      const cursor = new Cursor(view);
      if (tracking) {
        assert.equal(cursor.writeSync(Uint8Array.of(1, 2)), 2);
        assert.equal(memory.buffer.byteLength, 2 * PAGE);
        assert.deepEqual([...view.subarray(0, 3)], [1, 2, 0]);
      } else {
        assert.throws(
          () => cursor.writeSync(Uint8Array.of(1, 2)),
          fullError(2, 0),
        );
        assert.equal(memory.buffer.byteLength, PAGE);
      }
      assert.equal(cursor.position, tracking ? 2 : 0);
    }
  },
}));
