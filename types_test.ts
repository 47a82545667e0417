/**
 * Type-level checks: `deno test` type-checks this file, so a broken type
 * fails the run before any test starts. The runtime tests call through the
 * typed values so a check cannot be satisfied by a cast alone.
 */

import assert from "node:assert/strict";
import {
  type Closer,
  Cursor,
  type Reader,
  type ReaderSync,
  type Seeker,
  type SeekerSync,
  SeekMode,
  type Writer,
  type WriterSync,
} from "./mod.ts";

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

// SeekMode and Deno.SeekMode are assignable both ways.
const fromDeno: SeekMode = Deno.SeekMode.End;
const toDeno: Deno.SeekMode = SeekMode.Current;
const modes: SeekMode[] = [Deno.SeekMode.Start, Deno.SeekMode.Current];
const denoModes: Deno.SeekMode[] = [SeekMode.Start, SeekMode.End];

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

Deno.test("Cursor.seekSync() accepts Deno.SeekMode values through the interfaces", async () => {
  const seeker: SeekerSync & Seeker = new Cursor(new Uint8Array(10));
  assert.equal(seeker.seekSync(4, Deno.SeekMode.Start), 4);
  assert.equal(seeker.seekSync(1, toDeno), 5);
  assert.equal(seeker.seekSync(-3, fromDeno), 7);
  assert.equal(await seeker.seek(0, Deno.SeekMode.Current), 7);
  assert.deepEqual(modes, [SeekMode.Start, SeekMode.Current]);
  assert.deepEqual(denoModes, [Deno.SeekMode.Start, Deno.SeekMode.End]);
});
