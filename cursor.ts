/**
 * The {@linkcode Cursor} class: a file-like view over borrowed bytes.
 *
 * @module
 */

import {
  _describe,
  CursorClosedError,
  CursorFullError,
  CursorReadOnlyError,
} from "./errors.ts";
import { _resolvePosition, _toOffset, SeekMode } from "./seeker.ts";
import { _readableOf, _writableOf } from "./_streams.ts";
import type {
  Closer,
  Reader,
  ReaderSync,
  Seeker,
  SeekerSync,
  Writer,
  WriterSync,
} from "./types.ts";

/**
 * Memory a {@linkcode Cursor} can wrap: any typed array (including Node's
 * `Buffer`), a `DataView`, an `ArrayBuffer` or a `SharedArrayBuffer`.
 */
export type CursorSource = ArrayBufferView | ArrayBufferLike;

/** Options for {@linkcode Cursor}'s constructor. */
export interface CursorOptions {
  /**
   * When `true`, every write fails with {@linkcode CursorReadOnlyError} and
   * changes nothing.
   *
   * @default {false}
   */
  readOnly?: boolean;
}

/**
 * A file-like cursor over borrowed bytes. It reads, writes and seeks in the
 * caller's memory **without copying it**: writes land in the source and
 * changes to the source are seen by later reads. It never reallocates: a
 * write that does not fit throws {@linkcode CursorFullError} and writes
 * nothing, unless the memory can grow in place (a resizable `ArrayBuffer` or
 * growable `SharedArrayBuffer`, up to its `maxByteLength`).
 *
 * It implements `Reader`, `ReaderSync`, `Writer`, `WriterSync`, `Seeker`,
 * `SeekerSync` and `Closer` with the semantics of `@std/io` and
 * `Deno.FsFile`: a read returns `null` at the end (never 0 for a non-empty
 * buffer), a write stores all of its bytes or none, and a seek past the end is
 * allowed.
 *
 * The async methods do their work at call time and return a settled promise,
 * so un-awaited calls apply in call order. Failures become rejected promises,
 * never synchronous throws.
 *
 * No atomicity is promised when the memory is a `SharedArrayBuffer` that other
 * threads change at the same time.
 *
 * @example Hand bytes to an API that wants a reader
 * ```ts
 * import { Cursor, SeekMode } from "@iocursor/cursor";
 * import assert from "node:assert/strict";
 *
 * const bytes = new TextEncoder().encode("hello world");
 * const cursor = new Cursor(bytes);
 * cursor.seekSync(6, SeekMode.Start);
 * const word = new Uint8Array(5);
 * assert.equal(cursor.readSync(word), 5);
 * assert.equal(new TextDecoder().decode(word), "world");
 * assert.equal(cursor.readSync(word), null);
 * ```
 */
export class Cursor
  implements
    Reader,
    ReaderSync,
    Writer,
    WriterSync,
    Seeker,
    SeekerSync,
    Closer,
    Disposable {
  #bytes: Uint8Array;
  #position = 0;
  #closed = false;
  #readOnly: boolean;
  /** Whether the cursor made its own length-tracking view of a whole buffer. */
  #tracksBuffer: boolean;
  #readable: ReadableStream<Uint8Array<ArrayBuffer>> | undefined;
  #writable: WritableStream<Uint8Array> | undefined;

  /**
   * Wraps `source` without copying it. The cursor views exactly the source's
   * bytes (its `buffer`, `byteOffset` and `byteLength`) and never touches
   * bytes outside them. A length-tracking `Uint8Array` or a resizable
   * `ArrayBuffer` keeps following the buffer's length when it is resized;
   * other views are taken at their length of the moment.
   *
   * @param source The memory to wrap.
   * @param options Whether the cursor may write.
   * @throws {TypeError} If `source` is not a typed array, `DataView`,
   * `ArrayBuffer` or `SharedArrayBuffer`, or its buffer is detached.
   *
   * @example Wrap the numbers of an `Int16Array` and overwrite one
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const samples = new Int16Array([1, 2, 3]);
   * const cursor = new Cursor(samples);
   * assert.equal(cursor.byteLength, 6);
   * cursor.position = 2;
   * cursor.writeSync(new Uint8Array(new Int16Array([-7]).buffer));
   * assert.deepEqual(samples, new Int16Array([1, -7, 3]));
   * ```
   */
  constructor(source: CursorSource, options?: CursorOptions) {
    this.#bytes = toBytes(source);
    this.#readOnly = options?.readOnly === true;
    this.#tracksBuffer = !ArrayBuffer.isView(source);
  }

  /**
   * The position of the next read or write, in bytes from the start. It may
   * lie past the end. Setting it validates the value like
   * {@linkcode Cursor.seekSync} with {@linkcode SeekMode.Start}.
   *
   * @throws {CursorClosedError} On set, if the cursor is closed.
   * @throws {TypeError} On set, if the value is not a number.
   * @throws {RangeError} On set, if the value is negative, fractional, not
   * finite or above `Number.MAX_SAFE_INTEGER`.
   *
   * @example Move to a position and read from there
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const cursor = new Cursor(new Uint8Array([10, 20, 30]));
   * cursor.position = 2;
   * const p = new Uint8Array(1);
   * cursor.readSync(p);
   * assert.equal(p[0], 30);
   * assert.equal(cursor.position, 3);
   * ```
   */
  get position(): number {
    return this.#position;
  }

  set position(value: number) {
    this.#seek("set position", "the value", value, SeekMode.Start);
  }

  /**
   * The length of the wrapped memory in bytes. For a resizable buffer this is
   * its length now.
   *
   * @example The length of the source, in bytes
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * assert.equal(new Cursor(new Float64Array(3)).byteLength, 24);
   * ```
   */
  get byteLength(): number {
    return this.#bytes.byteLength;
  }

  /**
   * How many bytes lie between the position and the end; 0 past the end.
   *
   * @example What is left to read
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const cursor = new Cursor(new Uint8Array(10));
   * cursor.position = 7;
   * assert.equal(cursor.remaining, 3);
   * cursor.position = 20;
   * assert.equal(cursor.remaining, 0);
   * ```
   */
  get remaining(): number {
    return Math.max(0, this.#bytes.byteLength - this.#position);
  }

  /**
   * Whether {@linkcode Cursor.close} has been called.
   *
   * @example Closed after `close()`
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const cursor = new Cursor(new Uint8Array(1));
   * assert.equal(cursor.closed, false);
   * cursor.close();
   * assert.equal(cursor.closed, true);
   * ```
   */
  get closed(): boolean {
    return this.#closed;
  }

  /**
   * Whether writes are refused, as set by {@linkcode CursorOptions.readOnly}.
   *
   * @example A read-only cursor
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * assert.equal(new Cursor(new Uint8Array(1), { readOnly: true }).readOnly, true);
   * assert.equal(new Cursor(new Uint8Array(1)).readOnly, false);
   * ```
   */
  get readOnly(): boolean {
    return this.#readOnly;
  }

  /**
   * The wrapped memory as a `Uint8Array`, without copying: the very object
   * passed to the constructor when that was a `Uint8Array`, otherwise a view
   * of the same bytes. It stays available after {@linkcode Cursor.close}, so
   * the result of writing can be taken once a stream has closed the cursor.
   *
   * @returns The wrapped bytes, aliasing the caller's memory.
   *
   * @example The same memory, not a copy
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const bytes = new Uint8Array(4);
   * const cursor = new Cursor(bytes);
   * assert.equal(cursor.bytes(), bytes);
   *
   * const words = new Uint16Array([0x0102]);
   * new Cursor(words).bytes()[0] = 0xff;
   * assert.notEqual(words[0], 0x0102);
   * ```
   */
  bytes(): Uint8Array {
    return this.#bytes;
  }

  /**
   * Copies up to `p.byteLength` bytes from the position into `p` and advances
   * by that many. `p` may overlap the wrapped memory; the result is as if the
   * bytes were copied out first. Bytes of `p` past the returned count are left
   * as they were, and `p` is not kept.
   *
   * @param p The buffer to fill.
   * @returns The number of bytes read; `0` when `p` is empty; `null` when `p`
   * is not empty and the position is at or past the end.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {TypeError} If `p` is not a `Uint8Array`, or the wrapped buffer
   * has been detached.
   *
   * @example Read in chunks until the end
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const cursor = new Cursor(new Uint8Array([1, 2, 3, 4, 5]));
   * const p = new Uint8Array(2);
   * assert.equal(cursor.readSync(p), 2);
   * assert.equal(cursor.readSync(p), 2);
   * assert.equal(cursor.readSync(p), 1);
   * assert.deepEqual(p, new Uint8Array([5, 4]));
   * assert.equal(cursor.readSync(p), null);
   * ```
   */
  readSync(p: Uint8Array): number | null {
    if (this.#closed) throw new CursorClosedError("read");
    if (!(p instanceof Uint8Array)) throw notBytes("read", "p", p);
    const bytes = this.#bytes;
    const start = this.#position;
    const count = Math.min(p.byteLength, bytes.byteLength - start);
    if (count <= 0) return this.#readNothing(p);
    // One subarray + set: a memmove in the engine, overlap-safe by spec.
    p.set(bytes.subarray(start, start + count));
    this.#position = start + count;
    return count;
  }

  /**
   * The asynchronous form of {@linkcode Cursor.readSync}: the bytes are read
   * at call time and the promise is already settled.
   *
   * @param p The buffer to fill.
   * @returns The number of bytes read; `0` when `p` is empty; `null` when `p`
   * is not empty and the position is at or past the end.
   * @throws {CursorClosedError} As a rejection, if the cursor is closed.
   * @throws {TypeError} As a rejection, if `p` is not a `Uint8Array` or the
   * wrapped buffer has been detached.
   *
   * @example Read everything with a loop that stops at `null`
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const cursor = new Cursor(new TextEncoder().encode("abcdef"));
   * const p = new Uint8Array(4);
   * let text = "";
   * for (let n; (n = await cursor.read(p)) !== null;) {
   *   text += new TextDecoder().decode(p.subarray(0, n));
   * }
   * assert.equal(text, "abcdef");
   * ```
   */
  // deno-lint-ignore require-await -- the sync method does the work at call time
  async read(p: Uint8Array): Promise<number | null> {
    return this.readSync(p);
  }

  /**
   * Copies all of `p` to the position and advances past it. A write that
   * does not fit before the end throws and writes nothing, so the count is
   * never short. `p` is not changed and not kept.
   *
   * Growth in place: when the cursor wraps a resizable `ArrayBuffer` (passed
   * as the buffer or as a length-tracking `Uint8Array`) or a growable
   * `SharedArrayBuffer` passed as the buffer, a write past the end first
   * calls `resize()`/`grow()` so the memory ends where the write ends, up to
   * `maxByteLength`. The bytes stay the caller's, and new bytes (including a
   * gap left by a seek past the end) are zeros. Beyond `maxByteLength` the
   * write fails as for fixed memory and the buffer's length does not change.
   * Fixed-length views never grow; nor does a `Uint8Array` over a growable
   * `SharedArrayBuffer`, because JavaScript cannot tell whether it tracks the
   * buffer's length without growing it, and shared memory cannot shrink back.
   *
   * @param p The bytes to write.
   * @returns `p.byteLength`.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {CursorReadOnlyError} If the cursor is read-only.
   * @throws {TypeError} If `p` is not a `Uint8Array`, or the wrapped buffer
   * has been detached.
   * @throws {CursorFullError} If `p` does not fit between the position and the
   * end, even after growing; `available` counts the room growth could give.
   *
   * @example Write a known-size download into preallocated memory
   * ```ts
   * import { Cursor, CursorFullError } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const memory = new Uint8Array(6);
   * const cursor = new Cursor(memory);
   * for (const chunk of [[1, 2], [3, 4, 5], [6]]) {
   *   cursor.writeSync(new Uint8Array(chunk));
   * }
   * assert.deepEqual(memory, new Uint8Array([1, 2, 3, 4, 5, 6]));
   * assert.throws(() => cursor.writeSync(new Uint8Array(1)), CursorFullError);
   * ```
   *
   * @example Grow a resizable buffer in place
   * ```ts
   * import { Cursor, CursorFullError } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const buffer = new ArrayBuffer(2, { maxByteLength: 6 });
   * const cursor = new Cursor(buffer);
   * cursor.position = 3;
   * cursor.writeSync(new Uint8Array([7, 8]));
   * assert.equal(buffer.byteLength, 5);
   * assert.deepEqual(new Uint8Array(buffer), new Uint8Array([0, 0, 0, 7, 8]));
   * assert.throws(() => cursor.writeSync(new Uint8Array(2)), CursorFullError);
   * assert.equal(buffer.byteLength, 5);
   * ```
   */
  writeSync(p: Uint8Array): number {
    if (this.#closed) throw new CursorClosedError("write");
    if (this.#readOnly) throw new CursorReadOnlyError("write");
    if (!(p instanceof Uint8Array)) throw notBytes("write", "p", p);
    const bytes = this.#bytes;
    const start = this.#position;
    const count = p.byteLength;
    if (count === 0 || count > bytes.byteLength - start) {
      this.#position = start + this.#writeSlow("write", p, start);
      return count;
    }
    // One set: a memmove in the engine, overlap-safe by spec.
    bytes.set(p, start);
    this.#position = start + count;
    return count;
  }

  /**
   * The asynchronous form of {@linkcode Cursor.writeSync}: the bytes are
   * written at call time and the promise is already settled.
   *
   * @param p The bytes to write.
   * @returns `p.byteLength`.
   * @throws {CursorClosedError} As a rejection, if the cursor is closed.
   * @throws {CursorReadOnlyError} As a rejection, if the cursor is read-only.
   * @throws {TypeError} As a rejection, if `p` is not a `Uint8Array` or the
   * wrapped buffer has been detached.
   * @throws {CursorFullError} As a rejection, if `p` does not fit.
   *
   * @example Write through an async writer
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const memory = new Uint8Array(3);
   * const cursor = new Cursor(memory);
   * assert.equal(await cursor.write(new Uint8Array([9, 8, 7])), 3);
   * assert.deepEqual(memory, new Uint8Array([9, 8, 7]));
   * await assert.rejects(cursor.write(new Uint8Array(1)), RangeError);
   * ```
   */
  // deno-lint-ignore require-await -- the sync method does the work at call time
  async write(p: Uint8Array): Promise<number> {
    return this.writeSync(p);
  }

  /**
   * Moves the position to `offset` bytes relative to `whence`. A position
   * past the end is allowed: reads there return `null` and non-empty writes
   * fail. On failure the position does not change.
   *
   * @param offset How far to move, as a safe integer `number` or a `bigint`
   * within ±`Number.MAX_SAFE_INTEGER`.
   * @param whence What `offset` is relative to.
   * @returns The new position.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {TypeError} If `offset` is not a number or bigint, `whence` is not
   * a number, or the wrapped buffer has been detached.
   * @throws {RangeError} If `offset` is not a safe integer, `whence` is not 0,
   * 1 or 2, or the new position would be negative or above
   * `Number.MAX_SAFE_INTEGER`.
   *
   * @example Seek, including past the end
   * ```ts
   * import { Cursor, SeekMode } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const cursor = new Cursor(new Uint8Array(8));
   * assert.equal(cursor.seekSync(-3, SeekMode.End), 5);
   * assert.equal(cursor.seekSync(10n, SeekMode.Current), 15);
   * assert.equal(cursor.readSync(new Uint8Array(1)), null);
   * assert.throws(() => cursor.seekSync(-1, SeekMode.Start), {
   *   name: "RangeError",
   *   message: "Cannot seek to -1: the position must be >= 0",
   * });
   * assert.equal(cursor.position, 15);
   * ```
   */
  seekSync(offset: number | bigint, whence: SeekMode): number {
    return this.#seek("seek", "offset", offset, whence);
  }

  /**
   * The asynchronous form of {@linkcode Cursor.seekSync}: the position moves
   * at call time and the promise is already settled.
   *
   * @param offset How far to move, as a safe integer `number` or a `bigint`.
   * @param whence What `offset` is relative to.
   * @returns The new position.
   * @throws {CursorClosedError} As a rejection, if the cursor is closed.
   * @throws {TypeError} As a rejection, for an argument of the wrong type or
   * a detached buffer.
   * @throws {RangeError} As a rejection, for an out-of-range argument or new
   * position.
   *
   * @example Seek to the end to find the length
   * ```ts
   * import { Cursor, SeekMode } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const cursor = new Cursor(new Uint8Array(12));
   * assert.equal(await cursor.seek(0, SeekMode.End), 12);
   * await assert.rejects(cursor.seek(-13, SeekMode.End), RangeError);
   * ```
   */
  // deno-lint-ignore require-await -- the sync method does the work at call time
  async seek(offset: number | bigint, whence: SeekMode): Promise<number> {
    return this.seekSync(offset, whence);
  }

  /**
   * Closes the cursor. Afterwards every read, write and seek fails with
   * {@linkcode CursorClosedError}; {@linkcode Cursor.bytes} still returns the
   * memory, which belongs to the caller. Calling it again does nothing,
   * because stream adapters may close more than once.
   *
   * @example Close twice
   * ```ts
   * import { Cursor, CursorClosedError } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const cursor = new Cursor(new Uint8Array(2));
   * cursor.close();
   * cursor.close();
   * assert.throws(() => cursor.seekSync(0, 0), CursorClosedError);
   * ```
   */
  close(): void {
    this.#closed = true;
  }

  /**
   * Closes the cursor at the end of a `using` block; the same as
   * {@linkcode Cursor.close}.
   *
   * @example Close with `using`
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * let escaped: Cursor;
   * {
   *   using cursor = new Cursor(new Uint8Array(2));
   *   escaped = cursor;
   * }
   * assert.equal(escaped.closed, true);
   * ```
   */
  [Symbol.dispose](): void {
    this.close();
  }

  /**
   * A byte stream (`type: "bytes"`) of the wrapped memory from the position
   * to the end, like `Deno.FsFile.readable`. Each pull copies straight into
   * the reader's buffer and advances the position, so a BYOB reader (with or
   * without `min`) gets one copy and nothing else; a default reader gets
   * freshly allocated chunks of up to 65,536 bytes (`autoAllocateChunkSize`).
   * The stream never enqueues the cursor's own memory: `enqueue()` transfers
   * its buffer, which would detach the caller's `ArrayBuffer`.
   *
   * Reading starts at the position of the first pull. As with `Deno.FsFile`,
   * the stream closes the cursor when it reaches the end or is cancelled, so
   * one object can be handed on as "a file"; {@linkcode Cursor.bytes} and
   * {@linkcode Cursor.position} still work afterwards, and a second cursor
   * over the same memory is free when you need to keep reading. The stream
   * is made on first access and the same one is returned afterwards.
   *
   * @returns The cursor's readable byte stream.
   *
   * @example Read a cursor as a `Response` body, and with a BYOB reader
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const memory = new TextEncoder().encode("hello stream");
   * const text = await new Response(new Cursor(memory).readable).text();
   * assert.equal(text, "hello stream");
   *
   * const cursor = new Cursor(memory);
   * cursor.position = 6;
   * const reader = cursor.readable.getReader({ mode: "byob" });
   * const { value } = await reader.read(new Uint8Array(16), { min: 6 });
   * assert.equal(new TextDecoder().decode(value), "stream");
   * assert.equal(cursor.position, 12);
   * assert.equal((await reader.read(new Uint8Array(1))).done, true);
   * assert.equal(cursor.closed, true);
   * ```
   */
  get readable(): ReadableStream<Uint8Array<ArrayBuffer>> {
    return this.#readable ??= _readableOf(this);
  }

  /**
   * A stream that writes each chunk at the position with
   * {@linkcode Cursor.writeSync}, like `Deno.FsFile.writable`. A chunk that
   * does not fit errors the stream with {@linkcode CursorFullError} and none
   * of its bytes are written (a resizable or growable buffer grows first, see
   * {@linkcode Cursor.writeSync}). Closing or aborting the stream closes the
   * cursor (pass `preventClose` to `pipeTo` to keep it open); the bytes stay
   * readable through {@linkcode Cursor.bytes}. The stream is made on first
   * access and the same one is returned afterwards.
   *
   * @returns The cursor's writable stream.
   *
   * @example Pipe a body into preallocated memory
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const memory = new Uint8Array(8);
   * const cursor = new Cursor(memory);
   * await new Response("download").body!.pipeTo(cursor.writable);
   * assert.equal(new TextDecoder().decode(memory), "download");
   * assert.equal(cursor.position, 8);
   * assert.equal(cursor.closed, true);
   * ```
   */
  get writable(): WritableStream<Uint8Array> {
    return this.#writable ??= _writableOf(this);
  }

  /**
   * Hands the bytes from the position to the end to `writer`, as views of
   * the wrapped memory (no intermediate copy), advancing by what each call
   * accepts and calling again after a short write. `writer` sees the cursor's
   * own memory: it must not keep or transfer it. If `writer` throws, the
   * position stays after the bytes it accepted before.
   *
   * @param writer Where to write, such as a `Deno.FsFile` or another cursor.
   * @returns The number of bytes written; `0` at or past the end.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {TypeError} If `writer` has no `writeSync` method, returns a
   * non-number, or the wrapped buffer has been detached.
   * @throws {RangeError} If `writer` returns a count outside 1 to the
   * length it was given (a count of 0 would never finish).
   *
   * @example Copy the rest of one cursor into another
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const source = new Cursor(new Uint8Array([1, 2, 3, 4, 5]));
   * source.position = 2;
   * const target = new Uint8Array(3);
   * assert.equal(source.writeToSync(new Cursor(target)), 3);
   * assert.deepEqual(target, new Uint8Array([3, 4, 5]));
   * assert.equal(source.position, 5);
   * ```
   */
  writeToSync(writer: WriterSync): number {
    assertMethod(WRITE_TO, "writer", writer, "writeSync");
    return runSync(this.#writeToSteps(), (p) => writer.writeSync(p));
  }

  /**
   * The asynchronous form of {@linkcode Cursor.writeToSync}: hands the bytes
   * from the position to the end to `writer` as views of the wrapped memory,
   * awaiting each call.
   *
   * @param writer Where to write, such as a `Deno.FsFile` or another cursor.
   * @returns The number of bytes written; `0` at or past the end.
   * @throws {CursorClosedError} As a rejection, if the cursor is closed
   * (also when it is closed while the copy is waiting on `writer`).
   * @throws {TypeError} As a rejection, if `writer` has no `write` method,
   * resolves to a non-number, or the wrapped buffer has been detached.
   * @throws {RangeError} As a rejection, if `writer` resolves to a count
   * outside 1 to the length it was given.
   *
   * @example Copy to a writer that takes two bytes at a time
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const chunks: number[][] = [];
   * const writer = {
   *   write(p: Uint8Array): Promise<number> {
   *     chunks.push([...p.subarray(0, 2)]);
   *     return Promise.resolve(Math.min(2, p.byteLength));
   *   },
   * };
   * const cursor = new Cursor(new Uint8Array([1, 2, 3, 4, 5]));
   * assert.equal(await cursor.writeTo(writer), 5);
   * assert.deepEqual(chunks, [[1, 2], [3, 4], [5]]);
   * ```
   */
  async writeTo(writer: Writer): Promise<number> {
    assertMethod(WRITE_TO, "writer", writer, "write");
    return await run(this.#writeToSteps(), (p) => writer.write(p));
  }

  /**
   * Reads from `reader` straight into the wrapped memory at the position
   * until `reader` returns `null` or the cursor is full, advancing by what
   * was read. Each read is offered only the room left, so nothing is lost
   * when the cursor fills up: the rest stays in `reader` (check
   * {@linkcode Cursor.remaining} to tell a full cursor from the reader's
   * end). A resizable `ArrayBuffer` or growable `SharedArrayBuffer` grows in
   * place when full (doubling, up to its `maxByteLength`); an `ArrayBuffer`
   * is then trimmed back to end where the data ends, while a
   * `SharedArrayBuffer`, which cannot shrink, keeps zero bytes past it. If
   * `reader` throws, the bytes read before stay and the position is after
   * them.
   *
   * @param reader Where to read from, such as a `Deno.FsFile`.
   * @returns The number of bytes read.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {CursorReadOnlyError} If the cursor is read-only.
   * @throws {TypeError} If `reader` has no `readSync` method, returns
   * something other than a number or `null`, or the wrapped buffer has been
   * detached.
   * @throws {RangeError} If `reader` returns a count outside 0 to the length
   * it was given, or returns 0 a hundred times in a row.
   *
   * @example Fill preallocated memory and leave the rest in the reader
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const reader = new Cursor(new Uint8Array([1, 2, 3, 4, 5]));
   * const memory = new Uint8Array(3);
   * const cursor = new Cursor(memory);
   * assert.equal(cursor.readFromSync(reader), 3);
   * assert.deepEqual(memory, new Uint8Array([1, 2, 3]));
   * assert.equal(cursor.remaining, 0);
   * assert.equal(reader.position, 3);
   * ```
   */
  readFromSync(reader: ReaderSync): number {
    assertMethod(READ_FROM, "reader", reader, "readSync");
    return runSync(this.#readFromSteps(), (p) => reader.readSync(p));
  }

  /**
   * The asynchronous form of {@linkcode Cursor.readFromSync}: reads from
   * `reader` into the wrapped memory at the position until its end or until
   * the cursor is full, growing a resizable or growable buffer in place.
   *
   * @param reader Where to read from, such as a `Deno.FsFile`.
   * @returns The number of bytes read.
   * @throws {CursorClosedError} As a rejection, if the cursor is closed
   * (also when it is closed while the copy is waiting on `reader`).
   * @throws {CursorReadOnlyError} As a rejection, if the cursor is read-only.
   * @throws {TypeError} As a rejection, if `reader` has no `read` method,
   * resolves to something other than a number or `null`, or the wrapped
   * buffer has been detached.
   * @throws {RangeError} As a rejection, if `reader` resolves to a count
   * outside 0 to the length it was given, or to 0 a hundred times in a row.
   *
   * @example Read a body of unknown size into a resizable buffer
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const buffer = new ArrayBuffer(0, { maxByteLength: 1024 });
   * const cursor = new Cursor(buffer);
   * const reader = new Cursor(new TextEncoder().encode("grown in place"));
   * assert.equal(await cursor.readFrom(reader), 14);
   * assert.equal(buffer.byteLength, 14);
   * assert.equal(new TextDecoder().decode(buffer), "grown in place");
   * ```
   */
  async readFrom(reader: Reader): Promise<number> {
    assertMethod(READ_FROM, "reader", reader, "read");
    return await run(this.#readFromSteps(), (p) => reader.read(p));
  }

  /** Validates and applies a seek; the position is unchanged on failure. */
  #seek(
    action: string,
    name: string,
    offset: unknown,
    whence: SeekMode,
  ): number {
    if (this.#closed) throw new CursorClosedError(action);
    const end = this.#bytes.byteLength;
    if (end === 0) this.#assertAttached(action);
    const distance = _toOffset(action, name, offset);
    return this.#position = _resolvePosition(
      action,
      distance,
      whence,
      this.#position,
      end,
    );
  }

  /** The slow path of a read that copies nothing: empty `p`, or the end. */
  #readNothing(p: Uint8Array): 0 | null {
    this.#assertAttached("read");
    return p.byteLength === 0 ? 0 : null;
  }

  /**
   * The one slow path of every write of `p` at `start`: empty `p`, a
   * detached buffer, growth in place, or full. It does not move the position.
   * The fast path in {@linkcode Cursor.writeSync} stays one bounds check and
   * one `set`.
   *
   * @returns `p.byteLength`.
   */
  #writeSlow(action: string, p: Uint8Array, start: number): number {
    const count = p.byteLength;
    this.#reserve(action, start, count);
    if (count === 0) return 0;
    // `count` was read before growing: a length-tracking `p` over this
    // buffer has grown too, and only its old bytes are to be written.
    this.#bytes.set(p.subarray(0, count), start);
    return count;
  }

  /**
   * Makes sure `count` bytes from `start` lie inside the wrapped memory,
   * growing it in place when it can.
   *
   * @throws {TypeError} If the buffer is detached.
   * @throws {CursorFullError} If the bytes do not fit even after growing;
   * then nothing changed.
   */
  #reserve(action: string, start: number, count: number): void {
    this.#assertAttached(action);
    const end = start + count;
    if (count === 0 || end <= this.#bytes.byteLength || this.#grow(end)) {
      return;
    }
    throw new CursorFullError(
      action,
      count,
      Math.max(0, this.#capacity() - start),
    );
  }

  /**
   * Grows the wrapped memory in place so the view ends at `end`. The engine
   * fills new bytes with zeros, which also fills the gap a past-end seek left.
   *
   * @returns Whether it grew; when not, nothing changed.
   */
  #grow(end: number): boolean {
    const bytes = this.#bytes;
    if (end > this.#capacity()) return false;
    const buffer = bytes.buffer;
    const size = bytes.byteOffset + end;
    if (buffer instanceof ArrayBuffer) buffer.resize(size);
    else buffer.grow(size);
    return true;
  }

  /**
   * The largest length the view can reach by growing its buffer in place:
   * the current length unless the view tracks a resizable `ArrayBuffer` or a
   * growable `SharedArrayBuffer` (up to its `maxByteLength`).
   */
  #capacity(): number {
    const bytes = this.#bytes;
    const length = bytes.byteLength;
    const buffer = bytes.buffer;
    const size = buffer.byteLength;
    const max = buffer.maxByteLength;
    // Only a view that ends where its buffer ends can be length-tracking.
    // `!(size < max)` is also true on engines without `maxByteLength`.
    if (!(size < max) || bytes.byteOffset + length !== size) return length;
    if (!this.#tracksBuffer) {
      // A caller's Uint8Array may be fixed-length or length-tracking, and
      // JavaScript cannot tell them apart without resizing: grow one byte and
      // undo it. A SharedArrayBuffer cannot shrink, so it is never tried.
      if (!(buffer instanceof ArrayBuffer)) return length;
      buffer.resize(size + 1);
      const tracks = bytes.byteLength > length;
      buffer.resize(size);
      if (!tracks) return length;
    }
    return max - bytes.byteOffset;
  }

  /**
   * The steps of {@linkcode Cursor.writeToSync}: yields the rest of the
   * memory as a view and advances by the count the writer answers with.
   */
  *#writeToSteps(): Generator<Uint8Array, number, unknown> {
    let total = 0;
    for (;;) {
      if (this.#closed) throw new CursorClosedError(WRITE_TO);
      const bytes = this.#bytes;
      const start = this.#position;
      const length = bytes.byteLength - start;
      if (length <= 0) {
        this.#assertAttached(WRITE_TO);
        return total;
      }
      // A view, not a copy: the writer reads the wrapped memory itself.
      const count = yield bytes.subarray(start, start + length);
      checkCount(WRITE_TO, "writer", count, 1, length);
      this.#position = start + count;
      total += count;
    }
  }

  /**
   * The steps of {@linkcode Cursor.readFromSync}: yields the room from the
   * position to the end (growing the memory when it is full) and advances by
   * the count the reader answers with, until `null` or full.
   */
  *#readFromSteps(): Generator<Uint8Array, number, unknown> {
    if (this.#closed) throw new CursorClosedError(READ_FROM);
    if (this.#readOnly) throw new CursorReadOnlyError(READ_FROM);
    const initial = this.#bytes.byteLength;
    let grownTo = -1;
    let total = 0;
    try {
      for (let idle = 0;;) {
        if (this.#closed) throw new CursorClosedError(READ_FROM);
        const bytes = this.#bytes;
        const start = this.#position;
        const length = bytes.byteLength;
        if (start >= length) {
          this.#assertAttached(READ_FROM);
          const end = Math.min(
            this.#capacity(),
            Math.max(start + MIN_GROWTH, 2 * length),
          );
          if (end <= start || !this.#grow(end)) break;
          grownTo = end;
        }
        // The reader fills the wrapped memory itself, never more than fits.
        const room = bytes.byteLength - start;
        const count = yield bytes.subarray(start, start + room);
        if (count === null) break;
        checkCount(READ_FROM, "reader", count, 0, room);
        idle = count === 0 ? idle + 1 : 0;
        if (idle === MAX_EMPTY_READS) {
          throw new RangeError(
            `Cannot ${READ_FROM}: it returned 0 bytes ${MAX_EMPTY_READS} times in a row`,
          );
        }
        this.#position = start + count;
        total += count;
      }
    } finally {
      // Give back what doubling took beyond the data; a SharedArrayBuffer
      // cannot shrink.
      const keep = total > 0 ? Math.max(initial, this.#position) : initial;
      const buffer = this.#bytes.buffer;
      if (
        this.#bytes.byteLength === grownTo && grownTo > keep &&
        buffer instanceof ArrayBuffer
      ) {
        buffer.resize(this.#bytes.byteOffset + keep);
      }
    }
    return total;
  }

  /** Throws if the wrapped buffer was detached (a detached view is empty). */
  #assertAttached(action: string): void {
    const bytes = this.#bytes;
    if (bytes.byteLength === 0 && isDetached(bytes.buffer)) {
      throw new TypeError(
        `Cannot ${action}: the underlying ArrayBuffer is detached`,
      );
    }
  }
}

/**
 * Views `source` as bytes without copying.
 *
 * @param source The memory to wrap.
 * @returns A `Uint8Array` over exactly the source's bytes.
 */
function toBytes(source: CursorSource): Uint8Array {
  if (source instanceof Uint8Array) {
    if (source.byteLength === 0 && isDetached(source.buffer)) {
      throw detachedSource();
    }
    return source;
  }
  let buffer: ArrayBufferLike;
  if (ArrayBuffer.isView(source)) {
    buffer = source.buffer;
    if (!isDetached(buffer)) {
      return new Uint8Array(buffer, source.byteOffset, source.byteLength);
    }
  } else if (
    source instanceof ArrayBuffer ||
    (typeof SharedArrayBuffer === "function" &&
      source instanceof SharedArrayBuffer)
  ) {
    buffer = source;
    // A view without a length follows a resizable buffer's length.
    if (!isDetached(buffer)) return new Uint8Array(buffer);
  } else {
    throw new TypeError(
      `Cannot create a cursor: source must be a typed array, DataView, ArrayBuffer or SharedArrayBuffer, received ${
        _describe(source)
      }`,
    );
  }
  throw detachedSource();
}

function detachedSource(): TypeError {
  return new TypeError(
    "Cannot create a cursor: the underlying ArrayBuffer is detached",
  );
}

/**
 * Tells whether `buffer` has been detached (transferred). Engines without
 * `ArrayBuffer.prototype.detached` refuse to view a detached buffer, so this
 * asks for an empty view. Only called on slow paths.
 */
function isDetached(buffer: ArrayBufferLike): boolean {
  try {
    new Uint8Array(buffer, 0, 0);
    return false;
  } catch {
    return true;
  }
}

function notBytes(action: string, name: string, value: unknown): TypeError {
  return new TypeError(
    `Cannot ${action}: ${name} must be a Uint8Array, received ${
      _describe(value)
    }`,
  );
}

/** The action named in errors of {@linkcode Cursor.writeTo}. */
const WRITE_TO = "write to a writer";
/** The action named in errors of {@linkcode Cursor.readFrom}. */
const READ_FROM = "read from a reader";
/** The fewest bytes {@linkcode Cursor.readFrom} grows a full buffer by. */
const MIN_GROWTH = 65_536;
/** How many empty reads in a row {@linkcode Cursor.readFrom} accepts (Go's io). */
const MAX_EMPTY_READS = 100;

/** Throws a TypeError unless `value` has a method called `method`. */
function assertMethod(
  action: string,
  name: string,
  value: unknown,
  method: string,
): void {
  if (
    typeof (value as Record<string, unknown> | null)?.[method] !== "function"
  ) {
    throw new TypeError(
      `Cannot ${action}: ${name} must have a ${method}() method, received ${
        _describe(value)
      }`,
    );
  }
}

/**
 * Checks the count a reader or writer answered with.
 *
 * @throws {TypeError} If `count` is not a number.
 * @throws {RangeError} If `count` is not an integer from `min` to `max`.
 */
function checkCount(
  action: string,
  name: string,
  count: unknown,
  min: number,
  max: number,
): asserts count is number {
  if (
    Number.isInteger(count) && count as number >= min && count as number <= max
  ) return;
  const message = `Cannot ${action}: ${name} returned ${
    _describe(count)
  } for ${max} bytes, expected ${min === 0 ? "null or 0" : min} to ${max}`;
  throw typeof count === "number"
    ? new RangeError(message)
    : new TypeError(message);
}

/**
 * Runs the steps of a copy, answering each view it yields with `io(view)`.
 * If `io` throws, the steps are ended first so their cleanup runs.
 */
function runSync(
  steps: Generator<Uint8Array, number, unknown>,
  io: (p: Uint8Array) => unknown,
): number {
  let step = steps.next();
  while (!step.done) {
    let answer: unknown;
    try {
      answer = io(step.value);
    } catch (error) {
      steps.return(0);
      throw error;
    }
    step = steps.next(answer);
  }
  return step.value;
}

/** The asynchronous form of {@linkcode runSync}: awaits each `io(view)`. */
async function run(
  steps: Generator<Uint8Array, number, unknown>,
  io: (p: Uint8Array) => Promise<unknown>,
): Promise<number> {
  let step = steps.next();
  while (!step.done) {
    let answer: unknown;
    try {
      answer = await io(step.value);
    } catch (error) {
      steps.return(0);
      throw error;
    }
    step = steps.next(answer);
  }
  return step.value;
}
