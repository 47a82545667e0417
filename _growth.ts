/**
 * Growth of resizable memory in place: how far a view can grow, growing it,
 * writes that grow it, how far `readFrom()` grows a full buffer, and resizing
 * for `truncate()`.
 *
 * @module
 */

import { assertAttached } from "./_bytes.ts";
import { byteCount } from "./_checks.ts";
import { CursorFullError } from "./errors.ts";

/**
 * The fewest bytes `readFrom()` grows a full buffer by past the position.
 */
const MIN_GROWTH = 65_536;

/**
 * The largest length `bytes` can reach by growing its buffer in place: the
 * current length unless the view tracks a resizable `ArrayBuffer` or a
 * growable `SharedArrayBuffer` (up to its `maxByteLength`).
 *
 * @param bytes The wrapped memory.
 * @param tracksBuffer Whether the cursor made `bytes` itself as a
 * length-tracking view of a whole buffer.
 */
export function capacity(bytes: Uint8Array, tracksBuffer: boolean): number {
  const length = bytes.byteLength;
  const buffer = bytes.buffer;
  const size = buffer.byteLength;
  const max = buffer.maxByteLength;
  // Only a view that ends where its buffer ends can be length-tracking.
  // `!(size < max)` is also true on engines without `maxByteLength`.
  if (!(size < max) || bytes.byteOffset + length !== size) return length;
  if (!tracksBuffer) {
    // A caller's Uint8Array may be fixed-length or length-tracking, and
    // JavaScript cannot tell them apart without resizing: grow one byte and
    // undo it. A SharedArrayBuffer cannot shrink, so it is never tried.
    if (!(buffer instanceof ArrayBuffer)) return length;
    buffer.resize(size + 1);
    const tracks = bytes.byteLength > length;
    buffer.resize(size);
    if (!tracks) return length;
  }
  return max - bytes.byteOffset;
}

/**
 * Grows the buffer of `bytes` in place so the view ends at `end`, which must
 * be within {@linkcode capacity}. The engine fills new bytes with zeros,
 * which also fills the gap a past-end seek left.
 */
export function grow(bytes: Uint8Array, end: number): void {
  const buffer = bytes.buffer;
  const size = bytes.byteOffset + end;
  if (buffer instanceof ArrayBuffer) buffer.resize(size);
  else buffer.grow(size);
}

/**
 * Makes sure `count` bytes from `start` lie inside `bytes`, growing its
 * buffer in place when it can and `grows` is true.
 *
 * @param bytes The wrapped memory.
 * @param tracksBuffer Whether the cursor made `bytes` itself as a
 * length-tracking view of a whole buffer.
 * @param action The action for the error message, such as `"write"`.
 * @param start Where the bytes start.
 * @param count How many bytes.
 * @param grows Whether to grow the memory when the bytes fit only after
 * growing (else only check that they would).
 * @throws {TypeError} If the buffer is detached.
 * @throws {CursorFullError} If the bytes do not fit even after growing;
 * then nothing changed.
 */
export function reserve(
  bytes: Uint8Array,
  tracksBuffer: boolean,
  action: string,
  start: number,
  count: number,
  grows: boolean,
): void {
  assertAttached(bytes, action);
  const end = start + count;
  if (count === 0 || end <= bytes.byteLength) return;
  const room = capacity(bytes, tracksBuffer);
  if (end > room) {
    throw new CursorFullError(action, count, Math.max(0, room - start));
  }
  if (grows) grow(bytes, end);
}

/**
 * The slow path of `writeSync()` and `writeAtSync()`: copies all of `p` into
 * `bytes` at `start` when `p` is empty, the buffer detached, or the memory
 * too short, growing it in place when it can. Their fast path stays one
 * bounds check and one `set`.
 *
 * @param bytes The wrapped memory.
 * @param tracksBuffer Whether the cursor made `bytes` itself as a
 * length-tracking view of a whole buffer.
 * @param p The bytes to write.
 * @param start Where they go in `bytes`.
 * @returns `p.byteLength`.
 * @throws {TypeError} If the buffer is detached.
 * @throws {CursorFullError} If `p` does not fit even after growing; then
 * nothing changed.
 */
export function copyInGrowing(
  bytes: Uint8Array,
  tracksBuffer: boolean,
  p: Uint8Array,
  start: number,
): number {
  const count = p.byteLength;
  reserve(bytes, tracksBuffer, "write", start, count, true);
  if (count === 0) return 0;
  // `count` was read before growing: a length-tracking `p` over this
  // buffer has grown too, and only its old bytes are to be written.
  bytes.set(p.subarray(0, count), start);
  return count;
}

/**
 * Where `readFrom()` makes a full view of `length` bytes end when the
 * position is `start`: twice the length or 64 KiB past the position,
 * whichever is more, but not past `max`.
 */
export function growthEnd(start: number, length: number, max: number): number {
  return Math.min(max, Math.max(start + MIN_GROWTH, 2 * length));
}

/**
 * Whether a cursor may change the length of the buffer of `bytes`, as a write
 * past the end grows it: a resizable `ArrayBuffer` or growable
 * `SharedArrayBuffer` that the view follows to its end.
 *
 * @param bytes The wrapped memory.
 * @param tracksBuffer Whether the cursor made `bytes` itself as a
 * length-tracking view of a whole buffer.
 */
export function resizable(bytes: Uint8Array, tracksBuffer: boolean): boolean {
  const length = bytes.byteLength;
  const buffer = bytes.buffer;
  const size = buffer.byteLength;
  if (
    bytes.byteOffset + length !== size ||
    !(buffer instanceof ArrayBuffer ? buffer.resizable : buffer.growable)
  ) return false;
  if (tracksBuffer || capacity(bytes, tracksBuffer) > length) return true;
  // capacity() tells a caller's length-tracking Uint8Array by growing the
  // buffer, which cannot grow at its maxByteLength: there, shrink it by one
  // byte and undo, keeping the byte. A shared buffer is only ever grown when
  // the cursor was given the buffer itself.
  if (
    !(buffer instanceof ArrayBuffer) || length === 0 ||
    size < buffer.maxByteLength
  ) return false;
  const last = bytes[length - 1]!;
  buffer.resize(size - 1);
  // A length-tracking view follows the buffer; a fixed-length one is now out
  // of bounds, which `at()` reports by throwing. Their lengths cannot tell
  // them apart: both are 0 for a 1-byte view at the start of its buffer.
  let tracks = true;
  try {
    bytes.at(0);
  } catch {
    tracks = false;
  }
  buffer.resize(size);
  bytes[length - 1] = last;
  return tracks;
}

/**
 * Resizes the buffer of `bytes` in place so the view ends at `end`, for
 * `truncate()`: it grows within {@linkcode capacity}, and only a resizable
 * `ArrayBuffer` shrinks.
 *
 * @param bytes The wrapped memory, attached.
 * @param tracksBuffer Whether the cursor made `bytes` itself as a
 * length-tracking view of a whole buffer.
 * @param end The new length of the view.
 * @throws {RangeError} If the memory cannot take that length; then nothing
 * changed.
 */
export function resize(
  bytes: Uint8Array,
  tracksBuffer: boolean,
  end: number,
): void {
  const length = bytes.byteLength;
  if (end === length) return;
  const buffer = bytes.buffer;
  if (end > length) {
    if (end <= capacity(bytes, tracksBuffer)) return grow(bytes, end);
  } else if (buffer instanceof ArrayBuffer && resizable(bytes, tracksBuffer)) {
    return buffer.resize(bytes.byteOffset + end);
  }
  const reason = !resizable(bytes, tracksBuffer)
    ? `the memory is fixed-length (${byteCount(length)})`
    : end < length
    ? `a SharedArrayBuffer cannot shrink (${byteCount(length)})`
    : `the memory can grow to ${
      byteCount(capacity(bytes, tracksBuffer))
    } at most`;
  throw new RangeError(`Cannot truncate to ${byteCount(end)}: ${reason}`);
}
