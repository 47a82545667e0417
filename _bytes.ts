/**
 * The wrapped bytes: viewing a cursor's source as bytes without copying,
 * views and copies of a range of them, and telling whether their buffer has
 * been detached.
 *
 * @module
 */

import { describe, isBytes } from "./_checks.ts";
import type { WebAssemblyMemory } from "./types.ts";

/**
 * Views `source` as bytes without copying.
 *
 * @param source The memory to wrap.
 * @returns A `Uint8Array` over exactly the source's bytes.
 */
export function toBytes(
  source: ArrayBufferView | ArrayBufferLike | WebAssemblyMemory,
): Uint8Array {
  if (isBytes(source)) {
    // Stryker disable next-line ConditionalExpression: equivalent, isDetached() answers false for memory with bytes too (CONTRIBUTING.md, Mutation testing)
    if (source.byteLength === 0 && isDetached(source.buffer)) {
      throw detachedSource();
    }
    return source;
  }
  let buffer: ArrayBufferLike;
  if (ArrayBuffer.isView(source)) {
    buffer = source.buffer;
    if (!isDetached(buffer)) {
      return new Uint8Array(buffer, source.byteOffset, source.byteLength);
    }
  } else if (isBuffer(source)) {
    buffer = source;
    // A view without a length follows a resizable buffer's length.
    if (!isDetached(buffer)) return new Uint8Array(buffer);
  } else if (isMemory(source)) {
    // Its buffer now, whole; the cursor follows it as the memory grows.
    return new Uint8Array(source.buffer);
  } else {
    throw new TypeError(
      `Cannot create a cursor: source must be a typed array, DataView, ArrayBuffer, SharedArrayBuffer or WebAssembly.Memory, received ${
        describe(source)
      }`,
    );
  }
  throw detachedSource();
}

function detachedSource(): TypeError {
  return new TypeError(
    "Cannot create a cursor: the underlying ArrayBuffer is detached",
  );
}

/**
 * Whether `bytes` is steady memory: its buffer cannot be resized in place,
 * only detached, and it is at most `max` bytes long. Cursors run their fast
 * paths on steady memory only.
 *
 * @param bytes The wrapped memory.
 * @param max The longest steady memory.
 */
export function isSteady(bytes: Uint8Array, max: number): boolean {
  const buffer = bytes.buffer as ArrayBuffer & { growable?: boolean };
  // Stryker disable next-line EqualityOperator: equivalent, memory of exactly max bytes in the general class reads the same (CONTRIBUTING.md, Mutation testing)
  return bytes.byteLength <= max && buffer.resizable !== true &&
    buffer.growable !== true;
}

/**
 * `bytes` as a plain `Uint8Array` of this realm: itself when it is one, else
 * a new view of the same memory (for a `Buffer`, another subclass, or an
 * array of another realm), so that the fast paths see one kind of view. For
 * steady memory: the new view has the length of the moment.
 *
 * @param bytes The wrapped memory.
 * @returns A plain `Uint8Array` over the same bytes.
 */
export function plainView(bytes: Uint8Array): Uint8Array {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, a new plain view sees the same bytes as the caller's (CONTRIBUTING.md, Mutation testing)
  return Object.getPrototypeOf(bytes) === Uint8Array.prototype
    ? bytes
    : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Tells whether `buffer` has been detached (transferred). Engines without
 * `ArrayBuffer.prototype.detached` refuse to view a detached buffer, so this
 * asks for an empty view. Only called on slow paths.
 */
export function isDetached(buffer: ArrayBufferLike): boolean {
  try {
    new Uint8Array(buffer, 0, 0);
    return false;
  } catch {
    return true;
  }
}

/**
 * Whether `value` is a real `ArrayBuffer` or `SharedArrayBuffer`: the
 * `byteLength` getters check the internal slot, which look-alikes and
 * Proxies lack. Only called by the constructor.
 */
function isBuffer(value: unknown): value is ArrayBufferLike {
  return hasSlot(ArrayBuffer, value) ||
    (typeof SharedArrayBuffer === "function" &&
      hasSlot(SharedArrayBuffer, value));
}

/**
 * Whether `value` is a real `WebAssembly.Memory`, of any realm: the getter
 * of `WebAssembly.Memory.prototype.buffer` checks the internal slot. Only
 * called by the constructor, for a source that is neither a view nor a
 * buffer; `false` where there is no WebAssembly, whose name then throws a
 * `ReferenceError` in the `try`.
 */
function isMemory(value: unknown): value is WebAssemblyMemory {
  try {
    Object.getOwnPropertyDescriptor(WebAssembly.Memory.prototype, "buffer")!
      .get!.call(value);
  } catch {
    return false;
  }
  return true;
}

function hasSlot(
  type: ArrayBufferConstructor | SharedArrayBufferConstructor,
  value: unknown,
): boolean {
  try {
    Object.getOwnPropertyDescriptor(type.prototype, "byteLength")!.get!
      .call(value);
  } catch {
    return false;
  }
  return true;
}

/**
 * Throws if the buffer of `bytes` was detached (a detached view is empty).
 *
 * @param bytes The wrapped memory.
 * @param action The action for the error message, such as `"read"`.
 * @throws {TypeError} If the buffer is detached.
 */
export function assertAttached(bytes: Uint8Array, action: string): void {
  // Stryker disable next-line ConditionalExpression: equivalent, isDetached() answers false for memory with bytes too (CONTRIBUTING.md, Mutation testing)
  if (bytes.byteLength === 0 && isDetached(bytes.buffer)) {
    throw new TypeError(
      `Cannot ${action}: the underlying ArrayBuffer is detached`,
    );
  }
}

/**
 * A view of `bytes` from `start` to `end`, clamped (Rust's
 * `remaining_slice`). An empty view of a detached buffer, or of a resizable
 * buffer shrunk below the view's offset, makes `subarray` throw: the first
 * is reported, the second is empty memory like any other.
 *
 * @param bytes The wrapped memory.
 * @param action The action for the error message, such as `"take"`.
 * @param start Where the view starts.
 * @param end Where it ends, clamped to the length; the end of the memory
 * when `undefined`.
 * @returns A view that aliases `bytes`.
 * @throws {TypeError} If the buffer is detached.
 */
export function view(
  bytes: Uint8Array,
  action: string,
  start: number,
  end: number | undefined,
): Uint8Array {
  try {
    return bytes.subarray(start, end);
  } catch {
    assertAttached(bytes, action);
    return new Uint8Array(bytes.buffer, 0, 0);
  }
}

/**
 * The core of `readSync()` and `readAtSync()`: copies what remains of
 * `bytes` from `start`, up to `p.byteLength` bytes, into `p`.
 *
 * @param bytes The wrapped memory.
 * @param p Where the bytes go.
 * @param start Where they come from in `bytes`.
 * @returns The count; `0` for an empty `p`; `null` at or past the end.
 * @throws {TypeError} If the buffer is detached.
 */
export function copyOut(
  bytes: Uint8Array,
  p: Uint8Array,
  start: number,
): number | null {
  const count = Math.min(p.byteLength, bytes.byteLength - start);
  if (count <= 0) {
    assertAttached(bytes, "read");
    return p.byteLength === 0 ? 0 : null;
  }
  // One subarray + set: a memmove in the engine, overlap-safe by spec.
  p.set(bytes.subarray(start, start + count));
  return count;
}
