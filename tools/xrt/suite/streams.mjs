// Cases for issue 5: Web Streams, the copy paths and growth in place, run
// against the package as each runtime loads it.

import { Cursor, CursorFullError } from "@iocursor/cursor";
import { bytes, equal, rejects, requires, test } from "./harness.mjs";

/**
 * @param {number} length How many bytes.
 * @returns {Uint8Array} Bytes that differ from their neighbours.
 */
function pattern(length) {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = (i * 7 + 3) & 0xff;
  return out;
}

/**
 * Asserts that the buffer still has its length and gives fresh views: a
 * stream that enqueued the cursor's memory would have detached it.
 *
 * @param {ArrayBufferLike} buffer The caller's buffer.
 * @param {number} byteLength Its length before.
 */
function attached(buffer, byteLength) {
  equal(buffer.byteLength, byteLength, "buffer length after stream use");
  equal(new Uint8Array(buffer).byteLength, byteLength, "a fresh view");
}

test("Cursor.readable is read whole by new Response().arrayBuffer()", async () => {
  const memory = pattern(100_000);
  const cursor = new Cursor(memory);
  cursor.position = 10;
  const body = await new Response(cursor.readable).arrayBuffer();
  bytes(new Uint8Array(body), memory.subarray(10), "body");
  equal(cursor.position, 100_000, "position");
  equal(cursor.closed, true, "closed at the end");
  attached(memory.buffer, 100_000);
});

test("Cursor.readable fills a BYOB view at an offset and honours min", async () => {
  const memory = pattern(24);
  const cursor = new Cursor(memory);
  const reader = cursor.readable.getReader({ mode: "byob" });
  const first = await reader.read(new Uint8Array(new ArrayBuffer(32), 3, 9), {
    min: 9,
  });
  equal(first.value.byteOffset, 3, "byteOffset");
  bytes(first.value, memory.subarray(0, 9), "first read");
  const rest = await reader.read(new Uint8Array(32));
  bytes(rest.value, memory.subarray(9), "second read");
  equal((await reader.read(new Uint8Array(1))).done, true, "done");
  attached(memory.buffer, 24);
});

test("Cursor.writable takes piped chunks and errors with CursorFullError when full", async () => {
  const memory = new Uint8Array(5);
  const cursor = new Cursor(memory);
  const chunks = [
    Uint8Array.of(1, 2),
    Uint8Array.of(3, 4),
    Uint8Array.of(5, 6),
  ];
  const source = new ReadableStream({
    pull(controller) {
      const chunk = chunks.shift();
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
  });
  await rejects(
    () => source.pipeTo(cursor.writable),
    CursorFullError,
    "Cannot write 2 bytes: there is room for 1 byte before the end",
  );
  bytes(memory, [1, 2, 3, 4, 0], "memory");
  equal(cursor.position, 4, "position");
});

test("Cursor.writeToSync() and readFromSync() copy without losing bytes", () => {
  const source = new Cursor(pattern(10));
  const taken = [];
  const writer = {
    /** @param {Uint8Array} p */
    writeSync(p) {
      const n = Math.min(3, p.byteLength);
      taken.push(...p.subarray(0, n));
      return n;
    },
  };
  equal(source.writeToSync(writer), 10, "written");
  bytes(Uint8Array.from(taken), pattern(10), "what the writer took");
  const reader = new Cursor(pattern(10));
  const target = new Cursor(new Uint8Array(4));
  equal(target.readFromSync(reader), 4, "read");
  equal(reader.position, 4, "the rest stays in the reader");
  bytes(target.bytes(), pattern(4), "what was read");
});

test("Cursor.writeSync() grows a resizable ArrayBuffer in place", () => {
  requires("resizableArrayBuffer");
  const buffer = new ArrayBuffer(2, { maxByteLength: 8 });
  const cursor = new Cursor(buffer);
  cursor.position = 4;
  equal(cursor.writeSync(Uint8Array.of(7, 8)), 2, "written");
  equal(buffer.byteLength, 6, "grown to the write's end");
  bytes(new Uint8Array(buffer), [0, 0, 0, 0, 7, 8], "zeros in the gap");
});

test("Cursor.writeSync() grows a growable SharedArrayBuffer in place", () => {
  requires("growableSharedArrayBuffer");
  const buffer = new SharedArrayBuffer(0, { maxByteLength: 4 });
  const cursor = new Cursor(buffer);
  equal(cursor.writeSync(Uint8Array.of(1, 2, 3)), 3, "written");
  equal(buffer.byteLength, 3, "grown");
  bytes(new Uint8Array(buffer), [1, 2, 3], "memory");
});
