/**
 * UTF-8 for the text members of the cursor: the line terminator bytes, the
 * shared encoder and decoders, and the exact encoded length of a string.
 *
 * @module
 */

import { describe } from "./_checks.ts";

/** The byte that ends a line. */
export const LF = 0x0a;
/** The byte that may come before {@linkcode LF} at the end of a line. */
export const CR = 0x0d;

/**
 * The decoders of `readString()`, made once: a decoder keeps no state between
 * whole calls. `ignoreBOM` keeps a leading U+FEFF, so the bytes are decoded
 * exactly.
 */
const DECODER = new TextDecoder("utf-8", { ignoreBOM: true });
const FATAL_DECODER = new TextDecoder("utf-8", {
  fatal: true,
  ignoreBOM: true,
});
/** The encoder of `writeString()`. */
const ENCODER = new TextEncoder();

/**
 * Whether every engine lets `TextEncoder`/`TextDecoder` work on a view of
 * `buffer` in place. WebIDL's `[AllowShared]`/`[AllowResizable]` are not set
 * on them, so Chromium refuses views of a `SharedArrayBuffer` or a resizable
 * `ArrayBuffer` (Deno, Node and Bun accept both); such memory goes through a
 * copy instead.
 */
function isPlain(buffer: ArrayBufferLike): boolean {
  return buffer instanceof ArrayBuffer && !buffer.resizable;
}

/**
 * Decodes `view` as UTF-8, in place where the engine allows it.
 *
 * @throws {TypeError} If `fatal` and the bytes are not valid UTF-8.
 */
export function decode(view: Uint8Array, fatal: boolean): string {
  return (fatal ? FATAL_DECODER : DECODER).decode(
    isPlain(view.buffer) ? view : view.slice(),
  );
}

/**
 * Encodes `text` as UTF-8 into the start of `target`, which must have room
 * for all of it.
 *
 * @returns The number of bytes written.
 */
export function encodeInto(text: string, target: Uint8Array): number {
  // No intermediate array where the engine writes into the memory itself.
  if (isPlain(target.buffer)) return ENCODER.encodeInto(text, target).written;
  const encoded = ENCODER.encode(text);
  target.set(encoded);
  return encoded.byteLength;
}

/** The error for a `text` argument that is not a string. */
export function notString(value: unknown): TypeError {
  return new TypeError(
    `Cannot write: text must be a string, received ${describe(value)}`,
  );
}

/**
 * The number of bytes `text` takes in UTF-8, as `TextEncoder` writes it: a
 * lone surrogate becomes U+FFFD, 3 bytes.
 */
export function utf8Length(text: string): number {
  const units = text.length;
  let count = units;
  for (let i = 0; i < units; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) continue;
    if (unit < 0x800) {
      count += 1;
    } else if (
      unit <= 0xdbff && unit >= 0xd800 && i + 1 < units &&
      (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00
    ) {
      // A surrogate pair: 4 bytes for 2 units.
      count += 2;
      i++;
    } else {
      count += 2;
    }
  }
  return count;
}
