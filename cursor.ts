/**
 * The {@linkcode Cursor} class: a file-like view over borrowed bytes.
 *
 * @module
 */

import {
  assertAttached,
  copyOut,
  isSteady,
  plainView,
  toBytes,
  view,
} from "./_bytes.ts";
import {
  assertAccessor,
  assertMethod,
  byteCount,
  checkCount,
  conversionError,
  isBytes,
  notDelimiter,
  notUint8Array,
  toFatal,
  toLength,
  toReadOnly,
} from "./_checks.ts";
import {
  capacity,
  copyInGrowing,
  grow,
  type Growth,
  growthEnd,
  growthOf,
  memoryGrowth,
  NO_GROWTH,
  reserve,
  resize,
} from "./_growth.ts";
import { run, runSync, type Steps } from "./_steps.ts";
import {
  CR,
  decode,
  decodeShort,
  encodeInto,
  encodeShort,
  encodesNatively,
  isPlain,
  LF,
  notString,
  SHORT_TEXT,
  type TextBlock,
  textBlock,
  utf8Length,
} from "./_text.ts";
import { readableOf, writableOf } from "./_streams.ts";
import {
  BIG_VAR_INT64,
  BIG_VAR_UINT64,
  BIG_ZIGZAG64,
  copyScratch,
  encode,
  encodedLength,
  getBigVarInt64,
  getBigVarUint64,
  getBigZigZag64,
  getVarInt32,
  getVarInt64,
  getVarUint32,
  getVarUint64,
  getZigZag32,
  getZigZag64,
  INVALID,
  MAX_INT64,
  MAX_UINT64,
  MIN_INT64,
  putBigVarInt64,
  putBigVarUint64,
  putBigZigZag64,
  putVarInt32,
  putVarInt64,
  putVarUint32,
  putVarUint64,
  putZigZag32,
  putZigZag64,
  readError,
  VAR_INT32,
  VAR_INT64,
  VAR_UINT32,
  VAR_UINT64,
  type Varint,
  windowAt,
  ZIGZAG32,
  ZIGZAG64,
} from "./_varint.ts";
import {
  CursorClosedError,
  CursorFullError,
  CursorReadOnlyError,
  UnexpectedEofError,
} from "./errors.ts";
import { resolvePosition, SeekMode, toOffset, toPosition } from "./seeker.ts";
import type {
  Closer,
  Reader,
  ReaderSync,
  Seeker,
  SeekerSync,
  WebAssemblyMemory,
  Writer,
  WriterSync,
} from "./types.ts";

/**
 * The placeholder `DataView` of a closed cursor, and of a read-only one for
 * writes: empty, so every typed access throws and takes its slow path.
 */
const NO_DATA_VIEW = new DataView(new ArrayBuffer(0));
/**
 * What the fast paths of a cursor see when its memory is not steady: no
 * bytes, so every fast check fails and the general path runs.
 */
const NO_BYTES = new Uint8Array(0);
/** `Uint8Array.prototype.set`, which takes a `Uint8Array` of any realm. */
const SET = Uint8Array.prototype.set;
/**
 * The position a cursor keeps in `#state` when it is this or more: the real
 * one is then in `#far`. It lies past the end of all steady memory, so every
 * fast path fails there and the general path, which reads `#far`, runs.
 */
const FAR = 2 ** 31 - 1;
/**
 * The longest steady memory: every position a fast path reaches in it, its
 * end included, stays below {@linkcode FAR}.
 */
const MAX_STEADY = FAR - 1;
/**
 * The class of a cursor over memory that is not steady, with the typed
 * numbers that grow memory without exceptions (set by the static block of
 * the generated region at the end of {@linkcode Cursor}).
 */
let GENERAL: typeof Cursor;
/** The class of a cursor over a WebAssembly memory (see tools/numbers.ts). */
let MEMORY: typeof Cursor;

// The actions that error messages name, as in "Cannot <action>: <reason>".
const READ = "read";
const WRITE = "write";
const SEEK = "seek";
const SET_POSITION = "set position";
const PEEK = "peek";
const TAKE = "take";
const REMAINDER = "get the remainder";
const READ_UNTIL = "read until a delimiter";
const READ_EXACTLY = "read exactly";
const READ_AT = "set the read offset";
const WRITE_AT = "set the write offset";
const READ_LINE = "read a line";
const DECODE = "decode";
const TRUNCATE = "truncate";
const WRITE_TO = "write to a writer";
const READ_FROM = "read from a reader";
const STORE_READ = "store the reader's";
const MEASURE_UINT = "measure a VarUint";
const MEASURE_INT = "measure a VarInt";
const MEASURE_ZIGZAG = "measure a ZigZag";

/**
 * Where the general path of a varint read decodes from: the position in the
 * window it copied (see `#readVarSlow()`).
 */
const SLOW_STATE = new Int32Array(1);

/**
 * How many empty reads in a row
 * {@linkcode Cursor.prototype.readFrom | readFrom()} accepts (Go's io).
 */
const MAX_EMPTY_READS = 100;
/**
 * The most {@linkcode Cursor.prototype.readFrom | readFrom()} reads into a
 * scratch buffer before it grows full memory by what it read: a reader that
 * has nothing left leaves the memory as it was, and the memory never grows
 * past the data.
 */
const SCRATCH = 65_536;

/** The `DataView` methods that read a typed number. */
type Getter = {
  [K in keyof DataView]: K extends `get${string}` ? K : never;
}[keyof DataView];
/** The `DataView` methods that write a typed number. */
type Setter = {
  [K in keyof DataView]: K extends `set${string}` ? K : never;
}[keyof DataView];

/**
 * Memory a {@linkcode Cursor} can wrap: any typed array (including Node's
 * `Buffer`), a `DataView`, an `ArrayBuffer`, a `SharedArrayBuffer` or a
 * `WebAssembly.Memory`, of this realm or another.
 */
export type CursorSource =
  | ArrayBufferView
  | ArrayBufferLike
  | WebAssemblyMemory;

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
 * growable `SharedArrayBuffer`, up to its `maxByteLength`, or a
 * `WebAssembly.Memory`, by whole pages up to its maximum).
 *
 * It implements {@linkcode Reader}, {@linkcode ReaderSync}, {@linkcode Writer},
 * {@linkcode WriterSync}, {@linkcode Seeker}, {@linkcode SeekerSync} and
 * {@linkcode Closer} with the semantics of `@std/io` and `Deno.FsFile`: a read
 * returns `null` at the end (never 0 for a non-empty buffer), a write stores
 * all of its bytes or none, and a seek past the end is allowed.
 *
 * For parsing binary formats it adds views that alias the memory
 * ({@linkcode Cursor.prototype.peek | peek()},
 * {@linkcode Cursor.prototype.take | take()},
 * {@linkcode Cursor.prototype.remainder | remainder()},
 * {@linkcode Cursor.prototype.readUntil | readUntil()}), all-or-nothing
 * {@linkcode Cursor.prototype.readExact | readExact()}, positional
 * {@linkcode Cursor.prototype.readAt | readAt()} and
 * {@linkcode Cursor.prototype.writeAt | writeAt()}, typed numbers such as
 * {@linkcode Cursor.prototype.readUint32 | readUint32()} that read and write
 * like `DataView`, and varints (LEB128 and zigzag, as WebAssembly, DWARF and
 * Protocol Buffers write integers) such as
 * {@linkcode Cursor.prototype.readVarUint32 | readVarUint32()} and
 * {@linkcode Cursor.prototype.readBigVarInt64 | readBigVarInt64()}, with
 * {@linkcode Cursor.varUintLength} and its kin telling their length. For
 * text it reads lines
 * ({@linkcode Cursor.prototype.readLine | readLine()},
 * {@linkcode Cursor.prototype.lines | lines()}) and decodes and encodes UTF-8
 * in place ({@linkcode Cursor.prototype.readString | readString()},
 * {@linkcode Cursor.prototype.writeString | writeString()});
 * {@linkcode Cursor.prototype.truncate | truncate()} sets the length of
 * resizable memory; {@linkcode Cursor.prototype.readable | readable} and
 * {@linkcode Cursor.prototype.writable | writable} speak Web Streams, and
 * {@linkcode Cursor.prototype.writeTo | writeTo()} and
 * {@linkcode Cursor.prototype.readFrom | readFrom()} copy to and from other
 * writers and readers.
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
  // #region State

  // Memory is steady when its buffer cannot be resized (only detached) and
  // it is at most MAX_STEADY bytes long: most memory. A WebAssembly memory is
  // not: each grow detaches its buffer, and a typed fast path that threw on
  // a detached `DataView` 15 times a bench iteration made every cursor's
  // `writeUint32()` about 13 times slower for the rest of the process. Its cursor runs fast
  // paths that see only its own-realm `Uint8Array` and `DataView`; any other
  // memory takes general paths at other call sites. The engine keeps type
  // feedback per call site for the whole process, so one call site that saw
  // a view of a resizable buffer (or a `Buffer`, or another realm's array)
  // would slow every cursor in the process.

  /** The memory as `bytes()` gives it: the caller's, or a view made of it. */
  #source!: Uint8Array;
  /** The memory as the general paths read and write it: see `#bytes`. */
  #view!: Uint8Array;
  /**
   * The WebAssembly memory the cursor wraps, whose buffer it follows, or
   * `undefined`.
   */
  #memory: WebAssemblyMemory | undefined;
  /**
   * The memory as the fast paths read and write it: for steady memory the
   * same bytes as `#bytes` in a plain `Uint8Array` of this realm (`#bytes`
   * is then that view too), else {@linkcode NO_BYTES}.
   */
  #fast: Uint8Array = NO_BYTES;
  /**
   * The position, in an `Int32Array` so that it is an integer to the engine
   * whatever number set it (a field that once held a double slows every
   * cursor); {@linkcode FAR} when the position is `#far`.
   */
  #state: Int32Array = new Int32Array(1);
  /** The position when `#state[0]` is {@linkcode FAR}; a double throughout. */
  #far = Number.NaN;
  /**
   * Whether `#fast` views an `ArrayBuffer` (steady memory that is not
   * shared), which the `TextEncoder` of every engine writes into in place.
   */
  // Stryker disable next-line BooleanLiteral: equivalent, only the fast paths read #plain, where the constructor set it (CONTRIBUTING.md, Mutation testing)
  #plain = false;
  #closed = false;
  #readOnly!: boolean;
  /** The cached view behind the typed reads; see #makeDataView(). */
  #data: DataView = NO_DATA_VIEW;
  /** `#data` for typed writes; the empty placeholder while read-only. */
  #writeData: DataView = NO_DATA_VIEW;
  /** What the cursor knows of how its memory can grow. */
  #growth!: Growth;
  #readable: ReadableStream<Uint8Array<ArrayBuffer>> | undefined;
  #writable: WritableStream<Uint8Array> | undefined;

  /**
   * Wraps `source` without copying it. The cursor views exactly the source's
   * bytes (its `buffer`, `byteOffset` and `byteLength`) and never touches
   * bytes outside them. A length-tracking `Uint8Array` or a resizable
   * `ArrayBuffer` keeps following the buffer's length when it is resized;
   * other views are taken at their length of the moment. Memory of another
   * realm (an iframe, a `node:vm` context) works as this realm's does.
   *
   * A `WebAssembly.Memory` is followed as it grows, whoever grows it (wasm
   * code, JavaScript, another thread for a shared memory): the cursor views
   * `memory.buffer` as it is now. A write past the end grows the memory by
   * whole 64 KiB pages up to its maximum, so its length is always a multiple
   * of 64 KiB; past the maximum the write fails with
   * {@linkcode CursorFullError}, as for fixed memory. It cannot shrink. A
   * buffer from `memory.toResizableBuffer()` grows by whole pages too.
   *
   * @param source The memory to wrap.
   * @param options How the cursor may be used: `{ readOnly: true }` refuses
   * every write.
   * @throws {TypeError} If `source` is not a typed array, `DataView`,
   * `ArrayBuffer`, `SharedArrayBuffer` or `WebAssembly.Memory`, or its buffer
   * is detached; or if `options.readOnly` is given and is not a boolean.
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
   *
   * @example Share memory with WebAssembly as it grows
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const memory = new WebAssembly.Memory({ initial: 1, maximum: 4 });
   * const cursor = new Cursor(memory);
   * memory.grow(1); // as wasm code would: the old buffer is detached
   * cursor.position = 2 * 65_536 - 2;
   * cursor.writeUint32(0xcafe_f00d); // grows the memory by a page
   * assert.equal(memory.buffer.byteLength, 3 * 65_536);
   * assert.equal(new DataView(memory.buffer).getUint32(131_070), 0xcafe_f00d);
   * ```
   */
  constructor(source: CursorSource, options?: CursorOptions) {
    const bytes = toBytes(source);
    const readOnly = toReadOnly(options?.readOnly);
    const memory = !ArrayBuffer.isView(source) && bytes.buffer !== source;
    const steady = !memory && isSteady(bytes, MAX_STEADY);
    // An object of another class, so that the engine keeps what its fields
    // hold apart from steady cursors too. A subclass keeps its class and the
    // steady numbers, which serve any memory, only more slowly.
    // Stryker disable next-line ConditionalExpression,BlockStatement: equivalent, the steady class serves any memory, as a subclass's cursors do, only more slowly; bench/crosstalk.ts guards the speed (CONTRIBUTING.md, Mutation testing)
    if (!steady && new.target === Cursor) {
      return new (memory ? MEMORY : GENERAL)(source, options);
    }
    this.#readOnly = readOnly;
    // A WebAssembly.Memory is the one source that is neither a view nor the
    // buffer it gives.
    if (memory) {
      this.#memory = source as WebAssemblyMemory;
      this.#bind(bytes);
      return;
    }
    this.#memory = undefined;
    this.#source = bytes;
    this.#view = steady ? (this.#fast = plainView(bytes)) : bytes;
    this.#plain = steady && isPlain(bytes.buffer);
    this.#growth = steady
      ? NO_GROWTH
      : growthOf(bytes, !ArrayBuffer.isView(source));
    // Made here, not on first use: a lazy check in the typed fast paths
    // cost more than the read itself (see #makeDataView()).
    this.#makeDataView();
  }

  // #endregion

  // #region Position and memory

  /**
   * The position of the next read or write, in bytes from the start. It may lie
   * past the end. Setting it validates the value like
   * {@linkcode Cursor.prototype.seekSync | seekSync()} with
   * {@linkcode SeekMode | SeekMode.Start}.
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
    return this.#at();
  }

  set position(value: number) {
    this.#seek(SET_POSITION, "the value", value, SeekMode.Start);
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
    return this.#length();
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
    return Math.max(0, this.#length() - this.#at());
  }

  /**
   * Whether {@linkcode Cursor.prototype.close | close()} has been called.
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
   * const memory = new Uint8Array(1);
   * assert.equal(new Cursor(memory, { readOnly: true }).readOnly, true);
   * assert.equal(new Cursor(memory).readOnly, false);
   * ```
   */
  get readOnly(): boolean {
    return this.#readOnly;
  }

  /**
   * The wrapped memory as a `Uint8Array`, without copying: the very object
   * passed to the constructor when that was a `Uint8Array`, otherwise a view of
   * the same bytes. It stays available after
   * {@linkcode Cursor.prototype.close | close()}, so the result of writing can
   * be taken once a stream has closed the cursor.
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
    // Follows a WebAssembly memory's buffer first.
    this.#bytes;
    return this.#source;
  }

  // #endregion

  // #region Reader, Writer, Seeker, Closer

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
    this.#assertReadable(p);
    const fast = this.#fast;
    const state = this.#state;
    const start = state[0]!;
    const count = Math.min(p.byteLength, fast.byteLength - start);
    // Stryker disable next-line ConditionalExpression: equivalent, #readSlow() copies the same bytes and moves the position the same (CONTRIBUTING.md, Mutation testing)
    if (count <= 0) return this.#readSlow(p);
    // One subarray + set: a memmove in the engine, overlap-safe by spec.
    // This realm's `set`, whatever the realm of `p`: one call target.
    SET.call(p, fast.subarray(start, start + count));
    state[0] = start + count;
    return count;
  }

  /**
   * The asynchronous form of
   * {@linkcode Cursor.prototype.readSync | readSync()}: the bytes are read at
   * call time and the promise is already settled.
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
   * assert.throws(
   *   () => cursor.writeSync(new Uint8Array(1)),
   *   CursorFullError,
   * );
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
   * assert.deepEqual(new Uint8Array(buffer), Uint8Array.of(0, 0, 0, 7, 8));
   * assert.throws(
   *   () => cursor.writeSync(new Uint8Array(2)),
   *   CursorFullError,
   * );
   * assert.equal(buffer.byteLength, 5);
   * ```
   */
  writeSync(p: Uint8Array): number {
    this.#assertWritable(p);
    const fast = this.#fast;
    const state = this.#state;
    const start = state[0]!;
    const count = p.byteLength;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, #writeSlow() copies the same bytes and moves the position the same (CONTRIBUTING.md, Mutation testing)
    if (count === 0 || count > fast.byteLength - start) {
      return this.#writeSlow(p);
    }
    // One set: a memmove in the engine, overlap-safe by spec.
    fast.set(p, start);
    state[0] = start + count;
    return count;
  }

  /**
   * The asynchronous form of
   * {@linkcode Cursor.prototype.writeSync | writeSync()}: the bytes are written
   * at call time and the promise is already settled.
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
    return this.#seek(SEEK, "offset", offset, whence);
  }

  /**
   * The asynchronous form of
   * {@linkcode Cursor.prototype.seekSync | seekSync()}: the position moves at
   * call time and the promise is already settled.
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
   * {@linkcode CursorClosedError}; {@linkcode Cursor.prototype.bytes | bytes()}
   * still returns the memory, which belongs to the caller. Calling it again
   * does nothing, because stream adapters may close more than once.
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
    // Send the typed fast paths to their slow paths, which throw.
    this.#data = this.#writeData = NO_DATA_VIEW;
  }

  /**
   * Closes the cursor at the end of a `using` block; the same as
   * {@linkcode Cursor.prototype.close | close()}.
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

  // #endregion

  // #region Views for parsing

  /**
   * The next `n` bytes, or fewer if fewer remain, as a view of the wrapped
   * memory; the position does not move. The view **aliases** the memory: it
   * is not a copy, so later writes to the cursor or the source show through
   * it. Past the end it is empty.
   *
   * @param n How many bytes to look at, a non-negative safe integer.
   * @returns A view of the next `min(n, remaining)` bytes: a `Uint8Array`,
   * or a `Buffer` when the source was a Node `Buffer` (as `subarray` gives).
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {TypeError} If `n` is not a number, or the wrapped buffer has been
   * detached.
   * @throws {RangeError} If `n` is negative, fractional, not finite or above
   * `Number.MAX_SAFE_INTEGER`.
   *
   * @example Look ahead without consuming, and see later writes
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const cursor = new Cursor(new Uint8Array([1, 2, 3]));
   * const next = cursor.peek(2);
   * assert.deepEqual(next, new Uint8Array([1, 2]));
   * assert.equal(cursor.position, 0);
   * cursor.writeSync(new Uint8Array([9]));
   * assert.equal(next[0], 9);
   * assert.equal(cursor.peek(10).byteLength, 2);
   * ```
   */
  peek(n: number): Uint8Array {
    if (this.#closed) throw new CursorClosedError(PEEK);
    const start = this.#at();
    // subarray clamps the end to the length: no remaining-bytes math needed.
    return view(this.#bytes, PEEK, start, start + toLength(PEEK, n));
  }

  /**
   * The next `n` bytes as a view of the wrapped memory, advancing past them.
   * The view **aliases** the memory: it is not a copy. When fewer than `n`
   * bytes remain it throws and consumes nothing.
   *
   * @param n How many bytes to take, a non-negative safe integer.
   * @returns A view of exactly `n` bytes: a `Uint8Array`, or a `Buffer`
   * when the source was a Node `Buffer`.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {TypeError} If `n` is not a number, or the wrapped buffer has been
   * detached.
   * @throws {RangeError} If `n` is negative, fractional, not finite or above
   * `Number.MAX_SAFE_INTEGER`.
   * @throws {UnexpectedEofError} If fewer than `n` bytes remain.
   *
   * @example Split a record into fields without copying
   * ```ts
   * import { Cursor, UnexpectedEofError } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const record = new TextEncoder().encode("GIF89a");
   * const cursor = new Cursor(record);
   * assert.equal(new TextDecoder().decode(cursor.take(3)), "GIF");
   * assert.equal(new TextDecoder().decode(cursor.take(3)), "89a");
   * assert.throws(() => cursor.take(1), UnexpectedEofError);
   * assert.equal(cursor.position, 6);
   * ```
   */
  take(n: number): Uint8Array {
    if (this.#closed) throw new CursorClosedError(TAKE);
    return this.#claim(TAKE, toLength(TAKE, n));
  }

  /**
   * Everything from the position to the end, as a view of the wrapped memory
   * (Rust's `remaining_slice`); the position does not move. The view
   * **aliases** the memory. Past the end it is empty.
   *
   * @returns A view of the remaining bytes: a `Uint8Array`, or a `Buffer`
   * when the source was a Node `Buffer`.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {TypeError} If the wrapped buffer has been detached.
   *
   * @example The unread rest of a message
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const cursor = new Cursor(new Uint8Array([1, 2, 3, 4]));
   * cursor.position = 1;
   * assert.deepEqual(cursor.remainder(), new Uint8Array([2, 3, 4]));
   * assert.equal(cursor.position, 1);
   * ```
   */
  remainder(): Uint8Array {
    if (this.#closed) throw new CursorClosedError(REMAINDER);
    return view(this.#bytes, REMAINDER, this.#at(), undefined);
  }

  /**
   * The bytes from the position up to and including the next `delimiter`
   * byte, as a view of the wrapped memory, advancing past them (Rust's
   * `read_until`, Go's `ReadSlice`). Without another `delimiter` it returns
   * the rest. The view **aliases** the memory.
   *
   * @param delimiter The byte value to stop after, an integer from 0 to 255.
   * @returns A view ending with `delimiter` (or at the end), a `Buffer` when
   * the source was a Node `Buffer`; `null` when the position is at or past the
   * end.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {TypeError} If `delimiter` is not a number, or the wrapped buffer
   * has been detached.
   * @throws {RangeError} If `delimiter` is not an integer from 0 to 255.
   *
   * @example Split lines
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const cursor = new Cursor(new TextEncoder().encode("a\nbc\nd"));
   * const lines = [];
   * for (let line; (line = cursor.readUntil(0x0a)) !== null;) {
   *   lines.push(new TextDecoder().decode(line));
   * }
   * assert.deepEqual(lines, ["a\n", "bc\n", "d"]);
   * ```
   */
  readUntil(delimiter: number): Uint8Array | null {
    if (this.#closed) throw new CursorClosedError(READ_UNTIL);
    // One mask compares the value with its low byte: it rejects non-numbers,
    // fractions and anything outside 0..255 in a single test.
    if (typeof delimiter !== "number" || (delimiter & 0xff) !== delimiter) {
      throw notDelimiter(delimiter);
    }
    const start = this.#scanStart(READ_UNTIL);
    if (start === -1) return null;
    const bytes = this.#bytes;
    const length = this.#length();
    // indexOf is a native scan; a JavaScript byte loop would be slower.
    const found = bytes.indexOf(delimiter, start);
    const end = found === -1 ? length : found + 1;
    this.#moveTo(end);
    return bytes.subarray(start, end);
  }

  /**
   * Fills all of `p` from the position and advances past it. When fewer than
   * `p.byteLength` bytes remain it throws, leaves `p` as it was and does not
   * move. `p` may overlap the wrapped memory and is not kept.
   *
   * @typeParam T The type of `p`.
   * @param p The buffer to fill.
   * @returns `p`, filled.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {TypeError} If `p` is not a `Uint8Array`, or the wrapped buffer
   * has been detached.
   * @throws {UnexpectedEofError} If fewer than `p.byteLength` bytes remain.
   *
   * @example Read a fixed-size header or fail
   * ```ts
   * import { Cursor, UnexpectedEofError } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const cursor = new Cursor(new Uint8Array([1, 2, 3, 4, 5]));
   * const header = cursor.readExactSync(new Uint8Array(3));
   * assert.deepEqual(header, new Uint8Array([1, 2, 3]));
   * assert.throws(() => cursor.readExactSync(new Uint8Array(3)), {
   *   name: "UnexpectedEofError",
   *   message: "Cannot read exactly 3 bytes: only 2 bytes remain",
   * });
   * assert.equal(cursor.position, 3);
   * ```
   */
  readExactSync<T extends Uint8Array>(p: T): T {
    if (this.#closed) throw new CursorClosedError(READ_EXACTLY);
    if (!isBytes(p)) throw notUint8Array(READ_EXACTLY, "p", p);
    // One subarray + set: a memmove in the engine, overlap-safe by spec.
    p.set(this.#claim(READ_EXACTLY, p.byteLength));
    return p;
  }

  /**
   * The asynchronous form of
   * {@linkcode Cursor.prototype.readExactSync | readExactSync()}: the bytes are
   * read at call time and the promise is already settled.
   *
   * @typeParam T The type of `p`.
   * @param p The buffer to fill.
   * @returns `p`, filled.
   * @throws {CursorClosedError} As a rejection, if the cursor is closed.
   * @throws {TypeError} As a rejection, if `p` is not a `Uint8Array` or the
   * wrapped buffer has been detached.
   * @throws {UnexpectedEofError} As a rejection, if fewer than `p.byteLength`
   * bytes remain.
   *
   * @example Read a length-prefixed body
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const cursor = new Cursor(new Uint8Array([2, 0xca, 0xfe, 0xff]));
   * const length = cursor.readUint8();
   * const body = await cursor.readExact(new Uint8Array(length));
   * assert.deepEqual(body, new Uint8Array([0xca, 0xfe]));
   * await assert.rejects(cursor.readExact(new Uint8Array(2)), RangeError);
   * assert.equal(cursor.position, 3);
   * ```
   */
  // deno-lint-ignore require-await -- the sync method does the work at call time
  async readExact<T extends Uint8Array>(p: T): Promise<T> {
    return this.readExactSync(p);
  }

  // #endregion

  // #region Positional I/O

  /**
   * Copies up to `p.byteLength` bytes from `offset` into `p` without moving the
   * position (Go's `ReaderAt`). The same rules as
   * {@linkcode Cursor.prototype.readSync | readSync()} apply, counted from
   * `offset`.
   *
   * @param p The buffer to fill.
   * @param offset Where to read from, in bytes from the start, validated like a
   * seek with {@linkcode SeekMode | SeekMode.Start}.
   * @returns The number of bytes read; `0` when `p` is empty; `null` when `p`
   * is not empty and `offset` is at or past the end.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {TypeError} If `p` is not a `Uint8Array`, `offset` is not a number
   * or bigint, or the wrapped buffer has been detached.
   * @throws {RangeError} If `offset` is negative or not a safe integer.
   *
   * @example Read a field at a known offset
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const cursor = new Cursor(new TextEncoder().encode("key=value"));
   * const p = new Uint8Array(8);
   * assert.equal(cursor.readAtSync(p, 4), 5);
   * assert.equal(new TextDecoder().decode(p.subarray(0, 5)), "value");
   * assert.equal(cursor.readAtSync(p, 9n), null);
   * assert.equal(cursor.position, 0);
   * ```
   */
  readAtSync(p: Uint8Array, offset: number | bigint): number | null {
    this.#assertReadable(p);
    return copyOut(this.#bytes, p, toPosition(READ_AT, offset));
  }

  /**
   * The asynchronous form of
   * {@linkcode Cursor.prototype.readAtSync | readAtSync()}: the bytes are read
   * at call time and the promise is already settled.
   *
   * @param p The buffer to fill.
   * @param offset Where to read from, in bytes from the start.
   * @returns The number of bytes read; `0` when `p` is empty; `null` when `p`
   * is not empty and `offset` is at or past the end.
   * @throws {CursorClosedError} As a rejection, if the cursor is closed.
   * @throws {TypeError} As a rejection, for an argument of the wrong type or
   * a detached buffer.
   * @throws {RangeError} As a rejection, if `offset` is negative or not a
   * safe integer.
   *
   * @example Read the trailer of a file first
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const cursor = new Cursor(new Uint8Array([1, 2, 3, 4, 5, 6]));
   * const trailer = new Uint8Array(2);
   * assert.equal(await cursor.readAt(trailer, cursor.byteLength - 2), 2);
   * assert.deepEqual(trailer, new Uint8Array([5, 6]));
   * await assert.rejects(cursor.readAt(trailer, -1), RangeError);
   * ```
   */
  // deno-lint-ignore require-await -- the sync method does the work at call time
  async readAt(p: Uint8Array, offset: number | bigint): Promise<number | null> {
    return this.readAtSync(p, offset);
  }

  /**
   * Copies all of `p` to `offset` without moving the position (Go's
   * `WriterAt`). The same rules as
   * {@linkcode Cursor.prototype.writeSync | writeSync()} apply, counted from
   * `offset`: memory that can grow in place grows, and a write that still does
   * not fit throws and writes nothing.
   *
   * @param p The bytes to write.
   * @param offset Where to write to, in bytes from the start, validated like a
   * seek with {@linkcode SeekMode | SeekMode.Start}.
   * @returns `p.byteLength`.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {CursorReadOnlyError} If the cursor is read-only.
   * @throws {TypeError} If `p` is not a `Uint8Array`, `offset` is not a number
   * or bigint, or the wrapped buffer has been detached.
   * @throws {RangeError} If `offset` is negative or not a safe integer.
   * @throws {CursorFullError} If `p` does not fit between `offset` and the
   * end, even after growing.
   *
   * @example Patch a length field after writing the body
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const memory = new Uint8Array(4);
   * const cursor = new Cursor(memory);
   * cursor.position = 1;
   * cursor.writeSync(new Uint8Array([7, 7, 7]));
   * assert.equal(cursor.writeAtSync(new Uint8Array([3]), 0), 1);
   * assert.deepEqual(memory, new Uint8Array([3, 7, 7, 7]));
   * assert.equal(cursor.position, 4);
   * ```
   */
  writeAtSync(p: Uint8Array, offset: number | bigint): number {
    this.#assertWritable(p);
    return this.#copyIn(p, toPosition(WRITE_AT, offset));
  }

  /**
   * The asynchronous form of
   * {@linkcode Cursor.prototype.writeAtSync | writeAtSync()}: the bytes are
   * written at call time and the promise is already settled.
   *
   * @param p The bytes to write.
   * @param offset Where to write to, in bytes from the start.
   * @returns `p.byteLength`.
   * @throws {CursorClosedError} As a rejection, if the cursor is closed.
   * @throws {CursorReadOnlyError} As a rejection, if the cursor is read-only.
   * @throws {TypeError} As a rejection, for an argument of the wrong type or
   * a detached buffer.
   * @throws {RangeError} As a rejection, if `offset` is negative or not a
   * safe integer.
   * @throws {CursorFullError} As a rejection, if `p` does not fit.
   *
   * @example Write at an offset, then fail past the end
   * ```ts
   * import { Cursor, CursorFullError } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const memory = new Uint8Array(3);
   * const cursor = new Cursor(memory);
   * assert.equal(await cursor.writeAt(new Uint8Array([5, 6]), 1n), 2);
   * assert.deepEqual(memory, new Uint8Array([0, 5, 6]));
   * await assert.rejects(
   *   cursor.writeAt(new Uint8Array(2), 2),
   *   CursorFullError,
   * );
   * ```
   */
  // deno-lint-ignore require-await -- the sync method does the work at call time
  async writeAt(p: Uint8Array, offset: number | bigint): Promise<number> {
    return this.writeAtSync(p, offset);
  }

  // #endregion

  // #region Text

  /**
   * The next line as a view of the wrapped memory, without its terminator,
   * advancing past the terminator. A line ends at `"\n"` or `"\r\n"`; a lone
   * `"\r"` is part of the line. A last line without a terminator is returned
   * as it is. The view **aliases** the memory: decode it, or copy it with
   * `slice()`, to keep it past later writes.
   *
   * @returns A view of the line's bytes: a `Uint8Array`, or a `Buffer` when
   * the source was a Node `Buffer`; `null` when the position is at or past
   * the end.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {TypeError} If the wrapped buffer has been detached.
   *
   * @example Read lines ended by "\n" or "\r\n"
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const cursor = new Cursor(new TextEncoder().encode("a\r\n\nb\rc"));
   * const decoder = new TextDecoder();
   * assert.equal(decoder.decode(cursor.readLine()!), "a");
   * assert.equal(cursor.position, 3);
   * assert.equal(decoder.decode(cursor.readLine()!), "");
   * assert.equal(decoder.decode(cursor.readLine()!), "b\rc");
   * assert.equal(cursor.readLine(), null);
   * ```
   */
  readLine(): Uint8Array | null {
    if (this.#closed) throw new CursorClosedError(READ_LINE);
    const start = this.#scanStart(READ_LINE);
    if (start === -1) return null;
    const bytes = this.#bytes;
    const length = this.#length();
    // indexOf is a native scan; a JavaScript byte loop would be slower.
    const found = bytes.indexOf(LF, start);
    if (found === -1) {
      this.#moveTo(length);
      return bytes.subarray(start, length);
    }
    this.#moveTo(found + 1);
    // When the line is empty, found - 1 may be a "\r" before `start`:
    // subarray gives an empty view for an end before the start.
    const end = this.#byteAt(found - 1) === CR ? found - 1 : found;
    return bytes.subarray(start, end);
  }

  /**
   * The lines from the position to the end, as
   * {@linkcode Cursor.prototype.readLine | readLine()} returns them: each
   * step advances past one line and yields a view of it that **aliases** the
   * wrapped memory. The iterator reads at each step, so moving the position
   * or writing between steps changes what comes next.
   *
   * @returns An iterator of the lines' views.
   * @throws {CursorClosedError} If the cursor is closed, on the call or on
   * any step.
   * @throws {TypeError} On a step, if the wrapped buffer has been detached.
   *
   * @example Parse "key=value" lines
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const text = "name=cursor\r\nversion=1\n";
   * const cursor = new Cursor(new TextEncoder().encode(text));
   * const decoder = new TextDecoder();
   * const fields = new Map<string, string>();
   * for (const line of cursor.lines()) {
   *   const [key, value] = decoder.decode(line).split("=");
   *   fields.set(key!, value!);
   * }
   * assert.deepEqual(
   *   [...fields],
   *   [["name", "cursor"], ["version", "1"]],
   * );
   * assert.equal(cursor.position, text.length);
   * ```
   */
  lines(): IterableIterator<Uint8Array> {
    if (this.#closed) throw new CursorClosedError(READ_LINE);
    return this.#lines();
  }

  /**
   * Reads the line at the position as a string: the bytes that
   * {@linkcode Cursor.prototype.readLine | readLine()} would return, decoded
   * as UTF-8 as {@linkcode Cursor.prototype.readString | readString()} does
   * (invalid bytes as U+FFFD unless `options.fatal`, a byte order mark kept).
   * It advances past the line and its terminator, `"\n"` or `"\r\n"`.
   *
   * @param options `{ fatal: true }` refuses invalid UTF-8 instead of
   * replacing it.
   * @returns The line without its terminator, or `null` at or past the end.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {TypeError} If `options.fatal` is given and is not a boolean, the
   * wrapped buffer has been detached, or `options.fatal` is `true` and the
   * line is not valid UTF-8; then the position stays at the line.
   *
   * @example Read a header line by line
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const bytes = new TextEncoder().encode("Größe: 42\r\n\nrest");
   * const cursor = new Cursor(bytes);
   * assert.equal(cursor.readTextLine(), "Größe: 42");
   * assert.equal(cursor.readTextLine(), "");
   * assert.equal(cursor.readTextLine(), "rest");
   * assert.equal(cursor.readTextLine(), null);
   * ```
   */
  readTextLine(options?: { fatal?: boolean }): string | null {
    if (this.#closed) throw new CursorClosedError(READ_LINE);
    return this.#readTextLine(toFatal(READ_LINE, options));
  }

  /**
   * The lines from the position to the end as strings, each as
   * {@linkcode Cursor.prototype.readTextLine | readTextLine()} returns it:
   * each step advances past one line and its terminator. Where the text is
   * valid UTF-8, it decodes up to 64 KiB of whole lines with one
   * `TextDecoder` call and hands them out one by one, so a change to those
   * bytes between steps may not show; moving the position between steps
   * makes it decode again from there.
   *
   * @param options `{ fatal: true }` refuses invalid UTF-8 instead of
   * replacing it.
   * @returns An iterator of the lines.
   * @throws {CursorClosedError} If the cursor is closed, on the call or on
   * any step.
   * @throws {TypeError} If `options.fatal` is given and is not a boolean; on
   * a step, if the wrapped buffer has been detached, or `options.fatal` is
   * `true` and the line is not valid UTF-8 (the position then stays at it).
   *
   * @example Count the words of each line
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const text = "one two\r\nthree\n\nfour five six";
   * const cursor = new Cursor(new TextEncoder().encode(text));
   * const counts = [];
   * for (const line of cursor.textLines()) {
   *   counts.push(line === "" ? 0 : line.split(" ").length);
   * }
   * assert.deepEqual(counts, [2, 1, 0, 3]);
   * assert.equal(cursor.remaining, 0);
   * ```
   */
  textLines(options?: { fatal?: boolean }): IterableIterator<string> {
    if (this.#closed) throw new CursorClosedError(READ_LINE);
    return this.#textLines(toFatal(READ_LINE, options));
  }

  /**
   * Decodes the next `byteLength` bytes as UTF-8 and advances past them. The
   * bytes are decoded where they lie, without a copy, except in a
   * `SharedArrayBuffer` or a resizable `ArrayBuffer`: browsers' `TextDecoder`
   * refuses views of those, so their bytes are copied first. A byte order
   * mark is kept as `"\uFEFF"`.
   * Invalid UTF-8 becomes `"\uFFFD"` unless `options.fatal` is `true`. When
   * fewer than `byteLength` bytes remain it throws and consumes nothing. There
   * is no asynchronous form, as for the typed reads.
   *
   * @param byteLength How many bytes to decode, a non-negative safe integer.
   * @param options `{ fatal: true }` refuses invalid UTF-8 instead of
   * replacing it.
   * @returns The decoded text.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {TypeError} If `byteLength` is not a number, `options.fatal` is
   * given and is not a boolean, the wrapped buffer has been detached, or
   * `options.fatal` is `true` and the bytes are not valid UTF-8 (then the
   * position does not move).
   * @throws {RangeError} If `byteLength` is negative, fractional, not finite
   * or above `Number.MAX_SAFE_INTEGER`.
   * @throws {UnexpectedEofError} If fewer than `byteLength` bytes remain.
   *
   * @example Read a length-prefixed string
   * ```ts
   * import { Cursor, UnexpectedEofError } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const cursor = new Cursor(
   *   Uint8Array.of(5, 0x63, 0x61, 0x66, 0xc3, 0xa9, 0xff),
   * );
   * assert.equal(cursor.readString(cursor.readUint8()), "café");
   * assert.equal(cursor.position, 6);
   * assert.throws(() => cursor.readString(2), UnexpectedEofError);
   * assert.throws(() => cursor.readString(1, { fatal: true }), TypeError);
   * assert.equal(cursor.position, 6);
   * assert.equal(cursor.readString(1), "\uFFFD");
   * ```
   */
  readString(byteLength: number, options?: { fatal?: boolean }): string {
    if (this.#closed) throw new CursorClosedError(DECODE);
    const fatal = toFatal(DECODE, options);
    const count = toLength(DECODE, byteLength, "byteLength");
    // Fast path: short text of steady memory, decoded where it lies in
    // JavaScript, or ASCII by the runtime's Buffer (see decodeShort());
    // anything it does not take, TextDecoder does.
    const fast = this.#fast;
    const state = this.#state;
    const start = state[0]!;
    // Stryker disable EqualityOperator: equivalent, text the fast path leaves is decoded by TextDecoder to the same string (CONTRIBUTING.md, Mutation testing)
    if (
      count <= SHORT_TEXT && count !== 0 && count <= fast.byteLength - start
    ) {
      // Stryker restore all
      const text = decodeShort(fast, start, start + count);
      if (text !== undefined) {
        state[0] = start + count;
        return text;
      }
    }
    const encoded = this.#claim(DECODE, count);
    // The claim moved the position: a failure moves it back.
    return this.#decode(encoded, this.#at() - count, fatal);
  }

  /**
   * Encodes `text` as UTF-8 straight into the wrapped memory at the position
   * (with `TextEncoder.prototype.encodeInto`, no intermediate array) and
   * advances past it. Browsers' `encodeInto` refuses a `SharedArrayBuffer` or
   * a resizable `ArrayBuffer`, so there the text is encoded first and copied
   * in. Lone surrogates are written as U+FFFD (3 bytes). All or
   * nothing, as for {@linkcode Cursor.prototype.writeSync | writeSync()}:
   * memory that can grow in place grows, and text that still does not fit
   * throws and changes no byte. There is no asynchronous form, as for the
   * typed writes.
   *
   * @param text The text to write.
   * @returns The number of bytes written.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {CursorReadOnlyError} If the cursor is read-only.
   * @throws {TypeError} If `text` is not a string, or the wrapped buffer has
   * been detached.
   * @throws {CursorFullError} If the encoded text does not fit between the
   * position and the end, even after growing.
   *
   * @example Write text, and fail whole when it does not fit
   * ```ts
   * import { Cursor, CursorFullError } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const memory = new Uint8Array(8);
   * const cursor = new Cursor(memory);
   * assert.equal(cursor.writeString("café"), 5);
   * assert.throws(() => cursor.writeString("€uro"), CursorFullError);
   * assert.equal(cursor.position, 5);
   * assert.equal(cursor.writeString("€"), 3);
   * assert.equal(new TextDecoder().decode(memory), "café€");
   * ```
   */
  writeString(text: string): number {
    this.#assertText(text);
    const fast = this.#fast;
    const state = this.#state;
    const start = state[0]!;
    const units = text.length;
    // Fast path: with room for 3 bytes per UTF-16 code unit (the most UTF-8
    // needs) encodeInto cannot stop short, so no length is counted first.
    // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: equivalent, #writeStringSlow() writes the same bytes and moves the position the same (CONTRIBUTING.md, Mutation testing)
    if (units !== 0 && units * 3 <= fast.byteLength - start) {
      // Short text is encoded in JavaScript (see encodesNatively()).
      const end = encodesNatively(text)
        ? start + encodeInto(text, fast.subarray(start), this.#plain)
        : encodeShort(text, fast, start);
      state[0] = end;
      return end - start;
    }
    return this.#writeStringSlow(text);
  }

  // #endregion

  // #region Length

  /**
   * Makes the wrapped memory end at `size` bytes, like
   * `Deno.FsFile.prototype.truncateSync`. A resizable `ArrayBuffer` passed as
   * the buffer or as a length-tracking `Uint8Array` is resized in place, up to
   * its `maxByteLength`, and new bytes are zeros; a growable
   * `SharedArrayBuffer` passed as the buffer can only grow; a
   * `WebAssembly.Memory`, and the buffer its `toResizableBuffer()` gives,
   * grow by whole 64 KiB pages up to the memory's maximum and cannot shrink.
   * Other memory has a fixed length and only accepts its own length. The
   * position does not move: reads past the new end return `null`.
   *
   * @param size The new length in bytes, a non-negative safe integer; `0`
   * when omitted.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {CursorReadOnlyError} If the cursor is read-only.
   * @throws {TypeError} If `size` is not a number, or the wrapped buffer has
   * been detached.
   * @throws {RangeError} If `size` is negative, fractional, not finite or
   * above `Number.MAX_SAFE_INTEGER`; or if the memory cannot take that
   * length: it is fixed-length, it is shared or WebAssembly memory and
   * `size` is smaller, or `size` is beyond its `maxByteLength` (a
   * WebAssembly memory's maximum). Then nothing changed.
   *
   * @example Shrink and grow a resizable buffer
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const buffer = new ArrayBuffer(6, { maxByteLength: 16 });
   * const cursor = new Cursor(buffer);
   * cursor.writeSync(new Uint8Array([1, 2, 3, 4, 5, 6]));
   * cursor.truncateSync(2);
   * assert.equal(buffer.byteLength, 2);
   * assert.equal(cursor.position, 6);
   * assert.equal(cursor.readSync(new Uint8Array(1)), null);
   * cursor.truncateSync(4);
   * assert.deepEqual(new Uint8Array(buffer), new Uint8Array([1, 2, 0, 0]));
   * cursor.truncateSync();
   * assert.equal(cursor.byteLength, 0);
   * ```
   *
   * @example Fixed memory keeps its length
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const cursor = new Cursor(new Uint8Array(8));
   * cursor.truncateSync(8);
   * assert.throws(() => cursor.truncateSync(3), {
   *   name: "RangeError",
   *   message: "Cannot truncate to 3 bytes: the memory is fixed-length (8 bytes)",
   * });
   * ```
   */
  truncateSync(size = 0): void {
    if (this.#closed) throw new CursorClosedError(TRUNCATE);
    if (this.#readOnly) throw new CursorReadOnlyError(TRUNCATE);
    const end = toLength(TRUNCATE, size, "size");
    assertAttached(this.#bytes, TRUNCATE);
    resize(this.#bytes, this.#growth, end);
  }

  /**
   * The asynchronous form of
   * {@linkcode Cursor.prototype.truncateSync | truncateSync()}: the memory is
   * resized at call time and the promise is already settled.
   *
   * @param size The new length in bytes; `0` when omitted.
   * @throws {CursorClosedError} As a rejection, if the cursor is closed.
   * @throws {CursorReadOnlyError} As a rejection, if the cursor is read-only.
   * @throws {TypeError} As a rejection, if `size` is not a number or the
   * wrapped buffer has been detached.
   * @throws {RangeError} As a rejection, if `size` is out of range or the
   * memory cannot take that length.
   *
   * @example Empty a growable buffer before reusing it
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const buffer = new ArrayBuffer(0, { maxByteLength: 64 });
   * const cursor = new Cursor(buffer);
   * await cursor.write(new TextEncoder().encode("draft"));
   * await cursor.truncate();
   * cursor.position = 0;
   * await cursor.write(new TextEncoder().encode("final"));
   * assert.equal(new TextDecoder().decode(buffer), "final");
   * await assert.rejects(cursor.truncate(65), RangeError);
   * ```
   */
  // deno-lint-ignore require-await -- the sync method does the work at call time
  async truncate(size = 0): Promise<void> {
    return this.truncateSync(size);
  }

  // #endregion

  // #region Streams and copies

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
   * one object can be handed on as "a file";
   * {@linkcode Cursor.prototype.bytes | bytes()} and
   * {@linkcode Cursor.prototype.position | position} still work afterwards, and
   * a second cursor over the same memory is free when you need to keep reading.
   * The stream is made on first access and the same one is returned afterwards.
   *
   * Chunks are `Uint8Array<ArrayBuffer>`, as from `Deno.FsFile.readable`. The
   * type is spelled `ReturnType<Uint8Array["slice"]>`, which is that on
   * TypeScript 5.7 and later and plain `Uint8Array` on 5.2 to 5.6, where
   * typed arrays are not generic, so the declaration works on both.
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
  get readable(): ReadableStream<ReturnType<Uint8Array["slice"]>> {
    return this.#readable ??= readableOf(this);
  }

  /**
   * A stream that writes each chunk at the position with
   * {@linkcode Cursor.prototype.writeSync | writeSync()}, like
   * `Deno.FsFile.writable`. A chunk that does not fit errors the stream with
   * {@linkcode CursorFullError} and none of its bytes are written (a resizable
   * or growable buffer grows first, see
   * {@linkcode Cursor.prototype.writeSync | writeSync()}). Closing or aborting
   * the stream closes the cursor (pass `preventClose` to `pipeTo` to keep it
   * open); the bytes stay readable through
   * {@linkcode Cursor.prototype.bytes | bytes()}. The stream is made on first
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
    return this.#writable ??= writableOf(this);
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
   * The asynchronous form of
   * {@linkcode Cursor.prototype.writeToSync | writeToSync()}: hands the bytes
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
   * Reads from `reader` straight into the wrapped memory at the position until
   * `reader` returns `null` or the cursor is full, advancing by what was read.
   * Each read is offered only the room left, so nothing is lost when the cursor
   * fills up: the rest stays in `reader` (check
   * {@linkcode Cursor.prototype.remaining | remaining} to tell a full cursor
   * from the reader's end). A resizable `ArrayBuffer` or growable
   * `SharedArrayBuffer` grows in place when full: each read then goes into a
   * scratch buffer of up to 64 KiB (and not past twice the memory's length or
   * its `maxByteLength`), and the memory grows by what the reader put there,
   * so it always ends where the data ends and a reader with nothing left
   * leaves it as it was. If `reader` throws, the bytes read before stay and
   * the position is after them.
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
   * The asynchronous form of
   * {@linkcode Cursor.prototype.readFromSync | readFromSync()}: reads from
   * `reader` into the wrapped memory at the position until its end or until the
   * cursor is full, growing a resizable or growable buffer in place.
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
   * @throws {CursorFullError} As a rejection, if the memory was cut (as by
   * `truncate()`) while `reader` read into it, so that what it read no longer
   * fits: the bytes that still fit stay and the position is after them. A
   * reader is only wrong when it returns more than it was offered.
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

  // #endregion

  // #region Varints
  // Each method has its fast path written out: steady memory (see #fast)
  // read or written at the position in #state by a decoder or encoder of
  // _varint.ts, which never sees other memory. Paths shared through the kind
  // (`varint.get(...)`) ran 1.4 times slower for readVarUint32() and 1.25
  // times for writeVarUint32() over 1 MiB of mixed lengths. The general
  // paths, #readVarSlow() and #writeVarSlow(), are shared. What a number
  // read's general path gives is typed for the engine (`>>> 0`, `| 0`, `+`):
  // else, once that path has run (the end of memory, memory that is not
  // steady), a reoptimized loop of reads held the values as tagged numbers
  // and ran 1.2 to 1.3 times slower (bench/crosstalk.ts).

  /**
   * How many bytes the unsigned LEB128 varint of `value` takes: what
   * {@linkcode Cursor.prototype.writeVarUint32 | writeVarUint32()},
   * {@linkcode Cursor.prototype.writeVarUint64 | writeVarUint64()} and
   * {@linkcode Cursor.prototype.writeBigVarUint64 | writeBigVarUint64()}
   * write for it, from 1 to 10. For a length-delimited record, it says how
   * long the length prefix will be before the record is written.
   *
   * @param value An integer from 0 to `Number.MAX_SAFE_INTEGER`, or a bigint
   * from 0 to 2^64 - 1.
   * @returns The length of the encoding in bytes.
   * @throws {TypeError} If `value` is neither a number nor a bigint.
   * @throws {RangeError} If `value` is out of that range or not an integer.
   *
   * @example Measure before writing
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * assert.equal(Cursor.varUintLength(127), 1);
   * assert.equal(Cursor.varUintLength(128), 2);
   * assert.equal(Cursor.varUintLength(2n ** 64n - 1n), 10);
   * const cursor = new Cursor(new Uint8Array(8));
   * assert.equal(cursor.writeVarUint32(300), Cursor.varUintLength(300));
   * ```
   */
  static varUintLength(value: number | bigint): number {
    return encodedLength([VAR_UINT64, BIG_VAR_UINT64], value, MEASURE_UINT);
  }

  /**
   * How many bytes the signed LEB128 varint of `value` takes: what
   * {@linkcode Cursor.prototype.writeVarInt32 | writeVarInt32()},
   * {@linkcode Cursor.prototype.writeVarInt64 | writeVarInt64()} and
   * {@linkcode Cursor.prototype.writeBigVarInt64 | writeBigVarInt64()}
   * write for it, from 1 to 10.
   *
   * @param value An integer within ±`Number.MAX_SAFE_INTEGER`, or a bigint
   * from -2^63 to 2^63 - 1.
   * @returns The length of the encoding in bytes.
   * @throws {TypeError} If `value` is neither a number nor a bigint.
   * @throws {RangeError} If `value` is out of that range or not an integer.
   *
   * @example Signed LEB128 needs a bit for the sign
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * assert.equal(Cursor.varIntLength(63), 1);
   * assert.equal(Cursor.varIntLength(64), 2);
   * assert.equal(Cursor.varIntLength(-64), 1);
   * assert.equal(Cursor.varIntLength(-(2n ** 63n)), 10);
   * ```
   */
  static varIntLength(value: number | bigint): number {
    return encodedLength([VAR_INT64, BIG_VAR_INT64], value, MEASURE_INT);
  }

  /**
   * How many bytes the zigzag varint of `value` takes: what
   * {@linkcode Cursor.prototype.writeZigZag32 | writeZigZag32()},
   * {@linkcode Cursor.prototype.writeZigZag64 | writeZigZag64()} and
   * {@linkcode Cursor.prototype.writeBigZigZag64 | writeBigZigZag64()} write
   * for it, from 1 to 10.
   *
   * @param value An integer within ±`Number.MAX_SAFE_INTEGER`, or a bigint
   * from -2^63 to 2^63 - 1.
   * @returns The length of the encoding in bytes.
   * @throws {TypeError} If `value` is neither a number nor a bigint.
   * @throws {RangeError} If `value` is out of that range or not an integer.
   *
   * @example Zigzag takes as many bytes for -n as for n
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * assert.equal(Cursor.zigZagLength(-64), 1);
   * assert.equal(Cursor.zigZagLength(64), 2);
   * assert.equal(Cursor.zigZagLength(-65), 2);
   * ```
   */
  static zigZagLength(value: number | bigint): number {
    return encodedLength([ZIGZAG64, BIG_ZIGZAG64], value, MEASURE_ZIGZAG);
  }

  /**
   * Reads an unsigned LEB128 varint of at most 32 bits at the position and
   * advances past it: a WebAssembly `u32`, a Protocol Buffers `uint32` (what
   * protobufjs' `Writer.uint32()` writes and `Reader.uint32()` reads) or a
   * DWARF ULEB128 that fits 32 bits. An encoding longer than needed is
   * accepted up to 5 bytes, as WebAssembly accepts it. When it fails it
   * consumes nothing.
   *
   * @returns The value, an integer from 0 to 2^32 - 1.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {TypeError} If the wrapped buffer has been detached.
   * @throws {UnexpectedEofError} If the end comes before the varint's last
   * byte.
   * @throws {RangeError} If the varint is longer than 5 bytes, or its fifth
   * byte sets bits above bit 31.
   *
   * @example Read a one-byte and a two-byte varint
   * ```ts
   * import { Cursor, UnexpectedEofError } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const cursor = new Cursor(new Uint8Array([0x7f, 0xac, 0x02, 0x80]));
   * assert.equal(cursor.readVarUint32(), 127);
   * assert.equal(cursor.readVarUint32(), 300);
   * assert.equal(cursor.position, 3);
   * assert.throws(() => cursor.readVarUint32(), UnexpectedEofError);
   * assert.equal(cursor.position, 3);
   * ```
   */
  readVarUint32(): number {
    // Hot path: steady memory (see #fast) and a valid varint; the decoder
    // checks the end, and returns -1 for anything the general path does.
    // Stryker disable next-line ConditionalExpression,BlockStatement: equivalent, #readVarSlow() decodes a copy of the same bytes with the same decoders (CONTRIBUTING.md, Mutation testing)
    if (!this.#closed) {
      const value = getVarUint32(this.#fast, this.#state);
      if (value >= 0) return value;
    }
    return this.#readVarSlow(VAR_UINT32) >>> 0;
  }

  /**
   * Writes `value` as an unsigned LEB128 varint at the position and advances
   * past it: 1 to 5 bytes, the fewest that hold it, byte for byte what
   * protobufjs' `Writer.uint32()` writes. All or nothing, as for
   * {@linkcode Cursor.prototype.writeSync | writeSync()}: memory that can
   * grow in place grows, and a varint that still does not fit throws and
   * writes nothing.
   *
   * @param value An integer from 0 to 2^32 - 1.
   * @returns The number of bytes written.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {CursorReadOnlyError} If the cursor is read-only.
   * @throws {TypeError} If `value` is not a number, or the wrapped buffer has
   * been detached.
   * @throws {RangeError} If `value` is not an integer from 0 to 2^32 - 1.
   * @throws {CursorFullError} If the varint does not fit, even after growing.
   *
   * @example Write 300, which takes two bytes
   * ```ts
   * import { Cursor, CursorFullError } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const memory = new Uint8Array(3);
   * const cursor = new Cursor(memory);
   * assert.equal(cursor.writeVarUint32(300), 2);
   * assert.deepEqual(memory, new Uint8Array([0xac, 0x02, 0x00]));
   * assert.throws(() => cursor.writeVarUint32(300), CursorFullError);
   * assert.throws(() => cursor.writeVarUint32(-1), RangeError);
   * assert.equal(cursor.position, 2);
   * ```
   */
  writeVarUint32(value: number): number {
    const fast = this.#fast;
    const state = this.#state;
    const start = state[0]!;
    // Hot path: steady memory with room for the longest varint, a value of
    // the type, a cursor open and writable.
    // Stryker disable ConditionalExpression,EqualityOperator,StringLiteral,BlockStatement: equivalent, what this path refuses #writeVarSlow() checks and writes with the same result (CONTRIBUTING.md, Mutation testing)
    if (
      fast.byteLength - start >= 5 && typeof value === "number" &&
      value >>> 0 === value && !this.#closed && !this.#readOnly
    ) {
      const end = putVarUint32(fast, start, value);
      state[0] = end;
      return end - start;
    }
    // Stryker restore all
    return this.#writeVarSlow(VAR_UINT32, value);
  }

  /**
   * Reads a signed LEB128 varint of at most 32 bits at the position and
   * advances past it: a WebAssembly `i32` or a DWARF SLEB128 that fits 32
   * bits. An encoding longer than needed is accepted up to 5 bytes. When it
   * fails it consumes nothing. (A Protocol Buffers `int32` is not signed
   * LEB128: see {@linkcode Cursor.prototype.readBigVarUint64 | readBigVarUint64()}.)
   *
   * @returns The value, an integer from -2^31 to 2^31 - 1.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {TypeError} If the wrapped buffer has been detached.
   * @throws {UnexpectedEofError} If the end comes before the varint's last
   * byte.
   * @throws {RangeError} If the varint is longer than 5 bytes, or its fifth
   * byte is not bits 28 to 31 followed by copies of bit 31.
   *
   * @example Read -1 and 64
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const cursor = new Cursor(new Uint8Array([0x7f, 0xc0, 0x00]));
   * assert.equal(cursor.readVarInt32(), -1);
   * assert.equal(cursor.readVarInt32(), 64);
   * assert.equal(cursor.position, 3);
   * ```
   */
  readVarInt32(): number {
    // Stryker disable next-line ConditionalExpression,BlockStatement: equivalent, #readVarSlow() decodes a copy of the same bytes with the same decoders (CONTRIBUTING.md, Mutation testing)
    if (!this.#closed) {
      const value = getVarInt32(this.#fast, this.#state);
      if (value !== INVALID) return value;
    }
    return this.#readVarSlow(VAR_INT32) | 0;
  }

  /**
   * Writes `value` as a signed LEB128 varint at the position and advances
   * past it: 1 to 5 bytes, the fewest that hold it with its sign, as
   * WebAssembly tools write an `i32`. All or nothing, as
   * {@linkcode Cursor.prototype.writeVarUint32 | writeVarUint32()}.
   *
   * @param value An integer from -2^31 to 2^31 - 1.
   * @returns The number of bytes written.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {CursorReadOnlyError} If the cursor is read-only.
   * @throws {TypeError} If `value` is not a number, or the wrapped buffer has
   * been detached.
   * @throws {RangeError} If `value` is not an integer from -2^31 to 2^31 - 1.
   * @throws {CursorFullError} If the varint does not fit, even after growing.
   *
   * @example Write -1 and -129
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const memory = new Uint8Array(3);
   * const cursor = new Cursor(memory);
   * assert.equal(cursor.writeVarInt32(-1), 1);
   * assert.equal(cursor.writeVarInt32(-129), 2);
   * assert.deepEqual(memory, new Uint8Array([0x7f, 0xff, 0x7e]));
   * ```
   */
  writeVarInt32(value: number): number {
    const fast = this.#fast;
    const state = this.#state;
    const start = state[0]!;
    // Stryker disable ConditionalExpression,EqualityOperator,StringLiteral,BlockStatement: equivalent, what this path refuses #writeVarSlow() checks and writes with the same result (CONTRIBUTING.md, Mutation testing)
    if (
      fast.byteLength - start >= 5 && typeof value === "number" &&
      (value | 0) === value && !this.#closed &&
      !this.#readOnly
    ) {
      const end = putVarInt32(fast, start, value);
      state[0] = end;
      return end - start;
    }
    // Stryker restore all
    return this.#writeVarSlow(VAR_INT32, value);
  }

  /**
   * Reads a zigzag varint of at most 32 bits at the position and advances
   * past it: a Protocol Buffers `sint32` (what protobufjs' `Reader.sint32()`
   * reads), the unsigned LEB128 of 2n for n >= 0 and of -2n - 1 for n < 0.
   * When it fails it consumes nothing.
   *
   * @returns The value, an integer from -2^31 to 2^31 - 1.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {TypeError} If the wrapped buffer has been detached.
   * @throws {UnexpectedEofError} If the end comes before the varint's last
   * byte.
   * @throws {RangeError} If the varint is longer than 5 bytes, or its fifth
   * byte sets bits above bit 31.
   *
   * @example Small numbers of either sign take one byte
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const cursor = new Cursor(new Uint8Array([0x03, 0x04, 0x80, 0x01]));
   * assert.equal(cursor.readZigZag32(), -2);
   * assert.equal(cursor.readZigZag32(), 2);
   * assert.equal(cursor.readZigZag32(), 64);
   * ```
   */
  readZigZag32(): number {
    // Stryker disable next-line ConditionalExpression,BlockStatement: equivalent, #readVarSlow() decodes a copy of the same bytes with the same decoders (CONTRIBUTING.md, Mutation testing)
    if (!this.#closed) {
      const value = getZigZag32(this.#fast, this.#state);
      if (value !== INVALID) return value;
    }
    return this.#readVarSlow(ZIGZAG32) | 0;
  }

  /**
   * Writes `value` as a zigzag varint at the position and advances past it:
   * byte for byte what protobufjs' `Writer.sint32()` writes. All or nothing,
   * as {@linkcode Cursor.prototype.writeVarUint32 | writeVarUint32()}.
   *
   * @param value An integer from -2^31 to 2^31 - 1.
   * @returns The number of bytes written.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {CursorReadOnlyError} If the cursor is read-only.
   * @throws {TypeError} If `value` is not a number, or the wrapped buffer has
   * been detached.
   * @throws {RangeError} If `value` is not an integer from -2^31 to 2^31 - 1.
   * @throws {CursorFullError} If the varint does not fit, even after growing.
   *
   * @example Write -1, then the smallest int32
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const memory = new Uint8Array(6);
   * const cursor = new Cursor(memory);
   * assert.equal(cursor.writeZigZag32(-1), 1);
   * assert.equal(cursor.writeZigZag32(-(2 ** 31)), 5);
   * assert.deepEqual(memory, new Uint8Array([1, 0xff, 0xff, 0xff, 0xff, 0x0f]));
   * ```
   */
  writeZigZag32(value: number): number {
    const fast = this.#fast;
    const state = this.#state;
    const start = state[0]!;
    // Stryker disable ConditionalExpression,EqualityOperator,StringLiteral,BlockStatement: equivalent, what this path refuses #writeVarSlow() checks and writes with the same result (CONTRIBUTING.md, Mutation testing)
    if (
      fast.byteLength - start >= 5 && typeof value === "number" &&
      (value | 0) === value && !this.#closed &&
      !this.#readOnly
    ) {
      const end = putZigZag32(fast, start, value);
      state[0] = end;
      return end - start;
    }
    // Stryker restore all
    return this.#writeVarSlow(ZIGZAG32, value);
  }

  /**
   * Reads an unsigned LEB128 varint of at most 64 bits at the position as a
   * `number`, and advances past it: a Protocol Buffers `uint64` or a DWARF
   * ULEB128 whose values stay below 2^53, as protobufjs reads them into
   * numbers when it has no `Long`. A value above `Number.MAX_SAFE_INTEGER`
   * throws instead of losing precision: read it with
   * {@linkcode Cursor.prototype.readBigVarUint64 | readBigVarUint64()}. When
   * it fails it consumes nothing.
   *
   * @returns The value, an integer from 0 to `Number.MAX_SAFE_INTEGER`.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {TypeError} If the wrapped buffer has been detached.
   * @throws {UnexpectedEofError} If the end comes before the varint's last
   * byte.
   * @throws {RangeError} If the varint is longer than 10 bytes, its tenth
   * byte sets bits above bit 63, or its value is above
   * `Number.MAX_SAFE_INTEGER`.
   *
   * @example Read 2^53 - 1, and refuse 2^53
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const cursor = new Cursor(new Uint8Array([
   *   0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f,
   *   0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x10,
   * ]));
   * assert.equal(cursor.readVarUint64(), Number.MAX_SAFE_INTEGER);
   * assert.throws(() => cursor.readVarUint64(), RangeError);
   * assert.equal(cursor.position, 8);
   * assert.equal(cursor.readBigVarUint64(), 2n ** 53n);
   * ```
   */
  readVarUint64(): number {
    // Stryker disable next-line ConditionalExpression,BlockStatement: equivalent, #readVarSlow() decodes a copy of the same bytes with the same decoders (CONTRIBUTING.md, Mutation testing)
    if (!this.#closed) {
      const value = getVarUint64(this.#fast, this.#state);
      if (value !== INVALID) return value;
    }
    return +this.#readVarSlow(VAR_UINT64);
  }

  /**
   * Writes `value` as an unsigned LEB128 varint at the position and advances
   * past it: 1 to 8 bytes, the fewest that hold it, byte for byte what
   * protobufjs' `Writer.uint64()` writes. All or nothing, as
   * {@linkcode Cursor.prototype.writeVarUint32 | writeVarUint32()}.
   *
   * @param value An integer from 0 to `Number.MAX_SAFE_INTEGER`.
   * @returns The number of bytes written.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {CursorReadOnlyError} If the cursor is read-only.
   * @throws {TypeError} If `value` is not a number, or the wrapped buffer has
   * been detached.
   * @throws {RangeError} If `value` is not an integer from 0 to
   * `Number.MAX_SAFE_INTEGER`.
   * @throws {CursorFullError} If the varint does not fit, even after growing.
   *
   * @example Write a timestamp in milliseconds
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const cursor = new Cursor(new Uint8Array(16));
   * assert.equal(cursor.writeVarUint64(1_700_000_000_000), 6);
   * cursor.position = 0;
   * assert.equal(cursor.readVarUint64(), 1_700_000_000_000);
   * ```
   */
  writeVarUint64(value: number): number {
    const fast = this.#fast;
    const state = this.#state;
    const start = state[0]!;
    // Stryker disable ConditionalExpression,EqualityOperator,StringLiteral,BlockStatement: equivalent, what this path refuses #writeVarSlow() checks and writes with the same result (CONTRIBUTING.md, Mutation testing)
    if (
      fast.byteLength - start >= 10 && Number.isSafeInteger(value) &&
      value >= 0 && !this.#closed &&
      !this.#readOnly
    ) {
      const end = putVarUint64(fast, start, value);
      state[0] = end;
      return end - start;
    }
    // Stryker restore all
    return this.#writeVarSlow(VAR_UINT64, value);
  }

  /**
   * Reads a signed LEB128 varint of at most 64 bits at the position as a
   * `number`, and advances past it: a WebAssembly `i64` or a DWARF SLEB128
   * whose values stay within ±`Number.MAX_SAFE_INTEGER`. A value beyond
   * throws instead of losing precision: read it with
   * {@linkcode Cursor.prototype.readBigVarInt64 | readBigVarInt64()}. When it
   * fails it consumes nothing.
   *
   * @returns The value, an integer within ±`Number.MAX_SAFE_INTEGER`.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {TypeError} If the wrapped buffer has been detached.
   * @throws {UnexpectedEofError} If the end comes before the varint's last
   * byte.
   * @throws {RangeError} If the varint is longer than 10 bytes, its tenth
   * byte is not bit 63 followed by copies of it, or its value is beyond
   * ±`Number.MAX_SAFE_INTEGER`.
   *
   * @example Read -2^40
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const cursor = new Cursor(new Uint8Array([0x80, 0x80, 0x80, 0x80, 0x80, 0x60]));
   * assert.equal(cursor.readVarInt64(), -(2 ** 40));
   * assert.equal(cursor.position, 6);
   * ```
   */
  readVarInt64(): number {
    // Stryker disable next-line ConditionalExpression,BlockStatement: equivalent, #readVarSlow() decodes a copy of the same bytes with the same decoders (CONTRIBUTING.md, Mutation testing)
    if (!this.#closed) {
      const value = getVarInt64(this.#fast, this.#state);
      if (value !== INVALID) return value;
    }
    return +this.#readVarSlow(VAR_INT64);
  }

  /**
   * Writes `value` as a signed LEB128 varint at the position and advances
   * past it: 1 to 8 bytes, the fewest that hold it with its sign, as
   * WebAssembly tools write an `i64`. All or nothing, as
   * {@linkcode Cursor.prototype.writeVarUint32 | writeVarUint32()}.
   *
   * @param value An integer within ±`Number.MAX_SAFE_INTEGER`.
   * @returns The number of bytes written.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {CursorReadOnlyError} If the cursor is read-only.
   * @throws {TypeError} If `value` is not a number, or the wrapped buffer has
   * been detached.
   * @throws {RangeError} If `value` is not an integer within
   * ±`Number.MAX_SAFE_INTEGER`.
   * @throws {CursorFullError} If the varint does not fit, even after growing.
   *
   * @example Write the smallest safe integer
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const cursor = new Cursor(new Uint8Array(8));
   * assert.equal(cursor.writeVarInt64(Number.MIN_SAFE_INTEGER), 8);
   * cursor.position = 0;
   * assert.equal(cursor.readVarInt64(), Number.MIN_SAFE_INTEGER);
   * ```
   */
  writeVarInt64(value: number): number {
    const fast = this.#fast;
    const state = this.#state;
    const start = state[0]!;
    // Stryker disable ConditionalExpression,EqualityOperator,StringLiteral,BlockStatement: equivalent, what this path refuses #writeVarSlow() checks and writes with the same result (CONTRIBUTING.md, Mutation testing)
    if (
      fast.byteLength - start >= 10 && Number.isSafeInteger(value) &&
      !this.#closed &&
      !this.#readOnly
    ) {
      const end = putVarInt64(fast, start, value);
      state[0] = end;
      return end - start;
    }
    // Stryker restore all
    return this.#writeVarSlow(VAR_INT64, value);
  }

  /**
   * Reads a zigzag varint of at most 64 bits at the position as a `number`,
   * and advances past it: a Protocol Buffers `sint64` whose values stay
   * within ±`Number.MAX_SAFE_INTEGER`. A value beyond throws instead of
   * losing precision: read it with
   * {@linkcode Cursor.prototype.readBigZigZag64 | readBigZigZag64()}. When it
   * fails it consumes nothing.
   *
   * @returns The value, an integer within ±`Number.MAX_SAFE_INTEGER`.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {TypeError} If the wrapped buffer has been detached.
   * @throws {UnexpectedEofError} If the end comes before the varint's last
   * byte.
   * @throws {RangeError} If the varint is longer than 10 bytes, its tenth
   * byte sets bits above bit 63, or its value is beyond
   * ±`Number.MAX_SAFE_INTEGER`.
   *
   * @example Read -3 and 3
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const cursor = new Cursor(new Uint8Array([0x05, 0x06]));
   * assert.equal(cursor.readZigZag64(), -3);
   * assert.equal(cursor.readZigZag64(), 3);
   * ```
   */
  readZigZag64(): number {
    // Stryker disable next-line ConditionalExpression,BlockStatement: equivalent, #readVarSlow() decodes a copy of the same bytes with the same decoders (CONTRIBUTING.md, Mutation testing)
    if (!this.#closed) {
      const value = getZigZag64(this.#fast, this.#state);
      if (value !== INVALID) return value;
    }
    return +this.#readVarSlow(ZIGZAG64);
  }

  /**
   * Writes `value` as a zigzag varint at the position and advances past it:
   * byte for byte what protobufjs' `Writer.sint64()` writes. All or nothing,
   * as {@linkcode Cursor.prototype.writeVarUint32 | writeVarUint32()}.
   *
   * @param value An integer within ±`Number.MAX_SAFE_INTEGER`.
   * @returns The number of bytes written.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {CursorReadOnlyError} If the cursor is read-only.
   * @throws {TypeError} If `value` is not a number, or the wrapped buffer has
   * been detached.
   * @throws {RangeError} If `value` is not an integer within
   * ±`Number.MAX_SAFE_INTEGER`.
   * @throws {CursorFullError} If the varint does not fit, even after growing.
   *
   * @example Write a negative delta
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const memory = new Uint8Array(2);
   * assert.equal(new Cursor(memory).writeZigZag64(-65), 2);
   * assert.deepEqual(memory, new Uint8Array([0x81, 0x01]));
   * ```
   */
  writeZigZag64(value: number): number {
    const fast = this.#fast;
    const state = this.#state;
    const start = state[0]!;
    // Stryker disable ConditionalExpression,EqualityOperator,StringLiteral,BlockStatement: equivalent, what this path refuses #writeVarSlow() checks and writes with the same result (CONTRIBUTING.md, Mutation testing)
    if (
      fast.byteLength - start >= 10 && Number.isSafeInteger(value) &&
      !this.#closed &&
      !this.#readOnly
    ) {
      const end = putZigZag64(fast, start, value);
      state[0] = end;
      return end - start;
    }
    // Stryker restore all
    return this.#writeVarSlow(ZIGZAG64, value);
  }

  /**
   * Reads an unsigned LEB128 varint of at most 64 bits at the position as a
   * `bigint`, and advances past it: a Protocol Buffers `uint64` (what
   * protobufjs' `Reader.uint64()` reads, as a `Long`), a WebAssembly `u64` or
   * a DWARF ULEB128 that fits 64 bits. A Protocol Buffers `int32` or `int64`
   * is this varint of the value's 64-bit two's complement (a negative value
   * takes 10 bytes): `BigInt.asIntN(64, cursor.readBigVarUint64())`. When it
   * fails it consumes nothing.
   *
   * @returns The value, from 0 to 2^64 - 1.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {TypeError} If the wrapped buffer has been detached.
   * @throws {UnexpectedEofError} If the end comes before the varint's last
   * byte.
   * @throws {RangeError} If the varint is longer than 10 bytes, or its tenth
   * byte sets bits above bit 63.
   *
   * @example Read the largest value, then a Protocol Buffers int32 of -1
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const ten = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01];
   * const cursor = new Cursor(new Uint8Array([...ten, ...ten]));
   * assert.equal(cursor.readBigVarUint64(), 2n ** 64n - 1n);
   * assert.equal(BigInt.asIntN(64, cursor.readBigVarUint64()), -1n);
   * assert.equal(cursor.position, 20);
   * ```
   */
  readBigVarUint64(): bigint {
    // Stryker disable next-line ConditionalExpression,BlockStatement: equivalent, #readVarSlow() decodes a copy of the same bytes with the same decoders (CONTRIBUTING.md, Mutation testing)
    if (!this.#closed) {
      const value = getBigVarUint64(this.#fast, this.#state);
      if (value !== undefined) return value;
    }
    return this.#readVarSlow(BIG_VAR_UINT64);
  }

  /**
   * Writes `value` as an unsigned LEB128 varint at the position and advances
   * past it: 1 to 10 bytes, the fewest that hold it, byte for byte what
   * protobufjs' `Writer.uint64()` writes. A Protocol Buffers `int32` or
   * `int64` is written as `writeBigVarUint64(BigInt.asUintN(64, value))`,
   * byte for byte what `Writer.int32()` and `Writer.int64()` write. All or
   * nothing, as {@linkcode Cursor.prototype.writeVarUint32 | writeVarUint32()}.
   *
   * @param value A bigint from 0 to 2^64 - 1.
   * @returns The number of bytes written.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {CursorReadOnlyError} If the cursor is read-only.
   * @throws {TypeError} If `value` is not a bigint, or the wrapped buffer has
   * been detached.
   * @throws {RangeError} If `value` is not from 0 to 2^64 - 1.
   * @throws {CursorFullError} If the varint does not fit, even after growing.
   *
   * @example Write a Protocol Buffers int32 of -2
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const memory = new Uint8Array(10);
   * const cursor = new Cursor(memory);
   * assert.equal(cursor.writeBigVarUint64(BigInt.asUintN(64, -2n)), 10);
   * assert.deepEqual(
   *   memory,
   *   new Uint8Array([0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]),
   * );
   * assert.throws(() => cursor.writeBigVarUint64(-2n), RangeError);
   * ```
   */
  writeBigVarUint64(value: bigint): number {
    const fast = this.#fast;
    const state = this.#state;
    const start = state[0]!;
    // Stryker disable ConditionalExpression,EqualityOperator,StringLiteral,BlockStatement: equivalent, what this path refuses #writeVarSlow() checks and writes with the same result (CONTRIBUTING.md, Mutation testing)
    if (
      fast.byteLength - start >= 10 && typeof value === "bigint" &&
      value >= 0n && value <= MAX_UINT64 && !this.#closed &&
      !this.#readOnly
    ) {
      const end = putBigVarUint64(fast, start, value);
      state[0] = end;
      return end - start;
    }
    // Stryker restore all
    return this.#writeVarSlow(BIG_VAR_UINT64, value);
  }

  /**
   * Reads a signed LEB128 varint of at most 64 bits at the position as a
   * `bigint`, and advances past it: a WebAssembly `i64` or a DWARF SLEB128
   * that fits 64 bits. When it fails it consumes nothing.
   *
   * @returns The value, from -2^63 to 2^63 - 1.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {TypeError} If the wrapped buffer has been detached.
   * @throws {UnexpectedEofError} If the end comes before the varint's last
   * byte.
   * @throws {RangeError} If the varint is longer than 10 bytes, or its tenth
   * byte is not bit 63 followed by copies of it.
   *
   * @example Read the smallest i64
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const cursor = new Cursor(new Uint8Array([
   *   0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7f,
   * ]));
   * assert.equal(cursor.readBigVarInt64(), -(2n ** 63n));
   * ```
   */
  readBigVarInt64(): bigint {
    // Stryker disable next-line ConditionalExpression,BlockStatement: equivalent, #readVarSlow() decodes a copy of the same bytes with the same decoders (CONTRIBUTING.md, Mutation testing)
    if (!this.#closed) {
      const value = getBigVarInt64(this.#fast, this.#state);
      if (value !== undefined) return value;
    }
    return this.#readVarSlow(BIG_VAR_INT64);
  }

  /**
   * Writes `value` as a signed LEB128 varint at the position and advances
   * past it: 1 to 10 bytes, the fewest that hold it with its sign, as
   * WebAssembly tools write an `i64`. All or nothing, as
   * {@linkcode Cursor.prototype.writeVarUint32 | writeVarUint32()}.
   *
   * @param value A bigint from -2^63 to 2^63 - 1.
   * @returns The number of bytes written.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {CursorReadOnlyError} If the cursor is read-only.
   * @throws {TypeError} If `value` is not a bigint, or the wrapped buffer has
   * been detached.
   * @throws {RangeError} If `value` is not from -2^63 to 2^63 - 1.
   * @throws {CursorFullError} If the varint does not fit, even after growing.
   *
   * @example Write -1 and the largest i64
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const cursor = new Cursor(new Uint8Array(11));
   * assert.equal(cursor.writeBigVarInt64(-1n), 1);
   * assert.equal(cursor.writeBigVarInt64(2n ** 63n - 1n), 10);
   * cursor.position = 1;
   * assert.equal(cursor.readBigVarInt64(), 2n ** 63n - 1n);
   * ```
   */
  writeBigVarInt64(value: bigint): number {
    const fast = this.#fast;
    const state = this.#state;
    const start = state[0]!;
    // Stryker disable ConditionalExpression,EqualityOperator,StringLiteral,BlockStatement: equivalent, what this path refuses #writeVarSlow() checks and writes with the same result (CONTRIBUTING.md, Mutation testing)
    if (
      fast.byteLength - start >= 10 && typeof value === "bigint" &&
      value >= MIN_INT64 && value <= MAX_INT64 && !this.#closed &&
      !this.#readOnly
    ) {
      const end = putBigVarInt64(fast, start, value);
      state[0] = end;
      return end - start;
    }
    // Stryker restore all
    return this.#writeVarSlow(BIG_VAR_INT64, value);
  }

  /**
   * Reads a zigzag varint of at most 64 bits at the position as a `bigint`,
   * and advances past it: a Protocol Buffers `sint64` (what protobufjs'
   * `Reader.sint64()` reads, as a `Long`). When it fails it consumes
   * nothing.
   *
   * @returns The value, from -2^63 to 2^63 - 1.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {TypeError} If the wrapped buffer has been detached.
   * @throws {UnexpectedEofError} If the end comes before the varint's last
   * byte.
   * @throws {RangeError} If the varint is longer than 10 bytes, or its tenth
   * byte sets bits above bit 63.
   *
   * @example Read the smallest sint64
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const cursor = new Cursor(new Uint8Array([
   *   0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01,
   * ]));
   * assert.equal(cursor.readBigZigZag64(), -(2n ** 63n));
   * ```
   */
  readBigZigZag64(): bigint {
    // Stryker disable next-line ConditionalExpression,BlockStatement: equivalent, #readVarSlow() decodes a copy of the same bytes with the same decoders (CONTRIBUTING.md, Mutation testing)
    if (!this.#closed) {
      const value = getBigZigZag64(this.#fast, this.#state);
      if (value !== undefined) return value;
    }
    return this.#readVarSlow(BIG_ZIGZAG64);
  }

  /**
   * Writes `value` as a zigzag varint at the position and advances past it:
   * byte for byte what protobufjs' `Writer.sint64()` writes. All or nothing,
   * as {@linkcode Cursor.prototype.writeVarUint32 | writeVarUint32()}.
   *
   * @param value A bigint from -2^63 to 2^63 - 1.
   * @returns The number of bytes written.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {CursorReadOnlyError} If the cursor is read-only.
   * @throws {TypeError} If `value` is not a bigint, or the wrapped buffer has
   * been detached.
   * @throws {RangeError} If `value` is not from -2^63 to 2^63 - 1.
   * @throws {CursorFullError} If the varint does not fit, even after growing.
   *
   * @example Write the largest sint64
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const memory = new Uint8Array(10);
   * assert.equal(new Cursor(memory).writeBigZigZag64(2n ** 63n - 1n), 10);
   * assert.deepEqual(
   *   memory,
   *   new Uint8Array([0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]),
   * );
   * ```
   */
  writeBigZigZag64(value: bigint): number {
    const fast = this.#fast;
    const state = this.#state;
    const start = state[0]!;
    // Stryker disable ConditionalExpression,EqualityOperator,StringLiteral,BlockStatement: equivalent, what this path refuses #writeVarSlow() checks and writes with the same result (CONTRIBUTING.md, Mutation testing)
    if (
      fast.byteLength - start >= 10 && typeof value === "bigint" &&
      value >= MIN_INT64 && value <= MAX_INT64 && !this.#closed &&
      !this.#readOnly
    ) {
      const end = putBigZigZag64(fast, start, value);
      state[0] = end;
      return end - start;
    }
    // Stryker restore all
    return this.#writeVarSlow(BIG_ZIGZAG64, value);
  }

  // #endregion

  // #region Private machinery

  /** Validates and applies a seek; the position is unchanged on failure. */
  #seek(
    action: string,
    name: string,
    offset: unknown,
    whence: SeekMode,
  ): number {
    if (this.#closed) throw new CursorClosedError(action);
    const end = this.#length();
    // Stryker disable next-line ConditionalExpression: equivalent, memory with bytes is attached, and assertAttached() passes it (CONTRIBUTING.md, Mutation testing)
    if (end === 0) assertAttached(this.#bytes, action);
    const distance = toOffset(action, name, offset);
    const position = resolvePosition(action, distance, whence, this.#at(), end);
    this.#moveTo(position);
    return position;
  }

  /** The checks of every read into `p`, in the order they are reported. */
  #assertReadable(p: Uint8Array): void {
    if (this.#closed) throw new CursorClosedError(READ);
    if (!isBytes(p)) throw notUint8Array(READ, "p", p);
  }

  /** The checks of `writeString()`, in the order they are reported. */
  #assertText(text: string): void {
    if (this.#closed) throw new CursorClosedError(WRITE);
    if (this.#readOnly) throw new CursorReadOnlyError(WRITE);
    if (typeof text !== "string") throw notString(text);
  }

  /** The checks of every write of `p`, in the order they are reported. */
  #assertWritable(p: Uint8Array): void {
    if (this.#closed) throw new CursorClosedError(WRITE);
    if (this.#readOnly) throw new CursorReadOnlyError(WRITE);
    if (!isBytes(p)) throw notUint8Array(WRITE, "p", p);
  }

  /**
   * The core of {@linkcode Cursor.prototype.writeSync | writeSync()} and
   * {@linkcode Cursor.prototype.writeAtSync | writeAtSync()}: copies all of
   * `p` to `start`, growing the memory in place when it can (the slow path,
   * `copyInGrowing()`). It does not move the position. A method, not a
   * function of the bytes: passing `#tracksBuffer` on the fast path cost 3%
   * of `writeSync()` of 16 bytes.
   *
   * @returns `p.byteLength`.
   */
  #copyIn(p: Uint8Array, start: number): number {
    const bytes = this.#bytes;
    const count = p.byteLength;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, copyInGrowing() copies bytes that fit the same way, without growing (CONTRIBUTING.md, Mutation testing)
    if (count === 0 || count > bytes.byteLength - start) {
      return copyInGrowing(bytes, this.#growth, p, start);
    }
    // One set: a memmove in the engine, overlap-safe by spec.
    bytes.set(p, start);
    return count;
  }

  /**
   * Claims `size` bytes at the position for
   * {@linkcode Cursor.prototype.take | take()},
   * {@linkcode Cursor.prototype.readExactSync | readExactSync()} and
   * {@linkcode Cursor.prototype.readString | readString()}, and advances past
   * them. The callers check `#closed` first, before their arguments.
   *
   * @returns A view of the claimed bytes.
   */
  #claim(action: string, size: number): Uint8Array {
    const fast = this.#fast;
    const state = this.#state;
    const start = state[0]!;
    // Hot path: a subtraction, two comparisons and a subarray. An empty
    // claim, which must still see a detached buffer, takes the general path.
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, #claimSlow() claims the same bytes and moves the position the same (CONTRIBUTING.md, Mutation testing)
    if (size === 0 || size > fast.byteLength - start) {
      return this.#claimSlow(action, size);
    }
    state[0] = start + size;
    return fast.subarray(start, start + size);
  }

  /**
   * The general path of {@linkcode Cursor.prototype.#claim}: memory that is
   * not steady, a far position, an empty claim, the end, or a detached
   * buffer.
   */
  #claimSlow(action: string, size: number): Uint8Array {
    const start = this.#at();
    if (size > this.#bytes.byteLength - start) this.#readShort(action, size);
    const claimed = view(this.#bytes, action, start, start + size);
    this.#moveTo(start + size);
    return claimed;
  }

  /**
   * The general path of every varint read: memory that is not steady, a far
   * position, the end, a detached buffer, a closed cursor, or bytes that
   * hold no valid varint of the kind (which it tells apart for the error).
   * It decodes a copy of the bytes the varint may take, so that the
   * decoders only ever see plain arrays (see _varint.ts).
   */
  #readVarSlow<T extends number | bigint>(varint: Varint<T>): T {
    if (this.#closed) throw new CursorClosedError(READ);
    const start = this.#at();
    const bytes = this.#bytes;
    assertAttached(bytes, READ);
    const window = windowAt(bytes, start, varint.size);
    const state = SLOW_STATE;
    state[0] = 0;
    const value = varint.get(window, state);
    const count = state[0]!;
    if (count === 0) throw readError(varint, window, start);
    this.#moveTo(start + count);
    return value as T;
  }

  /**
   * The general path of every varint write: checks closed, read-only and
   * `value`, encodes it into a scratch array, grows the memory if it can and
   * must, and copies the encoding in.
   *
   * @returns The number of bytes written.
   */
  #writeVarSlow<T extends number | bigint>(
    varint: Varint<T>,
    value: unknown,
  ): number {
    if (this.#closed) throw new CursorClosedError(WRITE);
    if (this.#readOnly) throw new CursorReadOnlyError(WRITE);
    const count = encode(varint, value, `write a ${varint.name}`);
    const start = this.#at();
    this.#reserve(WRITE, start, count, true);
    copyScratch(this.#bytes, start, count);
    this.#moveTo(start + count);
    return count;
  }

  /** The slow path of a claim that does not fit: detached, empty, or EOF. */
  #readShort(action: string, size: number): void {
    assertAttached(this.#bytes, action);
    // Reading no bytes succeeds anywhere, even past the end.
    if (size > 0) throw new UnexpectedEofError(action, size, this.remaining);
  }

  /**
   * The slow path of {@linkcode Cursor.prototype.writeString | writeString()}:
   * counts the UTF-8 bytes first, so that text that does not fit changes
   * nothing (`encodeInto` would write a part of it), then grows the memory
   * when it can and writes.
   *
   * @returns The number of bytes written.
   */
  #writeStringSlow(text: string): number {
    const start = this.#at();
    const count = utf8Length(text);
    this.#reserve(WRITE, start, count, true);
    const fast = this.#fast;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, encodeInto() writes the bytes encodeShort() writes (CONTRIBUTING.md, Mutation testing)
    if (!encodesNatively(text) && start + count <= fast.byteLength) {
      encodeShort(text, fast, start);
    } else if (count !== 0) {
      encodeInto(text, this.#bytes.subarray(start, start + count));
    }
    this.#moveTo(start + count);
    return count;
  }

  /**
   * Decodes `encoded`, the bytes from `start`, as UTF-8. With `fatal`,
   * invalid bytes make it throw, with the position moved back to `start`
   * (where a line read has not moved it from).
   */
  #decode(encoded: Uint8Array, start: number, fatal: boolean): string {
    try {
      return decode(encoded, fatal);
    } catch {
      this.#moveTo(start);
      throw new TypeError(
        `Cannot decode ${
          byteCount(encoded.byteLength)
        } at position ${start}: invalid UTF-8`,
      );
    }
  }

  /**
   * Where a scan for a delimiter or a line starts: the position, or -1 at or
   * past the end (after checking that the buffer is attached).
   */
  #scanStart(action: string): number {
    const start = this.#at();
    if (start < this.#length()) return start;
    assertAttached(this.#bytes, action);
    return -1;
  }

  /** {@linkcode Cursor.prototype.readTextLine | readTextLine()}, checked. */
  #readTextLine(fatal: boolean): string | null {
    const start = this.#scanStart(READ_LINE);
    if (start === -1) return null;
    const bytes = this.#bytes;
    const length = this.#length();
    // indexOf is a native scan; a JavaScript byte loop would be slower.
    const found = bytes.indexOf(LF, start);
    const next = found === -1 ? length : found + 1;
    let end = found === -1 ? length : found;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, a line that is only its LF is empty either way: an end before its start gives an empty view and an empty string (CONTRIBUTING.md, Mutation testing)
    if (found > start && this.#byteAt(found - 1) === CR) end = found - 1;
    // Fast path: a short line of steady memory, as readString() decodes it.
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, decodeShort() decodes a longer line to the same string, or leaves it to TextDecoder (CONTRIBUTING.md, Mutation testing)
    const text = end - start <= SHORT_TEXT && this.#fast === bytes
      ? decodeShort(bytes, start, end)
      : undefined;
    const line = text ??
      this.#decode(view(bytes, READ_LINE, start, end), start, fatal);
    this.#moveTo(next);
    return line;
  }

  /**
   * The generator behind
   * {@linkcode Cursor.prototype.textLines | textLines()}: the lines of a
   * decoded block of whole lines (see textBlock()) while the position is
   * where the last one left it, else one line by `#readTextLine()`.
   */
  *#textLines(fatal: boolean): Generator<string, void, unknown> {
    let block: TextBlock | undefined;
    // Lines before this are read one by one: textBlock() found no block.
    let single = -1;
    // Stryker disable next-line UnaryOperator: equivalent, no block is found yet, so the first pass looks for one whatever next is (CONTRIBUTING.md, Mutation testing)
    for (let next = -1;;) {
      if (this.#closed) throw new CursorClosedError(READ_LINE);
      const position = this.#at();
      if (position !== next || block?.at === block?.text.length) {
        block = undefined;
        // Stryker disable next-line EqualityOperator: equivalent, a line not looked for in a block is read one by one to the same string (CONTRIBUTING.md, Mutation testing)
        if (position >= single) {
          const found = textBlock(this.#bytes, position, this.#length());
          if (typeof found === "number") single = found;
          else block = found;
        }
      }
      if (block === undefined) {
        const line = this.#readTextLine(fatal);
        if (line === null) return;
        next = this.#at();
        yield line;
        continue;
      }
      const { text, at } = block;
      const newline = text.indexOf("\n", at);
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, in a block the character before a line is the LF of the one before it, never a CR (CONTRIBUTING.md, Mutation testing)
      const end = newline > at && text.charCodeAt(newline - 1) === CR
        ? newline - 1
        : newline;
      block.at = newline + 1;
      // In ASCII a character is a byte; other text is counted.
      next = position +
        (block.ascii
          ? newline + 1 - at
          : utf8Length(text.slice(at, newline + 1)));
      this.#moveTo(next);
      yield text.slice(at, end);
    }
  }

  /** The generator behind {@linkcode Cursor.prototype.lines | lines()}. */
  *#lines(): Generator<Uint8Array, void, unknown> {
    for (let line; (line = this.readLine()) !== null;) yield line;
  }

  /**
   * The steps of {@linkcode Cursor.prototype.writeToSync | writeToSync()}:
   * yields the rest of the memory as a view and advances by the count the
   * writer answers with.
   */
  *#writeToSteps(): Steps {
    let total = 0;
    for (;;) {
      if (this.#closed) throw new CursorClosedError(WRITE_TO);
      const bytes = this.#bytes;
      const start = this.#at();
      const length = bytes.byteLength - start;
      if (length <= 0) {
        assertAttached(bytes, WRITE_TO);
        return total;
      }
      // A view, not a copy: the writer reads the wrapped memory itself.
      const count = yield bytes.subarray(start, start + length);
      checkCount(WRITE_TO, "writer", count, 1, length);
      this.#moveTo(start + count);
      total += count;
    }
  }

  /**
   * The steps of {@linkcode Cursor.prototype.readFromSync | readFromSync()}:
   * yields the room from the position to the end and advances by the count
   * the reader answers with, until `null` or full. When the memory is full
   * it grows (see {@linkcode growthEnd}); shared memory only after the
   * reader has put bytes into a scratch buffer, because it cannot shrink.
   */
  *#readFromSteps(): Steps {
    if (this.#closed) throw new CursorClosedError(READ_FROM);
    if (this.#readOnly) throw new CursorReadOnlyError(READ_FROM);
    let scratch: Uint8Array | undefined;
    let total = 0;
    for (let idle = 0;;) {
      if (this.#closed) throw new CursorClosedError(READ_FROM);
      const bytes = this.#bytes;
      const start = this.#at();
      const length = bytes.byteLength;
      let room: Uint8Array;
      let grows = false;
      if (start < length) {
        // The reader fills the wrapped memory itself, never more than fits.
        room = bytes.subarray(start, length);
      } else if (this.#growth.memory !== undefined) {
        // A WebAssembly memory grows by whole pages before the reader reads
        // into it, as it cannot shrink back; at its maximum, reading stops.
        if (!grow(bytes, this.#growth, start + 1)) break;
        continue;
      } else {
        assertAttached(bytes, READ_FROM);
        const max = capacity(bytes, this.#growth);
        const end = growthEnd(start, length, max);
        if (end <= start) break;
        // Memory that must grow takes the reader's bytes in a scratch buffer
        // first, then grows by their count: growing ahead and giving back
        // the rest would shrink the buffer (see _growth.ts).
        scratch ??= new Uint8Array(SCRATCH);
        room = scratch.subarray(0, Math.min(SCRATCH, end - start));
        grows = true;
      }
      const offered = room.byteLength;
      const count = yield room;
      if (count === null) break;
      checkCount(READ_FROM, "reader", count, 0, offered);
      if (!grows) this.#readInto(room, start, count);
      idle = count === 0 ? idle + 1 : 0;
      if (idle === MAX_EMPTY_READS) {
        throw new RangeError(
          `Cannot ${READ_FROM}: it returned 0 bytes ${MAX_EMPTY_READS} times in a row`,
        );
      }
      // Stryker disable next-line LogicalOperator,ConditionalExpression,EqualityOperator: equivalent, no bytes, or bytes already read into the memory itself, copy onto themselves, and room for them is there (CONTRIBUTING.md, Mutation testing)
      if (grows && count > 0) {
        reserve(bytes, this.#growth, READ_FROM, start, count, true);
        this.#bytes.set(room.subarray(0, count), start);
      }
      this.#moveTo(start + count);
      total += count;
    }
    return total;
  }

  /**
   * Checks, for `readFrom()`, that the `count` bytes a reader put into
   * `room`, the memory at `start`, are still there: the memory may have been
   * detached (or, for a WebAssembly memory, replaced by a grow) or cut while
   * an asynchronous reader had it. Bytes that no longer fit are lost: the
   * position moves past those that do, and it throws.
   *
   * @throws {TypeError} If the buffer was detached.
   * @throws {CursorFullError} If the memory now ends before `start + count`.
   */
  #readInto(room: Uint8Array, start: number, count: number): void {
    assertAttached(room, READ_FROM);
    const bytes = this.#bytes;
    const available = bytes.byteLength - start;
    if (count <= available) return;
    this.#moveTo(start + Math.max(0, available));
    throw new CursorFullError(STORE_READ, count, Math.max(0, available));
  }

  /**
   * The memory as the general paths read and write it. For a WebAssembly
   * memory it is first made to view the memory's buffer now, which a grow
   * replaces (see `#bind()`); the fast paths see `#fast`, which then no longer
   * reaches, and take the general paths.
   */
  get #bytes(): Uint8Array {
    const memory = this.#memory;
    if (memory !== undefined && memory.buffer !== this.#view.buffer) {
      this.#bind(new Uint8Array(memory.buffer));
    }
    return this.#view;
  }

  /**
   * Makes the cursor view `bytes`, the whole buffer of its WebAssembly
   * memory now, as the constructor would: the general paths (see the State
   * region), growth by the memory's `grow()` or, for a resizable one (from
   * `toResizableBuffer()`), by whole pages.
   */
  #bind(bytes: Uint8Array): void {
    this.#source = this.#view = bytes;
    this.#growth = memoryGrowth(this.#memory!, bytes);
    // Stryker disable next-line ConditionalExpression: equivalent, a view left behind is renewed by the slow path of the first typed access that fails on it (CONTRIBUTING.md, Mutation testing)
    if (!this.#closed) this.#makeDataView();
  }

  /** The position, wherever it is kept (see `#state`). */
  #at(): number {
    const position = this.#state[0]!;
    return position === FAR ? this.#far : position;
  }

  /** Sets the position, which the caller has checked. */
  #moveTo(position: number): void {
    // Stryker disable next-line ConditionalExpression: equivalent, a position kept in #far is read back by #at(), and the fast paths leave it to the general ones (CONTRIBUTING.md, Mutation testing)
    if (position < FAR) {
      this.#state[0] = position;
    } else {
      this.#state[0] = FAR;
      this.#far = position;
    }
  }

  /**
   * The length of the memory now. Steady memory's is read where only steady
   * views are seen; `#fast` is empty for other memory, so its length is read
   * at the second place.
   */
  #length(): number {
    // A WebAssembly memory's `#fast` is empty too: `#bytes` follows its
    // buffer, which a grow replaces (a shared one's old buffer keeps its
    // length).
    return this.#fast.byteLength || this.#bytes.byteLength;
  }

  /** The byte at `index` (`undefined` outside), read as `#length()` is. */
  #byteAt(index: number): number | undefined {
    return this.#fast[index] ?? this.#bytes[index];
  }

  /**
   * The general path of {@linkcode Cursor.prototype.readSync | readSync()}:
   * an empty `p`, the end, a detached buffer, a far position or memory that
   * is not steady.
   */
  #readSlow(p: Uint8Array): number | null {
    const start = this.#at();
    const count = copyOut(this.#bytes, p, start);
    // Stryker disable next-line ConditionalExpression: equivalent, at the end start + null is start, where the position is (CONTRIBUTING.md, Mutation testing)
    if (count !== null) this.#moveTo(start + count);
    return count;
  }

  /**
   * The general path of
   * {@linkcode Cursor.prototype.writeSync | writeSync()}: an empty `p`, the
   * end, growth, a detached buffer, a far position or memory that is not
   * steady.
   */
  #writeSlow(p: Uint8Array): number {
    const start = this.#at();
    const count = this.#copyIn(p, start);
    this.#moveTo(start + count);
    return count;
  }

  /** {@linkcode reserve} for this cursor's memory. */
  #reserve(action: string, start: number, count: number, grows: boolean): void {
    reserve(this.#bytes, this.#growth, action, start, count, grows);
  }

  /** Makes the cached view again unless it reaches `end` already. */
  #renewDataView(end: number): void {
    let reach = -1;
    // Stryker disable next-line BlockStatement: equivalent, a view renewed although it reached gives the same bytes (CONTRIBUTING.md, Mutation testing)
    try {
      reach = this.#data.byteLength;
    } catch {
      // A fixed-length view that its buffer no longer holds.
    }
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, a view renewed although it reached gives the same bytes (CONTRIBUTING.md, Mutation testing)
    if (reach < end) this.#makeDataView();
  }

  /**
   * (Re)makes the cached `DataView` over the wrapped bytes at their current
   * length: in the constructor and on the slow path of a typed read or write.
   * The buffer must be attached and the cursor open.
   *
   * Speed: one view per cursor, because making one per call would cost more
   * than the read. The steady class's typed fast paths have no check of
   * their own (those of `General` and `Memory` test the bounds first, see
   * tools/numbers.ts): they call the cached view inside `try`, and its built-in bounds check throws
   * when the position is too near the end, when a resizable buffer changed
   * (the view keeps its length; a shrunk buffer leaves it out of bounds) or
   * when the buffer was detached; the `catch` takes the slow path. After
   * `close()`, and for writes to a read-only cursor, the fields hold an empty
   * placeholder that throws the same way, so state costs the fast path no
   * branch. In V8 (Deno 2.9.6), measured on a 1 MiB `readUint32` loop against
   * a raw `DataView` loop: an explicit check that may throw in the fast path
   * made it about 4x slower, creating the view on first use (`??`) about 2x;
   * a placeholder until first use made every new cursor pay for an
   * exception. So the view is made in the constructor.
   */
  // Stryker disable next-line BlockStatement: equivalent, without the cached view, or with a shorter or fixed-length one, #reach() takes a view of the same bytes (CONTRIBUTING.md, Mutation testing)
  #makeDataView(): void {
    const bytes = this.#bytes;
    const { buffer, byteOffset } = bytes;
    // A view that follows the buffer's length need not be made again after
    // the memory grows. Outside `General`, whose typed methods keep the
    // position with #at(), it ends at MAX_STEADY bytes, so that an access it
    // allows ends where `#state` can hold the position: the typed methods of
    // the steady class (a subclass's, on any memory) and of `Memory` store
    // `start + size` there unchecked. Past that the slow paths take a view
    // of their own (see #reach()).
    // Stryker disable next-line ConditionalExpression: equivalent, without the cached view, or with a shorter or fixed-length one, #reach() takes a view of the same bytes (CONTRIBUTING.md, Mutation testing)
    const whole = Object.getPrototypeOf(this) === GENERAL.prototype;
    // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, without the cached view, or with a shorter or fixed-length one, #reach() takes a view of the same bytes (CONTRIBUTING.md, Mutation testing)
    const tracks = this.#growth.tracks && (whole ||
      // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: equivalent, without the cached view, or with a shorter or fixed-length one, #reach() takes a view of the same bytes (CONTRIBUTING.md, Mutation testing)
      (buffer as { maxByteLength?: number }).maxByteLength! - byteOffset <=
        MAX_STEADY);
    const length = whole
      ? bytes.byteLength
      : Math.min(bytes.byteLength, MAX_STEADY);
    const data = new DataView(buffer, byteOffset, tracks ? undefined : length);
    this.#data = data;
    this.#writeData = this.#readOnly ? NO_DATA_VIEW : data;
  }

  /**
   * The view and offset the slow paths access `size` bytes at `start` with:
   * the cached view, renewed if it no longer reaches, or a view of just
   * those bytes where the cached one ends (past {@linkcode MAX_STEADY}).
   * The bytes must be in the memory.
   */
  #reach(start: number, size: number): [DataView, number] {
    // Stryker disable next-line ArithmeticOperator: equivalent, a view not renewed is passed over for a view of just the bytes (CONTRIBUTING.md, Mutation testing)
    this.#renewDataView(start + size);
    const data = this.#data;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, a view of just the bytes reads what the cached view holds (CONTRIBUTING.md, Mutation testing)
    if (start + size <= data.byteLength) return [data, start];
    const bytes = this.#bytes;
    return [new DataView(bytes.buffer, bytes.byteOffset + start, size), 0];
  }

  /**
   * The slow path of every typed read: checks the runtime, closed and
   * length, renews the cached view if it no longer reaches (the buffer was
   * resized since it was made) and reads `size` bytes with `method`,
   * advancing past them.
   */
  #getSlow<K extends Getter>(
    method: K,
    size: number,
    littleEndian?: boolean,
  ): ReturnType<DataView[K]> {
    assertAccessor(method);
    if (this.#closed) throw new CursorClosedError(READ);
    const start = this.#at();
    if (size > this.#bytes.byteLength - start) this.#readShort(READ, size);
    const [data, at] = this.#reach(start, size);
    const value = Reflect.apply(DataView.prototype[method], data, [
      at,
      littleEndian,
    ]);
    this.#moveTo(start + size);
    return value;
  }

  /**
   * The slow path of every typed write: checks the runtime, closed,
   * read-only and room, grows the memory when it can, renews the cached view
   * if it no longer reaches, and writes `converted` with `method`, advancing
   * past it.
   *
   * @param value The value the caller gave.
   * @param converted `value` as the fast path converted it, or `undefined`
   * when converting it threw `error`: then, after the checks that come
   * before it (closed, read-only, room) and without growing, a `TypeError`
   * naming the argument is thrown for a value of the wrong kind, and `error`
   * itself for a value whose own conversion threw.
   * @param error What the fast path caught, if anything.
   */
  #setSlow(
    method: Setter,
    size: number,
    value: unknown,
    converted: number | bigint | undefined,
    error: unknown,
    littleEndian?: boolean,
  ): void {
    assertAccessor(method);
    if (this.#closed) throw new CursorClosedError(WRITE);
    if (this.#readOnly) throw new CursorReadOnlyError(WRITE);
    const start = this.#at();
    this.#reserve(WRITE, start, size, converted !== undefined);
    if (converted === undefined) throw conversionError(method, value, error);
    const [data, at] = this.#reach(start, size);
    Reflect.apply(DataView.prototype[method], data, [
      at,
      converted,
      littleEndian,
    ]);
    this.#moveTo(start + size);
  }

  // #endregion

  // #region typed numbers (generated by tools/numbers.ts)
  // Generated from the table in tools/numbers.ts: edit the table and run
  // `deno task numbers`. The class's own methods serve steady memory: the
  // cached view's own bounds check inside `try`, the `catch` taking the
  // shared slow path. `General` serves the rest (see tools/numbers.ts).

  /**
   * Reads a signed 8-bit integer at the position and advances past it, as
   * `DataView.prototype.getInt8` does. At the end it throws and consumes
   * nothing.
   *
   * @returns The number read.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {TypeError} If the wrapped buffer has been detached.
   * @throws {UnexpectedEofError} If no byte remains.
   *
   * @example Read Int8 values
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const cursor = new Cursor(new Uint8Array([0xff, 0x7f]));
   * assert.equal(cursor.readInt8(), -1);
   * assert.equal(cursor.readInt8(), 127);
   * assert.equal(cursor.position, 2);
   * assert.throws(() => cursor.readInt8(), RangeError);
   * ```
   */
  readInt8(): number {
    const state = this.#state;
    const start = state[0]!;
    try {
      const value = this.#data.getInt8(start);
      state[0] = start + 1;
      return value;
    } catch {
      return this.#getSlow("getInt8", 1);
    }
  }

  /**
   * Writes `value` as a signed 8-bit integer at the position and advances past
   * it, as `DataView.prototype.setInt8` does. Out-of-range values wrap modulo
   * `2 ** 8`. At the end, even after growing the memory in place as
   * {@linkcode Cursor.prototype.writeSync | writeSync()} does, it throws and
   * writes nothing. The value is converted once, as `DataView` does.
   *
   * @param value The number to write.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {CursorReadOnlyError} If the cursor is read-only.
   * @throws {TypeError} If `value` is a bigint, or the wrapped buffer has been
   * detached.
   * @throws {CursorFullError} If no byte is free, even after growing.
   *
   * @example Write two Int8 values
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const memory = new Uint8Array(2);
   * const cursor = new Cursor(memory);
   * cursor.writeInt8(-1);
   * cursor.writeInt8(127);
   * assert.deepEqual(memory, new Uint8Array([0xff, 0x7f]));
   * assert.throws(() => cursor.writeInt8(-1), RangeError);
   * ```
   */
  writeInt8(value: number): void {
    const state = this.#state;
    const start = state[0]!;
    let converted: number | undefined;
    try {
      converted = +value;
      this.#writeData.setInt8(start, converted);
      state[0] = start + 1;
    } catch (error) {
      this.#setSlow("setInt8", 1, value, converted, error);
    }
  }

  /**
   * Reads an unsigned 8-bit integer at the position and advances past it, as
   * `DataView.prototype.getUint8` does. At the end it throws and consumes
   * nothing.
   *
   * @returns The number read.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {TypeError} If the wrapped buffer has been detached.
   * @throws {UnexpectedEofError} If no byte remains.
   *
   * @example Read Uint8 values
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const cursor = new Cursor(new Uint8Array([0xff, 0x07]));
   * assert.equal(cursor.readUint8(), 255);
   * assert.equal(cursor.readUint8(), 7);
   * assert.equal(cursor.position, 2);
   * assert.throws(() => cursor.readUint8(), RangeError);
   * ```
   */
  readUint8(): number {
    const state = this.#state;
    const start = state[0]!;
    try {
      const value = this.#data.getUint8(start);
      state[0] = start + 1;
      return value;
    } catch {
      return this.#getSlow("getUint8", 1);
    }
  }

  /**
   * Writes `value` as an unsigned 8-bit integer at the position and advances
   * past it, as `DataView.prototype.setUint8` does. Out-of-range values wrap
   * modulo `2 ** 8`. At the end, even after growing the memory in place as
   * {@linkcode Cursor.prototype.writeSync | writeSync()} does, it throws and
   * writes nothing. The value is converted once, as `DataView` does.
   *
   * @param value The number to write.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {CursorReadOnlyError} If the cursor is read-only.
   * @throws {TypeError} If `value` is a bigint, or the wrapped buffer has been
   * detached.
   * @throws {CursorFullError} If no byte is free, even after growing.
   *
   * @example Write two Uint8 values
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const memory = new Uint8Array(2);
   * const cursor = new Cursor(memory);
   * cursor.writeUint8(255);
   * cursor.writeUint8(7);
   * assert.deepEqual(memory, new Uint8Array([0xff, 0x07]));
   * assert.throws(() => cursor.writeUint8(255), RangeError);
   * ```
   */
  writeUint8(value: number): void {
    const state = this.#state;
    const start = state[0]!;
    let converted: number | undefined;
    try {
      converted = +value;
      this.#writeData.setUint8(start, converted);
      state[0] = start + 1;
    } catch (error) {
      this.#setSlow("setUint8", 1, value, converted, error);
    }
  }

  /**
   * Reads a signed 16-bit integer at the position and advances past it, as
   * `DataView.prototype.getInt16` does; big-endian unless `littleEndian` is
   * `true`. When fewer than 2 bytes remain it throws and consumes nothing.
   *
   * @param littleEndian Whether the number is stored least significant byte
   * first.
   * @returns The number read.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {TypeError} If the wrapped buffer has been detached.
   * @throws {UnexpectedEofError} If fewer than 2 bytes remain.
   *
   * @example Read a big-endian and a little-endian Int16
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const cursor = new Cursor(new Uint8Array([0xff, 0xfe, 0xfe, 0xff]));
   * assert.equal(cursor.readInt16(), -2);
   * assert.equal(cursor.readInt16(true), -2);
   * assert.equal(cursor.position, 4);
   * assert.throws(() => cursor.readInt16(), RangeError);
   * ```
   */
  readInt16(littleEndian?: boolean): number {
    const state = this.#state;
    const start = state[0]!;
    try {
      const value = this.#data.getInt16(start, littleEndian);
      state[0] = start + 2;
      return value;
    } catch {
      return this.#getSlow("getInt16", 2, littleEndian);
    }
  }

  /**
   * Writes `value` as a signed 16-bit integer at the position and advances past
   * it, as `DataView.prototype.setInt16` does; big-endian unless `littleEndian`
   * is `true`. Out-of-range values wrap modulo `2 ** 16`. When fewer than 2
   * bytes are free, even after growing the memory in place as
   * {@linkcode Cursor.prototype.writeSync | writeSync()} does, it throws and
   * writes nothing. The value is converted once, as `DataView` does.
   *
   * @param value The number to write.
   * @param littleEndian Whether to store the least significant byte first.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {CursorReadOnlyError} If the cursor is read-only.
   * @throws {TypeError} If `value` is a bigint, or the wrapped buffer has been
   * detached.
   * @throws {CursorFullError} If fewer than 2 bytes are free, even after
   * growing.
   *
   * @example Write a big-endian and a little-endian Int16
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const memory = new Uint8Array(4);
   * const cursor = new Cursor(memory);
   * cursor.writeInt16(-2);
   * cursor.writeInt16(-2, true);
   * assert.deepEqual(memory, new Uint8Array([0xff, 0xfe, 0xfe, 0xff]));
   * assert.throws(() => cursor.writeInt16(-2), RangeError);
   * ```
   */
  writeInt16(value: number, littleEndian?: boolean): void {
    const state = this.#state;
    const start = state[0]!;
    let converted: number | undefined;
    try {
      converted = +value;
      this.#writeData.setInt16(start, converted, littleEndian);
      state[0] = start + 2;
    } catch (error) {
      this.#setSlow("setInt16", 2, value, converted, error, littleEndian);
    }
  }

  /**
   * Reads an unsigned 16-bit integer at the position and advances past it, as
   * `DataView.prototype.getUint16` does; big-endian unless `littleEndian` is
   * `true`. When fewer than 2 bytes remain it throws and consumes nothing.
   *
   * @param littleEndian Whether the number is stored least significant byte
   * first.
   * @returns The number read.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {TypeError} If the wrapped buffer has been detached.
   * @throws {UnexpectedEofError} If fewer than 2 bytes remain.
   *
   * @example Read a big-endian and a little-endian Uint16
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const cursor = new Cursor(new Uint8Array([0x12, 0x34, 0x34, 0x12]));
   * assert.equal(cursor.readUint16(), 0x1234);
   * assert.equal(cursor.readUint16(true), 0x1234);
   * assert.equal(cursor.position, 4);
   * assert.throws(() => cursor.readUint16(), RangeError);
   * ```
   */
  readUint16(littleEndian?: boolean): number {
    const state = this.#state;
    const start = state[0]!;
    try {
      const value = this.#data.getUint16(start, littleEndian);
      state[0] = start + 2;
      return value;
    } catch {
      return this.#getSlow("getUint16", 2, littleEndian);
    }
  }

  /**
   * Writes `value` as an unsigned 16-bit integer at the position and advances
   * past it, as `DataView.prototype.setUint16` does; big-endian unless
   * `littleEndian` is `true`. Out-of-range values wrap modulo `2 ** 16`. When
   * fewer than 2 bytes are free, even after growing the memory in place as
   * {@linkcode Cursor.prototype.writeSync | writeSync()} does, it throws and
   * writes nothing. The value is converted once, as `DataView` does.
   *
   * @param value The number to write.
   * @param littleEndian Whether to store the least significant byte first.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {CursorReadOnlyError} If the cursor is read-only.
   * @throws {TypeError} If `value` is a bigint, or the wrapped buffer has been
   * detached.
   * @throws {CursorFullError} If fewer than 2 bytes are free, even after
   * growing.
   *
   * @example Write a big-endian and a little-endian Uint16
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const memory = new Uint8Array(4);
   * const cursor = new Cursor(memory);
   * cursor.writeUint16(0x1234);
   * cursor.writeUint16(0x1234, true);
   * assert.deepEqual(memory, new Uint8Array([0x12, 0x34, 0x34, 0x12]));
   * assert.throws(() => cursor.writeUint16(0x1234), RangeError);
   * ```
   */
  writeUint16(value: number, littleEndian?: boolean): void {
    const state = this.#state;
    const start = state[0]!;
    let converted: number | undefined;
    try {
      converted = +value;
      this.#writeData.setUint16(start, converted, littleEndian);
      state[0] = start + 2;
    } catch (error) {
      this.#setSlow("setUint16", 2, value, converted, error, littleEndian);
    }
  }

  /**
   * Reads a signed 32-bit integer at the position and advances past it, as
   * `DataView.prototype.getInt32` does; big-endian unless `littleEndian` is
   * `true`. When fewer than 4 bytes remain it throws and consumes nothing.
   *
   * @param littleEndian Whether the number is stored least significant byte
   * first.
   * @returns The number read.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {TypeError} If the wrapped buffer has been detached.
   * @throws {UnexpectedEofError} If fewer than 4 bytes remain.
   *
   * @example Read a big-endian and a little-endian Int32
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const cursor = new Cursor(new Uint8Array([
   *   0xff, 0xff, 0xff, 0xfe,
   *   0xfe, 0xff, 0xff, 0xff,
   * ]));
   * assert.equal(cursor.readInt32(), -2);
   * assert.equal(cursor.readInt32(true), -2);
   * assert.equal(cursor.position, 8);
   * assert.throws(() => cursor.readInt32(), RangeError);
   * ```
   */
  readInt32(littleEndian?: boolean): number {
    const state = this.#state;
    const start = state[0]!;
    try {
      const value = this.#data.getInt32(start, littleEndian);
      state[0] = start + 4;
      return value;
    } catch {
      return this.#getSlow("getInt32", 4, littleEndian);
    }
  }

  /**
   * Writes `value` as a signed 32-bit integer at the position and advances past
   * it, as `DataView.prototype.setInt32` does; big-endian unless `littleEndian`
   * is `true`. Out-of-range values wrap modulo `2 ** 32`. When fewer than 4
   * bytes are free, even after growing the memory in place as
   * {@linkcode Cursor.prototype.writeSync | writeSync()} does, it throws and
   * writes nothing. The value is converted once, as `DataView` does.
   *
   * @param value The number to write.
   * @param littleEndian Whether to store the least significant byte first.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {CursorReadOnlyError} If the cursor is read-only.
   * @throws {TypeError} If `value` is a bigint, or the wrapped buffer has been
   * detached.
   * @throws {CursorFullError} If fewer than 4 bytes are free, even after
   * growing.
   *
   * @example Write a big-endian and a little-endian Int32
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const memory = new Uint8Array(8);
   * const cursor = new Cursor(memory);
   * cursor.writeInt32(-2);
   * cursor.writeInt32(-2, true);
   * assert.deepEqual(
   *   memory,
   *   new Uint8Array([0xff, 0xff, 0xff, 0xfe, 0xfe, 0xff, 0xff, 0xff]),
   * );
   * assert.throws(() => cursor.writeInt32(-2), RangeError);
   * ```
   */
  writeInt32(value: number, littleEndian?: boolean): void {
    const state = this.#state;
    const start = state[0]!;
    let converted: number | undefined;
    try {
      converted = +value;
      this.#writeData.setInt32(start, converted, littleEndian);
      state[0] = start + 4;
    } catch (error) {
      this.#setSlow("setInt32", 4, value, converted, error, littleEndian);
    }
  }

  /**
   * Reads an unsigned 32-bit integer at the position and advances past it, as
   * `DataView.prototype.getUint32` does; big-endian unless `littleEndian` is
   * `true`. When fewer than 4 bytes remain it throws and consumes nothing.
   *
   * @param littleEndian Whether the number is stored least significant byte
   * first.
   * @returns The number read.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {TypeError} If the wrapped buffer has been detached.
   * @throws {UnexpectedEofError} If fewer than 4 bytes remain.
   *
   * @example Read a big-endian and a little-endian Uint32
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const cursor = new Cursor(new Uint8Array([
   *   0xde, 0xad, 0xbe, 0xef,
   *   0xef, 0xbe, 0xad, 0xde,
   * ]));
   * assert.equal(cursor.readUint32(), 0xdeadbeef);
   * assert.equal(cursor.readUint32(true), 0xdeadbeef);
   * assert.equal(cursor.position, 8);
   * assert.throws(() => cursor.readUint32(), RangeError);
   * ```
   */
  readUint32(littleEndian?: boolean): number {
    const state = this.#state;
    const start = state[0]!;
    try {
      const value = this.#data.getUint32(start, littleEndian);
      state[0] = start + 4;
      return value;
    } catch {
      return this.#getSlow("getUint32", 4, littleEndian);
    }
  }

  /**
   * Writes `value` as an unsigned 32-bit integer at the position and advances
   * past it, as `DataView.prototype.setUint32` does; big-endian unless
   * `littleEndian` is `true`. Out-of-range values wrap modulo `2 ** 32`. When
   * fewer than 4 bytes are free, even after growing the memory in place as
   * {@linkcode Cursor.prototype.writeSync | writeSync()} does, it throws and
   * writes nothing. The value is converted once, as `DataView` does.
   *
   * @param value The number to write.
   * @param littleEndian Whether to store the least significant byte first.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {CursorReadOnlyError} If the cursor is read-only.
   * @throws {TypeError} If `value` is a bigint, or the wrapped buffer has been
   * detached.
   * @throws {CursorFullError} If fewer than 4 bytes are free, even after
   * growing.
   *
   * @example Write a big-endian and a little-endian Uint32
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const memory = new Uint8Array(8);
   * const cursor = new Cursor(memory);
   * cursor.writeUint32(0xdeadbeef);
   * cursor.writeUint32(0xdeadbeef, true);
   * assert.deepEqual(
   *   memory,
   *   new Uint8Array([0xde, 0xad, 0xbe, 0xef, 0xef, 0xbe, 0xad, 0xde]),
   * );
   * assert.throws(() => cursor.writeUint32(0xdeadbeef), RangeError);
   * ```
   */
  writeUint32(value: number, littleEndian?: boolean): void {
    const state = this.#state;
    const start = state[0]!;
    let converted: number | undefined;
    try {
      converted = +value;
      this.#writeData.setUint32(start, converted, littleEndian);
      state[0] = start + 4;
    } catch (error) {
      this.#setSlow("setUint32", 4, value, converted, error, littleEndian);
    }
  }

  /**
   * Reads a signed 64-bit integer at the position and advances past it, as
   * `DataView.prototype.getBigInt64` does; big-endian unless `littleEndian` is
   * `true`. When fewer than 8 bytes remain it throws and consumes nothing.
   *
   * @param littleEndian Whether the number is stored least significant byte
   * first.
   * @returns The number read.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {TypeError} If the wrapped buffer has been detached.
   * @throws {UnexpectedEofError} If fewer than 8 bytes remain.
   *
   * @example Read a big-endian and a little-endian BigInt64
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const cursor = new Cursor(
   *   new Uint8Array([
   *     0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe,
   *     0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
   *   ]),
   * );
   * assert.equal(cursor.readBigInt64(), -2n);
   * assert.equal(cursor.readBigInt64(true), -2n);
   * assert.equal(cursor.position, 16);
   * assert.throws(() => cursor.readBigInt64(), RangeError);
   * ```
   */
  readBigInt64(littleEndian?: boolean): bigint {
    const state = this.#state;
    const start = state[0]!;
    try {
      const value = this.#data.getBigInt64(start, littleEndian);
      state[0] = start + 8;
      return value;
    } catch {
      return this.#getSlow("getBigInt64", 8, littleEndian);
    }
  }

  /**
   * Writes `value` as a signed 64-bit integer at the position and advances past
   * it, as `DataView.prototype.setBigInt64` does; big-endian unless
   * `littleEndian` is `true`. Out-of-range values wrap modulo `2 ** 64`. When
   * fewer than 8 bytes are free, even after growing the memory in place as
   * {@linkcode Cursor.prototype.writeSync | writeSync()} does, it throws and
   * writes nothing. The value is converted once, as `DataView` does.
   *
   * @param value The number to write.
   * @param littleEndian Whether to store the least significant byte first.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {CursorReadOnlyError} If the cursor is read-only.
   * @throws {TypeError} If `value` is a number, or the wrapped buffer has been
   * detached.
   * @throws {CursorFullError} If fewer than 8 bytes are free, even after
   * growing.
   *
   * @example Write a big-endian and a little-endian BigInt64
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const memory = new Uint8Array(16);
   * const cursor = new Cursor(memory);
   * cursor.writeBigInt64(-2n);
   * cursor.writeBigInt64(-2n, true);
   * assert.deepEqual(
   *   memory,
   *   new Uint8Array([
   *     0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe,
   *     0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
   *   ]),
   * );
   * assert.throws(() => cursor.writeBigInt64(-2n), RangeError);
   * ```
   */
  writeBigInt64(value: bigint, littleEndian?: boolean): void {
    const state = this.#state;
    const start = state[0]!;
    let converted: bigint | undefined;
    try {
      converted = BigInt.asIntN(64, value);
      this.#writeData.setBigInt64(start, converted, littleEndian);
      state[0] = start + 8;
    } catch (error) {
      this.#setSlow("setBigInt64", 8, value, converted, error, littleEndian);
    }
  }

  /**
   * Reads an unsigned 64-bit integer at the position and advances past it, as
   * `DataView.prototype.getBigUint64` does; big-endian unless `littleEndian` is
   * `true`. When fewer than 8 bytes remain it throws and consumes nothing.
   *
   * @param littleEndian Whether the number is stored least significant byte
   * first.
   * @returns The number read.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {TypeError} If the wrapped buffer has been detached.
   * @throws {UnexpectedEofError} If fewer than 8 bytes remain.
   *
   * @example Read a big-endian and a little-endian BigUint64
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const cursor = new Cursor(
   *   new Uint8Array([
   *     0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,
   *     0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01,
   *   ]),
   * );
   * assert.equal(cursor.readBigUint64(), 0x0102030405060708n);
   * assert.equal(cursor.readBigUint64(true), 0x0102030405060708n);
   * assert.equal(cursor.position, 16);
   * assert.throws(() => cursor.readBigUint64(), RangeError);
   * ```
   */
  readBigUint64(littleEndian?: boolean): bigint {
    const state = this.#state;
    const start = state[0]!;
    try {
      const value = this.#data.getBigUint64(start, littleEndian);
      state[0] = start + 8;
      return value;
    } catch {
      return this.#getSlow("getBigUint64", 8, littleEndian);
    }
  }

  /**
   * Writes `value` as an unsigned 64-bit integer at the position and advances
   * past it, as `DataView.prototype.setBigUint64` does; big-endian unless
   * `littleEndian` is `true`. Out-of-range values wrap modulo `2 ** 64`. When
   * fewer than 8 bytes are free, even after growing the memory in place as
   * {@linkcode Cursor.prototype.writeSync | writeSync()} does, it throws and
   * writes nothing. The value is converted once, as `DataView` does.
   *
   * @param value The number to write.
   * @param littleEndian Whether to store the least significant byte first.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {CursorReadOnlyError} If the cursor is read-only.
   * @throws {TypeError} If `value` is a number, or the wrapped buffer has been
   * detached.
   * @throws {CursorFullError} If fewer than 8 bytes are free, even after
   * growing.
   *
   * @example Write a big-endian and a little-endian BigUint64
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const memory = new Uint8Array(16);
   * const cursor = new Cursor(memory);
   * cursor.writeBigUint64(0x0102030405060708n);
   * cursor.writeBigUint64(0x0102030405060708n, true);
   * assert.deepEqual(
   *   memory,
   *   new Uint8Array([
   *     0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,
   *     0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01,
   *   ]),
   * );
   * assert.throws(
   *   () => cursor.writeBigUint64(0x0102030405060708n),
   *   RangeError,
   * );
   * ```
   */
  writeBigUint64(value: bigint, littleEndian?: boolean): void {
    const state = this.#state;
    const start = state[0]!;
    let converted: bigint | undefined;
    try {
      converted = BigInt.asUintN(64, value);
      this.#writeData.setBigUint64(start, converted, littleEndian);
      state[0] = start + 8;
    } catch (error) {
      this.#setSlow("setBigUint64", 8, value, converted, error, littleEndian);
    }
  }

  /**
   * Reads a 16-bit (half precision) float at the position and advances past it,
   * as `DataView.prototype.getFloat16` does; big-endian unless `littleEndian`
   * is `true`. When fewer than 2 bytes remain it throws and consumes nothing.
   * Needs a runtime with `DataView.prototype.getFloat16`.
   *
   * @param littleEndian Whether the number is stored least significant byte
   * first.
   * @returns The number read.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {TypeError} If the wrapped buffer has been detached, or the runtime
   * has no `DataView.prototype.getFloat16`.
   * @throws {UnexpectedEofError} If fewer than 2 bytes remain.
   *
   * @example Read a big-endian and a little-endian Float16
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const cursor = new Cursor(new Uint8Array([0x3e, 0x00, 0x00, 0x3e]));
   * assert.equal(cursor.readFloat16(), 1.5);
   * assert.equal(cursor.readFloat16(true), 1.5);
   * assert.equal(cursor.position, 4);
   * assert.throws(() => cursor.readFloat16(), RangeError);
   * ```
   */
  readFloat16(littleEndian?: boolean): number {
    const state = this.#state;
    const start = state[0]!;
    try {
      const value = this.#data.getFloat16(start, littleEndian);
      state[0] = start + 2;
      return value;
    } catch {
      return this.#getSlow("getFloat16", 2, littleEndian);
    }
  }

  /**
   * Writes `value` as a 16-bit (half precision) float at the position and
   * advances past it, as `DataView.prototype.setFloat16` does; big-endian
   * unless `littleEndian` is `true`. The value is rounded to the nearest 16-bit
   * float. When fewer than 2 bytes are free, even after growing the memory in
   * place as {@linkcode Cursor.prototype.writeSync | writeSync()} does, it
   * throws and writes nothing. The value is converted once, as `DataView` does.
   * Needs a runtime with `DataView.prototype.setFloat16`.
   *
   * @param value The number to write.
   * @param littleEndian Whether to store the least significant byte first.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {CursorReadOnlyError} If the cursor is read-only.
   * @throws {TypeError} If `value` is a bigint, the wrapped buffer has been
   * detached, or the runtime has no `DataView.prototype.setFloat16`.
   * @throws {CursorFullError} If fewer than 2 bytes are free, even after
   * growing.
   *
   * @example Write a big-endian and a little-endian Float16
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const memory = new Uint8Array(4);
   * const cursor = new Cursor(memory);
   * cursor.writeFloat16(1.5);
   * cursor.writeFloat16(1.5, true);
   * assert.deepEqual(memory, new Uint8Array([0x3e, 0x00, 0x00, 0x3e]));
   * assert.throws(() => cursor.writeFloat16(1.5), RangeError);
   * ```
   */
  writeFloat16(value: number, littleEndian?: boolean): void {
    const state = this.#state;
    const start = state[0]!;
    let converted: number | undefined;
    try {
      converted = +value;
      this.#writeData.setFloat16(start, converted, littleEndian);
      state[0] = start + 2;
    } catch (error) {
      this.#setSlow("setFloat16", 2, value, converted, error, littleEndian);
    }
  }

  /**
   * Reads a 32-bit float at the position and advances past it, as
   * `DataView.prototype.getFloat32` does; big-endian unless `littleEndian` is
   * `true`. When fewer than 4 bytes remain it throws and consumes nothing.
   *
   * @param littleEndian Whether the number is stored least significant byte
   * first.
   * @returns The number read.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {TypeError} If the wrapped buffer has been detached.
   * @throws {UnexpectedEofError} If fewer than 4 bytes remain.
   *
   * @example Read a big-endian and a little-endian Float32
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const cursor = new Cursor(new Uint8Array([
   *   0x3f, 0xc0, 0x00, 0x00,
   *   0x00, 0x00, 0xc0, 0x3f,
   * ]));
   * assert.equal(cursor.readFloat32(), 1.5);
   * assert.equal(cursor.readFloat32(true), 1.5);
   * assert.equal(cursor.position, 8);
   * assert.throws(() => cursor.readFloat32(), RangeError);
   * ```
   */
  readFloat32(littleEndian?: boolean): number {
    const state = this.#state;
    const start = state[0]!;
    try {
      const value = this.#data.getFloat32(start, littleEndian);
      state[0] = start + 4;
      return value;
    } catch {
      return this.#getSlow("getFloat32", 4, littleEndian);
    }
  }

  /**
   * Writes `value` as a 32-bit float at the position and advances past it, as
   * `DataView.prototype.setFloat32` does; big-endian unless `littleEndian` is
   * `true`. The value is rounded to the nearest 32-bit float. When fewer than 4
   * bytes are free, even after growing the memory in place as
   * {@linkcode Cursor.prototype.writeSync | writeSync()} does, it throws and
   * writes nothing. The value is converted once, as `DataView` does.
   *
   * @param value The number to write.
   * @param littleEndian Whether to store the least significant byte first.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {CursorReadOnlyError} If the cursor is read-only.
   * @throws {TypeError} If `value` is a bigint, or the wrapped buffer has been
   * detached.
   * @throws {CursorFullError} If fewer than 4 bytes are free, even after
   * growing.
   *
   * @example Write a big-endian and a little-endian Float32
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const memory = new Uint8Array(8);
   * const cursor = new Cursor(memory);
   * cursor.writeFloat32(1.5);
   * cursor.writeFloat32(1.5, true);
   * assert.deepEqual(
   *   memory,
   *   new Uint8Array([0x3f, 0xc0, 0x00, 0x00, 0x00, 0x00, 0xc0, 0x3f]),
   * );
   * assert.throws(() => cursor.writeFloat32(1.5), RangeError);
   * ```
   */
  writeFloat32(value: number, littleEndian?: boolean): void {
    const state = this.#state;
    const start = state[0]!;
    let converted: number | undefined;
    try {
      converted = +value;
      this.#writeData.setFloat32(start, converted, littleEndian);
      state[0] = start + 4;
    } catch (error) {
      this.#setSlow("setFloat32", 4, value, converted, error, littleEndian);
    }
  }

  /**
   * Reads a 64-bit float at the position and advances past it, as
   * `DataView.prototype.getFloat64` does; big-endian unless `littleEndian` is
   * `true`. When fewer than 8 bytes remain it throws and consumes nothing.
   *
   * @param littleEndian Whether the number is stored least significant byte
   * first.
   * @returns The number read.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {TypeError} If the wrapped buffer has been detached.
   * @throws {UnexpectedEofError} If fewer than 8 bytes remain.
   *
   * @example Read a big-endian and a little-endian Float64
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const cursor = new Cursor(
   *   new Uint8Array([
   *     0x3f, 0xf8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
   *     0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xf8, 0x3f,
   *   ]),
   * );
   * assert.equal(cursor.readFloat64(), 1.5);
   * assert.equal(cursor.readFloat64(true), 1.5);
   * assert.equal(cursor.position, 16);
   * assert.throws(() => cursor.readFloat64(), RangeError);
   * ```
   */
  readFloat64(littleEndian?: boolean): number {
    const state = this.#state;
    const start = state[0]!;
    try {
      const value = this.#data.getFloat64(start, littleEndian);
      state[0] = start + 8;
      return value;
    } catch {
      return this.#getSlow("getFloat64", 8, littleEndian);
    }
  }

  /**
   * Writes `value` as a 64-bit float at the position and advances past it, as
   * `DataView.prototype.setFloat64` does; big-endian unless `littleEndian` is
   * `true`. The value is rounded to the nearest 64-bit float. When fewer than 8
   * bytes are free, even after growing the memory in place as
   * {@linkcode Cursor.prototype.writeSync | writeSync()} does, it throws and
   * writes nothing. The value is converted once, as `DataView` does.
   *
   * @param value The number to write.
   * @param littleEndian Whether to store the least significant byte first.
   * @throws {CursorClosedError} If the cursor is closed.
   * @throws {CursorReadOnlyError} If the cursor is read-only.
   * @throws {TypeError} If `value` is a bigint, or the wrapped buffer has been
   * detached.
   * @throws {CursorFullError} If fewer than 8 bytes are free, even after
   * growing.
   *
   * @example Write a big-endian and a little-endian Float64
   * ```ts
   * import { Cursor } from "@iocursor/cursor";
   * import assert from "node:assert/strict";
   *
   * const memory = new Uint8Array(16);
   * const cursor = new Cursor(memory);
   * cursor.writeFloat64(1.5);
   * cursor.writeFloat64(1.5, true);
   * assert.deepEqual(
   *   memory,
   *   new Uint8Array([
   *     0x3f, 0xf8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
   *     0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xf8, 0x3f,
   *   ]),
   * );
   * assert.throws(() => cursor.writeFloat64(1.5), RangeError);
   * ```
   */
  writeFloat64(value: number, littleEndian?: boolean): void {
    const state = this.#state;
    const start = state[0]!;
    let converted: number | undefined;
    try {
      converted = +value;
      this.#writeData.setFloat64(start, converted, littleEndian);
      state[0] = start + 8;
    } catch (error) {
      this.#setSlow("setFloat64", 8, value, converted, error, littleEndian);
    }
  }

  static {
    /**
     * The class of a cursor over memory that is not steady: the
     * constructor makes one of these for such memory. See tools/numbers.ts.
     */
    class General extends Cursor {
      // The methods whose fast paths read `#fast`, which is empty here: the
      // general paths straight away, so that the fast paths' call sites
      // never see a cursor of this class (see the State region).
      override readSync(p: Uint8Array): number | null {
        this.#assertReadable(p);
        return this.#readSlow(p);
      }

      override writeSync(p: Uint8Array): number {
        this.#assertWritable(p);
        return this.#writeSlow(p);
      }

      override take(n: number): Uint8Array {
        if (this.#closed) throw new CursorClosedError(TAKE);
        return this.#claimSlow(TAKE, toLength(TAKE, n));
      }

      override readExactSync<T extends Uint8Array>(p: T): T {
        if (this.#closed) throw new CursorClosedError(READ_EXACTLY);
        if (!isBytes(p)) throw notUint8Array(READ_EXACTLY, "p", p);
        p.set(this.#claimSlow(READ_EXACTLY, p.byteLength));
        return p;
      }

      override readString(
        byteLength: number,
        options?: { fatal?: boolean },
      ): string {
        if (this.#closed) throw new CursorClosedError(DECODE);
        const fatal = toFatal(DECODE, options);
        const count = toLength(DECODE, byteLength, "byteLength");
        const encoded = this.#claimSlow(DECODE, count);
        return this.#decode(encoded, this.#at() - count, fatal);
      }

      override writeString(text: string): number {
        this.#assertText(text);
        return this.#writeStringSlow(text);
      }
      override readVarUint32(): number {
        return this.#readVarSlow(VAR_UINT32) >>> 0;
      }

      override writeVarUint32(value: number): number {
        return this.#writeVarSlow(VAR_UINT32, value);
      }
      override readVarInt32(): number {
        return this.#readVarSlow(VAR_INT32) | 0;
      }

      override writeVarInt32(value: number): number {
        return this.#writeVarSlow(VAR_INT32, value);
      }
      override readZigZag32(): number {
        return this.#readVarSlow(ZIGZAG32) | 0;
      }

      override writeZigZag32(value: number): number {
        return this.#writeVarSlow(ZIGZAG32, value);
      }
      override readVarUint64(): number {
        return +this.#readVarSlow(VAR_UINT64);
      }

      override writeVarUint64(value: number): number {
        return this.#writeVarSlow(VAR_UINT64, value);
      }
      override readVarInt64(): number {
        return +this.#readVarSlow(VAR_INT64);
      }

      override writeVarInt64(value: number): number {
        return this.#writeVarSlow(VAR_INT64, value);
      }
      override readZigZag64(): number {
        return +this.#readVarSlow(ZIGZAG64);
      }

      override writeZigZag64(value: number): number {
        return this.#writeVarSlow(ZIGZAG64, value);
      }
      override readBigVarUint64(): bigint {
        return this.#readVarSlow(BIG_VAR_UINT64);
      }

      override writeBigVarUint64(value: bigint): number {
        return this.#writeVarSlow(BIG_VAR_UINT64, value);
      }
      override readBigVarInt64(): bigint {
        return this.#readVarSlow(BIG_VAR_INT64);
      }

      override writeBigVarInt64(value: bigint): number {
        return this.#writeVarSlow(BIG_VAR_INT64, value);
      }
      override readBigZigZag64(): bigint {
        return this.#readVarSlow(BIG_ZIGZAG64);
      }

      override writeBigZigZag64(value: bigint): number {
        return this.#writeVarSlow(BIG_ZIGZAG64, value);
      }
      override readInt8(): number {
        const start = this.#at();
        // Stryker disable next-line all: equivalent, see GENERAL in tools/numbers.ts
        if (start + 1 <= this.#view.byteLength) {
          // Stryker disable next-line BlockStatement: equivalent, see GENERAL in tools/numbers.ts
          try {
            const value = this.#data.getInt8(start);
            this.#moveTo(start + 1);
            return value;
          } catch {
            // A view older than the memory: the slow path renews it.
          }
        }
        return this.#getSlow("getInt8", 1);
      }

      override writeInt8(value: number): void {
        let converted: number | undefined;
        let error: unknown;
        try {
          converted = +value;
          const start = this.#at();
          // Stryker disable next-line all: equivalent, see GENERAL in tools/numbers.ts
          if (start + 1 <= this.#view.byteLength) {
            this.#writeData.setInt8(start, converted);
            this.#moveTo(start + 1);
            return;
          }
        } catch (caught) {
          error = caught;
        }
        this.#setSlow("setInt8", 1, value, converted, error);
      }

      override readUint8(): number {
        const start = this.#at();
        // Stryker disable next-line all: equivalent, see GENERAL in tools/numbers.ts
        if (start + 1 <= this.#view.byteLength) {
          // Stryker disable next-line BlockStatement: equivalent, see GENERAL in tools/numbers.ts
          try {
            const value = this.#data.getUint8(start);
            this.#moveTo(start + 1);
            return value;
          } catch {
            // A view older than the memory: the slow path renews it.
          }
        }
        return this.#getSlow("getUint8", 1);
      }

      override writeUint8(value: number): void {
        let converted: number | undefined;
        let error: unknown;
        try {
          converted = +value;
          const start = this.#at();
          // Stryker disable next-line all: equivalent, see GENERAL in tools/numbers.ts
          if (start + 1 <= this.#view.byteLength) {
            this.#writeData.setUint8(start, converted);
            this.#moveTo(start + 1);
            return;
          }
        } catch (caught) {
          error = caught;
        }
        this.#setSlow("setUint8", 1, value, converted, error);
      }

      override readInt16(littleEndian?: boolean): number {
        const start = this.#at();
        // Stryker disable next-line all: equivalent, see GENERAL in tools/numbers.ts
        if (start + 2 <= this.#view.byteLength) {
          // Stryker disable next-line BlockStatement: equivalent, see GENERAL in tools/numbers.ts
          try {
            const value = this.#data.getInt16(start, littleEndian);
            this.#moveTo(start + 2);
            return value;
          } catch {
            // A view older than the memory: the slow path renews it.
          }
        }
        return this.#getSlow("getInt16", 2, littleEndian);
      }

      override writeInt16(value: number, littleEndian?: boolean): void {
        let converted: number | undefined;
        let error: unknown;
        try {
          converted = +value;
          const start = this.#at();
          // Stryker disable next-line all: equivalent, see GENERAL in tools/numbers.ts
          if (start + 2 <= this.#view.byteLength) {
            this.#writeData.setInt16(start, converted, littleEndian);
            this.#moveTo(start + 2);
            return;
          }
        } catch (caught) {
          error = caught;
        }
        this.#setSlow("setInt16", 2, value, converted, error, littleEndian);
      }

      override readUint16(littleEndian?: boolean): number {
        const start = this.#at();
        // Stryker disable next-line all: equivalent, see GENERAL in tools/numbers.ts
        if (start + 2 <= this.#view.byteLength) {
          // Stryker disable next-line BlockStatement: equivalent, see GENERAL in tools/numbers.ts
          try {
            const value = this.#data.getUint16(start, littleEndian);
            this.#moveTo(start + 2);
            return value;
          } catch {
            // A view older than the memory: the slow path renews it.
          }
        }
        return this.#getSlow("getUint16", 2, littleEndian);
      }

      override writeUint16(value: number, littleEndian?: boolean): void {
        let converted: number | undefined;
        let error: unknown;
        try {
          converted = +value;
          const start = this.#at();
          // Stryker disable next-line all: equivalent, see GENERAL in tools/numbers.ts
          if (start + 2 <= this.#view.byteLength) {
            this.#writeData.setUint16(start, converted, littleEndian);
            this.#moveTo(start + 2);
            return;
          }
        } catch (caught) {
          error = caught;
        }
        this.#setSlow("setUint16", 2, value, converted, error, littleEndian);
      }

      override readInt32(littleEndian?: boolean): number {
        const start = this.#at();
        // Stryker disable next-line all: equivalent, see GENERAL in tools/numbers.ts
        if (start + 4 <= this.#view.byteLength) {
          // Stryker disable next-line BlockStatement: equivalent, see GENERAL in tools/numbers.ts
          try {
            const value = this.#data.getInt32(start, littleEndian);
            this.#moveTo(start + 4);
            return value;
          } catch {
            // A view older than the memory: the slow path renews it.
          }
        }
        return this.#getSlow("getInt32", 4, littleEndian);
      }

      override writeInt32(value: number, littleEndian?: boolean): void {
        let converted: number | undefined;
        let error: unknown;
        try {
          converted = +value;
          const start = this.#at();
          // Stryker disable next-line all: equivalent, see GENERAL in tools/numbers.ts
          if (start + 4 <= this.#view.byteLength) {
            this.#writeData.setInt32(start, converted, littleEndian);
            this.#moveTo(start + 4);
            return;
          }
        } catch (caught) {
          error = caught;
        }
        this.#setSlow("setInt32", 4, value, converted, error, littleEndian);
      }

      override readUint32(littleEndian?: boolean): number {
        const start = this.#at();
        // Stryker disable next-line all: equivalent, see GENERAL in tools/numbers.ts
        if (start + 4 <= this.#view.byteLength) {
          // Stryker disable next-line BlockStatement: equivalent, see GENERAL in tools/numbers.ts
          try {
            const value = this.#data.getUint32(start, littleEndian);
            this.#moveTo(start + 4);
            return value;
          } catch {
            // A view older than the memory: the slow path renews it.
          }
        }
        return this.#getSlow("getUint32", 4, littleEndian);
      }

      override writeUint32(value: number, littleEndian?: boolean): void {
        let converted: number | undefined;
        let error: unknown;
        try {
          converted = +value;
          const start = this.#at();
          // Stryker disable next-line all: equivalent, see GENERAL in tools/numbers.ts
          if (start + 4 <= this.#view.byteLength) {
            this.#writeData.setUint32(start, converted, littleEndian);
            this.#moveTo(start + 4);
            return;
          }
        } catch (caught) {
          error = caught;
        }
        this.#setSlow("setUint32", 4, value, converted, error, littleEndian);
      }

      override readBigInt64(littleEndian?: boolean): bigint {
        const start = this.#at();
        // Stryker disable next-line all: equivalent, see GENERAL in tools/numbers.ts
        if (start + 8 <= this.#view.byteLength) {
          // Stryker disable next-line BlockStatement: equivalent, see GENERAL in tools/numbers.ts
          try {
            const value = this.#data.getBigInt64(start, littleEndian);
            this.#moveTo(start + 8);
            return value;
          } catch {
            // A view older than the memory: the slow path renews it.
          }
        }
        return this.#getSlow("getBigInt64", 8, littleEndian);
      }

      override writeBigInt64(value: bigint, littleEndian?: boolean): void {
        let converted: bigint | undefined;
        let error: unknown;
        try {
          converted = BigInt.asIntN(64, value);
          const start = this.#at();
          // Stryker disable next-line all: equivalent, see GENERAL in tools/numbers.ts
          if (start + 8 <= this.#view.byteLength) {
            this.#writeData.setBigInt64(start, converted, littleEndian);
            this.#moveTo(start + 8);
            return;
          }
        } catch (caught) {
          error = caught;
        }
        this.#setSlow("setBigInt64", 8, value, converted, error, littleEndian);
      }

      override readBigUint64(littleEndian?: boolean): bigint {
        const start = this.#at();
        // Stryker disable next-line all: equivalent, see GENERAL in tools/numbers.ts
        if (start + 8 <= this.#view.byteLength) {
          // Stryker disable next-line BlockStatement: equivalent, see GENERAL in tools/numbers.ts
          try {
            const value = this.#data.getBigUint64(start, littleEndian);
            this.#moveTo(start + 8);
            return value;
          } catch {
            // A view older than the memory: the slow path renews it.
          }
        }
        return this.#getSlow("getBigUint64", 8, littleEndian);
      }

      override writeBigUint64(value: bigint, littleEndian?: boolean): void {
        let converted: bigint | undefined;
        let error: unknown;
        try {
          converted = BigInt.asUintN(64, value);
          const start = this.#at();
          // Stryker disable next-line all: equivalent, see GENERAL in tools/numbers.ts
          if (start + 8 <= this.#view.byteLength) {
            this.#writeData.setBigUint64(start, converted, littleEndian);
            this.#moveTo(start + 8);
            return;
          }
        } catch (caught) {
          error = caught;
        }
        this.#setSlow("setBigUint64", 8, value, converted, error, littleEndian);
      }

      override readFloat16(littleEndian?: boolean): number {
        const start = this.#at();
        // Stryker disable next-line all: equivalent, see GENERAL in tools/numbers.ts
        if (start + 2 <= this.#view.byteLength) {
          // Stryker disable next-line BlockStatement: equivalent, see GENERAL in tools/numbers.ts
          try {
            const value = this.#data.getFloat16(start, littleEndian);
            this.#moveTo(start + 2);
            return value;
          } catch {
            // A view older than the memory: the slow path renews it.
          }
        }
        return this.#getSlow("getFloat16", 2, littleEndian);
      }

      override writeFloat16(value: number, littleEndian?: boolean): void {
        let converted: number | undefined;
        let error: unknown;
        try {
          converted = +value;
          const start = this.#at();
          // Stryker disable next-line all: equivalent, see GENERAL in tools/numbers.ts
          if (start + 2 <= this.#view.byteLength) {
            this.#writeData.setFloat16(start, converted, littleEndian);
            this.#moveTo(start + 2);
            return;
          }
        } catch (caught) {
          error = caught;
        }
        this.#setSlow("setFloat16", 2, value, converted, error, littleEndian);
      }

      override readFloat32(littleEndian?: boolean): number {
        const start = this.#at();
        // Stryker disable next-line all: equivalent, see GENERAL in tools/numbers.ts
        if (start + 4 <= this.#view.byteLength) {
          // Stryker disable next-line BlockStatement: equivalent, see GENERAL in tools/numbers.ts
          try {
            const value = this.#data.getFloat32(start, littleEndian);
            this.#moveTo(start + 4);
            return value;
          } catch {
            // A view older than the memory: the slow path renews it.
          }
        }
        return this.#getSlow("getFloat32", 4, littleEndian);
      }

      override writeFloat32(value: number, littleEndian?: boolean): void {
        let converted: number | undefined;
        let error: unknown;
        try {
          converted = +value;
          const start = this.#at();
          // Stryker disable next-line all: equivalent, see GENERAL in tools/numbers.ts
          if (start + 4 <= this.#view.byteLength) {
            this.#writeData.setFloat32(start, converted, littleEndian);
            this.#moveTo(start + 4);
            return;
          }
        } catch (caught) {
          error = caught;
        }
        this.#setSlow("setFloat32", 4, value, converted, error, littleEndian);
      }

      override readFloat64(littleEndian?: boolean): number {
        const start = this.#at();
        // Stryker disable next-line all: equivalent, see GENERAL in tools/numbers.ts
        if (start + 8 <= this.#view.byteLength) {
          // Stryker disable next-line BlockStatement: equivalent, see GENERAL in tools/numbers.ts
          try {
            const value = this.#data.getFloat64(start, littleEndian);
            this.#moveTo(start + 8);
            return value;
          } catch {
            // A view older than the memory: the slow path renews it.
          }
        }
        return this.#getSlow("getFloat64", 8, littleEndian);
      }

      override writeFloat64(value: number, littleEndian?: boolean): void {
        let converted: number | undefined;
        let error: unknown;
        try {
          converted = +value;
          const start = this.#at();
          // Stryker disable next-line all: equivalent, see GENERAL in tools/numbers.ts
          if (start + 8 <= this.#view.byteLength) {
            this.#writeData.setFloat64(start, converted, littleEndian);
            this.#moveTo(start + 8);
            return;
          }
        } catch (caught) {
          error = caught;
        }
        this.#setSlow("setFloat64", 8, value, converted, error, littleEndian);
      }
    }
    // `constructor` stays `Cursor`, as for every other cursor.
    Object.defineProperty(General.prototype, "constructor", {
      value: Cursor,
      writable: true,
      configurable: true,
    });
    GENERAL = General;
    /**
     * The class of a cursor over a WebAssembly memory: the constructor
     * makes one of these for it. See tools/numbers.ts.
     */
    class Memory extends General {
      override readInt8(): number {
        const state = this.#state;
        const start = state[0]!;
        // Stryker disable next-line all: equivalent, see MEMORY in tools/numbers.ts
        if (start + 1 <= this.#view.byteLength) {
          // Stryker disable next-line BlockStatement: equivalent, see MEMORY in tools/numbers.ts
          try {
            const value = this.#data.getInt8(start);
            state[0] = start + 1;
            return value;
          } catch {
            // Past the view's 2 GiB, or closed: the slow path sees to it.
          }
        }
        return this.#getSlow("getInt8", 1);
      }

      override writeInt8(value: number): void {
        const state = this.#state;
        const start = state[0]!;
        let converted: number | undefined;
        let error: unknown;
        try {
          converted = +value;
          // Stryker disable next-line all: equivalent, see MEMORY in tools/numbers.ts
          if (start + 1 <= this.#view.byteLength) {
            this.#writeData.setInt8(start, converted);
            state[0] = start + 1;
            return;
          }
        } catch (caught) {
          error = caught;
        }
        this.#setSlow("setInt8", 1, value, converted, error);
      }

      override readUint8(): number {
        const state = this.#state;
        const start = state[0]!;
        // Stryker disable next-line all: equivalent, see MEMORY in tools/numbers.ts
        if (start + 1 <= this.#view.byteLength) {
          // Stryker disable next-line BlockStatement: equivalent, see MEMORY in tools/numbers.ts
          try {
            const value = this.#data.getUint8(start);
            state[0] = start + 1;
            return value;
          } catch {
            // Past the view's 2 GiB, or closed: the slow path sees to it.
          }
        }
        return this.#getSlow("getUint8", 1);
      }

      override writeUint8(value: number): void {
        const state = this.#state;
        const start = state[0]!;
        let converted: number | undefined;
        let error: unknown;
        try {
          converted = +value;
          // Stryker disable next-line all: equivalent, see MEMORY in tools/numbers.ts
          if (start + 1 <= this.#view.byteLength) {
            this.#writeData.setUint8(start, converted);
            state[0] = start + 1;
            return;
          }
        } catch (caught) {
          error = caught;
        }
        this.#setSlow("setUint8", 1, value, converted, error);
      }

      override readInt16(littleEndian?: boolean): number {
        const state = this.#state;
        const start = state[0]!;
        // Stryker disable next-line all: equivalent, see MEMORY in tools/numbers.ts
        if (start + 2 <= this.#view.byteLength) {
          // Stryker disable next-line BlockStatement: equivalent, see MEMORY in tools/numbers.ts
          try {
            const value = this.#data.getInt16(start, littleEndian);
            state[0] = start + 2;
            return value;
          } catch {
            // Past the view's 2 GiB, or closed: the slow path sees to it.
          }
        }
        return this.#getSlow("getInt16", 2, littleEndian);
      }

      override writeInt16(value: number, littleEndian?: boolean): void {
        const state = this.#state;
        const start = state[0]!;
        let converted: number | undefined;
        let error: unknown;
        try {
          converted = +value;
          // Stryker disable next-line all: equivalent, see MEMORY in tools/numbers.ts
          if (start + 2 <= this.#view.byteLength) {
            this.#writeData.setInt16(start, converted, littleEndian);
            state[0] = start + 2;
            return;
          }
        } catch (caught) {
          error = caught;
        }
        this.#setSlow("setInt16", 2, value, converted, error, littleEndian);
      }

      override readUint16(littleEndian?: boolean): number {
        const state = this.#state;
        const start = state[0]!;
        // Stryker disable next-line all: equivalent, see MEMORY in tools/numbers.ts
        if (start + 2 <= this.#view.byteLength) {
          // Stryker disable next-line BlockStatement: equivalent, see MEMORY in tools/numbers.ts
          try {
            const value = this.#data.getUint16(start, littleEndian);
            state[0] = start + 2;
            return value;
          } catch {
            // Past the view's 2 GiB, or closed: the slow path sees to it.
          }
        }
        return this.#getSlow("getUint16", 2, littleEndian);
      }

      override writeUint16(value: number, littleEndian?: boolean): void {
        const state = this.#state;
        const start = state[0]!;
        let converted: number | undefined;
        let error: unknown;
        try {
          converted = +value;
          // Stryker disable next-line all: equivalent, see MEMORY in tools/numbers.ts
          if (start + 2 <= this.#view.byteLength) {
            this.#writeData.setUint16(start, converted, littleEndian);
            state[0] = start + 2;
            return;
          }
        } catch (caught) {
          error = caught;
        }
        this.#setSlow("setUint16", 2, value, converted, error, littleEndian);
      }

      override readInt32(littleEndian?: boolean): number {
        const state = this.#state;
        const start = state[0]!;
        // Stryker disable next-line all: equivalent, see MEMORY in tools/numbers.ts
        if (start + 4 <= this.#view.byteLength) {
          // Stryker disable next-line BlockStatement: equivalent, see MEMORY in tools/numbers.ts
          try {
            const value = this.#data.getInt32(start, littleEndian);
            state[0] = start + 4;
            return value;
          } catch {
            // Past the view's 2 GiB, or closed: the slow path sees to it.
          }
        }
        return this.#getSlow("getInt32", 4, littleEndian);
      }

      override writeInt32(value: number, littleEndian?: boolean): void {
        const state = this.#state;
        const start = state[0]!;
        let converted: number | undefined;
        let error: unknown;
        try {
          converted = +value;
          // Stryker disable next-line all: equivalent, see MEMORY in tools/numbers.ts
          if (start + 4 <= this.#view.byteLength) {
            this.#writeData.setInt32(start, converted, littleEndian);
            state[0] = start + 4;
            return;
          }
        } catch (caught) {
          error = caught;
        }
        this.#setSlow("setInt32", 4, value, converted, error, littleEndian);
      }

      override readUint32(littleEndian?: boolean): number {
        const state = this.#state;
        const start = state[0]!;
        // Stryker disable next-line all: equivalent, see MEMORY in tools/numbers.ts
        if (start + 4 <= this.#view.byteLength) {
          // Stryker disable next-line BlockStatement: equivalent, see MEMORY in tools/numbers.ts
          try {
            const value = this.#data.getUint32(start, littleEndian);
            state[0] = start + 4;
            return value;
          } catch {
            // Past the view's 2 GiB, or closed: the slow path sees to it.
          }
        }
        return this.#getSlow("getUint32", 4, littleEndian);
      }

      override writeUint32(value: number, littleEndian?: boolean): void {
        const state = this.#state;
        const start = state[0]!;
        let converted: number | undefined;
        let error: unknown;
        try {
          converted = +value;
          // Stryker disable next-line all: equivalent, see MEMORY in tools/numbers.ts
          if (start + 4 <= this.#view.byteLength) {
            this.#writeData.setUint32(start, converted, littleEndian);
            state[0] = start + 4;
            return;
          }
        } catch (caught) {
          error = caught;
        }
        this.#setSlow("setUint32", 4, value, converted, error, littleEndian);
      }

      override readBigInt64(littleEndian?: boolean): bigint {
        const state = this.#state;
        const start = state[0]!;
        // Stryker disable next-line all: equivalent, see MEMORY in tools/numbers.ts
        if (start + 8 <= this.#view.byteLength) {
          // Stryker disable next-line BlockStatement: equivalent, see MEMORY in tools/numbers.ts
          try {
            const value = this.#data.getBigInt64(start, littleEndian);
            state[0] = start + 8;
            return value;
          } catch {
            // Past the view's 2 GiB, or closed: the slow path sees to it.
          }
        }
        return this.#getSlow("getBigInt64", 8, littleEndian);
      }

      override writeBigInt64(value: bigint, littleEndian?: boolean): void {
        const state = this.#state;
        const start = state[0]!;
        let converted: bigint | undefined;
        let error: unknown;
        try {
          converted = BigInt.asIntN(64, value);
          // Stryker disable next-line all: equivalent, see MEMORY in tools/numbers.ts
          if (start + 8 <= this.#view.byteLength) {
            this.#writeData.setBigInt64(start, converted, littleEndian);
            state[0] = start + 8;
            return;
          }
        } catch (caught) {
          error = caught;
        }
        this.#setSlow("setBigInt64", 8, value, converted, error, littleEndian);
      }

      override readBigUint64(littleEndian?: boolean): bigint {
        const state = this.#state;
        const start = state[0]!;
        // Stryker disable next-line all: equivalent, see MEMORY in tools/numbers.ts
        if (start + 8 <= this.#view.byteLength) {
          // Stryker disable next-line BlockStatement: equivalent, see MEMORY in tools/numbers.ts
          try {
            const value = this.#data.getBigUint64(start, littleEndian);
            state[0] = start + 8;
            return value;
          } catch {
            // Past the view's 2 GiB, or closed: the slow path sees to it.
          }
        }
        return this.#getSlow("getBigUint64", 8, littleEndian);
      }

      override writeBigUint64(value: bigint, littleEndian?: boolean): void {
        const state = this.#state;
        const start = state[0]!;
        let converted: bigint | undefined;
        let error: unknown;
        try {
          converted = BigInt.asUintN(64, value);
          // Stryker disable next-line all: equivalent, see MEMORY in tools/numbers.ts
          if (start + 8 <= this.#view.byteLength) {
            this.#writeData.setBigUint64(start, converted, littleEndian);
            state[0] = start + 8;
            return;
          }
        } catch (caught) {
          error = caught;
        }
        this.#setSlow("setBigUint64", 8, value, converted, error, littleEndian);
      }

      override readFloat16(littleEndian?: boolean): number {
        const state = this.#state;
        const start = state[0]!;
        // Stryker disable next-line all: equivalent, see MEMORY in tools/numbers.ts
        if (start + 2 <= this.#view.byteLength) {
          // Stryker disable next-line BlockStatement: equivalent, see MEMORY in tools/numbers.ts
          try {
            const value = this.#data.getFloat16(start, littleEndian);
            state[0] = start + 2;
            return value;
          } catch {
            // Past the view's 2 GiB, or closed: the slow path sees to it.
          }
        }
        return this.#getSlow("getFloat16", 2, littleEndian);
      }

      override writeFloat16(value: number, littleEndian?: boolean): void {
        const state = this.#state;
        const start = state[0]!;
        let converted: number | undefined;
        let error: unknown;
        try {
          converted = +value;
          // Stryker disable next-line all: equivalent, see MEMORY in tools/numbers.ts
          if (start + 2 <= this.#view.byteLength) {
            this.#writeData.setFloat16(start, converted, littleEndian);
            state[0] = start + 2;
            return;
          }
        } catch (caught) {
          error = caught;
        }
        this.#setSlow("setFloat16", 2, value, converted, error, littleEndian);
      }

      override readFloat32(littleEndian?: boolean): number {
        const state = this.#state;
        const start = state[0]!;
        // Stryker disable next-line all: equivalent, see MEMORY in tools/numbers.ts
        if (start + 4 <= this.#view.byteLength) {
          // Stryker disable next-line BlockStatement: equivalent, see MEMORY in tools/numbers.ts
          try {
            const value = this.#data.getFloat32(start, littleEndian);
            state[0] = start + 4;
            return value;
          } catch {
            // Past the view's 2 GiB, or closed: the slow path sees to it.
          }
        }
        return this.#getSlow("getFloat32", 4, littleEndian);
      }

      override writeFloat32(value: number, littleEndian?: boolean): void {
        const state = this.#state;
        const start = state[0]!;
        let converted: number | undefined;
        let error: unknown;
        try {
          converted = +value;
          // Stryker disable next-line all: equivalent, see MEMORY in tools/numbers.ts
          if (start + 4 <= this.#view.byteLength) {
            this.#writeData.setFloat32(start, converted, littleEndian);
            state[0] = start + 4;
            return;
          }
        } catch (caught) {
          error = caught;
        }
        this.#setSlow("setFloat32", 4, value, converted, error, littleEndian);
      }

      override readFloat64(littleEndian?: boolean): number {
        const state = this.#state;
        const start = state[0]!;
        // Stryker disable next-line all: equivalent, see MEMORY in tools/numbers.ts
        if (start + 8 <= this.#view.byteLength) {
          // Stryker disable next-line BlockStatement: equivalent, see MEMORY in tools/numbers.ts
          try {
            const value = this.#data.getFloat64(start, littleEndian);
            state[0] = start + 8;
            return value;
          } catch {
            // Past the view's 2 GiB, or closed: the slow path sees to it.
          }
        }
        return this.#getSlow("getFloat64", 8, littleEndian);
      }

      override writeFloat64(value: number, littleEndian?: boolean): void {
        const state = this.#state;
        const start = state[0]!;
        let converted: number | undefined;
        let error: unknown;
        try {
          converted = +value;
          // Stryker disable next-line all: equivalent, see MEMORY in tools/numbers.ts
          if (start + 8 <= this.#view.byteLength) {
            this.#writeData.setFloat64(start, converted, littleEndian);
            state[0] = start + 8;
            return;
          }
        } catch (caught) {
          error = caught;
        }
        this.#setSlow("setFloat64", 8, value, converted, error, littleEndian);
      }
    }
    Object.defineProperty(Memory.prototype, "constructor", {
      value: Cursor,
      writable: true,
      configurable: true,
    });
    MEMORY = Memory;
  }
  // #endregion
}
