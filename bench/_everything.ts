/**
 * Runs every public operation of `Cursor` on every kind of memory it takes,
 * failures included, the way a program that uses the whole library would.
 * The cross-talk guard (bench/crosstalk.ts) runs this between its two
 * measurements: V8 keeps type feedback per call site and field
 * representations per class for the whole process, so whatever this does
 * must not slow the fast paths of a cursor over plain memory afterwards.
 *
 * {@linkcode detachOneBuffer} is what the guard does before its first
 * measurement: V8 slows `DataView` accesses in the whole process once a
 * buffer that a `DataView` views has been detached, or any resizable buffer
 * has shrunk (it invalidates its ArrayBufferDetaching protector). Programs
 * that hand memory to workers, or truncate, run that way.
 *
 * @module
 */

import { Buffer } from "node:buffer";
import { runInNewContext } from "node:vm";
import { Cursor, type CursorSource, SeekMode } from "../mod.ts";

/** A kind of memory: its name and a maker of fresh memory of that kind. */
export type MemoryKind = [name: string, make: () => CursorSource];

const SIZE = 64;

/** Every kind of memory a cursor takes, each made fresh per call. */
export const MEMORY_KINDS: MemoryKind[] = [
  ["Uint8Array", () => new Uint8Array(SIZE)],
  ["subarray at an offset", () => new Uint8Array(SIZE + 16).subarray(3, -5)],
  ["ArrayBuffer", () => new ArrayBuffer(SIZE)],
  ["SharedArrayBuffer", () => new SharedArrayBuffer(SIZE)],
  ["DataView at an offset", () => new DataView(new ArrayBuffer(SIZE + 8), 8)],
  ["Float64Array", () => new Float64Array(SIZE / 8)],
  ["Node Buffer", () => Buffer.alloc(SIZE)],
  [
    "resizable ArrayBuffer",
    () => new ArrayBuffer(SIZE, { maxByteLength: 4 * SIZE }),
  ],
  [
    "length-tracking Uint8Array at an offset",
    () => new Uint8Array(new ArrayBuffer(SIZE, { maxByteLength: 4 * SIZE }), 4),
  ],
  [
    "fixed-length Uint8Array of a resizable ArrayBuffer",
    () =>
      new Uint8Array(new ArrayBuffer(SIZE, { maxByteLength: 4 * SIZE }), 0, 32),
  ],
  [
    "growable SharedArrayBuffer",
    () => new SharedArrayBuffer(SIZE, { maxByteLength: 4 * SIZE }),
  ],
  [
    "Uint8Array of another realm",
    () => runInNewContext(`new Uint8Array(${SIZE})`) as Uint8Array,
  ],
  [
    "resizable ArrayBuffer of another realm",
    () =>
      runInNewContext(
        `new ArrayBuffer(${SIZE}, { maxByteLength: ${4 * SIZE} })`,
      ) as ArrayBuffer,
  ],
  [
    "WebAssembly.Memory",
    () => new WebAssembly.Memory({ initial: 1, maximum: 4 }),
  ],
  [
    "shared WebAssembly.Memory",
    () => new WebAssembly.Memory({ initial: 1, maximum: 4, shared: true }),
  ],
  [
    "WebAssembly.Memory's resizable buffer",
    () =>
      (new WebAssembly.Memory({ initial: 1, maximum: 4 }) as unknown as {
        toResizableBuffer(): ArrayBuffer;
      }).toResizableBuffer(),
  ],
  ["empty Uint8Array", () => new Uint8Array(0)],
];

/** A `Uint8Array` of another realm, as an argument. */
const FOREIGN = runInNewContext("new Uint8Array(8)") as Uint8Array;

/** A number the engine holds as a double although its value is 5. */
function heapFive(): number {
  return JSON.parse("5.0") * 1.5 - 2.5;
}

/** Calls `f`, keeping what it returns or throws from being optimized away. */
function attempt(f: () => unknown): void {
  try {
    sink.value = f();
  } catch (error) {
    sink.value = error;
  }
}

/** Awaits `f()`, ignoring what it throws. */
async function attemptAsync(f: () => Promise<unknown>): Promise<void> {
  try {
    sink.value = await f();
  } catch (error) {
    sink.value = error;
  }
}

const sink: { value: unknown } = { value: undefined };

const TYPED = [
  "Int8",
  "Uint8",
  "Int16",
  "Uint16",
  "Int32",
  "Uint32",
  "BigInt64",
  "BigUint64",
  "Float16",
  "Float32",
  "Float64",
] as const;

type Typed = Record<string, (...args: unknown[]) => unknown>;

/** Every typed read and write, both byte orders, until the end and past. */
function typedNumbers(cursor: Cursor): void {
  const typed = cursor as unknown as Typed;
  for (const name of TYPED) {
    const big = name.startsWith("Big");
    for (const littleEndian of [false, true]) {
      attempt(() => (cursor.position = 0));
      for (let i = 0; i < 40; i++) {
        attempt(() => typed[`write${name}`]!(big ? 7n : 7.5, littleEndian));
      }
      attempt(() => (cursor.position = 0));
      for (let i = 0; i < 40; i++) {
        attempt(() => typed[`read${name}`]!(littleEndian));
      }
    }
    // The wrong kind of number, and a value whose conversion throws.
    attempt(() => typed[`write${name}`]!(big ? 1 : 1n));
    attempt(() =>
      typed[`write${name}`]!({
        valueOf() {
          throw new Error("no");
        },
      })
    );
  }
}

const VARINTS = [
  ["VarUint32", 300],
  ["VarInt32", -300],
  ["ZigZag32", -300],
  ["VarUint64", 2 ** 40],
  ["VarInt64", -(2 ** 40)],
  ["ZigZag64", -(2 ** 40)],
  ["BigVarUint64", 2n ** 63n],
  ["BigVarInt64", -(2n ** 62n)],
  ["BigZigZag64", -(2n ** 62n)],
] as const;

/**
 * Every varint read and write until the end and past, values outside the
 * type or of the wrong type, invalid bytes, and the lengths.
 */
function varints(cursor: Cursor): void {
  const typed = cursor as unknown as Typed;
  for (const [name, value] of VARINTS) {
    attempt(() => (cursor.position = 0));
    for (let i = 0; i < 20; i++) attempt(() => typed[`write${name}`]!(value));
    attempt(() => (cursor.position = 0));
    for (let i = 0; i < 20; i++) attempt(() => typed[`read${name}`]!());
    attempt(() => typed[`write${name}`]!(typeof value === "bigint" ? 1 : 1n));
    attempt(() =>
      typed[`write${name}`]!(
        typeof value === "bigint" ? -(2n ** 65n) : 2 ** 60 + 0.5,
      )
    );
  }
  // Bytes that are no varint: too long, and bits beyond the type.
  attempt(() => (cursor.position = 0));
  attempt(() => cursor.writeSync(new Uint8Array(11).fill(0xff)));
  attempt(() => (cursor.position = 0));
  attempt(() => cursor.readVarUint32());
  attempt(() => cursor.readBigVarUint64());
  attempt(() => (cursor.position = 0));
  attempt(() => cursor.writeSync(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0x7f)));
  attempt(() => (cursor.position = 0));
  attempt(() => cursor.readVarUint32());
  attempt(() => cursor.readZigZag32());
  attempt(() => Cursor.varUintLength(2n ** 64n - 1n));
  attempt(() => Cursor.varIntLength(heapFive()));
  attempt(() => Cursor.zigZagLength(-1));
  attempt(() => Cursor.varUintLength(-1));
}

/** The synchronous members, on a cursor over `source`. */
function syncMembers(source: CursorSource, readOnly: boolean): void {
  const cursor = new Cursor(source, { readOnly });
  const p = new Uint8Array(16);
  attempt(() => cursor.byteLength + cursor.remaining);
  attempt(() => cursor.closed || cursor.readOnly);
  attempt(() => cursor.bytes());
  attempt(() => cursor.writeSync(Uint8Array.of(1, 2, 13, 10, 3, 10)));
  attempt(() => cursor.writeString("line one\r\nzwei: ä €\n\u{1f600}\n"));
  attempt(() => cursor.writeString("é".repeat(200)));
  attempt(() => cursor.seekSync(0, SeekMode.Start));
  attempt(() => cursor.readSync(p));
  attempt(() => cursor.seekSync(-2, SeekMode.End));
  attempt(() => cursor.seekSync(1, SeekMode.Current));
  attempt(() => (cursor.position = heapFive()));
  attempt(() => cursor.readSync(p));
  attempt(() => cursor.writeSync(p));
  attempt(() => (cursor.position = 0));
  attempt(() => cursor.peek(4));
  attempt(() => cursor.take(2));
  attempt(() => cursor.remainder());
  attempt(() => cursor.readUntil(10));
  attempt(() => cursor.readExactSync(new Uint8Array(3)));
  attempt(() => cursor.readAtSync(p, 2));
  attempt(() => cursor.writeAtSync(p, 2));
  attempt(() => (cursor.position = 0));
  attempt(() => cursor.readLine());
  attempt(() => [...cursor.lines()]);
  attempt(() => (cursor.position = 0));
  attempt(() => cursor.readString(9));
  attempt(() => cursor.readString(4, { fatal: true }));
  attempt(() => cursor.readString(SIZE * 8));
  attempt(() => (cursor.position = 0));
  attempt(() => cursor.readTextLine());
  attempt(() => cursor.readTextLine({ fatal: true }));
  attempt(() => [...cursor.textLines()]);
  attempt(() => (cursor.position = 0));
  attempt(() => [...cursor.textLines({ fatal: true })]);
  // Arguments of another realm.
  attempt(() => (cursor.position = 0));
  attempt(() => cursor.writeSync(FOREIGN));
  attempt(() => cursor.readSync(FOREIGN));
  typedNumbers(cursor);
  varints(cursor);
  attempt(() => cursor.truncateSync(SIZE + 8));
  attempt(() => cursor.truncateSync(8));
  attempt(() => (cursor.position = 2 ** 40));
  attempt(() => cursor.readSync(p));
  attempt(() => cursor.writeSync(p));
  attempt(() => cursor.readUint32());
  attempt(() => cursor.writeUint32(1));
  attempt(() => cursor.readVarUint32());
  attempt(() => cursor.writeVarUint32(1));
  attempt(() => cursor.readBigVarInt64());
  attempt(() => cursor.writeBigZigZag64(1n));
  attempt(() => cursor.seekSync(2n ** 50n, SeekMode.Start));
  attempt(() => cursor.take(1));
  attempt(() => cursor.readString(1));
  attempt(() => cursor.writeString("x"));
  attempt(() => (cursor.position = 0));
  attempt(() => cursor.writeToSync({ writeSync: (q) => q.byteLength }));
  attempt(() => (cursor.position = 0));
  attempt(() => cursor.readFromSync({ readSync: () => null }));
  // Wrong argument types.
  attempt(() => cursor.readSync("p" as never));
  attempt(() => cursor.peek(-1));
  attempt(() => cursor.seekSync(0.5, SeekMode.Start));
  cursor.close();
  attempt(() => cursor.readSync(p));
  attempt(() => cursor.writeSync(p));
  attempt(() => cursor.readUint32());
  attempt(() => cursor.writeUint32(1));
  attempt(() => cursor.readVarUint32());
  attempt(() => cursor.writeVarUint32(1));
  attempt(() => cursor.readZigZag64());
  attempt(() => cursor.writeBigVarUint64(1n));
  attempt(() => cursor.position);
  const disposed = new Cursor(source);
  disposed[Symbol.dispose]();
}

/** The asynchronous members and the streams, on a cursor over `source`. */
async function asyncMembers(source: CursorSource): Promise<void> {
  const cursor = new Cursor(source);
  const p = new Uint8Array(16);
  await attemptAsync(() => cursor.write(Uint8Array.of(1, 2, 3)));
  await attemptAsync(() => cursor.seek(0, SeekMode.Start));
  await attemptAsync(() => cursor.read(p));
  await attemptAsync(() => cursor.readExact(new Uint8Array(2)));
  await attemptAsync(() => cursor.readAt(p, 1));
  await attemptAsync(() => cursor.writeAt(p, 1));
  await attemptAsync(() => cursor.truncate(SIZE));
  await attemptAsync(() => cursor.seek(0, SeekMode.Start));
  await attemptAsync(() =>
    cursor.writeTo({ write: (q) => Promise.resolve(q.byteLength) })
  );
  await attemptAsync(() => cursor.seek(0, SeekMode.Start));
  await attemptAsync(() =>
    cursor.readFrom({
      read: (q) => Promise.resolve(q.byteLength > 0 ? 1 : null),
    })
  );
  await attemptAsync(() => cursor.seek(0, SeekMode.Start));
  await attemptAsync(() => new Response(cursor.readable).arrayBuffer());
  const target = new Cursor(source);
  await attemptAsync(() =>
    new Response(Uint8Array.of(4, 5, 6)).body!.pipeTo(target.writable)
  );
}

/**
 * Runs every public operation on every kind of memory, read-only and
 * writable, then on a detached buffer.
 */
export async function exerciseEverything(): Promise<void> {
  for (const [, make] of MEMORY_KINDS) {
    syncMembers(make(), false);
    syncMembers(make(), true);
    await asyncMembers(make());
  }
  // A WebAssembly memory grown page by page by the cursor's own typed
  // writes, each grow detaching the buffer under its views: once that ran
  // through the steady class, every cursor's writeUint32() was 13 times
  // slower.
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 8 });
  const grower = new Cursor(memory);
  for (let page = 1; page < 8; page++) {
    grower.position = page * 65_536 - 2;
    attempt(() => grower.writeUint32(page));
    attempt(() => grower.writeFloat64(page));
    grower.position -= 12;
    attempt(() => grower.readUint32());
  }
  const buffer = new ArrayBuffer(SIZE);
  const detached = new Cursor(buffer);
  buffer.transfer();
  attempt(() => syncMembers(new Uint8Array(buffer), false));
  attempt(() => detached.readSync(new Uint8Array(4)));
  attempt(() => detached.writeUint32(1));
  attempt(() => detached.readUint32());
  attempt(() => detached.writeVarUint32(1));
  attempt(() => detached.readVarUint32());
  attempt(() => detached.readBigVarUint64());
}

/**
 * Detaches the buffer of a cursor that read a typed number, as a program
 * that hands memory to a worker does: from then on V8 checks every
 * `DataView` access for a detached or shrunk buffer, in the whole process
 * (see the module doc).
 */
export function detachOneBuffer(): void {
  const buffer = new ArrayBuffer(8);
  sink.value = new Cursor(buffer).readUint32();
  buffer.transfer();
}
