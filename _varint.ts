/**
 * Varints: integers in LEB128, 7 bits a byte, least significant first, the
 * high bit of each byte set when another follows. Unsigned LEB128 (wasm u32,
 * protobuf uint32/uint64, DWARF ULEB128), signed LEB128, whose last byte
 * carries the sign (wasm i32/i64, DWARF SLEB128), and zigzag (protobuf
 * sint32/sint64: unsigned LEB128 of 2n for n >= 0 and -2n - 1 for n < 0).
 *
 * Each kind is a {@linkcode Varint}: its decoder, its encoder, its longest
 * encoding and its range, which the cursor's methods share. Decoders and
 * encoders work on a plain `Uint8Array` of this realm only: the cursor's
 * fast path hands them its steady memory (`#fast`), and its general path a
 * window copied out of other memory ({@linkcode windowAt}) or the
 * {@linkcode SCRATCH} it copies into other memory. So their call sites see
 * one kind of array, whatever memory a program uses.
 *
 * A decoder reads at `state[0]` (a position kept in an `Int32Array`, as
 * the cursor keeps it) and, for a valid varint, moves `state[0]` past it and
 * returns its value; otherwise it leaves `state[0]` alone and returns a value
 * outside its type (-1 from {@linkcode getVarUint32}, {@linkcode INVALID}
 * from the other `number` decoders, `undefined` from the `bigint` ones): the
 * varint is cut short by the end of `bytes`, longer than the type allows (5
 * bytes for 32 bits, 10 for 64), has bits set beyond the type in its last
 * byte (for signed LEB128: a last byte that is not the sign extension), or,
 * for a `number`, a value beyond ±`Number.MAX_SAFE_INTEGER`. Encodings
 * longer than needed (`0x80 0x00` for 0) are valid, as in WebAssembly and
 * DWARF. {@linkcode readError} tells which rule an invalid varint broke.
 *
 * @module
 */

import { describe } from "./_checks.ts";
import { UnexpectedEofError } from "./errors.ts";

/**
 * What a `number` decoder returns for bytes that hold no valid varint of its
 * kind: outside every value one returns (±`Number.MAX_SAFE_INTEGER`).
 */
// Stryker disable next-line UnaryOperator: equivalent, callers compare the failure value by name, and it stays beyond the safe integers (CONTRIBUTING.md, Mutation testing)
export const INVALID = -(2 ** 53);

/** 2^32, the weight of the high half of a 64-bit integer. */
const HIGH = 2 ** 32;
/** The high halves of the safe integers are from -SAFE_HIGH to SAFE_HIGH - 1. */
const SAFE_HIGH = 2 ** 21;
/** The largest unsigned 64-bit integer. */
export const MAX_UINT64: bigint = 2n ** 64n - 1n;
/** The smallest signed 64-bit integer. */
export const MIN_INT64: bigint = -(2n ** 63n);
/** The largest signed 64-bit integer. */
export const MAX_INT64: bigint = 2n ** 63n - 1n;

/**
 * The 64 bits of the last 64-bit varint {@linkcode get64} decoded, or of a
 * bigint to encode, little-endian. The engine makes the bigint of 64 bits
 * that a `DataView` reads inline: `readBigVarUint64()` over 1 MiB of mixed
 * lengths ran 2.2 times as fast as with `BigInt()` of the two halves.
 */
const WORD = new DataView(new ArrayBuffer(8));

/** One kind of varint, as the cursor's methods read and write it. */
export interface Varint<T extends number | bigint> {
  /** The name in the methods (`readVarUint32`) and in messages. */
  readonly name: string;
  /** The bits of the type: 32 or 64. */
  readonly bits: number;
  /** The longest encoding in bytes: 5 for 32 bits, 10 for 64. */
  readonly size: number;
  /** The smallest value of the type. */
  readonly min: T;
  /** The largest value of the type. */
  readonly max: T;
  /**
   * Decodes the varint at `state[0]` of `bytes` and moves `state[0]` past
   * it; leaves it alone and returns a value outside the type if `bytes`
   * hold none (see the module doc).
   */
  readonly get: (bytes: Uint8Array, state: Int32Array) => T | undefined;
  /**
   * Encodes `value`, which the caller has checked, at `at` of `bytes`, which
   * must have room for {@linkcode Varint.size} bytes there.
   *
   * @returns Where the encoding ends.
   */
  readonly put: (bytes: Uint8Array, at: number, value: T) => number;
  /**
   * For a `number` form of a 64-bit varint: the `bigint` form that reads the
   * same bytes, for the message about a value beyond the safe integers.
   */
  readonly big?: Varint<bigint>;
}

// ---------------------------------------------------------------------------
// Decoding

/**
 * The unsigned LEB128 of at most 32 bits at `state[0]`, when 5 bytes or more
 * remain (a varint of 5 bytes at most, the fifth holding bits 28 to 31
 * only): the fast path of `readVarUint32()`. Nearer the end it returns -1
 * and the general path reads what is there (see {@linkcode VAR_UINT32}): a
 * loop for those last bytes, once the engine had inlined it here, made the
 * cursor's loops 1.2 times slower.
 *
 * @returns The value, or -1: {@linkcode INVALID}, a double, made the hot
 * path of `readVarUint32()` 1.2 times slower.
 */
export function getVarUint32(bytes: Uint8Array, state: Int32Array): number {
  const at = state[0]!;
  // 5 bytes or more before the end: no load needs a check of its own (a load
  // out of bounds would slow this one for every caller).
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, a -1 answer sends the read to the general path, whose decoder gives the same value or error (CONTRIBUTING.md, Mutation testing)
  if (bytes.byteLength - at < 5) return -1;
  // Without branches: the five bytes a varint may take are loaded, and the
  // continuation bits make masks (0 or -1) of the bytes that belong to it.
  // A branch per byte, which mixed lengths mispredict, ran 1.3 times slower.
  const b0 = bytes[at]!;
  const b1 = bytes[at + 1]!;
  const b2 = bytes[at + 2]!;
  const b3 = bytes[at + 3]!;
  const b4 = bytes[at + 4]!;
  const m1 = -(b0 >> 7);
  const m2 = m1 & -(b1 >> 7);
  const m3 = m2 & -(b2 >> 7);
  const m4 = m3 & -(b3 >> 7);
  // A fifth byte holds bits 28 to 31 only (and ends the varint).
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, a -1 answer sends the read to the general path, whose decoder gives the same value or error (CONTRIBUTING.md, Mutation testing)
  if ((b4 & m4) > 0x0f) return -1;
  state[0] = at + 1 - m1 - m2 - m3 - m4;
  return (b0 & 0x7f | (b1 & 0x7f) << 7 & m1 | (b2 & 0x7f) << 14 & m2 |
    (b3 & 0x7f) << 21 & m3 | b4 << 28 & m4) >>> 0;
}

/**
 * Zigzag over {@linkcode getVarUint32}: the fast path of `readZigZag32()`.
 *
 * @returns The value, or {@linkcode INVALID}.
 */
export function getZigZag32(bytes: Uint8Array, state: Int32Array): number {
  return unZigZag32(getVarUint32(bytes, state));
}

/** Decodes zigzag of 32 bits; {@linkcode INVALID} for a negative `value`. */
function unZigZag32(value: number): number {
  return value < 0 ? INVALID : value >>> 1 ^ -(value & 1);
}

/**
 * The LEB128 of at most 32 bits at `state[0]`, anywhere before the end: 5
 * bytes at most, the fifth holding bits 28 to 31 (and, when `signed`,
 * copies of bit 31 above them).
 *
 * @returns The value, or {@linkcode INVALID}.
 */
function get32(bytes: Uint8Array, state: Int32Array, signed: boolean): number {
  const end = bytes.byteLength;
  let at = state[0]!;
  let value = 0;
  for (let shift = 0; shift < 28; shift += 7) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, a byte past the end reads as undefined, which adds no bits and ends no varint, and the test after the loop refuses it (CONTRIBUTING.md, Mutation testing)
    if (at >= end) return INVALID;
    const byte = bytes[at++]!;
    value |= (byte & 0x7f) << shift;
    if (byte < 0x80) {
      state[0] = at;
      // Signed: bit 6 of the last byte is the sign, copied to the bits above.
      const above = signed ? 25 - shift : 0;
      return value << above >> above;
    }
  }
  if (at >= end) return INVALID;
  const last = bytes[at++]!;
  // Signed: 0x00 to 0x07 for a positive value, 0x78 to 0x7f for a negative.
  const top = last >> 3;
  if (signed ? top !== 0 && top !== 0x0f : top > 1) return INVALID;
  state[0] = at;
  return signed ? value | last << 28 : (value | last << 28) >>> 0;
}

/**
 * The signed LEB128 of at most 32 bits at `state[0]`.
 *
 * @returns The value, or {@linkcode INVALID}.
 */
export function getVarInt32(bytes: Uint8Array, state: Int32Array): number {
  return get32(bytes, state, true);
}

/** How a 64-bit varint encodes its value. */
type Encoding = "unsigned" | "signed" | "zigzag";

/**
 * Decodes the LEB128 of at most 64 bits at `start` into {@linkcode WORD}: 10
 * bytes at most, the tenth holding bit 63 (and, for signed LEB128, copies of
 * it above). A signed value is left there in two's complement, a zigzag one
 * as it is encoded. Small enough for the engine to inline (460 bytecodes at
 * most in V8): the zigzag step is {@linkcode unZigZag}.
 *
 * @returns Where the varint ends, or -1 when `bytes` hold none.
 */
function get64(bytes: Uint8Array, start: number, encoding: Encoding): number {
  const signed = encoding === "signed";
  const end = bytes.byteLength;
  let at = start;
  let low = 0;
  let high = 0;
  let byte = 0x80;
  // Bytes 1 to 4: bits 0 to 27, in the low half.
  for (let shift = 0; shift < 28 && byte >= 0x80; shift += 7) {
    if (at >= end) return -1;
    byte = bytes[at++]!;
    low |= (byte & 0x7f) << shift;
    if (signed && byte >= 0x40 && byte < 0x80) {
      low |= -1 << shift + 7;
      high = -1;
    }
  }
  if (byte >= 0x80) {
    // Byte 5: bits 28 to 34, 4 in the low half and 3 in the high one.
    if (at >= end) return -1;
    byte = bytes[at++]!;
    low |= byte << 28;
    high = (byte & 0x7f) >> 4;
    if (signed && byte >= 0x40 && byte < 0x80) high |= -1 << 3;
  }
  // Bytes 6 to 9: bits 35 to 62.
  for (let shift = 3; shift < 31 && byte >= 0x80; shift += 7) {
    if (at >= end) return -1;
    byte = bytes[at++]!;
    high |= (byte & 0x7f) << shift;
    if (signed && byte >= 0x40 && byte < 0x80) high |= -1 << shift + 7;
  }
  if (byte >= 0x80) {
    // Byte 10: bit 63.
    if (at >= end) return -1;
    byte = bytes[at++]!;
    if (signed ? byte !== 0 && byte !== 0x7f : byte > 1) return -1;
    high |= byte << 31;
  }
  WORD.setInt32(0, low, true);
  WORD.setInt32(4, high, true);
  return at;
}

/**
 * Decodes zigzag in {@linkcode WORD} in place, to two's complement: 2n for
 * n >= 0 and -2n - 1 for n < 0, so the low bit is the sign.
 */
function unZigZag(): void {
  const low = WORD.getInt32(0, true);
  const high = WORD.getInt32(4, true);
  const sign = -(low & 1);
  WORD.setInt32(0, (low >>> 1 | high << 31) ^ sign, true);
  WORD.setInt32(4, high >>> 1 ^ sign, true);
}

/**
 * The varint of `encoding` at `state[0]` as a safe integer, moving
 * `state[0]` past it.
 *
 * @returns The value, or {@linkcode INVALID}.
 */
function getSafe(
  bytes: Uint8Array,
  state: Int32Array,
  encoding: Encoding,
): number {
  const end = get64(bytes, state[0]!, encoding);
  // Stryker disable next-line EqualityOperator: equivalent, get64() never returns 0 as an end (CONTRIBUTING.md, Mutation testing)
  if (end < 0) return INVALID;
  if (encoding === "zigzag") unZigZag();
  const low = WORD.getUint32(0, true);
  const high = encoding === "unsigned"
    ? WORD.getUint32(4, true)
    : WORD.getInt32(4, true);
  if (high < -SAFE_HIGH || high >= SAFE_HIGH || high === -SAFE_HIGH && !low) {
    return INVALID;
  }
  state[0] = end;
  return high * HIGH + low;
}

/**
 * The varint of `encoding` at `state[0]` as a bigint, moving `state[0]` past
 * it.
 *
 * @returns The value, or `undefined`.
 */
function getBig(
  bytes: Uint8Array,
  state: Int32Array,
  encoding: Encoding,
): bigint | undefined {
  const end = get64(bytes, state[0]!, encoding);
  // Stryker disable next-line EqualityOperator: equivalent, get64() never returns 0 as an end (CONTRIBUTING.md, Mutation testing)
  if (end < 0) return undefined;
  if (encoding === "zigzag") unZigZag();
  state[0] = end;
  return encoding === "unsigned"
    ? WORD.getBigUint64(0, true)
    : WORD.getBigInt64(0, true);
}

/** The unsigned LEB128 at `state[0]`, as a safe integer, or INVALID. */
export function getVarUint64(bytes: Uint8Array, state: Int32Array): number {
  return getSafe(bytes, state, "unsigned");
}

/** The signed LEB128 at `state[0]`, as a safe integer, or INVALID. */
export function getVarInt64(bytes: Uint8Array, state: Int32Array): number {
  return getSafe(bytes, state, "signed");
}

/** Zigzag at `state[0]`, as a safe integer, or INVALID. */
export function getZigZag64(bytes: Uint8Array, state: Int32Array): number {
  return getSafe(bytes, state, "zigzag");
}

/** The unsigned LEB128 at `state[0]`, as a bigint, or `undefined`. */
export function getBigVarUint64(
  bytes: Uint8Array,
  state: Int32Array,
): bigint | undefined {
  return getBig(bytes, state, "unsigned");
}

/** The signed LEB128 at `state[0]`, as a bigint, or `undefined`. */
export function getBigVarInt64(
  bytes: Uint8Array,
  state: Int32Array,
): bigint | undefined {
  return getBig(bytes, state, "signed");
}

/** Zigzag at `state[0]`, as a bigint, or `undefined`. */
export function getBigZigZag64(
  bytes: Uint8Array,
  state: Int32Array,
): bigint | undefined {
  return getBig(bytes, state, "zigzag");
}

// ---------------------------------------------------------------------------
// Encoding

/**
 * Encodes `value`, an integer from 0 to 2^32 - 1, as unsigned LEB128 at `at`,
 * where there must be room for its bytes (not for 5).
 *
 * @returns Where the encoding ends.
 */
export function putVarUint32(
  bytes: Uint8Array,
  at: number,
  value: number,
): number {
  // Without branches: `end` is the last byte, from the bits the value has
  // (floor((bits - 1) / 7) as a multiplication). Every byte but the last
  // is stored with its continuation bit at `at`, `at + 1`... but no further
  // than `end`, and the last store puts the last byte there. A loop that
  // stops after the last byte, whose exit mixed lengths mispredict, ran 1.6
  // times slower. A `Uint8Array` keeps the low 8 bits of what it stores.
  const end = at + ((31 - Math.clz32(value | 1)) * 37 >> 8);
  bytes[at] = value | 0x80;
  bytes[Math.min(at + 1, end)] = value >>> 7 | 0x80;
  bytes[Math.min(at + 2, end)] = value >>> 14 | 0x80;
  bytes[Math.min(at + 3, end)] = value >>> 21 | 0x80;
  bytes[end] = value >>> 7 * (end - at);
  return end + 1;
}

/**
 * Encodes the unsigned 64-bit integer with halves `low` and `high` (int32 or
 * uint32 bit patterns) as unsigned LEB128 at `at`.
 *
 * @returns Where the encoding ends.
 */
function putUnsigned(
  bytes: Uint8Array,
  at: number,
  low: number,
  high: number,
): number {
  while (high !== 0) {
    bytes[at++] = low & 0x7f | 0x80;
    low = (low >>> 7 | high << 25) >>> 0;
    high >>>= 7;
  }
  return putVarUint32(bytes, at, low >>> 0);
}

/**
 * Encodes the signed 64-bit integer with halves `low` (a bit pattern) and
 * `high` (signed) as signed LEB128 at `at`: it ends at the first byte after
 * which only copies of that byte's bit 6, its sign, would follow.
 *
 * @returns Where the encoding ends.
 */
function putSigned(
  bytes: Uint8Array,
  at: number,
  low: number,
  high: number,
): number {
  for (;;) {
    const byte = low & 0x7f;
    low = low >>> 7 | high << 25;
    high >>= 7;
    const sign = -(byte >> 6);
    if (low === sign && high === sign) {
      bytes[at++] = byte;
      return at;
    }
    bytes[at++] = byte | 0x80;
  }
}

/** Encodes zigzag of the signed 64-bit integer with halves `low`, `high`. */
function putZigZag(
  bytes: Uint8Array,
  at: number,
  low: number,
  high: number,
): number {
  const sign = high >> 31;
  return putUnsigned(
    bytes,
    at,
    low << 1 ^ sign,
    (high << 1 | low >>> 31) ^ sign,
  );
}

/** The high half of a safe integer: `value` is `high * 2^32 + (value >>> 0)`. */
function highOf(value: number): number {
  return Math.floor(value / HIGH);
}

/** Encodes `value`, an int32, as signed LEB128 at `at`. */
export function putVarInt32(
  bytes: Uint8Array,
  at: number,
  value: number,
): number {
  return putSigned(bytes, at, value, value >> 31);
}

/** Encodes `value`, an int32, as zigzag at `at`. */
export function putZigZag32(
  bytes: Uint8Array,
  at: number,
  value: number,
): number {
  return putVarUint32(bytes, at, (value << 1 ^ value >> 31) >>> 0);
}

/** Encodes `value`, a safe integer >= 0, as unsigned LEB128 at `at`. */
export function putVarUint64(
  bytes: Uint8Array,
  at: number,
  value: number,
): number {
  return putUnsigned(bytes, at, value, highOf(value));
}

/** Encodes `value`, a safe integer, as signed LEB128 at `at`. */
export function putVarInt64(
  bytes: Uint8Array,
  at: number,
  value: number,
): number {
  return putSigned(bytes, at, value | 0, highOf(value));
}

/** Encodes `value`, a safe integer, as zigzag at `at`. */
export function putZigZag64(
  bytes: Uint8Array,
  at: number,
  value: number,
): number {
  return putZigZag(bytes, at, value | 0, highOf(value));
}

/** Encodes `value`, from 0 to 2^64 - 1, as unsigned LEB128 at `at`. */
export function putBigVarUint64(
  bytes: Uint8Array,
  at: number,
  value: bigint,
): number {
  // The halves through a DataView: no bigint is made on the way.
  WORD.setBigUint64(0, value, true);
  return putUnsigned(
    bytes,
    at,
    WORD.getUint32(0, true),
    WORD.getUint32(4, true),
  );
}

/** Encodes `value`, from -2^63 to 2^63 - 1, as signed LEB128 at `at`. */
export function putBigVarInt64(
  bytes: Uint8Array,
  at: number,
  value: bigint,
): number {
  WORD.setBigInt64(0, value, true);
  return putSigned(bytes, at, WORD.getInt32(0, true), WORD.getInt32(4, true));
}

/** Encodes `value`, from -2^63 to 2^63 - 1, as zigzag at `at`. */
export function putBigZigZag64(
  bytes: Uint8Array,
  at: number,
  value: bigint,
): number {
  WORD.setBigInt64(0, value, true);
  return putZigZag(bytes, at, WORD.getInt32(0, true), WORD.getInt32(4, true));
}

// ---------------------------------------------------------------------------
// The kinds

/**
 * Unsigned LEB128 of 32 bits. Its decoder reads anywhere, near the end too,
 * unlike {@linkcode getVarUint32}.
 */
export const VAR_UINT32: Varint<number> = {
  name: "VarUint32",
  bits: 32,
  size: 5,
  min: 0,
  max: 2 ** 32 - 1,
  get: (bytes, state) => get32(bytes, state, false),
  put: putVarUint32,
};

/** Signed LEB128 of 32 bits. */
export const VAR_INT32: Varint<number> = {
  name: "VarInt32",
  bits: 32,
  size: 5,
  min: -(2 ** 31),
  max: 2 ** 31 - 1,
  get: getVarInt32,
  put: putVarInt32,
};

/** Zigzag of 32 bits, read anywhere as {@linkcode VAR_UINT32} is. */
export const ZIGZAG32: Varint<number> = {
  ...VAR_INT32,
  name: "ZigZag32",
  get: (bytes, state) => unZigZag32(get32(bytes, state, false)),
  put: putZigZag32,
};

/** Unsigned LEB128 of 64 bits, as a bigint. */
export const BIG_VAR_UINT64: Varint<bigint> = {
  name: "BigVarUint64",
  bits: 64,
  size: 10,
  min: 0n,
  max: MAX_UINT64,
  get: getBigVarUint64,
  put: putBigVarUint64,
};

/** Signed LEB128 of 64 bits, as a bigint. */
export const BIG_VAR_INT64: Varint<bigint> = {
  name: "BigVarInt64",
  bits: 64,
  size: 10,
  min: MIN_INT64,
  max: MAX_INT64,
  get: getBigVarInt64,
  put: putBigVarInt64,
};

/** Zigzag of 64 bits, as a bigint. */
export const BIG_ZIGZAG64: Varint<bigint> = {
  ...BIG_VAR_INT64,
  name: "BigZigZag64",
  get: getBigZigZag64,
  put: putBigZigZag64,
};

/** Unsigned LEB128 of 64 bits, as a safe integer. */
export const VAR_UINT64: Varint<number> = {
  name: "VarUint64",
  bits: 64,
  size: 10,
  min: 0,
  max: Number.MAX_SAFE_INTEGER,
  get: getVarUint64,
  put: putVarUint64,
  big: BIG_VAR_UINT64,
};

/** Signed LEB128 of 64 bits, as a safe integer. */
export const VAR_INT64: Varint<number> = {
  name: "VarInt64",
  bits: 64,
  size: 10,
  min: Number.MIN_SAFE_INTEGER,
  max: Number.MAX_SAFE_INTEGER,
  get: getVarInt64,
  put: putVarInt64,
  big: BIG_VAR_INT64,
};

/** Zigzag of 64 bits, as a safe integer. */
export const ZIGZAG64: Varint<number> = {
  ...VAR_INT64,
  name: "ZigZag64",
  get: getZigZag64,
  put: putZigZag64,
  big: BIG_ZIGZAG64,
};

// ---------------------------------------------------------------------------
// The general path: memory of any kind, checks and errors

/**
 * Where the general path encodes a varint before copying it into the
 * memory, and the windows it decodes from: `WINDOWS[n]` is its first `n`
 * bytes. Plain arrays of this realm, made once.
 */
export const SCRATCH = new Uint8Array(10);
const WINDOWS = Array.from({ length: 11 }, (_, n) => SCRATCH.subarray(0, n));

/**
 * Copies what a varint of `size` bytes at most may hold from `start` of
 * `bytes` (memory of any kind, not detached) into the scratch.
 *
 * @returns A window of the scratch holding those bytes: empty at or past the
 * end.
 */
export function windowAt(
  bytes: Uint8Array,
  start: number,
  size: number,
): Uint8Array {
  const count = Math.max(0, Math.min(size, bytes.byteLength - start));
  const window = WINDOWS[count]!;
  // A byte loop on the general path only: no view of the memory is made.
  // Stryker disable next-line EqualityOperator: equivalent, a store past the end of a typed array is ignored (CONTRIBUTING.md, Mutation testing)
  for (let i = 0; i < count; i++) window[i] = bytes[start + i]!;
  return window;
}

/**
 * The error for a `window` (see {@linkcode windowAt}) at `start` that holds
 * no valid varint of kind `varint`: cut short by the end, longer than the
 * type allows, bits beyond the type, or a `number` beyond the safe integers.
 */
export function readError<T extends number | bigint>(
  varint: Varint<T>,
  window: Uint8Array,
  start: number,
): RangeError {
  const { name, size } = varint;
  const count = window.byteLength;
  const last = window.findIndex((byte) => byte < 0x80);
  if (last === -1 && count < size) {
    return new UnexpectedEofError(
      `read a ${name} of at least`,
      count + 1,
      count,
    );
  }
  const at = `Cannot read a ${name} at position ${start}`;
  if (last === -1) {
    return new RangeError(`${at}: it is longer than ${size} bytes`);
  }
  const wide = varint.big ?? varint;
  const state = new Int32Array(1);
  const value = wide.get(window, state)!;
  if (state[0] === 0) {
    return new RangeError(
      `${at}: its value needs more than ${varint.bits} bits (byte ${
        last + 1
      } is 0x${window[last]!.toString(16).padStart(2, "0")})`,
    );
  }
  // Stryker disable next-line EqualityOperator: equivalent, only values beyond the safe integers get here, never 0 (CONTRIBUTING.md, Mutation testing)
  const limit = value > 0
    ? "above Number.MAX_SAFE_INTEGER"
    : "below Number.MIN_SAFE_INTEGER";
  return new RangeError(
    `${at}: ${value} is ${limit}; read it with read${wide.name}()`,
  );
}

/**
 * Checks that `value` is an integer of the type of `varint` and encodes it
 * into {@linkcode SCRATCH}.
 *
 * @param varint The kind.
 * @param value What the caller gave.
 * @param action What the messages name, such as `"write a VarUint32"`.
 * @returns The length of the encoding.
 * @throws {TypeError} If `value` is not a number (a bigint for a bigint
 * kind).
 * @throws {RangeError} If `value` is not an integer from the smallest to the
 * largest value of the type.
 */
export function encode<T extends number | bigint>(
  varint: Varint<T>,
  value: unknown,
  action: string,
): number {
  const { min, max } = varint;
  const big = typeof min === "bigint";
  if (big ? typeof value !== "bigint" : typeof value !== "number") {
    throw new TypeError(
      `Cannot ${action}: value must be a ${
        big ? "bigint" : "number"
      }, received ${describe(value)}`,
    );
  }
  const given = value as T;
  if (!(big || Number.isInteger(given)) || given < min || given > max) {
    throw new RangeError(
      `Cannot ${action}: value must be an integer from ${describe(min)} to ${
        describe(max)
      }, received ${describe(value)}`,
    );
  }
  return varint.put(SCRATCH, 0, given);
}

/**
 * How many bytes a varint of the unsigned, signed or zigzag kind takes for
 * `value`: a safe integer, or a bigint of 64 bits.
 *
 * @param kinds The `number` form of the kind, then its `bigint` form.
 * @param value What the caller gave.
 * @param action What the messages name, such as `"measure a VarUint"`.
 * @returns The length of the encoding, from 1 to 10.
 */
export function encodedLength(
  [number, bigint]: [Varint<number>, Varint<bigint>],
  value: unknown,
  action: string,
): number {
  if (typeof value === "bigint") return encode(bigint, value, action);
  if (typeof value === "number") return encode(number, value, action);
  throw new TypeError(
    `Cannot ${action}: value must be a number or bigint, received ${
      describe(value)
    }`,
  );
}

/**
 * Copies the first `count` bytes of {@linkcode SCRATCH} to `start` of
 * `bytes` (memory of any kind, with room for them).
 */
export function copyScratch(
  bytes: Uint8Array,
  start: number,
  count: number,
): void {
  // A byte loop on the general path only, as in windowAt().
  for (let i = 0; i < count; i++) bytes[start + i] = SCRATCH[i]!;
}
