/**
 * The cursor against the real Deno standard library: @std/io 0.225 (`copy`,
 * `readAll`, `writeAll`, `iterateReader`, the stream adapters and `Buffer`),
 * @std/io 0.224.9 (`BufReader`, `BufWriter`, `readDelim`, `LimitedReader`,
 * `MultiReader`, `StringReader`) and @std/streams, asserted with
 * @std/assert. The cursor plays every role each function takes, next to
 * short and failing peers.
 *
 * deno.json keeps this file out of `deno test` and `deno check .`, which must
 * work offline: run it with `deno task test:std`, which takes the packages
 * from `../shared/std` when it exists and from JSR otherwise
 * (tools/std_test.ts).
 */

import {
  assertEquals,
  assertInstanceOf,
  assertRejects,
  assertStrictEquals,
  assertThrows,
} from "@std/assert";
import { Buffer } from "@std/io/buffer";
import { copy } from "@std/io/copy";
import { iterateReader, iterateReaderSync } from "@std/io/iterate-reader";
import { readAll, readAllSync } from "@std/io/read-all";
import { readerFromStreamReader } from "@std/io/reader-from-stream-reader";
import { toReadableStream } from "@std/io/to-readable-stream";
import { toWritableStream } from "@std/io/to-writable-stream";
import { writeAll, writeAllSync } from "@std/io/write-all";
import { BufReader, PartialReadError } from "@std/io-0.224/buf-reader";
import { BufWriter, BufWriterSync } from "@std/io-0.224/buf-writer";
import { LimitedReader } from "@std/io-0.224/limited-reader";
import { MultiReader } from "@std/io-0.224/multi-reader";
import { readDelim } from "@std/io-0.224/read-delim";
import { TextLineStream } from "@std/streams/text-line-stream";
import { toArrayBuffer } from "@std/streams/to-array-buffer";
import { toBytes } from "@std/streams/to-bytes";
import { toText } from "@std/streams/to-text";
import {
  Cursor,
  CursorClosedError,
  CursorFullError,
  CursorReadOnlyError,
  type Reader,
  type ReaderSync,
  type Writer,
} from "./mod.ts";

/**
 * @std/io 0.224.9's `StringReader`, loaded at run time: its base class, that
 * release's `Buffer`, does not type-check under TypeScript 6 (its constructor
 * passes an `ArrayBufferLike` to `new Uint8Array()`; 0.225 fixed it), and
 * `deno check` reports errors in every local file of the graph. The specifier
 * sits in a variable so that the check leaves the module out.
 */
const STRING_READER = "@std/io-0.224/string-reader";
const { StringReader }: {
  StringReader: new (text: string) => Reader & ReaderSync;
} = await import(STRING_READER);

/**
 * 70,000 bytes that differ from their neighbours: more than one chunk of
 * `readAll` (16,640 bytes), of `copy` (32 KiB) and of a default reader of
 * `cursor.readable` (64 KiB), and a short last chunk for each.
 */
const DATA = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7 + 3) % 256);
/** The length of {@linkcode DATA}. */
const SIZE = DATA.byteLength;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The UTF-8 bytes of `text`. */
function utf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text);
}

/** `0, 1, 2, ...`: bytes whose values name their index. */
function count(length: number): Uint8Array<ArrayBuffer> {
  return Uint8Array.from({ length }, (_, i) => i);
}

/** A reader that passes at most `most` bytes per call to `reader`. */
function shortReader(reader: Reader, most: number): Reader {
  return { read: (p) => reader.read(p.subarray(0, most)) };
}

/** A writer that passes at most `most` bytes per call to `writer`. */
function shortWriter(writer: Writer, most: number): Writer {
  return { write: (p) => writer.write(p.subarray(0, most)) };
}

/** A reader that reads `reader` once, then rejects with "the disk is gone". */
function failingReader(reader: Reader): Reader {
  let calls = 0;
  return {
    read(p) {
      return calls++ === 0
        ? reader.read(p)
        : Promise.reject(new Error("the disk is gone"));
    },
  };
}

/** The message of a full cursor, as CursorFullError words it. */
function fullMessage(requested: number, available: number): string {
  const bytes = (n: number) => n === 1 ? "1 byte" : `${n} bytes`;
  return `Cannot write ${bytes(requested)}: there is room for ${
    bytes(available)
  } before the end`;
}

// ---------------------------------------------------------------------------
// @std/io 0.225: copy

Deno.test("copy() copies a cursor into a cursor from each one's position", async () => {
  const source = new Cursor(DATA);
  source.position = 100;
  const memory = new Uint8Array(SIZE);
  const target = new Cursor(memory);
  target.position = 10;

  assertEquals(await copy(source, target), SIZE - 100);

  assertEquals(source.position, SIZE);
  assertEquals(target.position, SIZE - 90);
  assertEquals(memory.subarray(10, SIZE - 90), DATA.subarray(100));
  assertEquals(memory.subarray(0, 10), new Uint8Array(10));
  assertEquals(memory.subarray(SIZE - 90), new Uint8Array(90));
});

Deno.test("copy() copies a cursor into a Buffer and a Buffer into a cursor", async () => {
  const source = new Cursor(DATA);
  const buffer = new Buffer();
  assertEquals(await copy(source, buffer), SIZE);
  assertEquals(source.position, SIZE);
  assertEquals(buffer.bytes(), DATA);

  const memory = new Uint8Array(SIZE);
  const target = new Cursor(memory);
  assertEquals(await copy(buffer, target, { bufSize: 1000 }), SIZE);
  assertEquals(target.position, SIZE);
  assertEquals(memory, DATA);
  assertEquals(buffer.length, 0);
});

Deno.test("copy() fills a cursor from a reader that returns short counts", async () => {
  const source = new Cursor(DATA);
  const memory = new Uint8Array(SIZE);
  const target = new Cursor(memory);

  assertEquals(await copy(shortReader(source, 7), target), SIZE);

  assertEquals(source.position, SIZE);
  assertEquals(target.position, SIZE);
  assertEquals(memory, DATA);
});

Deno.test("copy() drains a cursor into a writer that takes short counts", async () => {
  const source = new Cursor(DATA);
  source.position = 3;
  const memory = new Uint8Array(SIZE);
  const target = new Cursor(memory);

  const n = await copy(source, shortWriter(target, 5), { bufSize: 64 });

  assertEquals(n, SIZE - 3);
  assertEquals(source.position, SIZE);
  assertEquals(target.position, SIZE - 3);
  assertEquals(memory.subarray(0, n), DATA.subarray(3));
});

Deno.test("copy() into a full cursor rejects with CursorFullError and writes no part of the chunk", async () => {
  const source = new Cursor(count(10));
  const memory = new Uint8Array(6);
  const target = new Cursor(memory);

  const error = await assertRejects(
    () => copy(source, target, { bufSize: 4 }),
    CursorFullError,
  );

  assertEquals(error.message, fullMessage(4, 2));
  assertEquals([error.requested, error.available], [4, 2]);
  // The first chunk landed whole; the second, which did not fit, not at all.
  assertEquals(target.position, 4);
  assertEquals(memory, Uint8Array.of(0, 1, 2, 3, 0, 0));
  assertEquals(source.position, 8);
});

Deno.test("copy() passes on a failing reader's rejection and keeps what it copied", async () => {
  const memory = new Uint8Array(8);
  const target = new Cursor(memory);
  const source = failingReader(new Cursor(count(8)));

  const error = await assertRejects(
    () => copy(source, target, { bufSize: 3 }),
    Error,
  );

  assertEquals(error.message, "the disk is gone");
  assertEquals(target.position, 3);
  assertEquals(memory, Uint8Array.of(0, 1, 2, 0, 0, 0, 0, 0));
});

Deno.test("copy() from a closed cursor rejects with CursorClosedError", async () => {
  const source = new Cursor(count(4));
  source.close();
  const target = new Cursor(new Uint8Array(4));

  const error = await assertRejects(
    () => copy(source, target),
    CursorClosedError,
  );

  assertEquals(error.message, "Cannot read: the cursor is closed");
  assertEquals(target.position, 0);
});

// ---------------------------------------------------------------------------
// @std/io 0.225: readAll, writeAll, iterateReader

Deno.test("readAll() reads a cursor from its position to the end", async () => {
  const cursor = new Cursor(DATA);
  cursor.position = 5;

  const all = await readAll(cursor);

  assertEquals(all, DATA.subarray(5));
  assertEquals(cursor.position, SIZE);
  assertEquals(await readAll(cursor), new Uint8Array(0));
  assertEquals(cursor.position, SIZE);
});

Deno.test("readAllSync() reads a cursor from its position to the end", () => {
  const cursor = new Cursor(DATA);
  cursor.position = 20_000;

  const all = readAllSync(cursor);

  assertEquals(all, DATA.subarray(20_000));
  assertEquals(cursor.position, SIZE);
  assertEquals(readAllSync(cursor), new Uint8Array(0));
});

Deno.test("readAll() and readAllSync() of a closed cursor fail with CursorClosedError", async () => {
  const cursor = new Cursor(count(3));
  cursor.close();

  const rejected = await assertRejects(
    () => readAll(cursor),
    CursorClosedError,
  );
  const thrown = assertThrows(() => readAllSync(cursor), CursorClosedError);

  assertEquals(rejected.message, "Cannot read: the cursor is closed");
  assertEquals(thrown.message, "Cannot read: the cursor is closed");
  assertEquals(cursor.position, 0);
});

Deno.test("writeAll() writes every byte into a cursor at its position", async () => {
  const memory = new Uint8Array(SIZE + 2);
  const cursor = new Cursor(memory);
  cursor.position = 2;

  await writeAll(cursor, DATA);

  assertEquals(cursor.position, SIZE + 2);
  assertEquals(memory.subarray(2), DATA);
  assertEquals(memory.subarray(0, 2), new Uint8Array(2));
});

Deno.test("writeAllSync() writes every byte into a cursor at its position", () => {
  const memory = new Uint8Array(10);
  const cursor = new Cursor(memory);
  cursor.position = 4;

  writeAllSync(cursor, count(6));

  assertEquals(cursor.position, 10);
  assertEquals(memory, Uint8Array.of(0, 0, 0, 0, 0, 1, 2, 3, 4, 5));
});

Deno.test("writeAll() and writeAllSync() into a cursor without room fail with CursorFullError and write nothing", async () => {
  const memory = new Uint8Array(5);
  const cursor = new Cursor(memory);
  cursor.position = 2;

  const rejected = await assertRejects(
    () => writeAll(cursor, count(4)),
    CursorFullError,
  );
  const thrown = assertThrows(
    () => writeAllSync(cursor, count(4)),
    CursorFullError,
  );

  assertEquals(rejected.message, fullMessage(4, 3));
  assertEquals(thrown.message, fullMessage(4, 3));
  assertEquals(cursor.position, 2);
  assertEquals(memory, new Uint8Array(5));
});

Deno.test("writeAll() into a read-only cursor rejects with CursorReadOnlyError", async () => {
  const memory = new Uint8Array(4);
  const cursor = new Cursor(memory, { readOnly: true });

  const error = await assertRejects(
    () => writeAll(cursor, count(2)),
    CursorReadOnlyError,
  );

  assertEquals(error.message, "Cannot write: the cursor is read-only");
  assertEquals(cursor.position, 0);
  assertEquals(memory, new Uint8Array(4));
});

Deno.test("iterateReader() yields a cursor's bytes in chunks of bufSize", async () => {
  const cursor = new Cursor(count(10));
  cursor.position = 1;
  const seen: [number[], number][] = [];

  for await (const chunk of iterateReader(cursor, { bufSize: 4 })) {
    seen.push([[...chunk], cursor.position]);
  }

  assertEquals(seen, [
    [[1, 2, 3, 4], 5],
    [[5, 6, 7, 8], 9],
    [[9], 10],
  ]);
});

Deno.test("iterateReaderSync() yields a cursor's bytes in chunks of bufSize", () => {
  const cursor = new Cursor(count(7));
  const seen: [number[], number][] = [];

  for (const chunk of iterateReaderSync(cursor, { bufSize: 3 })) {
    seen.push([[...chunk], cursor.position]);
  }

  assertEquals(seen, [[[0, 1, 2], 3], [[3, 4, 5], 6], [[6], 7]]);
  assertEquals([...iterateReaderSync(cursor)], []);
});

Deno.test("iterateReader() over a closed cursor rejects with CursorClosedError", async () => {
  const cursor = new Cursor(count(3));
  cursor.close();

  const error = await assertRejects(
    () => iterateReader(cursor).next(),
    CursorClosedError,
  );

  assertEquals(error.message, "Cannot read: the cursor is closed");
});

// ---------------------------------------------------------------------------
// @std/io 0.225: toReadableStream, toWritableStream, readerFromStreamReader

Deno.test("toReadableStream() streams a cursor in chunks and closes it at the end", async () => {
  const cursor = new Cursor(count(10));
  cursor.position = 2;
  const chunks: number[][] = [];

  for await (const chunk of toReadableStream(cursor, { chunkSize: 4 })) {
    chunks.push([...chunk]);
  }

  assertEquals(chunks, [[2, 3, 4, 5], [6, 7, 8, 9]]);
  assertEquals(cursor.position, 10);
  assertEquals(cursor.closed, true);
});

Deno.test("toReadableStream() with autoClose: false leaves the cursor open at the end", async () => {
  const cursor = new Cursor(DATA);

  const all = await toBytes(toReadableStream(cursor, { autoClose: false }));

  assertEquals(all, DATA);
  assertEquals(cursor.position, SIZE);
  assertEquals(cursor.closed, false);
  cursor.position = 0;
  assertEquals(cursor.readSync(new Uint8Array(2)), 2);
});

Deno.test("toReadableStream() cancel closes the cursor unless autoClose is false", async () => {
  const closing = new Cursor(count(10));
  const keeping = new Cursor(count(10));

  await toReadableStream(closing).cancel();
  await toReadableStream(keeping, { autoClose: false }).cancel();

  assertEquals(closing.closed, true);
  assertEquals(keeping.closed, false);
  assertEquals([closing.position, keeping.position], [0, 0]);
});

Deno.test("toReadableStream() over a closed cursor errors with CursorClosedError", async () => {
  const cursor = new Cursor(count(3));
  cursor.close();

  const error = await assertRejects(
    () => toBytes(toReadableStream(cursor)),
    CursorClosedError,
  );

  assertEquals(error.message, "Cannot read: the cursor is closed");
});

Deno.test("toWritableStream() writes piped chunks into a cursor and closes it", async () => {
  const memory = new Uint8Array(8);
  const cursor = new Cursor(memory);
  cursor.position = 1;

  await ReadableStream.from([utf8("abc"), utf8("defg")]).pipeTo(
    toWritableStream(cursor),
  );

  assertEquals(decoder.decode(memory.subarray(1)), "abcdefg");
  assertEquals(cursor.position, 8);
  assertEquals(cursor.closed, true);
});

Deno.test("toWritableStream() with autoClose: false leaves the cursor open", async () => {
  const memory = new Uint8Array(3);
  const cursor = new Cursor(memory);

  await ReadableStream.from([utf8("xyz")]).pipeTo(
    toWritableStream(cursor, { autoClose: false }),
  );

  assertEquals(decoder.decode(memory), "xyz");
  assertEquals(cursor.position, 3);
  assertEquals(cursor.closed, false);
});

Deno.test("toWritableStream() errors with CursorFullError at the chunk that does not fit", async () => {
  const memory = new Uint8Array(6);
  const cursor = new Cursor(memory);

  const error = await assertRejects(
    () =>
      ReadableStream.from([count(4), count(4)]).pipeTo(
        toWritableStream(cursor),
      ),
    CursorFullError,
  );

  assertEquals(error.message, fullMessage(4, 2));
  assertEquals(cursor.position, 4);
  assertEquals(memory, Uint8Array.of(0, 1, 2, 3, 0, 0));
  assertEquals(cursor.closed, true);
});

Deno.test("readerFromStreamReader() turns cursor.readable back into a reader for Cursor.readFrom()", async () => {
  const source = new Cursor(DATA);
  const reader = readerFromStreamReader(source.readable.getReader());
  // One byte of room more than the data, so readFrom reads on to the end.
  const memory = new Uint8Array(SIZE + 1);
  const target = new Cursor(memory);

  assertEquals(await target.readFrom(reader), SIZE);

  assertEquals(memory.subarray(0, SIZE), DATA);
  assertEquals(target.position, SIZE);
  assertEquals(target.remaining, 1);
  assertEquals(source.position, SIZE);
  assertEquals(source.closed, true);
});

Deno.test("readerFromStreamReader() over small chunks is drained into a cursor by copy()", async () => {
  const chunks = [utf8("ab"), utf8("cde"), utf8("f")];
  const reader = readerFromStreamReader(
    ReadableStream.from(chunks).getReader(),
  );
  const memory = new Uint8Array(6);
  const target = new Cursor(memory);

  assertEquals(await copy(reader, target, { bufSize: 2 }), 6);

  assertEquals(decoder.decode(memory), "abcdef");
  assertEquals(target.position, 6);
});

// ---------------------------------------------------------------------------
// @std/io 0.225: Buffer as the cursor's peer

Deno.test("Buffer.readFrom() drains a cursor from its position", async () => {
  const cursor = new Cursor(DATA);
  cursor.position = 7;
  const buffer = new Buffer();

  assertEquals(await buffer.readFrom(cursor), SIZE - 7);

  assertEquals(buffer.bytes(), DATA.subarray(7));
  assertEquals(cursor.position, SIZE);
  assertEquals(await buffer.readFrom(cursor), 0);
});

Deno.test("Buffer.readFromSync() drains a cursor from its position", () => {
  const cursor = new Cursor(DATA);
  const buffer = new Buffer(utf8("head"));

  assertEquals(buffer.readFromSync(cursor), SIZE);

  assertEquals(buffer.length, SIZE + 4);
  assertEquals(decoder.decode(buffer.bytes().subarray(0, 4)), "head");
  assertEquals(buffer.bytes().subarray(4), DATA);
  assertEquals(cursor.position, SIZE);
});

Deno.test("Buffer.readFrom() rejects with CursorClosedError from a closed cursor", async () => {
  const cursor = new Cursor(count(4));
  cursor.close();
  const buffer = new Buffer();

  const error = await assertRejects(
    () => buffer.readFrom(cursor),
    CursorClosedError,
  );

  assertEquals(error.message, "Cannot read: the cursor is closed");
  assertEquals(buffer.length, 0);
});

Deno.test("Cursor.writeTo() and writeToSync() hand a cursor's bytes to a Buffer", async () => {
  const cursor = new Cursor(DATA);
  cursor.position = SIZE - 10_000;
  const buffer = new Buffer();

  assertEquals(await cursor.writeTo(buffer), 10_000);
  assertEquals(cursor.position, SIZE);
  cursor.position = 0;
  assertEquals(cursor.writeToSync(buffer), SIZE);
  assertEquals(cursor.position, SIZE);

  assertEquals(
    buffer.bytes().subarray(0, 10_000),
    DATA.subarray(SIZE - 10_000),
  );
  assertEquals(buffer.bytes().subarray(10_000), DATA);
});

Deno.test("Cursor.readFrom() and readFromSync() drain a Buffer and leave what does not fit", async () => {
  const buffer = new Buffer(count(10));
  const memory = new Uint8Array(6);
  const cursor = new Cursor(memory);
  cursor.position = 2;

  assertEquals(await cursor.readFrom(buffer), 4);
  assertEquals(cursor.position, 6);
  assertEquals(cursor.remaining, 0);
  assertEquals(buffer.length, 6);
  assertEquals(memory, Uint8Array.of(0, 0, 0, 1, 2, 3));

  cursor.position = 0;
  assertEquals(cursor.readFromSync(buffer), 6);
  assertEquals(cursor.position, 6);
  assertEquals(buffer.length, 0);
  assertEquals(memory, Uint8Array.of(4, 5, 6, 7, 8, 9));
});

// ---------------------------------------------------------------------------
// @std/io 0.224.9: BufReader, BufWriter, readDelim, LimitedReader,
// MultiReader, StringReader

Deno.test("BufReader.readLine() reads LF and CRLF lines from a cursor", async () => {
  const cursor = new Cursor(utf8("one\r\ntwo\nthree"));
  const reader = new BufReader(cursor);
  const lines: [string, boolean][] = [];

  for (let result; (result = await reader.readLine()) !== null;) {
    lines.push([decoder.decode(result.line), result.more]);
  }

  assertEquals(lines, [["one", false], ["two", false], ["three", false]]);
  assertEquals(cursor.position, 14);
  assertEquals(await reader.readLine(), null);
});

Deno.test("BufReader.readLine() splits a line longer than its buffer over a cursor", async () => {
  const line = "abcdefghijklmnopqrst";
  const cursor = new Cursor(utf8(`${line}\nz`));
  const reader = new BufReader(cursor, 16);

  // A line is a view of BufReader's buffer, valid until the next read.
  const read = async () => {
    const result = await reader.readLine();
    return result && [decoder.decode(result.line), result.more];
  };

  assertEquals(await read(), [line.slice(0, 16), true]);
  assertEquals(cursor.position, 16);
  assertEquals(await read(), [line.slice(16), false]);
  assertEquals(await read(), ["z", false]);
  assertEquals(await read(), null);
  assertEquals(cursor.position, 22);
});

Deno.test("BufReader.readString() and readSlice() read a cursor up to a delimiter", async () => {
  const cursor = new Cursor(utf8("a,bb,ccc"));
  const reader = new BufReader(cursor);

  assertEquals(await reader.readString(","), "a,");
  assertEquals(
    decoder.decode(await reader.readSlice(0x2c) ?? undefined),
    "bb,",
  );
  assertEquals(await reader.readString(","), "ccc");
  assertEquals(await reader.readString(","), null);
  assertEquals(await reader.readSlice(0x2c), null);
  assertEquals(cursor.position, 8);
});

Deno.test("BufReader.peek() looks ahead in a cursor without consuming", async () => {
  const cursor = new Cursor(utf8("abcdefgh"));
  // Two bytes per read, so peek has to fill several times.
  const reader = new BufReader(shortReader(cursor, 2));

  assertEquals(decoder.decode(await reader.peek(5) ?? undefined), "abcde");
  assertEquals(cursor.position, 6);
  assertEquals(reader.buffered(), 6);
  assertEquals(await reader.readString("c"), "abc");
  assertEquals(decoder.decode(await reader.peek(10) ?? undefined), "defgh");
  assertEquals(cursor.position, 8);
  assertEquals(await reader.readString("h"), "defgh");
  assertEquals(await reader.peek(1), null);
});

Deno.test("BufReader.readFull() over a cursor returns null at the end and PartialReadError for a short tail", async () => {
  const cursor = new Cursor(count(5));
  const reader = new BufReader(cursor);
  const p = new Uint8Array(3);

  assertEquals(await reader.readFull(p), Uint8Array.of(0, 1, 2));
  const error = await assertRejects(() => reader.readFull(p), PartialReadError);
  assertEquals(error.partial, Uint8Array.of(3, 4));
  assertEquals(
    error.message,
    "Encountered UnexpectedEof, data only partially read",
  );
  assertEquals(await reader.readFull(p), null);
  assertEquals(cursor.position, 5);
});

Deno.test("BufWriter.write() buffers into a cursor until flush()", async () => {
  const memory = new Uint8Array(12);
  const cursor = new Cursor(memory);
  const writer = new BufWriter(cursor, 16);

  assertEquals(await writer.write(utf8("hello ")), 6);
  assertEquals(await writer.write(utf8("world")), 5);
  assertEquals(cursor.position, 0);
  assertEquals(writer.buffered(), 11);

  await writer.flush();

  assertEquals(cursor.position, 11);
  assertEquals(decoder.decode(memory.subarray(0, 11)), "hello world");
  assertEquals(writer.buffered(), 0);
});

Deno.test("BufWriter.write() hands a write larger than its buffer straight to the cursor", async () => {
  const memory = new Uint8Array(SIZE);
  const cursor = new Cursor(memory);
  const writer = new BufWriter(cursor, 16);

  assertEquals(await writer.write(DATA), SIZE);

  assertEquals(cursor.position, SIZE);
  assertEquals(memory, DATA);
  assertEquals(writer.buffered(), 0);
});

Deno.test("BufWriter.flush() into full memory rejects with CursorFullError and writes nothing", async () => {
  const memory = new Uint8Array(4);
  const cursor = new Cursor(memory);
  const writer = new BufWriter(cursor, 16);
  assertEquals(await writer.write(count(6)), 6);

  const error = await assertRejects(() => writer.flush(), CursorFullError);

  assertEquals(error.message, fullMessage(6, 4));
  assertEquals(cursor.position, 0);
  assertEquals(memory, new Uint8Array(4));
  // BufWriter keeps the error and fails every later call with it.
  assertStrictEquals(writer.err, error);
  assertStrictEquals(
    await assertRejects(() => writer.write(count(1))),
    error,
  );
});

Deno.test("BufWriterSync.flush() into full memory throws CursorFullError and writes nothing", () => {
  const memory = new Uint8Array(4);
  const cursor = new Cursor(memory);
  cursor.position = 1;
  const writer = new BufWriterSync(cursor, 16);
  assertEquals(writer.writeSync(count(2)), 2);
  writer.flush();
  assertEquals(cursor.position, 3);
  assertEquals(writer.writeSync(count(2)), 2);

  const error = assertThrows(() => writer.flush(), CursorFullError);

  assertEquals(error.message, fullMessage(2, 1));
  assertEquals(cursor.position, 3);
  assertEquals(memory, Uint8Array.of(0, 0, 1, 0));
});

Deno.test("Cursor.writeTo() hands its memory to a BufWriter, which copies it before the cursor moves on", async () => {
  const source = new Cursor(DATA);
  const memory = new Uint8Array(SIZE);
  const target = new Cursor(memory);
  const writer = new BufWriter(target, 1000);

  assertEquals(await source.writeTo(writer), SIZE);
  await writer.flush();

  assertEquals(memory, DATA);
  assertEquals([source.position, target.position], [SIZE, SIZE]);
});

Deno.test("Cursor.readFrom() reads a BufReader over another cursor to its end", async () => {
  const inner = new Cursor(DATA);
  inner.position = 1000;
  const reader = new BufReader(inner, 64);
  const memory = new Uint8Array(SIZE);
  const target = new Cursor(memory);

  assertEquals(await target.readFrom(reader), SIZE - 1000);

  assertEquals(memory.subarray(0, SIZE - 1000), DATA.subarray(1000));
  assertEquals([inner.position, target.position], [SIZE, SIZE - 1000]);
  assertEquals(target.remaining, 1000);
});

Deno.test("readDelim() splits a cursor's bytes on a multi-byte delimiter", async () => {
  const cursor = new Cursor(utf8("alpha\r\nbeta\r\n\r\ngamma"));
  const parts: string[] = [];

  for await (const part of readDelim(cursor, utf8("\r\n"))) {
    parts.push(decoder.decode(part));
  }

  assertEquals(parts, ["alpha", "beta", "", "gamma"]);
  assertEquals(cursor.position, 20);
});

Deno.test("LimitedReader reads at most its limit from a cursor and leaves the rest", async () => {
  const cursor = new Cursor(count(10));
  cursor.position = 2;

  const all = await readAll(new LimitedReader(cursor, 5));

  assertEquals(all, Uint8Array.of(2, 3, 4, 5, 6));
  assertEquals(cursor.position, 7);
  assertEquals(cursor.remaining, 3);
});

Deno.test("LimitedReader over a cursor is a short reader for Cursor.readFrom()", async () => {
  const source = new Cursor(count(10));
  const memory = new Uint8Array(10);
  const target = new Cursor(memory);

  assertEquals(await target.readFrom(new LimitedReader(source, 4)), 4);

  assertEquals(target.position, 4);
  assertEquals(source.position, 4);
  assertEquals(memory, Uint8Array.of(0, 1, 2, 3, 0, 0, 0, 0, 0, 0));
});

Deno.test("MultiReader reads cursors one after another", async () => {
  const first = new Cursor(utf8("abc"));
  const empty = new Cursor(new Uint8Array(0));
  const last = new Cursor(utf8("defg"));
  last.position = 1;

  const all = await readAll(new MultiReader([first, empty, last]));

  assertEquals(decoder.decode(all), "abcefg");
  assertEquals([first.position, empty.position, last.position], [3, 0, 4]);
});

Deno.test("MultiReader of cursors is copied into a cursor by copy() and Cursor.readFrom()", async () => {
  const memory = new Uint8Array(12);
  const target = new Cursor(memory);
  const parts = () => [new Cursor(utf8("abc")), new Cursor(utf8("def"))];

  assertEquals(await copy(new MultiReader(parts()), target), 6);
  assertEquals(target.position, 6);
  // MultiReader answers 0 between its readers: readFrom reads on.
  assertEquals(await target.readFrom(new MultiReader(parts())), 6);
  assertEquals(target.position, 12);
  assertEquals(decoder.decode(memory), "abcdefabcdef");
});

Deno.test("StringReader is copied into a cursor by copy() and Cursor.readFromSync()", async () => {
  const text = "grüße, 世界";
  const size = utf8(text).byteLength;
  const memory = new Uint8Array(2 * size);
  const cursor = new Cursor(memory);

  assertEquals(await copy(new StringReader(text), cursor), size);
  assertEquals(cursor.position, size);
  assertEquals(cursor.readFromSync(new StringReader(text)), size);
  assertEquals(cursor.position, 2 * size);

  assertEquals(decoder.decode(memory), text + text);
});

// ---------------------------------------------------------------------------
// @std/streams over cursor.readable and into cursor.writable

Deno.test("toText() reads cursor.readable from the cursor's position", async () => {
  const cursor = new Cursor(utf8("skip: the rest"));
  cursor.position = 6;

  assertEquals(await toText(cursor.readable), "the rest");

  assertEquals(cursor.position, 14);
  assertEquals(cursor.closed, true);
});

Deno.test("toBytes() reads cursor.readable into one array", async () => {
  const cursor = new Cursor(DATA);

  const all = await toBytes(cursor.readable);

  assertEquals(all, DATA);
  assertEquals(cursor.position, SIZE);
  assertEquals(cursor.closed, true);
});

Deno.test("toArrayBuffer() reads cursor.readable into an ArrayBuffer", async () => {
  const cursor = new Cursor(count(200));
  cursor.position = 100;

  const buffer = await toArrayBuffer(cursor.readable);

  assertInstanceOf(buffer, ArrayBuffer);
  assertEquals(new Uint8Array(buffer), count(200).subarray(100));
  assertEquals(cursor.position, 200);
});

Deno.test("TextLineStream splits cursor.readable into lines", async () => {
  const memory = utf8("first\nsecond\r\nthird\rstill third\n");
  const cursor = new Cursor(memory);
  const lines = await Array.fromAsync(
    cursor.readable
      .pipeThrough(new TextDecoderStream())
      .pipeThrough(new TextLineStream()),
  );

  assertEquals(lines, ["first", "second", "third\rstill third"]);
  assertEquals(cursor.position, memory.byteLength);
  assertEquals(cursor.closed, true);
});

Deno.test("TextLineStream with allowCR splits cursor.readable on a lone CR", async () => {
  const cursor = new Cursor(utf8("a\rb\r\nc"));
  const lines = await Array.fromAsync(
    cursor.readable
      .pipeThrough(new TextDecoderStream())
      .pipeThrough(new TextLineStream({ allowCR: true })),
  );

  assertEquals(lines, ["a", "b", "c"]);
});

Deno.test("Cursor.writable is a pipe target for a stream of chunks", async () => {
  const memory = new Uint8Array(SIZE);
  const cursor = new Cursor(memory);

  await ReadableStream.from([DATA.subarray(0, 100), DATA.subarray(100)])
    .pipeTo(cursor.writable);

  assertEquals(memory, DATA);
  assertEquals(cursor.position, SIZE);
  assertEquals(cursor.closed, true);
});

Deno.test("Cursor.writable takes cursor.readable of another cursor through pipeTo()", async () => {
  const source = new Cursor(DATA);
  const memory = new Uint8Array(SIZE);
  const target = new Cursor(memory);

  await source.readable.pipeTo(target.writable);

  assertEquals(memory, DATA);
  assertEquals([source.position, target.position], [SIZE, SIZE]);
  assertEquals([source.closed, target.closed], [true, true]);
});

Deno.test("Cursor.writable errors with CursorFullError when a piped chunk does not fit", async () => {
  const memory = new Uint8Array(5);
  const cursor = new Cursor(memory);

  const error = await assertRejects(
    () => ReadableStream.from([count(3), count(3)]).pipeTo(cursor.writable),
    CursorFullError,
  );

  assertEquals(error.message, fullMessage(3, 2));
  assertEquals(cursor.position, 3);
  assertEquals(memory, Uint8Array.of(0, 1, 2, 0, 0));
  // A chunk that fails errors the stream without aborting it, so the cursor
  // stays open (toWritableStream, by contrast, closes its writer).
  assertEquals(cursor.closed, false);
  assertEquals(cursor.writeSync(count(2)), 2);
  assertEquals(memory, Uint8Array.of(0, 1, 2, 0, 1));
});
