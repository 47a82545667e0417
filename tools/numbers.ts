/**
 * Writes the typed-number methods of `Cursor` (`readInt8()` … `writeFloat64()`)
 * into cursor.ts from the table below, between the two marker comments.
 *
 * The 22 methods differ only by a name, a size and a conversion, but each has
 * its own fast path: a shared private method taking the `DataView` accessor
 * as an argument is not inlined by V8 (Deno 2.9.6) and ran about 5-10x
 * slower on a 1 MiB loop than one method per accessor. So the methods are
 * generated, and `deno task check` runs this script with `--check`, which
 * fails when cursor.ts differs from what the table gives.
 *
 * Run `deno task numbers` after editing the table or the templates.
 *
 * @module
 */

/** One example of a method's JSDoc: its title and code, without imports. */
interface Example {
  title: string;
  code: string;
}

/** One row of the table: a `DataView` type and the examples of its pair. */
interface Row {
  /** The name in `DataView.prototype.get<name>`. */
  name: string;
  /** Its size in bytes. */
  size: number;
  /** What it is, in words, with its article. */
  what: string;
  read: Example;
  write: Example;
}

/** The eleven `DataView` types. */
const TABLE: Row[] = [
  {
    name: "Int8",
    size: 1,
    what: "a signed 8-bit integer",
    read: {
      title: "Read Int8 values",
      code: `
const cursor = new Cursor(new Uint8Array([0xff, 0x7f]));
assert.equal(cursor.readInt8(), -1);
assert.equal(cursor.readInt8(), 127);
assert.equal(cursor.position, 2);
assert.throws(() => cursor.readInt8(), RangeError);
`,
    },
    write: {
      title: "Write two Int8 values",
      code: `
const memory = new Uint8Array(2);
const cursor = new Cursor(memory);
cursor.writeInt8(-1);
cursor.writeInt8(127);
assert.deepEqual(memory, new Uint8Array([0xff, 0x7f]));
assert.throws(() => cursor.writeInt8(-1), RangeError);
`,
    },
  },
  {
    name: "Uint8",
    size: 1,
    what: "an unsigned 8-bit integer",
    read: {
      title: "Read Uint8 values",
      code: `
const cursor = new Cursor(new Uint8Array([0xff, 0x07]));
assert.equal(cursor.readUint8(), 255);
assert.equal(cursor.readUint8(), 7);
assert.equal(cursor.position, 2);
assert.throws(() => cursor.readUint8(), RangeError);
`,
    },
    write: {
      title: "Write two Uint8 values",
      code: `
const memory = new Uint8Array(2);
const cursor = new Cursor(memory);
cursor.writeUint8(255);
cursor.writeUint8(7);
assert.deepEqual(memory, new Uint8Array([0xff, 0x07]));
assert.throws(() => cursor.writeUint8(255), RangeError);
`,
    },
  },
  {
    name: "Int16",
    size: 2,
    what: "a signed 16-bit integer",
    read: {
      title: "Read a big-endian and a little-endian Int16",
      code: `
const cursor = new Cursor(new Uint8Array([0xff, 0xfe, 0xfe, 0xff]));
assert.equal(cursor.readInt16(), -2);
assert.equal(cursor.readInt16(true), -2);
assert.equal(cursor.position, 4);
assert.throws(() => cursor.readInt16(), RangeError);
`,
    },
    write: {
      title: "Write a big-endian and a little-endian Int16",
      code: `
const memory = new Uint8Array(4);
const cursor = new Cursor(memory);
cursor.writeInt16(-2);
cursor.writeInt16(-2, true);
assert.deepEqual(memory, new Uint8Array([0xff, 0xfe, 0xfe, 0xff]));
assert.throws(() => cursor.writeInt16(-2), RangeError);
`,
    },
  },
  {
    name: "Uint16",
    size: 2,
    what: "an unsigned 16-bit integer",
    read: {
      title: "Read a big-endian and a little-endian Uint16",
      code: `
const cursor = new Cursor(new Uint8Array([0x12, 0x34, 0x34, 0x12]));
assert.equal(cursor.readUint16(), 0x1234);
assert.equal(cursor.readUint16(true), 0x1234);
assert.equal(cursor.position, 4);
assert.throws(() => cursor.readUint16(), RangeError);
`,
    },
    write: {
      title: "Write a big-endian and a little-endian Uint16",
      code: `
const memory = new Uint8Array(4);
const cursor = new Cursor(memory);
cursor.writeUint16(0x1234);
cursor.writeUint16(0x1234, true);
assert.deepEqual(memory, new Uint8Array([0x12, 0x34, 0x34, 0x12]));
assert.throws(() => cursor.writeUint16(0x1234), RangeError);
`,
    },
  },
  {
    name: "Int32",
    size: 4,
    what: "a signed 32-bit integer",
    read: {
      title: "Read a big-endian and a little-endian Int32",
      code: `
const cursor = new Cursor(new Uint8Array([
  0xff, 0xff, 0xff, 0xfe,
  0xfe, 0xff, 0xff, 0xff,
]));
assert.equal(cursor.readInt32(), -2);
assert.equal(cursor.readInt32(true), -2);
assert.equal(cursor.position, 8);
assert.throws(() => cursor.readInt32(), RangeError);
`,
    },
    write: {
      title: "Write a big-endian and a little-endian Int32",
      code: `
const memory = new Uint8Array(8);
const cursor = new Cursor(memory);
cursor.writeInt32(-2);
cursor.writeInt32(-2, true);
assert.deepEqual(
  memory,
  new Uint8Array([0xff, 0xff, 0xff, 0xfe, 0xfe, 0xff, 0xff, 0xff]),
);
assert.throws(() => cursor.writeInt32(-2), RangeError);
`,
    },
  },
  {
    name: "Uint32",
    size: 4,
    what: "an unsigned 32-bit integer",
    read: {
      title: "Read a big-endian and a little-endian Uint32",
      code: `
const cursor = new Cursor(new Uint8Array([
  0xde, 0xad, 0xbe, 0xef,
  0xef, 0xbe, 0xad, 0xde,
]));
assert.equal(cursor.readUint32(), 0xdeadbeef);
assert.equal(cursor.readUint32(true), 0xdeadbeef);
assert.equal(cursor.position, 8);
assert.throws(() => cursor.readUint32(), RangeError);
`,
    },
    write: {
      title: "Write a big-endian and a little-endian Uint32",
      code: `
const memory = new Uint8Array(8);
const cursor = new Cursor(memory);
cursor.writeUint32(0xdeadbeef);
cursor.writeUint32(0xdeadbeef, true);
assert.deepEqual(
  memory,
  new Uint8Array([0xde, 0xad, 0xbe, 0xef, 0xef, 0xbe, 0xad, 0xde]),
);
assert.throws(() => cursor.writeUint32(0xdeadbeef), RangeError);
`,
    },
  },
  {
    name: "BigInt64",
    size: 8,
    what: "a signed 64-bit integer",
    read: {
      title: "Read a big-endian and a little-endian BigInt64",
      code: `
const cursor = new Cursor(
  new Uint8Array([
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe,
    0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
  ]),
);
assert.equal(cursor.readBigInt64(), -2n);
assert.equal(cursor.readBigInt64(true), -2n);
assert.equal(cursor.position, 16);
assert.throws(() => cursor.readBigInt64(), RangeError);
`,
    },
    write: {
      title: "Write a big-endian and a little-endian BigInt64",
      code: `
const memory = new Uint8Array(16);
const cursor = new Cursor(memory);
cursor.writeBigInt64(-2n);
cursor.writeBigInt64(-2n, true);
assert.deepEqual(
  memory,
  new Uint8Array([
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe,
    0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
  ]),
);
assert.throws(() => cursor.writeBigInt64(-2n), RangeError);
`,
    },
  },
  {
    name: "BigUint64",
    size: 8,
    what: "an unsigned 64-bit integer",
    read: {
      title: "Read a big-endian and a little-endian BigUint64",
      code: `
const cursor = new Cursor(
  new Uint8Array([
    0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,
    0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01,
  ]),
);
assert.equal(cursor.readBigUint64(), 0x0102030405060708n);
assert.equal(cursor.readBigUint64(true), 0x0102030405060708n);
assert.equal(cursor.position, 16);
assert.throws(() => cursor.readBigUint64(), RangeError);
`,
    },
    write: {
      title: "Write a big-endian and a little-endian BigUint64",
      code: `
const memory = new Uint8Array(16);
const cursor = new Cursor(memory);
cursor.writeBigUint64(0x0102030405060708n);
cursor.writeBigUint64(0x0102030405060708n, true);
assert.deepEqual(
  memory,
  new Uint8Array([
    0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,
    0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01,
  ]),
);
assert.throws(
  () => cursor.writeBigUint64(0x0102030405060708n),
  RangeError,
);
`,
    },
  },
  {
    name: "Float16",
    size: 2,
    what: "a 16-bit (half precision) float",
    read: {
      title: "Read a big-endian and a little-endian Float16",
      code: `
const cursor = new Cursor(new Uint8Array([0x3e, 0x00, 0x00, 0x3e]));
assert.equal(cursor.readFloat16(), 1.5);
assert.equal(cursor.readFloat16(true), 1.5);
assert.equal(cursor.position, 4);
assert.throws(() => cursor.readFloat16(), RangeError);
`,
    },
    write: {
      title: "Write a big-endian and a little-endian Float16",
      code: `
const memory = new Uint8Array(4);
const cursor = new Cursor(memory);
cursor.writeFloat16(1.5);
cursor.writeFloat16(1.5, true);
assert.deepEqual(memory, new Uint8Array([0x3e, 0x00, 0x00, 0x3e]));
assert.throws(() => cursor.writeFloat16(1.5), RangeError);
`,
    },
  },
  {
    name: "Float32",
    size: 4,
    what: "a 32-bit float",
    read: {
      title: "Read a big-endian and a little-endian Float32",
      code: `
const cursor = new Cursor(new Uint8Array([
  0x3f, 0xc0, 0x00, 0x00,
  0x00, 0x00, 0xc0, 0x3f,
]));
assert.equal(cursor.readFloat32(), 1.5);
assert.equal(cursor.readFloat32(true), 1.5);
assert.equal(cursor.position, 8);
assert.throws(() => cursor.readFloat32(), RangeError);
`,
    },
    write: {
      title: "Write a big-endian and a little-endian Float32",
      code: `
const memory = new Uint8Array(8);
const cursor = new Cursor(memory);
cursor.writeFloat32(1.5);
cursor.writeFloat32(1.5, true);
assert.deepEqual(
  memory,
  new Uint8Array([0x3f, 0xc0, 0x00, 0x00, 0x00, 0x00, 0xc0, 0x3f]),
);
assert.throws(() => cursor.writeFloat32(1.5), RangeError);
`,
    },
  },
  {
    name: "Float64",
    size: 8,
    what: "a 64-bit float",
    read: {
      title: "Read a big-endian and a little-endian Float64",
      code: `
const cursor = new Cursor(
  new Uint8Array([
    0x3f, 0xf8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xf8, 0x3f,
  ]),
);
assert.equal(cursor.readFloat64(), 1.5);
assert.equal(cursor.readFloat64(true), 1.5);
assert.equal(cursor.position, 16);
assert.throws(() => cursor.readFloat64(), RangeError);
`,
    },
    write: {
      title: "Write a big-endian and a little-endian Float64",
      code: `
const memory = new Uint8Array(16);
const cursor = new Cursor(memory);
cursor.writeFloat64(1.5);
cursor.writeFloat64(1.5, true);
assert.deepEqual(
  memory,
  new Uint8Array([
    0x3f, 0xf8, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xf8, 0x3f,
  ]),
);
assert.throws(() => cursor.writeFloat64(1.5), RangeError);
`,
    },
  },
];

const FILE = new URL("../cursor.ts", import.meta.url);
const BEGIN = [
  "  // Typed numbers, generated by tools/numbers.ts from its table: edit the",
  "  // table and run `deno task numbers`. Each fast path is the cached view's",
  "  // own bounds check inside `try` (see #makeDataView()); the `catch` takes",
  "  // the shared slow path.",
  "",
].join("\n");
const END = "  // End of the generated typed numbers.\n";
const WIDTH = 80;
const INDENT = "   * ";

/** Wraps `text` into JSDoc lines; `{@linkcode ...}` tags stay whole. */
function wrap(text: string): string[] {
  const words = text.replace(
    /\{@linkcode [^}]*\}/g,
    (tag) => tag.replaceAll(" ", "\u0000"),
  ).split(" ");
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line !== "" && INDENT.length + line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  lines.push(line);
  return lines.map((l) => l.replaceAll("\u0000", " "));
}

/** A JSDoc comment from paragraphs (wrapped) and verbatim lines. */
function jsdoc(parts: (string | string[])[]): string {
  const lines = parts.flatMap((part) =>
    typeof part === "string" ? wrap(part) : part
  );
  return [
    "  /**",
    ...lines.map((l) => l === "" ? "   *" : INDENT + l),
    "   */",
  ].join("\n") + "\n";
}

function example({ title, code }: Example): string[] {
  return [
    "",
    `@example ${title}`,
    "```ts",
    'import { Cursor } from "@iocursor/cursor";',
    'import assert from "node:assert/strict";',
    "",
    ...code.slice(1, -1).split("\n"),
    "```",
  ];
}

function read(row: Row): string {
  const { name, size } = row;
  const big = name.startsWith("Big");
  const endian = size > 1;
  const float16 = name === "Float16";
  const runtime = float16
    ? " Needs a runtime with `DataView.prototype.getFloat16`."
    : "";
  const doc = jsdoc([
    `Reads ${row.what} at the position and advances past it, as ` +
    `\`DataView.prototype.get${name}\` does` +
    (endian ? "; big-endian unless `littleEndian` is `true`. " : ". ") +
    (size === 1
      ? "At the end it throws and consumes nothing."
      : `When fewer than ${size} bytes remain it throws and consumes nothing.`) +
    runtime,
    [""],
    ...(endian
      ? [
        "@param littleEndian Whether the number is stored least significant byte first.",
      ]
      : []),
    [
      "@returns The number read.",
      "@throws {CursorClosedError} If the cursor is closed.",
    ],
    "@throws {TypeError} If the wrapped buffer has been detached" +
    (float16
      ? ", or the runtime has no `DataView.prototype.getFloat16`."
      : "."),
    "@throws {UnexpectedEofError} If " +
    (size === 1 ? "no byte remains." : `fewer than ${size} bytes remain.`),
    example(row.read),
  ]);
  const param = endian ? "littleEndian?: boolean" : "";
  const args = endian ? ", littleEndian" : "";
  return doc + [
    `  read${name}(${param}): ${big ? "bigint" : "number"} {`,
    "    const start = this.#position;",
    "    try {",
    `      const value = this.#data.get${name}(start${args});`,
    `      this.#position = start + ${size};`,
    "      return value;",
    "    } catch {",
    `      return this.#getSlow("get${name}", ${size}${args});`,
    "    }",
    "  }",
  ].join("\n") + "\n";
}

function write(row: Row): string {
  const { name, size } = row;
  const big = name.startsWith("Big");
  const endian = size > 1;
  const float16 = name === "Float16";
  const bits = size * 8;
  const note = name.startsWith("Float")
    ? `The value is rounded to the nearest ${bits}-bit float. `
    : `Out-of-range values wrap modulo \`2 ** ${bits}\`. `;
  const doc = jsdoc([
    `Writes \`value\` as ${row.what} at the position and advances past it, as ` +
    `\`DataView.prototype.set${name}\` does` +
    (endian ? "; big-endian unless `littleEndian` is `true`. " : ". ") +
    note +
    (size === 1 ? "At the end" : `When fewer than ${size} bytes are free`) +
    ", even after growing the memory in place as " +
    "{@linkcode Cursor.prototype.writeSync | writeSync()} does, it throws " +
    "and writes nothing. The value is converted once, as `DataView` does." +
    (float16 ? " Needs a runtime with `DataView.prototype.setFloat16`." : ""),
    [""],
    [`@param value The number to write.`],
    ...(endian
      ? [
        "@param littleEndian Whether to store the least significant byte first.",
      ]
      : []),
    [
      "@throws {CursorClosedError} If the cursor is closed.",
      "@throws {CursorReadOnlyError} If the cursor is read-only.",
    ],
    `@throws {TypeError} If \`value\` is a ${big ? "number" : "bigint"}` +
    (float16
      ? ", the wrapped buffer has been detached, or the runtime has no `DataView.prototype.setFloat16`."
      : ", or the wrapped buffer has been detached."),
    "@throws {CursorFullError} If " +
    (size === 1 ? "no byte is free" : `fewer than ${size} bytes are free`) +
    ", even after growing.",
    example(row.write),
  ]);
  const type = big ? "bigint" : "number";
  const param = endian ? ", littleEndian?: boolean" : "";
  const args = endian ? ", littleEndian" : "";
  const convert = big
    ? `BigInt.as${name === "BigInt64" ? "IntN" : "UintN"}(64, value)`
    : "+value";
  return doc + [
    `  write${name}(value: ${type}${param}): void {`,
    "    const start = this.#position;",
    `    let converted: ${type} | undefined;`,
    "    try {",
    `      converted = ${convert};`,
    `      this.#writeData.set${name}(start, converted${args});`,
    `      this.#position = start + ${size};`,
    "    } catch (error) {",
    `      this.#setSlow("set${name}", ${size}, converted, error${args});`,
    "    }",
    "  }",
  ].join("\n") + "\n";
}

/** The generated block, markers included. */
export function generate(): string {
  const methods = TABLE.flatMap((row) => [read(row), write(row)]);
  return BEGIN + "\n" + methods.join("\n") + "\n" + END;
}

/** Replaces the block between the markers of `source`. */
export function update(source: string): string {
  const start = source.indexOf(BEGIN);
  const end = source.indexOf(END);
  if (start === -1 || end < start) {
    throw new Error("cursor.ts has no typed-number markers");
  }
  return source.slice(0, start) + generate() + source.slice(end + END.length);
}

if (import.meta.main) {
  const source = await Deno.readTextFile(FILE);
  const updated = update(source);
  if (Deno.args.includes("--check")) {
    if (updated !== source) {
      console.error(
        "cursor.ts: the typed numbers differ from tools/numbers.ts; run `deno task numbers`",
      );
      Deno.exit(1);
    }
  } else if (updated !== source) {
    await Deno.writeTextFile(FILE, updated);
  }
}
