/**
 * UTF-8 for the text members of the cursor: the line terminator bytes, the
 * shared encoder and decoders, decoding short text in JavaScript, and the
 * exact encoded length of a string.
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
 * The most bytes that {@linkcode decodeShort} decodes, and the most code
 * units that {@linkcode encodeShort} encodes: up to here JavaScript beats a
 * `TextDecoder.decode()` call, whose own cost is more than decoding a short
 * text (Deno 2.9.6: about 140 ns a call; 16 bytes of ASCII take about 55 ns
 * in JavaScript, 48 bytes of 2- and 3-byte text about 200 ns against 290 ns).
 * Longer ASCII goes to the runtime's `Buffer` where there is one (see
 * {@linkcode BUFFER}).
 */
export const SHORT_TEXT = 64;

const fromCharCode = String.fromCharCode;

/**
 * The prototype of the runtime's `Buffer` class, or an empty object where
 * there is none (`Object()` makes one of a missing class or prototype): Deno,
 * Node and Bun have such a class as the global `Buffer`, browsers do not. Its
 * `utf8Slice()` decodes bytes where they lie, without the view that
 * `TextDecoder.decode()` needs. {@linkcode decodeShort} looks the method up at
 * each call and hands it ASCII only, which every UTF-8 decoder, a polyfill's
 * too, turns into the same string.
 */
const BUFFER: { utf8Slice?: unknown } = Object(
  Object((globalThis as { Buffer?: unknown }).Buffer).prototype,
);

/**
 * Whether every engine lets `TextEncoder`/`TextDecoder` work on a view of
 * `buffer` in place. WebIDL's `[AllowShared]`/`[AllowResizable]` are not set
 * on them, so Chromium refuses views of a `SharedArrayBuffer` or a resizable
 * `ArrayBuffer` (Deno, Node and Bun accept both); such memory goes through a
 * copy instead.
 */
export function isPlain(buffer: ArrayBufferLike): boolean {
  return !(buffer as ArrayBuffer).resizable &&
    // An ArrayBuffer of another realm is told by its tag.
    (buffer instanceof ArrayBuffer ||
      Object.prototype.toString.call(buffer) === "[object ArrayBuffer]");
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
 * Decodes `bytes` from `start` to `end`, at most {@linkcode SHORT_TEXT} bytes
 * of valid UTF-8, in JavaScript (ASCII of more than 16 bytes with the
 * runtime's `Buffer`, see {@linkcode BUFFER}); `undefined` when they are not valid UTF-8
 * (an invalid or cut sequence), which `TextDecoder` then decodes with its
 * replacement characters or `fatal` error. So the result is always the one
 * `TextDecoder` gives, a leading byte order mark included.
 *
 * @param bytes The memory, steady: read in place.
 * @param start The first byte.
 * @param end After the last byte.
 * @returns The text, or `undefined`.
 */
export function decodeShort(
  bytes: Uint8Array,
  start: number,
  end: number,
): string | undefined {
  // Stryker disable next-line BlockStatement: equivalent, the loop below decodes what asciiShort() skips to the same string (CONTRIBUTING.md, Mutation testing)
  if (end - start <= 16) {
    const text = asciiShort(bytes, start, end - start);
    // Stryker disable next-line ConditionalExpression: equivalent, the loop below decodes what asciiShort() skips to the same string (CONTRIBUTING.md, Mutation testing)
    if (text !== undefined) return text;
  } else {
    // Longer ASCII: the runtime's own decoder copies it at once and beats the
    // loop below (Deno 2.9.6, 48 bytes: about 80 ns a call against 190 ns;
    // Node 3x, Bun 5x). Other text stays with the loop, which is faster on
    // Node, and whose results are TextDecoder's on every runtime.
    let i = start;
    while (i < end && bytes[i]! < 0x80) i++;
    const slice = BUFFER.utf8Slice;
    if (i === end && typeof slice === "function") {
      return (slice as (start: number, end: number) => string).call(
        bytes,
        start,
        end,
      );
    }
  }
  const units: number[] = [];
  for (let i = start; i < end;) {
    const lead = bytes[i++]!;
    if (lead < 0x80) {
      units.push(lead);
      continue;
    }
    // A continuation byte is 0x80-0xBF: 0-0x3F once its top bit flips.
    const c1 = bytes[i++]! ^ 0x80;
    if (lead < 0xc2 || c1 > 0x3f) return undefined;
    if (lead < 0xe0) {
      if (i > end) return undefined;
      units.push(((lead & 0x1f) << 6) | c1);
      continue;
    }
    const c2 = bytes[i++]! ^ 0x80;
    if (c2 > 0x3f) return undefined;
    if (lead < 0xf0) {
      const unit = ((lead & 0x0f) << 12) | (c1 << 6) | c2;
      // Overlong, or a surrogate: not valid UTF-8.
      if (i > end || unit < 0x800 || (unit & 0xf800) === 0xd800) {
        return undefined;
      }
      units.push(unit);
      continue;
    }
    const c3 = bytes[i++]! ^ 0x80;
    // Four bits of the lead, not three: a lead past 0xF4 lands past U+10FFFF.
    const point = ((lead & 0x0f) << 18) | (c1 << 12) | (c2 << 6) | c3;
    // Overlong, or past U+10FFFF.
    if (c3 > 0x3f || i > end || point < 0x10000 || point > 0x10ffff) {
      return undefined;
    }
    units.push(0xd7c0 + (point >> 10), 0xdc00 | (point & 0x3ff));
  }
  return fromCharCode.apply(null, units);
}

// Stryker disable BlockStatement: equivalent, the function or its branch emptied gives undefined or the other branch's string, and the general loop decodes the same (CONTRIBUTING.md, Mutation testing)
/**
 * `count` bytes from `start` as a string when they are all ASCII and at most
 * 16, else `undefined`: one `String.fromCharCode()` call with the bytes as
 * its arguments, the fastest way there is to a short string.
 */
function asciiShort(
  bytes: Uint8Array,
  start: number,
  count: number,
): string | undefined {
  let all = 0;
  // Stryker disable next-line EqualityOperator: equivalent, a byte more only sends more text to the general loop (CONTRIBUTING.md, Mutation testing)
  for (let i = start; i < start + count; i++) all |= bytes[i]!;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, an undefined answer sends the text to the general loop, which decodes it the same (CONTRIBUTING.md, Mutation testing)
  if (all > 0x7f) return undefined;
  // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator,BlockStatement: equivalent, both ways give the same string: a byte past the end reads as 0, and slice() cuts it (CONTRIBUTING.md, Mutation testing)
  if (start + 16 <= bytes.byteLength) {
    // The 16 bytes from `start` as they are, cut back to `count`, rather
    // than each chosen as below (Deno 2.9.6: 16 bytes of ASCII in about 33
    // ns a call against 40 ns).
    const text = fromCharCode(
      bytes[start]!,
      bytes[start + 1]!,
      bytes[start + 2]!,
      bytes[start + 3]!,
      bytes[start + 4]!,
      bytes[start + 5]!,
      bytes[start + 6]!,
      bytes[start + 7]!,
      bytes[start + 8]!,
      bytes[start + 9]!,
      bytes[start + 10]!,
      bytes[start + 11]!,
      bytes[start + 12]!,
      bytes[start + 13]!,
      bytes[start + 14]!,
      bytes[start + 15]!,
    );
    // Stryker disable next-line ConditionalExpression: equivalent, slice() of all 16 gives the same string (CONTRIBUTING.md, Mutation testing)
    return count === 16 ? text : text.slice(0, count);
  }
  // Near the end of the memory: past `count`, a 0 stands in.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, slice() cuts the bytes past count (CONTRIBUTING.md, Mutation testing)
  const at = (i: number) => i < count ? bytes[start + i]! : 0;
  const text = fromCharCode(
    at(0),
    at(1),
    at(2),
    at(3),
    at(4),
    at(5),
    at(6),
    at(7),
    at(8),
    at(9),
    at(10),
    at(11),
    at(12),
    at(13),
    at(14),
    at(15),
  );
  return text.slice(0, count);
}
// Stryker restore all

/**
 * Encodes `text`, at most {@linkcode SHORT_TEXT} code units, as UTF-8 into
 * `bytes` from `at`, which must have room for 3 bytes a code unit, in
 * JavaScript: for short text it beats a `TextEncoder.encodeInto()` call
 * (Deno 2.9.6: 64 characters with 2- and 3-byte ones in about 125 ns against
 * 180 ns; ASCII alike). A lone surrogate becomes U+FFFD, as `TextEncoder`
 * writes it.
 *
 * @param text The text.
 * @param bytes The memory, steady: written in place.
 * @param at Where the text starts in `bytes`.
 * @returns Where it ends.
 */
export function encodeShort(
  text: string,
  bytes: Uint8Array,
  at: number,
): number {
  const units = text.length;
  for (let i = 0; i < units; i++) {
    let unit = text.charCodeAt(i);
    if (unit < 0x80) {
      bytes[at++] = unit;
      continue;
    }
    if (unit < 0x800) {
      bytes[at++] = 0xc0 | (unit >> 6);
      bytes[at++] = 0x80 | (unit & 0x3f);
      continue;
    }
    if ((unit & 0xf800) === 0xd800) {
      const next = text.charCodeAt(i + 1);
      if (unit < 0xdc00 && (next & 0xfc00) === 0xdc00) {
        // A surrogate pair: one code point in 4 bytes.
        const point = 0x10000 + ((unit & 0x3ff) << 10) + (next & 0x3ff);
        bytes[at++] = 0xf0 | (point >> 18);
        bytes[at++] = 0x80 | ((point >> 12) & 0x3f);
        bytes[at++] = 0x80 | ((point >> 6) & 0x3f);
        bytes[at++] = 0x80 | (point & 0x3f);
        i++;
        continue;
      }
      unit = 0xfffd;
    }
    bytes[at++] = 0xe0 | (unit >> 12);
    bytes[at++] = 0x80 | ((unit >> 6) & 0x3f);
    bytes[at++] = 0x80 | (unit & 0x3f);
  }
  return at;
}

/**
 * The most code units of ASCII-looking text that {@linkcode encodeShort}
 * encodes: past them, {@linkcode encodesNatively} sends it to
 * `TextEncoder.encodeInto()`.
 */
const ASCII_IN_JAVASCRIPT = 32;

/**
 * Whether `text` is better encoded by `TextEncoder.encodeInto()` than by
 * {@linkcode encodeShort}: text of more than {@linkcode SHORT_TEXT} code
 * units, and text of more than 32 that starts with 4 ASCII characters, taken
 * for ASCII. The engine copies ASCII faster than JavaScript writes it byte by
 * byte once the call's own cost is paid (Deno 2.9.6, 64 ASCII characters:
 * about 80 ns against 95 ns, or 145 ns for a string the engine holds in
 * pieces, as one made by `+` or `repeat()`); other text it encodes more
 * slowly than JavaScript does. Either way the bytes are the same.
 */
export function encodesNatively(text: string): boolean {
  const units = text.length;
  return units > SHORT_TEXT ||
    (units > ASCII_IN_JAVASCRIPT && text.charCodeAt(0) < 0x80 &&
      text.charCodeAt(1) < 0x80 && text.charCodeAt(2) < 0x80 &&
      text.charCodeAt(3) < 0x80);
}

/**
 * Encodes `text` as UTF-8 into the start of `target`, which must have room
 * for all of it.
 *
 * @param text The text.
 * @param target Where it goes.
 * @param plain Whether `target` views a plain `ArrayBuffer`, when the caller
 * knows: else it is found out.
 * @returns The number of bytes written.
 */
export function encodeInto(
  text: string,
  target: Uint8Array,
  plain: boolean = isPlain(target.buffer),
): number {
  // No intermediate array where the engine writes into the memory itself.
  if (plain) return ENCODER.encodeInto(text, target).written;
  const encoded = ENCODER.encode(text);
  target.set(encoded);
  return encoded.byteLength;
}

/**
 * The most bytes `textLines()` decodes at once: a block of whole lines up to
 * 64 KiB long.
 */
const BLOCK = 65_536;
/** U+FFFD, what `TextDecoder` puts in place of invalid bytes. */
const REPLACEMENT = "\uFFFD";

/** A block of whole lines that `textLines()` decoded at once. */
export interface TextBlock {
  /** The lines, each with its `"\n"`. */
  readonly text: string;
  /** Where the next line starts in {@linkcode TextBlock.text}. */
  at: number;
  /** Whether the text is ASCII: a byte a character. */
  readonly ascii: boolean;
}

/**
 * Decodes the whole lines of up to {@linkcode BLOCK} bytes of `bytes` from
 * `start` (of `length`) with one `TextDecoder` call, for `textLines()`: far
 * cheaper than one call a line. Where that cannot be, it returns the byte
 * position before which the lines are to be read one by one instead: when
 * those bytes hold no line end (a long line, or the last one) or are not
 * valid UTF-8 (each line then gets its own replacement characters, or its
 * own error with `fatal`), or hold U+FFFD.
 *
 * @param bytes The memory.
 * @param start Where the lines start.
 * @param length The memory's length.
 * @returns The block, or where reading one by one ends.
 */
export function textBlock(
  bytes: Uint8Array,
  start: number,
  length: number,
): TextBlock | number {
  const reach = Math.min(length, start + BLOCK);
  if (start >= reach) return reach;
  const window = bytes.subarray(start, reach);
  const end = window.lastIndexOf(LF) + 1;
  if (end === 0) return reach;
  // Not the fatal decoder: Deno's is about 13 times slower. Invalid bytes
  // decode to U+FFFD, so text without it was valid; text with it (or with a
  // U+FFFD of its own) is read one by one.
  const text = decode(window.subarray(0, end), false);
  if (text.includes(REPLACEMENT)) return start + end;
  // Valid UTF-8 takes fewer code units than bytes unless every byte is ASCII.
  // Stryker disable next-line ConditionalExpression: equivalent, for ASCII utf8Length() of a slice is its length (CONTRIBUTING.md, Mutation testing)
  return { text, at: 0, ascii: text.length === end };
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
  // A byte a code unit, and up to 2 more for each that needs them.
  let count = units;
  for (let i = 0; i < units; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) continue;
    if (unit < 0x800) {
      count += 1;
    } else if (
      // A high surrogate before a low one needs none: the pair takes 4 bytes,
      // its 2 and the 2 more of the low one. Past the end `charCodeAt()` is
      // NaN, never a low surrogate.
      unit > 0xdbff || unit < 0xd800 ||
      (text.charCodeAt(i + 1) & 0xfc00) !== 0xdc00
    ) {
      count += 2;
    }
  }
  return count;
}
