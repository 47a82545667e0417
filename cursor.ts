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
 * changes to the source are seen by later reads. It never reallocates, so a
 * write that does not fit throws {@linkcode CursorFullError} and writes
 * nothing.
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
   * `ArrayBuffer` or `SharedArrayBuffer`, or its buffer is detached; or if
   * `options.readOnly` is given and is not a boolean.
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
    const readOnly = options?.readOnly ?? false;
    // A truthy non-boolean such as "yes" or 1 must not leave the memory writable.
    if (typeof readOnly !== "boolean") {
      throw new TypeError(
        `Cannot create a cursor: options.readOnly must be a boolean, received ${
          _describe(readOnly)
        }`,
      );
    }
    this.#readOnly = readOnly;
  }

  /**
   * The position of the next read or write, in bytes from the start. It may
   * lie past the end. Setting it validates the value like
   * {@linkcode Cursor.seekSync} with {@linkcode SeekMode.Start}.
   *
   * @throws {CursorClosedError} On set, if the cursor is closed.
   * @throws {TypeError} On set, if the value is neither a number nor a bigint.
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
    if (!isBytes(p)) throw notBytes("read", "p", p);
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
   * @param p The bytes to write.
   * @returns `p.byteLength`.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {CursorReadOnlyError} If the cursor is read-only.
   * @throws {TypeError} If `p` is not a `Uint8Array`, or the wrapped buffer
   * has been detached.
   * @throws {CursorFullError} If `p` does not fit between the position and the
   * end.
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
   */
  writeSync(p: Uint8Array): number {
    if (this.#closed) throw new CursorClosedError("write");
    if (this.#readOnly) throw new CursorReadOnlyError("write");
    if (!isBytes(p)) throw notBytes("write", "p", p);
    const bytes = this.#bytes;
    const start = this.#position;
    const count = p.byteLength;
    if (count === 0 || count > bytes.byteLength - start) {
      return this.#writeNothing(count);
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

  /** The slow path of a write that copies nothing: empty `p`, or full. */
  #writeNothing(count: number): 0 {
    this.#assertAttached("write");
    if (count === 0) return 0;
    const free = Math.max(0, this.#bytes.byteLength - this.#position);
    throw new CursorFullError("write", count, free);
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
  if (isBytes(source)) {
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
  } else if (isBuffer(source)) {
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

/**
 * Whether `value` is a real `Uint8Array` (or subclass). `instanceof` alone
 * also accepts look-alikes and Proxies, whose `byteLength` the engine refuses
 * with its own message; `ArrayBuffer.isView` is an internal-slot check that
 * engines inline, so this stays cheap on the hot path.
 */
function isBytes(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array && ArrayBuffer.isView(value);
}

/**
 * Whether `value` is a real `ArrayBuffer` or `SharedArrayBuffer`: the
 * `byteLength` getters check the internal slot, which look-alikes and
 * Proxies lack. Only called by the constructor.
 */
function isBuffer(value: unknown): value is ArrayBufferLike {
  return hasSlot(ArrayBuffer, value) ||
    (typeof SharedArrayBuffer === "function" &&
      hasSlot(SharedArrayBuffer, value));
}

function hasSlot(
  type: ArrayBufferConstructor | SharedArrayBufferConstructor,
  value: unknown,
): boolean {
  try {
    Object.getOwnPropertyDescriptor(type.prototype, "byteLength")!.get!
      .call(value);
  } catch {
    return false;
  }
  return true;
}

function notBytes(action: string, name: string, value: unknown): TypeError {
  return new TypeError(
    `Cannot ${action}: ${name} must be a Uint8Array, received ${
      _describe(value)
    }`,
  );
}
