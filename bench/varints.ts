/**
 * Benchmarks of the varints (LEB128) against the limit, the cursor's own
 * decoder or encoder written out by hand without a cursor around it, and
 * the peers: protobufjs 8.8.1 (`Reader.uint32()`, `Writer.uint32()`,
 * `Reader.uint64()`) and bytebuffer 5.0.1 (`readVarint32()`,
 * `writeVarint32()`).
 *
 * The data: 1 MiB of unsigned varints whose lengths (1 to 5 bytes, or 1 to
 * 10 for the 64-bit group) are drawn evenly by a fixed pseudo-random
 * sequence, each value drawn within its length, so that every length is as
 * common as any other. Every row does the same work per iteration and
 * checks its result once before it is timed.
 *
 * What each peer's row times: `Reader.uint32()` and `readVarint32()` over the
 * whole data, from a reader made in the timed part; `Writer.uint32()` of
 * every value into a `Writer` made just before the timed part, which queues
 * each value (its `finish()`, which writes the bytes, runs only in the check
 * before timing); `writeVarint32()` into a `ByteBuffer` of 1 MiB made once,
 * so that it never grows; `Reader.uint64()`, which gives a `Long` (protobufjs
 * 8.8.1 depends on the long package; without it, a `number` that rounds
 * above 2^53), every value kept in an array as the cursor's bigints are.
 *
 * Run with `deno task bench`, or alone:
 * `deno bench --allow-read --allow-write bench/varints.ts`.
 *
 * @module
 */

import ByteBuffer from "bytebuffer";
import protobuf from "protobufjs/minimal.js";
import { Cursor } from "../mod.ts";
import {
  decodeVarUint32,
  encodeVarints,
  encodeVarUint32,
  MiB,
  sink,
  varintValues,
  verify,
} from "./_util.ts";

/** Registers a row of `group` that runs `run`, the limit as its baseline. */
function bench(group: string, name: string, run: () => unknown): void {
  Deno.bench({
    group,
    name,
    baseline: name.startsWith("limit"),
    fn() {
      sink.value = run();
    },
  });
}

/** Throws like the cursor at the end of the memory. */
function eof(): never {
  throw new RangeError("end of the memory");
}

// ---------------------------------------------------------------------------
// 32 bits: read and write.

const VALUES_32 = varintValues(MiB, 5).map(Number);
const COUNT_32 = VALUES_32.length;
const MEMORY_32 = encodeVarints(VALUES_32.map(BigInt), MiB);
const SUM_32 = VALUES_32.reduce((sum, value) => sum + value, 0);

{
  const group = "read 1 MiB of mixed-length unsigned varints (sizes 1-5 bytes)";
  // 4 zeros after the data, which no row reads, let the limit load 5 bytes
  // at each varint, the last ones too.
  const memory = new Uint8Array(MiB + 4);
  memory.set(MEMORY_32);
  const rows: [string, () => number][] = [
    ["limit: the cursor's decoder by hand, no cursor around it", () => {
      const state = new Int32Array(1);
      let sum = 0;
      for (let n = COUNT_32; n > 0; n--) {
        const value = decodeVarUint32(memory, state);
        if (value < 0) eof();
        sum += value;
      }
      return sum;
    }],
    ["Cursor.readVarUint32", () => {
      const cursor = new Cursor(memory);
      let sum = 0;
      for (let n = COUNT_32; n > 0; n--) sum += cursor.readVarUint32();
      return sum;
    }],
    ["protobufjs Reader.uint32()", () => {
      const reader = protobuf.Reader.create(memory);
      let sum = 0;
      for (let n = COUNT_32; n > 0; n--) sum += reader.uint32();
      return sum;
    }],
    ["bytebuffer readVarint32() (an int32: >>> 0 makes it unsigned)", () => {
      const bytes = ByteBuffer.wrap(memory);
      let sum = 0;
      for (let n = COUNT_32; n > 0; n--) sum += bytes.readVarint32() >>> 0;
      return sum;
    }],
  ];
  for (const [name, run] of rows) {
    verify(name, run(), SUM_32);
    bench(group, name, run);
  }
}

{
  const group =
    "write 1 MiB of mixed-length unsigned varints (sizes 1-5 bytes)";
  const values = VALUES_32;
  const memory = new Uint8Array(MiB);
  const bytes = ByteBuffer.allocate(MiB);
  const rows: [string, (b?: Deno.BenchContext) => Uint8Array][] = [
    ["limit: the cursor's encoder by hand, no cursor around it", () => {
      for (let at = 0, i = 0; i < COUNT_32; i++) {
        at = encodeVarUint32(memory, at, values[i]!);
      }
      return memory;
    }],
    ["Cursor.writeVarUint32", () => {
      const cursor = new Cursor(memory);
      for (let i = 0; i < COUNT_32; i++) cursor.writeVarUint32(values[i]!);
      return memory;
    }],
    [
      "protobufjs Writer.uint32() into a new Writer (finish() not timed)",
      (b) => {
        const writer = protobuf.Writer.create();
        b?.start();
        for (let i = 0; i < COUNT_32; i++) writer.uint32(values[i]!);
        b?.end();
        // Only the check before timing runs finish(): it writes the bytes
        // that the uint32() calls queued.
        return b === undefined ? writer.finish() : memory;
      },
    ],
    ["bytebuffer writeVarint32()", () => {
      bytes.offset = 0;
      for (let i = 0; i < COUNT_32; i++) bytes.writeVarint32(values[i]!);
      return new Uint8Array(bytes.buffer.buffer, bytes.buffer.byteOffset, MiB);
    }],
  ];
  for (const [name, run] of rows) {
    memory.fill(0);
    verify(name, Uint8Array.from(run()), MEMORY_32);
    Deno.bench({
      group,
      name,
      baseline: name.startsWith("limit"),
      fn(b) {
        // Rows that time only a part of the iteration take the context.
        sink.value = run(name.startsWith("protobufjs") ? b : undefined);
      },
    });
  }
}

// ---------------------------------------------------------------------------
// 64 bits, as bigints.

{
  const group =
    "64-bit varints as bigint: read 1 MiB of mixed-length unsigned varints (sizes 1-10 bytes)";
  const values = varintValues(MiB, 10);
  const count = values.length;
  const memory = encodeVarints(values, MiB);
  const end = memory.byteLength;
  // Every row keeps every value it reads, as a parser would.
  const out: unknown[] = new Array(count).fill(0n);
  const word = new DataView(new ArrayBuffer(8));
  const rows: [string, () => unknown[]][] = [
    [
      "limit: a decode loop into two 32-bit halves, then a bigint from a DataView",
      () => {
        for (let at = 0, i = 0; i < count; i++) {
          let low = 0;
          let high = 0;
          for (let shift = 0;; shift += 7) {
            if (at >= end) eof();
            const byte = memory[at++]!;
            if (shift < 28) low |= (byte & 0x7f) << shift;
            else if (shift === 28) {
              low |= byte << 28;
              high = (byte & 0x7f) >> 4;
            } else high |= (byte & 0x7f) << shift - 32;
            if (byte < 0x80) break;
          }
          word.setInt32(0, low, true);
          word.setInt32(4, high, true);
          out[i] = word.getBigUint64(0, true);
        }
        return out;
      },
    ],
    ["Cursor.readBigVarUint64", () => {
      const cursor = new Cursor(memory);
      for (let i = 0; i < count; i++) out[i] = cursor.readBigVarUint64();
      return out;
    }],
    [
      "protobufjs Reader.uint64() (a Long: protobufjs 8.8.1 has the long package)",
      () => {
        const reader = protobuf.Reader.create(memory);
        for (let i = 0; i < count; i++) out[i] = reader.uint64();
        return out;
      },
    ],
  ];
  for (const [name, run] of rows) {
    out.fill(0n);
    const read = run().map((value) =>
      typeof value === "bigint"
        ? value
        : BigInt((value as protobuf.Long).high >>> 0) << 32n |
          BigInt((value as protobuf.Long).low >>> 0)
    );
    verify(name, read, values);
    bench(group, name, run);
  }
}
