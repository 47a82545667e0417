// A TypeScript consumer of the packed package, as a project outside Deno
// writes it: tools/npm/check.sh type-checks it with the oldest TypeScript the
// README promises and with the latest, against the tarball's .d.ts files.
// Only syntax and lib types that TypeScript 5.2 knows may appear here.

import {
  type Closer,
  Cursor,
  CursorClosedError,
  CursorFullError,
  type CursorOptions,
  CursorReadOnlyError,
  type CursorSource,
  type Reader,
  type ReaderSync,
  type Seeker,
  type SeekerSync,
  SeekMode,
  UnexpectedEofError,
  type Writer,
  type WriterSync,
} from "@iocursor/cursor";

/** Declared as in `lib.deno.ns.d.ts`; `SeekMode` must match it both ways. */
declare namespace Deno {
  enum SeekMode {
    Start = 0,
    Current = 1,
    End = 2,
  }
}

const options: CursorOptions = { readOnly: false };
const sources: CursorSource[] = [
  new Uint8Array(2),
  new Int16Array(1),
  new DataView(new ArrayBuffer(2)),
  new ArrayBuffer(2),
  new SharedArrayBuffer(2),
];
const file:
  & Reader
  & ReaderSync
  & Writer
  & WriterSync
  & Seeker
  & SeekerSync
  & Closer = new Cursor(sources[0]!, options);
const read: number | null = file.readSync(new Uint8Array(1));
const written: Promise<number> = file.write(new Uint8Array(1));
const moved: number = file.seekSync(1n, Deno.SeekMode.End);
const mode: Deno.SeekMode = SeekMode.Current;
const cursor = new Cursor(new Uint8Array(1));
const state: [number, number, number, boolean, boolean, Uint8Array] = [
  cursor.position,
  cursor.byteLength,
  cursor.remaining,
  cursor.closed,
  cursor.readOnly,
  cursor.bytes(),
];

// Views, exact and positional I/O, typed numbers.
const views: [Uint8Array, Uint8Array, Uint8Array, Uint8Array | null] = [
  cursor.peek(1),
  cursor.take(1),
  cursor.remainder(),
  cursor.readUntil(0x0a),
];
const own = new Uint8Array(new ArrayBuffer(1));
const exact: typeof own = cursor.readExactSync(own);
const positional: [number | null, Promise<number>] = [
  cursor.readAtSync(new Uint8Array(1), 0n),
  cursor.writeAt(new Uint8Array(1), 0),
];
const numbers: [number, bigint, number] = [
  cursor.readUint32(true),
  cursor.readBigInt64(),
  cursor.readFloat16(),
];
cursor.writeBigUint64(1n, true);
// @ts-expect-error: a 64-bit write takes a bigint
cursor.writeBigInt64(1);

// Errors: classes, fields and codes that narrow to literal types.
const errors: Error[] = [
  new CursorClosedError("read"),
  new CursorReadOnlyError("write"),
];
const full: RangeError = new CursorFullError("write", 2, 1);
const { requested, available }: { requested: number; available: number } =
  new CursorFullError("write", 2, 1);
const eof: RangeError = new UnexpectedEofError("read exactly", 2, 1);
const codes: [
  "ERR_CURSOR_CLOSED",
  "ERR_CURSOR_READ_ONLY",
  "ERR_CURSOR_FULL",
  "ERR_UNEXPECTED_EOF",
] = [
  new CursorClosedError("read").code,
  new CursorReadOnlyError("write").code,
  new CursorFullError("write", 2, 1).code,
  new UnexpectedEofError("read exactly", 2, 1).code,
];

// Streams and copy paths: chunks of `readable` are usable wherever a
// BufferSource is taken, on every TypeScript version.
const body: ReadableStream<Uint8Array> = cursor.readable;
const sink: WritableStream<Uint8Array> = cursor.writable;
const response = new Response(cursor.readable);
async function digest(): Promise<[ArrayBuffer, Blob]> {
  const { value = own } = await cursor.readable.getReader().read();
  return [await crypto.subtle.digest("SHA-256", value), new Blob([value])];
}
const copied: [number, Promise<number>] = [
  cursor.writeToSync(new Cursor(new Uint8Array(1))),
  cursor.readFrom(new Cursor(new Uint8Array(1))),
];
cursor[Symbol.dispose]();

export {
  available,
  body,
  codes,
  copied,
  digest,
  eof,
  errors,
  exact,
  full,
  mode,
  moved,
  numbers,
  positional,
  read,
  requested,
  response,
  sink,
  state,
  views,
  written,
};
