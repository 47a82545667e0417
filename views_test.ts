import assert from "node:assert/strict";
import {
  Cursor,
  CursorClosedError,
  UnexpectedEofError,
} from "@iocursor/cursor";
import { detachedCursor, testEveryBacking } from "./_backing_test_util.ts";

const EIGHT = [1, 2, 3, 4, 5, 6, 7, 8];

/** Asserts that `error` is an UnexpectedEofError with these fields. */
function eof(message: string, requested: number, available: number) {
  return (error: unknown): boolean => {
    assert(error instanceof UnexpectedEofError);
    assert(error instanceof RangeError);
    assert.equal(error.name, "UnexpectedEofError");
    assert.equal(error.message, message);
    assert.equal(error.requested, requested);
    assert.equal(error.available, available);
    return true;
  };
}

/**
 * Asserts a view's bytes. Views keep the source's class (`subarray` of a Node
 * `Buffer` is a `Buffer`), so compare the numbers, not the prototype.
 */
function assertBytes(actual: Uint8Array | null, expected: number[]): void {
  assert(actual instanceof Uint8Array);
  assert.deepEqual(Array.from(actual), expected);
}

const detached = (action: string) => ({
  name: "TypeError",
  message: `Cannot ${action}: the underlying ArrayBuffer is detached`,
});

const closed = (action: string) => ({
  name: "CursorClosedError",
  message: `Cannot ${action}: the cursor is closed`,
});

/** The count arguments peek and take reject, with the error each gives. */
const BAD_COUNTS: [unknown, string, string][] = [
  [-1, "RangeError", "n must be a non-negative safe integer, received -1"],
  [1.5, "RangeError", "n must be a non-negative safe integer, received 1.5"],
  [NaN, "RangeError", "n must be a non-negative safe integer, received NaN"],
  [
    Infinity,
    "RangeError",
    "n must be a non-negative safe integer, received Infinity",
  ],
  [
    2 ** 53,
    "RangeError",
    "n must be a non-negative safe integer, received 9007199254740992",
  ],
  ["3", "TypeError", 'n must be a number, received "3"'],
  [3n, "TypeError", "n must be a number, received 3n"],
  [undefined, "TypeError", "n must be a number, received undefined"],
];

/**
 * Every view and exact-read method: its action in messages, a call that
 * reads one byte or more, and a call with a bad argument (the closed check
 * comes first).
 */
const METHODS: {
  symbol: string;
  action: string;
  call(cursor: Cursor): unknown;
  badCall(cursor: Cursor): unknown;
}[] = [
  {
    symbol: "Cursor.peek()",
    action: "peek",
    call: (cursor) => cursor.peek(3),
    badCall: (cursor) => cursor.peek(-1),
  },
  {
    symbol: "Cursor.take()",
    action: "take",
    call: (cursor) => cursor.take(3),
    badCall: (cursor) => cursor.take(-1),
  },
  {
    symbol: "Cursor.remainder()",
    action: "get the remainder",
    call: (cursor) => cursor.remainder(),
    badCall: (cursor) => cursor.remainder(),
  },
  {
    symbol: "Cursor.readUntil()",
    action: "read until a delimiter",
    call: (cursor) => cursor.readUntil(3),
    badCall: (cursor) => cursor.readUntil(-1),
  },
  {
    symbol: "Cursor.readExactSync()",
    action: "read exactly",
    call: (cursor) => cursor.readExactSync(new Uint8Array(3)),
    badCall: (cursor) => cursor.readExactSync(null as unknown as Uint8Array),
  },
];

for (const { symbol, action, call, badCall } of METHODS) {
  Deno.test(`${symbol} throws CursorClosedError after close`, () => {
    const cursor = new Cursor(new Uint8Array(EIGHT));
    cursor.position = 2;
    cursor.close();
    assert.throws(() => call(cursor), (error) => {
      assert(error instanceof CursorClosedError);
      assert.equal(error.message, `Cannot ${action}: the cursor is closed`);
      return true;
    });
    assert.throws(() => badCall(cursor), closed(action));
    assert.equal(cursor.position, 2);
  });

  Deno.test(`${symbol} reads the same from a read-only cursor`, () => {
    const writable = new Cursor(new Uint8Array(EIGHT));
    const readOnly = new Cursor(new Uint8Array(EIGHT), { readOnly: true });
    const result = call(readOnly);
    assert.deepEqual(
      Array.from(result as Uint8Array),
      Array.from(call(writable) as Uint8Array),
    );
    assert.equal(readOnly.position, writable.position);
  });

  Deno.test(`${symbol} throws TypeError on a detached buffer`, () => {
    assert.throws(() => call(detachedCursor()), detached(action));
  });
}

// peek

testEveryBacking(
  "Cursor.peek() returns up to n bytes without moving",
  EIGHT,
  (backing) => {
    const cursor = new Cursor(backing.source);
    cursor.position = 2;
    assertBytes(cursor.peek(3), [3, 4, 5]);
    assert.equal(cursor.position, 2);
    assertBytes(cursor.peek(0), []);
    assert.equal(cursor.position, 2);
    cursor.position = 5;
    assertBytes(cursor.peek(3), [6, 7, 8]);
    assert.equal(cursor.position, 5);
    cursor.position = 6;
    assertBytes(cursor.peek(3), [7, 8]);
    assert.equal(cursor.position, 6);
    cursor.position = 8;
    assertBytes(cursor.peek(3), []);
    assert.equal(cursor.position, 8);
    cursor.position = 11;
    assertBytes(cursor.peek(3), []);
    assert.equal(cursor.position, 11);
  },
);

testEveryBacking(
  "Cursor.peek() returns a view that aliases the memory both ways",
  EIGHT,
  (backing) => {
    const cursor = new Cursor(backing.source);
    const view = cursor.peek(4);
    assert.equal(view.buffer, backing.view().buffer);
    cursor.writeSync(new Uint8Array([9, 9]));
    assertBytes(view, [9, 9, 3, 4]);
    backing.view()[3] = 42;
    assert.equal(view[3], 42);
    view[2] = 77;
    assert.equal(backing.view()[2], 77);
    assert.equal(cursor.position, 2);
  },
);

Deno.test("Cursor.peek() rejects a bad count and does not move", () => {
  const cursor = new Cursor(new Uint8Array(EIGHT));
  cursor.position = 1;
  for (const [n, name, reason] of BAD_COUNTS) {
    assert.throws(() => cursor.peek(n as number), {
      name,
      message: `Cannot peek: ${reason}`,
    });
    assert.equal(cursor.position, 1);
  }
});

Deno.test("Cursor.peek() returns an empty view of an empty source", () => {
  const cursor = new Cursor(new Uint8Array(0));
  assertBytes(cursor.peek(4), []);
  assert.equal(cursor.position, 0);
});

// take

testEveryBacking(
  "Cursor.take() returns exactly n bytes and advances",
  EIGHT,
  (backing) => {
    const cursor = new Cursor(backing.source);
    assertBytes(cursor.take(3), [1, 2, 3]);
    assert.equal(cursor.position, 3);
    assertBytes(cursor.take(0), []);
    assert.equal(cursor.position, 3);
    assertBytes(cursor.take(5), [4, 5, 6, 7, 8]);
    assert.equal(cursor.position, 8);
    assertBytes(cursor.take(0), []);
    assert.equal(cursor.position, 8);
  },
);

testEveryBacking(
  "Cursor.take() throws UnexpectedEofError when one byte short and consumes nothing",
  EIGHT,
  (backing) => {
    const cursor = new Cursor(backing.source);
    cursor.position = 5;
    assert.throws(
      () => cursor.take(4),
      eof("Cannot take 4 bytes: only 3 bytes remain", 4, 3),
    );
    assert.equal(cursor.position, 5);
    assertBytes(cursor.take(3), [6, 7, 8]);
    assert.throws(
      () => cursor.take(1),
      eof("Cannot take 1 byte: only 0 bytes remain", 1, 0),
    );
    assert.equal(cursor.position, 8);
  },
);

Deno.test("Cursor.take() past the end throws for n > 0 and returns empty for 0", () => {
  const cursor = new Cursor(new Uint8Array(EIGHT));
  cursor.position = 12;
  assert.throws(
    () => cursor.take(2),
    eof("Cannot take 2 bytes: only 0 bytes remain", 2, 0),
  );
  assert.equal(cursor.position, 12);
  assertBytes(cursor.take(0), []);
  assert.equal(cursor.position, 12);
});

testEveryBacking(
  "Cursor.take() returns a view that aliases the memory",
  EIGHT,
  (backing) => {
    const cursor = new Cursor(backing.source);
    const view = cursor.take(2);
    assert.equal(view.buffer, backing.view().buffer);
    cursor.position = 0;
    cursor.writeSync(new Uint8Array([50, 60]));
    assertBytes(view, [50, 60]);
    view[0] = 70;
    assert.equal(backing.view()[0], 70);
  },
);

Deno.test("Cursor.take() rejects a bad count and does not move", () => {
  const cursor = new Cursor(new Uint8Array(EIGHT));
  cursor.position = 1;
  for (const [n, name, reason] of BAD_COUNTS) {
    assert.throws(() => cursor.take(n as number), {
      name,
      message: `Cannot take: ${reason}`,
    });
    assert.equal(cursor.position, 1);
  }
});

Deno.test("Cursor.take(0) throws TypeError on a detached buffer", () => {
  assert.throws(() => detachedCursor().take(0), detached("take"));
});

// remainder

testEveryBacking(
  "Cursor.remainder() returns the rest without moving",
  EIGHT,
  (backing) => {
    const cursor = new Cursor(backing.source);
    assertBytes(cursor.remainder(), EIGHT);
    assert.equal(cursor.position, 0);
    cursor.position = 7;
    assertBytes(cursor.remainder(), [8]);
    assert.equal(cursor.position, 7);
    cursor.position = 8;
    assertBytes(cursor.remainder(), []);
    assert.equal(cursor.position, 8);
    cursor.position = 20;
    assertBytes(cursor.remainder(), []);
    assert.equal(cursor.position, 20);
  },
);

testEveryBacking(
  "Cursor.remainder() returns a view that aliases the memory",
  EIGHT,
  (backing) => {
    const cursor = new Cursor(backing.source);
    cursor.position = 6;
    const rest = cursor.remainder();
    assert.equal(rest.buffer, backing.view().buffer);
    backing.view()[7] = 99;
    assertBytes(rest, [7, 99]);
    rest[0] = 98;
    assert.equal(backing.view()[6], 98);
  },
);

// readUntil

testEveryBacking(
  "Cursor.readUntil() returns up to and including the delimiter",
  [1, 0, 2, 3, 0, 4, 0, 5],
  (backing) => {
    const cursor = new Cursor(backing.source);
    assertBytes(cursor.readUntil(0), [1, 0]);
    assert.equal(cursor.position, 2);
    assertBytes(cursor.readUntil(0), [2, 3, 0]);
    assert.equal(cursor.position, 5);
    assertBytes(cursor.readUntil(4), [4]);
    assert.equal(cursor.position, 6);
    assertBytes(cursor.readUntil(0), [0]);
    assert.equal(cursor.position, 7);
    assertBytes(cursor.readUntil(0), [5]);
    assert.equal(cursor.position, 8);
    assert.equal(cursor.readUntil(0), null);
    assert.equal(cursor.position, 8);
  },
);

testEveryBacking(
  "Cursor.readUntil() returns the rest when the delimiter is missing",
  EIGHT,
  (backing) => {
    const cursor = new Cursor(backing.source);
    cursor.position = 3;
    assertBytes(cursor.readUntil(255), [4, 5, 6, 7, 8]);
    assert.equal(cursor.position, 8);
  },
);

testEveryBacking(
  "Cursor.readUntil() ends with a delimiter in the last byte",
  EIGHT,
  (backing) => {
    const cursor = new Cursor(backing.source);
    cursor.position = 5;
    assertBytes(cursor.readUntil(8), [6, 7, 8]);
    assert.equal(cursor.position, 8);
    assert.equal(cursor.readUntil(8), null);
  },
);

testEveryBacking(
  "Cursor.readUntil() returns a view that aliases the memory",
  EIGHT,
  (backing) => {
    const cursor = new Cursor(backing.source);
    const line = cursor.readUntil(3);
    assert(line !== null);
    assert.equal(line.buffer, backing.view().buffer);
    backing.view()[0] = 33;
    assertBytes(line, [33, 2, 3]);
  },
);

Deno.test("Cursor.readUntil() returns null past the end", () => {
  const cursor = new Cursor(new Uint8Array(EIGHT));
  cursor.position = 9;
  assert.equal(cursor.readUntil(1), null);
  assert.equal(cursor.position, 9);
});

Deno.test("Cursor.readUntil() rejects a delimiter that is not a byte", () => {
  const cursor = new Cursor(new Uint8Array(EIGHT));
  const cases: [unknown, string, string][] = [
    [256, "RangeError", "256"],
    [-1, "RangeError", "-1"],
    [1.5, "RangeError", "1.5"],
    [NaN, "RangeError", "NaN"],
    ["a", "TypeError", '"a"'],
    [1n, "TypeError", "1n"],
    [null, "TypeError", "null"],
  ];
  for (const [delimiter, name, shown] of cases) {
    assert.throws(() => cursor.readUntil(delimiter as number), {
      name,
      message:
        `Cannot read until a delimiter: delimiter must be an integer from 0 to 255, received ${shown}`,
    });
    assert.equal(cursor.position, 0);
  }
});

// readExactSync / readExact

testEveryBacking(
  "Cursor.readExactSync() fills all of p and advances",
  EIGHT,
  (backing) => {
    const cursor = new Cursor(backing.source);
    const p = new Uint8Array(3);
    assert.equal(cursor.readExactSync(p), p);
    assert.deepEqual(p, new Uint8Array([1, 2, 3]));
    assert.equal(cursor.position, 3);
    const rest = new Uint8Array(5);
    cursor.readExactSync(rest);
    assertBytes(rest, [4, 5, 6, 7, 8]);
    assert.equal(cursor.position, 8);
  },
);

testEveryBacking(
  "Cursor.readExactSync() throws UnexpectedEofError one byte short, leaving p and the position",
  EIGHT,
  (backing) => {
    const cursor = new Cursor(backing.source);
    cursor.position = 4;
    const p = new Uint8Array([9, 9, 9, 9, 9]);
    assert.throws(
      () => cursor.readExactSync(p),
      eof("Cannot read exactly 5 bytes: only 4 bytes remain", 5, 4),
    );
    assert.deepEqual(p, new Uint8Array([9, 9, 9, 9, 9]));
    assert.equal(cursor.position, 4);
  },
);

Deno.test("Cursor.readExactSync() at and past the end throws for non-empty p", () => {
  const cursor = new Cursor(new Uint8Array(EIGHT));
  for (const position of [8, 30]) {
    cursor.position = position;
    assert.throws(
      () => cursor.readExactSync(new Uint8Array(1)),
      eof("Cannot read exactly 1 byte: only 0 bytes remain", 1, 0),
    );
    assert.equal(cursor.position, position);
    const empty = new Uint8Array(0);
    assert.equal(cursor.readExactSync(empty), empty);
    assert.equal(cursor.position, position);
  }
});

Deno.test("Cursor.readExactSync() copies correctly when p overlaps the memory", () => {
  const memory = new Uint8Array(EIGHT);
  const cursor = new Cursor(memory);
  cursor.position = 2;
  const p = memory.subarray(3, 7);
  const expected = memory.slice(2, 6);
  cursor.readExactSync(p);
  assert.deepEqual(p, expected);
  assert.deepEqual(memory, new Uint8Array([1, 2, 3, 3, 4, 5, 6, 8]));
  assert.equal(cursor.position, 6);
});

Deno.test("Cursor.readExactSync() rejects p that is not a Uint8Array", () => {
  const cursor = new Cursor(new Uint8Array(EIGHT));
  // Memory that can grow takes paths of its own: the same rule.
  const growable = new Cursor(new ArrayBuffer(8, { maxByteLength: 16 }));
  for (const each of [cursor, growable]) {
    assert.throws(() => each.readExactSync([1] as unknown as Uint8Array), {
      name: "TypeError",
      message: "Cannot read exactly: p must be a Uint8Array, received an array",
    });
  }
  assert.throws(
    () => cursor.readExactSync(new Uint16Array(1) as unknown as Uint8Array),
    {
      name: "TypeError",
      message:
        "Cannot read exactly: p must be a Uint8Array, received an instance of Uint16Array",
    },
  );
  assert.equal(cursor.position, 0);
});

Deno.test("Cursor.readExact() resolves with the filled p", async () => {
  const cursor = new Cursor(new Uint8Array(EIGHT));
  const p = new Uint8Array(2);
  const promise = cursor.readExact(p);
  assert.equal(cursor.position, 2);
  assert.equal(await promise, p);
  assert.deepEqual(p, new Uint8Array([1, 2]));
});

Deno.test("Cursor.readExact() rejects instead of throwing", async () => {
  const cursor = new Cursor(new Uint8Array(EIGHT));
  cursor.position = 7;
  const short = cursor.readExact(new Uint8Array(2));
  await assert.rejects(
    short,
    eof("Cannot read exactly 2 bytes: only 1 byte remains", 2, 1),
  );
  assert.equal(cursor.position, 7);
  const wrong = cursor.readExact("x" as unknown as Uint8Array);
  await assert.rejects(wrong, TypeError);
  cursor.close();
  const afterClose = cursor.readExact(new Uint8Array(1));
  await assert.rejects(afterClose, closed("read exactly"));
});

for (
  const [kind, view] of [
    ["length-tracking", (buffer: ArrayBuffer) => new Uint8Array(buffer, 3)],
    ["fixed-length", (buffer: ArrayBuffer) => new Uint8Array(buffer, 3, 5)],
  ] as const
) {
  Deno.test(`Cursor.peek() returns an empty view when a resizable buffer shrinks below the view's offset (${kind})`, () => {
    const buffer = new ArrayBuffer(8, { maxByteLength: 16 });
    const cursor = new Cursor(view(buffer));
    buffer.resize(2);
    assert.equal(cursor.byteLength, 0);
    assertBytes(cursor.peek(1), []);
    assertBytes(cursor.peek(0), []);
    assertBytes(cursor.take(0), []);
    assertBytes(cursor.remainder(), []);
    assertBytes(cursor.readExactSync(new Uint8Array(0)), []);
    assert.throws(
      () => cursor.take(1),
      eof("Cannot take 1 byte: only 0 bytes remain", 1, 0),
    );
    assert.equal(cursor.readSync(new Uint8Array(1)), null);
    assert.equal(cursor.readSync(new Uint8Array(0)), 0);
    assert.equal(cursor.readUntil(0), null);
    assert.throws(() => cursor.readUint8(), UnexpectedEofError);
    assert.equal(cursor.writeSync(new Uint8Array(0)), 0);
    // A fixed-length view cannot grow back into its buffer (a length-tracking
    // one can: growth_test.ts).
    if (kind === "fixed-length") {
      assert.throws(() => cursor.writeSync(new Uint8Array(1)), RangeError);
    }
    assert.equal(cursor.writeToSync(new Cursor(new Uint8Array(1))), 0);
    if (kind === "fixed-length") {
      assert.equal(cursor.readFromSync(new Cursor(new Uint8Array(1))), 0);
    }
    assert.equal(cursor.position, 0);
    assert.equal(buffer.byteLength, 2);
    // Once the buffer covers the view again, its bytes show through.
    buffer.resize(8);
    assert.equal(cursor.peek(1).byteLength, 1);
  });
}

Deno.test("Cursor.readExactSync() of an empty p throws TypeError on a detached buffer", () => {
  const cursor = detachedCursor();
  assert.throws(
    () => cursor.readExactSync(new Uint8Array(0)),
    detached("read exactly"),
  );
  assert.equal(cursor.position, 0);
});
