/**
 * A zero-copy, file-like cursor over borrowed bytes.
 *
 * {@linkcode Cursor} wraps a `Uint8Array` (or any typed array, `DataView`,
 * `ArrayBuffer` or `SharedArrayBuffer`) without copying it, and implements the
 * {@linkcode Reader}, {@linkcode ReaderSync}, {@linkcode Writer},
 * {@linkcode WriterSync}, {@linkcode Seeker}, {@linkcode SeekerSync} and
 * {@linkcode Closer} interfaces of `@std/io` and `Deno.FsFile`. Writes land in
 * the caller's memory; nothing is ever reallocated (a resizable `ArrayBuffer`
 * grows in place).
 *
 * For parsing, {@linkcode Cursor.prototype.peek | peek()},
 * {@linkcode Cursor.prototype.take | take()} and
 * {@linkcode Cursor.prototype.readUntil | readUntil()} return views of the
 * memory instead of copies, {@linkcode Cursor.prototype.readExact | readExact()}
 * reads all or nothing, {@linkcode Cursor.prototype.readAt | readAt()} and
 * {@linkcode Cursor.prototype.writeAt | writeAt()} leave the position alone,
 * typed reads and writes such as
 * {@linkcode Cursor.prototype.readUint32 | readUint32()} follow `DataView`,
 * and varints such as
 * {@linkcode Cursor.prototype.readVarUint32 | readVarUint32()} read and write
 * the LEB128 and zigzag integers of Protocol Buffers, WebAssembly and DWARF.
 * {@linkcode Cursor.prototype.readable | readable} and
 * {@linkcode Cursor.prototype.writable | writable} speak Web Streams, and
 * {@linkcode Cursor.prototype.writeTo | writeTo()} and
 * {@linkcode Cursor.prototype.readFrom | readFrom()} copy to and from other
 * readers and writers without a scratch buffer.
 *
 * @example Read, seek and write in the caller's memory
 * ```ts
 * import { Cursor, SeekMode } from "@iocursor/cursor";
 * import assert from "node:assert/strict";
 *
 * const memory = new TextEncoder().encode("hello world");
 * const cursor = new Cursor(memory);
 *
 * cursor.seekSync(6, SeekMode.Start);
 * cursor.writeSync(new TextEncoder().encode("there"));
 * assert.equal(new TextDecoder().decode(memory), "hello there");
 *
 * cursor.seekSync(0, SeekMode.Start);
 * const word = new Uint8Array(5);
 * assert.equal(cursor.readSync(word), 5);
 * assert.equal(new TextDecoder().decode(word), "hello");
 * ```
 *
 * @module
 */

export { Cursor, type CursorOptions, type CursorSource } from "./cursor.ts";
export {
  CursorClosedError,
  CursorFullError,
  CursorReadOnlyError,
  UnexpectedEofError,
} from "./errors.ts";
export { SeekMode } from "./seeker.ts";
export type * from "./types.ts";
