/**
 * Benchmarks for the zero-copy views and typed reads, each group measured
 * against the physical limit: a raw `DataView` or `subarray` loop with a
 * hand-kept position. Run with `deno bench bench/views.ts`.
 */

import { Cursor as HazaeCursor } from "@hazae41/cursor";
import { Cursor } from "../mod.ts";

/** 1 MiB: 262144 Uint32 reads or 65536 take(16) calls per iteration. */
const SIZE = 1024 * 1024;
const bytes = new Uint8Array(SIZE).map((_, i) => i * 31);

/** Keeps results alive so the loops cannot be optimised away. */
let sink = 0;

Deno.bench({
  group: "readUint32",
  name: "raw DataView.getUint32 loop (limit)",
  baseline: true,
  fn() {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let sum = 0;
    for (let at = 0; at + 4 <= view.byteLength; at += 4) {
      sum += view.getUint32(at);
    }
    sink += sum;
  },
});

Deno.bench({
  group: "readUint32",
  name: "Cursor.readUint32()",
  fn() {
    const cursor = new Cursor(bytes);
    let sum = 0;
    for (let n = SIZE / 4; n > 0; n--) sum += cursor.readUint32();
    sink += sum;
  },
});

Deno.bench({
  group: "readUint32",
  name: "@hazae41/cursor readUint32OrThrow()",
  fn() {
    const cursor = new HazaeCursor(bytes);
    let sum = 0;
    for (let n = SIZE / 4; n > 0; n--) sum += cursor.readUint32OrThrow();
    sink += sum;
  },
});

Deno.bench({
  group: "take(16)",
  name: "raw subarray loop (limit)",
  baseline: true,
  fn() {
    let sum = 0;
    for (let at = 0; at + 16 <= bytes.byteLength; at += 16) {
      sum += bytes.subarray(at, at + 16).byteLength;
    }
    sink += sum;
  },
});

Deno.bench({
  group: "take(16)",
  name: "Cursor.take(16)",
  fn() {
    const cursor = new Cursor(bytes);
    let sum = 0;
    for (let n = SIZE / 16; n > 0; n--) sum += cursor.take(16).byteLength;
    sink += sum;
  },
});

Deno.bench({
  group: "take(16)",
  name: "@hazae41/cursor readOrThrow(16)",
  fn() {
    const cursor = new HazaeCursor(bytes);
    let sum = 0;
    for (let n = SIZE / 16; n > 0; n--) {
      sum += cursor.readOrThrow(16).byteLength;
    }
    sink += sum;
  },
});

/**
 * 16-byte records, each parsed with a fresh cursor: the lazy DataView's
 * cost. Last, because its garbage would slow the groups after it.
 */
const RECORDS = 4096;

Deno.bench({
  group: "readUint32 x4, new cursor per 16-byte record",
  name: "raw new DataView per record (limit)",
  baseline: true,
  fn() {
    let sum = 0;
    for (let at = 0; at < RECORDS * 16; at += 16) {
      const view = new DataView(bytes.buffer, bytes.byteOffset + at, 16);
      sum += view.getUint32(0) + view.getUint32(4) + view.getUint32(8) +
        view.getUint32(12);
    }
    sink += sum;
  },
});

Deno.bench({
  group: "readUint32 x4, new cursor per 16-byte record",
  name: "Cursor.readUint32()",
  fn() {
    let sum = 0;
    for (let at = 0; at < RECORDS * 16; at += 16) {
      const cursor = new Cursor(bytes.subarray(at, at + 16));
      sum += cursor.readUint32() + cursor.readUint32() + cursor.readUint32() +
        cursor.readUint32();
    }
    sink += sum;
  },
});

Deno.bench({
  group: "readUint32 x4, new cursor per 16-byte record",
  name: "@hazae41/cursor readUint32OrThrow()",
  fn() {
    let sum = 0;
    for (let at = 0; at < RECORDS * 16; at += 16) {
      const cursor = new HazaeCursor(bytes.subarray(at, at + 16));
      sum += cursor.readUint32OrThrow() + cursor.readUint32OrThrow() +
        cursor.readUint32OrThrow() + cursor.readUint32OrThrow();
    }
    sink += sum;
  },
});

globalThis.addEventListener("unload", () => {
  if (sink === 0.5) console.log(sink);
});
