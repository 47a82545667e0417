/**
 * {@linkcode SeekMode}: what a seek offset is relative to, and the position
 * arithmetic that seeking, setting the position and positional I/O share:
 * checking an offset and resolving it against its origin.
 *
 * @module
 */

import { describe } from "./_checks.ts";

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

/** The largest position a cursor can hold. */
const MAX_POSITION = Number.MAX_SAFE_INTEGER;
/** {@linkcode MAX_POSITION} as a bigint, for range checks before conversion. */
const MAX_POSITION_BIG = BigInt(MAX_POSITION);

/**
 * Checks that `value` is a safe integer offset given as a number or bigint.
 *
 * @param action The action for the error message, such as `"seek"`.
 * @param name The argument's name for the error message.
 * @param value The offset to check.
 * @returns The offset as an exact number.
 * @throws {TypeError} If `value` is neither a number nor a bigint.
 * @throws {RangeError} If `value` is not an integer within
 * ±`Number.MAX_SAFE_INTEGER`.
 */
export function toOffset(
  action: string,
  name: string,
  value: unknown,
): number {
  // Fast path: a plain safe integer needs no conversion.
  if (Number.isSafeInteger(value)) return value as number;
  if (typeof value === "bigint") {
    // Range-check in bigint space so a huge value is never rounded first.
    if (value >= -MAX_POSITION_BIG && value <= MAX_POSITION_BIG) {
      return Number(value);
    }
  } else if (typeof value !== "number") {
    throw new TypeError(
      `Cannot ${action}: ${name} must be a number or bigint, received ${
        describe(value)
      }`,
    );
  }
  throw new RangeError(
    `Cannot ${action}: ${name} must be a safe integer, received ${
      describe(value)
    }`,
  );
}

/**
 * Resolves an offset relative to `whence` into a new position.
 *
 * @param action The action for the error message, such as `"seek"`.
 * @param offset A safe integer from {@linkcode toOffset}.
 * @param whence What `offset` is relative to.
 * @param position The current position.
 * @param end The current length of the data.
 * @returns The new position, a safe integer >= 0.
 * @throws {TypeError} If `whence` is not a number.
 * @throws {RangeError} If `whence` is not 0, 1 or 2, or the new position
 * would be negative or above `Number.MAX_SAFE_INTEGER`.
 */
export function resolvePosition(
  action: string,
  offset: number,
  whence: SeekMode,
  position: number,
  end: number,
): number {
  let base: number;
  if (whence === SeekMode.Start) base = 0;
  else if (whence === SeekMode.Current) base = position;
  else if (whence === SeekMode.End) base = end;
  else {
    const ErrorClass = typeof whence === "number" ? RangeError : TypeError;
    throw new ErrorClass(
      `Cannot ${action}: whence must be 0 (Start), 1 (Current) or 2 (End), received ${
        describe(whence)
      }`,
    );
  }
  // Both terms are safe integers, so any sum above MAX_POSITION rounds to a
  // value above it too: one comparison each way is exact.
  const target = base + offset;
  if (target >= 0 && target <= MAX_POSITION) return target;
  const exact = BigInt(base) + BigInt(offset);
  throw new RangeError(
    `Cannot ${action} to ${exact}: the position must be ${
      target < 0 ? ">= 0" : `<= ${MAX_POSITION}`
    }`,
  );
}

/** Checks an offset for positional I/O the way a seek from the start does. */
export function toPosition(action: string, offset: unknown): number {
  return resolvePosition(
    action,
    toOffset(action, "offset", offset),
    SeekMode.Start,
    0,
    0,
  );
}
