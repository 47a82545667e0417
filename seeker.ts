/**
 * {@linkcode SeekMode}: what a seek offset is relative to.
 *
 * @module
 */

/**
 * What a seek offset is relative to. The values match `SeekMode` in `@std/io`
 * and `Deno.SeekMode`, and values of either are accepted where this type is
 * expected (and the other way round).
 *
 * @example Seek relative to each origin
 * ```ts
 * import { Cursor, SeekMode } from "@iocursor/cursor";
 * import assert from "node:assert/strict";
 *
 * const cursor = new Cursor(new Uint8Array(10));
 * assert.equal(cursor.seekSync(4, SeekMode.Start), 4);
 * assert.equal(cursor.seekSync(-1, SeekMode.Current), 3);
 * assert.equal(cursor.seekSync(-2, SeekMode.End), 8);
 * ```
 */
export enum SeekMode {
  /** Relative to the first byte. */
  Start = 0,
  /** Relative to the current position. */
  Current = 1,
  /** Relative to the end of the data. */
  End = 2,
}
