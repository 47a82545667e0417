import assert from "node:assert/strict";
import {
  Cursor,
  CursorClosedError,
  CursorFullError,
  CursorReadOnlyError,
  type Reader,
  UnexpectedEofError,
} from "@iocursor/cursor";
import {
  noResizableBuffer,
  PAGE,
  resizableOf,
  wasmClient,
} from "./_wasm_test_util.ts";
import { missing, otherRealm, requires } from "./_runtime_test_util.ts";
import { invoke, NUMBER_KINDS } from "./_model_test_util.ts";

// A cursor over a WebAssembly.Memory follows its buffer, which every grow
// replaces, whoever grows it; a write that needs room grows the memory by
// whole pages, up to its maximum. The real wasm client is the module of
// _wasm_test_util.ts: memory of 1 to 16 pages, sum(), grow() and put().

/** Why a case that needs a shared memory cannot run here. */
const noSharedMemory = typeof SharedArrayBuffer === "function"
  ? undefined
  : "this runtime has no SharedArrayBuffer";

Deno.test("Cursor over a WebAssembly.Memory writes what wasm code reads, and reads what it writes", () => {
  const wasm = wasmClient();
  const cursor = new Cursor(wasm.memory);
  assert.equal(cursor.byteLength, PAGE);
  for (const value of [1, 2, 0xffff_ffff, 40]) cursor.writeUint32(value, true);
  // The sum wraps at 2^32, as i32.add does.
  assert.equal(wasm.sum(0, 4) >>> 0, (1 + 2 + 0xffff_ffff + 40) % 2 ** 32);
  wasm.put(PAGE - 4, 0x0a0b0c0d);
  cursor.position = PAGE - 4;
  assert.equal(cursor.readUint32(true), 0x0a0b0c0d);
  assert.equal(cursor.bytes().buffer, wasm.memory.buffer);
});

Deno.test("Cursor over a WebAssembly.Memory follows it when its own code grows it", () => {
  const wasm = wasmClient();
  const cursor = new Cursor(wasm.memory);
  cursor.writeUint32(7, true);
  const before = wasm.memory.buffer;
  assert.equal(wasm.grow(2), 1);
  // The old buffer is detached; the cursor views the new one.
  assert.equal(before.byteLength, 0);
  assert.equal(cursor.byteLength, 3 * PAGE);
  assert.equal(cursor.position, 4);
  cursor.writeUint32(8, true);
  cursor.position = 3 * PAGE - 4;
  cursor.writeUint32(9, true);
  assert.equal(wasm.sum(0, 2), 15);
  assert.equal(wasm.sum(3 * PAGE - 4, 1), 9);
  cursor.position = 0;
  assert.equal(cursor.readUint32(true), 7);
  assert.deepEqual([...cursor.take(4)], [8, 0, 0, 0]);
  assert.equal(cursor.bytes().buffer, wasm.memory.buffer);
  // Grown by JavaScript too.
  wasm.memory.grow(1);
  assert.equal(cursor.remaining, 4 * PAGE - 8);
  assert.equal(cursor.readUint32(true), 0);
});

Deno.test("Cursor over a WebAssembly.Memory grows it by whole pages for a write past its end, up to its maximum", () => {
  const wasm = wasmClient();
  const cursor = new Cursor(wasm.memory);
  cursor.position = PAGE;
  cursor.writeUint32(1, true);
  assert.equal(wasm.memory.buffer.byteLength, 2 * PAGE);
  cursor.position = 3 * PAGE + 10;
  assert.equal(cursor.writeSync(Uint8Array.of(2, 3)), 2);
  assert.equal(wasm.memory.buffer.byteLength, 4 * PAGE);
  cursor.position = 5 * PAGE - 1;
  assert.equal(cursor.writeString("é"), 2);
  assert.equal(wasm.memory.buffer.byteLength, 6 * PAGE);
  assert.equal(wasm.sum(PAGE, 1), 1);
  // Past its maximum (16 pages): nothing written, the memory as it was.
  cursor.position = 16 * PAGE - 2;
  assert.throws(() => cursor.writeUint32(5), {
    name: "CursorFullError",
    message: "Cannot write 4 bytes: there is room for 0 bytes before the end",
  });
  assert.equal(wasm.memory.buffer.byteLength, 6 * PAGE);
  cursor.truncateSync(16 * PAGE);
  assert.throws(() => cursor.writeUint32(5), {
    name: "CursorFullError",
    message: "Cannot write 4 bytes: there is room for 2 bytes before the end",
  });
  assert.equal(wasm.memory.buffer.byteLength, 16 * PAGE);
  assert.equal(cursor.position, 16 * PAGE - 2);
  assert.throws(() => cursor.writeSync(new Uint8Array(3)), CursorFullError);
  assert.deepEqual([...cursor.peek(2)], [0, 0]);
  assert.equal(cursor.writeSync(Uint8Array.of(4, 4)), 2);
});

Deno.test("Cursor.truncateSync() grows a WebAssembly.Memory by whole pages and cannot shrink it", () => {
  const wasm = wasmClient();
  const cursor = new Cursor(wasm.memory);
  cursor.truncateSync(PAGE);
  cursor.truncateSync(2 * PAGE + 1);
  assert.equal(wasm.memory.buffer.byteLength, 3 * PAGE);
  assert.throws(() => cursor.truncateSync(10), {
    name: "RangeError",
    message:
      "Cannot truncate to 10 bytes: WebAssembly memory cannot shrink (196608 bytes)",
  });
  assert.throws(() => cursor.truncateSync(17 * PAGE), {
    name: "RangeError",
    message:
      "Cannot truncate to 1114112 bytes: the WebAssembly memory cannot grow that far (196608 bytes now)",
  });
  assert.equal(wasm.memory.buffer.byteLength, 3 * PAGE);
});

Deno.test("Cursor.readFromSync() into a WebAssembly.Memory grows it by pages as data comes, and stops at its maximum", () => {
  const memory = new WebAssembly.Memory({ initial: 0, maximum: 2 });
  const cursor = new Cursor(memory);
  const data = new Uint8Array(PAGE + 100).fill(7);
  assert.equal(cursor.readFromSync(new Cursor(data)), PAGE + 100);
  assert.equal(memory.buffer.byteLength, 2 * PAGE);
  const more = new Cursor(new Uint8Array(PAGE).fill(8));
  assert.equal(cursor.readFromSync(more), PAGE - 100);
  // The rest stays in the reader.
  assert.equal(more.position, PAGE - 100);
  assert.equal(memory.buffer.byteLength, 2 * PAGE);
  assert.deepEqual([...new Uint8Array(memory.buffer, PAGE + 98, 4)], [
    7,
    7,
    8,
    8,
  ]);
});

Deno.test("Cursor.readFrom() rejects with the detached-memory TypeError when a WebAssembly.Memory grows while the reader reads", async () => {
  const wasm = wasmClient();
  const cursor = new Cursor(wasm.memory);
  const reader: Reader = {
    read(p) {
      p.set([1, 2, 3]);
      wasm.grow(1);
      return Promise.resolve(3);
    },
  };
  await assert.rejects(cursor.readFrom(reader), {
    name: "TypeError",
    message:
      "Cannot read from a reader: the underlying ArrayBuffer is detached",
  });
  // The cursor goes on over the grown memory.
  assert.equal(cursor.byteLength, 2 * PAGE);
});

Deno.test("Cursor over a WebAssembly.Memory stays closed after the memory grows", () => {
  const wasm = wasmClient();
  const cursor = new Cursor(wasm.memory);
  cursor.close();
  wasm.grow(1);
  assert.throws(() => cursor.readUint32(), CursorClosedError);
  assert.throws(() => cursor.writeUint32(1), CursorClosedError);
  assert.equal(cursor.bytes().byteLength, 2 * PAGE);
  // Following the grown memory gives a closed cursor no view to read with.
  assert.throws(() => cursor.readUint32(), CursorClosedError);
  assert.throws(() => cursor.writeUint32(1), CursorClosedError);
});

Deno.test(requires(noSharedMemory, {
  name:
    "Cursor over a shared WebAssembly.Memory follows growth by others and grows it by pages",
  fn() {
    const memory = new WebAssembly.Memory({
      initial: 1,
      maximum: 4,
      shared: true,
    });
    const cursor = new Cursor(memory);
    cursor.writeUint32(1);
    const before = memory.buffer;
    memory.grow(1);
    // A shared memory's old buffer keeps its length.
    assert.equal(before.byteLength, PAGE);
    assert.equal(cursor.byteLength, 2 * PAGE);
    cursor.position = 2 * PAGE - 2;
    cursor.writeUint32(0x01020304);
    assert.equal(memory.buffer.byteLength, 3 * PAGE);
    assert.deepEqual(
      [...new Uint8Array(memory.buffer, 2 * PAGE - 2, 4)],
      [1, 2, 3, 4],
    );
    assert.throws(() => cursor.truncateSync(0), {
      message:
        "Cannot truncate to 0 bytes: WebAssembly memory cannot shrink (196608 bytes)",
    });
  },
}));

Deno.test(requires(noResizableBuffer, {
  name:
    "Cursor over memory.toResizableBuffer() grows it by whole pages, never with an engine error, and cannot shrink it",
  fn() {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 3 });
    const buffer = resizableOf(memory);
    const cursor = new Cursor(buffer);
    cursor.position = PAGE;
    cursor.writeUint32(5);
    assert.equal(buffer.byteLength, 2 * PAGE);
    assert.equal(memory.buffer, buffer);
    cursor.truncateSync(2 * PAGE + 1);
    assert.equal(buffer.byteLength, 3 * PAGE);
    assert.throws(() => cursor.truncateSync(1), {
      name: "RangeError",
      message:
        "Cannot truncate to 1 byte: WebAssembly memory cannot shrink (196608 bytes)",
    });
    // At the maximum: the documented error, not the engine's.
    cursor.position = 3 * PAGE - 1;
    assert.throws(() => cursor.writeUint16(1), CursorFullError);
    assert.throws(() => cursor.truncateSync(3 * PAGE + 1), {
      name: "RangeError",
      message: /^Cannot truncate to 196609 bytes: /,
    });
    // A length-tracking view of it, and one that starts past 0.
    const other = new WebAssembly.Memory({ initial: 1, maximum: 2 });
    const view = new Uint8Array(resizableOf(other), 8);
    const tracking = new Cursor(view);
    tracking.position = PAGE - 8;
    tracking.writeSync(Uint8Array.of(9));
    assert.equal(other.buffer.byteLength, 2 * PAGE);
    assert.equal(view.byteLength, 2 * PAGE - 8);
  },
}));

Deno.test(requires(noResizableBuffer ?? noSharedMemory, {
  name:
    "Cursor over a shared memory's toResizableBuffer() grows it by whole pages",
  fn() {
    const memory = new WebAssembly.Memory({
      initial: 1,
      maximum: 2,
      shared: true,
    });
    const buffer = resizableOf(memory) as unknown as SharedArrayBuffer;
    const cursor = new Cursor(buffer);
    cursor.position = PAGE;
    assert.equal(cursor.writeSync(Uint8Array.of(1)), 1);
    assert.equal(buffer.byteLength, 2 * PAGE);
    cursor.position = 2 * PAGE;
    assert.throws(() => cursor.writeSync(Uint8Array.of(1)), CursorFullError);
  },
}));

Deno.test(requires(noResizableBuffer, {
  name:
    "Cursor over a WebAssembly.Memory follows it when its buffer becomes resizable",
  fn() {
    const wasm = wasmClient();
    const cursor = new Cursor(wasm.memory);
    cursor.writeUint32(3, true);
    const buffer = resizableOf(wasm.memory);
    assert.equal(cursor.byteLength, PAGE);
    cursor.position = PAGE;
    cursor.writeUint32(4, true);
    assert.equal(buffer.byteLength, 2 * PAGE);
    assert.equal(wasm.sum(0, 1) + wasm.sum(PAGE, 1), 7);
    cursor.position = 0;
    assert.equal(cursor.readUint32(true), 3);
  },
}));

Deno.test(requires(missing.otherRealm, {
  name: "Cursor over another realm's WebAssembly.Memory grows it",
  fn() {
    const memory = otherRealm!(
      "new WebAssembly.Memory({ initial: 1, maximum: 2 })",
    ) as WebAssembly.Memory;
    const cursor = new Cursor(memory);
    cursor.position = PAGE;
    cursor.writeUint8(1);
    assert.equal(memory.buffer.byteLength, 2 * PAGE);
  },
}));

Deno.test(requires(noResizableBuffer, {
  name:
    "Cursor over a caller's view of memory.toResizableBuffer() at its maximum does not grow, and leaves the memory as it was",
  fn() {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 1 });
    const view = new Uint8Array(resizableOf(memory), 8);
    view[PAGE - 9] = 5;
    const cursor = new Cursor(view);
    cursor.position = PAGE - 8;
    assert.throws(() => cursor.writeSync(Uint8Array.of(1)), {
      name: "CursorFullError",
      message: "Cannot write 1 byte: there is room for 0 bytes before the end",
    });
    assert.equal(memory.buffer.byteLength, PAGE);
    assert.equal(view[PAGE - 9], 5);
  },
}));

Deno.test("new Cursor() works where there is no WebAssembly", () => {
  const descriptor = Object.getOwnPropertyDescriptor(
    globalThis,
    "WebAssembly",
  )!;
  // deno-lint-ignore no-explicit-any
  delete (globalThis as any).WebAssembly;
  try {
    assert.equal(typeof globalThis.WebAssembly, "undefined");
    assert.equal(new Cursor(new ArrayBuffer(3)).byteLength, 3);
    assert.throws(() => new Cursor({} as ArrayBuffer), {
      name: "TypeError",
      message:
        "Cannot create a cursor: source must be a typed array, DataView, ArrayBuffer, SharedArrayBuffer or WebAssembly.Memory, received an instance of Object",
    });
  } finally {
    Object.defineProperty(globalThis, "WebAssembly", descriptor);
  }
  assert.equal(typeof WebAssembly, "object");
});

/** A value of each typed number, not the same read in either byte order. */
const TYPED_VALUES: Record<string, number | bigint> = {
  Int8: -5,
  Uint8: 200,
  Int16: -300,
  Uint16: 60_000,
  Int32: -70_000,
  Uint32: 0xcafe_f00d,
  BigInt64: -5n,
  BigUint64: 2n ** 63n + 1n,
  Float16: 1.5,
  Float32: 1.5,
  Float64: Math.PI,
};

for (const [name, size] of NUMBER_KINDS) {
  Deno.test(requires(name === "Float16" ? missing.float16 : undefined, {
    name:
      `Cursor.read${name}() and write${name}() over a WebAssembly.Memory work as DataView does: inside, at its end, across grows, closed and read-only`,
    fn() {
      const value = TYPED_VALUES[name]!;
      const memory = new WebAssembly.Memory({ initial: 1, maximum: 2 });
      const get = (at: number, littleEndian: boolean) =>
        invoke(new DataView(memory.buffer), `get${name}`, at, littleEndian);
      const cursor = new Cursor(memory);
      for (const littleEndian of [false, true]) {
        cursor.position = 8;
        invoke(cursor, `write${name}`, value, littleEndian);
        assert.equal(cursor.position, 8 + size);
        assert.equal(get(8, littleEndian), value);
        cursor.position = 8;
        assert.equal(invoke(cursor, `read${name}`, littleEndian), value);
        assert.equal(cursor.position, 8 + size);
      }
      // A write across the end grows the memory by a page.
      const across = PAGE - size + 1;
      cursor.position = across;
      invoke(cursor, `write${name}`, value, true);
      assert.equal(memory.buffer.byteLength, 2 * PAGE);
      assert.equal(get(across, true), value);
      // grow(0) replaces the buffer too: the cursor follows.
      memory.grow(0);
      cursor.position = across;
      assert.equal(invoke(cursor, `read${name}`, true), value);
      // At the maximum: nothing is read or written past the end.
      const last = 2 * PAGE - size + 1;
      cursor.position = last;
      assert.throws(
        () => invoke(cursor, `read${name}`, true),
        UnexpectedEofError,
      );
      assert.throws(
        () => invoke(cursor, `write${name}`, value, true),
        CursorFullError,
      );
      assert.equal(cursor.position, last);
      assert.equal(memory.buffer.byteLength, 2 * PAGE);
      const readOnly = new Cursor(memory, { readOnly: true });
      for (const position of [8, last]) {
        readOnly.position = position;
        assert.throws(
          () => invoke(readOnly, `write${name}`, value, true),
          CursorReadOnlyError,
        );
        assert.equal(readOnly.position, position);
      }
      readOnly.position = across;
      assert.equal(invoke(readOnly, `read${name}`, true), value);
      // Closed at the end of the memory and inside it alike.
      const inside = new Cursor(memory);
      inside.position = 8;
      for (const closed of [cursor, inside]) {
        closed.close();
        assert.throws(
          () => invoke(closed, `read${name}`, true),
          CursorClosedError,
        );
        assert.throws(
          () => invoke(closed, `write${name}`, value, true),
          CursorClosedError,
        );
      }
    },
  }));
}

Deno.test("Cursor typed writes over a WebAssembly.Memory throw what a value's conversion throws, and write nothing", () => {
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 1 });
  const cursor = new Cursor(memory);
  const thrown = new Error("no number here");
  const value = {
    valueOf(): never {
      throw thrown;
    },
  };
  for (const [name] of NUMBER_KINDS) {
    if (name === "Float16" && missing.float16 !== undefined) continue;
    cursor.position = 8;
    assert.throws(() => invoke(cursor, `write${name}`, value), (error) => {
      assert.equal(error, thrown);
      return true;
    });
    assert.equal(cursor.position, 8);
  }
  assert.deepEqual(new Uint8Array(memory.buffer, 0, 32), new Uint8Array(32));
});
