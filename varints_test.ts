/**
 * The varints: unsigned LEB128, signed LEB128 and zigzag, as `number` and
 * as `bigint`. Each rule is checked over every kind of memory against the
 * reference codec of `_varint_test_util.ts`, with random values and random
 * bytes (fast-check), and against real encoders and formats: protobufjs
 * 8.8.1's `Writer` and `Reader`, and WebAssembly modules that the engine
 * itself validates and runs.
 */

import assert from "node:assert/strict";
import fc from "fast-check";
import protobuf from "protobufjs/minimal.js";
import {
  Cursor,
  CursorClosedError,
  CursorFullError,
  CursorReadOnlyError,
  UnexpectedEofError,
} from "@iocursor/cursor";
import { detachedCursor, testEveryBacking } from "./_backing_test_util.ts";
import { byteCount, exactly } from "./_assert_test_util.ts";
import { params } from "./_model_test_util.ts";
import {
  decodeVarint,
  edgeValues,
  encodeVarint,
  rangeMessage,
  readMessage,
  toValue,
  VARINT_KINDS,
  type VarintKind,
} from "./_varint_test_util.ts";
import { WASM_BYTES } from "./_wasm_test_util.ts";

/** 24 bytes that are not varints' bytes: each test writes its own. */
const MEMORY = Array.from({ length: 24 }, (_, i) => (i * 37 + 11) & 0xff);

/** A value just above the largest the kind takes. */
function aboveMax(kind: VarintKind): number | bigint {
  return kind.big ? kind.max + 1n : Number(kind.max) + 1;
}

/** Asserts that a read at the position threw `decoded`'s exact error. */
function assertReadFails(
  kind: VarintKind,
  cursor: Cursor,
  bytes: ArrayLike<number>,
): void {
  const position = cursor.position;
  const decoded = decodeVarint(kind, bytes, position);
  assert.ok(!("length" in decoded), "the bytes hold a valid varint");
  const message = readMessage(kind, decoded, position, bytes);
  const fields = "eof" in decoded
    ? { requested: decoded.eof + 1, available: decoded.eof }
    : {};
  const errorClass = "eof" in decoded ? UnexpectedEofError : RangeError;
  assert.throws(() => kind.read(cursor), exactly(errorClass, message, fields));
  assert.equal(cursor.position, position, "a failed read moved");
}

// ---------------------------------------------------------------------------
// Every kind, over every kind of memory.

for (const kind of VARINT_KINDS) {
  const { name, size } = kind;
  const edges = edgeValues(kind);

  testEveryBacking(
    `Cursor.read${name}() reads the reference encoding of every edge value at every alignment`,
    MEMORY,
    (backing) => {
      const cursor = new Cursor(backing.source);
      for (let at = 0; at < 8; at++) {
        for (const value of edges) {
          const encoded = encodeVarint(kind, value);
          backing.view().set(encoded, at);
          cursor.position = at;
          assert.equal(kind.read(cursor), toValue(kind, value), `${value}`);
          assert.equal(cursor.position, at + encoded.length);
        }
      }
    },
  );

  testEveryBacking(
    `Cursor.write${name}() writes the reference encoding of every edge value at every alignment`,
    MEMORY,
    (backing) => {
      const cursor = new Cursor(backing.source);
      for (let at = 0; at < 8; at++) {
        for (const value of edges) {
          const expected = Array.from(backing.view());
          const encoded = encodeVarint(kind, value);
          expected.splice(at, encoded.length, ...encoded);
          cursor.position = at;
          assert.equal(
            kind.write(cursor, toValue(kind, value)),
            encoded.length,
          );
          assert.equal(cursor.position, at + encoded.length);
          assert.deepEqual(Array.from(backing.view()), expected, `${value}`);
        }
      }
    },
  );

  testEveryBacking(
    `Cursor.read${name}() reads exactly the last bytes, and a varint cut short by the end throws UnexpectedEofError and consumes nothing`,
    MEMORY,
    (backing) => {
      const cursor = new Cursor(backing.source);
      const bytes = backing.view();
      for (const value of edges) {
        const encoded = encodeVarint(kind, value);
        const at = bytes.length - encoded.length;
        bytes.set(encoded, at);
        cursor.position = at;
        assert.equal(kind.read(cursor), toValue(kind, value));
        assert.equal(cursor.position, bytes.length);
        // Each prefix of it, which continues, at the end.
        for (let cut = 1; cut < encoded.length; cut++) {
          bytes.set(encoded.slice(0, cut), bytes.length - cut);
          cursor.position = bytes.length - cut;
          const before = Array.from(bytes);
          assertReadFails(kind, cursor, bytes);
          assert.deepEqual(Array.from(bytes), before);
        }
      }
      // At and past the end.
      for (const position of [bytes.length, bytes.length + 3]) {
        cursor.position = position;
        assert.throws(
          () => kind.read(cursor),
          exactly(
            UnexpectedEofError,
            `Cannot read a ${name} of at least 1 byte: only 0 bytes remain`,
            { requested: 1, available: 0 },
          ),
        );
        assert.equal(cursor.position, position);
      }
    },
  );

  testEveryBacking(
    `Cursor.read${name}() refuses a varint longer than ${size} bytes and consumes nothing`,
    MEMORY,
    (backing) => {
      const cursor = new Cursor(backing.source);
      const bytes = backing.view();
      for (const at of [0, 5, bytes.length - size - 1, bytes.length - size]) {
        bytes.fill(0x80, at, at + size);
        if (at + size < bytes.length) bytes[at + size] = 0;
        const before = Array.from(bytes);
        cursor.position = at;
        assert.throws(
          () => kind.read(cursor),
          exactly(
            RangeError,
            `Cannot read a ${name} at position ${at}: it is longer than ${size} bytes`,
          ),
        );
        assert.equal(cursor.position, at);
        assert.deepEqual(Array.from(bytes), before);
      }
    },
  );

  if (kind.bits === 64 && !kind.big) {
    // -2^53 is what the decoders return for bytes that hold no valid
    // varint: read as a value, it would pass for a failure.
    const beyond = kind.encoding === "unsigned"
      ? [kind.max + 1n, 2n ** 64n - 1n]
      : [kind.max + 1n, kind.min - 1n, 2n ** 63n - 1n, -(2n ** 63n)];
    testEveryBacking(
      `Cursor.read${name}() refuses the values one beyond ±Number.MAX_SAFE_INTEGER and consumes nothing`,
      MEMORY,
      (backing) => {
        const cursor = new Cursor(backing.source);
        const bytes = backing.view();
        for (const value of beyond) {
          const encoded = encodeVarint(kind, value);
          // With bytes after it, and at the end.
          for (const at of [1, bytes.length - encoded.length]) {
            bytes.set(encoded, at);
            cursor.position = at;
            const before = Array.from(bytes);
            assertReadFails(kind, cursor, bytes);
            assert.deepEqual(Array.from(bytes), before);
          }
        }
      },
    );
  }

  testEveryBacking(
    `Cursor.read${name}() accepts a longer encoding than needed, up to ${size} bytes`,
    MEMORY,
    (backing) => {
      const cursor = new Cursor(backing.source);
      const bytes = backing.view();
      for (const value of edges) {
        const encoded = encodeVarint(kind, value);
        // Padded with continuation bytes of the sign, as wasm tools do.
        const fill = kind.encoding === "signed" && value < 0n ? 0xff : 0x80;
        for (let length = encoded.length + 1; length <= size; length++) {
          const padded = [...encoded];
          padded[padded.length - 1] = padded.at(-1)! | 0x80;
          while (padded.length < length - 1) padded.push(fill);
          padded.push(fill & 0x7f);
          assert.deepEqual(
            decodeVarint(kind, padded, 0),
            { value, length },
            "the reference agrees",
          );
          bytes.set(padded, 3);
          cursor.position = 3;
          assert.equal(kind.read(cursor), toValue(kind, value));
          assert.equal(cursor.position, 3 + length);
        }
      }
    },
  );

  Deno.test(`Cursor.read${name}() takes every last byte whose bits fit ${kind.bits} bits, and refuses the others without consuming`, () => {
    // Every value of the last allowed byte after size - 1 continuation
    // bytes (0x80, or 0xff for a negative signed value), at the end of the
    // memory and before more bytes: exactly those the type allows are read.
    for (const lead of [0x80, 0xff]) {
      for (let last = 0; last < 0x80; last++) {
        for (const trailing of [[], [0x01, 0x02]]) {
          const bytes = [...Array(size - 1).fill(lead), last, ...trailing];
          const memory = Uint8Array.from(bytes);
          const cursor = new Cursor(memory);
          const decoded = decodeVarint(kind, bytes, 0);
          if ("length" in decoded) {
            assert.equal(kind.read(cursor), toValue(kind, decoded.value));
            assert.equal(cursor.position, size);
          } else {
            assertReadFails(kind, cursor, bytes);
          }
          assert.deepEqual(memory, Uint8Array.from(bytes));
        }
      }
    }
  });

  testEveryBacking(
    `Cursor.write${name}() fills exactly the last bytes, then throws CursorFullError and writes nothing`,
    MEMORY,
    (backing) => {
      const cursor = new Cursor(backing.source);
      for (const value of edges) {
        const encoded = encodeVarint(kind, value);
        const at = MEMORY.length - encoded.length;
        const expected = Array.from(backing.view());
        expected.splice(at, encoded.length, ...encoded);
        cursor.position = at;
        assert.equal(kind.write(cursor, toValue(kind, value)), encoded.length);
        assert.equal(cursor.position, MEMORY.length);
        assert.deepEqual(Array.from(backing.view()), expected);
        // Memory that grows in place has `growth` more room.
        const room = MEMORY.length + backing.growth;
        for (const short of [1, encoded.length, encoded.length + 2]) {
          const position = room - encoded.length + short;
          cursor.position = position;
          const available = Math.max(0, room - position);
          assert.throws(
            () => kind.write(cursor, toValue(kind, value)),
            exactly(
              CursorFullError,
              `Cannot write ${byteCount(encoded.length)}: there is room for ${
                byteCount(available)
              } before the end`,
              { requested: encoded.length, available },
            ),
          );
          assert.equal(cursor.position, position);
          assert.equal(cursor.byteLength, MEMORY.length);
          assert.deepEqual(Array.from(backing.view()), expected);
        }
      }
    },
  );

  testEveryBacking(
    `Cursor.write${name}() past the end grows memory that can grow in place`,
    MEMORY,
    (backing) => {
      const cursor = new Cursor(backing.source);
      const value = edges.at(-1)!;
      const encoded = encodeVarint(kind, value);
      cursor.position = MEMORY.length + 1;
      if (backing.growth === 0) {
        assert.throws(
          () => kind.write(cursor, toValue(kind, value)),
          CursorFullError,
        );
        assert.equal(cursor.byteLength, MEMORY.length);
        return;
      }
      assert.equal(kind.write(cursor, toValue(kind, value)), encoded.length);
      assert.equal(cursor.byteLength, MEMORY.length + 1 + encoded.length);
      assert.equal(cursor.position, MEMORY.length + 1 + encoded.length);
      assert.deepEqual(
        Array.from(cursor.bytes().subarray(MEMORY.length)),
        [0, ...encoded],
      );
      cursor.position = MEMORY.length + 1;
      assert.equal(kind.read(cursor), toValue(kind, value));
    },
  );

  testEveryBacking(
    `Cursor.write${name}() refuses a value outside the type with a RangeError and writes nothing`,
    MEMORY,
    (backing) => {
      const cursor = new Cursor(backing.source);
      const before = Array.from(backing.view());
      const outside: (number | bigint)[] = kind.big
        ? [kind.min - 1n, kind.max + 1n, -(2n ** 200n), 2n ** 200n]
        : [
          Number(kind.min) - 1,
          Number(kind.max) + 1,
          1.5,
          -0.5,
          NaN,
          Infinity,
          -Infinity,
          2 ** 80,
        ];
      for (const value of outside) {
        cursor.position = 2;
        assert.throws(
          () => kind.write(cursor, value),
          exactly(RangeError, rangeMessage(kind, value)),
        );
        assert.equal(cursor.position, 2);
        assert.equal(cursor.byteLength, MEMORY.length);
      }
      assert.deepEqual(Array.from(backing.view()), before);
    },
  );

  Deno.test(`Cursor.read${name}() and write${name}() throw CursorClosedError after close and change nothing`, () => {
    const memory = Uint8Array.from(MEMORY);
    const cursor = new Cursor(memory);
    cursor.position = 1;
    cursor.close();
    assert.throws(
      () => kind.read(cursor),
      exactly(CursorClosedError, "Cannot read: the cursor is closed"),
    );
    // Closed comes before the value's checks.
    for (const value of [toValue(kind, 1n), "x", aboveMax(kind)]) {
      assert.throws(
        () => kind.write(cursor, value as number),
        exactly(CursorClosedError, "Cannot write: the cursor is closed"),
      );
    }
    assert.equal(cursor.position, 1);
    assert.deepEqual(memory, Uint8Array.from(MEMORY));
  });

  Deno.test(`Cursor.write${name}() throws CursorReadOnlyError on a read-only cursor, before checking the value`, () => {
    const memory = Uint8Array.from(MEMORY);
    const cursor = new Cursor(memory, { readOnly: true });
    for (const value of [toValue(kind, 1n), "x"]) {
      assert.throws(
        () => kind.write(cursor, value as number),
        exactly(CursorReadOnlyError, "Cannot write: the cursor is read-only"),
      );
    }
    assert.equal(cursor.position, 0);
    assert.deepEqual(memory, Uint8Array.from(MEMORY));
    memory[0] = 5;
    assert.equal(
      kind.read(cursor),
      kind.encoding === "zigzag" ? toValue(kind, -3n) : toValue(kind, 5n),
    );
  });

  Deno.test(`Cursor.read${name}() and write${name}() throw TypeError on a detached buffer`, () => {
    assert.throws(
      () => kind.read(detachedCursor()),
      exactly(TypeError, "Cannot read: the underlying ArrayBuffer is detached"),
    );
    assert.throws(
      () => kind.write(detachedCursor(), toValue(kind, 1n)),
      exactly(
        TypeError,
        "Cannot write: the underlying ArrayBuffer is detached",
      ),
    );
  });

  Deno.test(`Cursor.write${name}() checks the value before the room: a RangeError, not CursorFullError`, () => {
    const cursor = new Cursor(new Uint8Array(2));
    cursor.position = 2;
    assert.throws(
      () => kind.write(cursor, aboveMax(kind)),
      exactly(RangeError, rangeMessage(kind, aboveMax(kind))),
    );
    assert.throws(() => kind.write(cursor, toValue(kind, 0n)), CursorFullError);
  });

  Deno.test(`Cursor.read${name}() and write${name}() see what the owner's growth of a resizable buffer brought`, () => {
    const buffer = new ArrayBuffer(4, { maxByteLength: 64 });
    const cursor = new Cursor(new Uint8Array(buffer));
    const value = edges.at(-1)!;
    const encoded = encodeVarint(kind, value);
    cursor.position = 4;
    assert.throws(() => kind.read(cursor), UnexpectedEofError);
    buffer.resize(4 + encoded.length);
    new Uint8Array(buffer).set(encoded, 4);
    assert.equal(kind.read(cursor), toValue(kind, value));
    assert.equal(cursor.position, 4 + encoded.length);
    // The owner shrinks it: the same bytes are cut short.
    buffer.resize(4 + encoded.length - 1);
    cursor.position = 4;
    assertReadFails(kind, cursor, new Uint8Array(buffer));
  });
}

// ---------------------------------------------------------------------------
// A subclass of Cursor keeps its class over any memory, and with it the
// steady class's varint methods: their fast paths fail on memory that is
// not steady, and the general paths read and write.

/** A subclass, as a program would make one. */
class Derived extends Cursor {}

for (const kind of VARINT_KINDS) {
  const { name } = kind;
  const edges = edgeValues(kind);

  testEveryBacking(
    `Cursor.write${name}() and read${name}() of a subclass round-trip every edge value over every kind of memory`,
    MEMORY,
    (backing) => {
      const cursor = new Derived(backing.source);
      assert.ok(cursor instanceof Derived);
      for (const value of edges) {
        const expected = Array.from(backing.view());
        const encoded = encodeVarint(kind, value);
        expected.splice(2, encoded.length, ...encoded);
        cursor.position = 2;
        assert.equal(kind.write(cursor, toValue(kind, value)), encoded.length);
        assert.equal(cursor.position, 2 + encoded.length);
        assert.deepEqual(Array.from(backing.view()), expected, `${value}`);
        cursor.position = 2;
        assert.equal(kind.read(cursor), toValue(kind, value), `${value}`);
        assert.equal(cursor.position, 2 + encoded.length);
      }
    },
  );
}

// ---------------------------------------------------------------------------
// Random values and random bytes.

for (const kind of VARINT_KINDS) {
  const { name } = kind;
  const values = fc.oneof(
    fc.bigInt({ min: kind.min, max: kind.max }),
    // Values near each length's edges, where bugs live.
    fc.integer({ min: 0, max: 64 }).chain((bits) =>
      fc.bigInt({ min: -2n, max: 2n }).map((delta) => {
        const edge = (1n << BigInt(bits)) + delta;
        return [edge, -edge];
      })
    ).chain((pair) => fc.constantFrom(...pair)).filter((value) =>
      value >= kind.min && value <= kind.max
    ),
  );

  Deno.test(`Cursor.write${name}() and read${name}() round-trip random values as the reference encodes them`, () => {
    fc.assert(
      fc.property(values, fc.nat(12), (value, at) => {
        const memory = new Uint8Array(24).fill(0xaa);
        const cursor = new Cursor(memory);
        cursor.position = at;
        const encoded = encodeVarint(kind, value);
        assert.equal(kind.write(cursor, toValue(kind, value)), encoded.length);
        assert.deepEqual(
          Array.from(memory),
          [
            ...Array(at).fill(0xaa),
            ...encoded,
            ...Array(24 - at - encoded.length).fill(0xaa),
          ],
        );
        cursor.position = at;
        assert.equal(kind.read(cursor), toValue(kind, value));
        assert.equal(cursor.position, at + encoded.length);
      }),
      params,
    );
  });

  Deno.test(`Cursor.read${name}() agrees with the reference decoder on random bytes, over steady and growable memory`, () => {
    // Mostly bytes with a continuation bit, so that long and cut-short
    // varints are as common as short ones.
    const byte = fc.oneof(
      { weight: 3, arbitrary: fc.integer({ min: 0x80, max: 0xff }) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 0x7f }) },
      { weight: 1, arbitrary: fc.constantFrom(0x00, 0x01, 0x0f, 0x10, 0x7f) },
    );
    fc.assert(
      fc.property(
        fc.array(byte, { maxLength: 14 }),
        fc.nat(15),
        fc.boolean(),
        (bytes, at, growable) => {
          const buffer = growable
            ? new ArrayBuffer(bytes.length, { maxByteLength: 64 })
            : new ArrayBuffer(bytes.length);
          const memory = new Uint8Array(buffer);
          memory.set(bytes);
          const cursor = new Cursor(buffer);
          cursor.position = at;
          const decoded = decodeVarint(kind, bytes, at);
          if ("length" in decoded) {
            assert.equal(kind.read(cursor), toValue(kind, decoded.value));
            assert.equal(cursor.position, at + decoded.length);
          } else {
            assertReadFails(kind, cursor, bytes);
          }
          assert.deepEqual(Array.from(memory), bytes);
        },
      ),
      params,
    );
  });
}

// ---------------------------------------------------------------------------
// How many bytes a value takes.

const LENGTHS = [
  ["varUintLength", "VarUint", "unsigned"],
  ["varIntLength", "VarInt", "signed"],
  ["zigZagLength", "ZigZag", "zigzag"],
] as const;

for (const [method, what, encoding] of LENGTHS) {
  const measure = (value: unknown) =>
    (Cursor[method] as (value: unknown) => number)(value);
  const [number, big] = VARINT_KINDS.filter((kind) =>
    kind.encoding === encoding && kind.bits === 64
  ) as [VarintKind, VarintKind];

  Deno.test(`Cursor.${method}() is the length of the encoding of every number and bigint`, () => {
    fc.assert(
      fc.property(fc.bigInt({ min: big.min, max: big.max }), (value) => {
        const length = encodeVarint(big, value).length;
        assert.equal(measure(value), length);
        if (value >= number.min && value <= number.max) {
          assert.equal(measure(Number(value)), length);
        }
      }),
      params,
    );
    for (const kind of [number, big]) {
      for (const value of edgeValues(kind)) {
        assert.equal(
          measure(toValue(kind, value)),
          encodeVarint(kind, value).length,
          `${value}`,
        );
      }
    }
  });

  Deno.test(`Cursor.${method}() refuses values outside 64 bits or the safe integers, and other types`, () => {
    for (const kind of [number, big]) {
      const outside = kind.big
        ? [kind.min - 1n, kind.max + 1n]
        : [Number(kind.min) - 1, Number(kind.max) + 1, 0.5, NaN, Infinity];
      for (const value of outside) {
        assert.throws(
          () => measure(value),
          exactly(
            RangeError,
            rangeMessage(kind, value).replace(
              `Cannot write a ${kind.name}`,
              `Cannot measure a ${what}`,
            ),
          ),
        );
      }
    }
    for (
      const [value, shown] of [["1", '"1"'], [null, "null"], [
        {},
        "an instance of Object",
      ]] as const
    ) {
      assert.throws(
        () => measure(value),
        exactly(
          TypeError,
          `Cannot measure a ${what}: value must be a number or bigint, received ${shown}`,
        ),
      );
    }
  });
}

// ---------------------------------------------------------------------------
// Proof against a real encoder: protobufjs 8.8.1.

/** What a protobufjs `Writer` wrote, as a plain array of bytes. */
function written(write: (writer: protobuf.Writer) => void): number[] {
  const writer = protobuf.Writer.create();
  write(writer);
  // A Node Buffer where protobufjs finds one, else a Uint8Array.
  return Array.from(writer.finish());
}

/** What a cursor wrote, as a plain array of bytes. */
function ours(write: (cursor: Cursor) => void): number[] {
  const memory = new Uint8Array(16);
  const cursor = new Cursor(memory);
  write(cursor);
  return Array.from(memory.subarray(0, cursor.position));
}

/** A protobufjs `Long` (or a number, without the long package) as a bigint. */
function fromLong(value: unknown, signed: boolean): bigint {
  if (typeof value === "number") return BigInt(value);
  const { low, high } = value as protobuf.Long;
  const bits = BigInt(high >>> 0) << 32n | BigInt(low >>> 0);
  return signed ? BigInt.asIntN(64, bits) : bits;
}

/** A bigint as protobufjs' writers take it: a decimal string. */
function toLong(value: bigint): string {
  return value.toString();
}

/**
 * The protobufjs field types and the cursor's methods that write and read
 * them byte for byte: `int32` and `int64` are the unsigned varint of the
 * value's 64-bit two's complement (a negative value takes 10 bytes).
 */
const PROTOBUF: {
  type: string;
  range: [bigint, bigint];
  write(writer: protobuf.Writer, value: bigint): void;
  read(reader: protobuf.Reader): bigint;
  ours(cursor: Cursor, value: bigint): number;
  back(cursor: Cursor): bigint;
}[] = [
  {
    type: "uint32",
    range: [0n, 2n ** 32n - 1n],
    write: (writer, value) => writer.uint32(Number(value)),
    read: (reader) => BigInt(reader.uint32()),
    ours: (cursor, value) => cursor.writeVarUint32(Number(value)),
    back: (cursor) => BigInt(cursor.readVarUint32()),
  },
  {
    type: "int32",
    range: [-(2n ** 31n), 2n ** 31n - 1n],
    write: (writer, value) => writer.int32(Number(value)),
    read: (reader) => BigInt(reader.int32()),
    ours: (cursor, value) =>
      cursor.writeBigVarUint64(BigInt.asUintN(64, value)),
    back: (cursor) => BigInt.asIntN(32, cursor.readBigVarUint64()),
  },
  {
    type: "sint32",
    range: [-(2n ** 31n), 2n ** 31n - 1n],
    write: (writer, value) => writer.sint32(Number(value)),
    read: (reader) => BigInt(reader.sint32()),
    ours: (cursor, value) => cursor.writeZigZag32(Number(value)),
    back: (cursor) => BigInt(cursor.readZigZag32()),
  },
  {
    type: "uint64",
    range: [0n, 2n ** 64n - 1n],
    write: (writer, value) => writer.uint64(toLong(value)),
    read: (reader) => fromLong(reader.uint64(), false),
    ours: (cursor, value) => cursor.writeBigVarUint64(value),
    back: (cursor) => cursor.readBigVarUint64(),
  },
  {
    type: "int64",
    range: [-(2n ** 63n), 2n ** 63n - 1n],
    write: (writer, value) => writer.int64(toLong(value)),
    read: (reader) => fromLong(reader.int64(), true),
    ours: (cursor, value) =>
      cursor.writeBigVarUint64(BigInt.asUintN(64, value)),
    back: (cursor) => BigInt.asIntN(64, cursor.readBigVarUint64()),
  },
  {
    type: "sint64",
    range: [-(2n ** 63n), 2n ** 63n - 1n],
    write: (writer, value) => writer.sint64(toLong(value)),
    read: (reader) => fromLong(reader.sint64(), true),
    ours: (cursor, value) => cursor.writeBigZigZag64(value),
    back: (cursor) => cursor.readBigZigZag64(),
  },
];

/** The edge values that fit `range`. */
function protobufEdges([min, max]: [bigint, bigint]): bigint[] {
  return [
    0n,
    1n,
    127n,
    128n,
    2n ** 31n - 1n,
    -1n,
    -(2n ** 31n),
    2n ** 32n - 1n,
    2n ** 53n - 1n,
    2n ** 63n - 1n,
    -(2n ** 63n),
    2n ** 64n - 1n,
  ].filter((value) => value >= min && value <= max);
}

for (const field of PROTOBUF) {
  const [min, max] = field.range;

  Deno.test(`Cursor writes what protobufjs' Writer.${field.type}() writes, and reads what its Reader.${field.type}() reads`, () => {
    const check = (value: bigint) => {
      const theirs = written((writer) => field.write(writer, value));
      const mine = ours((cursor) =>
        assert.equal(field.ours(cursor, value), theirs.length)
      );
      assert.deepEqual(mine, theirs, `${field.type} ${value}`);
      const reader = protobuf.Reader.create(Uint8Array.from(theirs));
      const expected = field.read(reader);
      assert.equal(expected, value, "protobufjs reads back its own value");
      const cursor = new Cursor(Uint8Array.from(theirs));
      assert.equal(field.back(cursor), expected);
      assert.equal(cursor.position, theirs.length);
    };
    for (const value of protobufEdges(field.range)) check(value);
    fc.assert(fc.property(fc.bigInt({ min, max }), check), params);
  });
}

Deno.test("protobufjs 8.8.1 reads a uint64 as a Long with its long package, and as a number without it", () => {
  const bytes = Uint8Array.from(
    written((writer) => writer.uint64(toLong(2n ** 64n - 1n))),
  );
  assert.equal(typeof protobuf.util.Long, "function");
  const long = protobuf.Reader.create(bytes).uint64();
  assert.deepEqual([typeof long, fromLong(long, false)], [
    "object",
    2n ** 64n - 1n,
  ]);
  const Long = protobuf.util.Long;
  try {
    protobuf.util.Long = null as never;
    protobuf.configure();
    // A double, which cannot hold 2^64 - 1: readBigVarUint64() can.
    assert.equal(protobuf.Reader.create(bytes).uint64(), 2 ** 64);
  } finally {
    protobuf.util.Long = Long;
    protobuf.configure();
  }
  assert.equal(new Cursor(bytes).readBigVarUint64(), 2n ** 64n - 1n);
  assert.throws(() => new Cursor(bytes).readVarUint64(), RangeError);
});

Deno.test("Cursor reads and writes a protobuf message as protobufjs does", () => {
  // message Point { uint32 id = 1; sint64 x = 2; string name = 3; int32 n = 4; }
  const expected = written((writer) => {
    writer.uint32(1 << 3 | 0).uint32(300);
    writer.uint32(2 << 3 | 0).sint64(-123456789012);
    writer.uint32(3 << 3 | 2).string("héllo");
    writer.uint32(4 << 3 | 0).int32(-2);
  });
  const memory = new Uint8Array(expected.length);
  const cursor = new Cursor(memory);
  cursor.writeVarUint32(1 << 3 | 0);
  cursor.writeVarUint32(300);
  cursor.writeVarUint32(2 << 3 | 0);
  cursor.writeZigZag64(-123456789012);
  cursor.writeVarUint32(3 << 3 | 2);
  cursor.writeVarUint32(new TextEncoder().encode("héllo").byteLength);
  cursor.writeString("héllo");
  cursor.writeVarUint32(4 << 3 | 0);
  cursor.writeBigVarUint64(BigInt.asUintN(64, -2n));
  assert.deepEqual(Array.from(memory), expected);

  const reader = new Cursor(memory, { readOnly: true });
  const fields: unknown[] = [];
  while (reader.remaining > 0) {
    const tag = reader.readVarUint32();
    switch (tag >>> 3) {
      case 1:
        fields.push(reader.readVarUint32());
        break;
      case 2:
        fields.push(reader.readZigZag64());
        break;
      case 3:
        fields.push(reader.readString(reader.readVarUint32()));
        break;
      default:
        fields.push(Number(BigInt.asIntN(32, reader.readBigVarUint64())));
    }
  }
  assert.deepEqual(fields, [300, -123456789012, "héllo", -2]);
});

// ---------------------------------------------------------------------------
// Proof against a real format: WebAssembly modules the engine validates.

const EXPORT_KINDS = ["function", "table", "memory", "global"] as const;

/** What a walk of a module's bytes found. */
interface Walk {
  sections: [id: number, size: number, at: number][];
  exports: { name: string; kind: string }[];
}

/**
 * Walks a module: the magic and version, then every section's id and size
 * (a u32 varint) to the exact end, and the names, kinds and indices of the
 * export section (a vector of them).
 */
function walk(bytes: Uint8Array): Walk {
  const cursor = new Cursor(bytes, { readOnly: true });
  assert.equal(cursor.readUint32(), 0x0061736d, "the magic");
  assert.equal(cursor.readUint32(true), 1, "the version");
  const found: Walk = { sections: [], exports: [] };
  while (cursor.remaining > 0) {
    const id = cursor.readUint8();
    const size = cursor.readVarUint32();
    const end = cursor.position + size;
    found.sections.push([id, size, cursor.position]);
    if (id === 7) {
      for (let count = cursor.readVarUint32(); count > 0; count--) {
        const name = cursor.readString(cursor.readVarUint32(), { fatal: true });
        const kind = EXPORT_KINDS[cursor.readUint8()]!;
        cursor.readVarUint32(); // the index
        found.exports.push({ name, kind });
      }
      assert.equal(cursor.position, end, "the export section's end");
    }
    cursor.position = end;
  }
  assert.equal(cursor.position, bytes.byteLength, "the module's end");
  return found;
}

Deno.test("Cursor.readVarUint32() walks the sections and exports of a WebAssembly module as the engine reads them", () => {
  assert.ok(WebAssembly.validate(WASM_BYTES));
  const { sections, exports } = walk(WASM_BYTES);
  assert.deepEqual(sections.map(([id]) => id), [1, 3, 5, 7, 10]);
  assert.deepEqual(
    exports,
    WebAssembly.Module.exports(new WebAssembly.Module(WASM_BYTES)),
  );
});

/** The bytes of a section: its id, its size as a u32 varint, its bytes. */
function section(id: number, body: Uint8Array, padded = false): Uint8Array {
  const memory = new Uint8Array(body.byteLength + 6);
  const cursor = new Cursor(memory);
  cursor.writeUint8(id);
  if (padded) {
    // The size in 5 bytes, as some tools leave room to patch it.
    const size = body.byteLength;
    cursor.writeSync(Uint8Array.of(
      size & 0x7f | 0x80,
      size >>> 7 & 0x7f | 0x80,
      size >>> 14 & 0x7f | 0x80,
      size >>> 21 & 0x7f | 0x80,
      size >>> 28,
    ));
  } else {
    cursor.writeVarUint32(body.byteLength);
  }
  cursor.writeSync(body);
  return memory.subarray(0, cursor.position);
}

/** Concatenates byte arrays. */
function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const all = new Uint8Array(parts.reduce((sum, p) => sum + p.byteLength, 0));
  const cursor = new Cursor(all);
  for (const part of parts) cursor.writeSync(part);
  return all;
}

/** A body written through a cursor that grows as it is written. */
function body(write: (cursor: Cursor) => void): Uint8Array {
  const cursor = new Cursor(new ArrayBuffer(0, { maxByteLength: 1 << 16 }));
  write(cursor);
  return new Uint8Array(cursor.bytes());
}

const I32 = 0x7f;
const I64 = 0x7e;

/** The i32 and i64 constants the module below returns, one per function. */
const I32_CONSTANTS = [0, 1, -1, 63, 64, -64, -65, 2 ** 31 - 1, -(2 ** 31)];
const I64_CONSTANTS = [0n, -1n, 2n ** 53n, -(2n ** 63n), 2n ** 63n - 1n];

/**
 * A module of 130 functions: the first return each i32 and i64 constant
 * above (signed LEB128 immediates written by writeVarInt32() and
 * writeBigVarInt64()), the rest nothing; every function exported, under
 * names of up to 200 characters (2-byte lengths). Sizes, counts and
 * indices of 128 and more take 2-byte u32 varints, and the code section's
 * size is padded to 5 bytes.
 */
function bigModule(): Uint8Array<ArrayBuffer> {
  const constants = [...I32_CONSTANTS, ...I64_CONSTANTS];
  const count = 130;
  const types = body((c) => {
    c.writeVarUint32(3);
    for (const result of [[I32], [I64], []]) {
      c.writeSync(Uint8Array.of(0x60, 0, result.length, ...result));
    }
  });
  const functions = body((c) => {
    c.writeVarUint32(count);
    for (let i = 0; i < count; i++) {
      c.writeVarUint32(
        i < I32_CONSTANTS.length ? 0 : i < constants.length ? 1 : 2,
      );
    }
  });
  const names = Array.from(
    { length: count },
    (_, i) => `f${i}`.padEnd(i === 129 ? 200 : 2 + (i % 7), "_"),
  );
  const exports = body((c) => {
    c.writeVarUint32(count);
    names.forEach((name, i) => {
      c.writeVarUint32(name.length);
      c.writeString(name);
      c.writeUint8(0);
      c.writeVarUint32(i);
    });
  });
  const code = body((c) => {
    c.writeVarUint32(count);
    for (let i = 0; i < count; i++) {
      const instructions = body((f) => {
        f.writeVarUint32(0); // no locals
        if (i < I32_CONSTANTS.length) {
          f.writeUint8(0x41); // i32.const
          f.writeVarInt32(I32_CONSTANTS[i]!);
        } else if (i < constants.length) {
          f.writeUint8(0x42); // i64.const
          f.writeBigVarInt64(I64_CONSTANTS[i - I32_CONSTANTS.length]!);
        }
        f.writeUint8(0x0b); // end
      });
      c.writeVarUint32(instructions.byteLength);
      c.writeSync(instructions);
    }
  });
  // A custom section of 300 bytes: a name, then anything.
  const custom = body((c) => {
    c.writeVarUint32(4);
    c.writeString("note");
    c.writeSync(new Uint8Array(295).fill(0xee));
  });
  return concat(
    WASM_BYTES.subarray(0, 8),
    section(1, types),
    section(3, functions),
    section(7, exports),
    section(10, code, true),
    section(0, custom),
  );
}

Deno.test("Cursor writes varints into a WebAssembly module that the engine validates, runs and reads back as the cursor does", () => {
  const bytes = bigModule();
  assert.ok(WebAssembly.validate(bytes));
  const module = new WebAssembly.Module(bytes);
  const { sections, exports } = walk(bytes);
  assert.deepEqual(exports, WebAssembly.Module.exports(module));
  assert.deepEqual(sections.map(([id]) => id), [1, 3, 7, 10, 0]);
  assert.equal(sections.at(-1)![1], 300);
  assert.equal(exports.length, 130);
  assert.equal(exports[129]!.name.length, 200);
  // The engine runs the functions: their constants are the values written.
  const instance = new WebAssembly.Instance(module);
  const results = exports.slice(0, 14).map(({ name }) =>
    (instance.exports[name] as () => number | bigint)()
  );
  assert.deepEqual(results, [...I32_CONSTANTS, ...I64_CONSTANTS]);
  // And the cursor reads them from the code section.
  const cursor = new Cursor(bytes, { readOnly: true });
  cursor.position = sections.find(([id]) => id === 10)![2];
  assert.equal(cursor.readVarUint32(), 130);
  const read: (number | bigint)[] = [];
  for (let i = 0; i < 14; i++) {
    cursor.readVarUint32(); // the body's size
    assert.equal(cursor.readVarUint32(), 0);
    read.push(
      cursor.readUint8() === 0x41
        ? cursor.readVarInt32()
        : cursor.readBigVarInt64(),
    );
    assert.equal(cursor.readUint8(), 0x0b);
  }
  assert.deepEqual(read, results);
});

Deno.test("Cursor.readVarUint32() refuses a section size the engine refuses: a fifth byte with bits beyond 32", () => {
  const bytes = concat(
    WASM_BYTES.subarray(0, 8),
    Uint8Array.of(0, 0x85, 0x80, 0x80, 0x80, 0x10, 1, 0x61, 0, 0, 0),
  );
  assert.equal(WebAssembly.validate(bytes), false);
  const cursor = new Cursor(bytes);
  cursor.position = 9;
  assert.throws(
    () => cursor.readVarUint32(),
    exactly(
      RangeError,
      "Cannot read a VarUint32 at position 9: its value needs more than 32 bits (byte 5 is 0x10)",
    ),
  );
  assert.equal(cursor.position, 9);
  // The same size with a valid fifth byte: the engine takes it, and so do we.
  bytes[13] = 0x00;
  assert.equal(WebAssembly.validate(bytes), true);
  assert.equal(cursor.readVarUint32(), 5);
});

Deno.test("Cursor.readVarInt32() reads a padded i32.const as the engine runs it", () => {
  // (func (result i32) i32.const -1), its immediate padded to 5 bytes.
  const type = Uint8Array.of(1, 0x60, 0, 1, I32);
  const code = Uint8Array.of(1, 8, 0, 0x41, 0xff, 0xff, 0xff, 0xff, 0x7f, 0x0b);
  const exports = Uint8Array.of(1, 1, 0x66, 0, 0);
  const bytes = concat(
    WASM_BYTES.subarray(0, 8),
    section(1, type),
    section(3, Uint8Array.of(1, 0)),
    section(7, exports),
    section(10, code),
  );
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes));
  assert.equal((instance.exports.f as () => number)(), -1);
  const cursor = new Cursor(bytes);
  cursor.position = bytes.byteLength - 6;
  assert.equal(cursor.readVarInt32(), -1);
  assert.equal(cursor.position, bytes.byteLength - 1);
  // A fifth byte that is not bits 28 to 31 and copies of bit 31: refused.
  bytes[bytes.byteLength - 2] = 0x6f;
  assert.equal(WebAssembly.validate(bytes), false);
  cursor.position = bytes.byteLength - 6;
  assert.throws(() => cursor.readVarInt32(), RangeError);
});
