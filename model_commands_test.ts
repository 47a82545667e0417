/**
 * The command model of the cursor: random sequences of operations run
 * against a `Cursor` and against a model far simpler than it (a plain
 * `number[]` plus a position), comparing results, errors, bytes and guard
 * bytes after every step, sync and async, with the owner changing or
 * resizing the memory between commands. Every counterexample fast-check found
 * is kept at the end as a named test. The runs, seed and shrinking come from
 * `_model_test_util.ts`; a failure prints the seed and the shrunk sequence.
 *
 * To add an operation: add a variant to {@linkcode Op}, its arbitrary to
 * {@linkcode opArbitrary}, what the model expects to {@linkcode expect} and
 * how to call the cursor to {@linkcode perform}.
 */

import assert from "node:assert/strict";
import fc from "fast-check";
import {
  Cursor,
  CursorClosedError,
  CursorFullError,
  CursorReadOnlyError,
  UnexpectedEofError,
} from "@iocursor/cursor";
import { type Backing, backings } from "./_backing_test_util.ts";
import { byteCount } from "./_assert_test_util.ts";
import { invoke, NUMBER_KINDS, params } from "./_model_test_util.ts";
import {
  decodeVarint,
  encodeVarint,
  readMessage,
  toValue,
  VARINT_KINDS,
} from "./_varint_test_util.ts";
import { missing } from "./_runtime_test_util.ts";

/** Commands per sequence, at most. */
const MAX_COMMANDS = 100;

// ---------------------------------------------------------------------------
// Operations, as plain data so a sequence can be replayed sync or async.

/** A seek offset: small ints, the awkward numbers, and bigints to ±2^64. */
const offsetArbitrary: fc.Arbitrary<number | bigint> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -80, max: 80 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      NaN,
      Infinity,
      -Infinity,
      0.5,
      -0.5,
      -0,
      2 ** 31,
      2 ** 32,
      2 ** 53,
      -(2 ** 53),
      Number.MAX_SAFE_INTEGER,
      -Number.MAX_SAFE_INTEGER,
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      0n,
      -1n,
      2n ** 53n - 1n,
      2n ** 53n,
      -(2n ** 53n) + 1n,
      -(2n ** 53n),
      2n ** 64n,
      -(2n ** 64n),
    ),
  },
  { weight: 1, arbitrary: fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n }) },
  { weight: 1, arbitrary: fc.bigInt({ min: -80n, max: 80n }) },
);

/** Mostly a valid whence, occasionally not. */
const whenceArbitrary: fc.Arbitrary<number> = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(0, 1, 2) },
  { weight: 1, arbitrary: fc.constantFrom(-1, 3, 1.5, NaN) },
);

/**
 * Where `p` comes from: a fresh array (`fill` is its prior content), or a
 * view of the cursor's own memory starting at `at` (modulo the length).
 */
type Into = { fill: number } | { at: number };

/** One operation on the cursor or its memory. */
type Op =
  | { kind: "read"; n: number; into: Into }
  | { kind: "readAt"; n: number; into: Into; offset: number | bigint }
  | { kind: "write"; data: number[] }
  | { kind: "writeAt"; data: number[]; offset: number | bigint }
  | { kind: "writeOwn"; at: number; n: number }
  | { kind: "seek"; offset: number | bigint; whence: number }
  | { kind: "setPosition"; value: number | bigint }
  | { kind: "poke"; at: number; value: number }
  | { kind: "resize"; length: number }
  | { kind: "close" }
  | TextOp
  | ViewOp
  | NumberOp
  | VarintOp
  | { kind: "readFrom"; data: number[]; chunk: number };

/** The views of the memory, and an exact read into a fresh `p`. */
type ViewOp = {
  kind: "peek" | "take" | "remainder" | "readExact";
  n: number;
};

/**
 * A typed write whose value is an object that counts its conversions (or
 * throws from `valueOf`): the cursor must convert it once, as `DataView`
 * does, even when the write grows the memory or fails.
 */
type NumberOp = {
  kind: "writeNumber";
  name: string;
  size: number;
  littleEndian: boolean;
  value: number | bigint;
  throws: boolean;
};

/** The typed writes this engine has, with their sizes. */
const WRITE_NUMBER_KINDS = NUMBER_KINDS.filter(([name]) =>
  name !== "Float16" || missing.float16 === undefined
);

const numberOpArbitrary: fc.Arbitrary<NumberOp> = fc
  .record({
    kind: fc.constantFrom(...WRITE_NUMBER_KINDS),
    littleEndian: fc.boolean(),
    big: fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n }),
    float: fc.double(),
    throws: fc.oneof(
      { weight: 4, arbitrary: fc.constant(false) },
      { weight: 1, arbitrary: fc.constant(true) },
    ),
  })
  .map(({ kind: [name, size], littleEndian, big, float, throws }) => ({
    kind: "writeNumber" as const,
    name,
    size,
    littleEndian,
    value: name.startsWith("Big")
      ? big
      : name.startsWith("Float")
      ? float
      : Number(big % 2n ** 33n),
    throws,
  }));

/**
 * A varint read or write of one of the nine kinds (`name` is the `VarUint32`
 * of `readVarUint32()`), all or nothing like every other command. Writes
 * take values of the type, sometimes one past its range.
 */
type VarintOp =
  | { kind: "readVarint"; name: string }
  | { kind: "writeVarint"; name: string; value: number | bigint };

const varintOpArbitrary: fc.Arbitrary<VarintOp> = fc
  .record({
    index: fc.nat(VARINT_KINDS.length - 1),
    write: fc.boolean(),
    // Short and long varints alike: a number of bits, then a value of them.
    bits: fc.nat(64),
    draw: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
    negative: fc.boolean(),
    outside: fc.oneof(
      { weight: 9, arbitrary: fc.constant(false) },
      { weight: 1, arbitrary: fc.constant(true) },
    ),
  })
  .map(({ index, write, bits, draw, negative, outside }) => {
    const varint = VARINT_KINDS[index]!;
    const { name } = varint;
    if (!write) return { kind: "readVarint" as const, name };
    let value = draw % (1n << BigInt(bits));
    if (negative && varint.min < 0n) value = -value - 1n;
    if (value < varint.min) value = varint.min;
    if (value > varint.max) value = varint.max;
    if (outside) value = negative ? varint.min - 1n : varint.max + 1n;
    return {
      kind: "writeVarint" as const,
      name,
      value: toValue(varint, value),
    };
  });

/** A read size: often small, up to past the end of any backing. */
const readSize = fc.oneof(fc.integer({ min: 0, max: 8 }), fc.nat(80));
/** Mostly a fresh `p`, sometimes a view of the cursor's own memory. */
const intoArbitrary: fc.Arbitrary<Into> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ fill: fc.nat(255) }) },
  { weight: 1, arbitrary: fc.record({ at: fc.nat(80) }) },
);
/** 0 to 32 bytes, spread over the whole range ("max" size). */
const writeData = fc.array(fc.nat(255), { maxLength: 32, size: "max" });

// ---------------------------------------------------------------------------
// Text commands: readLine, readString, writeString and truncate. readLine,
// readString and writeString are sync-only, so async runs call them sync.

type TextOp =
  | { kind: "readLine" }
  | { kind: "readString"; n: number; fatal: boolean }
  | { kind: "writeString"; text: string }
  | { kind: "truncate"; size: number };

/** Code units that make every UTF-8 length, lone surrogates and line ends. */
const textUnit = fc.oneof(
  fc.constantFrom("a", "é", "€", "😀", "\ud83d", "\ude00", "\n", "\r"),
  fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)),
);

const textOpArbitrary: fc.Arbitrary<TextOp> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: "readLine" as const }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("readString" as const),
      n: fc.oneof(fc.integer({ min: 0, max: 8 }), fc.nat(80)),
      fatal: fc.boolean(),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("writeString" as const),
      text: fc.string({ unit: textUnit, maxLength: 12 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("truncate" as const),
      size: fc.nat(80),
    }),
  },
);

const textEncoder = new TextEncoder();

/** A line, or `null`, as comparable text: its bytes joined by commas. */
function showLine(line: Uint8Array | readonly number[] | null): string | null {
  return line === null ? null : Array.from(line).join();
}

/** What the model expects of a text command. */
function expectText(m: Model, op: TextOp): Outcome {
  const length = m.bytes.length;
  switch (op.kind) {
    case "readLine": {
      if (m.closed) return closed("read a line");
      if (m.pos >= length) return { value: null };
      const found = m.bytes.indexOf(0x0a, m.pos);
      const end = found === -1 ? length : found;
      const line = m.bytes.slice(m.pos, end);
      if (found !== -1 && line.at(-1) === 0x0d) line.pop();
      m.pos = found === -1 ? length : found + 1;
      return { value: showLine(line) };
    }
    case "readString": {
      if (m.closed) return closed("decode");
      const available = Math.max(0, length - m.pos);
      if (op.n > available) {
        return {
          error: UnexpectedEofError,
          message: `Cannot decode ${byteCount(op.n)}: only ${
            byteCount(available)
          } ${available === 1 ? "remains" : "remain"}`,
          fields: { requested: op.n, available },
        };
      }
      const bytes = Uint8Array.from(m.bytes.slice(m.pos, m.pos + op.n));
      let value: string;
      try {
        value = new TextDecoder("utf-8", { fatal: op.fatal, ignoreBOM: true })
          .decode(bytes);
      } catch {
        return {
          error: TypeError,
          message: `Cannot decode ${
            byteCount(op.n)
          } at position ${m.pos}: invalid UTF-8`,
        };
      }
      m.pos += op.n;
      return { value };
    }
    case "writeString":
      // The same rules as a write of the encoded bytes.
      return expect(m, {
        kind: "write",
        data: Array.from(textEncoder.encode(op.text)),
      })!;
    case "truncate": {
      if (m.closed) return closed("truncate");
      if (m.readOnly) {
        return {
          error: CursorReadOnlyError,
          message: "Cannot truncate: the cursor is read-only",
        };
      }
      const size = op.size;
      if (
        size === length ||
        (size > length ? m.grows && size <= m.capacity : m.shrinks)
      ) {
        resizeModel(m, size);
        return { value: undefined };
      }
      const reason = !m.grows
        ? `the memory is fixed-length (${byteCount(length)})`
        : size < length
        ? `a SharedArrayBuffer cannot shrink (${byteCount(length)})`
        : `the memory can grow to ${byteCount(m.capacity)} at most`;
      return {
        error: RangeError,
        message: `Cannot truncate to ${byteCount(size)}: ${reason}`,
      };
    }
  }
}

/** Starts a text command on the cursor; only truncate has an async form. */
function performText(r: Real, op: TextOp, async: boolean): Call {
  const { cursor } = r;
  let pending: Result | Promise<Result>;
  switch (op.kind) {
    case "readLine":
      pending = settle(false, () => showLine(cursor.readLine()));
      break;
    case "readString":
      pending = settle(
        false,
        () => cursor.readString(op.n, { fatal: op.fatal }),
      );
      break;
    case "writeString":
      pending = settle(false, () => cursor.writeString(op.text));
      break;
    case "truncate":
      pending = settle(
        async,
        () => async ? cursor.truncate(op.size) : cursor.truncateSync(op.size),
      );
      break;
  }
  return { pending, check: noCheck };
}

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 40,
    arbitrary: fc.record({
      kind: fc.constant("read" as const),
      n: readSize,
      into: intoArbitrary,
    }),
  },
  {
    weight: 40,
    arbitrary: fc.record({
      kind: fc.constant("write" as const),
      data: writeData,
    }),
  },
  {
    weight: 15,
    arbitrary: fc.record({
      kind: fc.constant("readAt" as const),
      n: readSize,
      into: intoArbitrary,
      offset: offsetArbitrary,
    }),
  },
  {
    weight: 15,
    arbitrary: fc.record({
      kind: fc.constant("writeAt" as const),
      data: writeData,
      offset: offsetArbitrary,
    }),
  },
  {
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constant("writeOwn" as const),
      at: fc.nat(80),
      n: fc.nat(32),
    }),
  },
  {
    weight: 40,
    arbitrary: fc.record({
      kind: fc.constant("seek" as const),
      offset: offsetArbitrary,
      whence: whenceArbitrary,
    }),
  },
  {
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constant("setPosition" as const),
      value: offsetArbitrary,
    }),
  },
  {
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constant("poke" as const),
      at: fc.nat(80),
      value: fc.nat(255),
    }),
  },
  {
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constant("resize" as const),
      // Below 0: the owner cuts the buffer below the view's start.
      length: fc.oneof(
        { weight: 3, arbitrary: fc.nat(72) },
        { weight: 1, arbitrary: fc.integer({ min: -8, max: -1 }) },
      ),
    }),
  },
  {
    weight: 20,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        "peek" as const,
        "take" as const,
        "remainder" as const,
        "readExact" as const,
      ),
      n: readSize,
    }),
  },
  { weight: 15, arbitrary: numberOpArbitrary },
  { weight: 20, arbitrary: varintOpArbitrary },
  {
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constant("readFrom" as const),
      // Empty data: the reader's first answer is null.
      data: fc.oneof(
        fc.constant<number[]>([]),
        writeData,
        fc.array(fc.nat(255), { maxLength: 160 }),
      ),
      chunk: fc.integer({ min: 1, max: 40 }),
    }),
  },
  // Rare, because everything after a close fails the same way.
  { weight: 1, arbitrary: fc.constant({ kind: "close" as const }) },
  { weight: 30, arbitrary: textOpArbitrary },
);

// ---------------------------------------------------------------------------
// The model: bytes, position and two flags, with BigInt arithmetic.

interface Model {
  bytes: number[];
  pos: number;
  closed: boolean;
  readOnly: boolean;
  /** The length the bytes can grow to in place; their length if fixed. */
  capacity: number;
  /** Whether the cursor can grow the memory in place. */
  grows: boolean;
  /** Whether the cursor can shrink the memory in place. */
  shrinks: boolean;
  /**
   * The capacity and growth the memory has while its buffer covers the
   * view's start; cut below it, the view is empty and cannot grow.
   */
  covered: { capacity: number; grows: boolean };
  /** A fixed-length view's bytes while it is out of its buffer's bounds. */
  hidden?: number[] | undefined;
}

/** Makes the bytes `length` long, as a resize does: zeros at the end. */
function resizeModel(m: Model, length: number): void {
  m.bytes.length = Math.min(m.bytes.length, length);
  while (m.bytes.length < length) m.bytes.push(0);
}

/**
 * What a call should give: a value, or an error of an exact class whose
 * message matches and whose other fields (`requested`, `available`) equal
 * the model's.
 */
type Outcome =
  | { value: unknown }
  | {
    error: new (...args: never[]) => Error;
    message: string | RegExp;
    fields?: Record<string, unknown>;
  };

function closed(action: string): Outcome {
  return {
    error: CursorClosedError,
    message: `Cannot ${action}: the cursor is closed`,
  };
}

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

/** The offset as an exact bigint; `undefined` when it is out of range. */
function exactOffset(offset: unknown): bigint | undefined {
  if (typeof offset === "bigint") {
    return offset >= -MAX && offset <= MAX ? offset : undefined;
  }
  return Number.isInteger(offset) && Math.abs(offset as number) <= Number(MAX)
    ? BigInt(offset as number)
    : undefined;
}

/** The model's seek: the new position, or the error. */
function modelSeek(
  m: Model,
  action: string,
  offset: unknown,
  whence: number,
): Outcome {
  if (m.closed) return closed(action);
  const distance = exactOffset(offset);
  if (distance === undefined) {
    const name = action === "seek" ? "offset" : "the value";
    return {
      error: RangeError,
      message: new RegExp(`^Cannot ${action}: ${name} must be a safe integer`),
    };
  }
  const bases = [0, m.pos, m.bytes.length];
  if (whence !== 0 && whence !== 1 && whence !== 2) {
    return { error: RangeError, message: /^Cannot seek: whence must be 0 / };
  }
  const target = BigInt(bases[whence]!) + distance;
  if (target < 0n || target > MAX) {
    const limit = target < 0n ? ">= 0" : `<= ${MAX}`;
    return {
      error: RangeError,
      message: `Cannot ${action} to ${target}: the position must be ${limit}`,
    };
  }
  m.pos = Number(target);
  return { value: m.pos };
}

/** The model's positional offset: a position, or the error. */
function modelOffset(action: string, offset: unknown): number | Outcome {
  const exact = exactOffset(offset);
  if (exact === undefined) {
    return {
      error: RangeError,
      message: new RegExp(`^Cannot ${action}: offset must be a safe integer`),
    };
  }
  if (exact < 0n) {
    return {
      error: RangeError,
      message: `Cannot ${action} to ${exact}: the position must be >= 0`,
    };
  }
  return Number(exact);
}

/** Resolves a view of the cursor's own memory: `[start, end)` in bounds. */
function ownRange(length: number, at: number, n: number): [number, number] {
  const start = at % (length + 1);
  return [start, start + Math.min(n, length - start)];
}

/** Applies `op` to the model and tells what the cursor must give. */
function expect(m: Model, op: Op): Outcome | undefined {
  switch (op.kind) {
    case "read":
    case "readAt": {
      if (m.closed) return closed("read");
      let from = m.pos;
      if (op.kind === "readAt") {
        const offset = modelOffset("set the read offset", op.offset);
        if (typeof offset !== "number") return offset;
        from = offset;
      }
      const [start, end] = "at" in op.into
        ? ownRange(m.bytes.length, op.into.at, op.n)
        : [0, op.n];
      const n = end - start;
      if (n === 0) return { value: 0 };
      const count = Math.min(n, m.bytes.length - from);
      if (count <= 0) return { value: null };
      const copied = m.bytes.slice(from, from + count);
      if ("at" in op.into) m.bytes.splice(start, count, ...copied);
      if (op.kind === "read") m.pos += count;
      return { value: count };
    }
    case "write":
    case "writeAt":
    case "writeOwn": {
      if (m.closed) return closed("write");
      if (m.readOnly) {
        return {
          error: CursorReadOnlyError,
          message: "Cannot write: the cursor is read-only",
        };
      }
      let from = m.pos;
      if (op.kind === "writeAt") {
        const offset = modelOffset("set the write offset", op.offset);
        if (typeof offset !== "number") return offset;
        from = offset;
      }
      const data = op.kind === "writeOwn"
        ? m.bytes.slice(...ownRange(m.bytes.length, op.at, op.n))
        : op.data;
      if (data.length === 0) return { value: 0 };
      const end = from + data.length;
      // Memory that can grow does, to the write's end, zeros in any gap.
      if (end > m.bytes.length && end <= m.capacity) resizeModel(m, end);
      if (end > m.bytes.length) {
        const available = Math.max(0, m.capacity - from);
        return {
          error: CursorFullError,
          message: /^Cannot write /,
          fields: { requested: data.length, available },
        };
      }
      m.bytes.splice(from, data.length, ...data);
      if (op.kind !== "writeAt") m.pos += data.length;
      return { value: data.length };
    }
    case "seek":
      return modelSeek(m, "seek", op.offset, op.whence);
    case "setPosition": {
      const outcome = modelSeek(m, "set position", op.value, 0);
      return "value" in outcome ? { value: undefined } : outcome;
    }
    case "poke":
      if (m.bytes.length > 0) m.bytes[op.at % m.bytes.length] = op.value;
      return undefined;
    case "resize":
      return undefined;
    case "close":
      m.closed = true;
      return { value: undefined };
    case "peek":
    case "take":
    case "remainder":
    case "readExact":
      return expectView(m, op);
    case "writeNumber":
      return expectNumber(m, op);
    case "readVarint":
    case "writeVarint":
      return expectVarint(m, op);
    case "readFrom":
      return expectReadFrom(m, op.data);
    default:
      return expectText(m, op);
  }
}

/** The error of a read that needs `n` bytes where only `available` remain. */
function eof(action: string, n: number, available: number): Outcome {
  return {
    error: UnexpectedEofError,
    message: `Cannot ${action} ${byteCount(n)}: only ${byteCount(available)} ${
      available === 1 ? "remains" : "remain"
    }`,
    fields: { requested: n, available },
  };
}

/** What the model expects of a view or an exact read: its bytes. */
function expectView(m: Model, op: ViewOp): Outcome {
  const action = {
    peek: "peek",
    take: "take",
    remainder: "get the remainder",
    readExact: "read exactly",
  }[op.kind];
  if (m.closed) return closed(action);
  const available = Math.max(0, m.bytes.length - m.pos);
  if (op.kind === "remainder" || op.kind === "peek") {
    const end = op.kind === "peek" ? m.pos + op.n : m.bytes.length;
    return { value: showLine(m.bytes.slice(m.pos, end)) };
  }
  if (op.n > available) return eof(action, op.n, available);
  const value = showLine(m.bytes.slice(m.pos, m.pos + op.n));
  m.pos += op.n;
  return { value };
}

/**
 * What the model expects of a typed write: the checks first (closed,
 * read-only, no room even after growth), then the value's own error, then
 * growth and `DataView`'s bytes.
 */
function expectNumber(m: Model, op: NumberOp): Outcome {
  if (m.closed) return closed("write");
  if (m.readOnly) {
    return {
      error: CursorReadOnlyError,
      message: "Cannot write: the cursor is read-only",
    };
  }
  const end = m.pos + op.size;
  if (end > Math.max(m.bytes.length, m.capacity)) {
    return {
      error: CursorFullError,
      message: /^Cannot write /,
      fields: {
        requested: op.size,
        available: Math.max(0, m.capacity - m.pos),
      },
    };
  }
  if (op.throws) return { error: SyntaxError, message: "no value" };
  if (end > m.bytes.length) resizeModel(m, end);
  const view = new DataView(new ArrayBuffer(op.size));
  invoke(view, `set${op.name}`, 0, op.value, op.littleEndian);
  m.bytes.splice(m.pos, op.size, ...new Uint8Array(view.buffer));
  m.pos = end;
  return { value: undefined };
}

/**
 * What the model expects of a varint: a read decodes the model's bytes with
 * the reference decoder (the end or an invalid varint: its error, and
 * nothing consumed); a write checks the value, then writes the reference
 * encoding as `write` writes bytes, growth and `CursorFullError` included.
 */
function expectVarint(m: Model, op: VarintOp): Outcome {
  const varint = VARINT_KINDS.find(({ name }) => name === op.name)!;
  if (op.kind === "readVarint") {
    if (m.closed) return closed("read");
    const decoded = decodeVarint(varint, m.bytes, m.pos);
    if ("length" in decoded) {
      m.pos += decoded.length;
      return { value: toValue(varint, decoded.value) };
    }
    const message = readMessage(varint, decoded, m.pos, m.bytes);
    return "eof" in decoded
      ? {
        error: UnexpectedEofError,
        message,
        fields: { requested: decoded.eof + 1, available: decoded.eof },
      }
      : { error: RangeError, message };
  }
  if (m.closed) return closed("write");
  if (m.readOnly) {
    return {
      error: CursorReadOnlyError,
      message: "Cannot write: the cursor is read-only",
    };
  }
  const value = BigInt(op.value);
  if (value < varint.min || value > varint.max) {
    return {
      error: RangeError,
      message: new RegExp(`^Cannot write a ${op.name}: value must be`),
    };
  }
  return expect(m, { kind: "write", data: encodeVarint(varint, value) })!;
}

/**
 * What the model expects of `readFrom()` from a reader holding `data`: it
 * reads what fits up to the capacity and leaves the rest. Memory grows only
 * to the data's end, an `ArrayBuffer` and a `SharedArrayBuffer` alike; a read
 * of nothing changes nothing.
 */
function expectReadFrom(m: Model, data: number[]): Outcome {
  const action = "read from a reader";
  if (m.closed) return closed(action);
  if (m.readOnly) {
    return {
      error: CursorReadOnlyError,
      message: `Cannot ${action}: the cursor is read-only`,
    };
  }
  const length = m.bytes.length;
  const room = Math.max(0, Math.max(length, m.capacity) - m.pos);
  const count = Math.min(data.length, room);
  const end = m.pos + count;
  if (count > Math.max(0, length - m.pos)) {
    resizeModel(m, end);
  }
  m.bytes.splice(m.pos, count, ...data.slice(0, count));
  m.pos = end;
  return { value: count };
}

// ---------------------------------------------------------------------------
// The real system, and one step of it, sync or async.

interface Real {
  cursor: Cursor;
  backing: Backing;
}

type Result = { value: unknown } | { error: unknown };

/** A started call: its result (a promise when async) and the checks after. */
interface Call {
  pending: Result | Promise<Result> | undefined;
  check(result: Result | undefined): void;
}

/** Calls `fn` and captures its result or error; async calls must not throw. */
function settle(async: boolean, fn: () => unknown): Result | Promise<Result> {
  if (!async) {
    try {
      return { value: fn() };
    } catch (error) {
      return { error };
    }
  }
  const promise = fn();
  assert(promise instanceof Promise, "an async method returned no promise");
  return promise.then((value) => ({ value }), (error) => ({ error }));
}

const noCheck = (): void => {};

/**
 * Prepares `op`'s arguments on the real system and starts the call. The
 * returned check tests what only the real side can tell: `p`'s tail is
 * untouched by a read, `p` is unmodified by a write.
 */
function perform(r: Real, op: Op, async: boolean): Call {
  const { cursor, backing } = r;
  switch (op.kind) {
    case "read":
    case "readAt": {
      const read = (p: Uint8Array) =>
        op.kind === "read"
          ? settle(async, () => async ? cursor.read(p) : cursor.readSync(p))
          : settle(
            async,
            () =>
              async
                ? cursor.readAt(p, op.offset)
                : cursor.readAtSync(p, op.offset),
          );
      if ("at" in op.into) {
        const view = backing.view();
        const p = view.subarray(...ownRange(view.length, op.into.at, op.n));
        return { pending: read(p), check: noCheck };
      }
      const p = new Uint8Array(op.n).fill(op.into.fill);
      const pending = read(p);
      const fill = op.into.fill;
      return {
        pending,
        check(result) {
          const count = result !== undefined && "value" in result
            ? Number(result.value)
            : 0;
          assert(
            p.subarray(count).every((byte) => byte === fill),
            "a read changed p past the count",
          );
        },
      };
    }
    case "write":
    case "writeAt":
    case "writeOwn": {
      let p: Uint8Array;
      if (op.kind === "writeOwn") {
        const view = backing.view();
        p = view.subarray(...ownRange(view.length, op.at, op.n));
      } else {
        p = Uint8Array.from(op.data);
      }
      const pending = op.kind === "writeAt"
        ? settle(
          async,
          () =>
            async
              ? cursor.writeAt(p, op.offset)
              : cursor.writeAtSync(p, op.offset),
        )
        : settle(async, () => async ? cursor.write(p) : cursor.writeSync(p));
      if (op.kind === "writeOwn") return { pending, check: noCheck };
      const data = op.data;
      return {
        pending,
        check: () => assert.deepEqual(Array.from(p), data, "p was modified"),
      };
    }
    case "seek": {
      const pending = settle(
        async,
        () =>
          async
            ? cursor.seek(op.offset, op.whence)
            : cursor.seekSync(op.offset, op.whence),
      );
      return { pending, check: noCheck };
    }
    case "setPosition": {
      const pending = settle(false, () => {
        cursor.position = op.value as number;
      });
      return { pending, check: noCheck };
    }
    case "poke": {
      const view = backing.view();
      if (view.length > 0) view[op.at % view.length] = op.value;
      return { pending: undefined, check: noCheck };
    }
    case "resize":
      // Applied by `begin` before the model sees it.
      return { pending: undefined, check: noCheck };
    case "close":
      return { pending: settle(false, () => cursor.close()), check: noCheck };
    case "peek":
    case "take":
    case "remainder": {
      const view = {
        peek: () => cursor.peek(op.n),
        take: () => cursor.take(op.n),
        remainder: () => cursor.remainder(),
      }[op.kind];
      return { pending: settle(false, () => showLine(view())), check: noCheck };
    }
    case "readExact": {
      const p = new Uint8Array(op.n);
      const pending = settle(
        async,
        () =>
          async
            ? cursor.readExact(p).then((q) => showLine(q))
            : showLine(cursor.readExactSync(p)),
      );
      return { pending, check: noCheck };
    }
    case "writeNumber": {
      let calls = 0;
      const value = {
        valueOf(): number | bigint {
          calls++;
          if (op.throws) throw new SyntaxError("no value");
          return op.value;
        },
      };
      const pending = settle(
        false,
        () => invoke(cursor, `write${op.name}`, value, op.littleEndian),
      );
      return {
        pending,
        check: () => assert.equal(calls, 1, "the value was not converted once"),
      };
    }
    case "readVarint":
    case "writeVarint": {
      // Sync only, as the typed numbers: async runs call them sync too.
      const call = op.kind === "readVarint"
        ? () => invoke(cursor, `read${op.name}`)
        : () => invoke(cursor, `write${op.name}`, op.value);
      return { pending: settle(false, call), check: noCheck };
    }
    case "readFrom": {
      const data = new Cursor(Uint8Array.from(op.data));
      const limit = (p: Uint8Array) => p.subarray(0, op.chunk);
      const pending = settle(
        async,
        () =>
          async
            ? cursor.readFrom({ read: (p) => data.read(limit(p)) })
            : cursor.readFromSync({ readSync: (p) => data.readSync(limit(p)) }),
      );
      return {
        pending,
        check(result) {
          // The rest stays in the reader.
          const count = result !== undefined && "value" in result
            ? result.value
            : 0;
          assert.equal(data.position, count, "the reader's position");
        },
      };
    }
    default:
      return performText(r, op, async);
  }
}

/** Asserts that a result matches what the model expected. */
function assertOutcome(
  actual: Result | undefined,
  expected: Outcome | undefined,
): void {
  if (expected === undefined) return assert.equal(actual, undefined);
  assert(actual !== undefined);
  if ("value" in expected) {
    if ("error" in actual) throw actual.error;
    return assert.equal(actual.value, expected.value);
  }
  if (!("error" in actual)) {
    assert.fail(`expected ${expected.error.name}, got ${String(actual.value)}`);
  }
  const error = actual.error as Error;
  assert.equal(error.constructor, expected.error, String(error));
  if (typeof expected.message === "string") {
    assert.equal(error.message, expected.message);
  } else {
    assert.match(error.message, expected.message);
  }
  for (const [key, value] of Object.entries(expected.fields ?? {})) {
    assert.equal(
      (error as unknown as Record<string, unknown>)[key],
      value,
      key,
    );
  }
}

/** Asserts that the cursor and its memory match the model. */
function assertState(m: Model, r: Real): void {
  const { cursor, backing } = r;
  assert.equal(cursor.position, m.pos, "position");
  assert(Number.isSafeInteger(cursor.position) && cursor.position >= 0);
  assert(!Object.is(cursor.position, -0), "position is -0");
  assert.equal(cursor.closed, m.closed);
  assert.equal(cursor.readOnly, m.readOnly);
  assert.equal(cursor.byteLength, m.bytes.length, "byteLength");
  assert.equal(cursor.remaining, Math.max(0, m.bytes.length - m.pos));
  assert.deepEqual(Array.from(backing.view()), m.bytes);
  backing.assertGuards();
}

/** A step in flight: what the model expects and the state before. */
interface Started {
  call: Call;
  expected: Outcome | undefined;
  before: { bytes: number[]; pos: number };
}

/**
 * Starts one step on both sides. A resize is only applied to memory over a
 * resizable `ArrayBuffer`; the model then follows it (see
 * {@linkcode resizeBufferModel}).
 */
function begin(m: Model, r: Real, op: Op, async: boolean): Started {
  if (op.kind === "resize" && r.backing.resizeBuffer !== undefined) {
    const end = resizeAsOwner(r.backing, op.length, m.covered.capacity);
    resizeBufferModel(m, end, r.backing);
  }
  const before = { bytes: m.bytes.slice(), pos: m.pos };
  const call = perform(r, op, async);
  return { call, expected: expect(m, op), before };
}

/**
 * Resizes the buffer under the memory as its owner would, so it ends `end`
 * bytes after the view's start: a view that grows follows it up to its
 * capacity, or down below its start; a fixed-length view goes out of its
 * buffer's bounds. Returns the end it resized to.
 */
function resizeAsOwner(
  backing: Backing,
  end: number,
  capacity: number,
): number {
  const to = backing.tracks ? Math.min(end, capacity) : end;
  backing.resizeBuffer?.(to);
  return to;
}

/**
 * The model of {@linkcode resizeAsOwner}: out of its buffer's bounds the
 * view is empty and cannot grow; bytes the buffer lost are zeros when it
 * covers them again.
 */
function resizeBufferModel(m: Model, end: number, backing: Backing): void {
  const tracks = backing.tracks;
  const view = m.hidden ?? m.bytes;
  if (tracks) {
    resizeModel(m, Math.max(0, end));
  } else {
    view.fill(0, Math.max(0, end));
    m.bytes = end >= view.length ? view : [];
    m.hidden = end >= view.length ? undefined : view;
  }
  // A fixed-length view is in bounds down to its end and cannot grow out of
  // bounds. A length-tracking one is in bounds down to its start, and below
  // it grows back: a write past its end makes the buffer reach it again.
  const out = !tracks && m.hidden !== undefined;
  m.capacity = out ? 0 : m.covered.capacity;
  m.grows = !out && m.covered.grows;
}

/** Compares a finished step with the model. */
function finish(
  m: Model,
  r: Real,
  started: Started,
  result: Result | undefined,
): void {
  const { call, expected, before } = started;
  call.check(result);
  assertOutcome(result, expected);
  if (expected !== undefined && "error" in expected) {
    assert.deepEqual(
      { bytes: Array.from(r.backing.view()), pos: r.cursor.position },
      before,
      "a failed call changed something",
    );
  }
  assertState(m, r);
}

function stepSync(m: Model, r: Real, op: Op): void {
  const started = begin(m, r, op, false);
  finish(m, r, started, started.call.pending as Result | undefined);
}

async function stepAsync(m: Model, r: Real, op: Op): Promise<void> {
  const started = begin(m, r, op, true);
  finish(m, r, started, await started.call.pending);
}

// ---------------------------------------------------------------------------
// Setup: a backing kind and initial bytes drawn per run.

interface Setup {
  kind: string;
  bytes: number[];
  readOnly: boolean;
}

const setupArbitrary: fc.Arbitrary<Setup> = fc
  .record({
    length: fc.oneof(
      fc.integer({ min: 0, max: 64 }),
      fc.integer({ min: 0, max: 8 }).map((n) => n * 8),
    ),
    pick: fc.nat(),
    readOnly: fc.oneof(
      { weight: 4, arbitrary: fc.constant(false) },
      { weight: 1, arbitrary: fc.constant(true) },
    ),
    seed: fc.nat(255),
  })
  .map(({ length, pick, readOnly, seed }) => {
    const kinds = backings(length);
    const [kind] = kinds[pick % kinds.length]!;
    const bytes = Array.from({ length }, (_, i) => (seed + i * 37) & 0xff);
    return { kind, bytes, readOnly };
  });

function setUp(setup: Setup): { model: Model; real: Real } {
  const kinds = new Map(backings(setup.bytes.length));
  const backing = kinds.get(setup.kind)!(Uint8Array.from(setup.bytes));
  const cursor = new Cursor(backing.source, { readOnly: setup.readOnly });
  return {
    model: {
      bytes: setup.bytes.slice(),
      pos: 0,
      closed: false,
      readOnly: setup.readOnly,
      capacity: setup.bytes.length + backing.growth,
      grows: backing.tracks,
      shrinks: backing.resize !== undefined,
      covered: {
        capacity: setup.bytes.length + backing.growth,
        grows: backing.tracks,
      },
    },
    real: { cursor, backing },
  };
}

/** Runs `ops` from `setup` one step at a time, sync or async. */
async function runSequence(
  setup: Setup,
  ops: Op[],
  async = false,
): Promise<void> {
  const { model, real } = setUp(setup);
  assertState(model, real);
  for (const op of ops) {
    if (async) await stepAsync(model, real, op);
    else stepSync(model, real, op);
  }
}

// ---------------------------------------------------------------------------
// fast-check commands wrapping the operations.

function show(op: Op): string {
  return JSON.stringify(op, (_key, value) => {
    if (typeof value === "bigint") return `${value}n`;
    if (typeof value === "number" && !Number.isFinite(value)) {
      return String(value);
    }
    return Object.is(value, -0) ? "-0" : value;
  });
}

class SyncCommand implements fc.Command<Model, Real> {
  constructor(readonly op: Op) {}
  check = (): boolean => true;
  run(m: Model, r: Real): void {
    stepSync(m, r, this.op);
  }
  toString = (): string => show(this.op);
}

class AsyncCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly op: Op) {}
  check = (): boolean => true;
  run(m: Model, r: Real): Promise<void> {
    return stepAsync(m, r, this.op);
  }
  toString = (): string => show(this.op);
}

const sequence = { maxCommands: MAX_COMMANDS, size: "max" } as const;

Deno.test("Cursor matches the model over random sync command sequences", () => {
  fc.assert(
    fc.property(
      setupArbitrary,
      fc.commands([opArbitrary.map((op) => new SyncCommand(op))], sequence),
      (setup, commands) => fc.modelRun(() => setUp(setup), commands),
    ),
    params,
  );
});

Deno.test("Cursor matches the model over random async command sequences", async () => {
  await fc.assert(
    fc.asyncProperty(
      setupArbitrary,
      fc.commands([opArbitrary.map((op) => new AsyncCommand(op))], sequence),
      (setup, commands) => fc.asyncModelRun(() => setUp(setup), commands),
    ),
    params,
  );
});

/** Runs `ops` on a fresh cursor and tells everything observable. */
function outcomes(
  setup: Setup,
  ops: Op[],
  async: boolean,
): Promise<unknown> | unknown {
  const { model: { capacity }, real } = setUp(setup);
  const calls = ops.map((op) => {
    if (op.kind === "resize") resizeAsOwner(real.backing, op.length, capacity);
    return perform(real, op, async).pending;
  });
  const summarise = (results: (Result | undefined)[]) => ({
    results: results.map((result) =>
      result !== undefined && "error" in result ? String(result.error) : result
    ),
    bytes: Array.from(real.backing.view()),
    position: real.cursor.position,
    closed: real.cursor.closed,
  });
  if (!async) return summarise(calls as (Result | undefined)[]);
  return Promise.all(calls).then(summarise);
}

Deno.test("Cursor async calls left un-awaited give the results of the same calls run sync", async () => {
  await fc.assert(
    fc.asyncProperty(
      setupArbitrary,
      // readFrom() awaits its reader, so it alone does not settle at call time.
      fc.array(opArbitrary.filter((op) => op.kind !== "readFrom"), {
        maxLength: MAX_COMMANDS,
        size: "max",
      }),
      async (setup, ops) => {
        assert.deepEqual(
          await outcomes(setup, ops, true),
          outcomes(setup, ops, false),
        );
      },
    ),
    params,
  );
});

// ---------------------------------------------------------------------------
// Every counterexample fast-check has found, kept as a named example.

/** Registers `ops` from `setup` as a test, run sync and then async. */
function counterexample(name: string, setup: Setup, ops: Op[]): void {
  Deno.test(name, async () => {
    await runSequence(setup, ops);
    await runSequence(setup, ops, true);
  });
}

// Found while the guard helper gave resizable buffers too little room.
counterexample(
  "Cursor follows a resizable buffer grown far past its first length (fast-check counterexample, seed -613934659)",
  { kind: "resizable ArrayBuffer", bytes: [0, 37], readOnly: false },
  [
    { kind: "resize", length: 67 },
    { kind: "seek", offset: -1, whence: 2 },
    { kind: "write", data: [1] },
    { kind: "read", n: 3, into: { fill: 9 } },
  ],
);

// The next ones were found with a fix undone in a scratch copy of the
// library. First, peek() and the other views threw the engine's RangeError.
for (
  const [kind, seed] of [
    ["length-tracking Uint8Array over a resizable ArrayBuffer", 1020697364],
    ["fixed-length Uint8Array over a resizable ArrayBuffer", 400841877],
  ] as const
) {
  counterexample(
    `Cursor.peek(), take(), remainder() and readExact() see empty memory once the buffer is cut below the view's start (${kind}) (fast-check counterexample, seed ${seed})`,
    { kind, bytes: [1, 2], readOnly: false },
    [
      { kind: "resize", length: -1 },
      { kind: "peek", n: 0 },
      { kind: "take", n: 0 },
      { kind: "remainder", n: 0 },
      { kind: "readExact", n: 0 },
      { kind: "resize", length: 2 },
      { kind: "take", n: 2 },
    ],
  );
}

// A length-tracking view of a buffer at its maxByteLength, cut below its
// start, was taken for fixed memory and did not grow back.
counterexample(
  "Cursor.writeInt8() grows a length-tracking view of a full buffer back after a cut below its start (fast-check counterexample, seed -8251975)",
  {
    kind: "length-tracking Uint8Array over a full resizable ArrayBuffer",
    bytes: [0],
    readOnly: false,
  },
  [
    { kind: "resize", length: -1 },
    {
      kind: "writeNumber",
      name: "Int8",
      size: 1,
      littleEndian: false,
      value: 0,
      throws: false,
    },
  ],
);

// The value was converted again after the growth.
counterexample(
  "Cursor.writeInt8() converts its value once when the memory grows (fast-check counterexample, seed 1852562808)",
  { kind: "resizable ArrayBuffer", bytes: [0], readOnly: false },
  [
    { kind: "write", data: [0] },
    {
      kind: "writeNumber",
      name: "Int8",
      size: 1,
      littleEndian: false,
      value: 0,
      throws: false,
    },
  ],
);

// The shared memory grew before the reader answered null.
counterexample(
  "Cursor.readFrom() of nothing into a full growable SharedArrayBuffer matches the model (fast-check counterexample, seed 223156556)",
  { kind: "growable SharedArrayBuffer", bytes: [1, 2], readOnly: false },
  [
    { kind: "seek", offset: 0, whence: 2 },
    { kind: "readFrom", data: [], chunk: 1 },
    { kind: "readFrom", data: [3, 4], chunk: 1 },
  ],
);
