/**
 * Benchmarks of the core `Cursor` against the physical limit and the peers.
 *
 * One `Deno.bench` group per question. The baseline of each group is the
 * limit: a raw `Uint8Array.prototype.set`/`subarray` loop with a hand-kept
 * position that moves the same bytes. The peers are @std/io's `Buffer`
 * (loaded from ../shared/std or JSR, skipped with a notice otherwise),
 * copying wraps, Web streams, `node:stream` and the generic "read into a
 * 32 KiB scratch, then write" copy loop. Every row of a group does the same
 * work per iteration, so the ratios between rows are what counts.
 *
 * Run with `deno task bench`; `deno task bench:report` writes BENCHMARKS.md.
 *
 * @module
 */

import { Buffer as NodeBuffer } from "node:buffer";
import { Readable } from "node:stream";
import { Reader as JsonJoyReader } from "@jsonjoy.com/buffers/lib/Reader.js";
import { Writer as JsonJoyWriter } from "@jsonjoy.com/buffers/lib/Writer.js";
import ByteBuffer from "bytebuffer";
import protobuf from "protobufjs/minimal.js";
import { SmartBuffer } from "smart-buffer";
import { Cursor, SeekMode } from "../mod.ts";
import {
  filled,
  KiB,
  loadStdBuffer,
  MiB,
  MinimalCursor,
  sink,
  SLOW,
  timedThenFreed,
  verify,
} from "./_util.ts";

const Buffer = await loadStdBuffer();

/** The rows of typed numbers over a `WebAssembly.Memory`. */
const WASM_ROW = "Cursor over a WebAssembly.Memory of the same bytes";

/** The scratch size of @std/io's `copy` and `readAll`. */
const SCRATCH = 32 * KiB;

/** Concatenates `chunks` into one new array, as `readAll` does. */
function concat(chunks: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const chunk of chunks) length += chunk.byteLength;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** Collects every chunk of a stream or iterable into one new array. */
async function collect(
  chunks: AsyncIterable<Uint8Array> | null,
): Promise<Uint8Array> {
  const all: Uint8Array[] = [];
  for await (const chunk of chunks ?? []) all.push(chunk);
  return concat(all);
}

/** The `readAll` loop: fresh 32 KiB chunks until `null`, then concat. */
function readAllSync(cursor: Cursor): Uint8Array {
  const chunks: Uint8Array[] = [];
  for (;;) {
    const chunk = new Uint8Array(SCRATCH);
    const n = cursor.readSync(chunk);
    if (n === null) return concat(chunks);
    chunks.push(n < SCRATCH ? chunk.subarray(0, n) : chunk);
  }
}

/** The async `readAll` loop. */
async function readAll(cursor: Cursor): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for (;;) {
    const chunk = new Uint8Array(SCRATCH);
    const n = await cursor.read(chunk);
    if (n === null) return concat(chunks);
    chunks.push(n < SCRATCH ? chunk.subarray(0, n) : chunk);
  }
}

/** Reads a byte stream to its end through a BYOB reader, `chunk` at a time. */
async function drainByob(
  stream: ReadableStream<Uint8Array>,
  chunk: number,
): Promise<void> {
  const reader = stream.getReader({ mode: "byob" });
  let buffer = new ArrayBuffer(chunk);
  for (;;) {
    const { value, done } = await reader.read(new Uint8Array(buffer));
    if (done) return;
    // The reader transfers the buffer: carry on with the one it returns.
    buffer = value.buffer as ArrayBuffer;
  }
}

// ---------------------------------------------------------------------------
// Wrap: what it costs to get a reader over bytes the caller already holds.
const WRAPS = [["wrap 1 KiB", KiB], ["wrap 64 MiB", 64 * MiB]] as const;
for (const [group, size] of WRAPS) {
  const bytes = filled(size);
  const node = NodeBuffer.from(bytes.buffer, 0, bytes.byteLength);
  // Rows that copy 64 MiB per iteration get a few iterations, each copy
  // freed outside the timed part; Blob and Response rows free what they hold
  // outside the JavaScript heap every 1,000 wraps of 1 KiB.
  const copying = size > MiB ? SLOW : {};
  const freed = (make: () => unknown, outside = false) =>
    size > MiB
      ? timedThenFreed(make, 1)
      : outside
      ? timedThenFreed(make, 1_000)
      : () => {
        sink.value = make();
      };
  Deno.bench({
    group,
    name: "limit: { bytes, position: 0 }",
    baseline: true,
    fn() {
      sink.value = { bytes, position: 0 };
    },
  });
  Deno.bench({
    group,
    name: "new Cursor(bytes)",
    fn() {
      sink.value = new Cursor(bytes);
    },
  });
  Deno.bench({
    group,
    name: "new Uint8Array(buffer, offset, length) (view)",
    fn() {
      sink.value = new Uint8Array(bytes.buffer, bytes.byteOffset, size);
    },
  });
  Deno.bench({
    group,
    name: "new Uint8Array(bytes) (copying wrap)",
    ...copying,
    fn: freed(() => new Uint8Array(bytes)),
  });
  if (Buffer) {
    Deno.bench({
      group,
      name: "new Buffer(bytes) (@std/io)",
      ...copying,
      fn: freed(() => new Buffer(bytes)),
    });
  }
  Deno.bench({
    group,
    name: "new Blob([bytes]).stream()",
    ...copying,
    fn: freed(() => new Blob([bytes]).stream(), true),
  });
  Deno.bench({
    group,
    name: "new Response(bytes).body",
    ...copying,
    fn: freed(() => new Response(bytes).body, true),
  });
  Deno.bench({
    group,
    name: "ReadableStream.from([bytes])",
    fn() {
      sink.value = ReadableStream.from([bytes]);
    },
  });
  Deno.bench({
    group,
    name: "Readable.from(buffer) (node:stream)",
    fn() {
      sink.value = Readable.from(node);
    },
  });
}

// ---------------------------------------------------------------------------
// Read: the source, chunk by chunk, into one reused `p`. The source is small
// enough to stay in cache, so that per-call costs are not hidden behind memory
// bandwidth (which the other processes on the machine share); several passes
// make each iteration take milliseconds.
const SOURCE = 256 * KiB;
const READS = [[16, 4], [4 * KiB, 16], [64 * KiB, 64]] as const;
for (const [chunk, passes] of READS) {
  const source = filled(SOURCE);
  const p = new Uint8Array(chunk);
  const cursor = new Cursor(source);
  const blob = new Blob([source]);
  const group = `read ${label(SOURCE * passes)} in ${label(chunk)} chunks ` +
    `(${passes} passes over ${label(SOURCE)})`;
  /** The limit's body, also awaited once per chunk for the async floor. */
  // deno-lint-ignore require-await -- measures the cost of an async call
  const readAt = async (position: number): Promise<number> => {
    p.set(source.subarray(position, position + chunk));
    return chunk;
  };
  Deno.bench({
    group,
    name: "limit: p.set(source.subarray(...))",
    baseline: true,
    fn() {
      for (let pass = 0; pass < passes; pass++) {
        for (let position = 0; position < SOURCE; position += chunk) {
          p.set(source.subarray(position, position + chunk));
        }
      }
    },
  });
  Deno.bench({
    group,
    name: "Cursor.readSync",
    fn() {
      for (let pass = 0; pass < passes; pass++) {
        cursor.position = 0;
        while (cursor.readSync(p) !== null);
      }
    },
  });
  Deno.bench({
    group,
    name: "async floor: limit + await per chunk",
    async fn() {
      for (let pass = 0; pass < passes; pass++) {
        for (let position = 0; position < SOURCE;) {
          position += await readAt(position);
        }
      }
    },
  });
  Deno.bench({
    group,
    name: "Cursor.read",
    async fn() {
      for (let pass = 0; pass < passes; pass++) {
        cursor.position = 0;
        while ((await cursor.read(p)) !== null);
      }
    },
  });
  if (chunk === 16) {
    Deno.bench({
      group,
      name: "byte loop: p[i] = source[position + i]",
      fn() {
        for (let pass = 0; pass < passes; pass++) {
          for (let position = 0; position < SOURCE; position += chunk) {
            for (let i = 0; i < chunk; i++) p[i] = source[position + i]!;
          }
        }
      },
    });
  }
  if (chunk === 16) {
    // The peers, each with its offset kept as its users keep it; `out`,
    // given once before timing, collects what one pass read, to verify it.
    const node = NodeBuffer.from(source.buffer);
    const jsonjoy = new JsonJoyReader();
    const smart = SmartBuffer.fromBuffer(node);
    const peers: [string, (out?: Uint8Array) => void][] = [
      [
        "Node Buffer copy(p, 0, offset, offset + 16), offset kept by the caller",
        (out) => {
          for (let pass = 0; pass < passes; pass++) {
            for (let at = 0; at < SOURCE; at += 16) {
              node.copy(p, 0, at, at + 16);
              out?.set(p, at);
            }
          }
        },
      ],
      ["@jsonjoy.com/buffers p.set(Reader.buf(16))", (out) => {
        for (let pass = 0; pass < passes; pass++) {
          jsonjoy.reset(source);
          for (let at = 0; at < SOURCE; at += 16) {
            p.set(jsonjoy.buf(16));
            out?.set(p, at);
          }
        }
      }],
      ["smart-buffer p.set(readBuffer(16))", (out) => {
        for (let pass = 0; pass < passes; pass++) {
          smart.readOffset = 0;
          for (let at = 0; at < SOURCE; at += 16) {
            // readBuffer() returns a view (Buffer.prototype.slice): copy it.
            p.set(smart.readBuffer(16));
            out?.set(p, at);
          }
        }
      }],
    ];
    for (const [name, run] of peers) {
      const out = new Uint8Array(SOURCE);
      run(out);
      verify(name, out, source);
      Deno.bench({ group, name, fn: () => run() });
    }
  }
  if (Buffer) {
    Deno.bench({
      group,
      name: "Buffer.readSync (@std/io)",
      fn() {
        for (let pass = 0; pass < passes; pass++) {
          // An ArrayBuffer is wrapped without a copy: only reads are timed.
          const buffer = new Buffer(source.buffer);
          while (buffer.readSync(p) !== null);
        }
      },
    });
    Deno.bench({
      group,
      name: "Buffer.read (@std/io)",
      async fn() {
        for (let pass = 0; pass < passes; pass++) {
          const buffer = new Buffer(source.buffer);
          while ((await buffer.read(p)) !== null);
        }
      },
    });
  }
  Deno.bench({
    group,
    name: "Blob.stream() BYOB reader",
    ...SLOW,
    async fn() {
      for (let pass = 0; pass < passes; pass++) {
        await drainByob(blob.stream(), chunk);
      }
    },
  });
}

// ---------------------------------------------------------------------------
// Write: fill fixed memory chunk by chunk. As for reads, the memory stays in
// cache and several passes make an iteration take milliseconds.
const WRITES = [[16, 4], [32 * KiB, 64]] as const;
for (const [chunk, passes] of WRITES) {
  const target = new Uint8Array(SOURCE);
  const p = filled(chunk);
  const count = SOURCE / chunk;
  const cursor = new Cursor(target);
  const group = `write ${label(SOURCE * passes)} in ${label(chunk)} chunks ` +
    `(${passes} passes over ${label(SOURCE)})`;
  Deno.bench({
    group,
    name: "limit: target.set(p, position)",
    baseline: true,
    fn() {
      for (let pass = 0; pass < passes; pass++) {
        for (let position = 0; position < SOURCE; position += chunk) {
          target.set(p, position);
        }
      }
    },
  });
  Deno.bench({
    group,
    name: "Cursor.writeSync",
    fn() {
      for (let pass = 0; pass < passes; pass++) {
        cursor.position = 0;
        for (let i = 0; i < count; i++) cursor.writeSync(p);
      }
    },
  });
  Deno.bench({
    group,
    name: "Cursor.write",
    async fn() {
      for (let pass = 0; pass < passes; pass++) {
        cursor.position = 0;
        for (let i = 0; i < count; i++) await cursor.write(p);
      }
    },
  });
  if (chunk === 16) {
    // The peers, writing into memory of their own made up front.
    const expected = new Uint8Array(SOURCE);
    for (let at = 0; at < SOURCE; at += chunk) expected.set(p, at);
    const node = NodeBuffer.from(p.buffer, p.byteOffset, p.byteLength);
    const jsonjoy = new JsonJoyWriter(SOURCE + 64);
    const bytes = ByteBuffer.allocate(SOURCE);
    const smart = SmartBuffer.fromSize(SOURCE);
    const peers: [string, () => Uint8Array][] = [
      ["Node Buffer p.copy(target, offset), offset kept by the caller", () => {
        for (let pass = 0; pass < passes; pass++) {
          for (let at = 0; at < SOURCE; at += chunk) node.copy(target, at);
        }
        return target;
      }],
      ["@jsonjoy.com/buffers Writer.buf(p, 16) after reset()", () => {
        for (let pass = 0; pass < passes; pass++) {
          jsonjoy.reset();
          for (let i = 0; i < count; i++) jsonjoy.buf(p, chunk);
        }
        return jsonjoy.uint8.subarray(0, jsonjoy.x);
      }],
      ["bytebuffer append(p) from offset 0", () => {
        for (let pass = 0; pass < passes; pass++) {
          bytes.offset = 0;
          for (let i = 0; i < count; i++) bytes.append(p);
        }
        return new Uint8Array(
          bytes.buffer.buffer,
          bytes.buffer.byteOffset,
          bytes.offset,
        );
      }],
      ["smart-buffer writeBuffer(p) from offset 0", () => {
        for (let pass = 0; pass < passes; pass++) {
          smart.writeOffset = 0;
          for (let i = 0; i < count; i++) smart.writeBuffer(node);
        }
        return smart.internalBuffer.subarray(0, smart.writeOffset);
      }],
    ];
    for (const [name, run] of peers) {
      target.fill(0);
      verify(name, run(), expected);
      Deno.bench({ group, name, fn: () => void run() });
    }
  }
  if (Buffer) {
    const reused = new Buffer();
    Deno.bench({
      group,
      name: "Buffer.writeSync after reset() (@std/io)",
      fn() {
        for (let pass = 0; pass < passes; pass++) {
          // Keeps its capacity: after the first pass it no longer grows.
          reused.reset();
          for (let i = 0; i < count; i++) reused.writeSync(p);
        }
      },
    });
  }
}

// Write 16 MiB: into memory allocated up front (the cursor's case: a known
// size) against a Buffer that grows as it goes.
{
  const size = 16 * MiB;
  const chunk = 32 * KiB;
  const target = new Uint8Array(size);
  const p = filled(chunk);
  const cursor = new Cursor(target);
  const group = "write 16 MiB in 32 KiB chunks: fixed vs growing memory";
  Deno.bench({
    group,
    name: "limit: target.set(p, position)",
    baseline: true,
    fn() {
      for (let position = 0; position < size; position += chunk) {
        target.set(p, position);
      }
    },
  });
  Deno.bench({
    group,
    name: "Cursor.writeSync",
    fn() {
      cursor.position = 0;
      for (let position = 0; position < size; position += chunk) {
        cursor.writeSync(p);
      }
    },
  });
  if (Buffer) {
    Deno.bench({
      group,
      name: "Buffer.writeSync growing (@std/io)",
      ...SLOW,
      // Growing allocates about 48 MiB per iteration: free it before the next.
      fn: timedThenFreed(() => {
        const buffer = new Buffer();
        for (let position = 0; position < size; position += chunk) {
          buffer.writeSync(p);
        }
        return buffer;
      }, 1),
    });
    Deno.bench({
      group,
      name: "Buffer.write growing (@std/io)",
      ...SLOW,
      fn: timedThenFreed(async () => {
        const buffer = new Buffer();
        for (let position = 0; position < size; position += chunk) {
          await buffer.write(p);
        }
        return buffer;
      }, 1),
    });
  }
}

// ---------------------------------------------------------------------------
// Typed numbers: 1 MiB of one type, read or written one number at a time.
// The limit is a raw DataView loop that keeps its own position and bounds
// check, as any reader of a binary format must. The floor row is the same
// loop with its position in an object, as any cursor object must keep it:
// the store and load of that position each call are the gap between the two. Every row has its own
// function, so that each call site sees one method, as in a real parser.
{
  const memory = filled(MiB);
  const view = new DataView(memory.buffer);
  const end = view.byteLength;
  /** 1 MiB of WebAssembly memory (16 pages) holding the same bytes. */
  const wasmMemory = new WebAssembly.Memory({ initial: 16, maximum: 16 });
  new Uint8Array(wasmMemory.buffer).set(memory);
  /**
   * Where the floor rows keep their position: in an object that escapes to
   * `sink`, so the engine keeps it in memory as it must for a cursor, whose
   * position outlives each call. The limit keeps it in a register.
   */
  class Position {
    position = 0;
    constructor() {
      sink.value = this;
    }
  }
  /** Throws as a cursor would, so the limit keeps an honest bounds check. */
  const eof = (): never => {
    throw new RangeError("end of the memory");
  };
  /** The sum of the memory's 32-bit numbers, as the read rows compute it. */
  const readAll32 = (littleEndian = false): number => {
    let sum = 0;
    for (let at = 0; at < end; at += 4) sum += view.getUint32(at, littleEndian);
    return sum;
  };
  /** The sum of the memory's 64-bit floats. */
  const readAll64 = (littleEndian = false): number => {
    let sum = 0;
    for (let at = 0; at < end; at += 8) {
      sum += view.getFloat64(at, littleEndian);
    }
    return sum;
  };
  /** What `write` leaves in a copy of the memory, which is then put back. */
  const writtenAll = (write: () => void): Uint8Array => {
    const saved = memory.slice();
    write();
    const written = memory.slice();
    memory.set(saved);
    return written;
  };
  let group = "readUint8 over 1 MiB";
  Deno.bench({
    group,
    name: "limit: DataView.getUint8, own position and bounds check",
    baseline: true,
    fn() {
      let sum = 0;
      for (let position = 0, n = MiB; n > 0; n--) {
        if (position + 1 > end) eof();
        sum += view.getUint8(position);
        position += 1;
      }
      sink.value = sum;
    },
  });
  Deno.bench({
    group,
    name: "floor: DataView.getUint8, position kept in an object",
    fn() {
      const state = new Position();
      let sum = 0;
      for (let n = MiB; n > 0; n--) {
        const position = state.position;
        if (position + 1 > end) eof();
        sum += view.getUint8(position);
        state.position = position + 1;
      }
      sink.value = sum;
    },
  });
  Deno.bench({
    group,
    name: "Cursor.readUint8",
    fn() {
      const cursor = new Cursor(memory);
      let sum = 0;
      for (let n = MiB; n > 0; n--) sum += cursor.readUint8();
      sink.value = sum;
    },
  });
  Deno.bench({
    group,
    name: "minimal object cursor: a class with a position field",
    fn() {
      const cursor = new MinimalCursor(memory);
      sink.value = cursor;
      let sum = 0;
      for (let n = MiB; n > 0; n--) sum += cursor.readUint8();
      sink.value = sum;
    },
  });
  group = "writeUint8 over 1 MiB";
  Deno.bench({
    group,
    name: "limit: DataView.setUint8, own position and bounds check",
    baseline: true,
    fn() {
      let position = 0;
      for (let n = MiB; n > 0; n--) {
        if (position + 1 > end) eof();
        view.setUint8(position, n);
        position += 1;
      }
      sink.value = position;
    },
  });
  Deno.bench({
    group,
    name: "floor: DataView.setUint8, position kept in an object",
    fn() {
      const state = new Position();
      for (let n = MiB; n > 0; n--) {
        const position = state.position;
        if (position + 1 > end) eof();
        view.setUint8(position, n);
        state.position = position + 1;
      }
      sink.value = state.position;
    },
  });
  Deno.bench({
    group,
    name: "Cursor.writeUint8",
    fn() {
      const cursor = new Cursor(memory);
      for (let n = MiB; n > 0; n--) cursor.writeUint8(n);
      sink.value = cursor.position;
    },
  });
  Deno.bench({
    group,
    name: "minimal object cursor: a class with a position field",
    fn() {
      const cursor = new MinimalCursor(memory);
      sink.value = cursor;
      for (let n = MiB; n > 0; n--) cursor.writeUint8(n);
      sink.value = cursor.position;
    },
  });
  group = "readUint32 over 1 MiB";
  Deno.bench({
    group,
    name: "limit: DataView.getUint32, own position and bounds check",
    baseline: true,
    fn() {
      let sum = 0;
      for (let position = 0, n = MiB / 4; n > 0; n--) {
        if (position + 4 > end) eof();
        sum += view.getUint32(position);
        position += 4;
      }
      sink.value = sum;
    },
  });
  Deno.bench({
    group,
    name: "floor: DataView.getUint32, position kept in an object",
    fn() {
      const state = new Position();
      let sum = 0;
      for (let n = MiB / 4; n > 0; n--) {
        const position = state.position;
        if (position + 4 > end) eof();
        sum += view.getUint32(position);
        state.position = position + 4;
      }
      sink.value = sum;
    },
  });
  Deno.bench({
    group,
    name: "Cursor.readUint32",
    fn() {
      const cursor = new Cursor(memory);
      let sum = 0;
      for (let n = MiB / 4; n > 0; n--) sum += cursor.readUint32();
      sink.value = sum;
    },
  });
  Deno.bench({
    group,
    name: WASM_ROW,
    fn() {
      const cursor = new Cursor(wasmMemory);
      let sum = 0;
      for (let n = MiB / 4; n > 0; n--) sum += cursor.readUint32();
      sink.value = sum;
    },
  });
  Deno.bench({
    group,
    name: "minimal object cursor: a class with a position field",
    fn() {
      const cursor = new MinimalCursor(memory);
      sink.value = cursor;
      let sum = 0;
      for (let n = MiB / 4; n > 0; n--) sum += cursor.readUint32();
      sink.value = sum;
    },
  });
  {
    // The peers, each checked against the limit's sum before it is timed.
    const expected = readAll32();
    const jsonjoy = new JsonJoyReader();
    const bytes = ByteBuffer.wrap(memory, ByteBuffer.BIG_ENDIAN);
    const smart = SmartBuffer.fromBuffer(NodeBuffer.from(memory.buffer));
    const node = NodeBuffer.from(memory.buffer);
    const rows: [string, () => number][] = [
      ["@jsonjoy.com/buffers Reader.u32()", () => {
        jsonjoy.reset(memory);
        let sum = 0;
        for (let n = MiB / 4; n > 0; n--) sum += jsonjoy.u32();
        return sum;
      }],
      ["protobufjs Reader.fixed32() (little-endian)", () => {
        const reader = protobuf.Reader.create(memory);
        let sum = 0;
        for (let n = MiB / 4; n > 0; n--) sum += reader.fixed32();
        return sum;
      }],
      ["bytebuffer readUint32()", () => {
        bytes.offset = 0;
        let sum = 0;
        for (let n = MiB / 4; n > 0; n--) sum += bytes.readUint32();
        return sum;
      }],
      ["smart-buffer readUInt32BE()", () => {
        smart.readOffset = 0;
        let sum = 0;
        for (let n = MiB / 4; n > 0; n--) sum += smart.readUInt32BE();
        return sum;
      }],
      ["Node Buffer readUInt32BE(offset), offset kept by the caller", () => {
        let sum = 0;
        for (let offset = 0, n = MiB / 4; n > 0; n--, offset += 4) {
          sum += node.readUInt32BE(offset);
        }
        return sum;
      }],
    ];
    for (const [name, run] of rows) {
      // protobufjs reads little-endian: its sum is another number.
      verify(
        name,
        run(),
        name.startsWith("protobufjs") ? readAll32(true) : expected,
      );
      Deno.bench({
        group,
        name,
        fn() {
          sink.value = run();
        },
      });
    }
  }
  group = "writeUint32 over 1 MiB";
  Deno.bench({
    group,
    name: "limit: DataView.setUint32, own position and bounds check",
    baseline: true,
    fn() {
      let position = 0;
      for (let n = MiB / 4; n > 0; n--) {
        if (position + 4 > end) eof();
        view.setUint32(position, n);
        position += 4;
      }
      sink.value = position;
    },
  });
  Deno.bench({
    group,
    name: "floor: DataView.setUint32, position kept in an object",
    fn() {
      const state = new Position();
      for (let n = MiB / 4; n > 0; n--) {
        const position = state.position;
        if (position + 4 > end) eof();
        view.setUint32(position, n);
        state.position = position + 4;
      }
      sink.value = state.position;
    },
  });
  Deno.bench({
    group,
    name: "Cursor.writeUint32",
    fn() {
      const cursor = new Cursor(memory);
      for (let n = MiB / 4; n > 0; n--) cursor.writeUint32(n);
      sink.value = cursor.position;
    },
  });
  Deno.bench({
    group,
    name: WASM_ROW,
    fn() {
      const cursor = new Cursor(wasmMemory);
      for (let n = MiB / 4; n > 0; n--) cursor.writeUint32(n);
      sink.value = cursor.position;
    },
  });
  Deno.bench({
    group,
    name: "minimal object cursor: a class with a position field",
    fn() {
      const cursor = new MinimalCursor(memory);
      sink.value = cursor;
      for (let n = MiB / 4; n > 0; n--) cursor.writeUint32(n);
      sink.value = cursor.position;
    },
  });
  {
    // The peers, each checked against what the limit writes before it is
    // timed.
    const expected = writtenAll(() => {
      for (let position = 0, n = MiB / 4; n > 0; n--, position += 4) {
        view.setUint32(position, n);
      }
    });
    const jsonjoy = new JsonJoyWriter(MiB + 64);
    const bytes = ByteBuffer.allocate(MiB, ByteBuffer.BIG_ENDIAN);
    const smart = SmartBuffer.fromSize(MiB);
    const node = NodeBuffer.alloc(MiB);
    const rows: [string, () => Uint8Array][] = [
      ["@jsonjoy.com/buffers Writer.u32()", () => {
        jsonjoy.reset();
        for (let n = MiB / 4; n > 0; n--) jsonjoy.u32(n);
        return jsonjoy.uint8.subarray(0, jsonjoy.x);
      }],
      ["protobufjs Writer.fixed32() + finish() (little-endian)", () => {
        const writer = protobuf.Writer.create();
        for (let n = MiB / 4; n > 0; n--) writer.fixed32(n);
        return writer.finish();
      }],
      ["bytebuffer writeUint32()", () => {
        bytes.offset = 0;
        for (let n = MiB / 4; n > 0; n--) bytes.writeUint32(n);
        return new Uint8Array(
          bytes.buffer.buffer,
          bytes.buffer.byteOffset,
          MiB,
        );
      }],
      ["smart-buffer writeUInt32BE()", () => {
        smart.writeOffset = 0;
        for (let n = MiB / 4; n > 0; n--) smart.writeUInt32BE(n);
        return smart.internalBuffer.subarray(0, MiB);
      }],
      [
        "Node Buffer writeUInt32BE(value, offset), offset kept by the caller",
        () => {
          for (let offset = 0, n = MiB / 4; n > 0; n--, offset += 4) {
            node.writeUInt32BE(n, offset);
          }
          return node;
        },
      ],
    ];
    for (const [name, run] of rows) {
      const written = run();
      // protobufjs writes little-endian: compare the numbers read back.
      if (name.startsWith("protobufjs")) {
        const back = new DataView(written.buffer, written.byteOffset, MiB);
        verify(name, back.getUint32(4, true), MiB / 4 - 1);
        verify(name, written.byteLength, MiB);
      } else {
        verify(name, written, expected);
      }
      Deno.bench({
        group,
        name,
        fn() {
          sink.value = run();
        },
      });
    }
  }
  group = "readBigUint64 over 1 MiB";
  Deno.bench({
    group,
    name: "limit: DataView.getBigUint64, own position and bounds check",
    baseline: true,
    fn() {
      let sum = 0n;
      for (let position = 0, n = MiB / 8; n > 0; n--) {
        if (position + 8 > end) eof();
        sum ^= view.getBigUint64(position);
        position += 8;
      }
      sink.value = sum;
    },
  });
  Deno.bench({
    group,
    name: "floor: DataView.getBigUint64, position kept in an object",
    fn() {
      const state = new Position();
      let sum = 0n;
      for (let n = MiB / 8; n > 0; n--) {
        const position = state.position;
        if (position + 8 > end) eof();
        sum ^= view.getBigUint64(position);
        state.position = position + 8;
      }
      sink.value = sum;
    },
  });
  Deno.bench({
    group,
    name: "Cursor.readBigUint64",
    fn() {
      const cursor = new Cursor(memory);
      let sum = 0n;
      for (let n = MiB / 8; n > 0; n--) sum ^= cursor.readBigUint64();
      sink.value = sum;
    },
  });
  Deno.bench({
    group,
    name: "minimal object cursor: a class with a position field",
    fn() {
      const cursor = new MinimalCursor(memory);
      sink.value = cursor;
      let sum = 0n;
      for (let n = MiB / 8; n > 0; n--) sum += cursor.readBigUint64();
      sink.value = sum;
    },
  });
  group = "writeBigUint64 over 1 MiB";
  Deno.bench({
    group,
    name: "limit: DataView.setBigUint64, own position and bounds check",
    baseline: true,
    fn() {
      let position = 0;
      for (let n = MiB / 8; n > 0; n--) {
        if (position + 8 > end) eof();
        view.setBigUint64(position, 0x0102030405060708n);
        position += 8;
      }
      sink.value = position;
    },
  });
  Deno.bench({
    group,
    name: "floor: DataView.setBigUint64, position kept in an object",
    fn() {
      const state = new Position();
      for (let n = MiB / 8; n > 0; n--) {
        const position = state.position;
        if (position + 8 > end) eof();
        view.setBigUint64(position, 0x0102030405060708n);
        state.position = position + 8;
      }
      sink.value = state.position;
    },
  });
  Deno.bench({
    group,
    name: "Cursor.writeBigUint64",
    fn() {
      const cursor = new Cursor(memory);
      for (let n = MiB / 8; n > 0; n--) {
        cursor.writeBigUint64(0x0102030405060708n);
      }
      sink.value = cursor.position;
    },
  });
  Deno.bench({
    group,
    name: "minimal object cursor: a class with a position field",
    fn() {
      const cursor = new MinimalCursor(memory);
      sink.value = cursor;
      for (let n = MiB / 8; n > 0; n--) cursor.writeBigUint64(BigInt(n));
      sink.value = cursor.position;
    },
  });
  group = "readFloat64 over 1 MiB";
  Deno.bench({
    group,
    name: "limit: DataView.getFloat64, own position and bounds check",
    baseline: true,
    fn() {
      let sum = 0;
      for (let position = 0, n = MiB / 8; n > 0; n--) {
        if (position + 8 > end) eof();
        sum += view.getFloat64(position);
        position += 8;
      }
      sink.value = sum;
    },
  });
  Deno.bench({
    group,
    name: "floor: DataView.getFloat64, position kept in an object",
    fn() {
      const state = new Position();
      let sum = 0;
      for (let n = MiB / 8; n > 0; n--) {
        const position = state.position;
        if (position + 8 > end) eof();
        sum += view.getFloat64(position);
        state.position = position + 8;
      }
      sink.value = sum;
    },
  });
  Deno.bench({
    group,
    name: "Cursor.readFloat64",
    fn() {
      const cursor = new Cursor(memory);
      let sum = 0;
      for (let n = MiB / 8; n > 0; n--) sum += cursor.readFloat64();
      sink.value = sum;
    },
  });
  Deno.bench({
    group,
    name: "minimal object cursor: a class with a position field",
    fn() {
      const cursor = new MinimalCursor(memory);
      sink.value = cursor;
      let sum = 0;
      for (let n = MiB / 8; n > 0; n--) sum += cursor.readFloat64();
      sink.value = sum;
    },
  });
  {
    // The peers, each checked against the limit's sum before it is timed.
    const expected = readAll64();
    const jsonjoy = new JsonJoyReader();
    const bytes = ByteBuffer.wrap(memory, ByteBuffer.BIG_ENDIAN);
    const smart = SmartBuffer.fromBuffer(NodeBuffer.from(memory.buffer));
    const node = NodeBuffer.from(memory.buffer);
    const rows: [string, () => number][] = [
      ["@jsonjoy.com/buffers Reader.f64()", () => {
        jsonjoy.reset(memory);
        let sum = 0;
        for (let n = MiB / 8; n > 0; n--) sum += jsonjoy.f64();
        return sum;
      }],
      ["protobufjs Reader.double() (little-endian)", () => {
        const reader = protobuf.Reader.create(memory);
        let sum = 0;
        for (let n = MiB / 8; n > 0; n--) sum += reader.double();
        return sum;
      }],
      ["bytebuffer readFloat64()", () => {
        bytes.offset = 0;
        let sum = 0;
        for (let n = MiB / 8; n > 0; n--) sum += bytes.readFloat64();
        return sum;
      }],
      ["smart-buffer readDoubleBE()", () => {
        smart.readOffset = 0;
        let sum = 0;
        for (let n = MiB / 8; n > 0; n--) sum += smart.readDoubleBE();
        return sum;
      }],
      ["Node Buffer readDoubleBE(offset), offset kept by the caller", () => {
        let sum = 0;
        for (let offset = 0, n = MiB / 8; n > 0; n--, offset += 8) {
          sum += node.readDoubleBE(offset);
        }
        return sum;
      }],
    ];
    for (const [name, run] of rows) {
      verify(
        name,
        run(),
        name.startsWith("protobufjs") ? readAll64(true) : expected,
      );
      Deno.bench({
        group,
        name,
        fn() {
          sink.value = run();
        },
      });
    }
  }
  group = "writeFloat64 over 1 MiB";
  Deno.bench({
    group,
    name: "limit: DataView.setFloat64, own position and bounds check",
    baseline: true,
    fn() {
      let position = 0;
      for (let n = MiB / 8; n > 0; n--) {
        if (position + 8 > end) eof();
        view.setFloat64(position, n * 0.5);
        position += 8;
      }
      sink.value = position;
    },
  });
  Deno.bench({
    group,
    name: "floor: DataView.setFloat64, position kept in an object",
    fn() {
      const state = new Position();
      for (let n = MiB / 8; n > 0; n--) {
        const position = state.position;
        if (position + 8 > end) eof();
        view.setFloat64(position, n * 0.5);
        state.position = position + 8;
      }
      sink.value = state.position;
    },
  });
  Deno.bench({
    group,
    name: "Cursor.writeFloat64",
    fn() {
      const cursor = new Cursor(memory);
      for (let n = MiB / 8; n > 0; n--) cursor.writeFloat64(n * 0.5);
      sink.value = cursor.position;
    },
  });
  Deno.bench({
    group,
    name: "minimal object cursor: a class with a position field",
    fn() {
      const cursor = new MinimalCursor(memory);
      sink.value = cursor;
      for (let n = MiB / 8; n > 0; n--) cursor.writeFloat64(n + 0.5);
      sink.value = cursor.position;
    },
  });
  {
    // The peers, each checked against what the limit writes before it is
    // timed.
    const expected = writtenAll(() => {
      for (let position = 0, n = MiB / 8; n > 0; n--, position += 8) {
        view.setFloat64(position, n + 0.5);
      }
    });
    const jsonjoy = new JsonJoyWriter(MiB + 64);
    const bytes = ByteBuffer.allocate(MiB, ByteBuffer.BIG_ENDIAN);
    const smart = SmartBuffer.fromSize(MiB);
    const node = NodeBuffer.alloc(MiB);
    const rows: [string, () => Uint8Array][] = [
      ["@jsonjoy.com/buffers Writer.f64()", () => {
        jsonjoy.reset();
        for (let n = MiB / 8; n > 0; n--) jsonjoy.f64(n + 0.5);
        return jsonjoy.uint8.subarray(0, jsonjoy.x);
      }],
      ["protobufjs Writer.double() + finish() (little-endian)", () => {
        const writer = protobuf.Writer.create();
        for (let n = MiB / 8; n > 0; n--) writer.double(n + 0.5);
        return writer.finish();
      }],
      ["bytebuffer writeFloat64()", () => {
        bytes.offset = 0;
        for (let n = MiB / 8; n > 0; n--) bytes.writeFloat64(n + 0.5);
        return new Uint8Array(
          bytes.buffer.buffer,
          bytes.buffer.byteOffset,
          MiB,
        );
      }],
      ["smart-buffer writeDoubleBE()", () => {
        smart.writeOffset = 0;
        for (let n = MiB / 8; n > 0; n--) smart.writeDoubleBE(n + 0.5);
        return smart.internalBuffer.subarray(0, MiB);
      }],
      [
        "Node Buffer writeDoubleBE(value, offset), offset kept by the caller",
        () => {
          for (let offset = 0, n = MiB / 8; n > 0; n--, offset += 8) {
            node.writeDoubleBE(n + 0.5, offset);
          }
          return node;
        },
      ],
    ];
    for (const [name, run] of rows) {
      const written = run();
      if (name.startsWith("protobufjs")) {
        const back = new DataView(written.buffer, written.byteOffset, MiB);
        verify(name, back.getFloat64(8, true), MiB / 8 - 1 + 0.5);
        verify(name, written.byteLength, MiB);
      } else {
        verify(name, written, expected);
      }
      Deno.bench({
        group,
        name,
        fn() {
          sink.value = run();
        },
      });
    }
  }
}

// ---------------------------------------------------------------------------
// Async read: the honest floor of any async reader is one awaited `async`
// call per chunk around the copy itself. 16 passes make each iteration long
// enough for the ratio to settle.
{
  const source = filled(SOURCE);
  const p = new Uint8Array(16);
  const cursor = new Cursor(source);
  const passes = 16;
  const group = `read ${label(SOURCE * passes)} in 16 B chunks, awaited ` +
    `(${passes} passes over ${label(SOURCE)})`;
  // deno-lint-ignore require-await -- measures the cost of an async call
  const readAt = async (position: number): Promise<number> => {
    p.set(source.subarray(position, position + 16));
    return 16;
  };
  Deno.bench({
    group,
    name: "async limit: await an async subarray + set per chunk",
    baseline: true,
    // Enough samples of a long iteration for the minimum to settle.
    n: 100,
    warmup: 20,
    async fn() {
      for (let pass = 0; pass < passes; pass++) {
        for (let position = 0; position < SOURCE;) {
          position += await readAt(position);
        }
      }
    },
  });
  Deno.bench({
    group,
    name: "Cursor.read",
    n: 100,
    warmup: 20,
    async fn() {
      for (let pass = 0; pass < passes; pass++) {
        cursor.position = 0;
        while ((await cursor.read(p)) !== null);
      }
    },
  });
}

// ---------------------------------------------------------------------------
// Random access: seek to a precomputed random position, read 8 bytes.
{
  const source = filled(MiB);
  const positions = new Uint32Array(64 * KiB);
  let state = 0x9e3779b9; // xorshift32: the same positions on every run
  for (let i = 0; i < positions.length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    positions[i] = (state >>> 0) % (source.byteLength - 8);
  }
  const p = new Uint8Array(8);
  const cursor = new Cursor(source);
  const group = "random seek + 8 B read (64 Ki reads in 1 MiB)";
  Deno.bench({
    group,
    name: "limit: p.set(source.subarray(position, position + 8))",
    baseline: true,
    fn() {
      for (const position of positions) {
        p.set(source.subarray(position, position + 8));
      }
    },
  });
  Deno.bench({
    group,
    name: "Cursor.seekSync + readSync",
    fn() {
      for (const position of positions) {
        cursor.seekSync(position, SeekMode.Start);
        cursor.readSync(p);
      }
    },
  });
  Deno.bench({
    group,
    name: "Cursor.position = + readSync",
    fn() {
      for (const position of positions) {
        cursor.position = position;
        cursor.readSync(p);
      }
    },
  });
  Deno.bench({
    group,
    name: "Cursor.seek + read",
    async fn() {
      for (const position of positions) {
        await cursor.seek(position, SeekMode.Start);
        await cursor.read(p);
      }
    },
  });
}

// ---------------------------------------------------------------------------
// Drain: get every remaining byte out, as a view or as a copy.
{
  const size = 16 * MiB;
  const source = filled(size);
  const node = NodeBuffer.from(source.buffer, 0, size);
  const cursor = new Cursor(source);
  const target = new Cursor(new Uint8Array(size));
  const scratch = new Uint8Array(SCRATCH);
  const group = "drain 16 MiB";
  Deno.bench({
    group,
    name: "limit: source.subarray(position)",
    baseline: true,
    fn() {
      const position = 0;
      sink.value = source.subarray(position);
      sink.count = source.byteLength;
    },
  });
  Deno.bench({
    group,
    name: "Cursor.bytes().subarray(position) + seek to end",
    fn() {
      cursor.position = 0;
      sink.value = cursor.bytes().subarray(cursor.position);
      sink.count = cursor.seekSync(0, SeekMode.End);
    },
  });
  Deno.bench({
    group,
    name: "readAll loop over Cursor.readSync (copies)",
    fn() {
      cursor.position = 0;
      sink.value = readAllSync(cursor);
    },
  });
  Deno.bench({
    group,
    name: "readAll loop over Cursor.read (copies)",
    async fn() {
      cursor.position = 0;
      sink.value = await readAll(cursor);
    },
  });
  Deno.bench({
    group,
    name: "copy loop: 32 KiB scratch, readSync then writeSync",
    fn() {
      cursor.position = 0;
      target.position = 0;
      for (let n; (n = cursor.readSync(scratch)) !== null;) {
        target.writeSync(scratch.subarray(0, n));
      }
    },
  });
  Deno.bench({
    group,
    name: "copy loop: 32 KiB scratch, read then write",
    async fn() {
      cursor.position = 0;
      target.position = 0;
      for (let n; (n = await cursor.read(scratch)) !== null;) {
        await target.write(scratch.subarray(0, n));
      }
    },
  });
  if (Buffer) {
    Deno.bench({
      group,
      name: "Buffer.bytes({ copy: false }) (@std/io)",
      fn() {
        sink.value = new Buffer(source.buffer).bytes({ copy: false });
      },
    });
  }
  Deno.bench({
    group,
    name: "new Blob([bytes]).stream() → concat",
    ...SLOW,
    fn: timedThenFreed(() => collect(new Blob([source]).stream()), 1),
  });
  Deno.bench({
    group,
    name: "new Response(bytes).bytes()",
    fn: timedThenFreed(() => new Response(source).bytes(), 1),
  });
  Deno.bench({
    group,
    name: "ReadableStream.from([bytes]) → concat",
    async fn() {
      sink.value = await collect(ReadableStream.from([source]));
    },
  });
  Deno.bench({
    group,
    name: "Readable.from(buffer) → concat (node:stream)",
    async fn() {
      sink.value = await collect(Readable.from(node));
    },
  });
}

/** `16 B`, `4 KiB`, `64 MiB`. */
function label(bytes: number): string {
  if (bytes >= MiB) return `${bytes / MiB} MiB`;
  if (bytes >= KiB) return `${bytes / KiB} KiB`;
  return `${bytes} B`;
}
