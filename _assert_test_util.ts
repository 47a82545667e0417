/**
 * Test helper: the suite's own assertions. Exact error checks for
 * `assert.throws` and `assert.rejects`, a guard that an async-shaped call
 * returned a promise, wordings that messages share, and proof that
 * stream use never detached the caller's buffer.
 */

import assert from "node:assert/strict";
import type { Backing } from "./_backing_test_util.ts";

// deno-lint-ignore no-explicit-any -- any error constructor, whatever its parameters
type ErrorClass = new (...args: any[]) => Error;

/**
 * A validator for `assert.throws`/`assert.rejects` that accepts only an error
 * of exactly `errorClass` (not a subclass), named after it, with `message`
 * and the given extra properties.
 *
 * @param errorClass The exact class the error must have.
 * @param message The exact message.
 * @param properties Further own properties the error must have.
 * @returns The validator.
 */
export function exactly(
  errorClass: ErrorClass,
  message: string,
  properties: Record<string, unknown> = {},
): (error: unknown) => true {
  return (error) => {
    assert.ok(error instanceof Error, `not an Error: ${String(error)}`);
    assert.equal(Object.getPrototypeOf(error), errorClass.prototype);
    assert.equal(error.name, errorClass.name);
    assert.equal(error.message, message);
    for (const [key, value] of Object.entries(properties)) {
      assert.equal((error as unknown as Record<string, unknown>)[key], value);
    }
    return true;
  };
}

/**
 * Asserts that an async-shaped method returned a promise rather than
 * throwing or returning a plain value, and hands the promise on.
 *
 * @param result What the method returned.
 * @returns The same promise.
 */
export function promised<T>(result: Promise<T>): Promise<T> {
  assert.equal(typeof result?.then, "function", "not a promise");
  return result;
}

/** What every message about a bad `whence` says before the value. */
export const WHENCE_REASON =
  "whence must be 0 (Start), 1 (Current) or 2 (End), received";

/**
 * Spells a byte count the way error messages do: `1 byte`, `0 bytes`,
 * `8 bytes`.
 *
 * @param count How many bytes.
 * @returns The count with its unit.
 */
export function byteCount(count: number): string {
  return count === 1 ? "1 byte" : `${count} bytes`;
}

// A byte stream's `enqueue()` transfers the chunk's buffer, which detaches
// every view of it; so does a BYOB `respond()` for the reader's own buffer.
// If a cursor ever handed its memory to one of those, the caller's buffer
// would report `detached`, a length of 0, and refuse new views.

/** What a buffer looked like before a test. */
export interface BufferSnapshot {
  buffer: ArrayBufferLike;
  byteLength: number;
}

/**
 * Records a buffer and its length before a test uses it: pass a backing, a
 * view or the buffer itself.
 */
export function snapshot(
  memory: Backing | ArrayBufferView | ArrayBufferLike,
): BufferSnapshot {
  const buffer = "view" in memory
    ? memory.view().buffer
    : ArrayBuffer.isView(memory)
    ? memory.buffer
    : memory;
  return { buffer, byteLength: buffer.byteLength };
}

/**
 * Asserts that the buffer is still attached: its length is unchanged and a
 * fresh `Uint8Array` over all of it can be made and read.
 */
export function assertNotDetached(
  { buffer, byteLength }: BufferSnapshot,
): void {
  // Engines without ES2024's `detached` still fail the length checks below.
  if (buffer instanceof ArrayBuffer && "detached" in buffer) {
    assert.equal(buffer.detached, false);
  }
  assert.equal(buffer.byteLength, byteLength);
  const fresh = new Uint8Array(buffer);
  assert.equal(fresh.byteLength, byteLength);
  if (byteLength > 0) assert.equal(typeof fresh[byteLength - 1], "number");
}
