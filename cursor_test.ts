import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import {
  Cursor,
  CursorFullError,
  CursorReadOnlyError,
  SeekMode,
} from "@iocursor/cursor";
import { missing, requires } from "./_runtime_test_util.ts";
import { testEveryBacking } from "./_backing_test_util.ts";
import { byteCount, exactly, promised } from "./_assert_test_util.ts";

const EIGHT = [1, 2, 3, 4, 5, 6, 7, 8];

const MAX = Number.MAX_SAFE_INTEGER;

// --- Construction -----------------------------------------------------------

testEveryBacking(
  "new Cursor() views exactly the source's bytes without copying",
  EIGHT,
  (backing) => {
    const cursor = new Cursor(backing.source);
    const view = backing.view();
    const bytes = cursor.bytes();
    assert.equal(cursor.byteLength, 8);
    assert.equal(cursor.position, 0);
    assert.equal(
      bytes.constructor,
      missing.nodeBuffer === undefined && backing.source instanceof Buffer
        ? Buffer
        : Uint8Array,
    );
    assert.equal(bytes.buffer, view.buffer);
    assert.equal(bytes.byteOffset, view.byteOffset);
    assert.equal(bytes.byteLength, view.byteLength);
    assert.deepEqual([...bytes], EIGHT);
  },
);

testEveryBacking(
  "Cursor.bytes() is the source itself for a Uint8Array and aliases it otherwise",
  EIGHT,
  (backing) => {
    const cursor = new Cursor(backing.source);
    const bytes = cursor.bytes();
    assert.equal(cursor.bytes(), bytes);
    if (backing.source instanceof Uint8Array) {
      assert.equal(bytes, backing.source);
    } else {
      assert.notEqual(bytes, backing.source);
    }
    bytes[0] = 0xee;
    assert.equal(backing.view()[0], 0xee);
    backing.view()[7] = 0xdd;
    assert.equal(bytes[7], 0xdd);
  },
);

testEveryBacking(
  "new Cursor() sees changes made to the source after construction",
  EIGHT,
  (backing) => {
    const cursor = new Cursor(backing.source);
    backing.view().set([41, 42], 2);
    cursor.position = 2;
    const p = new Uint8Array(2);
    assert.equal(cursor.readSync(p), 2);
    assert.deepEqual(p, new Uint8Array([41, 42]));
    assert.equal(cursor.position, 4);
  },
);

Deno.test("new Cursor() is a Cursor whose constructor is Cursor for every kind of memory", () => {
  const own = Object.getOwnPropertyDescriptor(Cursor.prototype, "constructor");
  const sources = [
    new Uint8Array(4),
    new ArrayBuffer(4, { maxByteLength: 8 }),
    new WebAssembly.Memory({ initial: 1, maximum: 1 }),
  ];
  for (const source of sources) {
    const cursor = new Cursor(source);
    assert(cursor instanceof Cursor);
    assert.equal(cursor.constructor, Cursor);
    // The class of its kind says so as a class's own prototype does.
    const descriptor = Object.getOwnPropertyDescriptor(
      Object.getPrototypeOf(cursor),
      "constructor",
    );
    assert.deepEqual(descriptor, own);
  }
});

Deno.test("new Cursor() throws TypeError for anything but memory", () => {
  const prefix =
    "Cannot create a cursor: source must be a typed array, DataView, ArrayBuffer, SharedArrayBuffer or WebAssembly.Memory, received ";
  const cases: [unknown, string][] = [
    [null, "null"],
    [undefined, "undefined"],
    [3, "3"],
    [3n, "3n"],
    ["abc", '"abc"'],
    [true, "true"],
    [[1, 2, 3], "an array"],
    [{ length: 3 }, "an instance of Object"],
    [Object.create(null), "an instance of Object"],
    [new Map(), "an instance of Map"],
    [Uint8Array, "a function"],
    [Symbol("s"), "Symbol(s)"],
  ];
  for (const [source, described] of cases) {
    assert.throws(
      () => new Cursor(source as Uint8Array),
      exactly(TypeError, prefix + described),
    );
  }
});

Deno.test("new Cursor() works where SharedArrayBuffer is not defined, as in browsers without cross-origin isolation", () => {
  const descriptor = Object.getOwnPropertyDescriptor(
    globalThis,
    "SharedArrayBuffer",
  )!;
  // Browsers without cross-origin isolation have no SharedArrayBuffer: the
  // global is either missing or undefined.
  const hide = [
    // deno-lint-ignore no-explicit-any
    () => delete (globalThis as any).SharedArrayBuffer,
    () =>
      Object.defineProperty(globalThis, "SharedArrayBuffer", {
        value: undefined,
        configurable: true,
        writable: true,
      }),
  ];
  for (const hideIt of hide) {
    hideIt();
    try {
      assert.equal(typeof globalThis.SharedArrayBuffer, "undefined");
      assert.equal(new Cursor(new ArrayBuffer(3)).byteLength, 3);
      assert.equal(new Cursor(new Uint16Array(2)).byteLength, 4);
      for (const fake of [{}, { byteLength: 3 }]) {
        assert.throws(
          () => new Cursor(fake as ArrayBuffer),
          exactly(
            TypeError,
            "Cannot create a cursor: source must be a typed array, DataView, ArrayBuffer, SharedArrayBuffer or WebAssembly.Memory, received an instance of Object",
          ),
        );
      }
    } finally {
      Object.defineProperty(globalThis, "SharedArrayBuffer", descriptor);
    }
    assert.equal(typeof SharedArrayBuffer, "function");
  }
});

testEveryBacking(
  "new Cursor() with readOnly refuses every write and changes nothing",
  EIGHT,
  (backing) => {
    const cursor = new Cursor(backing.source, { readOnly: true });
    assert.equal(cursor.readOnly, true);
    cursor.position = 2;
    for (const p of [new Uint8Array([9]), new Uint8Array(0)]) {
      assert.throws(
        () => cursor.writeSync(p),
        exactly(CursorReadOnlyError, "Cannot write: the cursor is read-only"),
      );
      assert.equal(cursor.position, 2);
    }
    assert.deepEqual([...backing.view()], EIGHT);
    const p = new Uint8Array(2);
    assert.equal(cursor.readSync(p), 2);
    assert.deepEqual(p, new Uint8Array([3, 4]));
    assert.equal(cursor.position, 4);
    assert.equal(cursor.seekSync(-1, SeekMode.End), 7);
  },
);

Deno.test("new Cursor() is writable by default and with readOnly false", () => {
  for (const options of [undefined, {}, { readOnly: false }]) {
    const memory = new Uint8Array(2);
    const cursor = new Cursor(memory, options);
    assert.equal(cursor.readOnly, false);
    assert.equal(cursor.writeSync(new Uint8Array([5])), 1);
    assert.equal(cursor.position, 1);
    assert.deepEqual(memory, new Uint8Array([5, 0]));
  }
});

Deno.test(requires(missing.nodeBuffer, {
  name:
    "new Cursor() views a pooled Node Buffer without touching its neighbours",
  fn() {
    const first = Buffer.from("abc");
    const second = Buffer.from("xyz");
    const cursor = new Cursor(first);
    assert.equal(cursor.byteLength, 3);
    assert.equal(cursor.writeSync(new Uint8Array([1, 2, 3])), 3);
    assert.equal(cursor.position, 3);
    assert.throws(() => cursor.writeSync(new Uint8Array(1)), CursorFullError);
    assert.deepEqual([...first], [1, 2, 3]);
    assert.equal(second.toString(), "xyz");
  },
}));

// --- Members ----------------------------------------------------------------

Deno.test("Cursor.remaining counts the bytes from the position to the end, 0 past it", () => {
  const cursor = new Cursor(new Uint8Array(5));
  const cases: [number, number][] = [[0, 5], [2, 3], [5, 0], [6, 0], [MAX, 0]];
  for (const [position, remaining] of cases) {
    cursor.position = position;
    assert.equal(cursor.position, position);
    assert.equal(cursor.remaining, remaining);
  }
});

Deno.test("Cursor.byteLength and Cursor.remaining follow a resizable ArrayBuffer", () => {
  const buffer = new ArrayBuffer(4, { maxByteLength: 16 });
  const cursor = new Cursor(buffer);
  cursor.position = 3;
  buffer.resize(8);
  assert.equal(cursor.byteLength, 8);
  assert.equal(cursor.remaining, 5);
  assert.equal(cursor.writeSync(new Uint8Array([1, 2, 3, 4, 5])), 5);
  assert.equal(cursor.position, 8);
  buffer.resize(2);
  assert.equal(cursor.byteLength, 2);
  assert.equal(cursor.remaining, 0);
  assert.equal(cursor.readSync(new Uint8Array(1)), null);
  assert.equal(cursor.position, 8);
  assert.equal(cursor.seekSync(0, SeekMode.End), 2);
});

Deno.test("Cursor.byteLength stays fixed for a DataView over a resizable ArrayBuffer", () => {
  const buffer = new ArrayBuffer(4, { maxByteLength: 16 });
  const cursor = new Cursor(new DataView(buffer));
  buffer.resize(8);
  assert.equal(cursor.byteLength, 4);
});

// --- Reading ----------------------------------------------------------------

testEveryBacking(
  "Cursor.readSync() copies min(p.byteLength, remaining) bytes and advances",
  EIGHT,
  (backing) => {
    const cursor = new Cursor(backing.source);
    const p = new Uint8Array(3);
    assert.equal(cursor.readSync(p), 3);
    assert.deepEqual(p, new Uint8Array([1, 2, 3]));
    assert.equal(cursor.position, 3);
    assert.equal(cursor.readSync(p), 3);
    assert.deepEqual(p, new Uint8Array([4, 5, 6]));
    assert.equal(cursor.position, 6);
    assert.equal(cursor.readSync(p), 2);
    assert.deepEqual(p, new Uint8Array([7, 8, 6]));
    assert.equal(cursor.position, 8);
  },
);

testEveryBacking(
  "Cursor.readSync() returns null at and past the end, never 0",
  EIGHT,
  (backing) => {
    const cursor = new Cursor(backing.source);
    for (const position of [8, 9, 100, MAX]) {
      cursor.position = position;
      const p = new Uint8Array([7, 7]);
      assert.equal(cursor.readSync(p), null);
      assert.equal(cursor.position, position);
      assert.deepEqual(p, new Uint8Array([7, 7]));
    }
  },
);

testEveryBacking(
  "Cursor.readSync() returns 0 for an empty p anywhere, even past the end",
  EIGHT,
  (backing) => {
    const cursor = new Cursor(backing.source);
    for (const position of [0, 3, 8, 9, MAX]) {
      cursor.position = position;
      assert.equal(cursor.readSync(new Uint8Array(0)), 0);
      assert.equal(cursor.position, position);
    }
  },
);

Deno.test("Cursor.readSync() on empty memory returns null, or 0 for an empty p", () => {
  for (
    const source of [
      new Uint8Array(0),
      new ArrayBuffer(0),
      new DataView(new ArrayBuffer(0)),
    ]
  ) {
    const cursor = new Cursor(source);
    assert.equal(cursor.byteLength, 0);
    assert.equal(cursor.readSync(new Uint8Array(1)), null);
    assert.equal(cursor.readSync(new Uint8Array(0)), 0);
    assert.equal(cursor.position, 0);
  }
});

testEveryBacking(
  "Cursor.readSync() leaves the bytes of p past the count untouched",
  EIGHT,
  (backing) => {
    const cursor = new Cursor(backing.source);
    cursor.position = 6;
    const p = new Uint8Array(5).fill(0xee);
    assert.equal(cursor.readSync(p), 2);
    assert.deepEqual(p, new Uint8Array([7, 8, 0xee, 0xee, 0xee]));
    assert.equal(cursor.position, 8);
  },
);

testEveryBacking(
  "Cursor.readSync() into its own memory equals a copy taken before",
  EIGHT,
  (backing) => {
    // [position, p's start, p's end] inside the cursor's own bytes.
    const cases: [number, number, number][] = [
      [0, 2, 6], // forwards: p starts after the source range
      [4, 1, 5], // backwards: p starts before the source range
      [3, 3, 7], // exactly the same bytes
      [6, 5, 8], // overlapping and cut short by the end
    ];
    for (const [position, from, to] of cases) {
      backing.view().set(EIGHT);
      const cursor = new Cursor(backing.source);
      const before = backing.view().slice();
      const count = Math.min(to - from, before.byteLength - position);
      const expected = before.slice();
      expected.set(before.subarray(position, position + count), from);
      cursor.position = position;
      assert.equal(cursor.readSync(cursor.bytes().subarray(from, to)), count);
      assert.equal(cursor.position, position + count);
      assert.deepEqual(backing.view(), expected);
    }
  },
);

Deno.test("Cursor.readSync() does not keep p", () => {
  const memory = new Uint8Array([1, 2, 3]);
  const cursor = new Cursor(memory);
  const p = new Uint8Array(2);
  assert.equal(cursor.readSync(p), 2);
  p.fill(9);
  assert.deepEqual(memory, new Uint8Array([1, 2, 3]));
  assert.equal(cursor.readSync(p), 1);
  assert.deepEqual(p, new Uint8Array([3, 9]));
  assert.equal(cursor.position, 3);
});

Deno.test(requires(missing.nodeBuffer, {
  name: "Cursor.readSync() reads into a Node Buffer",
  fn() {
    const cursor = new Cursor(new Uint8Array([1, 2, 3]));
    const p = Buffer.alloc(2);
    assert.equal(cursor.readSync(p), 2);
    assert.deepEqual([...p], [1, 2]);
    assert.equal(cursor.position, 2);
  },
}));

Deno.test("Cursor.readSync() and writeSync() throw TypeError unless p is a Uint8Array", () => {
  const cases: [unknown, string][] = [
    [null, "null"],
    [undefined, "undefined"],
    [[1], "an array"],
    [new DataView(new ArrayBuffer(1)), "an instance of DataView"],
    [new Int8Array(1), "an instance of Int8Array"],
    [new ArrayBuffer(1), "an instance of ArrayBuffer"],
    ["ab", '"ab"'],
  ];
  const memory = new Uint8Array([1, 2, 3]);
  const cursor = new Cursor(memory);
  cursor.position = 1;
  for (const [p, described] of cases) {
    assert.throws(
      () => cursor.readSync(p as Uint8Array),
      exactly(
        TypeError,
        `Cannot read: p must be a Uint8Array, received ${described}`,
      ),
    );
    assert.equal(cursor.position, 1);
    assert.throws(
      () => cursor.writeSync(p as Uint8Array),
      exactly(
        TypeError,
        `Cannot write: p must be a Uint8Array, received ${described}`,
      ),
    );
    assert.equal(cursor.position, 1);
  }
  assert.deepEqual(memory, new Uint8Array([1, 2, 3]));
});

// --- Writing ----------------------------------------------------------------

testEveryBacking(
  "Cursor.writeSync() copies all of p, advances and returns its length",
  [0, 0, 0, 0, 0, 0, 0, 0],
  (backing) => {
    const cursor = new Cursor(backing.source);
    assert.equal(cursor.writeSync(new Uint8Array([1, 2, 3])), 3);
    assert.equal(cursor.position, 3);
    assert.equal(cursor.writeSync(new Uint8Array([4, 5, 6, 7, 8])), 5);
    assert.equal(cursor.position, 8);
    assert.deepEqual([...backing.view()], EIGHT);
    assert.equal(cursor.remaining, 0);
  },
);

testEveryBacking(
  "Cursor.writeSync() of a p that does not fit throws CursorFullError and writes nothing",
  EIGHT,
  (backing) => {
    const cursor = new Cursor(backing.source);
    // [position, p.byteLength, bytes free] for fixed memory; memory that
    // grows in place has `growth` more room, so p is that much longer.
    const cases: [number, number, number][] = [
      [0, 9, 8],
      [5, 4, 3],
      [7, 2, 1],
      [8, 1, 0],
      [20, 3, 0],
      [MAX, 1, 0],
    ].map(([position, length]) => [
      position!,
      length! + backing.growth,
      Math.max(0, 8 + backing.growth - position!),
    ]);
    for (const [position, length, available] of cases) {
      cursor.position = position;
      const p = new Uint8Array(length).fill(0xee);
      assert.throws(
        () => cursor.writeSync(p),
        exactly(
          CursorFullError,
          `Cannot write ${byteCount(length)}: there is room for ${
            byteCount(available)
          } before the end`,
          { requested: length, available },
        ),
      );
      assert.equal(cursor.position, position);
      assert.equal(cursor.byteLength, 8);
      assert.deepEqual([...backing.view()], EIGHT);
    }
  },
);

Deno.test("CursorFullError is a RangeError", () => {
  const cursor = new Cursor(new Uint8Array(1));
  assert.throws(() => cursor.writeSync(new Uint8Array(2)), RangeError);
  assert.equal(cursor.position, 0);
});

testEveryBacking(
  "Cursor.writeSync() returns 0 for an empty p anywhere, even past the end",
  EIGHT,
  (backing) => {
    const cursor = new Cursor(backing.source);
    for (const position of [0, 3, 8, 9, MAX]) {
      cursor.position = position;
      assert.equal(cursor.writeSync(new Uint8Array(0)), 0);
      assert.equal(cursor.position, position);
    }
    assert.deepEqual([...backing.view()], EIGHT);
  },
);

Deno.test("Cursor.writeSync() on empty memory returns 0 for an empty p and throws otherwise", () => {
  const cursor = new Cursor(new ArrayBuffer(0));
  assert.equal(cursor.writeSync(new Uint8Array(0)), 0);
  assert.throws(
    () => cursor.writeSync(new Uint8Array(1)),
    exactly(
      CursorFullError,
      "Cannot write 1 byte: there is room for 0 bytes before the end",
    ),
  );
  assert.equal(cursor.position, 0);
});

testEveryBacking(
  "Cursor.writeSync() never modifies or keeps p",
  [0, 0, 0, 0, 0, 0, 0, 0],
  (backing) => {
    const cursor = new Cursor(backing.source);
    const p = new Uint8Array([9, 8, 7]);
    assert.equal(cursor.writeSync(p), 3);
    assert.deepEqual(p, new Uint8Array([9, 8, 7]));
    p.fill(1);
    assert.deepEqual([...backing.view()], [9, 8, 7, 0, 0, 0, 0, 0]);
    assert.equal(cursor.position, 3);
  },
);

testEveryBacking(
  "Cursor.writeSync() from its own memory equals a copy taken before",
  EIGHT,
  (backing) => {
    // [position, p's start, p's end] inside the cursor's own bytes.
    const cases: [number, number, number][] = [
      [2, 0, 4], // forwards
      [1, 3, 8], // backwards
      [4, 4, 8], // the same bytes
    ];
    for (const [position, from, to] of cases) {
      backing.view().set(EIGHT);
      const cursor = new Cursor(backing.source);
      const before = backing.view().slice();
      const expected = before.slice();
      expected.set(before.subarray(from, to), position);
      cursor.position = position;
      assert.equal(
        cursor.writeSync(cursor.bytes().subarray(from, to)),
        to - from,
      );
      assert.equal(cursor.position, position + to - from);
      assert.deepEqual(backing.view(), expected);
    }
  },
);

// --- Async forms ------------------------------------------------------------

testEveryBacking(
  "Cursor.read(), write() and seek() do their work at call time, in call order",
  EIGHT,
  async (backing) => {
    const cursor = new Cursor(backing.source);
    const p = new Uint8Array(3);
    const calls: Promise<number | null>[] = [];
    calls.push(promised(cursor.seek(2, SeekMode.Start)));
    assert.equal(cursor.position, 2);
    calls.push(promised(cursor.write(new Uint8Array([0xa, 0xb]))));
    assert.equal(cursor.position, 4);
    assert.deepEqual([...backing.view()], [1, 2, 0xa, 0xb, 5, 6, 7, 8]);
    calls.push(promised(cursor.seek(-2, SeekMode.Current)));
    assert.equal(cursor.position, 2);
    calls.push(promised(cursor.read(p)));
    assert.equal(cursor.position, 5);
    assert.deepEqual(p, new Uint8Array([0xa, 0xb, 5]));
    calls.push(promised(cursor.seek(-1, SeekMode.End)));
    calls.push(promised(cursor.read(p)));
    calls.push(promised(cursor.read(p)));
    calls.push(promised(cursor.read(new Uint8Array(0))));
    calls.push(promised(cursor.write(new Uint8Array(0))));
    assert.equal(cursor.position, 8);
    assert.deepEqual(await Promise.all(calls), [2, 2, 2, 3, 7, 1, null, 0, 0]);
    assert.deepEqual(p, new Uint8Array([8, 0xb, 5]));
    assert.equal(cursor.position, 8);
  },
);

Deno.test("Cursor.read() and write() reject instead of throwing, changing nothing", async () => {
  const memory = new Uint8Array([1, 2, 3, 4]);
  const cursor = new Cursor(memory);
  cursor.position = 1;
  await assert.rejects(
    promised(cursor.read(null as unknown as Uint8Array)),
    exactly(TypeError, "Cannot read: p must be a Uint8Array, received null"),
  );
  assert.equal(cursor.position, 1);
  await assert.rejects(
    promised(cursor.write([1] as unknown as Uint8Array)),
    exactly(
      TypeError,
      "Cannot write: p must be a Uint8Array, received an array",
    ),
  );
  assert.equal(cursor.position, 1);
  await assert.rejects(
    promised(cursor.write(new Uint8Array(4))),
    exactly(
      CursorFullError,
      "Cannot write 4 bytes: there is room for 3 bytes before the end",
      {
        requested: 4,
        available: 3,
      },
    ),
  );
  assert.equal(cursor.position, 1);
  const readOnly = new Cursor(memory, { readOnly: true });
  await assert.rejects(
    promised(readOnly.write(new Uint8Array(1))),
    exactly(CursorReadOnlyError, "Cannot write: the cursor is read-only"),
  );
  assert.equal(readOnly.position, 0);
  assert.deepEqual(memory, new Uint8Array([1, 2, 3, 4]));
});
