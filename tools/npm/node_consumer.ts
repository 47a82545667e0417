// The Node recipes of the README as a TypeScript consumer of the packed
// package, type-checked by tools/npm/check.sh with `@types/node` and
// `lib: dom` together (their Web stream types differ) and with `@types/node`
// alone.

import { Cursor, type Reader } from "@iocursor/cursor";
import { type FileHandle, open } from "node:fs/promises";
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";

// A Buffer is a Uint8Array: the cursor reads and writes it in place.
const buffer = Buffer.alloc(8);
new Cursor(buffer).writeUint32(0xcafebabe);

// Web stream to Node stream: the one cast bridges the DOM and
// node:stream/web declarations of ReadableStream.
async function toNode(cursor: Cursor, sink: Writable): Promise<void> {
  await pipeline(Readable.fromWeb(cursor.readable as NodeReadableStream), sink);
}

// A file into the cursor's memory, as a Web stream (Node 20 needs
// `{ type: "bytes" }`, which newer @types/node no longer declare).
async function fromFile(path: string, cursor: Cursor): Promise<void> {
  await using file = await open(path);
  await file.readableWebStream().pipeTo(cursor.writable);
}

// A FileHandle is not a Reader: adapt it, and readFrom reads straight into
// the cursor's memory.
function readerOf(file: FileHandle): Reader {
  return {
    async read(p: Uint8Array): Promise<number | null> {
      const { bytesRead } = await file.read(p, 0, p.byteLength);
      return bytesRead === 0 && p.byteLength > 0 ? null : bytesRead;
    },
  };
}

// Node code checks `code`.
function isFull(error: unknown): boolean {
  return error instanceof Error && "code" in error &&
    error.code === "ERR_CURSOR_FULL";
}

export { buffer, fromFile, isFull, readerOf, toNode };
