import assert from "node:assert/strict";
import { Cursor } from "@iocursor/cursor";
import { missing, otherRealm, requires } from "./_runtime_test_util.ts";

// Memory made in another realm (a node:vm context, as Jest runs each test
// file in; an iframe in a browser): its Uint8Array, ArrayBuffer and the rest
// are not `instanceof` this realm's, yet DataView, TextDecoder and
// Deno.FsFile take them. So does the cursor, everywhere it takes memory.

/** Evaluates `code` in the other realm. */
function foreign<T>(code: string): T {
  return otherRealm!(code) as T;
}

function realmTest(name: string, fn: () => void | Promise<void>): void {
  Deno.test(requires(missing.otherRealm, { name, fn }));
}

realmTest("otherRealm makes memory that is not instanceof this realm's", () => {
  const bytes = foreign<Uint8Array>("new Uint8Array(1)");
  const buffer: unknown = bytes.buffer;
  assert(!((bytes as unknown) instanceof Uint8Array));
  assert(!(buffer instanceof ArrayBuffer));
  assert(ArrayBuffer.isView(bytes));
});

realmTest(
  "Cursor() wraps another realm's memory of every kind, and bytes() gives its Uint8Array back",
  () => {
    const sources: [string, number][] = [
      ["new Uint8Array([1, 2, 3, 4])", 4],
      ["new Int16Array([1, 2])", 4],
      ["new DataView(new ArrayBuffer(4))", 4],
      ["new ArrayBuffer(4)", 4],
      ["new SharedArrayBuffer(4)", 4],
      ["new ArrayBuffer(4, { maxByteLength: 8 })", 4],
    ];
    for (const [code, length] of sources) {
      const source = foreign<ArrayBufferView | ArrayBufferLike>(code);
      const cursor = new Cursor(source);
      assert.equal(cursor.byteLength, length, code);
      cursor.writeUint16(0xabcd);
      cursor.position = 0;
      assert.equal(cursor.readUint16(), 0xabcd, code);
    }
    const bytes = foreign<Uint8Array>("new Uint8Array([1, 2, 3])");
    assert.equal(new Cursor(bytes).bytes(), bytes);
    assert.deepEqual([...new Cursor(bytes).take(3)], [1, 2, 3]);
  },
);

realmTest(
  "Cursor() refuses another realm's look-alikes as it refuses this realm's",
  () => {
    for (
      const code of [
        "[1, 2]",
        "({ byteLength: 2, buffer: new ArrayBuffer(2) })",
      ]
    ) {
      assert.throws(() => new Cursor(foreign(code)), {
        name: "TypeError",
        message:
          /^Cannot create a cursor: source must be a typed array, DataView, ArrayBuffer, SharedArrayBuffer or WebAssembly.Memory/,
      });
    }
  },
);

realmTest(
  "Cursor.readSync(), writeSync() and their kin take another realm's Uint8Array",
  async () => {
    const memory = new Uint8Array(8);
    const cursor = new Cursor(memory);
    const chunk = foreign<Uint8Array>("new Uint8Array([1, 2, 3])");
    assert.equal(cursor.writeSync(chunk), 3);
    assert.equal(await cursor.write(chunk), 3);
    assert.equal(cursor.writeAtSync(chunk.subarray(0, 2), 6), 2);
    assert.deepEqual([...memory], [1, 2, 3, 1, 2, 3, 1, 2]);
    const p = foreign<Uint8Array>("new Uint8Array(3)");
    cursor.position = 1;
    assert.equal(cursor.readSync(p), 3);
    assert.deepEqual([...p], [2, 3, 1]);
    assert.equal(await cursor.read(p), 3);
    assert.deepEqual([...p], [2, 3, 1]);
    cursor.position = 0;
    cursor.readExactSync(p.subarray(0, 2));
    assert.deepEqual([...p], [1, 2, 1]);
    assert.equal(cursor.readAtSync(p, 4), 3);
    assert.deepEqual([...p], [2, 3, 1]);
    assert.equal(cursor.position, 2);
  },
);

realmTest("Cursor.writable takes another realm's chunks", async () => {
  const memory = new Uint8Array(4);
  const writer = new Cursor(memory).writable.getWriter();
  await writer.write(foreign("new Uint8Array([5, 6])"));
  await writer.write(foreign("new Uint8Array([7])"));
  await writer.close();
  assert.deepEqual([...memory], [5, 6, 7, 0]);
});

realmTest(
  "Cursor grows another realm's resizable ArrayBuffer and growable SharedArrayBuffer in place",
  () => {
    for (
      const code of [
        "new ArrayBuffer(0, { maxByteLength: 64 })",
        "new SharedArrayBuffer(0, { maxByteLength: 64 })",
      ]
    ) {
      const buffer = foreign<ArrayBuffer>(code);
      const cursor = new Cursor(buffer);
      cursor.writeSync(Uint8Array.of(1, 2));
      assert.equal(buffer.byteLength, 2, code);
      cursor.writeUint32(0x03040506);
      assert.equal(buffer.byteLength, 6, code);
      assert.equal(cursor.writeString("hi"), 2);
      assert.equal(buffer.byteLength, 8, code);
      assert.equal(cursor.readFromSync(new Cursor(Uint8Array.of(9, 9))), 2);
      assert.equal(buffer.byteLength, 10, code);
      cursor.truncateSync(12);
      assert.equal(buffer.byteLength, 12, code);
      assert.deepEqual(
        [...new Uint8Array(buffer)],
        [1, 2, 3, 4, 5, 6, 104, 105, 9, 9, 0, 0],
        code,
      );
    }
  },
);
