/**
 * Real consumers, offline: files, web streams and `Response` bodies, driven
 * by loops written against the Reader/Writer interfaces with @std/io's rules
 * (`copy` and `readAll` read until `null`; `writeAll` writes until every byte
 * is taken).
 */

import assert from "node:assert/strict";
import {
  Cursor,
  CursorFullError,
  type Reader,
  type ReaderSync,
  SeekMode,
  type Writer,
  type WriterSync,
} from "@iocursor/cursor";
import { missing, requires, streamOf } from "./_runtime_test_util.ts";
import { exactly, promised } from "./_assert_test_util.ts";

/** 1000 bytes that differ from their neighbours. */
const DATA = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7 + 3) % 256);

/**
 * Writes all of `p` the way @std/io's `writeAll` does: until every byte is
 * taken. A writer returning 0 or a short count would make that loop spin, so
 * this one fails instead.
 *
 * @returns How many `write` calls it took.
 */
async function writeAll(writer: Writer, p: Uint8Array): Promise<number> {
  let calls = 0;
  for (let written = 0; written < p.byteLength; calls++) {
    const n = await writer.write(p.subarray(written));
    assert.ok(n > 0, `write returned ${n} for ${p.byteLength - written} bytes`);
    written += n;
  }
  return calls;
}

/** The synchronous form of {@linkcode writeAll}. */
function writeAllSync(writer: WriterSync, p: Uint8Array): void {
  for (let written = 0; written < p.byteLength;) {
    const n = writer.writeSync(p.subarray(written));
    assert.ok(n > 0, `writeSync returned ${n}`);
    written += n;
  }
}

/**
 * Copies `reader` to `writer` the way @std/io's `copy` does: read until
 * `null`. A read of 0 for a non-empty buffer would spin, so this fails
 * instead.
 *
 * @returns How many bytes were copied.
 */
async function copy(
  reader: Reader,
  writer: Writer,
  size = 64,
): Promise<number> {
  const buffer = new Uint8Array(size);
  let total = 0;
  for (let n; (n = await reader.read(buffer)) !== null;) {
    assert.notEqual(n, 0, "read returned 0 for a non-empty buffer");
    await writeAll(writer, buffer.subarray(0, n));
    total += n;
  }
  return total;
}

/** The synchronous form of {@linkcode copy}. */
function copySync(reader: ReaderSync, writer: WriterSync, size = 64): number {
  const buffer = new Uint8Array(size);
  let total = 0;
  for (let n; (n = reader.readSync(buffer)) !== null;) {
    assert.notEqual(n, 0, "readSync returned 0 for a non-empty buffer");
    writeAllSync(writer, buffer.subarray(0, n));
    total += n;
  }
  return total;
}

/** A `WritableStream` that writes each chunk into `cursor` and closes it. */
function writable(cursor: Cursor): WritableStream<Uint8Array> {
  return new WritableStream({
    async write(chunk) {
      await writeAll(cursor, chunk);
    },
    close: () => cursor.close(),
  });
}

/** Runs `fn` with the path of a new temporary file, then removes it. */
async function withTempFile(
  fn: (path: string) => Promise<void>,
): Promise<void> {
  const path = await Deno.makeTempFile({ prefix: "iocursor_test_" });
  try {
    await fn(path);
  } finally {
    await Deno.remove(path);
  }
}

Deno.test(requires(missing.deno, {
  name: "Cursor copies to a Deno.FsFile and back through Reader and Writer",
  async fn() {
    await withTempFile(async (path) => {
      const source = new Cursor(DATA);
      {
        using file = await Deno.open(path, { write: true, truncate: true });
        assert.equal(await copy(source, file, 7), DATA.byteLength);
      }
      assert.equal(source.position, DATA.byteLength);
      assert.deepEqual(await Deno.readFile(path), DATA);

      const memory = new Uint8Array(DATA.byteLength);
      const target = new Cursor(memory);
      {
        using file = await Deno.open(path, { read: true });
        assert.equal(await copy(file, target, 100), DATA.byteLength);
      }
      assert.equal(target.position, DATA.byteLength);
      assert.equal(target.remaining, 0);
      assert.deepEqual(memory, DATA);
    });
  },
}));

Deno.test(requires(missing.deno, {
  name:
    "Cursor copies to a Deno.FsFile and back through ReaderSync and WriterSync",
  async fn() {
    await withTempFile((path) => {
      const source = new Cursor(DATA.buffer);
      {
        using file = Deno.openSync(path, { write: true, truncate: true });
        assert.equal(copySync(source, file, 13), DATA.byteLength);
      }
      assert.equal(source.position, DATA.byteLength);
      assert.deepEqual(Deno.readFileSync(path), DATA);

      const memory = new Uint16Array(DATA.byteLength / 2);
      const target = new Cursor(memory);
      {
        using file = Deno.openSync(path, { read: true });
        assert.equal(copySync(file, target), DATA.byteLength);
      }
      assert.equal(target.position, DATA.byteLength);
      assert.deepEqual(new Uint8Array(memory.buffer), DATA);
      return Promise.resolve();
    });
  },
}));

Deno.test(requires(missing.deno, {
  name: "Cursor reads and seeks like a Deno.FsFile holding the same bytes",
  async fn() {
    await withTempFile(async (path) => {
      await Deno.writeFile(path, DATA.subarray(0, 10));
      using file = await Deno.open(path, { read: true });
      const cursor = new Cursor(DATA.subarray(0, 10));
      // Each step runs on both; results, bytes read and positions must agree.
      const steps: [string, number | bigint, SeekMode?][] = [
        ["read", 4],
        ["seek", 3, SeekMode.Start],
        ["read", 4],
        ["seek", -2, SeekMode.End],
        ["read", 4],
        ["read", 4],
        ["read", 0],
        ["seek", 5n, SeekMode.End],
        ["read", 1],
        ["read", 0],
        ["seek", -9, SeekMode.Current],
        ["read", 10],
        ["seek", 0, SeekMode.End],
        ["read", 3],
      ];
      for (const [op, arg, whence] of steps) {
        const label = `${op}(${arg}, ${whence})`;
        if (op === "seek") {
          assert.equal(
            cursor.seekSync(arg, whence!),
            await file.seek(arg, whence!),
            label,
          );
        } else {
          const fromCursor = new Uint8Array(Number(arg));
          const fromFile = new Uint8Array(Number(arg));
          assert.equal(
            cursor.readSync(fromCursor),
            await file.read(fromFile),
            label,
          );
          assert.deepEqual(fromCursor, fromFile, label);
        }
        assert.equal(
          cursor.position,
          await file.seek(0, SeekMode.Current),
          label,
        );
      }
    });
  },
}));

Deno.test(requires(missing.streamFrom, {
  name: "Cursor takes ReadableStream.from() chunks in order",
  async fn() {
    const chunks = [[1, 2, 3], [], [4], [5, 6, 7, 8, 9], [10]];
    const memory = new Uint8Array(12).fill(0xee);
    const cursor = new Cursor(memory);
    for await (
      const chunk of ReadableStream.from(chunks.map((c) => new Uint8Array(c)))
    ) {
      assert.equal(await promised(cursor.write(chunk)), chunk.length);
    }
    assert.equal(cursor.position, 10);
    assert.deepEqual([...memory], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0xee, 0xee]);
  },
}));

Deno.test(requires(missing.streamFrom, {
  name:
    "Cursor refuses the ReadableStream.from() chunk that does not fit, whole",
  async fn() {
    const memory = new Uint8Array(7);
    const cursor = new Cursor(memory);
    const stream = ReadableStream.from(
      [[1, 2, 3], [4, 5, 6], [7, 8, 9]].map((c) => new Uint8Array(c)),
    );
    await assert.rejects(
      stream.pipeTo(writable(cursor)),
      exactly(
        CursorFullError,
        "Cannot write 3 bytes: there is room for 1 byte before the end",
        {
          requested: 3,
          available: 1,
        },
      ),
    );
    assert.equal(cursor.position, 6);
    assert.equal(cursor.closed, false); // a failed sink is not closed
    assert.deepEqual(memory, new Uint8Array([1, 2, 3, 4, 5, 6, 0]));
  },
}));

Deno.test("Cursor takes a Response body into preallocated memory", async () => {
  const body = new Response(DATA).body!;
  const memory = new Uint8Array(DATA.byteLength);
  const cursor = new Cursor(memory);
  const reader = body.getReader();
  for (let r; !(r = await reader.read()).done;) {
    assert.equal(await writeAll(cursor, r.value), 1);
  }
  assert.equal(cursor.position, DATA.byteLength);
  assert.equal(cursor.remaining, 0);
  assert.deepEqual(memory, DATA);
});

Deno.test("Cursor.write() is never short, so a writeAll loop makes one call or fails", async () => {
  const memory = new Uint8Array(10);
  const cursor = new Cursor(memory);
  for (const length of [1, 4, 0, 5]) {
    const before = cursor.position;
    const p = new Uint8Array(length).fill(length);
    assert.equal(await writeAll(cursor, p), length === 0 ? 0 : 1);
    assert.equal(cursor.position, before + length);
  }
  await assert.rejects(
    writeAll(cursor, new Uint8Array(3)),
    exactly(
      CursorFullError,
      "Cannot write 3 bytes: there is room for 0 bytes before the end",
    ),
  );
  assert.equal(cursor.position, 10);
  assert.deepEqual([...memory], [1, 4, 4, 4, 4, 5, 5, 5, 5, 5]);
});

Deno.test("Cursor.close() tolerates a stream adapter and its owner both closing it", async () => {
  const memory = new Uint8Array(4);
  let escaped: Cursor;
  {
    using cursor = new Cursor(memory);
    escaped = cursor;
    await streamOf([new Uint8Array([1, 2]), new Uint8Array([3])])
      .pipeTo(writable(cursor));
    assert.equal(cursor.closed, true); // closed by the adapter
    assert.equal(cursor.position, 3);
  } // closed again by `using`
  assert.equal(escaped.closed, true);
  escaped.close();
  assert.deepEqual(escaped.bytes(), new Uint8Array([1, 2, 3, 0]));
  assert.equal(escaped.bytes(), memory);
});
