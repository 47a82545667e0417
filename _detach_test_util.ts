/**
 * Test helper: proof that stream use never detached the caller's buffer.
 *
 * A byte stream's `enqueue()` transfers the chunk's buffer, which detaches
 * every view of it; so does a BYOB `respond()` for the reader's own buffer.
 * If a cursor ever handed its memory to one of those, the caller's buffer
 * would report `detached`, a length of 0, and refuse new views.
 */

import assert from "node:assert/strict";
import type { Backing } from "./_backing_test_util.ts";

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
  if (buffer instanceof ArrayBuffer) assert.equal(buffer.detached, false);
  assert.equal(buffer.byteLength, byteLength);
  const fresh = new Uint8Array(buffer);
  assert.equal(fresh.byteLength, byteLength);
  if (byteLength > 0) assert.equal(typeof fresh[byteLength - 1], "number");
}
