/**
 * Benchmarks for text: lines as views and strings, and `writeString` against
 * `writeSync(encoder.encode(s))`. Each group has its physical limit (a raw
 * `indexOf` + `subarray` loop, or `encodeInto` with a hand-kept position) as
 * the baseline. Read the ratios within each group; absolute times depend on
 * the machine.
 *
 * The @std peers come from the offline copy in `../shared/std`, loaded at run
 * time; where it is missing or cannot be loaded, their rows are skipped with a
 * notice. `BufReader` imports `@std/bytes`, so its row needs that copy's import
 * map:
 *
 * ```sh
 * deno bench --allow-read --import-map=../shared/std/import_map.json bench/text.ts
 * ```
 *
 * @module
 */

import { Reader as JsonJoyReader } from "@jsonjoy.com/buffers/lib/Reader.js";
import { Writer as JsonJoyWriter } from "@jsonjoy.com/buffers/lib/Writer.js";
import ByteBuffer from "bytebuffer";
import { Buffer as NodeBuffer } from "node:buffer";
import protobuf from "protobufjs/minimal.js";
import { SmartBuffer } from "smart-buffer";
import { Cursor } from "../mod.ts";
import { KiB, MiB, sink, verify } from "./_util.ts";

/** `TextLineStream` of @std/streams. */
type TextLineStreamClass = new () => TransformStream<string, string>;

/** `BufReader` of @std/io 0.224.9, the last release that has it. */
type BufReaderClass = new (reader: Cursor) => {
  readLine(): Promise<{ line: Uint8Array; more: boolean } | null>;
};

/**
 * Loads a module of the offline @std copy, or says why not.
 *
 * @param path The module's path inside `../shared/std`.
 * @param rows Which rows are skipped without it.
 * @returns The module, or `undefined` after a notice on stderr.
 */
async function loadShared<T>(
  path: string,
  rows: string,
): Promise<T | undefined> {
  // A computed URL, so that `deno check` and the lockfile never resolve it:
  // other clones have no ../shared/std.
  const url = new URL(`../../shared/std/${path}`, import.meta.url).href;
  try {
    return await import(url) as T;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(
      `Skipped the ${rows} rows: ${url} could not be loaded (${
        reason.split("\n")[0]
      })`,
    );
    return undefined;
  }
}

const TextLineStream = (await loadShared<
  { TextLineStream: TextLineStreamClass }
>("streams/text_line_stream.ts", "TextLineStream"))?.TextLineStream;
const BufReader = (await loadShared<{ BufReader: BufReaderClass }>(
  "io-0.224.9/buf_reader.ts",
  "BufReader.readLine()",
))?.BufReader;

// --- lines ------------------------------------------------------------------

const LINE = 40;
const LF = 0x0a;

/** 1 MiB of 40-byte lines: 39 characters and "\n". */
const input = new Uint8Array(MiB);
for (let at = 0; at < MiB; at += LINE) {
  const line = new TextEncoder().encode(
    `line ${String(at / LINE).padStart(6, "0")} `.padEnd(LINE - 1, "abcdefgh") +
      "\n",
  );
  input.set(line.subarray(0, Math.min(LINE, MiB - at)), at);
}
const LINES = Math.ceil(MiB / LINE);

function expect(actual: number, expected: number): void {
  if (actual !== expected) throw new Error(`got ${actual}, not ${expected}`);
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();
const STRINGS = "lines as strings: 1 MiB of 40-byte lines";

Deno.bench({
  group: STRINGS,
  name: "limit: indexOf + decoder.decode(subarray)",
  baseline: true,
  fn() {
    let count = 0;
    for (let at = 0; at < input.byteLength; count++) {
      let end = input.indexOf(LF, at);
      if (end === -1) end = input.byteLength;
      sink.value = decoder.decode(input.subarray(at, end));
      at = end + 1;
    }
    expect(count, LINES);
  },
});

Deno.bench({
  group: STRINGS,
  name: "decoder.decode(line) over Cursor.readLine()",
  fn() {
    const cursor = new Cursor(input);
    let count = 0;
    for (let line; (line = cursor.readLine()) !== null; count++) {
      sink.value = decoder.decode(line);
    }
    expect(count, LINES);
  },
});

/** The lines of `input`, as every row must give them. */
const expectedLines = decoder.decode(input).split("\n").slice(0, LINES);

{
  const rows: [string, () => string[]][] = [
    ["Cursor.textLines()", () => [...new Cursor(input).textLines()]],
    ["Cursor.readTextLine()", () => {
      const cursor = new Cursor(input);
      const lines: string[] = [];
      for (let line; (line = cursor.readTextLine()) !== null;) lines.push(line);
      return lines;
    }],
    ["Node Buffer indexOf + toString, offset kept by the caller", () => {
      const node = NodeBuffer.from(input.buffer);
      const lines: string[] = [];
      for (let at = 0; at < node.length;) {
        let end = node.indexOf(LF, at);
        if (end === -1) end = node.length;
        lines.push(node.toString("utf8", at, end));
        at = end + 1;
      }
      return lines;
    }],
  ];
  for (const [name, run] of rows) {
    verify(name, run(), expectedLines);
    Deno.bench({
      group: STRINGS,
      name,
      fn() {
        sink.value = run();
      },
    });
  }
}

// Not a line reader (it splits at "\n" only): one decode of everything and
// sliced strings, to show what a decode call per line costs.
Deno.bench({
  group: STRINGS,
  name: 'decoder.decode(Cursor.remainder()).split("\\n")',
  fn() {
    const lines = decoder.decode(new Cursor(input).remainder()).split("\n");
    sink.value = lines;
    expect(lines.length, LINES);
  },
});

if (TextLineStream !== undefined) {
  Deno.bench({
    group: STRINGS,
    name: "Cursor.readable → TextDecoderStream → TextLineStream (@std/streams)",
    async fn() {
      const lines = new Cursor(input).readable
        .pipeThrough(new TextDecoderStream())
        .pipeThrough(new TextLineStream());
      let count = 0;
      for await (const line of lines) {
        sink.value = line;
        count++;
      }
      expect(count, LINES);
    },
  });
}

const BYTES = "lines as bytes: 1 MiB of 40-byte lines";

Deno.bench({
  group: BYTES,
  name: "limit: indexOf + subarray",
  baseline: true,
  fn() {
    let count = 0;
    for (let at = 0; at < input.byteLength; count++) {
      let end = input.indexOf(LF, at);
      if (end === -1) end = input.byteLength;
      sink.value = input.subarray(at, end);
      at = end + 1;
    }
    expect(count, LINES);
  },
});

Deno.bench({
  group: BYTES,
  name: "Cursor.readLine()",
  fn() {
    const cursor = new Cursor(input);
    let count = 0;
    for (let line; (line = cursor.readLine()) !== null; count++) {
      sink.value = line;
    }
    expect(count, LINES);
  },
});

Deno.bench({
  group: BYTES,
  name: "for (const line of Cursor.lines())",
  fn() {
    let count = 0;
    for (const line of new Cursor(input).lines()) {
      sink.value = line;
      count++;
    }
    expect(count, LINES);
  },
});

if (BufReader !== undefined) {
  Deno.bench({
    group: BYTES,
    name: "BufReader.readLine() over a Cursor (@std/io 0.224.9)",
    async fn() {
      const reader = new BufReader(new Cursor(input));
      let count = 0;
      for (let result; (result = await reader.readLine()) !== null; count++) {
        sink.value = result.line;
      }
      expect(count, LINES);
    },
  });
}

// --- readString -------------------------------------------------------------

/**
 * What the read rows saw of their strings: each row reads a character of
 * every string it gets, so that a reader that hands out a string still to be
 * built (a rope, a lazy slice) pays for it as a user of the string would.
 */
let seen = 0;

/** Reads the middle character of `text`, and returns `text`. */
function use(text: string): string {
  seen += text.charCodeAt(text.length >> 1);
  return text;
}

/**
 * Registers one group: strings of `text` read one after another from 64 KiB
 * of them, by the limit (`TextDecoder.decode()` of a view, a hand-kept
 * position), `readString()` and the readers users pick instead. Every row
 * checks its strings before it is timed.
 */
function readGroup(group: string, text: string): void {
  const one = encoder.encode(text);
  const size = one.byteLength;
  const count = Math.floor(64 * KiB / size);
  const all = new Uint8Array(size * count);
  for (let i = 0; i < count; i++) all.set(one, i * size);
  const node = NodeBuffer.from(all.buffer);
  const jsonjoy = new JsonJoyReader();
  const bytes = ByteBuffer.wrap(all);
  const smart = SmartBuffer.fromBuffer(node);
  const utf8 = protobuf.util.utf8;
  const rows: [string, () => string][] = [
    ["limit: decoder.decode(subarray) with a hand-kept position", () => {
      let last = "";
      for (let at = 0; at < all.byteLength; at += size) {
        last = use(decoder.decode(all.subarray(at, at + size)));
      }
      return last;
    }],
    ["Cursor.readString(n)", () => {
      const cursor = new Cursor(all);
      let last = "";
      for (let n = count; n > 0; n--) last = use(cursor.readString(size));
      return last;
    }],
    ["@jsonjoy.com/buffers Reader.utf8(n)", () => {
      jsonjoy.reset(all);
      let last = "";
      for (let n = count; n > 0; n--) last = use(jsonjoy.utf8(size));
      return last;
    }],
    ["protobufjs util.utf8.read(buffer, start, end)", () => {
      let last = "";
      for (let at = 0; at < all.byteLength; at += size) {
        last = use(utf8.read(all, at, at + size));
      }
      return last;
    }],
    ["bytebuffer readUTF8String(n, METRICS_BYTES)", () => {
      bytes.offset = 0;
      let last = "";
      for (let n = count; n > 0; n--) {
        last = use(
          bytes.readUTF8String(size, ByteBuffer.METRICS_BYTES) as string,
        );
      }
      return last;
    }],
    ["smart-buffer readString(n)", () => {
      smart.readOffset = 0;
      let last = "";
      for (let n = count; n > 0; n--) last = use(smart.readString(size));
      return last;
    }],
    [
      "Node Buffer toString(utf8, start, end), offset kept by the caller",
      () => {
        let last = "";
        for (let at = 0; at < all.byteLength; at += size) {
          last = use(node.toString("utf8", at, at + size));
        }
        return last;
      },
    ],
  ];
  const middle = text.charCodeAt(text.length >> 1);
  for (const [name, run] of rows) {
    seen = 0;
    verify(name, run(), text);
    verify(`${name}: characters seen`, seen, count * middle);
    Deno.bench({
      group,
      name,
      ...(name.startsWith("limit") ? { baseline: true } : {}),
      fn() {
        sink.value = run();
      },
    });
  }
}

readGroup("readString: 16 bytes of ASCII", "0123456789abcdef");
readGroup("readString: 48 bytes of ASCII", "0123456789abcdef".repeat(3));
readGroup(
  "readString: 48 bytes with 2- and 3-byte characters",
  "aé€b".repeat(6) + "012345",
);

// --- writeString ------------------------------------------------------------

/** 64 KiB of memory: 1,024 writes of 64 ASCII characters per iteration. */
const memory = new Uint8Array(64 * KiB);

/**
 * Registers one group: `text` written again and again until the memory is
 * full, by the limit, `writeString` and `writeSync(encoder.encode(text))`.
 */
function writeGroup(group: string, text: string): void {
  const size = encoder.encode(text).byteLength;
  const count = Math.floor(memory.byteLength / size);
  Deno.bench({
    group,
    name: "limit: encodeInto(subarray) with a hand-kept position",
    baseline: true,
    fn() {
      let at = 0;
      for (let n = count; n > 0; n--) {
        at += encoder.encodeInto(text, memory.subarray(at)).written;
      }
      expect(at, count * size);
    },
  });
  Deno.bench({
    group,
    name: "Cursor.writeString(s)",
    fn() {
      const cursor = new Cursor(memory);
      for (let n = count; n > 0; n--) cursor.writeString(text);
      expect(cursor.position, count * size);
    },
  });
  Deno.bench({
    group,
    name: "Cursor.writeSync(encoder.encode(s))",
    fn() {
      const cursor = new Cursor(memory);
      for (let n = count; n > 0; n--) cursor.writeSync(encoder.encode(text));
      expect(cursor.position, count * size);
    },
  });
  // The peers, each checked to write the same bytes before it is timed.
  const expected = new Uint8Array(count * size);
  for (let i = 0; i < count; i++) expected.set(encoder.encode(text), i * size);
  const jsonjoy = new JsonJoyWriter(memory.byteLength + 64);
  const bytes = ByteBuffer.allocate(memory.byteLength);
  const smart = SmartBuffer.fromSize(memory.byteLength);
  const node = NodeBuffer.from(memory.buffer);
  const rows: [string, () => Uint8Array][] = [
    ["@jsonjoy.com/buffers Writer.utf8(s)", () => {
      jsonjoy.reset();
      for (let n = count; n > 0; n--) jsonjoy.utf8(text);
      return jsonjoy.uint8.subarray(0, jsonjoy.x);
    }],
    ["protobufjs util.utf8.write(s, buffer, offset)", () => {
      let at = 0;
      for (let n = count; n > 0; n--) {
        at += protobuf.util.utf8.write(text, memory, at);
      }
      return memory.subarray(0, at);
    }],
    ["bytebuffer writeUTF8String(s)", () => {
      bytes.offset = 0;
      for (let n = count; n > 0; n--) bytes.writeUTF8String(text);
      return new Uint8Array(
        bytes.buffer.buffer,
        bytes.buffer.byteOffset,
        bytes.offset,
      );
    }],
    ["smart-buffer writeString(s)", () => {
      smart.writeOffset = 0;
      for (let n = count; n > 0; n--) smart.writeString(text);
      return smart.internalBuffer.subarray(0, smart.writeOffset);
    }],
    ["Node Buffer write(s, offset), offset kept by the caller", () => {
      let at = 0;
      for (let n = count; n > 0; n--) at += node.write(text, at);
      return node.subarray(0, at);
    }],
  ];
  for (const [name, run] of rows) {
    verify(name, run(), expected);
    Deno.bench({
      group,
      name,
      fn() {
        sink.value = run();
      },
    });
  }
}

writeGroup("writeString: 64 ASCII characters", "0123456789abcdef".repeat(4));
writeGroup(
  "writeString: 64 characters with 2- and 3-byte ones",
  "aé€b".repeat(16),
);
