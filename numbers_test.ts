import assert from "node:assert/strict";
import {
  Cursor,
  CursorClosedError,
  CursorFullError,
  CursorReadOnlyError,
  UnexpectedEofError,
} from "@iocursor/cursor";
import { detachedCursor, testEveryBacking } from "./_backing_test_util.ts";
import { byteCount } from "./_assert_test_util.ts";
import { missing, requires } from "./_runtime_test_util.ts";

type Value = number | bigint;

/** One typed number: the cursor's methods and DataView's, side by side. */
interface NumberKind {
  name: string;
  size: number;
  read(cursor: Cursor, littleEndian?: boolean): Value;
  write(cursor: Cursor, value: Value, littleEndian?: boolean): void;
  get(view: DataView, at: number, littleEndian?: boolean): Value;
  set(view: DataView, at: number, value: Value, littleEndian?: boolean): void;
  /** Values to write, including ones that wrap or round. */
  samples: Value[];
  /** A value of the wrong type for `write`. */
  wrongType: Value;
}

/** A method of `Cursor` or `DataView` looked up by name, for the table. */
type Method = (...args: unknown[]) => unknown;
function method(target: object, name: string): Method {
  const found = (target as Record<string, unknown>)[name];
  assert.equal(typeof found, "function", name);
  return (found as Method).bind(target);
}

/** The cursor's and DataView's methods for the number called `name`. */
function kind(
  name: string,
  size: number,
  samples: Value[],
  wrongType: Value,
): NumberKind {
  return {
    name,
    size,
    samples,
    wrongType,
    read: (c, le) => method(c, `read${name}`)(le) as Value,
    write: (c, v, le) => void method(c, `write${name}`)(v, le),
    get: (d, at, le) => method(d, `get${name}`)(at, le) as Value,
    set: (d, at, v, le) => void method(d, `set${name}`)(at, v, le),
  };
}

const KINDS: NumberKind[] = [
  kind("Int8", 1, [0, 1, -1, 127, -128, 200, -129], 1n),
  kind("Uint8", 1, [0, 1, 255, 256, -1, 3.7], 1n),
  kind("Int16", 2, [0, 0x1234, -2, 32767, -32768, 40000], 1n),
  kind("Uint16", 2, [0, 0x1234, 0xfffe, 65536, -1], 1n),
  kind(
    "Int32",
    4,
    [0, 0x12345678, -2, 2 ** 31 - 1, -(2 ** 31), 2 ** 32 + 3],
    1n,
  ),
  kind("Uint32", 4, [0, 0xdeadbeef, 2 ** 32 - 1, 2 ** 32 + 5, -1], 1n),
  kind("BigInt64", 8, [
    0n,
    -2n,
    0x0102030405060708n,
    2n ** 63n - 1n,
    -(2n ** 63n),
    2n ** 64n + 1n,
  ], 1),
  kind("BigUint64", 8, [
    0n,
    0x0102030405060708n,
    2n ** 64n - 1n,
    2n ** 64n,
    -1n,
  ], 1),
  kind("Float16", 2, [0, -0, 1.5, -65504, 1e-7, 70000, Infinity, NaN, 0.1], 1n),
  kind("Float32", 4, [0, -0, 1.5, 0.1, 3.4e38, 1e39, -Infinity, NaN], 1n),
  kind(
    "Float64",
    8,
    [0, -0, 1.5, 0.1, Number.MAX_VALUE, 5e-324, Infinity, NaN],
    1n,
  ),
];

/** Positions one byte short, at the end and past the end, with bytes left. */
function shortPositions(size: number): [number, number][] {
  return [[17 - size, size - 1], [16, 0], [20, 0]];
}

/** Big-endian by default, then both explicit byte orders. */
const ORDERS = [undefined, false, true] as const;

/** 16 distinct bytes: every alignment 0..7 has room for an 8-byte number. */
const SIXTEEN = Array.from({ length: 16 }, (_, i) => (i * 37 + 11) & 0xff);

for (const kind of KINDS) {
  const { name, size } = kind;
  const reason = name === "Float16" ? missing.float16 : undefined;

  testEveryBacking(
    `Cursor.read${name}() matches DataView at every alignment and byte order`,
    SIXTEEN,
    (backing) => {
      const copy = new DataView(backing.view().slice().buffer);
      const cursor = new Cursor(backing.source);
      for (let at = 0; at < 8; at++) {
        for (const littleEndian of ORDERS) {
          cursor.position = at;
          assert.deepEqual(
            kind.read(cursor, littleEndian),
            kind.get(copy, at, littleEndian),
            `${name} at ${at}, littleEndian ${littleEndian}`,
          );
          assert.equal(cursor.position, at + size);
        }
      }
    },
    reason,
  );

  testEveryBacking(
    `Cursor.write${name}() stores what DataView stores at every alignment and byte order`,
    SIXTEEN,
    (backing) => {
      const expected = new DataView(backing.view().slice().buffer);
      const cursor = new Cursor(backing.source);
      for (let at = 0; at < 8; at++) {
        for (const littleEndian of ORDERS) {
          for (const value of kind.samples) {
            cursor.position = at;
            kind.write(cursor, value, littleEndian);
            kind.set(expected, at, value, littleEndian);
            assert.equal(cursor.position, at + size);
            assert.deepEqual(
              backing.view(),
              new Uint8Array(expected.buffer),
              `${name} ${value} at ${at}, littleEndian ${littleEndian}`,
            );
            cursor.position = at;
            assert.deepEqual(
              kind.read(cursor, littleEndian),
              kind.get(expected, at, littleEndian),
            );
          }
        }
      }
    },
    reason,
  );

  testEveryBacking(
    `Cursor.read${name}() reads exactly the last bytes, then throws UnexpectedEofError`,
    SIXTEEN,
    (backing) => {
      const copy = new DataView(backing.view().slice().buffer);
      const cursor = new Cursor(backing.source);
      cursor.position = 16 - size;
      assert.deepEqual(kind.read(cursor), kind.get(copy, 16 - size));
      assert.equal(cursor.position, 16);
      for (const [position, available] of shortPositions(size)) {
        cursor.position = position;
        assert.throws(() => kind.read(cursor, true), (error) => {
          assert(error instanceof UnexpectedEofError);
          assert.equal(
            error.message,
            `Cannot read ${byteCount(size)}: only ${byteCount(available)} ${
              available === 1 ? "remains" : "remain"
            }`,
          );
          assert.equal(error.requested, size);
          assert.equal(error.available, available);
          return true;
        });
        assert.equal(cursor.position, position);
      }
    },
    reason,
  );

  testEveryBacking(
    `Cursor.write${name}() fills exactly the last bytes, then throws CursorFullError`,
    SIXTEEN,
    (backing) => {
      const expected = new DataView(backing.view().slice().buffer);
      const cursor = new Cursor(backing.source);
      const value = kind.samples[1]!;
      cursor.position = 16 - size;
      kind.write(cursor, value);
      kind.set(expected, 16 - size, value);
      assert.equal(cursor.position, 16);
      assert.deepEqual(backing.view(), new Uint8Array(expected.buffer));
      // Memory that grows in place has `growth` more room before it is full.
      for (const [short, available] of shortPositions(size)) {
        const position = short + backing.growth;
        cursor.position = position;
        assert.throws(() => kind.write(cursor, value, true), (error) => {
          assert(error instanceof CursorFullError);
          assert.equal(
            error.message,
            `Cannot write ${byteCount(size)}: there is room for ${
              byteCount(available)
            } before the end`,
          );
          assert.equal(error.requested, size);
          assert.equal(error.available, available);
          return true;
        });
        assert.equal(cursor.position, position);
        assert.equal(cursor.byteLength, 16);
        assert.deepEqual(backing.view(), new Uint8Array(expected.buffer));
      }
    },
    reason,
  );

  testEveryBacking(
    `Cursor.write${name}() past the end grows memory that can grow in place`,
    SIXTEEN,
    (backing) => {
      const cursor = new Cursor(backing.source);
      const value = kind.samples[1]!;
      cursor.position = 17;
      if (backing.growth === 0) {
        assert.throws(() => kind.write(cursor, value), CursorFullError);
        assert.equal(cursor.byteLength, 16);
        return;
      }
      kind.write(cursor, value, true);
      assert.equal(cursor.byteLength, 17 + size);
      assert.equal(cursor.position, 17 + size);
      const expected = new DataView(new ArrayBuffer(size));
      kind.set(expected, 0, value, true);
      assert.deepEqual(
        cursor.bytes().subarray(16),
        Uint8Array.of(0, ...new Uint8Array(expected.buffer)),
      );
      cursor.position = 17;
      assert.deepEqual(kind.read(cursor, true), kind.get(expected, 0, true));
    },
    reason,
  );

  Deno.test(requires(reason, {
    name:
      `Cursor.read${name}() and write${name}() reach the bytes a resizable buffer gained`,
    fn() {
      const buffer = new ArrayBuffer(8, { maxByteLength: 32 });
      const expected = new DataView(new ArrayBuffer(16));
      const value = kind.samples[1]!;
      const writer = new Cursor(buffer);
      const reader = new Cursor(buffer);
      kind.write(writer, value, true);
      kind.set(expected, 0, value, true);
      assert.deepEqual(kind.read(reader, true), kind.get(expected, 0, true));
      buffer.resize(16);
      writer.position = 8;
      kind.write(writer, value);
      kind.set(expected, 8, value);
      assert.equal(writer.position, 8 + size);
      assert.deepEqual(new Uint8Array(buffer), new Uint8Array(expected.buffer));
      reader.position = 8;
      assert.deepEqual(kind.read(reader), kind.get(expected, 8));
      assert.equal(reader.position, 8 + size);
    },
  }));

  Deno.test(requires(reason, {
    name:
      `Cursor.read${name}() and write${name}() throw CursorClosedError after close`,
    fn() {
      const memory = new Uint8Array(SIXTEEN);
      const cursor = new Cursor(memory);
      kind.read(cursor);
      cursor.close();
      assert.throws(() => kind.read(cursor), (error) => {
        assert(error instanceof CursorClosedError);
        assert.equal(error.message, "Cannot read: the cursor is closed");
        return true;
      });
      assert.throws(() => kind.write(cursor, kind.samples[1]!), {
        name: "CursorClosedError",
        message: "Cannot write: the cursor is closed",
      });
      assert.equal(cursor.position, size);
      assert.deepEqual(memory, new Uint8Array(SIXTEEN));
    },
  }));

  Deno.test(requires(reason, {
    name:
      `Cursor.write${name}() throws CursorReadOnlyError on a read-only cursor`,
    fn() {
      const memory = new Uint8Array(SIXTEEN);
      const cursor = new Cursor(memory, { readOnly: true });
      assert.throws(() => kind.write(cursor, kind.samples[1]!), (error) => {
        assert(error instanceof CursorReadOnlyError);
        assert.equal(error.message, "Cannot write: the cursor is read-only");
        return true;
      });
      assert.equal(cursor.position, 0);
      assert.deepEqual(memory, new Uint8Array(SIXTEEN));
      assert.deepEqual(
        kind.read(cursor),
        kind.get(new DataView(memory.buffer), 0),
      );
    },
  }));

  Deno.test(requires(reason, {
    name:
      `Cursor.write${name}() throws a TypeError naming a value of the wrong kind of number, and changes nothing`,
    fn() {
      const wrong = kind.wrongType;
      const message = typeof wrong === "bigint"
        ? `Cannot write a ${name}: value must be a number, received ${wrong}n`
        : `Cannot write a ${name}: value must be a bigint, received ${wrong}`;
      // Steady memory, and growable memory (a cursor of the other class).
      const memory = new Uint8Array(SIXTEEN);
      const growable = new ArrayBuffer(16, { maxByteLength: 64 });
      for (const cursor of [new Cursor(memory), new Cursor(growable)]) {
        cursor.position = 3;
        assert.throws(() => kind.write(cursor, wrong), {
          name: "TypeError",
          message,
        });
        assert.equal(cursor.position, 3);
      }
      // At the end, room is checked first: fixed memory is full, and
      // growable memory does not grow for a value that cannot be written.
      const fixed = new Cursor(memory);
      fixed.position = 16;
      assert.throws(() => kind.write(fixed, wrong), CursorFullError);
      const grows = new Cursor(growable);
      grows.position = 16;
      assert.throws(() => kind.write(grows, wrong), { message });
      assert.deepEqual(memory, new Uint8Array(SIXTEEN));
      assert.equal(growable.byteLength, 16);
      assert.deepEqual(new Uint8Array(growable), new Uint8Array(16));
    },
  }));

  Deno.test(requires(reason, {
    name:
      `Cursor.write${name}() throws what a function's own conversion throws, and changes nothing`,
    fn() {
      // A function is an object: its valueOf() is called, and its error is
      // the caller's to see, not a TypeError about the kind of number.
      const value = Object.assign(() => 0, {
        valueOf(): never {
          throw new SyntaxError("no value");
        },
      });
      const memory = new Uint8Array(SIXTEEN);
      const growable = new ArrayBuffer(16, { maxByteLength: 64 });
      for (const cursor of [new Cursor(memory), new Cursor(growable)]) {
        cursor.position = 3;
        assert.throws(() => kind.write(cursor, value as unknown as Value), {
          name: "SyntaxError",
          message: "no value",
        });
        assert.equal(cursor.position, 3);
      }
      assert.deepEqual(memory, new Uint8Array(SIXTEEN));
      assert.deepEqual(new Uint8Array(growable), new Uint8Array(16));
    },
  }));

  Deno.test(requires(reason, {
    name:
      `Cursor.read${name}() and write${name}() throw TypeError on a detached buffer`,
    fn() {
      assert.throws(() => kind.read(detachedCursor()), {
        name: "TypeError",
        message: "Cannot read: the underlying ArrayBuffer is detached",
      });
      assert.throws(() => kind.write(detachedCursor(), kind.samples[0]!), {
        name: "TypeError",
        message: "Cannot write: the underlying ArrayBuffer is detached",
      });
    },
  }));
}

Deno.test("Cursor typed reads see a resizable buffer's new length", () => {
  const buffer = new ArrayBuffer(8, { maxByteLength: 16 });
  const bytes = new Uint8Array(buffer);
  bytes.set([0, 0, 0, 1, 0, 0, 0, 2]);
  const cursor = new Cursor(buffer);
  assert.equal(cursor.readUint32(), 1);
  buffer.resize(12);
  bytes.set([0, 0, 0, 3], 8);
  cursor.position = 8;
  assert.equal(cursor.readUint32(), 3);
  assert.equal(cursor.position, 12);
  // Shrinking below the cached view's end must not surface its TypeError.
  buffer.resize(6);
  cursor.position = 0;
  assert.equal(cursor.readUint32(), 1);
  assert.throws(
    () => cursor.readUint32(),
    (error) => error instanceof UnexpectedEofError && error.available === 2,
  );
  assert.equal(cursor.position, 4);
  cursor.writeUint16(0xabcd);
  assert.deepEqual(bytes, new Uint8Array([0, 0, 0, 1, 0xab, 0xcd]));
  buffer.resize(10);
  cursor.writeUint32(0x01020304);
  assert.deepEqual(
    bytes,
    new Uint8Array([0, 0, 0, 1, 0xab, 0xcd, 1, 2, 3, 4]),
  );
});

Deno.test("Cursor typed reads follow a fixed view over a resizable buffer in and out of bounds", () => {
  const buffer = new ArrayBuffer(12, { maxByteLength: 16 });
  const cursor = new Cursor(new Uint8Array(buffer, 4, 8));
  cursor.writeUint32(7);
  buffer.resize(8);
  cursor.position = 0;
  assert.throws(
    () => cursor.readUint32(),
    (error) => error instanceof UnexpectedEofError && error.available === 0,
  );
  buffer.resize(12);
  assert.equal(cursor.readUint32(), 7);
  assert.equal(cursor.position, 4);
  assert.equal(cursor.readUint32(), 0);
  assert.equal(cursor.position, 8);
});

Deno.test("Cursor.readFloat16() and writeFloat16() throw TypeError without runtime support", () => {
  // Deleted for the test where the engine has them; Node 20 has none.
  const proto = DataView.prototype as unknown as Record<string, unknown>;
  const get = Object.getOwnPropertyDescriptor(proto, "getFloat16");
  const set = Object.getOwnPropertyDescriptor(proto, "setFloat16");
  const memory = new Uint8Array([0x3e, 0, 0, 0]);
  const cursor = new Cursor(memory);
  try {
    delete proto.getFloat16;
    delete proto.setFloat16;
    assert.throws(() => cursor.readFloat16(), {
      name: "TypeError",
      message:
        "Cannot read a Float16: this runtime has no DataView.prototype.getFloat16",
    });
    assert.throws(() => cursor.writeFloat16(1), {
      name: "TypeError",
      message:
        "Cannot write a Float16: this runtime has no DataView.prototype.setFloat16",
    });
    assert.equal(cursor.position, 0);
    assert.deepEqual(memory, new Uint8Array([0x3e, 0, 0, 0]));
  } finally {
    if (get !== undefined) Object.defineProperty(proto, "getFloat16", get);
    if (set !== undefined) Object.defineProperty(proto, "setFloat16", set);
  }
  if (get !== undefined) assert.equal(cursor.readFloat16(), 1.5);
});

Deno.test("Cursor typed numbers advance through mixed sizes", () => {
  const memory = new Uint8Array(15);
  const cursor = new Cursor(memory);
  cursor.writeUint8(1);
  cursor.writeInt16(-2, true);
  cursor.writeFloat32(0.5);
  cursor.writeBigUint64(9n, true);
  assert.equal(cursor.position, 15);
  cursor.position = 0;
  assert.equal(cursor.readUint8(), 1);
  assert.equal(cursor.readInt16(true), -2);
  assert.equal(cursor.readFloat32(), 0.5);
  assert.equal(cursor.readBigUint64(true), 9n);
  assert.equal(cursor.position, 15);
});

for (const kind of KINDS) {
  const { name, size } = kind;
  const one = typeof kind.wrongType === "bigint" ? 1 : 1n;
  const reason = name === "Float16" ? missing.float16 : undefined;

  Deno.test(requires(reason, {
    name:
      `Cursor.write${name}() converts its value once when the memory must grow`,
    fn() {
      const buffer = new ArrayBuffer(0, { maxByteLength: 16 });
      const cursor = new Cursor(buffer);
      let calls = 0;
      const value = {
        valueOf(): Value {
          calls++;
          return one;
        },
      };
      kind.write(cursor, value as unknown as Value);
      assert.equal(calls, 1);
      assert.equal(cursor.position, size);
      assert.equal(buffer.byteLength, size);
      const expected = new DataView(new ArrayBuffer(size));
      kind.set(expected, 0, one);
      assert.deepEqual(new Uint8Array(buffer), new Uint8Array(expected.buffer));
    },
  }));

  Deno.test(requires(reason, {
    name:
      `Cursor.write${name}() leaves growable memory as it was when converting the value throws`,
    fn() {
      const buffer = new ArrayBuffer(0, { maxByteLength: 16 });
      const cursor = new Cursor(buffer);
      let calls = 0;
      const value = {
        valueOf(): never {
          calls++;
          throw new SyntaxError("no value");
        },
      };
      assert.throws(
        () => kind.write(cursor, value as unknown as Value),
        SyntaxError,
      );
      assert.equal(calls, 1);
      assert.equal(cursor.position, 0);
      assert.equal(buffer.byteLength, 0);
      // The checks that come first still win over the value's error.
      cursor.position = 17;
      assert.throws(
        () => kind.write(cursor, value as unknown as Value),
        CursorFullError,
      );
    },
  }));
}

for (const kind of KINDS) {
  const { name, size } = kind;
  const reason = name === "Float16" ? missing.float16 : undefined;
  Deno.test(requires(reason, {
    name:
      `Cursor.read${name}() reads what the owner's growth of a caller's length-tracking view brought`,
    fn() {
      const buffer = new ArrayBuffer(8, { maxByteLength: 32 });
      const cursor = new Cursor(new Uint8Array(buffer));
      // The owner grows the buffer: the view follows, and the cursor's
      // cached view, made at 8 bytes, must be made again.
      buffer.resize(24);
      const expected = new DataView(buffer);
      for (let i = 0; i < 24; i++) expected.setUint8(i, i * 29 + 3);
      for (const littleEndian of ORDERS) {
        cursor.position = 8;
        assert.deepEqual(
          kind.read(cursor, littleEndian),
          kind.get(expected, 8, littleEndian),
        );
        assert.equal(cursor.position, 8 + size);
      }
    },
  }));
}
