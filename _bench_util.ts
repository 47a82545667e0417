/**
 * Bench helper: the optional @std/io peer, sizes, and a sink that keeps the
 * engine from optimising measured work away. Shared by every `*_bench.ts`.
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

// The specifier is held in a variable so that `deno check`, `deno test` and
// the lockfile never resolve it: only a bench run asks JSR for it, and JSR
// may be unreachable. deno.json maps "@std/io" to the JSR package.
const STD_IO_BUFFER = "@std/io/buffer";

let stdBuffer: Promise<StdBufferClass | undefined> | undefined;

/**
 * Loads @std/io's `Buffer` once per process; `undefined` (after one notice on
 * stderr) when JSR cannot be reached.
 *
 * @returns The `Buffer` class, or `undefined` when it could not be loaded.
 */
export function loadStdBuffer(): Promise<StdBufferClass | undefined> {
  stdBuffer ??= import(STD_IO_BUFFER).then(
    (module: { Buffer: StdBufferClass }) => module.Buffer,
    (error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      console.error(
        `Skipped the @std/io Buffer rows: ${STD_IO_BUFFER} could not be loaded (${
          reason.split("\n")[0]
        })`,
      );
      return undefined;
    },
  );
  return stdBuffer;
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
