/**
 * Positions of 2^31 and more, and memory longer than 2^31 - 2 bytes: the
 * cursor keeps such positions apart from the one its fast paths use, and
 * every method must still see them exactly.
 */

import assert from "node:assert/strict";
import {
  Cursor,
  CursorFullError,
  SeekMode,
  UnexpectedEofError,
} from "@iocursor/cursor";
import { missing, requires } from "./_runtime_test_util.ts";

const FAR = [2 ** 31 - 2, 2 ** 31 - 1, 2 ** 31, 2 ** 32 + 5, 2 ** 53 - 1];

for (const position of FAR) {
  Deno.test(`Cursor at position ${position} of short memory reads nothing and writes nothing`, () => {
    const memory = Uint8Array.of(1, 2, 3, 4);
    const cursor = new Cursor(memory);
    cursor.position = position;
    assert.equal(cursor.position, position);
    assert.equal(cursor.remaining, 0);
    assert.equal(cursor.readSync(new Uint8Array(2)), null);
    assert.equal(cursor.readSync(new Uint8Array(0)), 0);
    assert.deepEqual(cursor.peek(2), new Uint8Array(0));
    assert.deepEqual(cursor.take(0), new Uint8Array(0));
    assert.deepEqual(cursor.remainder(), new Uint8Array(0));
    assert.equal(cursor.readUntil(3), null);
    assert.equal(cursor.readLine(), null);
    assert.equal(cursor.readString(0), "");
    assert.throws(() => cursor.take(1), UnexpectedEofError);
    assert.throws(() => cursor.readUint32(), UnexpectedEofError);
    assert.throws(
      () => cursor.writeSync(Uint8Array.of(9)),
      (error) => error instanceof CursorFullError && error.available === 0,
    );
    assert.throws(() => cursor.writeUint32(9), CursorFullError);
    assert.throws(() => cursor.writeBigUint64(9n), CursorFullError);
    assert.throws(() => cursor.writeString("x"), CursorFullError);
    assert.throws(() => cursor.readVarUint32(), UnexpectedEofError);
    assert.throws(() => cursor.readBigVarInt64(), UnexpectedEofError);
    assert.throws(
      () => cursor.writeVarUint32(1),
      (error) => error instanceof CursorFullError && error.available === 0,
    );
    assert.throws(() => cursor.writeBigZigZag64(-1n), CursorFullError);
    assert.equal(cursor.position, position);
    assert.equal(cursor.seekSync(-1, SeekMode.Current), position - 1);
    assert.equal(cursor.seekSync(1, SeekMode.Current), position);
    assert.equal(cursor.seekSync(-2, SeekMode.End), 2);
    assert.equal(cursor.readUint16(), 0x0304);
    assert.deepEqual(memory, Uint8Array.of(1, 2, 3, 4));
  });
}

Deno.test("Cursor grows a resizable ArrayBuffer from a position past 2^31 only up to its maxByteLength", () => {
  const buffer = new ArrayBuffer(0, { maxByteLength: 64 });
  const cursor = new Cursor(buffer);
  cursor.position = 2 ** 31 + 1;
  assert.throws(() => cursor.writeUint8(1), CursorFullError);
  assert.throws(() => cursor.writeSync(Uint8Array.of(1)), CursorFullError);
  assert.equal(buffer.byteLength, 0);
  assert.equal(cursor.position, 2 ** 31 + 1);
});

/** Memory of 2 GiB and 64 bytes, made only where the engine can. */
function huge(): Uint8Array {
  return new Uint8Array(2 ** 31 + 64);
}

Deno.test(requires(missing.hugeMemory, {
  name: "Cursor over memory longer than 2 GiB reads and writes past 2^31",
  fn() {
    const memory = huge();
    const cursor = new Cursor(memory);
    const at = 2 ** 31 + 8;
    cursor.position = at;
    cursor.writeUint32(0xdeadbeef);
    assert.equal(cursor.position, at + 4);
    cursor.writeSync(new TextEncoder().encode("é\nline\r\nrest"));
    assert.equal(cursor.writeString("€"), 3);
    assert.equal(cursor.position, at + 4 + 13 + 3);
    cursor.position = at;
    assert.equal(cursor.readUint32(), 0xdeadbeef);
    assert.equal(cursor.readString(2), "é");
    assert.deepEqual(cursor.peek(1), Uint8Array.of(10));
    assert.deepEqual(cursor.take(1), Uint8Array.of(10));
    assert.deepEqual(
      cursor.readLine(),
      new TextEncoder().encode("line"),
    );
    assert.deepEqual(cursor.readUntil(0x74), new TextEncoder().encode("rest"));
    const p = new Uint8Array(3);
    assert.equal(cursor.readSync(p), 3);
    assert.equal(new TextDecoder().decode(p), "€");
    assert.equal(cursor.remaining, 64 - 8 - 4 - 13 - 3);
    assert.equal(cursor.remainder().byteLength, cursor.remaining);
    assert.equal(cursor.writeAtSync(Uint8Array.of(7), 2 ** 31 + 1), 1);
    assert.equal(memory[2 ** 31 + 1], 7);
    assert.equal(cursor.readAtSync(p, 2 ** 31 + 1), 3);
    assert.equal(p[0], 7);
    assert.deepEqual(
      cursor.readExactSync(new Uint8Array(2)),
      new Uint8Array(2),
    );
    assert.equal(cursor.seekSync(0, SeekMode.End), 2 ** 31 + 64);
    assert.equal(cursor.readSync(p), null);
    assert.throws(() => cursor.writeSync(p), CursorFullError);
  },
}));

Deno.test(requires(missing.hugeMemory, {
  name: "Cursor over memory longer than 2 GiB reads and writes across 2^31 - 2",
  fn() {
    const memory = huge();
    const cursor = new Cursor(memory);
    const at = 2 ** 31 - 5;
    cursor.position = at;
    cursor.writeBigUint64(0x0102030405060708n);
    assert.equal(cursor.position, at + 8);
    cursor.position = at;
    assert.equal(cursor.readBigUint64(), 0x0102030405060708n);
    cursor.position = at;
    assert.equal(cursor.writeSync(Uint8Array.of(9, 8, 7, 6, 5, 4, 3, 2)), 8);
    cursor.position = at;
    const p = new Uint8Array(8);
    assert.equal(cursor.readSync(p), 8);
    assert.deepEqual(p, Uint8Array.of(9, 8, 7, 6, 5, 4, 3, 2));
    assert.equal(cursor.position, at + 8);
    // Varints across 2^31 - 2 and past 2^31.
    for (const start of [at, 2 ** 31 + 3]) {
      cursor.position = start;
      assert.equal(cursor.writeBigVarUint64(2n ** 64n - 1n), 10);
      assert.equal(cursor.writeVarInt32(-(2 ** 31)), 5);
      cursor.position = start;
      assert.equal(cursor.readBigVarUint64(), 2n ** 64n - 1n);
      assert.equal(cursor.readVarInt32(), -(2 ** 31));
      assert.equal(cursor.position, start + 15);
    }
  },
}));

Deno.test(requires(missing.hugeMemory, {
  name: "Cursor over memory of 2^31 - 2 bytes reads and writes at its end",
  fn() {
    const memory = new Uint8Array(2 ** 31 - 2);
    const cursor = new Cursor(memory);
    cursor.position = 2 ** 31 - 6;
    cursor.writeUint32(0x01020304);
    assert.equal(cursor.position, 2 ** 31 - 2);
    assert.throws(() => cursor.writeUint8(1), CursorFullError);
    cursor.position = 2 ** 31 - 6;
    assert.equal(cursor.readUint32(), 0x01020304);
    assert.equal(cursor.readSync(new Uint8Array(1)), null);
    assert.equal(cursor.position, 2 ** 31 - 2);
  },
}));

/**
 * Typed numbers at, across and past 2^31 - 2 through `Cursor` methods that
 * keep the position where the fast paths do: those of a WebAssembly
 * memory's cursor and of a subclass on any memory. They once wrote a
 * number at 2^31 - 1 instead of past it, and stored a negative position.
 */
function typedPastSteady(cursor: Cursor, view: DataView): void {
  for (const at of [2 ** 31 - 6, 2 ** 31 - 3, 2 ** 31 - 2, 2 ** 31 + 8]) {
    cursor.position = at;
    cursor.writeUint32(0xdeadbeef);
    assert.equal(cursor.position, at + 4);
    assert.equal(view.getUint32(at), 0xdeadbeef);
    cursor.writeFloat64(-1.5, true);
    assert.equal(view.getFloat64(at + 4, true), -1.5);
    assert.equal(cursor.position, at + 12);
    cursor.position = at;
    assert.equal(cursor.readUint32(), 0xdeadbeef);
    assert.equal(cursor.readFloat64(true), -1.5);
    assert.equal(cursor.position, at + 12);
  }
  cursor.position = view.byteLength - 2;
  assert.throws(() => cursor.readUint32(), UnexpectedEofError);
  assert.equal(cursor.position, view.byteLength - 2);
}

Deno.test(requires(missing.hugeWasmMemory, {
  name:
    "Cursor over a WebAssembly.Memory longer than 2 GiB reads and writes typed numbers past 2^31 - 2",
  fn() {
    const memory = new WebAssembly.Memory({ initial: 32_769, maximum: 32_769 });
    const cursor = new Cursor(memory);
    typedPastSteady(cursor, new DataView(memory.buffer));
    cursor.position = 2 ** 31 + 65_534;
    assert.throws(() => cursor.writeUint32(1), CursorFullError);
  },
}));

Deno.test(requires(missing.hugeMemory, {
  name:
    "Cursor subclass over memory longer than 2 GiB reads and writes typed numbers past 2^31 - 2",
  fn() {
    class Sub extends Cursor {}
    const memory = huge();
    typedPastSteady(new Sub(memory), new DataView(memory.buffer));
  },
}));

Deno.test(requires(missing.hugeResizable, {
  name:
    "Cursor subclass over a resizable buffer grows it past 2^31 by typed writes",
  fn() {
    class Sub extends Cursor {}
    const buffer = new ArrayBuffer(16, { maxByteLength: 2 ** 31 + 64 });
    const cursor = new Sub(buffer);
    cursor.position = 2 ** 31 - 3;
    cursor.writeUint32(0xdeadbeef);
    cursor.writeUint32(7);
    assert.equal(buffer.byteLength, 2 ** 31 + 5);
    assert.equal(cursor.position, 2 ** 31 + 5);
    const view = new DataView(buffer);
    assert.equal(view.getUint32(2 ** 31 - 3), 0xdeadbeef);
    assert.equal(view.getUint32(2 ** 31 + 1), 7);
    cursor.position = 2 ** 31 - 3;
    assert.equal(cursor.readUint32(), 0xdeadbeef);
    assert.equal(cursor.readUint32(), 7);
    assert.equal(cursor.position, 2 ** 31 + 5);
  },
}));

Deno.test(requires(missing.hugeResizable, {
  name:
    "Cursor subclass over a resizable buffer that can pass 2 GiB reads its first byte after the buffer shrank",
  fn() {
    class Sub extends Cursor {}
    // Past 2 GiB the cursor's cached view is fixed-length: once the buffer
    // shrinks below it, it is out of bounds and must be made again.
    const buffer = new ArrayBuffer(16, { maxByteLength: 2 ** 31 + 64 });
    new Uint8Array(buffer).set([7, 8]);
    const cursor = new Sub(buffer);
    buffer.resize(1);
    assert.equal(cursor.readUint8(), 7);
    assert.equal(cursor.position, 1);
    assert.throws(() => cursor.readUint8(), UnexpectedEofError);
  },
}));
