/**
 * Bench helper: the optional @std/io peer, sizes, the iteration counts of
 * slow rows, and a sink that keeps the engine from optimising measured work
 * away. Shared by every module of bench/.
 *
 * @module
 */

/** 1 KiB in bytes. */
export const KiB = 1024;
/** 1 MiB in bytes. */
export const MiB = 1024 * KiB;

/** The members of @std/io's `Buffer` that the benches call. */
export interface StdBuffer {
  /** Reads into `p`; `null` at the end. */
  readSync(p: Uint8Array): number | null;
  /** Reads into `p`; `null` at the end. */
  read(p: Uint8Array): Promise<number | null>;
  /** Appends `p`, growing the buffer. */
  writeSync(p: Uint8Array): number;
  /** Appends `p`, growing the buffer. */
  write(p: Uint8Array): Promise<number>;
  /** The unread bytes, copied unless `copy` is `false`. */
  bytes(options?: { copy?: boolean }): Uint8Array;
  /** Empties the buffer and keeps its capacity. */
  reset(): void;
}

/** @std/io's `Buffer` constructor. */
export type StdBufferClass = new (
  source?: ArrayBufferLike | ArrayLike<number>,
) => StdBuffer;

/** A reader as @std/io takes it. */
interface StdReader {
  read(p: Uint8Array): Promise<number | null>;
}

/** The parts of @std/io that the benches call. */
export interface StdIo {
  /** Where they were loaded from: `../shared/std` or `JSR`. */
  source: string;
  /** `Buffer` from `@std/io/buffer`. */
  Buffer: StdBufferClass;
  /** `copy` from `@std/io/copy`: a 32 KiB scratch, read then `writeAll`. */
  copy(
    reader: StdReader,
    writer: { write(p: Uint8Array): Promise<number> },
  ): Promise<number>;
  /** `toReadableStream` from `@std/io/to-readable-stream`. */
  toReadableStream(reader: StdReader): ReadableStream<Uint8Array>;
}

/**
 * Where @std/io is looked for, in order: the unmodified copy next to the
 * project (deno.json's `scopes` resolves its own `@std/bytes` import), then
 * JSR through deno.json's `@std/io` import. Each maps a module's export name
 * to a specifier. The specifiers are computed at run time so that `deno
 * check`, `deno test` and the lockfile never resolve them.
 */
const STD_IO_SOURCES: [string, (name: string) => string][] = [
  [
    "../shared/std",
    (name) =>
      new URL(
        `../../shared/std/io/${name.replaceAll("-", "_")}.ts`,
        import.meta.url,
      )
        .href,
  ],
  ["JSR", (name) => `@std/io/${name}`],
];

/** Loads the three modules of @std/io that the benches use from `source`. */
async function importStdIo(
  [source, specifier]: [string, (name: string) => string],
): Promise<StdIo> {
  const [buffer, copy, stream] = await Promise.all(
    ["buffer", "copy", "to-readable-stream"].map((name) =>
      import(specifier(name))
    ),
  );
  return {
    source,
    Buffer: buffer.Buffer,
    copy: copy.copy,
    toReadableStream: stream.toReadableStream,
  };
}

let stdIo: Promise<StdIo | undefined> | undefined;

/**
 * Loads @std/io once per process, from `../shared/std` when it exists, else
 * from JSR; `undefined` (after one notice on stderr that says why) when
 * neither can be loaded, so that the benches skip their @std/io rows.
 *
 * @returns `Buffer`, `copy` and `toReadableStream`, or `undefined`.
 */
export function loadStdIo(): Promise<StdIo | undefined> {
  stdIo ??= (async () => {
    const reasons: string[] = [];
    for (const source of STD_IO_SOURCES) {
      try {
        return await importStdIo(source);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        reasons.push(`${source[0]}: ${reason.split("\n")[0]}`);
      }
    }
    console.error(
      `Skipped the @std/io rows: @std/io could not be loaded (${
        reasons.join("; ")
      })`,
    );
    return undefined;
  })();
  return stdIo;
}

/**
 * Loads @std/io's `Buffer`, as {@linkcode loadStdIo} does.
 *
 * @returns The `Buffer` class, or `undefined` when it could not be loaded.
 */
export async function loadStdBuffer(): Promise<StdBufferClass | undefined> {
  return (await loadStdIo())?.Buffer;
}

/**
 * Iteration counts for rows whose one iteration takes tens of milliseconds or
 * allocates tens of MiB. Left to itself `deno bench` gives every row a time
 * budget and a minimum number of warm-up and measured iterations, which for
 * such rows costs seconds each, and their garbage (much of it outside the
 * JavaScript heap, as for `Blob`) piles up to gigabytes before it is
 * collected. Ten measured iterations give the minimum the report uses.
 */
export const SLOW: { n: number; warmup: number } = { n: 10, warmup: 2 };

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * Makes a bench function that times `make()` alone and, every `every`
 * iterations, drops what it made, collects garbage and lets the event loop
 * turn, outside the timed part. Rows that copy tens of MiB per iteration
 * (every 1) or make objects that hold memory outside the JavaScript heap
 * until a finalizer runs, such as `Blob` and `Response` (every 1,000 or
 * so), would otherwise pile up a gigabyte: a bench's tight loop never lets
 * finalizers run. Collecting needs `--v8-flags=--expose-gc`, as the bench
 * task gives; without it the loop still turns.
 *
 * @param make The measured work, sync or async; its result is kept until
 * it is timed.
 * @param every How many iterations between two collections.
 * @returns The `fn` of a `Deno.bench`.
 */
export function timedThenFreed(
  make: () => unknown | Promise<unknown>,
  every: number,
): (b: Deno.BenchContext) => Promise<void> {
  let count = 0;
  return async (b) => {
    b.start();
    const made = make();
    // Only an async row awaits inside the timed part.
    sink.value = made instanceof Promise ? await made : made;
    b.end();
    if (++count % every !== 0) return;
    sink.value = undefined;
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
}

/**
 * Bytes `0, 1, 2, ...` (mod 256), so that copies are not all zeros.
 *
 * @param length How many bytes.
 * @returns A new array over its own `ArrayBuffer`.
 */
export function filled(length: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = i;
  return bytes;
}

/**
 * Somewhere to put results so that the engine cannot prove them unused and
 * skip the work. Read by nobody.
 */
export const sink: { value: unknown; count: number } = {
  value: undefined,
  count: 0,
};

/**
 * Throws unless `actual` equals `expected`: every row checks its result on
 * a first run, before it is timed, so that a fast wrong row cannot win.
 *
 * @param row The row, for the message.
 * @param actual What the row computed.
 * @param expected What it must compute.
 */
export function verify(row: string, actual: unknown, expected: unknown): void {
  const same = actual instanceof Uint8Array && expected instanceof Uint8Array
    ? actual.byteLength === expected.byteLength &&
      actual.every((byte, i) => byte === expected[i])
    : Array.isArray(actual) && Array.isArray(expected)
    ? actual.length === expected.length &&
      actual.every((item, i) => item === expected[i])
    : Object.is(actual, expected);
  if (!same) {
    throw new Error(`${row}: wrong result ${String(actual).slice(0, 80)}`);
  }
}

/**
 * A minimal object cursor: a class whose position is a field, reading and
 * writing through a `DataView` with its own bounds check. The least that any
 * cursor object does per number; the typed-number targets compare with it.
 */
export class MinimalCursor {
  /** The position of the next read or write. */
  position = 0;
  /** The memory. */
  readonly view: DataView;

  /** Wraps `bytes`. */
  constructor(bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Claims `size` bytes: where they start. */
  #claim(size: number): number {
    const position = this.position;
    if (position + size > this.view.byteLength) {
      throw new RangeError("end of the memory");
    }
    this.position = position + size;
    return position;
  }

  /** Reads an unsigned 8-bit integer. */
  readUint8(): number {
    return this.view.getUint8(this.#claim(1));
  }

  /** Writes an unsigned 8-bit integer. */
  writeUint8(value: number): void {
    this.view.setUint8(this.#claim(1), value);
  }

  /** Reads a big-endian unsigned 32-bit integer. */
  readUint32(): number {
    return this.view.getUint32(this.#claim(4));
  }

  /** Writes a big-endian unsigned 32-bit integer. */
  writeUint32(value: number): void {
    this.view.setUint32(this.#claim(4), value);
  }

  /** Reads a big-endian unsigned 64-bit integer. */
  readBigUint64(): bigint {
    return this.view.getBigUint64(this.#claim(8));
  }

  /** Writes a big-endian unsigned 64-bit integer. */
  writeBigUint64(value: bigint): void {
    this.view.setBigUint64(this.#claim(8), value);
  }

  /** Reads a big-endian 64-bit float. */
  readFloat64(): number {
    return this.view.getFloat64(this.#claim(8));
  }

  /** Writes a big-endian 64-bit float. */
  writeFloat64(value: number): void {
    this.view.setFloat64(this.#claim(8), value);
  }
}

// ---------------------------------------------------------------------------
// Varints: the data of bench/varints.ts and bench/crosstalk.ts, and the
// cursor's decoder and encoder by hand, their limits.

/** A fixed pseudo-random sequence (xorshift32), the same in every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
}

/**
 * Values whose unsigned varints fill exactly `length` bytes: each of 1 to
 * `size` bytes, drawn evenly by a fixed pseudo-random sequence, the same in
 * every run (the last ones of 1 byte, to end exactly), each value drawn
 * within its length.
 */
export function varintValues(length: number, size: 5 | 10): bigint[] {
  const next = random(0x9e3779b9);
  const values: bigint[] = [];
  for (let room = length; room > 0;) {
    const bytes = room < size ? 1 : 1 + next() % size;
    // A value of exactly `bytes` bytes: its top 7-bit group is not zero.
    const low = bytes === 1 ? 0n : 1n << BigInt(7 * (bytes - 1));
    const high = bytes === size && size === 5
      ? 2n ** 32n
      : bytes === size
      ? 2n ** 64n
      : 1n << BigInt(7 * bytes);
    const draw = (BigInt(next()) << 32n | BigInt(next())) % (high - low);
    values.push(low + draw);
    room -= bytes;
  }
  return values;
}

/**
 * The unsigned LEB128 of `values` in `length` bytes, by the textbook loop
 * over bigints.
 */
export function encodeVarints(
  values: bigint[],
  length: number,
): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  let at = 0;
  for (let value of values) {
    while (value > 0x7fn) {
      bytes[at++] = Number(value & 0x7fn) | 0x80;
      value >>= 7n;
    }
    bytes[at++] = Number(value);
  }
  if (at !== length) throw new Error(`encoded ${at} bytes, not ${length}`);
  return bytes;
}

/**
 * The decoder of `Cursor.readVarUint32()` (see _varint.ts), written out:
 * the value at `state[0]`, moving it past, or -1. Five loads and masks from
 * the continuation bits, no branch per byte. With the position in a local
 * of the loop instead of `state`, the engine ran the loop 1.3 times slower.
 */
export function decodeVarUint32(
  bytes: Uint8Array,
  state: Int32Array,
): number {
  const at = state[0]!;
  if (bytes.byteLength - at < 5) return -1;
  const b0 = bytes[at]!;
  const b1 = bytes[at + 1]!;
  const b2 = bytes[at + 2]!;
  const b3 = bytes[at + 3]!;
  const b4 = bytes[at + 4]!;
  const m1 = -(b0 >> 7);
  const m2 = m1 & -(b1 >> 7);
  const m3 = m2 & -(b2 >> 7);
  const m4 = m3 & -(b3 >> 7);
  if ((b4 & m4) > 0x0f) return -1;
  state[0] = at + 1 - m1 - m2 - m3 - m4;
  return (b0 & 0x7f | (b1 & 0x7f) << 7 & m1 | (b2 & 0x7f) << 14 & m2 |
    (b3 & 0x7f) << 21 & m3 | b4 << 28 & m4) >>> 0;
}

/**
 * The encoder of `Cursor.writeVarUint32()` (see _varint.ts), written out:
 * `value` at `at`, the index of its last byte from the bits it has, then
 * stores clamped to that byte, no branch per byte.
 *
 * @returns Where the varint ends.
 * @throws {RangeError} If it does not fit.
 */
export function encodeVarUint32(
  bytes: Uint8Array,
  at: number,
  value: number,
): number {
  const last = at + ((31 - Math.clz32(value | 1)) * 37 >> 8);
  if (last >= bytes.byteLength) throw new RangeError("end of the memory");
  bytes[at] = value | 0x80;
  bytes[Math.min(at + 1, last)] = value >>> 7 | 0x80;
  bytes[Math.min(at + 2, last)] = value >>> 14 | 0x80;
  bytes[Math.min(at + 3, last)] = value >>> 21 | 0x80;
  bytes[last] = value >>> 7 * (last - at);
  return last + 1;
}
