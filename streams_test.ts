import assert from "node:assert/strict";
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  Cursor,
  CursorClosedError,
  CursorFullError,
  CursorReadOnlyError,
} from "@iocursor/cursor";
import { detach, testEveryBacking } from "./_backing_test_util.ts";
import { missing, streamOf } from "./_runtime_test_util.ts";
import { assertNotDetached, snapshot } from "./_assert_test_util.ts";

/** 24 distinct bytes: every backing kind divides it. */
const DATA = Array.from({ length: 24 }, (_, i) => (i * 7 + 3) & 0xff);
const TEXT = new TextEncoder();

function pattern(length: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 31 + (i >> 8)) & 0xff;
  return bytes;
}

async function drain(stream: ReadableStream<Uint8Array>): Promise<number[]> {
  const out: number[] = [];
  for await (const chunk of stream) out.push(...chunk);
  return out;
}

testEveryBacking(
  "Cursor.readable is read whole by new Response().arrayBuffer()",
  DATA,
  async (backing) => {
    const before = snapshot(backing);
    const cursor = new Cursor(backing.source);
    cursor.position = 5;
    const body = await new Response(cursor.readable).arrayBuffer();
    assert.deepEqual(new Uint8Array(body), Uint8Array.from(DATA.slice(5)));
    assert.equal(cursor.position, DATA.length);
    assert.equal(cursor.closed, true);
    assert.deepEqual(backing.view(), Uint8Array.from(DATA));
    assertNotDetached(before);
  },
);

testEveryBacking(
  "Cursor.readable fills BYOB views at odd offsets and honours min",
  DATA,
  async (backing) => {
    const before = snapshot(backing);
    const cursor = new Cursor(backing.source);
    const reader = cursor.readable.getReader({ mode: "byob" });
    const target = new ArrayBuffer(40);
    new Uint8Array(target).fill(0xee);
    let result = await reader.read(new Uint8Array(target, 3, 5), { min: 5 });
    assert.equal(result.done, false);
    assert.equal(result.value?.byteOffset, 3);
    assert.deepEqual(result.value, Uint8Array.from(DATA.slice(0, 5)));
    assert.equal(cursor.position, 5);
    const buffer = result.value!.buffer;
    result = await reader.read(new Uint8Array(buffer, 11, 13), { min: 13 });
    assert.equal(result.value?.byteOffset, 11);
    assert.deepEqual(result.value, Uint8Array.from(DATA.slice(5, 18)));
    assert.equal(cursor.position, 18);
    const whole = new Uint8Array(result.value!.buffer);
    assert.deepEqual(whole.subarray(0, 3), new Uint8Array(3).fill(0xee));
    assert.deepEqual(whole.subarray(8, 11), new Uint8Array(3).fill(0xee));
    assert.deepEqual(whole.subarray(24), new Uint8Array(16).fill(0xee));
    // min beyond what is left: the rest arrives with done, then the end.
    result = await reader.read(new Uint8Array(10), { min: 10 });
    assert.equal(result.done, true);
    assert.deepEqual(result.value, Uint8Array.from(DATA.slice(18)));
    assert.equal(cursor.position, DATA.length);
    assert.equal(cursor.closed, true);
    assertNotDetached(before);
  },
);

Deno.test("Cursor.readable gives a default reader 65536-byte chunks of fresh memory", async () => {
  const memory = pattern(200_000);
  const before = snapshot(memory);
  const cursor = new Cursor(memory);
  const sizes: number[] = [];
  const reader = cursor.readable.getReader();
  const parts: Uint8Array[] = [];
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    assert.notEqual(r.value.buffer, memory.buffer);
    sizes.push(r.value.byteLength);
    parts.push(r.value);
  }
  assert.deepEqual(sizes, [65536, 65536, 65536, 200_000 - 3 * 65536]);
  const joined = new Uint8Array(200_000);
  let at = 0;
  for (const part of parts) {
    joined.set(part, (at += part.byteLength) - part.byteLength);
  }
  assert.deepEqual(joined, memory);
  assertNotDetached(before);
});

Deno.test("Cursor.readable reads from the position at the first pull", async () => {
  const memory = Uint8Array.from(DATA);
  const before = snapshot(memory);
  const cursor = new Cursor(memory);
  const stream = cursor.readable;
  cursor.position = 20;
  assert.deepEqual(await drain(stream), DATA.slice(20));
  assert.equal(cursor.position, 24);
  assertNotDetached(before);
});

Deno.test("Cursor.readable and Cursor.writable return the same stream each time", () => {
  const cursor = new Cursor(new Uint8Array(4));
  assert.equal(cursor.readable, cursor.readable);
  assert.equal(cursor.writable, cursor.writable);
  assert.equal(cursor.closed, false);
});

Deno.test("Cursor.readable of an empty cursor or past the end closes at once", async () => {
  const nothing = new Uint8Array(0);
  const empty = new Cursor(nothing);
  assert.deepEqual(await drain(empty.readable), []);
  assert.equal(empty.closed, true);
  const three = new Uint8Array(3);
  const before = snapshot(three);
  const past = new Cursor(three);
  past.position = 9;
  assert.deepEqual(await drain(past.readable), []);
  assert.equal(past.position, 9);
  assert.equal(past.closed, true);
  assertNotDetached(snapshot(nothing));
  assertNotDetached(before);
});

testEveryBacking(
  "Cursor.readable survives gzip and back into Cursor.writable",
  DATA,
  async (backing) => {
    const before = snapshot(backing);
    const source = new Cursor(backing.source);
    const memory = new Uint8Array(DATA.length);
    const after = snapshot(memory);
    const target = new Cursor(memory);
    await source.readable
      .pipeThrough(new CompressionStream("gzip"))
      .pipeThrough(new DecompressionStream("gzip"))
      .pipeTo(target.writable);
    assert.deepEqual(memory, Uint8Array.from(DATA));
    assert.equal(target.position, DATA.length);
    assert.equal(source.closed, true);
    assert.equal(target.closed, true);
    assertNotDetached(before);
    assertNotDetached(after);
  },
);

Deno.test("Cursor.readable round-trips 1 MiB through gzip into a cursor", async () => {
  const original = pattern(1 << 20);
  const memory = new Uint8Array(1 << 20);
  const snapshots = [snapshot(original), snapshot(memory)];
  const target = new Cursor(memory);
  await new Cursor(original).readable
    .pipeThrough(new CompressionStream("gzip"))
    .pipeThrough(new DecompressionStream("gzip"))
    .pipeTo(target.writable);
  assert.deepEqual(memory, original);
  assert.equal(target.position, 1 << 20);
  snapshots.forEach(assertNotDetached);
});

Deno.test("Cursor.readable feeds TextDecoderStream for line splitting", async () => {
  // "é" (2 bytes) and "€" (3 bytes) straddle chunk edges at 65536.
  const text = Array.from({ length: 20_000 }, (_, i) => `line ${i} é€`)
    .join("\n");
  const memory = TEXT.encode(text);
  const before = snapshot(memory);
  const cursor = new Cursor(memory);
  let pending = "";
  const lines: string[] = [];
  for await (
    const piece of cursor.readable.pipeThrough(new TextDecoderStream())
  ) {
    const parts = (pending + piece).split("\n");
    pending = parts.pop()!;
    lines.push(...parts);
  }
  lines.push(pending);
  assert.equal(lines.length, 20_000);
  assert.equal(lines[12_345], "line 12345 é€");
  assert.equal(lines.join("\n"), text);
  assertNotDetached(before);
});

testEveryBacking(
  "Cursor.readable works with node:stream Readable.fromWeb() piped to a Writable",
  DATA,
  async (backing) => {
    const before = snapshot(backing);
    const cursor = new Cursor(backing.source);
    const received: number[] = [];
    await pipeline(
      Readable.fromWeb(
        cursor.readable as import("node:stream/web").ReadableStream,
      ),
      new Writable({
        write(chunk: Uint8Array, _encoding, callback) {
          received.push(...chunk);
          callback();
        },
      }),
    );
    assert.deepEqual(received, DATA);
    assert.equal(cursor.position, DATA.length);
    assertNotDetached(before);
  },
  missing.nodeStreams,
);

testEveryBacking(
  "Cursor.readable cancel closes the cursor and stops reading",
  DATA,
  async (backing) => {
    const before = snapshot(backing);
    const cursor = new Cursor(backing.source);
    const reader = cursor.readable.getReader({ mode: "byob" });
    const first = await reader.read(new Uint8Array(4));
    assert.deepEqual(first.value, Uint8Array.from(DATA.slice(0, 4)));
    await reader.cancel("enough");
    assert.equal(cursor.closed, true);
    assert.equal(cursor.position, 4);
    assert.equal((await reader.read(new Uint8Array(4))).done, true);
    assert.equal(cursor.position, 4);
    assertNotDetached(before);
  },
);

Deno.test("Cursor.readable errors with CursorClosedError when the cursor was closed", async () => {
  const memory = new Uint8Array(4);
  const before = snapshot(memory);
  const cursor = new Cursor(memory);
  cursor.close();
  await assert.rejects(
    cursor.readable.getReader().read(),
    new CursorClosedError("read"),
  );
  assertNotDetached(before);
});

Deno.test("Cursor.readable errors with a TypeError when the buffer is detached", async () => {
  const buffer = new ArrayBuffer(4);
  const cursor = new Cursor(buffer);
  detach(buffer);
  await assert.rejects(cursor.readable.getReader().read(), {
    name: "TypeError",
    message: "Cannot read: the underlying ArrayBuffer is detached",
  });
  assert.equal(cursor.closed, false);
});

testEveryBacking(
  "Cursor.writable writes chunks at the position and closes the cursor",
  new Array(24).fill(0),
  async (backing) => {
    const before = snapshot(backing);
    const cursor = new Cursor(backing.source);
    cursor.position = 2;
    await streamOf(
      [[1, 2, 3], [], [4, 5]].map((c) => Uint8Array.from(c)),
    )
      .pipeTo(cursor.writable);
    const expected = new Uint8Array(24);
    expected.set([1, 2, 3, 4, 5], 2);
    assert.deepEqual(backing.view(), expected);
    assert.equal(cursor.position, 7);
    assert.equal(cursor.closed, true);
    assertNotDetached(before);
  },
);

testEveryBacking(
  "Cursor.writable errors with CursorFullError and writes nothing of that chunk",
  new Array(8).fill(0),
  async (backing) => {
    const before = snapshot(backing);
    const cursor = new Cursor(backing.source);
    const writer = cursor.writable.getWriter();
    await writer.write(Uint8Array.from([1, 2, 3, 4, 5]));
    assert.equal(cursor.position, 5);
    // Memory that grows has `growth` more room: 100 bytes are too many still.
    const free = 3 + backing.growth;
    const error = await writer.write(new Uint8Array(100).fill(9)).then(
      () => assert.fail("the write should fail"),
      (e: unknown) => e,
    );
    assert(error instanceof CursorFullError);
    assert.equal(
      error.message,
      `Cannot write 100 bytes: there is room for ${free} bytes before the end`,
    );
    assert.equal(error.requested, 100);
    assert.equal(error.available, free);
    assert.deepEqual(backing.view(), Uint8Array.from([1, 2, 3, 4, 5, 0, 0, 0]));
    assert.equal(cursor.position, 5);
    await assert.rejects(writer.closed, CursorFullError);
    assert.equal(cursor.closed, false);
    assertNotDetached(before);
  },
);

Deno.test("Cursor.writable refuses a chunk that is not a Uint8Array", async () => {
  const memory = new Uint8Array(8);
  const before = snapshot(memory);
  const cursor = new Cursor(memory);
  const writer = cursor.writable.getWriter();
  await assert.rejects(writer.write("text" as unknown as Uint8Array), {
    name: "TypeError",
    message: 'Cannot write: chunk must be a Uint8Array, received "text"',
  });
  assert.equal(cursor.position, 0);
  assert.deepEqual(memory, new Uint8Array(8));
  assertNotDetached(before);
});

Deno.test("Cursor.writable errors with CursorReadOnlyError on a read-only cursor", async () => {
  const memory = new Uint8Array(4);
  const before = snapshot(memory);
  const cursor = new Cursor(memory, { readOnly: true });
  await assert.rejects(
    streamOf([Uint8Array.of(1)]).pipeTo(cursor.writable),
    new CursorReadOnlyError("write"),
  );
  assert.deepEqual(memory, new Uint8Array(4));
  assert.equal(cursor.position, 0);
  assertNotDetached(before);
});

Deno.test("Cursor.writable abort closes the cursor and keeps what was written", async () => {
  const memory = new Uint8Array(4);
  const before = snapshot(memory);
  const cursor = new Cursor(memory);
  const writer = cursor.writable.getWriter();
  await writer.write(Uint8Array.of(7, 8));
  await writer.abort(new Error("stop"));
  assert.equal(cursor.closed, true);
  assert.equal(cursor.position, 2);
  assert.deepEqual(cursor.bytes(), Uint8Array.of(7, 8, 0, 0));
  assertNotDetached(before);
});

Deno.test("Cursor.writable with preventClose leaves the cursor open", async () => {
  const memory = new Uint8Array(4);
  const before = snapshot(memory);
  const cursor = new Cursor(memory);
  await streamOf([Uint8Array.of(1, 2)]).pipeTo(cursor.writable, {
    preventClose: true,
  });
  assert.equal(cursor.closed, false);
  assert.equal(cursor.position, 2);
  assert.deepEqual(memory, Uint8Array.of(1, 2, 0, 0));
  assertNotDetached(before);
});

Deno.test("Cursor.writable takes chunks a producer reuses, since it copies them", async () => {
  const memory = new Uint8Array(6);
  const scratch = new Uint8Array(2);
  const snapshots = [snapshot(memory), snapshot(scratch)];
  const cursor = new Cursor(memory);
  const writer = cursor.writable.getWriter();
  for (const pair of [[1, 2], [3, 4], [5, 6]]) {
    scratch.set(pair);
    await writer.write(scratch);
  }
  await writer.close();
  assert.deepEqual(memory, Uint8Array.of(1, 2, 3, 4, 5, 6));
  snapshots.forEach(assertNotDetached);
});

testEveryBacking(
  "Cursor.readable fills BYOB views of wider element types",
  DATA,
  async (backing) => {
    const before = snapshot(backing);
    const cursor = new Cursor(backing.source);
    const reader = cursor.readable.getReader({ mode: "byob" });
    const words = await reader.read(new Uint32Array(new ArrayBuffer(24), 4, 3));
    assert(words.value instanceof Uint32Array);
    assert.equal(words.value.byteOffset, 4);
    assert.deepEqual(
      new Uint8Array(words.value.buffer, 4, 12),
      Uint8Array.from(DATA.slice(0, 12)),
    );
    const doubles = await reader.read(new Float64Array(4), { min: 1 });
    assert(doubles.value instanceof Float64Array);
    assert.deepEqual(
      new Uint8Array(doubles.value.buffer, 0, 8),
      Uint8Array.from(DATA.slice(12, 20)),
    );
    // The 4 bytes left do not fill a Float64: they stay queued in the
    // stream, and the position has moved past them.
    assert.equal(doubles.value.length, 1);
    assert.equal(cursor.position, 24);
    assertNotDetached(before);
  },
);

Deno.test("assertNotDetached() fails once a byte stream has enqueued the memory", async () => {
  // The check the stream tests rely on, shown to catch the bug it guards
  // against: enqueue() transfers the chunk's buffer away from its owner.
  const memory = Uint8Array.from(DATA);
  const before = { buffer: memory.buffer, byteLength: memory.byteLength };
  assertNotDetached(before);
  const stream = new ReadableStream({
    type: "bytes",
    start(controller) {
      controller.enqueue(memory);
      controller.close();
    },
  });
  assert.deepEqual(await drain(stream), DATA);
  assert.throws(() => assertNotDetached(before), assert.AssertionError);
  assert.equal(memory.byteLength, 0);
});
