import assert from "node:assert/strict";
import fc from "fast-check";
import {
  Cursor,
  CursorClosedError,
  CursorFullError,
  CursorReadOnlyError,
  UnexpectedEofError,
} from "@iocursor/cursor";
import { detachedCursor, testEveryBacking } from "./_backing_test_util.ts";
import { byteCount, exactly } from "./_assert_test_util.ts";
import { params, RUNS } from "./_model_test_util.ts";
import { missing, otherRealm, requires } from "./_runtime_test_util.ts";

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

/**
 * A view decoded from a copy, `null` kept: browsers' `TextDecoder` refuses
 * views of shared or resizable memory.
 */
function text(view: Uint8Array | null): string | null {
  return view === null ? null : decoder.decode(view.slice());
}

/** The error of `action` on a closed cursor. */
function closed(action: string): (error: unknown) => true {
  return exactly(CursorClosedError, `Cannot ${action}: the cursor is closed`);
}

/** The error of `action` on a detached buffer. */
function detachedError(action: string): (error: unknown) => true {
  return exactly(
    TypeError,
    `Cannot ${action}: the underlying ArrayBuffer is detached`,
  );
}

function closedCursor(): Cursor {
  const cursor = new Cursor(new Uint8Array(8));
  cursor.close();
  return cursor;
}

// ---------------------------------------------------------------------------
// readLine

/** 16 bytes: "\r\n", a lone "\r", empty lines and no final terminator. */
const LINES = "ab\n\r\nc\rd\n\ne\r\nfgh";

testEveryBacking(
  "Cursor.readLine() ends lines at \\n and \\r\\n, not at a lone \\r",
  encoder.encode(LINES),
  ({ source }) => {
    const cursor = new Cursor(source);
    const expected: [string, number][] = [
      ["ab", 3],
      ["", 5],
      ["c\rd", 9],
      ["", 10],
      ["e", 13],
      ["fgh", 16],
    ];
    for (const [line, position] of expected) {
      assert.equal(text(cursor.readLine()), line);
      assert.equal(cursor.position, position);
    }
    assert.equal(cursor.readLine(), null);
    assert.equal(cursor.position, 16);
  },
);

testEveryBacking(
  "Cursor.readLine() returns views that alias the memory",
  encoder.encode("one\r\ntwo\nthree!!"),
  (backing) => {
    const cursor = new Cursor(backing.source);
    cursor.readLine();
    const line = cursor.readLine()!;
    assert.equal(line.byteLength, 3);
    backing.view()[5] = 0x54; // "T"
    assert.equal(text(line), "Two");
    assert.equal(line.buffer, backing.view().buffer);
  },
);

Deno.test("Cursor.readLine() ends with a terminator in the last bytes", () => {
  for (
    const [input, lines] of [
      ["ab\n", ["ab"]],
      ["ab\r\n", ["ab"]],
      ["\n", [""]],
      ["\r\n", [""]],
      ["\n\n", ["", ""]],
      ["ab\r", ["ab\r"]],
      ["\r", ["\r"]],
      ["\r\r\n", ["\r"]],
    ] as const
  ) {
    const cursor = new Cursor(encoder.encode(input));
    assert.deepEqual([...cursor.lines()].map(text), lines, input);
    assert.equal(cursor.position, input.length);
    assert.equal(cursor.readLine(), null);
  }
});

Deno.test("Cursor.readLine() does not look before the position for \\r", () => {
  const cursor = new Cursor(encoder.encode("a\r\nb"));
  cursor.position = 2;
  assert.equal(text(cursor.readLine()), "");
  assert.equal(cursor.position, 3);
  assert.equal(text(cursor.readLine()), "b");
  assert.equal(cursor.position, 4);
});

Deno.test("Cursor.readLine() returns null at and past the end", () => {
  assert.equal(new Cursor(new Uint8Array(0)).readLine(), null);
  const cursor = new Cursor(encoder.encode("ab"));
  cursor.position = 2;
  assert.equal(cursor.readLine(), null);
  cursor.position = 9;
  assert.equal(cursor.readLine(), null);
  assert.equal(cursor.position, 9);
});

Deno.test("Cursor.readLine() throws on a closed or detached cursor", () => {
  assert.throws(
    () => closedCursor().readLine(),
    exactly(CursorClosedError, "Cannot read a line: the cursor is closed"),
  );
  assert.throws(
    () => detachedCursor().readLine(),
    exactly(
      TypeError,
      "Cannot read a line: the underlying ArrayBuffer is detached",
    ),
  );
});

// ---------------------------------------------------------------------------
// lines

testEveryBacking(
  "Cursor.lines() yields what readLine() returns, advancing each step",
  encoder.encode(LINES),
  ({ source }) => {
    const cursor = new Cursor(source);
    const other = new Cursor(source);
    cursor.position = other.position = 3;
    const lines = cursor.lines();
    assert.equal(cursor.position, 3);
    assert.equal(lines[Symbol.iterator](), lines);
    for (const line of lines) {
      const expected = other.readLine()!;
      assert.deepEqual([...line], [...expected]);
      assert.equal(line.byteOffset, expected.byteOffset);
      assert.equal(cursor.position, other.position);
    }
    assert.equal(other.readLine(), null);
    assert.equal(cursor.position, 16);
  },
);

Deno.test("Cursor.lines() reads at each step from the position", () => {
  const cursor = new Cursor(encoder.encode(LINES));
  const lines = cursor.lines();
  assert.equal(cursor.position, 0);
  const first = lines.next();
  assert.equal(first.done, false);
  assert.equal(text(first.value as Uint8Array), "ab");
  assert.equal(cursor.position, 3);
  cursor.position = 10;
  const seen = [];
  for (const line of lines) seen.push([text(line), cursor.position]);
  assert.deepEqual(seen, [["e", 13], ["fgh", 16]]);
  assert.deepEqual(lines.next(), { done: true, value: undefined });
  assert.equal(cursor.position, 16);
});

Deno.test("Cursor.lines() of empty memory yields nothing", () => {
  assert.deepEqual([...new Cursor(new Uint8Array(0)).lines()], []);
});

Deno.test("Cursor.lines() throws on a closed cursor, at the call", () => {
  assert.throws(
    () => closedCursor().lines(),
    exactly(CursorClosedError, "Cannot read a line: the cursor is closed"),
  );
});

Deno.test("Cursor.lines() throws at the step after close()", () => {
  const cursor = new Cursor(encoder.encode("a\nb\n"));
  const lines = cursor.lines();
  assert.equal(text(lines.next().value as Uint8Array), "a");
  cursor.close();
  assert.throws(
    () => lines.next(),
    exactly(CursorClosedError, "Cannot read a line: the cursor is closed"),
  );
  assert.equal(cursor.position, 2);
});

Deno.test("Cursor.lines() throws at the first step when detached", () => {
  const lines = detachedCursor().lines();
  assert.throws(
    () => lines.next(),
    exactly(
      TypeError,
      "Cannot read a line: the underlying ArrayBuffer is detached",
    ),
  );
});

// ---------------------------------------------------------------------------
// readString

/** 16 bytes: 1-, 2-, 3- and 4-byte characters, then ASCII. */
const MIXED = "aé€😀xyzabc";

testEveryBacking(
  "Cursor.readString() decodes 1- to 4-byte characters and advances",
  encoder.encode(MIXED),
  ({ source }) => {
    const cursor = new Cursor(source);
    for (
      const [length, expected, position] of [
        [1, "a", 1],
        [2, "é", 3],
        [0, "", 3],
        [3, "€", 6],
        [4, "😀", 10],
        [6, "xyzabc", 16],
        [0, "", 16],
      ] as const
    ) {
      assert.equal(cursor.readString(length), expected);
      assert.equal(cursor.position, position);
    }
    assert.throws(
      () => cursor.readString(1),
      exactly(UnexpectedEofError, "Cannot decode 1 byte: only 0 bytes remain", {
        requested: 1,
        available: 0,
      }),
    );
    assert.equal(cursor.position, 16);
  },
);

testEveryBacking(
  "Cursor.readString() with { fatal: true } refuses invalid UTF-8 and stays put",
  [0x61, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xff, 0x62],
  ({ source }) => {
    const cursor = new Cursor(source);
    assert.equal(cursor.readString(3, { fatal: true }), "aé");
    // The last character is cut short, then a byte that is never UTF-8.
    for (const [length, at] of [[2, 3], [4, 3]] as const) {
      assert.throws(
        () => cursor.readString(length, { fatal: true }),
        exactly(
          TypeError,
          `Cannot decode ${length} bytes at position ${at}: invalid UTF-8`,
        ),
      );
      assert.equal(cursor.position, 3);
    }
    assert.equal(cursor.readString(3, { fatal: true }), "€");
    assert.throws(
      () => cursor.readString(1, { fatal: true }),
      exactly(TypeError, "Cannot decode 1 byte at position 6: invalid UTF-8"),
    );
    assert.equal(cursor.position, 6);
    assert.equal(cursor.readString(2, { fatal: false }), "\uFFFDb");
    assert.equal(cursor.position, 8);
  },
);

Deno.test("Cursor.readString() replaces invalid UTF-8 by default", () => {
  const cursor = new Cursor(Uint8Array.of(0xe2, 0x82, 0xac, 0xff, 0xc3));
  assert.equal(cursor.readString(2), "\uFFFD");
  assert.equal(cursor.readString(3), "\uFFFD\uFFFD\uFFFD");
  assert.equal(cursor.position, 5);
});

Deno.test("Cursor.readString() keeps a byte order mark", () => {
  const bom = Uint8Array.of(0xef, 0xbb, 0xbf, 0x41);
  assert.equal(new Cursor(bom).readString(4), "\uFEFFA");
  assert.equal(new Cursor(bom).readString(4, { fatal: true }), "\uFEFFA");
  const cursor = new Cursor(bom);
  assert.equal(cursor.readString(3), "\uFEFF");
  assert.equal(cursor.readString(1), "A");
  // Longer text, and memory that is not steady, take TextDecoder.
  const text = "\uFEFF" + "x".repeat(80);
  const long = encoder.encode(text);
  const resizable = new ArrayBuffer(4, { maxByteLength: 8 });
  new Uint8Array(resizable).set(bom);
  for (const fatal of [false, true]) {
    assert.equal(new Cursor(long).readString(83, { fatal }), text);
    assert.equal(new Cursor(resizable).readString(4, { fatal }), "\uFEFFA");
  }
});

Deno.test("Cursor.readString() decodes a snapshot of shared memory", () => {
  const memory = new Uint8Array(new SharedArrayBuffer(4));
  memory.set(encoder.encode("ping"));
  const cursor = new Cursor(memory);
  assert.equal(cursor.readString(4), "ping");
  assert.equal(memory.buffer instanceof SharedArrayBuffer, true);
});

Deno.test("Cursor.readString() of 0 bytes past the end is empty", () => {
  const cursor = new Cursor(encoder.encode("ab"));
  cursor.position = 7;
  assert.equal(cursor.readString(0), "");
  assert.equal(cursor.position, 7);
  assert.throws(
    () => cursor.readString(1),
    exactly(UnexpectedEofError, "Cannot decode 1 byte: only 0 bytes remain"),
  );
});

Deno.test("Cursor.readString() fails whole when fewer bytes remain", () => {
  const cursor = new Cursor(encoder.encode("abc"));
  cursor.position = 1;
  assert.throws(
    () => cursor.readString(3),
    exactly(UnexpectedEofError, "Cannot decode 3 bytes: only 2 bytes remain", {
      requested: 3,
      available: 2,
    }),
  );
  assert.equal(cursor.position, 1);
  assert.equal(cursor.readString(2), "bc");
});

Deno.test("Cursor.readString() rejects a bad byteLength or options.fatal, over fixed and resizable memory", () => {
  const resizable = new ArrayBuffer(6, { maxByteLength: 16 });
  new Uint8Array(resizable).set(encoder.encode("abcdef"));
  for (const memory of [encoder.encode("abcdef"), resizable]) {
    rejectsBadReadString(new Cursor(memory));
  }
});

/** Checks what `readString()` refuses, on a cursor over "abcdef". */
function rejectsBadReadString(cursor: Cursor): void {
  cursor.position = 1;
  const cases: [unknown, unknown, ErrorConstructor, string][] = [
    ["2", undefined, TypeError, 'byteLength must be a number, received "2"'],
    [2n, undefined, TypeError, "byteLength must be a number, received 2n"],
    [
      undefined,
      undefined,
      TypeError,
      "byteLength must be a number, received undefined",
    ],
    [
      -1,
      undefined,
      RangeError,
      "byteLength must be a non-negative safe integer, received -1",
    ],
    [
      1.5,
      undefined,
      RangeError,
      "byteLength must be a non-negative safe integer, received 1.5",
    ],
    [
      NaN,
      undefined,
      RangeError,
      "byteLength must be a non-negative safe integer, received NaN",
    ],
    [
      Infinity,
      undefined,
      RangeError,
      "byteLength must be a non-negative safe integer, received Infinity",
    ],
    [
      2 ** 53,
      undefined,
      RangeError,
      "byteLength must be a non-negative safe integer, received 9007199254740992",
    ],
    [
      2,
      { fatal: "yes" },
      TypeError,
      'options.fatal must be a boolean, received "yes"',
    ],
    [2, { fatal: 1 }, TypeError, "options.fatal must be a boolean, received 1"],
  ];
  for (const [byteLength, options, ErrorClass, reason] of cases) {
    assert.throws(
      () =>
        cursor.readString(
          byteLength as number,
          options as { fatal?: boolean },
        ),
      exactly(ErrorClass, `Cannot decode: ${reason}`),
    );
    assert.equal(cursor.position, 1);
  }
  assert.equal(cursor.readString(2, {}), "bc");
  assert.equal(cursor.readString(1, { fatal: undefined } as never), "d");
}

Deno.test("Cursor.readString() throws on a closed or detached cursor", () => {
  assert.throws(
    () => closedCursor().readString("x" as never),
    exactly(CursorClosedError, "Cannot decode: the cursor is closed"),
  );
  for (const length of [0, 1]) {
    assert.throws(
      () => detachedCursor().readString(length),
      exactly(
        TypeError,
        "Cannot decode: the underlying ArrayBuffer is detached",
      ),
    );
  }
});

// ---------------------------------------------------------------------------
// writeString

/**
 * Texts with every kind of UTF-16 code unit: ASCII, 2- and 3-byte characters,
 * surrogate pairs (4 bytes) and lone surrogates (written as U+FFFD, 3 bytes)
 * first, last and next to pairs.
 */
const TEXTS = [
  "a",
  "abc",
  "é",
  "aé",
  "€",
  "a€",
  "😀",
  "a😀",
  "😀a",
  "\ud800",
  "\udc00",
  "a\ud83d",
  "\ude00a",
  "\ude00\ud83d",
  "\ud83d\ud83d\ude00",
  "\ud83d\ude00\ude00",
  "\ud800\udc00",
  "\udbff\udfff",
  "\u007f\u0080\u07ff\u0800\uffff",
  "x".repeat(20),
  "é".repeat(7) + "€".repeat(5) + "😀".repeat(3),
];

Deno.test(
  "Cursor.writeString() writes text that exactly fits, and nothing when one byte short",
  () => {
    const GAP = 3;
    const FILL = 0xee;
    for (const input of TEXTS) {
      const expected = encoder.encode(input);
      const size = expected.byteLength;
      // Exact fit, one byte short, and room for the fast path.
      for (const room of [size, size - 1, 3 * input.length, size + 1]) {
        const memory = new Uint8Array(GAP + room).fill(FILL);
        const cursor = new Cursor(memory);
        cursor.position = GAP;
        const label = `${JSON.stringify(input)} into ${room} bytes`;
        if (room < size) {
          assert.throws(
            () => cursor.writeString(input),
            exactly(
              CursorFullError,
              `Cannot write ${byteCount(size)}: there is room for ${
                byteCount(room)
              } before the end`,
              { requested: size, available: room },
            ),
            label,
          );
          assert.deepEqual(memory, new Uint8Array(GAP + room).fill(FILL));
          assert.equal(cursor.position, GAP, label);
        } else {
          assert.equal(cursor.writeString(input), size, label);
          assert.deepEqual(memory.subarray(GAP, GAP + size), expected, label);
          assert.equal(memory[GAP - 1], FILL, label);
          assert.ok(memory.subarray(GAP + size).every((b) => b === FILL));
          assert.equal(cursor.position, GAP + size, label);
        }
      }
    }
  },
);

testEveryBacking(
  "Cursor.writeString() writes UTF-8 into the memory and advances",
  new Uint8Array(16),
  (backing) => {
    const cursor = new Cursor(backing.source);
    assert.equal(cursor.writeString("aé€😀"), 10);
    assert.equal(cursor.position, 10);
    assert.equal(cursor.writeString(""), 0);
    assert.equal(cursor.position, 10);
    assert.equal(cursor.writeString("xyzabc"), 6);
    assert.equal(cursor.position, 16);
    assert.deepEqual([...backing.view()], [...encoder.encode(MIXED)]);
  },
);

testEveryBacking(
  "Cursor.writeString() grows memory that can grow, else changes nothing",
  encoder.encode("12345678"),
  (backing) => {
    const cursor = new Cursor(backing.source);
    cursor.position = 6;
    if (backing.growth === 0) {
      assert.throws(
        () => cursor.writeString("€"),
        exactly(
          CursorFullError,
          "Cannot write 3 bytes: there is room for 2 bytes before the end",
        ),
      );
      assert.equal(text(backing.view()), "12345678");
      assert.equal(cursor.position, 6);
      return;
    }
    assert.equal(cursor.writeString("€"), 3);
    assert.equal(text(backing.view()), "123456€");
    cursor.position = 12;
    assert.equal(cursor.writeString("é"), 2);
    assert.equal(text(backing.view()), "123456€\0\0\0é");
    assert.equal(cursor.position, 14);
    const room = 8 + backing.growth - 14;
    assert.throws(
      () => cursor.writeString("x".repeat(room - 1) + "é"),
      exactly(
        CursorFullError,
        `Cannot write ${
          room + 1
        } bytes: there is room for ${room} bytes before the end`,
      ),
    );
    assert.equal(backing.view().byteLength, 14);
    assert.equal(cursor.writeString("x".repeat(room - 2) + "é"), room);
    assert.equal(backing.view().byteLength, 8 + backing.growth);
  },
);

Deno.test("Cursor.writeString() of an empty string works past the end", () => {
  const memory = new Uint8Array(2);
  const cursor = new Cursor(memory);
  cursor.position = 5;
  assert.equal(cursor.writeString(""), 0);
  assert.equal(cursor.position, 5);
  assert.throws(
    () => cursor.writeString("a"),
    exactly(
      CursorFullError,
      "Cannot write 1 byte: there is room for 0 bytes before the end",
    ),
  );
  assert.deepEqual(memory, new Uint8Array(2));
});

Deno.test("Cursor.writeString() rejects what is not a string", () => {
  const memory = new Uint8Array(8);
  const cursor = new Cursor(memory);
  for (
    const [value, shown] of [
      [5, "5"],
      [null, "null"],
      [undefined, "undefined"],
      [new String("a"), "an instance of String"],
      [encoder.encode("a"), "an instance of Uint8Array"],
    ] as const
  ) {
    assert.throws(
      () => cursor.writeString(value as unknown as string),
      exactly(
        TypeError,
        `Cannot write: text must be a string, received ${shown}`,
      ),
    );
  }
  assert.deepEqual(memory, new Uint8Array(8));
  assert.equal(cursor.position, 0);
});

Deno.test("Cursor.writeString() throws on a closed, read-only or detached cursor", () => {
  assert.throws(
    () => closedCursor().writeString(5 as never),
    exactly(CursorClosedError, "Cannot write: the cursor is closed"),
  );
  const memory = new Uint8Array(8);
  assert.throws(
    () => new Cursor(memory, { readOnly: true }).writeString(5 as never),
    exactly(CursorReadOnlyError, "Cannot write: the cursor is read-only"),
  );
  assert.deepEqual(memory, new Uint8Array(8));
  for (const input of ["", "a"]) {
    assert.throws(
      () => detachedCursor().writeString(input),
      exactly(
        TypeError,
        "Cannot write: the underlying ArrayBuffer is detached",
      ),
    );
  }
});

Deno.test("Cursor.writeString() and readString() round-trip every text", () => {
  const memory = new Uint8Array(256);
  const cursor = new Cursor(memory);
  const sizes = TEXTS.map((input) => cursor.writeString(input));
  cursor.position = 0;
  for (const [i, input] of TEXTS.entries()) {
    assert.equal(cursor.readString(sizes[i]!), input.toWellFormed());
  }
});

// ---------------------------------------------------------------------------
// Where the engine decodes and encodes

/**
 * Whether browsers let `TextDecoder`/`TextEncoder` work on a view of
 * `buffer` in place: not for a `SharedArrayBuffer` or a resizable
 * `ArrayBuffer` (WebIDL without `[AllowShared]`/`[AllowResizable]`).
 */
function isPlainBuffer(buffer: ArrayBufferLike): boolean {
  // Browsers check the internal slots: an ArrayBuffer of any realm passes.
  return Object.prototype.toString.call(buffer) === "[object ArrayBuffer]" &&
    !(buffer as ArrayBuffer).resizable;
}

/**
 * Runs `fn` with `TextDecoder.prototype.decode` and
 * `TextEncoder.prototype.encodeInto` refusing views of shared or resizable
 * memory as Chromium does, on every runtime, and returns the buffers that
 * the engine was handed.
 */
function withBrowserText(fn: () => void): {
  decoded: ArrayBufferLike[];
  encodedInto: ArrayBufferLike[];
  encoded: number;
} {
  const decode = TextDecoder.prototype.decode;
  const encodeInto = TextEncoder.prototype.encodeInto;
  const encode = TextEncoder.prototype.encode;
  const seen = {
    decoded: [] as ArrayBufferLike[],
    encodedInto: [] as ArrayBufferLike[],
    encoded: 0,
  };
  const refuse = (view: Uint8Array): void => {
    if (!isPlainBuffer(view.buffer)) {
      throw new TypeError(
        "The provided ArrayBufferView value must not be shared or resizable",
      );
    }
  };
  TextDecoder.prototype.decode = function (input, options) {
    const view = input as Uint8Array;
    seen.decoded.push(view.buffer);
    refuse(view);
    return decode.call(this, view, options);
  };
  TextEncoder.prototype.encodeInto = function (text, target) {
    seen.encodedInto.push(target.buffer);
    refuse(target);
    return encodeInto.call(this, text, target);
  };
  TextEncoder.prototype.encode = function (text) {
    seen.encoded++;
    return encode.call(this, text);
  };
  try {
    fn();
  } finally {
    TextDecoder.prototype.decode = decode;
    TextEncoder.prototype.encodeInto = encodeInto;
    TextEncoder.prototype.encode = encode;
  }
  return seen;
}

/**
 * More than the 64 bytes and code units that readString() and writeString()
 * take in JavaScript: 77 code units, 112 bytes.
 */
const LONG = MIXED.repeat(7);

testEveryBacking(
  "Cursor.readString() decodes plain memory in place and other memory from a copy",
  encoder.encode(LONG + LONG),
  (backing) => {
    const cursor = new Cursor(backing.source);
    const memory = backing.view().buffer;
    const seen = withBrowserText(() => {
      assert.equal(cursor.readString(112), LONG);
      assert.equal(cursor.readString(112, { fatal: true }), LONG);
    });
    assert.equal(cursor.position, 224);
    assert.equal(seen.decoded.length, 2);
    for (const buffer of seen.decoded) {
      // In place: the decoder was given the caller's own buffer.
      assert.equal(buffer === memory, isPlainBuffer(memory));
    }
  },
);

testEveryBacking(
  "Cursor.readString() decodes up to 64 bytes of valid UTF-8 without TextDecoder where the memory is steady",
  encoder.encode(MIXED + "\u{10ffff}\uffff" + "x".repeat(42)),
  (backing) => {
    const cursor = new Cursor(backing.source);
    const seen = withBrowserText(() => {
      assert.equal(cursor.readString(16), MIXED);
      assert.equal(cursor.readString(7), "\u{10ffff}\uffff");
      assert.equal(cursor.readString(41, { fatal: true }), "x".repeat(41));
    });
    assert.equal(cursor.position, 64);
    // Memory that is not steady (resizable, growable) takes TextDecoder.
    const steady = !(backing.view().buffer as { resizable?: boolean })
      .resizable &&
      !(backing.view().buffer as { growable?: boolean }).growable;
    assert.equal(seen.decoded.length, steady ? 0 : 3);
  },
);

testEveryBacking(
  "Cursor.writeString() encodes into plain memory in place and into other memory from a copy",
  new Uint8Array(224),
  (backing) => {
    const cursor = new Cursor(backing.source);
    const memory = backing.view().buffer;
    const seen = withBrowserText(() => {
      assert.equal(cursor.writeString(LONG), 112);
      assert.equal(cursor.writeString(LONG), 112);
    });
    assert.equal(cursor.position, 224);
    assert.deepEqual([...backing.view()], [...encoder.encode(LONG + LONG)]);
    if (isPlainBuffer(memory)) {
      assert.deepEqual(seen.encodedInto, [memory, memory]);
      assert.equal(seen.encoded, 0);
    } else {
      assert.deepEqual(seen.encodedInto, []);
      assert.equal(seen.encoded, 2);
    }
  },
);

testEveryBacking(
  "Cursor.writeString() with room for 3 bytes a code unit encodes into plain memory in place and into other memory from a copy",
  new Uint8Array(3 * 77 + 1),
  (backing) => {
    const cursor = new Cursor(backing.source);
    cursor.position = 1;
    const memory = backing.view().buffer;
    const seen = withBrowserText(() => {
      assert.equal(cursor.writeString(LONG), 112);
    });
    assert.equal(cursor.position, 113);
    assert.deepEqual(
      [...backing.view().subarray(0, 113)],
      [0, ...encoder.encode(LONG)],
    );
    // Steady shared memory is written through a copy too, as browsers
    // refuse to encode into it.
    if (isPlainBuffer(memory)) {
      assert.deepEqual(seen.encodedInto, [memory]);
      assert.equal(seen.encoded, 0);
    } else {
      assert.deepEqual(seen.encodedInto, []);
      assert.equal(seen.encoded, 1);
    }
  },
);

testEveryBacking(
  "Cursor.writeString() encodes short text without TextEncoder where the memory is steady, but for ASCII of more than 32 characters",
  new Uint8Array(16 + 7 + 32 + 64),
  (backing) => {
    const cursor = new Cursor(backing.source);
    const text = MIXED + "\u{10ffff}\uffff" + "y".repeat(32) + "x".repeat(64);
    const seen = withBrowserText(() => {
      assert.equal(cursor.writeString(MIXED), 16);
      assert.equal(cursor.writeString("\u{10ffff}\uffff"), 7);
      assert.equal(cursor.writeString("y".repeat(32)), 32);
      assert.equal(cursor.writeString("x".repeat(64)), 64);
    });
    assert.equal(cursor.position, 16 + 7 + 32 + 64);
    assert.deepEqual([...backing.view()], [...encoder.encode(text)]);
    const buffer = backing.view().buffer as {
      resizable?: boolean;
      growable?: boolean;
    };
    const steady = !buffer.resizable && !buffer.growable;
    assert.equal(seen.encodedInto.length + seen.encoded, steady ? 1 : 4);
  },
);

Deno.test("Cursor.readString() decodes the first and last code point of each UTF-8 length, and a sequence that ends the text, without TextDecoder", () => {
  const texts = [
    "\u0080",
    "a\u07ff",
    "\u0800",
    "a\uffff",
    "\u{10000}",
    "a\u{10ffff}",
    "é",
    "x😀",
  ];
  for (const text of texts) {
    const bytes = encoder.encode(text);
    const cursor = new Cursor(bytes);
    const seen = withBrowserText(() => {
      assert.equal(cursor.readString(bytes.byteLength), text);
    });
    assert.equal(cursor.position, bytes.byteLength);
    assert.equal(seen.decoded.length, 0, JSON.stringify(text));
  }
});

Deno.test("Cursor.writeString() hands TextEncoder text of more than 64 code units, or of more than 32 that starts with 4 ASCII characters, and nothing else", () => {
  const ascii = (count: number) => "x".repeat(count);
  const cases: [string, number][] = [
    [ascii(32), 0],
    [ascii(33), 1],
    ["é" + ascii(63), 0],
    ["é".repeat(65), 1],
    ["\u007f\u007f\u007f\u007f" + "é".repeat(29), 1],
    ["\u0080" + ascii(40), 0],
    ["x\u0080" + ascii(40), 0],
    ["xx\u0080" + ascii(40), 0],
    ["xxx\u0080" + ascii(40), 0],
  ];
  for (const [text, calls] of cases) {
    const expected = encoder.encode(text);
    const memory = new Uint8Array(3 * text.length);
    const cursor = new Cursor(memory);
    const seen = withBrowserText(() => {
      assert.equal(cursor.writeString(text), expected.byteLength);
    });
    assert.deepEqual(
      [...memory.subarray(0, cursor.position)],
      [...expected],
    );
    assert.equal(
      seen.encodedInto.length + seen.encoded,
      calls,
      JSON.stringify(text),
    );
  }
});

Deno.test(requires(missing.otherRealm, {
  name:
    "Cursor.readString() and writeString() decode and encode another realm's ArrayBuffer in place",
  fn() {
    const memory = otherRealm!("new Uint8Array(200)") as Uint8Array;
    const cursor = new Cursor(memory);
    const text = "é".repeat(100);
    const seen = withBrowserText(() => {
      assert.equal(cursor.writeString(text), 200);
      cursor.position = 0;
      assert.equal(cursor.readString(200), text);
    });
    assert.deepEqual(seen.encodedInto, [memory.buffer]);
    assert.deepEqual(seen.decoded, [memory.buffer]);
    assert.equal(seen.encoded, 0);
  },
}));

// ---------------------------------------------------------------------------
// The JavaScript fast paths against TextDecoder and TextEncoder

/**
 * `point` encoded in `size` UTF-8 bytes, whatever it takes: overlong,
 * surrogate and too-large encodings come out as they would be written.
 */
function encodeAs(point: number, size: number): number[] {
  if (size === 1) return [point & 0x7f];
  const bytes: number[] = [];
  for (let i = size - 1; i > 0; i--) {
    bytes.unshift(0x80 | ((point >> (6 * (size - 1 - i))) & 0x3f));
  }
  const lead = [0, 0, 0xc0, 0xe0, 0xf0][size]!;
  return [lead | (point >> (6 * (size - 1))), ...bytes];
}

/** How many bytes UTF-8 takes for `point`. */
function sizeOf(point: number): number {
  return point < 0x80 ? 1 : point < 0x800 ? 2 : point < 0x10000 ? 3 : 4;
}

/** A code point as UTF-8 writes it. */
const validPiece: fc.Arbitrary<number[]> = fc.oneof(
  fc.integer({ min: 0, max: 0x7f }).map((b) => [b]),
  ...[0x80, 0x800, 0x10000].map((min, i) =>
    fc.integer({ min, max: [0x7ff, 0xffff, 0x10ffff][i]! })
      .filter((p) => p < 0xd800 || p > 0xdfff)
      .map((p) => encodeAs(p, sizeOf(p)))
  ),
);

/** A byte that cannot continue a sequence: one outside 0x80-0xBF. */
const notContinuing: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0x00, 0x7f, 0xc0, 0xc1, 0xe0, 0xf0, 0xff),
  fc.integer({ min: 0, max: 0xff }).filter((b) => b < 0x80 || b > 0xbf),
);

/** A sequence of more than one byte cut short. */
const cutPiece: fc.Arbitrary<number[]> = fc.tuple(validPiece, fc.nat(3))
  .filter(([piece]) => piece.length > 1)
  .map(([piece, at]) => piece.slice(0, 1 + (at % (piece.length - 1))));

/** What UTF-8 does not allow, the way decoders meet it. */
const invalidPiece: fc.Arbitrary<number[]> = fc.oneof(
  // Surrogates.
  fc.integer({ min: 0xd800, max: 0xdfff }).map((p) => encodeAs(p, 3)),
  // Overlong: a code point in more bytes than it needs.
  fc.integer({ min: 2, max: 4 }).chain((size) =>
    fc.integer({ min: 0, max: [0, 0, 0x7f, 0x7ff, 0xffff][size]! })
      .map((p) => encodeAs(p, size))
  ),
  // Past U+10FFFF.
  fc.integer({ min: 0x110000, max: 0x1fffff }).map((p) => encodeAs(p, 4)),
  // A sequence with a byte that does not continue it.
  fc.tuple(validPiece, fc.nat(3), notContinuing)
    .filter(([piece]) => piece.length > 1)
    .map(([piece, at, byte]) => {
      const i = 1 + (at % (piece.length - 1));
      return [...piece.slice(0, i), byte];
    }),
  // A lone byte that cannot start a sequence, or a lead byte past 0xF4.
  fc.oneof(
    fc.constantFrom(0x80, 0xbf, 0xc0, 0xc1),
    fc.integer({ min: 0x80, max: 0xc1 }),
  ).map((b) => [b]),
  fc.integer({ min: 0xf5, max: 0xff }).chain((lead) =>
    fc.array(fc.integer({ min: 0x80, max: 0xbf }), { maxLength: 3 })
      .map((rest) => [lead, ...rest])
  ),
);

/**
 * Bytes that exercise every branch of the UTF-8 decoder: valid text with at
 * most one flaw (so that the flaw alone decides), text with lone surrogates
 * as TextEncoder writes it, and any bytes.
 */
const utf8ish: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.tuple(
    fc.array(validPiece, { maxLength: 12, size: "max" }),
    fc.option(fc.oneof(invalidPiece, cutPiece), { freq: 2 }),
    fc.nat(),
  ).map(([pieces, flaw, at]) => {
    if (flaw !== null) pieces.splice(at % (pieces.length + 1), 0, flaw);
    return Uint8Array.from(pieces.flat());
  }),
  // A sequence cut short at the very end, after the bytes there are.
  fc.tuple(fc.array(validPiece, { maxLength: 8, size: "max" }), cutPiece)
    .map(([pieces, cut]) => Uint8Array.from([...pieces.flat(), ...cut])),
  // Up to 70 bytes of ASCII (16 and less take their own path, 17 to 64 the
  // runtime's Buffer decoder) with at most one byte that is not.
  fc.tuple(
    fc.array(fc.integer({ min: 0, max: 0x7f }), {
      maxLength: 70,
      size: "max",
    }),
    fc.option(fc.integer({ min: 0x80, max: 0xff })),
    fc.nat(),
  ).map(([ascii, other, at]) => {
    if (other !== null) ascii.splice(at % (ascii.length + 1), 0, other);
    return Uint8Array.from(ascii);
  }),
  fc.string({ unit: "binary", maxLength: 20, size: "max" }).map((text) =>
    encoder.encode(text)
  ),
  fc.uint8Array({ maxLength: 70, size: "max" }),
);

Deno.test("Cursor.readString() of up to 16 ASCII bytes reads them alone, far from the end of memory and near it", () => {
  const text = "0123456789abcdefXYZ";
  const memory = new TextEncoder().encode(text + "\u00e9".repeat(10));
  const cursor = new Cursor(memory);
  for (let count = 1; count <= 16; count++) {
    // 16 bytes or more from the position, and fewer than 16 to the end.
    for (const at of [0, 3, memory.byteLength - count]) {
      const bytes = memory.subarray(at, at + count);
      if (bytes.some((byte) => byte > 0x7f)) continue;
      cursor.position = at;
      assert.equal(cursor.readString(count), new TextDecoder().decode(bytes));
      assert.equal(cursor.position, at + count);
    }
  }
  // A last ASCII run shorter than 16 bytes, at the very end.
  const tail = new TextEncoder().encode("\u00e9".repeat(8) + "tail");
  const end = new Cursor(tail);
  end.position = tail.byteLength - 4;
  assert.equal(end.readString(4), "tail");
});

/**
 * Runs `fn` with the runtime's `Buffer.prototype.utf8Slice` replaced by
 * `replacement` (`undefined` leaves the runtime without one), and returns
 * the `[start, end]` of each call the replacement got.
 */
function withUtf8Slice(
  replacement: "record" | undefined,
  fn: () => void,
): [number, number][] {
  const prototype = Buffer.prototype as { utf8Slice?: unknown };
  const original = prototype.utf8Slice as (
    this: Uint8Array,
    start: number,
    end: number,
  ) => string;
  const calls: [number, number][] = [];
  prototype.utf8Slice = replacement === undefined
    ? undefined
    : function (this: Uint8Array, start: number, end: number): string {
      calls.push([start, end]);
      return original.call(this, start, end);
    };
  try {
    fn();
  } finally {
    prototype.utf8Slice = original;
  }
  return calls;
}

/**
 * ASCII of 17 to 64 bytes at the start, in the middle and at the end of
 * memory whose other bytes are ASCII too or not, with where each text starts.
 */
function longAscii(): { memory: Uint8Array; at: number; count: number }[] {
  const cases = [];
  for (let count = 17; count <= 64; count++) {
    for (const [before, other] of [[0, 0xe9], [5, 0x7e]] as const) {
      for (const after of [0, 3]) {
        const memory = new Uint8Array(before + count + after).fill(other);
        for (let i = 0; i < count; i++) memory[before + i] = 0x20 + i;
        cases.push({ memory, at: before, count });
      }
    }
  }
  return cases;
}

Deno.test("Cursor.readString() of 17 to 64 ASCII bytes decodes them as TextDecoder does, wherever they lie", () => {
  for (const { memory, at, count } of longAscii()) {
    const cursor = new Cursor(memory);
    cursor.position = at;
    const expected = decoder.decode(memory.subarray(at, at + count));
    assert.equal(cursor.readString(count), expected);
    assert.equal(cursor.position, at + count);
  }
});

Deno.test(requires(missing.nodeBuffer, {
  name:
    "Cursor.readString() hands 17 to 64 ASCII bytes to the runtime's Buffer.prototype.utf8Slice, once, where they lie",
  fn() {
    for (const { memory, at, count } of longAscii()) {
      const cursor = new Cursor(memory);
      cursor.position = at;
      let text = "";
      const calls = withUtf8Slice("record", () => {
        text = cursor.readString(count);
      });
      assert.deepEqual(calls, [[at, at + count]]);
      assert.equal(text, decoder.decode(memory.subarray(at, at + count)));
    }
  },
}));

Deno.test(requires(missing.nodeBuffer, {
  name:
    "Cursor.readString() hands the runtime's Buffer.prototype.utf8Slice no text with a byte that is not ASCII, nor 16 bytes or fewer",
  fn() {
    const texts: Uint8Array[] = [];
    for (let count = 1; count <= 64; count++) {
      const ascii = new Uint8Array(count).fill(0x41);
      if (count <= 16) texts.push(ascii);
      // One byte of 0x80 or more at the first, middle or last place.
      for (const place of [0, count >> 1, count - 1]) {
        for (const other of [0x80, 0xc3, 0xff]) {
          const text = ascii.slice();
          text[place] = other;
          texts.push(text);
        }
      }
    }
    for (const text of texts) {
      // Far from the start of memory, as a count of 16 or fewer is told
      // apart from the start and end of the text.
      const memory = new Uint8Array(20 + text.byteLength).fill(0xe9);
      memory.set(text, 20);
      const cursor = new Cursor(memory);
      cursor.position = 20;
      let read = "";
      const calls = withUtf8Slice("record", () => {
        read = cursor.readString(text.byteLength);
      });
      assert.deepEqual(calls, [], JSON.stringify([...text]));
      assert.equal(read, decoder.decode(text));
    }
  },
}));

Deno.test(requires(missing.nodeBuffer, {
  name:
    "Cursor.readString() decodes 17 to 64 ASCII bytes without TextDecoder when Buffer has no utf8Slice, as in a browser",
  fn() {
    for (const { memory, at, count } of longAscii()) {
      const cursor = new Cursor(memory);
      cursor.position = at;
      let text = "";
      const seen = withBrowserText(() => {
        withUtf8Slice(undefined, () => {
          text = cursor.readString(count);
        });
      });
      assert.equal(seen.decoded.length, 0);
      assert.equal(text, decoder.decode(memory.subarray(at, at + count)));
    }
  },
}));

Deno.test("Cursor.readString() decodes what TextDecoder decodes, or fails where it fails with fatal", () => {
  const lenient = new TextDecoder("utf-8", { ignoreBOM: true });
  const strict = new TextDecoder("utf-8", { ignoreBOM: true, fatal: true });
  fc.assert(
    fc.property(utf8ish, fc.nat(8), (bytes, offset) => {
      // At an offset inside larger memory, as a parser reads it.
      // Continuation bytes around it: a decoder that reads past either end
      // would take them.
      const memory = new Uint8Array(offset + bytes.byteLength + 3).fill(0x9f);
      memory.set(bytes, offset);
      const cursor = new Cursor(memory);
      cursor.position = offset;
      assert.equal(cursor.readString(bytes.byteLength), lenient.decode(bytes));
      cursor.position = offset;
      let expected: string | undefined;
      try {
        expected = strict.decode(bytes);
      } catch {
        expected = undefined;
      }
      if (expected === undefined) {
        assert.throws(
          () => cursor.readString(bytes.byteLength, { fatal: true }),
          TypeError,
        );
        assert.equal(cursor.position, offset);
      } else {
        assert.equal(
          cursor.readString(bytes.byteLength, { fatal: true }),
          expected,
        );
        assert.equal(cursor.position, offset + bytes.byteLength);
      }
    }),
    { ...params, numRuns: Math.max(RUNS, 1000) },
  );
});

Deno.test("Cursor.readString() decodes every 2-byte input and every boundary of longer sequences as TextDecoder does", () => {
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  const edges = [0x00, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xff];
  const inputs: number[][] = [];
  for (let lead = 0; lead < 256; lead++) {
    for (let next = 0; next < 256; next++) inputs.push([lead, next]);
    if (lead < 0xe0) continue;
    for (const second of edges) {
      for (const third of edges) {
        inputs.push([lead, second, third]);
        if (lead < 0xf0) continue;
        for (const fourth of edges) inputs.push([lead, second, third, fourth]);
      }
    }
  }
  // Continuation bytes around each input: a decoder that reads past its end
  // would take them.
  const memory = new Uint8Array(6);
  for (const input of inputs) {
    const bytes = Uint8Array.from(input);
    memory.fill(0xbf).set(bytes, 1);
    const cursor = new Cursor(memory.subarray(1, 1 + bytes.byteLength));
    const text = cursor.readString(bytes.byteLength);
    if (text !== decoder.decode(bytes)) {
      assert.fail(
        `[${input.map((b) => b.toString(16))}]: ${JSON.stringify(text)}`,
      );
    }
  }
});

Deno.test("Cursor.writeString() writes what TextEncoder writes, lone surrogates included", () => {
  fc.assert(
    fc.property(
      fc.string({ unit: "binary", maxLength: 80, size: "max" }),
      fc.nat(8),
      (text, offset) => {
        const expected = encoder.encode(text);
        const memory = new Uint8Array(offset + 3 * text.length + 2).fill(0xa5);
        const cursor = new Cursor(memory);
        cursor.position = offset;
        assert.equal(cursor.writeString(text), expected.byteLength);
        assert.equal(cursor.position, offset + expected.byteLength);
        assert.deepEqual(
          memory.subarray(offset, offset + expected.byteLength),
          expected,
        );
        // Nothing before or after the text changed.
        assert(memory.subarray(0, offset).every((b) => b === 0xa5));
        assert(
          memory.subarray(offset + expected.byteLength).every((b) =>
            b === 0xa5
          ),
        );
      },
    ),
    {
      ...params,
      numRuns: Math.max(RUNS, 1000),
      // The edges of the surrogate ranges, paired and alone.
      examples: [
        ["\ud800\udc00", 0],
        ["\udbff\udfff", 1],
        ["\udc00\udc00", 2],
        ["\udbff\udbff\udfff", 0],
        ["\ud7ff\ue000\ud800", 3],
        ["\udfff", 0],
        ["\u07ff\u0800\u007f\u0080\uffff", 0],
      ],
    },
  );
});

Deno.test("Cursor.writeString() writes text that starts with ASCII as TextEncoder does, into an ArrayBuffer and a SharedArrayBuffer", () => {
  // Text of 33 to 64 code units that starts with 4 ASCII characters goes to
  // TextEncoder.encodeInto(), the rest of short text is encoded in JavaScript.
  const ascii = fc.string({
    unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)),
    minLength: 0,
    maxLength: 8,
  });
  const rest = fc.string({ unit: "binary", maxLength: 72, size: "max" });
  fc.assert(
    fc.property(ascii, rest, fc.boolean(), (head, tail, shared) => {
      const text = head + tail;
      const expected = encoder.encode(text);
      const size = 3 * text.length + 1;
      const memory = new Uint8Array(
        shared ? new SharedArrayBuffer(size) : new ArrayBuffer(size),
      ).fill(0xa5);
      const cursor = new Cursor(memory);
      cursor.position = 1;
      assert.equal(cursor.writeString(text), expected.byteLength);
      assert.deepEqual(
        memory.slice(1, 1 + expected.byteLength),
        expected,
      );
      assert.equal(memory[0], 0xa5);
      assert(memory.subarray(1 + expected.byteLength).every((b) => b === 0xa5));
    }),
    {
      ...params,
      numRuns: Math.max(RUNS, 1000),
      examples: [
        ["abcd", "é".repeat(29), false],
        ["abcd", "\ud800" + "x".repeat(28), true],
        ["abc", "é" + "x".repeat(29), false],
        ["", "x".repeat(64), true],
      ],
    },
  );
});

// ---------------------------------------------------------------------------
// Lines as strings

/** The lines of `bytes` as readLine() and TextDecoder give them. */
function decodedLines(bytes: Uint8Array): { lines: string[]; ends: number[] } {
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  const cursor = new Cursor(bytes.slice());
  const lines: string[] = [];
  const ends: number[] = [];
  for (const line of cursor.lines()) {
    lines.push(decoder.decode(line));
    ends.push(cursor.position);
  }
  return { lines, ends };
}

/** Text of lines: pieces of UTF-8 (valid or not), "\n", "\r\n" and "\r". */
const linesText: fc.Arbitrary<Uint8Array> = fc.array(
  fc.oneof(
    { weight: 6, arbitrary: utf8ish },
    {
      weight: 3,
      arbitrary: fc.constantFrom("\n", "\r\n", "\r", "\n\n").map((t) =>
        encoder.encode(t)
      ),
    },
  ),
  { maxLength: 12, size: "max" },
).map((parts) => Uint8Array.from(parts.flatMap((part) => [...part])));

for (const steady of [true, false]) {
  const kind = steady ? "steady memory" : "a resizable ArrayBuffer";
  /** A cursor over `bytes` in the kind of memory named above. */
  const over = (bytes: Uint8Array): Cursor => {
    if (steady) return new Cursor(bytes.slice());
    const buffer = new ArrayBuffer(bytes.byteLength, {
      maxByteLength: bytes.byteLength + 8,
    });
    new Uint8Array(buffer).set(bytes);
    return new Cursor(buffer);
  };

  Deno.test(`Cursor.readTextLine() and textLines() give the lines readLine() gives, decoded, over ${kind}`, () => {
    fc.assert(
      fc.property(linesText, (bytes) => {
        const { lines, ends } = decodedLines(bytes);
        const reader = over(bytes);
        for (const [i, line] of lines.entries()) {
          assert.equal(reader.readTextLine(), line);
          assert.equal(reader.position, ends[i]);
        }
        assert.equal(reader.readTextLine(), null);
        const iterated = over(bytes);
        let i = 0;
        for (const line of iterated.textLines()) {
          assert.equal(line, lines[i]);
          assert.equal(iterated.position, ends[i]);
          i++;
        }
        assert.equal(i, lines.length);
      }),
      { ...params, numRuns: Math.max(RUNS, 500) },
    );
  });

  Deno.test(`Cursor.readTextLine() and textLines() with fatal stop at the first line that is not UTF-8, over ${kind}`, () => {
    const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    fc.assert(
      fc.property(linesText, (bytes) => {
        const { lines, ends } = decodedLines(bytes);
        // The index of the first line that does not decode, and its start.
        const lineBytes = [...new Cursor(bytes.slice()).lines()];
        const bad = lineBytes.findIndex((line) => {
          try {
            strict.decode(line);
            return false;
          } catch {
            return true;
          }
        });
        for (const read of ["readTextLine", "textLines"] as const) {
          const cursor = over(bytes);
          const got: string[] = [];
          let failed: unknown;
          try {
            if (read === "readTextLine") {
              for (
                let l;
                (l = cursor.readTextLine({ fatal: true })) !== null;
              ) {
                got.push(l);
              }
            } else {
              for (const l of cursor.textLines({ fatal: true })) got.push(l);
            }
          } catch (error) {
            failed = error;
          }
          if (bad === -1) {
            assert.equal(failed, undefined);
            assert.deepEqual(got, lines);
          } else {
            assert.deepEqual(got, lines.slice(0, bad));
            assert(failed instanceof TypeError, String(failed));
            const start = bad === 0 ? 0 : ends[bad - 1]!;
            assert.equal(cursor.position, start);
            assert.match(
              failed.message,
              new RegExp(`at position ${start}: invalid UTF-8$`),
            );
          }
        }
      }),
      { ...params, numRuns: Math.max(RUNS, 500) },
    );
  });
}

Deno.test("Cursor.textLines() decodes again from where the position was moved between steps", () => {
  const text = "one\ntwo\nthree\nfour\n";
  const cursor = new Cursor(encoder.encode(text));
  const got: string[] = [];
  for (const line of cursor.textLines()) {
    got.push(line);
    if (line === "one") cursor.position = text.indexOf("three");
  }
  assert.deepEqual(got, ["one", "three", "four"]);
});

Deno.test("Cursor.textLines() hands out lines longer than 64 KiB and lines across the 64 KiB blocks", () => {
  const long = "é".repeat(40_000) + "x";
  const short = Array.from({ length: 5000 }, (_, i) => `line ${i}`);
  const text = [long, ...short, long, "ü".repeat(3), ""].join("\r\n") + "end";
  const bytes = encoder.encode(text);
  const cursor = new Cursor(bytes);
  const got = [...cursor.textLines()];
  assert.deepEqual(got, text.split("\r\n"));
  assert.equal(cursor.position, bytes.byteLength);
});

Deno.test("Cursor.textLines() reads lines that hold U+FFFD, of their own or for invalid bytes, as readTextLine() does", () => {
  const bytes = new Uint8Array([
    ...encoder.encode("one\nt\ufffdo\n"),
    0x74,
    0xff,
    0x6f,
    0x0a,
    ...encoder.encode("four\n"),
  ]);
  for (const fatal of [false, true]) {
    const lines: (string | Error)[] = [];
    const positions: number[] = [];
    const cursor = new Cursor(bytes);
    try {
      for (const line of cursor.textLines({ fatal })) {
        lines.push(line);
        positions.push(cursor.position);
      }
    } catch (error) {
      lines.push(error as Error);
    }
    const expected: (string | Error)[] = ["one", "t\ufffdo"];
    if (fatal) {
      assert.deepEqual(lines.slice(0, 2), expected);
      assert.match(String(lines[2]), /at position 10: invalid UTF-8$/);
      assert.equal(cursor.position, 10);
    } else {
      assert.deepEqual(lines, [...expected, "t\ufffdo", "four"]);
      assert.deepEqual(positions, [4, 10, 14, 19]);
    }
  }
});

/** The byte lengths that `TextDecoder.prototype.decode` was given in `fn`. */
function decodedLengths(fn: () => void): number[] {
  const decode = TextDecoder.prototype.decode;
  const lengths: number[] = [];
  TextDecoder.prototype.decode = function (input, options) {
    lengths.push((input as Uint8Array).byteLength);
    return decode.call(this, input, options);
  };
  try {
    fn();
  } finally {
    TextDecoder.prototype.decode = decode;
  }
  return lengths;
}

Deno.test("Cursor.textLines() decodes the whole lines with one TextDecoder call, and lines after U+FFFD one by one", () => {
  // Lines of more than 64 bytes, so that each line read one by one takes
  // TextDecoder too: whole lines take one call.
  const line = "é" + "x".repeat(68);
  const lines = [line, line, line, "tail"];
  const bytes = encoder.encode(lines.join("\n"));
  const cursor = new Cursor(bytes);
  const got: string[] = [];
  const lengths = decodedLengths(() => got.push(...cursor.textLines()));
  assert.deepEqual(got, lines);
  assert.equal(cursor.position, 217);
  assert.deepEqual(lengths, [213]);
  // Invalid bytes in the first line: the lines of that block are read one
  // by one.
  bytes[0] = 0xff;
  const again = new Cursor(bytes);
  const replaced = [...lines];
  replaced[0] = "\ufffd\ufffd" + "x".repeat(68);
  const more: string[] = [];
  const moreLengths = decodedLengths(() => more.push(...again.textLines()));
  assert.deepEqual(more, replaced);
  assert.deepEqual(moreLengths, [213, 70, 70, 70]);
});

Deno.test("Cursor.textLines() keeps a byte order mark and every \\r but the last before \\n", () => {
  const cursor = new Cursor(encoder.encode("\ufeffa\r\r\n\r\nb\rc"));
  assert.deepEqual([...cursor.textLines()], ["\ufeffa\r", "", "b\rc"]);
});

Deno.test("Cursor.textLines() and readTextLine() throw on a closed or detached cursor, and on a bad options.fatal", () => {
  const cursor = new Cursor(encoder.encode("a\nb\n"));
  const lines = cursor.textLines();
  assert.equal(lines.next().value, "a");
  cursor.close();
  assert.throws(() => lines.next(), closed("read a line"));
  assert.throws(() => cursor.textLines(), closed("read a line"));
  assert.throws(() => cursor.readTextLine(), closed("read a line"));
  const open = new Cursor(encoder.encode("a\n"));
  // `null` and `undefined` leave the default, as for readString().
  for (const [fatal, shown] of [[1, "1"], ["yes", '"yes"'], [0n, "0n"]]) {
    const message =
      `Cannot read a line: options.fatal must be a boolean, received ${shown}`;
    assert.throws(
      () => open.readTextLine({ fatal } as never),
      exactly(TypeError, message),
    );
    assert.throws(
      () => open.textLines({ fatal } as never),
      exactly(TypeError, message),
    );
  }
  const detached = detachedCursor();
  assert.throws(() => detached.readTextLine(), detachedError("read a line"));
  assert.throws(
    () => detached.textLines().next(),
    detachedError("read a line"),
  );
});
