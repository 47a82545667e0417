/**
 * Benchmarks of `Cursor.readable`, `writeTo` and `readFrom` against the
 * generic paths they replace, @std/io's `toReadableStream` and `copy` among
 * them. Run with `deno bench --allow-read --allow-write bench/streams.ts`
 * and read the ratios within each group; absolute times depend on the machine.
 */

import { Cursor } from "../mod.ts";
import { loadStdIo, SLOW, timedThenFreed } from "./_util.ts";

const MIB = 1 << 20;
const CHUNK = 64 * 1024;
const SCRATCH = 32 * 1024;

function pattern(length: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 31) & 0xff;
  return bytes;
}

// --- readable: drain 16 MiB ---------------------------------------------

const data = pattern(16 * MIB);

/** Drains a byte stream with a BYOB reader, reusing one 64 KiB buffer. */
async function drainByob(stream: ReadableStream<Uint8Array>): Promise<number> {
  const reader = stream.getReader({ mode: "byob" });
  let view = new Uint8Array(CHUNK);
  let total = 0;
  for (;;) {
    const { value, done } = await reader.read(view);
    if (done) break;
    total += value.byteLength;
    view = new Uint8Array(value.buffer);
  }
  return total;
}

/** Drains any stream with a default reader. */
async function drain(stream: ReadableStream<Uint8Array>): Promise<number> {
  let total = 0;
  for await (const chunk of stream) total += chunk.byteLength;
  return total;
}

function expect(actual: number, expected: number): void {
  if (actual !== expected) throw new Error(`read ${actual} of ${expected}`);
}

Deno.bench({
  group: "readable: drain 16 MiB",
  name: "limit: set() in 64 KiB chunks",
  baseline: true,
  fn() {
    const target = new Uint8Array(CHUNK);
    for (let at = 0; at < data.byteLength; at += CHUNK) {
      target.set(data.subarray(at, at + CHUNK));
    }
  },
});

Deno.bench({
  group: "readable: drain 16 MiB",
  name: "Cursor.readable, BYOB reader",
  async fn() {
    expect(await drainByob(new Cursor(data).readable), data.byteLength);
  },
});

Deno.bench({
  group: "readable: drain 16 MiB",
  name: "Cursor.readable, default reader",
  async fn() {
    expect(await drain(new Cursor(data).readable), data.byteLength);
  },
});

Deno.bench({
  group: "readable: drain 16 MiB",
  name: "new Blob([bytes]).stream()",
  ...SLOW,
  // Each Blob holds 16 MiB outside the JavaScript heap until it is collected.
  fn: timedThenFreed(async () => {
    expect(await drain(new Blob([data]).stream()), data.byteLength);
  }, 1),
});

// The real @std/io (from ../shared/std, else JSR); its rows are skipped with
// a notice when it cannot be loaded.
const io = await loadStdIo();
if (io) {
  Deno.bench({
    group: "readable: drain 16 MiB",
    name: "toReadableStream(new Buffer(bytes)) (@std/io)",
    ...SLOW,
    async fn() {
      const stream = io.toReadableStream(new io.Buffer(data));
      expect(await drain(stream), data.byteLength);
    },
  });
}

// --- writeTo: copy 16 MiB into another cursor -------------------------

// Allocated once, so every row measures the copy and not a 16 MiB zero-fill.
const destination = new Uint8Array(data.byteLength);

Deno.bench({
  group: "copy 16 MiB into a cursor",
  name: "limit: one set()",
  baseline: true,
  fn() {
    destination.set(data);
  },
});

Deno.bench({
  group: "copy 16 MiB into a cursor",
  name: "source.writeTo(target)",
  async fn() {
    const target = new Cursor(destination);
    expect(await new Cursor(data).writeTo(target), data.byteLength);
  },
});

Deno.bench({
  group: "copy 16 MiB into a cursor",
  name: "generic: read into 32 KiB scratch, then write (@std/io copy)",
  async fn() {
    const source = new Cursor(data);
    const target = new Cursor(destination);
    const scratch = new Uint8Array(SCRATCH);
    let total = 0;
    for (let n; (n = await source.read(scratch)) !== null;) {
      // @std/io writeAll: loop until the whole chunk is written.
      for (let at = 0; at < n;) {
        at += await target.write(scratch.subarray(at, n));
      }
      total += n;
    }
    expect(total, data.byteLength);
  },
});

if (io) {
  const target = new io.Buffer();
  Deno.bench({
    group: "copy 16 MiB into a cursor",
    name: "copy(cursor, cursor) (@std/io)",
    async fn() {
      const target = new Cursor(destination);
      expect(await io.copy(new Cursor(data), target), data.byteLength);
    },
  });
  Deno.bench({
    group: "copy 16 MiB into a cursor",
    name: "copy(buffer, buffer), into a reset() Buffer (@std/io)",
    async fn() {
      // An ArrayBuffer is wrapped without a copy; the target keeps its
      // capacity through reset(), so only the first iteration grows it.
      const source = new io.Buffer(data.buffer);
      target.reset();
      expect(await io.copy(source, target), data.byteLength);
    },
  });
}

// --- readFrom: a 64 MiB temp file -------------------------------------

const FILE_SIZE = 64 * MIB;
const path = await Deno.makeTempFile({ suffix: ".bench" });
await Deno.writeFile(path, pattern(FILE_SIZE));
globalThis.addEventListener("unload", () => Deno.removeSync(path));
const preallocated = new Uint8Array(FILE_SIZE);

Deno.bench({
  group: "read a 64 MiB file",
  name: "limit: raw file.read() loop into preallocated memory",
  baseline: true,
  ...SLOW,
  async fn() {
    using file = await Deno.open(path);
    let at = 0;
    while (at < FILE_SIZE) {
      const n = await file.read(preallocated.subarray(at));
      if (n === null) break;
      at += n;
    }
    expect(at, FILE_SIZE);
  },
});

Deno.bench({
  group: "read a 64 MiB file",
  name: "Deno.readFile()",
  ...SLOW,
  // Each read allocates 64 MiB: free it before the next.
  fn: timedThenFreed(async () => {
    expect((await Deno.readFile(path)).byteLength, FILE_SIZE);
  }, 1),
});

Deno.bench({
  group: "read a 64 MiB file",
  name: "Cursor.readFrom(file) into preallocated memory",
  ...SLOW,
  async fn() {
    using file = await Deno.open(path);
    expect(await new Cursor(preallocated).readFrom(file), FILE_SIZE);
  },
});

Deno.bench({
  group: "read a 64 MiB file",
  name: "chunk by chunk (file.readable), then concatenate",
  ...SLOW,
  // Each read allocates 128 MiB: free it before the next.
  fn: timedThenFreed(async () => {
    const file = await Deno.open(path);
    const chunks: Uint8Array[] = [];
    let total = 0;
    for await (const chunk of file.readable) {
      chunks.push(chunk);
      total += chunk.byteLength;
    }
    const all = new Uint8Array(total);
    let at = 0;
    for (const chunk of chunks) {
      all.set(chunk, at);
      at += chunk.byteLength;
    }
    expect(at, FILE_SIZE);
  }, 1),
});
