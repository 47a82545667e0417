/**
 * Viewing a cursor's source as bytes without copying, and telling whether
 * its buffer has been detached.
 *
 * @module
 */

import { describe, isBytes } from "./_checks.ts";

/**
 * Views `source` as bytes without copying.
 *
 * @param source The memory to wrap.
 * @returns A `Uint8Array` over exactly the source's bytes.
 */
export function toBytes(source: ArrayBufferView | ArrayBufferLike): Uint8Array {
  if (isBytes(source)) {
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
  } else {
    throw new TypeError(
      `Cannot create a cursor: source must be a typed array, DataView, ArrayBuffer or SharedArrayBuffer, received ${
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
