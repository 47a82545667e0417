/**
 * Type-level checks: `deno test` type-checks this file, so a broken type
 * fails the run before any test starts. The runtime tests call through the
 * typed values so a check cannot be satisfied by a cast alone.
 */

import assert from "node:assert/strict";
import {
  type Closer,
  Cursor,
  type CursorFullError,
  type CursorOptions,
  type Reader,
  type ReaderSync,
  type Seeker,
  type SeekerSync,
  SeekMode,
  type UnexpectedEofError,
  type Writer,
  type WriterSync,
} from "@iocursor/cursor";
import { missing, requires } from "./_runtime_test_util.ts";

/** Everything a file-like value offers, as @std/io spells it. */
type FileLike =
  & Reader
  & ReaderSync
  & Writer
  & WriterSync
  & Seeker
  & SeekerSync
  & Closer;

/** `true` only when `A` and `B` are the same type. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends
  (<T>() => T extends B ? 1 : 2) ? true : false;

/** Compiles only when its type argument is `true`. */
function assertType<T extends true>(_proof?: T): void {}

// The interfaces have the exact shapes of @std/io/types.
assertType<Equal<Reader["read"], (p: Uint8Array) => Promise<number | null>>>();
assertType<Equal<ReaderSync["readSync"], (p: Uint8Array) => number | null>>();
assertType<Equal<Writer["write"], (p: Uint8Array) => Promise<number>>>();
assertType<Equal<WriterSync["writeSync"], (p: Uint8Array) => number>>();
assertType<
  Equal<
    Seeker["seek"],
    (offset: number | bigint, whence: SeekMode) => Promise<number>
  >
>();
assertType<
  Equal<
    SeekerSync["seekSync"],
    (offset: number | bigint, whence: SeekMode) => number
  >
>();
assertType<Equal<Closer["close"], () => void>>();

// The cursor's own signatures do not widen or narrow the interfaces'.
assertType<Equal<Cursor["read"], Reader["read"]>>();
assertType<Equal<Cursor["readSync"], ReaderSync["readSync"]>>();
assertType<Equal<Cursor["write"], Writer["write"]>>();
assertType<Equal<Cursor["writeSync"], WriterSync["writeSync"]>>();
assertType<Equal<Cursor["seek"], Seeker["seek"]>>();
assertType<Equal<Cursor["seekSync"], SeekerSync["seekSync"]>>();
assertType<Equal<Cursor["close"], Closer["close"]>>();
assertType<Equal<Cursor["position"], number>>();

// Views (issue 4): a view, or null only where the end has no view to give.
assertType<Equal<Cursor["peek"], (n: number) => Uint8Array>>();
assertType<Equal<Cursor["take"], (n: number) => Uint8Array>>();
assertType<Equal<Cursor["remainder"], () => Uint8Array>>();
assertType<
  Equal<Cursor["readUntil"], (delimiter: number) => Uint8Array | null>
>();

// Exact reads hand back the caller's own type, not a wider Uint8Array.
assertType<
  Equal<Cursor["readExactSync"], <T extends Uint8Array>(p: T) => T>
>();
assertType<
  Equal<Cursor["readExact"], <T extends Uint8Array>(p: T) => Promise<T>>
>();
declare const typed: Cursor;
declare const onArrayBuffer: Uint8Array<ArrayBuffer>;
assertType<
  Equal<
    ReturnType<typeof typed.readExactSync<typeof onArrayBuffer>>,
    Uint8Array<ArrayBuffer>
  >
>();

// Positional I/O mirrors read/write with an offset like a seek's.
assertType<
  Equal<
    Cursor["readAtSync"],
    (p: Uint8Array, offset: number | bigint) => number | null
  >
>();
assertType<
  Equal<
    Cursor["readAt"],
    (p: Uint8Array, offset: number | bigint) => Promise<number | null>
  >
>();
assertType<
  Equal<
    Cursor["writeAtSync"],
    (p: Uint8Array, offset: number | bigint) => number
  >
>();
assertType<
  Equal<
    Cursor["writeAt"],
    (p: Uint8Array, offset: number | bigint) => Promise<number>
  >
>();

// Typed numbers: 64-bit integers are bigints, everything else a number; the
// 8-bit forms take no endianness.
type NumberRead = (littleEndian?: boolean) => number;
type NumberWrite = (value: number, littleEndian?: boolean) => void;
assertType<Equal<Cursor["readInt8"], () => number>>();
assertType<Equal<Cursor["readUint8"], () => number>>();
assertType<Equal<Cursor["writeInt8"], (value: number) => void>>();
assertType<Equal<Cursor["writeUint8"], (value: number) => void>>();
assertType<Equal<Cursor["readInt16"], NumberRead>>();
assertType<Equal<Cursor["readUint16"], NumberRead>>();
assertType<Equal<Cursor["readInt32"], NumberRead>>();
assertType<Equal<Cursor["readUint32"], NumberRead>>();
assertType<Equal<Cursor["readFloat16"], NumberRead>>();
assertType<Equal<Cursor["readFloat32"], NumberRead>>();
assertType<Equal<Cursor["readFloat64"], NumberRead>>();
assertType<Equal<Cursor["writeInt16"], NumberWrite>>();
assertType<Equal<Cursor["writeUint16"], NumberWrite>>();
assertType<Equal<Cursor["writeInt32"], NumberWrite>>();
assertType<Equal<Cursor["writeUint32"], NumberWrite>>();
assertType<Equal<Cursor["writeFloat16"], NumberWrite>>();
assertType<Equal<Cursor["writeFloat32"], NumberWrite>>();
assertType<Equal<Cursor["writeFloat64"], NumberWrite>>();
assertType<
  Equal<Cursor["readBigInt64"], (littleEndian?: boolean) => bigint>
>();
assertType<
  Equal<Cursor["readBigUint64"], (littleEndian?: boolean) => bigint>
>();
assertType<
  Equal<
    Cursor["writeBigInt64"],
    (value: bigint, littleEndian?: boolean) => void
  >
>();
assertType<
  Equal<
    Cursor["writeBigUint64"],
    (value: bigint, littleEndian?: boolean) => void
  >
>();

// Varints: numbers to 32 bits or the safe integers, bigints to 64 bits; a
// write gives the count of bytes it wrote, a length the count it would.
type VarRead = () => number;
type VarWrite = (value: number) => number;
assertType<Equal<Cursor["readVarUint32"], VarRead>>();
assertType<Equal<Cursor["readVarInt32"], VarRead>>();
assertType<Equal<Cursor["readZigZag32"], VarRead>>();
assertType<Equal<Cursor["readVarUint64"], VarRead>>();
assertType<Equal<Cursor["readVarInt64"], VarRead>>();
assertType<Equal<Cursor["readZigZag64"], VarRead>>();
assertType<Equal<Cursor["writeVarUint32"], VarWrite>>();
assertType<Equal<Cursor["writeVarInt32"], VarWrite>>();
assertType<Equal<Cursor["writeZigZag32"], VarWrite>>();
assertType<Equal<Cursor["writeVarUint64"], VarWrite>>();
assertType<Equal<Cursor["writeVarInt64"], VarWrite>>();
assertType<Equal<Cursor["writeZigZag64"], VarWrite>>();
assertType<Equal<Cursor["readBigVarUint64"], () => bigint>>();
assertType<Equal<Cursor["readBigVarInt64"], () => bigint>>();
assertType<Equal<Cursor["readBigZigZag64"], () => bigint>>();
assertType<Equal<Cursor["writeBigVarUint64"], (value: bigint) => number>>();
assertType<Equal<Cursor["writeBigVarInt64"], (value: bigint) => number>>();
assertType<Equal<Cursor["writeBigZigZag64"], (value: bigint) => number>>();
type Length = (value: number | bigint) => number;
assertType<Equal<typeof Cursor.varUintLength, Length>>();
assertType<Equal<typeof Cursor.varIntLength, Length>>();
assertType<Equal<typeof Cursor.zigZagLength, Length>>();

// Both short-buffer errors are RangeErrors that say how many bytes there were.
assertType<UnexpectedEofError extends RangeError ? true : false>();
assertType<CursorFullError extends RangeError ? true : false>();
assertType<Equal<UnexpectedEofError["requested"], number>>();
assertType<Equal<UnexpectedEofError["available"], number>>();

// Streams and copy paths (issue 5): `readable` yields chunks on their own
// ArrayBuffer, so it is a valid fetch body and a ReadableStream<Uint8Array>.
assertType<
  Equal<Cursor["readable"], ReadableStream<Uint8Array<ArrayBuffer>>>
>();
assertType<Equal<Cursor["writable"], WritableStream<Uint8Array>>>();
assertType<Cursor["readable"] extends BodyInit ? true : false>();
assertType<
  Cursor["readable"] extends ReadableStream<Uint8Array> ? true : false
>();
assertType<Equal<Cursor["writeToSync"], (writer: WriterSync) => number>>();
assertType<Equal<Cursor["writeTo"], (writer: Writer) => Promise<number>>>();
assertType<Equal<Cursor["readFromSync"], (reader: ReaderSync) => number>>();
assertType<Equal<Cursor["readFrom"], (reader: Reader) => Promise<number>>>();

// Options and state.
assertType<Equal<CursorOptions, { readOnly?: boolean }>>();
assertType<Equal<Cursor["remaining"], number>>();
assertType<Equal<Cursor["byteLength"], number>>();
assertType<Equal<Cursor["closed"], boolean>>();
assertType<Equal<Cursor["readOnly"], boolean>>();

// A Deno.FsFile is the same kind of file-like value as a cursor.
type FsFileIsFileLike = Deno.FsFile extends FileLike ? true : false;
assertType<FsFileIsFileLike>();

Deno.test("Cursor is assignable to all seven @std/io interfaces at once", async () => {
  const memory = new Uint8Array([1, 2, 3, 4]);
  const file: FileLike = new Cursor(memory);
  const p = new Uint8Array(2);
  assert.equal(file.readSync(p), 2);
  assert.equal(await file.read(p), 2);
  assert.equal(await file.read(p), null);
  assert.equal(file.seekSync(0, SeekMode.Start), 0);
  assert.equal(file.writeSync(new Uint8Array([9])), 1);
  assert.equal(await file.write(new Uint8Array([8])), 1);
  assert.equal(await file.seek(-1, SeekMode.End), 3);
  file.close();
  assert.deepEqual(memory, new Uint8Array([9, 8, 3, 4]));
  const disposable: Disposable = new Cursor(memory);
  disposable[Symbol.dispose]();
});

Deno.test(requires(missing.deno, {
  name: "Cursor.seekSync() accepts Deno.SeekMode values through the interfaces",
  async fn() {
    // SeekMode and Deno.SeekMode are assignable both ways.
    const fromDeno: SeekMode = Deno.SeekMode.End;
    const toDeno: Deno.SeekMode = SeekMode.Current;
    const modes: SeekMode[] = [Deno.SeekMode.Start, Deno.SeekMode.Current];
    const denoModes: Deno.SeekMode[] = [SeekMode.Start, SeekMode.End];
    const seeker: SeekerSync & Seeker = new Cursor(new Uint8Array(10));
    assert.equal(seeker.seekSync(4, Deno.SeekMode.Start), 4);
    assert.equal(seeker.seekSync(1, toDeno), 5);
    assert.equal(seeker.seekSync(-3, fromDeno), 7);
    assert.equal(await seeker.seek(0, Deno.SeekMode.Current), 7);
    assert.deepEqual(modes, [SeekMode.Start, SeekMode.Current]);
    assert.deepEqual(denoModes, [Deno.SeekMode.Start, Deno.SeekMode.End]);
  },
}));

Deno.test("Cursor typed reads, views and streams give what their types say", async () => {
  const memory = new Uint8Array([0, 0, 0, 0, 0, 0, 0, 9, 1, 2, 0, 3]);
  const cursor = new Cursor(memory);
  const big: bigint = cursor.readBigUint64();
  assert.equal(big, 9n);
  const small: number = cursor.readUint8();
  assert.equal(small, 1);
  const line: Uint8Array | null = cursor.readUntil(0);
  assert.deepEqual(line, new Uint8Array([2, 0]));
  const exact: Uint8Array<ArrayBuffer> = cursor.readExactSync(
    new Uint8Array(new ArrayBuffer(1)),
  );
  assert.deepEqual(exact, new Uint8Array([3]));
  assert.equal(cursor.readUntil(0), null);
  cursor.position = 0;
  // @ts-expect-error: a 32-bit write takes a number, not a bigint
  assert.throws(() => cursor.writeInt32(1n), TypeError);
  // @ts-expect-error: a 64-bit write takes a bigint, not a number
  assert.throws(() => cursor.writeBigInt64(1), TypeError);
  assert.throws(() => {
    // @ts-expect-error: a 32-bit varint takes a number, not a bigint
    assert.throws(() => cursor.writeVarUint32(1n), TypeError);
    // @ts-expect-error: a bigint varint takes a bigint, not a number
    assert.throws(() => cursor.writeBigVarUint64(1), TypeError);
    const count: number = cursor.writeVarUint32(300);
    assert.equal(count, 2);
    cursor.position = 0;
    const varint: number = cursor.readVarUint32();
    assert.equal(varint, 300);
    cursor.position = 0;
    // @ts-expect-error: readable has no setter
    cursor.readable = new ReadableStream();
  }, TypeError);
  assert.equal(cursor.position, 0);
  cursor.position = 8;
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  for await (const chunk of cursor.readable) chunks.push(chunk);
  assert.equal(chunks.length, 1);
  assert(chunks[0]?.buffer instanceof ArrayBuffer);
  assert.deepEqual(chunks[0], new Uint8Array([1, 2, 0, 3]));
});
