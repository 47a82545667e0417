/**
 * Test helper: the nine varint kinds of `Cursor` side by side with a
 * reference codec, written the textbook way over bigints so that it shares
 * nothing with `_varint.ts`: unsigned LEB128, signed LEB128 and zigzag, and
 * what a decoder must say about any bytes (a value and its length, the end
 * of the memory, or which rule they break).
 */

import type { Cursor } from "@iocursor/cursor";

/** One pair of varint methods and the rules of its type. */
export interface VarintKind {
  /** The name in `read<name>()`, `write<name>()` and messages. */
  name: string;
  /** How the value is encoded. */
  encoding: "unsigned" | "signed" | "zigzag";
  /** The bits of the type: 32 or 64. */
  bits: 32 | 64;
  /** The longest encoding: 5 or 10 bytes. */
  size: number;
  /** Whether the methods take and give bigints (else numbers). */
  big: boolean;
  /** The smallest value the methods take and give. */
  min: bigint;
  /** The largest value the methods take and give. */
  max: bigint;
  /** Calls `read<name>()`. */
  read(cursor: Cursor): number | bigint;
  /** Calls `write<name>(value)`. */
  write(cursor: Cursor, value: number | bigint): number;
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function kind(
  name: string,
  encoding: VarintKind["encoding"],
  bits: 32 | 64,
  big: boolean,
): VarintKind {
  const signed = encoding !== "unsigned";
  const min = signed ? -(2n ** BigInt(bits - 1)) : 0n;
  const max = signed ? 2n ** BigInt(bits - 1) - 1n : 2n ** BigInt(bits) - 1n;
  // The number forms of 64 bits stop at the safe integers.
  const safe = bits === 64 && !big;
  const methods = (cursor: Cursor) =>
    cursor as unknown as Record<string, (...args: unknown[]) => unknown>;
  return {
    name,
    encoding,
    bits,
    size: bits === 32 ? 5 : 10,
    big,
    min: safe ? (signed ? -SAFE : 0n) : min,
    max: safe ? SAFE : max,
    read: (cursor) => methods(cursor)[`read${name}`]!() as number | bigint,
    write: (cursor, value) => methods(cursor)[`write${name}`]!(value) as number,
  };
}

/** Every varint kind of `Cursor`. */
export const VARINT_KINDS: VarintKind[] = [
  kind("VarUint32", "unsigned", 32, false),
  kind("VarInt32", "signed", 32, false),
  kind("ZigZag32", "zigzag", 32, false),
  kind("VarUint64", "unsigned", 64, false),
  kind("VarInt64", "signed", 64, false),
  kind("ZigZag64", "zigzag", 64, false),
  kind("BigVarUint64", "unsigned", 64, true),
  kind("BigVarInt64", "signed", 64, true),
  kind("BigZigZag64", "zigzag", 64, true),
];

/** The value as the kind's methods take and give it. */
export function toValue(kind: VarintKind, value: bigint): number | bigint {
  return kind.big ? value : Number(value);
}

/**
 * The edge values of the issue (0, 1, 127, 128, 2^31 - 1, -1, -2^31,
 * 2^32 - 1, 2^53 - 1, 2^63 - 1, -2^63, 2^64 - 1) and the lengths' edges,
 * those the kind takes.
 */
export function edgeValues(kind: VarintKind): bigint[] {
  const edges = [
    0n,
    1n,
    63n,
    64n,
    127n,
    128n,
    -1n,
    -64n,
    -65n,
    2n ** 31n - 1n,
    -(2n ** 31n),
    2n ** 32n - 1n,
    2n ** 53n - 1n,
    -(2n ** 53n - 1n),
    2n ** 63n - 1n,
    -(2n ** 63n),
    2n ** 64n - 1n,
  ];
  return edges.filter((value) => value >= kind.min && value <= kind.max);
}

/** Zigzag: 2n for n >= 0, -2n - 1 for n < 0. */
export function zigzag(value: bigint): bigint {
  return value >= 0n ? 2n * value : -2n * value - 1n;
}

/** The reference encoding of `value`, which the kind must take. */
export function encodeVarint(kind: VarintKind, value: bigint): number[] {
  const bytes: number[] = [];
  if (kind.encoding === "signed") {
    for (;;) {
      const byte = Number(value & 0x7fn);
      value >>= 7n;
      const done = (value === 0n && byte < 0x40) ||
        (value === -1n && byte >= 0x40);
      bytes.push(done ? byte : byte | 0x80);
      if (done) return bytes;
    }
  }
  let unsigned = kind.encoding === "zigzag" ? zigzag(value) : value;
  while (unsigned > 0x7fn) {
    bytes.push(Number(unsigned & 0x7fn) | 0x80);
    unsigned >>= 7n;
  }
  bytes.push(Number(unsigned));
  return bytes;
}

/** What a decoder must make of the bytes at a position. */
export type Decoded =
  /** A value, and how many bytes it took. */
  | { value: bigint; length: number }
  /** The end came first, after `available` bytes with a continuation bit. */
  | { eof: number }
  /**
   * The bytes break a rule: longer than the kind's size, a value that does
   * not fit its bits, or (a `number` form) beyond the safe integers.
   */
  | { invalid: "long" | "bits" | "unsafe"; value?: bigint };

/** The reference decoder: what the kind must read at `at` of `bytes`. */
export function decodeVarint(
  kind: VarintKind,
  bytes: ArrayLike<number>,
  at: number,
): Decoded {
  let raw = 0n;
  let length = 0;
  for (;;) {
    if (length === kind.size) return { invalid: "long" };
    if (at + length >= bytes.length) {
      return { eof: Math.max(0, bytes.length - at) };
    }
    const byte = bytes[at + length]!;
    raw |= BigInt(byte & 0x7f) << BigInt(7 * length);
    length++;
    if (byte < 0x80) break;
  }
  const bits = BigInt(kind.bits);
  let value: bigint;
  if (kind.encoding === "signed") {
    const width = BigInt(7 * length);
    value = raw >> (width - 1n) ? raw - (1n << width) : raw;
    if (value < -(1n << (bits - 1n)) || value >= 1n << (bits - 1n)) {
      return { invalid: "bits" };
    }
  } else {
    if (raw >= 1n << bits) return { invalid: "bits" };
    value = kind.encoding === "zigzag"
      ? (raw & 1n ? -(raw + 1n) / 2n : raw / 2n)
      : raw;
  }
  if (value < kind.min || value > kind.max) return { invalid: "unsafe", value };
  return { value, length };
}

/** Spells a byte count the way error messages do. */
function bytesOf(count: number): string {
  return count === 1 ? "1 byte" : `${count} bytes`;
}

/**
 * The exact message of the error a read of `decoded` (invalid or cut short)
 * at `position` must throw.
 */
export function readMessage(
  kind: VarintKind,
  decoded: Decoded,
  position: number,
  bytes: ArrayLike<number>,
): string {
  if ("eof" in decoded) {
    const available = decoded.eof;
    return `Cannot read a ${kind.name} of at least ${
      bytesOf(available + 1)
    }: only ${bytesOf(available)} ${available === 1 ? "remains" : "remain"}`;
  }
  if ("length" in decoded) throw new Error("a valid varint has no error");
  const at = `Cannot read a ${kind.name} at position ${position}`;
  switch (decoded.invalid) {
    case "long":
      return `${at}: it is longer than ${kind.size} bytes`;
    case "bits": {
      let last = 0;
      while (bytes[position + last]! >= 0x80) last++;
      const byte = bytes[position + last]!.toString(16).padStart(2, "0");
      return `${at}: its value needs more than ${kind.bits} bits (byte ${
        last + 1
      } is 0x${byte})`;
    }
    default: {
      const value = decoded.value!;
      const limit = value > 0n
        ? "above Number.MAX_SAFE_INTEGER"
        : "below Number.MIN_SAFE_INTEGER";
      return `${at}: ${value} is ${limit}; read it with readBig${kind.name}()`;
    }
  }
}

/** The exact message of the error a write of `value` out of range throws. */
export function rangeMessage(kind: VarintKind, value: unknown): string {
  const show = (v: unknown) =>
    typeof v === "bigint" ? `${v}n` : Object.is(v, -0) ? "-0" : String(v);
  const bound = (v: bigint) => show(toValue(kind, v));
  return `Cannot write a ${kind.name}: value must be an integer from ${
    bound(kind.min)
  } to ${bound(kind.max)}, received ${show(value)}`;
}
