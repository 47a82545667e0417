/**
 * Benchmarks of growth: 1 MiB written from empty memory into a resizable
 * `ArrayBuffer` that a cursor grows in place, against the same writes into
 * fixed memory (the baseline), the engine's own `resize()` alone, and the
 * growing writers users pick instead, which copy into memory of their own as
 * it doubles. A cursor keeps the memory ending where the last write ends, as
 * a file does, so each write that goes past the end resizes the buffer once.
 *
 * Rows whose iteration takes tens of milliseconds run a few iterations
 * (`SLOW`). Run with `deno bench --allow-read bench/growth.ts`.
 *
 * @module
 */

import { Writer as JsonJoyWriter } from "@jsonjoy.com/buffers/lib/Writer.js";
import ByteBuffer from "bytebuffer";
import protobuf from "protobufjs/minimal.js";
import { Cursor } from "../mod.ts";
import { filled, MiB, sink, SLOW, verify } from "./_util.ts";

/** The most the resizable buffers may grow to. */
const MAX = 2 * MiB;

/** What 1 MiB of big-endian 32-bit numbers 0, 1, 2 ... looks like. */
const numbers = new Uint8Array(MiB);
{
  const view = new DataView(numbers.buffer);
  for (let i = 0; i < MiB / 4; i++) view.setUint32(4 * i, i);
}

/** What the engine-alone rows leave: 1 MiB of memory nothing wrote to. */
const zeros = new Uint8Array(MiB);

/** Registers a row after checking, once, that `run` writes `expected`. */
function row(
  group: string,
  name: string,
  run: () => Uint8Array,
  expected: Uint8Array,
  options: { baseline?: boolean; slow?: boolean } = {},
): void {
  verify(name, run(), expected);
  Deno.bench({
    group,
    name,
    ...(options.baseline ? { baseline: true } : {}),
    ...(options.slow ? SLOW : {}),
    fn() {
      sink.value = run();
    },
  });
}

// ---------------------------------------------------------------------------
// writeUint32 from empty memory

{
  const group = "grow 1 MiB by writeUint32 from empty memory";
  const fixed = new Uint8Array(MiB);
  row(
    group,
    "Cursor.writeUint32 into fixed memory (no growth)",
    () => {
      const cursor = new Cursor(fixed);
      sink.value = cursor;
      for (let i = 0; i < MiB / 4; i++) cursor.writeUint32(i);
      return fixed;
    },
    numbers,
    { baseline: true },
  );
  row(
    group,
    "Cursor.writeUint32 into new ArrayBuffer(0, { maxByteLength })",
    () => {
      const buffer = new ArrayBuffer(0, { maxByteLength: MAX });
      const cursor = new Cursor(buffer);
      sink.value = cursor;
      for (let i = 0; i < MiB / 4; i++) cursor.writeUint32(i);
      return new Uint8Array(buffer);
    },
    numbers,
    { slow: true },
  );
  row(
    group,
    "Cursor.truncateSync(1 MiB) first, then writeUint32",
    () => {
      const buffer = new ArrayBuffer(0, { maxByteLength: MAX });
      const cursor = new Cursor(buffer);
      sink.value = cursor;
      cursor.truncateSync(MiB);
      for (let i = 0; i < MiB / 4; i++) cursor.writeUint32(i);
      // Where the writes end: here the length it was given, so no shrink.
      cursor.truncateSync(cursor.position);
      return new Uint8Array(buffer);
    },
    numbers,
  );
  row(
    group,
    "engine alone: buffer.resize(length + 4), no write",
    () => {
      const buffer = new ArrayBuffer(0, { maxByteLength: MAX });
      for (let length = 4; length <= MiB; length += 4) buffer.resize(length);
      return new Uint8Array(buffer);
    },
    zeros,
    { slow: true },
  );
  row(
    group,
    "by hand: buffer.resize(end) + DataView.setUint32",
    () => {
      const buffer = new ArrayBuffer(0, { maxByteLength: MAX });
      const view = new DataView(buffer);
      for (let i = 0, end = 4; i < MiB / 4; i++, end += 4) {
        buffer.resize(end);
        view.setUint32(end - 4, i);
      }
      return new Uint8Array(buffer);
    },
    numbers,
    { slow: true },
  );
  row(group, "@jsonjoy.com/buffers Writer.u32(), growing from 64 bytes", () => {
    const writer = new JsonJoyWriter(64);
    for (let i = 0; i < MiB / 4; i++) writer.u32(i);
    return writer.flush();
  }, numbers);
  {
    // protobufjs writes little-endian: its own bytes are the reference.
    const expected = new Uint8Array(MiB);
    const view = new DataView(expected.buffer);
    for (let i = 0; i < MiB / 4; i++) view.setUint32(4 * i, i, true);
    row(group, "protobufjs Writer.fixed32() + finish() (little-endian)", () => {
      const writer = protobuf.Writer.create();
      for (let i = 0; i < MiB / 4; i++) writer.fixed32(i);
      return writer.finish();
    }, expected);
  }
  row(group, "bytebuffer writeUint32(), growing from 16 bytes", () => {
    const bytes = new ByteBuffer(16, ByteBuffer.BIG_ENDIAN);
    for (let i = 0; i < MiB / 4; i++) bytes.writeUint32(i);
    return new Uint8Array(bytes.buffer.buffer, bytes.buffer.byteOffset, MiB);
  }, numbers);
}

// ---------------------------------------------------------------------------
// 16-byte writeSync from empty memory

{
  const group = "grow 1 MiB by 16 B writeSync from empty memory";
  const chunk = filled(16);
  const expected = new Uint8Array(MiB);
  for (let at = 0; at < MiB; at += 16) expected.set(chunk, at);
  const fixed = new Uint8Array(MiB);
  row(
    group,
    "Cursor.writeSync into fixed memory (no growth)",
    () => {
      const cursor = new Cursor(fixed);
      sink.value = cursor;
      for (let n = MiB / 16; n > 0; n--) cursor.writeSync(chunk);
      return fixed;
    },
    expected,
    { baseline: true },
  );
  row(
    group,
    "Cursor.writeSync into new ArrayBuffer(0, { maxByteLength })",
    () => {
      const buffer = new ArrayBuffer(0, { maxByteLength: MAX });
      const cursor = new Cursor(buffer);
      sink.value = cursor;
      for (let n = MiB / 16; n > 0; n--) cursor.writeSync(chunk);
      return new Uint8Array(buffer);
    },
    expected,
    { slow: true },
  );
  row(
    group,
    "engine alone: buffer.resize(length + 16), no write",
    () => {
      const buffer = new ArrayBuffer(0, { maxByteLength: MAX });
      for (let length = 16; length <= MiB; length += 16) buffer.resize(length);
      return new Uint8Array(buffer);
    },
    zeros,
    { slow: true },
  );
  row(group, "@jsonjoy.com/buffers Writer.buf(), growing from 64 bytes", () => {
    const writer = new JsonJoyWriter(64);
    for (let n = MiB / 16; n > 0; n--) writer.buf(chunk, 16);
    return writer.flush();
  }, expected);
  row(group, "bytebuffer append(), growing from 16 bytes", () => {
    const bytes = new ByteBuffer(16);
    for (let n = MiB / 16; n > 0; n--) bytes.append(chunk);
    return new Uint8Array(bytes.buffer.buffer, bytes.buffer.byteOffset, MiB);
  }, expected);
}

// ---------------------------------------------------------------------------
// A WebAssembly memory from 1 page to 16

{
  const group = "grow a WebAssembly.Memory from 1 page to 16 by writeUint32";
  const fixed = new Uint8Array(MiB);
  // Growing a memory detaches its old buffer, which slows DataView accesses
  // in the whole process (see bench/crosstalk.ts): these rows check their
  // result on their first call, which comes after every other group ran,
  // not when the module loads.
  const rows: [string, () => Uint8Array, boolean][] = [
    ["Cursor.writeUint32 into fixed memory (no growth)", () => {
      const cursor = new Cursor(fixed);
      sink.value = cursor;
      for (let i = 0; i < MiB / 4; i++) cursor.writeUint32(i);
      return fixed;
    }, true],
    // The same writes into a new memory that already has its 16 pages: its
    // first writes to each page cost the system's page faults, as the
    // growing memory's do, so the difference is the growth's own cost.
    ["Cursor.writeUint32 into new WebAssembly.Memory({ initial: 16 })", () => {
      const memory = new WebAssembly.Memory({ initial: 16, maximum: 16 });
      const cursor = new Cursor(memory);
      sink.value = cursor;
      for (let i = 0; i < MiB / 4; i++) cursor.writeUint32(i);
      return new Uint8Array(memory.buffer);
    }, false],
    ["Cursor.writeUint32 into new WebAssembly.Memory({ initial: 1 })", () => {
      const memory = new WebAssembly.Memory({ initial: 1, maximum: 16 });
      const cursor = new Cursor(memory);
      sink.value = cursor;
      for (let i = 0; i < MiB / 4; i++) cursor.writeUint32(i);
      return new Uint8Array(memory.buffer);
    }, false],
  ];
  for (const [name, run, baseline] of rows) {
    let verified = false;
    Deno.bench({
      group,
      name,
      ...(baseline ? { baseline } : {}),
      fn() {
        const written = run();
        if (!verified) verify(name, written, numbers);
        verified = true;
        sink.value = written;
      },
    });
  }
}
