/**
 * Growth of resizable memory in place: how far a view can grow, growing it,
 * and how far `readFrom()` grows a full buffer.
 *
 * @module
 */

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
 * Where `readFrom()` makes a full view of `length` bytes end when the
 * position is `start`: twice the length or 64 KiB past the position,
 * whichever is more, but not past `max`.
 */
export function growthEnd(start: number, length: number, max: number): number {
  return Math.min(max, Math.max(start + MIN_GROWTH, 2 * length));
}
