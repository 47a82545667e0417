import assert from "node:assert/strict";
import { Cursor, CursorFullError, CursorReadOnlyError } from "@iocursor/cursor";
import { detachedCursor, testEveryBacking } from "./_backing_test_util.ts";

const EIGHT = [1, 2, 3, 4, 5, 6, 7, 8];

/** The offsets positional I/O rejects, with the error each gives. */
function badOffsets(action: string): [unknown, string, string][] {
  return [
    [-1, "RangeError", `Cannot ${action} to -1: the position must be >= 0`],
    [-3n, "RangeError", `Cannot ${action} to -3: the position must be >= 0`],
    [
      1.5,
      "RangeError",
      `Cannot ${action}: offset must be a safe integer, received 1.5`,
    ],
    [
      NaN,
      "RangeError",
      `Cannot ${action}: offset must be a safe integer, received NaN`,
    ],
    [
      2n ** 53n,
      "RangeError",
      `Cannot ${action}: offset must be a safe integer, received 9007199254740992n`,
    ],
    [
      "0",
      "TypeError",
      `Cannot ${action}: offset must be a number or bigint, received "0"`,
    ],
    [
      undefined,
      "TypeError",
      `Cannot ${action}: offset must be a number or bigint, received undefined`,
    ],
  ];
}

const POSITIONAL: [
  string,
  string,
  (cursor: Cursor, offset: unknown) => unknown,
][] = [
  [
    "Cursor.readAtSync()",
    "set the read offset",
    (cursor, offset) => cursor.readAtSync(new Uint8Array(1), offset as number),
  ],
  [
    "Cursor.writeAtSync()",
    "set the write offset",
    (cursor, offset) =>
      cursor.writeAtSync(new Uint8Array([0]), offset as number),
  ],
];

for (const [symbol, action, call] of POSITIONAL) {
  Deno.test(`${symbol} rejects a bad offset and changes nothing`, () => {
    const memory = new Uint8Array(EIGHT);
    const cursor = new Cursor(memory);
    cursor.position = 2;
    for (const [offset, name, message] of badOffsets(action)) {
      assert.throws(() => call(cursor, offset), { name, message });
    }
    assert.deepEqual(memory, new Uint8Array(EIGHT));
    assert.equal(cursor.position, 2);
  });
}

// readAtSync / readAt

testEveryBacking(
  "Cursor.readAtSync() reads at the offset without moving",
  EIGHT,
  (backing) => {
    const cursor = new Cursor(backing.source);
    cursor.position = 1;
    const p = new Uint8Array(3);
    assert.equal(cursor.readAtSync(p, 4), 3);
    assert.deepEqual(p, new Uint8Array([5, 6, 7]));
    assert.equal(cursor.position, 1);
    assert.equal(cursor.readAtSync(p, 5n), 3);
    assert.deepEqual(p, new Uint8Array([6, 7, 8]));
    assert.equal(cursor.position, 1);
  },
);

testEveryBacking(
  "Cursor.readAtSync() returns a short count near the end and leaves the rest of p",
  EIGHT,
  (backing) => {
    const cursor = new Cursor(backing.source);
    const p = new Uint8Array([0, 0, 0, 0]);
    assert.equal(cursor.readAtSync(p, 6), 2);
    assert.deepEqual(p, new Uint8Array([7, 8, 0, 0]));
    assert.equal(cursor.position, 0);
  },
);

testEveryBacking(
  "Cursor.readAtSync() returns null at and past the end, 0 for empty p",
  EIGHT,
  (backing) => {
    const cursor = new Cursor(backing.source);
    const p = new Uint8Array([9]);
    assert.equal(cursor.readAtSync(p, 8), null);
    assert.equal(cursor.readAtSync(p, 100), null);
    assert.deepEqual(p, new Uint8Array([9]));
    assert.equal(cursor.readAtSync(new Uint8Array(0), 3), 0);
    assert.equal(cursor.readAtSync(new Uint8Array(0), 100), 0);
    assert.equal(cursor.position, 0);
  },
);

Deno.test("Cursor.readAtSync() copies correctly when p overlaps the memory", () => {
  const memory = new Uint8Array(EIGHT);
  const cursor = new Cursor(memory);
  const expected = memory.slice(0, 4);
  const p = memory.subarray(2, 6);
  assert.equal(cursor.readAtSync(p, 0), 4);
  assert.deepEqual(p, expected);
  assert.deepEqual(memory, new Uint8Array([1, 2, 1, 2, 3, 4, 7, 8]));
});

Deno.test("Cursor.readAtSync() rejects p that is not a Uint8Array", () => {
  const cursor = new Cursor(new Uint8Array(EIGHT));
  assert.throws(() => cursor.readAtSync([0] as unknown as Uint8Array, 0), {
    name: "TypeError",
    message: "Cannot read: p must be a Uint8Array, received an array",
  });
});

Deno.test("Cursor.readAtSync() throws CursorClosedError after close", () => {
  const cursor = new Cursor(new Uint8Array(EIGHT));
  cursor.close();
  assert.throws(() => cursor.readAtSync(new Uint8Array(1), 0), {
    name: "CursorClosedError",
    message: "Cannot read: the cursor is closed",
  });
  assert.throws(() => cursor.readAtSync(new Uint8Array(1), -1), {
    name: "CursorClosedError",
  });
});

Deno.test("Cursor.readAtSync() works on a read-only cursor", () => {
  const cursor = new Cursor(new Uint8Array(EIGHT), { readOnly: true });
  const p = new Uint8Array(1);
  assert.equal(cursor.readAtSync(p, 7), 1);
  assert.deepEqual(p, new Uint8Array([8]));
});

Deno.test("Cursor.readAtSync() throws TypeError on a detached buffer", () => {
  assert.throws(() => detachedCursor().readAtSync(new Uint8Array(1), 0), {
    name: "TypeError",
    message: "Cannot read: the underlying ArrayBuffer is detached",
  });
});

Deno.test("Cursor.readAt() resolves with the count and rejects instead of throwing", async () => {
  const cursor = new Cursor(new Uint8Array(EIGHT));
  const p = new Uint8Array(2);
  assert.equal(await cursor.readAt(p, 3), 2);
  assert.deepEqual(p, new Uint8Array([4, 5]));
  assert.equal(await cursor.readAt(p, 8), null);
  const negative = cursor.readAt(p, -1);
  await assert.rejects(negative, RangeError);
  cursor.close();
  const afterClose = cursor.readAt(p, 0);
  await assert.rejects(afterClose, { name: "CursorClosedError" });
  assert.equal(cursor.position, 0);
});

// writeAtSync / writeAt

testEveryBacking(
  "Cursor.writeAtSync() writes at the offset without moving",
  EIGHT,
  (backing) => {
    const cursor = new Cursor(backing.source);
    cursor.position = 2;
    assert.equal(cursor.writeAtSync(new Uint8Array([20, 30]), 5), 2);
    assert.deepEqual(
      backing.view(),
      new Uint8Array([1, 2, 3, 4, 5, 20, 30, 8]),
    );
    assert.equal(cursor.position, 2);
    assert.equal(cursor.writeAtSync(new Uint8Array([40]), 0n), 1);
    assert.deepEqual(
      backing.view(),
      new Uint8Array([40, 2, 3, 4, 5, 20, 30, 8]),
    );
    assert.equal(cursor.position, 2);
  },
);

testEveryBacking(
  "Cursor.writeAtSync() fills exactly to the end",
  EIGHT,
  (backing) => {
    const cursor = new Cursor(backing.source);
    assert.equal(cursor.writeAtSync(new Uint8Array([9, 9, 9]), 5), 3);
    assert.deepEqual(backing.view(), new Uint8Array([1, 2, 3, 4, 5, 9, 9, 9]));
    assert.equal(cursor.position, 0);
  },
);

testEveryBacking(
  "Cursor.writeAtSync() throws CursorFullError one byte over and writes nothing",
  EIGHT,
  (backing) => {
    const cursor = new Cursor(backing.source);
    // Memory that grows in place has `growth` more room before it is full.
    const length = 3 + backing.growth;
    const available = 2 + backing.growth;
    assert.throws(
      () => cursor.writeAtSync(new Uint8Array(length).fill(9), 6),
      (error) => {
        assert(error instanceof CursorFullError);
        assert.equal(
          error.message,
          `Cannot write ${length} bytes: there is room for ${available} bytes before the end`,
        );
        assert.equal(error.requested, length);
        assert.equal(error.available, available);
        return true;
      },
    );
    assert.deepEqual(backing.view(), new Uint8Array(EIGHT));
    assert.equal(cursor.byteLength, 8);
    assert.equal(cursor.position, 0);
  },
);

testEveryBacking(
  "Cursor.writeAtSync() past the end grows memory that can grow in place",
  EIGHT,
  (backing) => {
    const cursor = new Cursor(backing.source);
    const p = new Uint8Array([20, 30]);
    if (backing.growth === 0) {
      assert.throws(() => cursor.writeAtSync(p, 9), CursorFullError);
      assert.equal(cursor.byteLength, 8);
      return;
    }
    assert.equal(cursor.writeAtSync(p, 9), 2);
    assert.equal(cursor.byteLength, 11);
    assert.equal(cursor.position, 0);
    assert.deepEqual([...cursor.bytes()], [...EIGHT, 0, 20, 30]);
  },
);

Deno.test("Cursor.writeAtSync() at and past the end throws for non-empty p, 0 for empty", () => {
  const memory = new Uint8Array(EIGHT);
  const cursor = new Cursor(memory);
  for (const offset of [8, 50]) {
    assert.throws(() => cursor.writeAtSync(new Uint8Array(1), offset), {
      name: "CursorFullError",
      message: "Cannot write 1 byte: there is room for 0 bytes before the end",
    });
    assert.equal(cursor.writeAtSync(new Uint8Array(0), offset), 0);
  }
  assert.deepEqual(memory, new Uint8Array(EIGHT));
  assert.equal(cursor.position, 0);
});

Deno.test("Cursor.writeAtSync() copies correctly when p overlaps the memory", () => {
  const memory = new Uint8Array(EIGHT);
  const cursor = new Cursor(memory);
  assert.equal(cursor.writeAtSync(memory.subarray(0, 4), 2), 4);
  assert.deepEqual(memory, new Uint8Array([1, 2, 1, 2, 3, 4, 7, 8]));
});

Deno.test("Cursor.writeAtSync() rejects p that is not a Uint8Array", () => {
  const cursor = new Cursor(new Uint8Array(EIGHT));
  assert.throws(() => cursor.writeAtSync("ab" as unknown as Uint8Array, 0), {
    name: "TypeError",
    message: 'Cannot write: p must be a Uint8Array, received "ab"',
  });
});

Deno.test("Cursor.writeAtSync() throws CursorReadOnlyError on a read-only cursor", () => {
  const memory = new Uint8Array(EIGHT);
  const cursor = new Cursor(memory, { readOnly: true });
  assert.throws(() => cursor.writeAtSync(new Uint8Array([0]), 0), (error) => {
    assert(error instanceof CursorReadOnlyError);
    assert.equal(error.message, "Cannot write: the cursor is read-only");
    return true;
  });
  assert.deepEqual(memory, new Uint8Array(EIGHT));
});

Deno.test("Cursor.writeAtSync() throws CursorClosedError after close", () => {
  const memory = new Uint8Array(EIGHT);
  const cursor = new Cursor(memory);
  cursor.close();
  assert.throws(() => cursor.writeAtSync(new Uint8Array([0]), 0), {
    name: "CursorClosedError",
    message: "Cannot write: the cursor is closed",
  });
  assert.deepEqual(memory, new Uint8Array(EIGHT));
});

Deno.test("Cursor.writeAtSync() throws TypeError on a detached buffer", () => {
  assert.throws(() => detachedCursor().writeAtSync(new Uint8Array(1), 0), {
    name: "TypeError",
    message: "Cannot write: the underlying ArrayBuffer is detached",
  });
});

Deno.test("Cursor.writeAt() resolves with the count and rejects instead of throwing", async () => {
  const memory = new Uint8Array(EIGHT);
  const cursor = new Cursor(memory);
  assert.equal(await cursor.writeAt(new Uint8Array([0, 0]), 1), 2);
  assert.deepEqual(memory, new Uint8Array([1, 0, 0, 4, 5, 6, 7, 8]));
  const full = cursor.writeAt(new Uint8Array(3), 6);
  await assert.rejects(full, CursorFullError);
  const readOnly = new Cursor(memory, { readOnly: true }).writeAt(
    new Uint8Array(1),
    0,
  );
  await assert.rejects(readOnly, CursorReadOnlyError);
  cursor.close();
  const afterClose = cursor.writeAt(new Uint8Array(1), 0);
  await assert.rejects(afterClose, { name: "CursorClosedError" });
  assert.deepEqual(memory, new Uint8Array([1, 0, 0, 4, 5, 6, 7, 8]));
  assert.equal(cursor.position, 0);
});
