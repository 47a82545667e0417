/**
 * Structural I/O interfaces with the same shapes as `@std/io/types` and the
 * `Deno` namespace, declared here so the package has no dependencies.
 *
 * @module
 */

import type { SeekMode } from "./seeker.ts";

/**
 * An asynchronous source of bytes, shaped like `Reader` in `@std/io`.
 *
 * @example Read from a cursor through the interface
 * ```ts
 * import { Cursor, type Reader } from "@iocursor/cursor";
 * import assert from "node:assert/strict";
 *
 * const reader: Reader = new Cursor(new Uint8Array([1, 2, 3]));
 * const p = new Uint8Array(8);
 * assert.equal(await reader.read(p), 3);
 * assert.equal(await reader.read(p), null);
 * ```
 */
export interface Reader {
  /**
   * Reads up to `p.byteLength` bytes into `p`.
   *
   * @param p The buffer to fill.
   * @returns The number of bytes read, or `null` at the end of the data.
   */
  read(p: Uint8Array): Promise<number | null>;
}

/**
 * A synchronous source of bytes, shaped like `ReaderSync` in `@std/io`.
 *
 * @example Read from a cursor through the interface
 * ```ts
 * import { Cursor, type ReaderSync } from "@iocursor/cursor";
 * import assert from "node:assert/strict";
 *
 * const reader: ReaderSync = new Cursor(new Uint8Array([1, 2, 3]));
 * const p = new Uint8Array(2);
 * assert.equal(reader.readSync(p), 2);
 * assert.deepEqual(p, new Uint8Array([1, 2]));
 * ```
 */
export interface ReaderSync {
  /**
   * Reads up to `p.byteLength` bytes into `p`.
   *
   * @param p The buffer to fill.
   * @returns The number of bytes read, or `null` at the end of the data.
   */
  readSync(p: Uint8Array): number | null;
}

/**
 * An asynchronous sink of bytes, shaped like `Writer` in `@std/io`.
 *
 * @example Write into a cursor through the interface
 * ```ts
 * import { Cursor, type Writer } from "@iocursor/cursor";
 * import assert from "node:assert/strict";
 *
 * const memory = new Uint8Array(4);
 * const writer: Writer = new Cursor(memory);
 * assert.equal(await writer.write(new Uint8Array([7, 8])), 2);
 * assert.deepEqual(memory, new Uint8Array([7, 8, 0, 0]));
 * ```
 */
export interface Writer {
  /**
   * Writes bytes from `p`.
   *
   * @param p The bytes to write.
   * @returns The number of bytes written.
   */
  write(p: Uint8Array): Promise<number>;
}

/**
 * A synchronous sink of bytes, shaped like `WriterSync` in `@std/io`.
 *
 * @example Write into a cursor through the interface
 * ```ts
 * import { Cursor, type WriterSync } from "@iocursor/cursor";
 * import assert from "node:assert/strict";
 *
 * const memory = new Uint8Array(4);
 * const writer: WriterSync = new Cursor(memory);
 * assert.equal(writer.writeSync(new Uint8Array([7, 8])), 2);
 * assert.deepEqual(memory, new Uint8Array([7, 8, 0, 0]));
 * ```
 */
export interface WriterSync {
  /**
   * Writes bytes from `p`.
   *
   * @param p The bytes to write.
   * @returns The number of bytes written.
   */
  writeSync(p: Uint8Array): number;
}

/**
 * Something that moves its position asynchronously, shaped like `Seeker` in
 * `@std/io`.
 *
 * @example Seek a cursor through the interface
 * ```ts
 * import { Cursor, type Seeker, SeekMode } from "@iocursor/cursor";
 * import assert from "node:assert/strict";
 *
 * const seeker: Seeker = new Cursor(new Uint8Array(10));
 * assert.equal(await seeker.seek(-4, SeekMode.End), 6);
 * ```
 */
export interface Seeker {
  /**
   * Moves the position to `offset` relative to `whence`.
   *
   * @param offset The distance to move, in bytes.
   * @param whence What `offset` is relative to.
   * @returns The new position, counted from the start.
   */
  seek(offset: number | bigint, whence: SeekMode): Promise<number>;
}

/**
 * Something that moves its position synchronously, shaped like `SeekerSync`
 * in `@std/io`.
 *
 * @example Seek a cursor through the interface
 * ```ts
 * import { Cursor, type SeekerSync, SeekMode } from "@iocursor/cursor";
 * import assert from "node:assert/strict";
 *
 * const seeker: SeekerSync = new Cursor(new Uint8Array(10));
 * assert.equal(seeker.seekSync(3, SeekMode.Start), 3);
 * assert.equal(seeker.seekSync(2, SeekMode.Current), 5);
 * ```
 */
export interface SeekerSync {
  /**
   * Moves the position to `offset` relative to `whence`.
   *
   * @param offset The distance to move, in bytes.
   * @param whence What `offset` is relative to.
   * @returns The new position, counted from the start.
   */
  seekSync(offset: number | bigint, whence: SeekMode): number;
}

/**
 * Something that can be closed, shaped like `Closer` in `@std/io`.
 *
 * @example Close a cursor through the interface
 * ```ts
 * import { Cursor, type Closer } from "@iocursor/cursor";
 * import assert from "node:assert/strict";
 *
 * const cursor = new Cursor(new Uint8Array(1));
 * const closer: Closer = cursor;
 * closer.close();
 * assert.equal(cursor.closed, true);
 * ```
 */
export interface Closer {
  /** Closes the resource. */
  close(): void;
}

/**
 * A `WebAssembly.Memory`, as a cursor uses it: every
 * `WebAssembly.Memory` is one, of this realm or another, shared or not.
 * Declared here so that the types need neither the DOM nor Node's types.
 *
 * @example Wrap a WebAssembly memory
 * ```ts
 * import { Cursor, type WebAssemblyMemory } from "@iocursor/cursor";
 * import assert from "node:assert/strict";
 *
 * const memory: WebAssemblyMemory = new WebAssembly.Memory({ initial: 1 });
 * assert.equal(new Cursor(memory).byteLength, 65_536);
 * ```
 */
export interface WebAssemblyMemory {
  /**
   * The memory's bytes now. A grow replaces it: the old buffer is detached,
   * or for a shared memory keeps its old length.
   */
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
  /**
   * Grows the memory by `delta` pages of 64 KiB.
   *
   * @param delta How many pages to add.
   * @returns The size before, in pages.
   * @throws {RangeError} Past the memory's maximum.
   */
  grow(delta: number): number;
}
