/**
 * The Web Streams of a cursor, built on its public methods only.
 *
 * @module
 */

import { isBytes, notUint8Array } from "./_checks.ts";
import type { Closer, ReaderSync, WriterSync } from "./types.ts";

/** The size of the chunks a default reader of `Cursor.readable` gets. */
const CHUNK_SIZE = 65_536;

/**
 * Makes the readable byte stream of `cursor`: each pull copies from the
 * position into the reader's view and advances; the end or a cancel closes
 * the cursor.
 *
 * @param cursor The cursor to read from.
 * @returns A stream of type `"bytes"`.
 */
export function readableOf(
  cursor: ReaderSync & Closer,
): ReadableStream<Uint8Array<ArrayBuffer>> {
  return new ReadableStream({
    type: "bytes",
    // With a chunk size every pull has a BYOB request, even for a default
    // reader, so there is one code path and it never enqueues.
    autoAllocateChunkSize: CHUNK_SIZE,
    pull(controller): void {
      const request = controller.byobRequest as ReadableStreamBYOBRequest;
      // The request's view is a Uint8Array over the reader's buffer, offset
      // by what is already filled. Copying into it (one memmove) instead of
      // enqueueing a view of the cursor's memory keeps the caller's buffer
      // attached: enqueue() would transfer it.
      const count = cursor.readSync(request.view as Uint8Array<ArrayBuffer>);
      if (count === null) {
        cursor.close();
        controller.close();
        request.respond(0);
      } else {
        request.respond(count);
      }
    },
    cancel(): void {
      cursor.close();
    },
  });
}

/**
 * Makes the writable stream of `cursor`: each chunk is written at the
 * position with `writeSync` (all or nothing); closing or aborting the stream
 * closes the cursor.
 *
 * @param cursor The cursor to write to.
 * @returns A stream of `Uint8Array` chunks.
 */
export function writableOf(
  cursor: WriterSync & Closer,
): WritableStream<Uint8Array> {
  return new WritableStream({
    write(chunk: unknown): void {
      if (!isBytes(chunk)) throw notUint8Array("write", "chunk", chunk);
      // writeSync copies the chunk, so the stream may reuse or transfer it.
      cursor.writeSync(chunk);
    },
    close(): void {
      cursor.close();
    },
    abort(): void {
      cursor.close();
    },
  });
}
