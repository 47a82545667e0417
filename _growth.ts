/**
 * Growth of resizable memory in place: what a cursor knows of how its memory
 * can change length, how far it can grow, growing it, writes that grow it,
 * how far `readFrom()` grows a full buffer, and resizing for `truncate()`.
 *
 * Nothing here shrinks a buffer on the way to growing it. Once any
 * `ArrayBuffer` has shrunk, V8 (Deno 2.9.6) makes every later `DataView`
 * access in the process about 5 times slower and typed array accesses about
 * 1.5 times (a shrink invalidates its process-wide ArrayBufferDetaching
 * protector), so growth goes straight to the length it needs and keeps it.
 * Only `truncate()` to a shorter length shrinks a buffer, and finding out
 * whether a caller's view of a resizable buffer follows it when nothing else
 * tells, in the rare cases a clone cannot (see `probe()`), or where a view
 * that was out of its buffer's bounds when the cursor was made starts (see
 * `locate()`): its buffer has shrunk before.
 *
 * @module
 */

import { assertAttached } from "./_bytes.ts";
import { byteCount } from "./_checks.ts";
import { CursorFullError } from "./errors.ts";
import type { WebAssemblyMemory } from "./types.ts";

/**
 * The size of a WebAssembly page: a WebAssembly memory, and the resizable
 * buffer `toResizableBuffer()` gives of one, change length by whole pages.
 */
export const PAGE = 65_536;

/**
 * The fewest bytes `readFrom()` grows a full buffer by past the position.
 */
const MIN_GROWTH = 65_536;

/** What a cursor knows of how its memory can change length. */
export interface Growth {
  /**
   * Whether the view follows its buffer's length as it grows: `true` for a
   * view the cursor made of a whole buffer and for a caller's view seen to
   * follow; `false` for a fixed-length view, memory that cannot grow, and a
   * caller's view of a shared buffer (a shared buffer cannot shrink back, so
   * growing it cannot be tried); `undefined` while only a resize can tell.
   */
  tracks: boolean | undefined;
  /**
   * The view's offset in its buffer: {@linkcode UNKNOWN} for a view out of
   * its buffer's bounds when the cursor was made (its `byteOffset` then
   * reads 0) until growth needs it (see `locate()`).
   */
  offset: number;
  /**
   * The view's length when the cursor was made, or when `locate()` found it
   * in its buffer: a fixed-length view keeps it, or reads 0 out of its
   * buffer's bounds.
   */
  length: number;
  /**
   * The WebAssembly memory whose fixed-length buffer the cursor views: it
   * grows by `grow()`, which replaces the buffer.
   */
  readonly memory: WebAssemblyMemory | undefined;
}

/** The offset of a view not yet found in its buffer (see `locate()`). */
// Stryker disable next-line UnaryOperator: equivalent, locate() finds a view at offset 1 taken for unknown where it is (CONTRIBUTING.md, Mutation testing)
const UNKNOWN = -1;

/** The growth of memory that cannot grow. */
export const NO_GROWTH: Growth = Object.freeze({
  tracks: false,
  offset: 0,
  length: 0,
  memory: undefined,
});

/** A buffer as growth sees it: an `ArrayBuffer` or a `SharedArrayBuffer`. */
type AnyBuffer = ArrayBuffer & {
  growable?: boolean;
  grow?(size: number): void;
};

/**
 * What a cursor knows, when it is made, of how `bytes` can grow.
 *
 * @param bytes The wrapped memory.
 * @param made Whether the cursor made `bytes` itself as a length-tracking
 * view of a whole buffer.
 */
export function growthOf(bytes: Uint8Array, made: boolean): Growth {
  const buffer = bytes.buffer as AnyBuffer;
  const resizable = buffer.resizable === true;
  if (!resizable && buffer.growable !== true) return NO_GROWTH;
  const length = bytes.byteLength;
  if (made) return { tracks: true, offset: 0, length, memory: undefined };
  // A buffer that shrank below a view's start (or end, for a fixed-length
  // view) leaves it empty, with an offset that reads 0.
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, locate() reads a view in bounds as sighting() does here (CONTRIBUTING.md, Mutation testing)
  if (length === 0 && !inBounds(bytes)) {
    return { tracks: undefined, offset: UNKNOWN, length, memory: undefined };
  }
  return sighting(bytes, resizable);
}

/**
 * What a caller's view in its buffer's bounds tells of its growth: its
 * offset and length, and that it is fixed-length where it does not end its
 * buffer (a length-tracking view always does).
 */
function sighting(bytes: Uint8Array, resizable: boolean): Growth {
  const offset = bytes.byteOffset;
  const length = bytes.byteLength;
  // Stryker disable next-line ConditionalExpression: equivalent, a probe finds what this test skips (CONTRIBUTING.md, Mutation testing)
  const ends = offset + length === bytes.buffer.byteLength;
  const tracks = resizable && ends ? undefined : false;
  return { tracks, offset, length, memory: undefined };
}

/**
 * Finds the offset of a view that was out of its buffer's bounds when the
 * cursor was made, for growth: read off the view once it is in bounds, or
 * after growing the buffer, by doubling, until it is (a view is in bounds at
 * `maxByteLength`), and back. Only a resizable `ArrayBuffer` shrinks, so
 * only a view of one is ever out of bounds.
 *
 * @param bytes The wrapped memory.
 * @param growth What the cursor knows of its growth; updated.
 */
function locate(bytes: Uint8Array, growth: Growth): void {
  const buffer = bytes.buffer as ArrayBuffer;
  const size = buffer.byteLength;
  let trial = size;
  try {
    while (!inBounds(bytes)) {
      trial = Math.min(buffer.maxByteLength, 2 * trial + 1);
      buffer.resize(trial);
    }
    Object.assign(growth, sighting(bytes, true));
  } finally {
    // Also where a resize failed (out of memory).
    buffer.resize(size);
  }
}

/**
 * What a cursor knows of the growth of `memory`, whose buffer `bytes` views
 * whole: a fixed-length buffer grows through the memory, a resizable one (after
 * `toResizableBuffer()`) as any other.
 *
 * @param memory The memory.
 * @param bytes A view of its buffer now.
 */
export function memoryGrowth(
  memory: WebAssemblyMemory,
  bytes: Uint8Array,
): Growth {
  // Stryker disable next-line BooleanLiteral: equivalent, the probe finds the cursor's own view of a whole resizable buffer following it (CONTRIBUTING.md, Mutation testing)
  const growth = growthOf(bytes, true);
  if (growth !== NO_GROWTH) return growth;
  // Stryker disable next-line BooleanLiteral: equivalent, every reader of tracks looks at memory first (CONTRIBUTING.md, Mutation testing)
  return { tracks: false, offset: 0, length: bytes.byteLength, memory };
}

/**
 * Grows `memory`, shorter than `end` bytes, by whole pages so that it is at
 * least that long.
 *
 * @returns Whether it is; `false` past its maximum.
 */
function growMemory(memory: WebAssemblyMemory, end: number): boolean {
  const length = memory.buffer.byteLength;
  try {
    memory.grow(Math.ceil((end - length) / PAGE));
  } catch {
    // Past its maximum (a RangeError), or out of memory.
    return false;
  }
  return true;
}

/**
 * Sets the length of `buffer` to `size` bytes, at most its `maxByteLength`,
 * growing it: a buffer of WebAssembly memory takes whole pages only, so it
 * grows to the page after.
 */
function setLength(buffer: AnyBuffer, size: number): void {
  const apply = (length: number) =>
    buffer.resizable === true ? buffer.resize(length) : buffer.grow!(length);
  try {
    apply(size);
  } catch {
    // A page multiple, as maxByteLength is for such a buffer.
    apply(Math.ceil(size / PAGE) * PAGE);
  }
}

/**
 * The largest length `bytes` can reach by growing its buffer in place: its
 * length now unless the view follows a resizable `ArrayBuffer` or a growable
 * `SharedArrayBuffer`, up to its `maxByteLength`. Where only a resize can
 * tell whether a caller's view follows its buffer, this resizes it and
 * undoes that, once: the answer is kept in `growth`.
 *
 * @param bytes The wrapped memory.
 * @param growth What the cursor knows of its growth; updated.
 */
export function capacity(bytes: Uint8Array, growth: Growth): number {
  // A WebAssembly memory's maximum is not known until reached.
  // Stryker disable next-line ConditionalExpression: equivalent, a memory's capacity is its length either way (CONTRIBUTING.md, Mutation testing)
  if (growth.memory !== undefined) return bytes.byteLength;
  if (growth.offset === UNKNOWN) locate(bytes, growth);
  if (growth.tracks === undefined) probe(bytes, growth);
  return growth.tracks
    ? Math.max(bytes.byteLength, bytes.buffer.maxByteLength - growth.offset)
    : bytes.byteLength;
}

/**
 * Grows the buffer of `bytes` in place so that the view ends at `end`,
 * longer than it is, when it can: the engine fills new bytes with zeros,
 * which also fills the gap a past-end seek left. A caller's view that may or
 * may not follow its buffer is tried: the buffer grows to where the view
 * would end, and only if the view did not follow is that undone.
 *
 * @param bytes The wrapped memory.
 * @param growth What the cursor knows of its growth; updated.
 * @param end The length the view is to have.
 * @returns Whether the view now reaches `end`.
 */
export function grow(bytes: Uint8Array, growth: Growth, end: number): boolean {
  if (growth.memory !== undefined) return growMemory(growth.memory, end);
  if (growth.offset === UNKNOWN) locate(bytes, growth);
  const buffer = bytes.buffer as AnyBuffer;
  const target = growth.offset + end;
  // Growing to the length a fixed-length view has would not tell the two
  // kinds apart: probe first.
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, a probe where a trial resize would do gives the same answer (CONTRIBUTING.md, Mutation testing)
  if (growth.tracks === undefined && end === growth.length) {
    probe(bytes, growth);
  }
  const tracks = growth.tracks === undefined
    ? seen(bytes, growth)
    : growth.tracks;
  if (tracks === false || !(target <= buffer.maxByteLength)) return false;
  if (tracks) {
    setLength(buffer, target);
    return true;
  }
  const size = buffer.byteLength;
  // seen() found the view at its buffer's end, or starting there or after
  // it: `target` lies past the buffer's end. A buffer of WebAssembly memory
  // refuses a length of part of a page, and could not shrink back from a
  // length of whole pages: for those a clone tells instead.
  // Stryker disable next-line ConditionalExpression: equivalent, a probe where a trial resize would do gives the same answer (CONTRIBUTING.md, Mutation testing)
  let tried = target % PAGE !== 0;
  try {
    if (tried) buffer.resize(target);
  } catch {
    tried = false;
  }
  if (!tried) {
    probe(bytes, growth);
    return grow(bytes, growth, end);
  }
  if (bytes.byteLength === end) {
    growth.tracks = true;
    return true;
  }
  growth.tracks = false;
  buffer.resize(size);
  return false;
}

/**
 * What the view's length tells of whether it follows its buffer, without a
 * resize: a length-tracking view always reaches its buffer's end (or is
 * empty before its start), and a fixed-length one is always as long as when
 * the cursor was made (or empty out of its buffer's bounds).
 */
function seen(bytes: Uint8Array, growth: Growth): boolean | undefined {
  const length = bytes.byteLength;
  if (length !== Math.max(0, bytes.buffer.byteLength - growth.offset)) {
    growth.tracks = false;
    return false;
  }
  // Stryker disable next-line ConditionalExpression,BlockStatement: equivalent, the probe finds a view that has changed length at its buffer's end following it too (CONTRIBUTING.md, Mutation testing)
  if (length !== 0 && length !== growth.length) growth.tracks = true;
  return growth.tracks;
}

/**
 * Finds out whether a caller's view of a resizable `ArrayBuffer` follows
 * it, for {@linkcode capacity}: resizes a buffer so that the two kinds of
 * view would differ in length. It grows a clone of the buffer by one byte
 * past where the view ends; the caller's own buffer only where the view is
 * out of its bounds (by one byte past its start, undone) or at
 * `maxByteLength` (shrunk by the view's last byte, which it keeps, and
 * undone).
 */
function probe(bytes: Uint8Array, growth: Growth): void {
  if (seen(bytes, growth) !== undefined) return;
  const buffer = bytes.buffer as AnyBuffer;
  const size = buffer.byteLength;
  const { offset, length } = growth;
  const now = bytes.byteLength;
  // The view reaches its buffer's end, or starts there or after it: one
  // byte more, or two when that is where a fixed-length view would end,
  // grows the buffer and tells the kinds apart. A length-tracking view then
  // holds `more` bytes, a fixed-length one `length` bytes or none.
  const more = now + 1 === length ? now + 2 : now + 1;
  if (offset + more <= buffer.maxByteLength) {
    // Stryker disable next-line ConditionalExpression: equivalent, a resize of the caller's buffer, undone, answers as the clone does (CONTRIBUTING.md, Mutation testing)
    if (now > 0 || inBounds(bytes)) {
      // A structured clone keeps the view's kind: growing the clone's buffer
      // leaves the caller's alone, with nothing to shrink back. It copies the
      // buffer, once per cursor.
      const clone = structuredClone(bytes);
      (clone.buffer as ArrayBuffer).resize(offset + more);
      growth.tracks = clone.byteLength === more;
    } else {
      // A view out of its buffer's bounds cannot be cloned. (Nor is a view
      // of WebAssembly memory ever out of bounds: it never shrinks.)
      buffer.resize(offset + more);
      growth.tracks = bytes.byteLength === more;
      buffer.resize(size);
    }
  } else if (now === 0) {
    // The view is empty: its buffer ends at or before its start (a longer
    // buffer would show a length-tracking view's bytes, and seen() would
    // have told). There a length-tracking view is in bounds and a
    // fixed-length one of some bytes is not, which makes `at()` throw: the
    // buffer grows to the view's start for the test, and back. Of 0 bytes
    // the two kinds never differ: fixed.
    growth.tracks = length > 0 && inBoundsAt(bytes, buffer, offset);
  } else {
    // At maxByteLength the buffer cannot grow: shrink it by the view's last
    // byte. A fixed-length view is then out of bounds, which makes `at()`
    // throw; a length-tracking one of 0 bytes does not.
    const last = bytes[now - 1]!;
    try {
      buffer.resize(size - 1);
    } catch {
      // WebAssembly memory at its maximum, which cannot shrink: nor can it
      // ever grow, so either kind of view keeps its bytes for good. Found in
      // bounds, the view is taken as following its buffer, and refused
      // growth and shrinking for what is true of both kinds: the memory
      // cannot grow past its length, nor shrink.
    }
    growth.tracks = inBounds(bytes);
    buffer.resize(size);
    bytes[now - 1] = last;
  }
}

/**
 * Whether `bytes` is in its buffer's bounds once the buffer ends at
 * `offset`, which it reaches from below; the buffer's length is restored.
 */
function inBoundsAt(
  bytes: Uint8Array,
  buffer: AnyBuffer,
  offset: number,
): boolean {
  const size = buffer.byteLength;
  buffer.resize(offset);
  try {
    return inBounds(bytes);
  } finally {
    buffer.resize(size);
  }
}

/**
 * Whether `bytes` is in its buffer's bounds: `at()` throws for a view out of
 * them, which reads as empty as an empty view in them.
 */
function inBounds(bytes: Uint8Array): boolean {
  try {
    bytes.at(0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes sure `count` bytes from `start` lie inside `bytes`, growing its
 * buffer in place when it can and `grows` is true.
 *
 * @param bytes The wrapped memory.
 * @param growth What the cursor knows of its growth; updated.
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
  growth: Growth,
  action: string,
  start: number,
  count: number,
  grows: boolean,
): void {
  assertAttached(bytes, action);
  const end = start + count;
  if (count === 0 || end <= bytes.byteLength) return;
  if (grows ? grow(bytes, growth, end) : end <= capacity(bytes, growth)) {
    return;
  }
  const room = capacity(bytes, growth);
  throw new CursorFullError(action, count, Math.max(0, room - start));
}

/**
 * The slow path of `writeSync()` and `writeAtSync()`: copies all of `p` into
 * `bytes` at `start` when `p` is empty, the buffer detached, or the memory
 * too short, growing it in place when it can. Their fast path stays one
 * bounds check and one `set`.
 *
 * @param bytes The wrapped memory.
 * @param growth What the cursor knows of its growth; updated.
 * @param p The bytes to write.
 * @param start Where they go in `bytes`.
 * @returns `p.byteLength`.
 * @throws {TypeError} If the buffer is detached.
 * @throws {CursorFullError} If `p` does not fit even after growing; then
 * nothing changed.
 */
export function copyInGrowing(
  bytes: Uint8Array,
  growth: Growth,
  p: Uint8Array,
  start: number,
): number {
  const count = p.byteLength;
  reserve(bytes, growth, "write", start, count, true);
  if (count === 0) return 0;
  // `count` was read before growing: a length-tracking `p` over this
  // buffer has grown too, and only its old bytes are to be written.
  live(bytes, growth).set(p.subarray(0, count), start);
  return count;
}

/**
 * `bytes`, or, once a grow has replaced the buffer of a WebAssembly memory,
 * a view of its buffer now.
 *
 * @param bytes The wrapped memory.
 * @param growth What the cursor knows of its growth.
 */
export function live(bytes: Uint8Array, growth: Growth): Uint8Array {
  const memory = growth.memory;
  // Stryker disable next-line ConditionalExpression: equivalent, a new view of the whole buffer writes the same bytes (CONTRIBUTING.md, Mutation testing)
  return memory === undefined || memory.buffer === bytes.buffer
    ? bytes
    : new Uint8Array(memory.buffer);
}

/**
 * How far past the end `readFrom()` lets a reader fill a full view of
 * `length` bytes at position `start`: to twice the length or 64 KiB past the
 * position, whichever is more, but not past `max`.
 */
export function growthEnd(start: number, length: number, max: number): number {
  // Stryker disable next-line ArithmeticOperator: equivalent, readFrom() offers at most 64 KiB at a time (CONTRIBUTING.md, Mutation testing)
  return Math.min(max, Math.max(start + MIN_GROWTH, 2 * length));
}

/**
 * Resizes the buffer of `bytes` in place so the view ends at `end`, for
 * `truncate()`: it grows within {@linkcode capacity}, and only a resizable
 * `ArrayBuffer` that the view follows shrinks.
 *
 * @param bytes The wrapped memory, attached.
 * @param growth What the cursor knows of its growth; updated.
 * @param end The new length of the view.
 * @throws {RangeError} If the memory cannot take that length; then nothing
 * changed.
 */
export function resize(bytes: Uint8Array, growth: Growth, end: number): void {
  const length = bytes.byteLength;
  if (end === length) return;
  const buffer = bytes.buffer as AnyBuffer;
  const now = byteCount(length);
  const unshrinkable = `WebAssembly memory cannot shrink (${now})`;
  let reason: string | undefined;
  // Stryker disable next-line EqualityOperator: equivalent, equal lengths returned before (CONTRIBUTING.md, Mutation testing)
  if (end > length) {
    if (grow(bytes, growth, end)) return;
  } else if (growth.memory !== undefined) {
    reason = unshrinkable;
  } else if (buffer.resizable === true) {
    // Finds out, if it must, whether the view follows its buffer.
    capacity(bytes, growth);
    if (growth.tracks) {
      try {
        return buffer.resize(growth.offset + end);
      } catch {
        // Only a buffer of WebAssembly memory refuses to shrink.
        reason = unshrinkable;
      }
    }
  }
  // Finds out, if it must, whether the view follows its buffer.
  const room = capacity(bytes, growth);
  // Stryker disable EqualityOperator: equivalent, `end < length` as `<=`: equal lengths returned before (CONTRIBUTING.md, Mutation testing)
  reason ??= growth.memory !== undefined
    ? `the WebAssembly memory cannot grow that far (${now} now)`
    : !growth.tracks
    ? `the memory is fixed-length (${now})`
    : end < length
    ? `a SharedArrayBuffer cannot shrink (${now})`
    : `the memory can grow to ${byteCount(room)} at most`;
  // Stryker restore all
  throw new RangeError(`Cannot truncate to ${byteCount(end)}: ${reason}`);
}
