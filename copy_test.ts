import assert from "node:assert/strict";
import {
  Cursor,
  CursorClosedError,
  CursorReadOnlyError,
  type Reader,
  type ReaderSync,
  type Writer,
  type WriterSync,
} from "@iocursor/cursor";
import { missing, requires } from "./_runtime_test_util.ts";
import { detach, testEveryBacking } from "./_backing_test_util.ts";
import { assertNotDetached, snapshot } from "./_assert_test_util.ts";

const DATA = Array.from({ length: 16 }, (_, i) => 100 + i);

/** A writer that takes at most `limit` bytes a call and records each view. */
function shortWriter(limit: number): WriterSync & Writer & {
  views: Uint8Array[];
  bytes: number[];
} {
  const views: Uint8Array[] = [];
  const bytes: number[] = [];
  const writeSync = (p: Uint8Array): number => {
    views.push(p);
    const n = Math.min(limit, p.byteLength);
    bytes.push(...p.subarray(0, n));
    return n;
  };
  return {
    views,
    bytes,
    writeSync,
    write: (p) => Promise.resolve(writeSync(p)),
  };
}

/** A reader over `data` that gives at most `limit` bytes a call. */
function shortReader(data: ArrayLike<number>, limit: number):
  & ReaderSync
  & Reader
  & { offered: number[]; left(): number } {
  const source = Uint8Array.from(data);
  let at = 0;
  const offered: number[] = [];
  const readSync = (p: Uint8Array): number | null => {
    offered.push(p.byteLength);
    if (at === source.byteLength) return null;
    const n = Math.min(limit, p.byteLength, source.byteLength - at);
    p.set(source.subarray(at, at + n));
    at += n;
    return n;
  };
  return {
    offered,
    left: () => source.byteLength - at,
    readSync,
    read: (p) => Promise.resolve(readSync(p)),
  };
}

for (const mode of ["writeToSync", "writeTo"] as const) {
  const call = (cursor: Cursor, writer: WriterSync & Writer) =>
    mode === "writeTo"
      ? cursor.writeTo(writer)
      : Promise.resolve().then(() => cursor.writeToSync(writer));

  testEveryBacking(
    `Cursor.${mode}() hands views of the memory to the writer and loops on short writes`,
    DATA,
    async (backing) => {
      const before = snapshot(backing);
      const cursor = new Cursor(backing.source);
      cursor.position = 3;
      const writer = shortWriter(5);
      assert.equal(await call(cursor, writer), 13);
      assert.equal(cursor.position, 16);
      assert.deepEqual(writer.bytes, DATA.slice(3));
      assert.deepEqual(writer.views.map((v) => v.byteLength), [13, 8, 3]);
      // No intermediate copy: each view is the wrapped memory itself.
      const memory = cursor.bytes();
      for (const [i, view] of writer.views.entries()) {
        assert.equal(view.buffer, memory.buffer);
        assert.equal(view.byteOffset, memory.byteOffset + 3 + 5 * i);
      }
      assert.equal(await call(cursor, writer), 0);
      assert.equal(writer.views.length, 3);
      assertNotDetached(before);
    },
  );

  Deno.test(`Cursor.${mode}() writes nothing past the end`, async () => {
    const cursor = new Cursor(new Uint8Array(4));
    cursor.position = 10;
    const writer = shortWriter(4);
    assert.equal(await call(cursor, writer), 0);
    assert.equal(writer.views.length, 0);
    assert.equal(cursor.position, 10);
  });

  for (
    const [returned, name, message] of [
      [0, "RangeError", "returned 0 for 4 bytes, expected 1 to 4"],
      [5, "RangeError", "returned 5 for 4 bytes, expected 1 to 4"],
      [1.5, "RangeError", "returned 1.5 for 4 bytes, expected 1 to 4"],
      [-1, "RangeError", "returned -1 for 4 bytes, expected 1 to 4"],
      ["2", "TypeError", 'returned "2" for 4 bytes, expected 1 to 4'],
      [
        undefined,
        "TypeError",
        "returned undefined for 4 bytes, expected 1 to 4",
      ],
    ] as const
  ) {
    Deno.test(`Cursor.${mode}() fails when the writer returns ${JSON.stringify(returned) ?? "undefined"}`, async () => {
      const cursor = new Cursor(new Uint8Array(6));
      let calls = 0;
      const writer = {
        writeSync(): number {
          return calls++ === 0 ? 2 : returned as number;
        },
        write(): Promise<number> {
          return Promise.resolve(this.writeSync());
        },
      };
      await assert.rejects(call(cursor, writer), {
        name,
        message: `Cannot write to a writer: writer ${message}`,
      });
      assert.equal(calls, 2);
      assert.equal(cursor.position, 2);
    });
  }

  Deno.test(`Cursor.${mode}() keeps the position after what a failing writer took`, async () => {
    const cursor = new Cursor(new Uint8Array(8));
    let calls = 0;
    const failure = new Error("disk full");
    const writer = {
      writeSync(p: Uint8Array): number {
        if (calls++ === 1) throw failure;
        return p.byteLength - 5;
      },
      write(p: Uint8Array): Promise<number> {
        return Promise.resolve().then(() => this.writeSync(p));
      },
    };
    await assert.rejects(call(cursor, writer), failure);
    assert.equal(cursor.position, 3);
  });

  Deno.test(`Cursor.${mode}() fails on a closed cursor or a detached buffer`, async () => {
    const closed = new Cursor(new Uint8Array(4));
    closed.close();
    await assert.rejects(
      call(closed, shortWriter(4)),
      new CursorClosedError("write to a writer"),
    );
    const buffer = new ArrayBuffer(4);
    const detached = new Cursor(buffer);
    detach(buffer);
    await assert.rejects(call(detached, shortWriter(4)), {
      name: "TypeError",
      message:
        "Cannot write to a writer: the underlying ArrayBuffer is detached",
    });
  });

  Deno.test(`Cursor.${mode}() rejects a writer without the method`, async () => {
    const cursor = new Cursor(new Uint8Array(4));
    const method = mode === "writeTo" ? "write" : "writeSync";
    for (
      const [writer, described] of [[null, "null"], [
        {},
        "an instance of Object",
      ], [new Uint8Array(1), "an instance of Uint8Array"]] as const
    ) {
      await assert.rejects(
        call(cursor, writer as unknown as Writer & WriterSync),
        {
          name: "TypeError",
          message:
            `Cannot write to a writer: writer must have a ${method}() method, received ${described}`,
        },
      );
    }
    assert.equal(cursor.position, 0);
  });
}

Deno.test("Cursor.writeTo() stops when the cursor is closed while it waits", async () => {
  const cursor = new Cursor(new Uint8Array(8));
  const writer: Writer = {
    write(p) {
      cursor.close();
      return Promise.resolve(Math.min(3, p.byteLength));
    },
  };
  await assert.rejects(
    cursor.writeTo(writer),
    new CursorClosedError("write to a writer"),
  );
  assert.equal(cursor.position, 3);
});

Deno.test("Cursor.writeTo() rejects instead of throwing", () => {
  const cursor = new Cursor(new Uint8Array(1));
  cursor.close();
  const promise = cursor.writeTo(shortWriter(1));
  assert(promise instanceof Promise);
  return assert.rejects(promise, CursorClosedError);
});

for (const mode of ["readFromSync", "readFrom"] as const) {
  const call = (cursor: Cursor, reader: ReaderSync & Reader) =>
    mode === "readFrom"
      ? cursor.readFrom(reader)
      : Promise.resolve().then(() => cursor.readFromSync(reader));

  testEveryBacking(
    `Cursor.${mode}() reads until the reader's end`,
    new Array(16).fill(0),
    async (backing) => {
      const before = snapshot(backing);
      const cursor = new Cursor(backing.source);
      cursor.position = 2;
      const reader = shortReader([1, 2, 3, 4, 5, 6, 7], 3);
      assert.equal(await call(cursor, reader), 7);
      assert.equal(cursor.position, 9);
      assert.deepEqual(reader.offered, [14, 11, 8, 7]);
      const expected = new Uint8Array(16);
      expected.set([1, 2, 3, 4, 5, 6, 7], 2);
      assert.deepEqual(backing.view(), expected);
      assertNotDetached(before);
    },
  );

  testEveryBacking(
    `Cursor.${mode}() stops when full and leaves the rest in the reader`,
    new Array(8).fill(0),
    async (backing) => {
      const before = snapshot(backing);
      const cursor = new Cursor(backing.source);
      cursor.position = 3;
      const data = Array.from({ length: 100 }, (_, i) => i + 1);
      const reader = shortReader(data, 4);
      // Memory that grows takes `growth` more bytes before it is full too.
      const room = 5 + backing.growth;
      assert.equal(await call(cursor, reader), room);
      assert.equal(cursor.position, 3 + room);
      assert.equal(cursor.remaining, 0);
      assert.equal(reader.left(), 100 - room);
      // The view of memory that grew ends where the memory now ends.
      assert.deepEqual([...backing.view().subarray(3)], data.slice(0, room));
      assert.deepEqual([...cursor.bytes().subarray(3)], data.slice(0, room));
      // Full: the reader is not even asked.
      const offered = reader.offered.length;
      assert.equal(await call(cursor, reader), 0);
      assert.equal(reader.offered.length, offered);
      // Grown in place, still attached.
      assertNotDetached({
        ...before,
        byteLength: before.byteLength + backing.growth,
      });
    },
  );

  Deno.test(`Cursor.${mode}() retries empty reads but not forever`, async () => {
    const cursor = new Cursor(new Uint8Array(4));
    let calls = 0;
    const stutter = {
      readSync(p: Uint8Array): number | null {
        calls++;
        if (calls === 50) {
          p[0] = 9;
          return 1;
        }
        return calls > 80 && calls < 90 ? null : 0;
      },
      read(p: Uint8Array): Promise<number | null> {
        return Promise.resolve(this.readSync(p));
      },
    };
    // 49 empty reads, one byte, 30 empty reads, then the end.
    assert.equal(await call(cursor, stutter), 1);
    assert.equal(cursor.position, 1);
    assert.equal(calls, 81);
    calls = 100;
    await assert.rejects(call(cursor, stutter), {
      name: "RangeError",
      message:
        "Cannot read from a reader: it returned 0 bytes 100 times in a row",
    });
    assert.equal(calls, 200);
    assert.equal(cursor.position, 1);
  });

  for (
    const [returned, name, message] of [
      [5, "RangeError", "returned 5 for 4 bytes, expected null or 0 to 4"],
      [-1, "RangeError", "returned -1 for 4 bytes, expected null or 0 to 4"],
      [0.5, "RangeError", "returned 0.5 for 4 bytes, expected null or 0 to 4"],
      ["1", "TypeError", 'returned "1" for 4 bytes, expected null or 0 to 4'],
      [
        undefined,
        "TypeError",
        "returned undefined for 4 bytes, expected null or 0 to 4",
      ],
    ] as const
  ) {
    Deno.test(`Cursor.${mode}() fails when the reader returns ${JSON.stringify(returned) ?? "undefined"}`, async () => {
      const cursor = new Cursor(new Uint8Array(6));
      let calls = 0;
      const reader = {
        readSync(): number | null {
          return calls++ === 0 ? 2 : returned as number;
        },
        read(): Promise<number | null> {
          return Promise.resolve(this.readSync());
        },
      };
      await assert.rejects(call(cursor, reader), {
        name,
        message: `Cannot read from a reader: reader ${message}`,
      });
      assert.equal(calls, 2);
      assert.equal(cursor.position, 2);
    });
  }

  Deno.test(`Cursor.${mode}() keeps what a failing reader gave before`, async () => {
    const memory = new Uint8Array(8);
    const cursor = new Cursor(memory);
    const failure = new Error("connection reset");
    let calls = 0;
    const reader = {
      readSync(p: Uint8Array): number {
        if (calls++ === 1) throw failure;
        p.set([4, 5]);
        return 2;
      },
      read(p: Uint8Array): Promise<number | null> {
        return Promise.resolve().then(() => this.readSync(p));
      },
    };
    await assert.rejects(call(cursor, reader), failure);
    assert.equal(cursor.position, 2);
    assert.deepEqual(memory, Uint8Array.of(4, 5, 0, 0, 0, 0, 0, 0));
  });

  Deno.test(`Cursor.${mode}() fails on a closed, read-only or detached cursor`, async () => {
    const reader = shortReader([1, 2], 2);
    const closed = new Cursor(new Uint8Array(4));
    closed.close();
    await assert.rejects(
      call(closed, reader),
      new CursorClosedError("read from a reader"),
    );
    const readOnly = new Uint8Array(4);
    await assert.rejects(
      call(new Cursor(readOnly, { readOnly: true }), reader),
      new CursorReadOnlyError("read from a reader"),
    );
    assert.deepEqual(readOnly, new Uint8Array(4));
    const buffer = new ArrayBuffer(4);
    const detached = new Cursor(buffer);
    detach(buffer);
    await assert.rejects(call(detached, reader), {
      name: "TypeError",
      message:
        "Cannot read from a reader: the underlying ArrayBuffer is detached",
    });
    assert.deepEqual(reader.offered, []);
  });

  Deno.test(`Cursor.${mode}() rejects a reader without the method`, async () => {
    const cursor = new Cursor(new Uint8Array(4));
    const method = mode === "readFrom" ? "read" : "readSync";
    for (
      const [reader, described] of [[undefined, "undefined"], [{
        read: 1,
        readSync: 1,
      }, "an instance of Object"], ["file", '"file"']] as const
    ) {
      await assert.rejects(
        call(cursor, reader as unknown as Reader & ReaderSync),
        {
          name: "TypeError",
          message:
            `Cannot read from a reader: reader must have a ${method}() method, received ${described}`,
        },
      );
    }
  });
}

Deno.test("Cursor.readFrom() stops when the cursor is closed while it waits", async () => {
  const cursor = new Cursor(new Uint8Array(8));
  const reader: Reader = {
    read(p) {
      p.set([1, 2]);
      cursor.close();
      return Promise.resolve(2);
    },
  };
  await assert.rejects(
    cursor.readFrom(reader),
    new CursorClosedError("read from a reader"),
  );
  assert.equal(cursor.position, 2);
});

Deno.test(requires(missing.deno, {
  name: "Cursor.readFrom() and Cursor.writeTo() copy a temp Deno.FsFile",
  async fn() {
    const path = await Deno.makeTempFile();
    try {
      const original = Uint8Array.from({ length: 300_000 }, (_, i) => i % 251);
      {
        using file = await Deno.open(path, { write: true });
        assert.equal(await new Cursor(original).writeTo(file), 300_000);
      }
      assert.deepEqual(await Deno.readFile(path), original);
      const memory = new Uint8Array(300_000);
      const cursor = new Cursor(memory);
      {
        using file = await Deno.open(path);
        assert.equal(await cursor.readFrom(file), 300_000);
      }
      assert.deepEqual(memory, original);
      assert.equal(cursor.position, 300_000);
      // A smaller cursor fills up and the rest stays in the file.
      const small = new Cursor(new Uint8Array(1000));
      using file = Deno.openSync(path);
      assert.equal(small.readFromSync(file), 1000);
      assert.equal(await file.seek(0, Deno.SeekMode.Current), 1000);
      assert.deepEqual(small.bytes(), original.subarray(0, 1000));
      // writeToSync into a file opened for writing.
      using out = Deno.openSync(path, { write: true, truncate: true });
      small.position = 10;
      assert.equal(small.writeToSync(out), 990);
      assert.deepEqual(Deno.readFileSync(path), original.subarray(10, 1000));
    } finally {
      await Deno.remove(path);
    }
  },
}));
