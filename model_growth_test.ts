/**
 * The growth models: writes, `readFrom()` and `truncate()` on memory that may
 * grow (resizable and growable buffers, length-tracking and fixed-length
 * views of them), each against a `number[]` and the limit the memory can grow
 * to. The runs, seed and shrinking come from `_model_test_util.ts`.
 */

import assert from "node:assert/strict";
import fc from "fast-check";
import { Cursor, CursorFullError } from "@iocursor/cursor";
import { byteCount, exactly } from "./_assert_test_util.ts";
import { params, RUNS } from "./_model_test_util.ts";

/** Memory that may grow: the source, its bytes now, and its limit. */
interface Growable {
  kind: string;
  source: ArrayBuffer | SharedArrayBuffer | Uint8Array;
  bytes(): Uint8Array;
  /** The longest the view can get; its length for fixed memory. */
  limit: number;
}

function growable(kind: string, length: number, max: number): Growable {
  switch (kind) {
    case "resizable ArrayBuffer":
    case "growable SharedArrayBuffer": {
      const buffer = kind === "resizable ArrayBuffer"
        ? new ArrayBuffer(length, { maxByteLength: max })
        : new SharedArrayBuffer(length, { maxByteLength: max });
      return {
        kind,
        source: buffer,
        bytes: () => new Uint8Array(buffer),
        limit: max,
      };
    }
    case "length-tracking Uint8Array at offset 3": {
      const buffer = new ArrayBuffer(3 + length, { maxByteLength: 3 + max });
      const view = new Uint8Array(buffer, 3);
      return { kind, source: view, bytes: () => view, limit: max };
    }
    default: {
      // A fixed-length view over a resizable buffer: fixed rules.
      const buffer = new ArrayBuffer(length, { maxByteLength: max });
      const view = new Uint8Array(buffer, 0, length);
      return { kind, source: view, bytes: () => view, limit: length };
    }
  }
}

const GROWABLE_KINDS = [
  "resizable ArrayBuffer",
  "length-tracking Uint8Array at offset 3",
  "growable SharedArrayBuffer",
  "fixed-length Uint8Array over a resizable ArrayBuffer",
];

type GrowthStep = { seek: number } | { write: number[] } | { cut: number };

/**
 * The resizable buffer that the owner of `memory` (a resizable
 * `ArrayBuffer`, or the length-tracking view at offset 3 of one) can resize
 * behind the cursor's back, and where the view starts in it.
 */
function owner(memory: Growable): { buffer: ArrayBuffer; offset: number } {
  const { source } = memory;
  // A view cut out of its buffer reads an offset of 0: the kind tells.
  return ArrayBuffer.isView(source)
    ? { buffer: source.buffer as ArrayBuffer, offset: 3 }
    : { buffer: source as ArrayBuffer, offset: 0 };
}

Deno.test("Cursor.writeSync() with growth matches a model: grow to the write's end up to the limit, zeros in gaps, else nothing changes, also after the owner cut the buffer, below the view's start too, before or after the cursor was made", () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...GROWABLE_KINDS),
      fc.nat(16),
      fc.nat(48),
      // A cut before the cursor is made: below the view's start at 3 makes
      // its offset read 0.
      fc.option(fc.nat(4), { nil: undefined }),
      fc.array(
        fc.oneof(
          fc.record({ seek: fc.nat(80) }),
          fc.record({
            write: fc.array(fc.integer({ min: 1, max: 255 }), {
              maxLength: 20,
            }),
          }),
          fc.record({ cut: fc.nat(70) }),
        ),
        { maxLength: 30 },
      ),
      (kind, length, extra, first, steps: GrowthStep[]) => {
        const memory = growable(kind, length, length + extra);
        const model: number[] = new Array(length).fill(0);
        // The owner resizes a buffer the view follows (a shared one cannot
        // shrink; a fixed-length view has its own tests).
        const cuts = kind !== "growable SharedArrayBuffer" &&
          !kind.startsWith("fixed");
        const cut = (to: number) => {
          const { buffer, offset } = owner(memory);
          const size = Math.min(to, offset + memory.limit);
          buffer.resize(size);
          const now = Math.max(0, size - offset);
          model.length = Math.min(model.length, now);
          while (model.length < now) model.push(0);
        };
        if (cuts && first !== undefined) cut(first);
        const cursor = new Cursor(memory.source);
        let position = 0;
        for (const step of steps) {
          if ("seek" in step) {
            cursor.position = step.seek;
            position = step.seek;
            continue;
          }
          if ("cut" in step) {
            if (!cuts) continue;
            cut(step.cut);
            assert.equal(cursor.byteLength, model.length);
            continue;
          }
          const p = Uint8Array.from(step.write);
          const end = position + p.byteLength;
          if (p.byteLength === 0) {
            assert.equal(cursor.writeSync(p), 0);
          } else if (end <= memory.limit) {
            assert.equal(cursor.writeSync(p), p.byteLength);
            while (model.length < end) model.push(0);
            model.splice(position, p.byteLength, ...step.write);
            position = end;
          } else {
            assert.throws(
              () => cursor.writeSync(p),
              new CursorFullError(
                "write",
                p.byteLength,
                Math.max(0, memory.limit - position),
              ),
            );
          }
          assert.equal(cursor.position, position);
          assert.equal(cursor.byteLength, model.length);
          // Indexed, not iterated: a view cut out of its buffer throws then.
          const bytes = memory.bytes();
          assert.deepEqual(
            Array.from({ length: bytes.byteLength }, (_, i) => bytes[i]),
            model,
          );
        }
      },
    ),
    { ...params, numRuns: Math.ceil(RUNS * 0.3) },
  );
});

Deno.test("Cursor.readFromSync() with growth matches a model: reads min(data, room up to the limit) and leaves the rest", () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...GROWABLE_KINDS),
      fc.nat(16),
      fc.nat(200_000),
      fc.nat(24),
      fc.nat(150_000),
      fc.integer({ min: 1, max: 70_000 }),
      (kind, length, extra, start, size, chunk) => {
        const memory = growable(kind, length, length + extra);
        const cursor = new Cursor(memory.source);
        cursor.position = start;
        const data = new Uint8Array(size).map((_, i) => (i % 251) + 1);
        const reader = new Cursor(data);
        const limited = {
          readSync: (p: Uint8Array) => reader.readSync(p.subarray(0, chunk)),
        };
        const expected = Math.min(size, Math.max(0, memory.limit - start));
        assert.equal(cursor.readFromSync(limited), expected);
        assert.equal(reader.position, expected);
        const end = expected > 0 ? start + expected : start;
        assert.equal(cursor.position, end);
        const bytes = memory.bytes();
        if (kind !== "growable SharedArrayBuffer") {
          // Trimmed back to where the data ends (or as it was).
          assert.equal(
            bytes.byteLength,
            expected > 0 ? Math.max(length, end) : length,
          );
        }
        assert.deepEqual(
          bytes.subarray(start, end),
          data.subarray(0, expected),
        );
        // Any gap between the old end and the start is zeros.
        assert(
          bytes.subarray(length, Math.min(start, bytes.byteLength)).every((b) =>
            b === 0
          ),
        );
      },
    ),
    { ...params, numRuns: Math.ceil(RUNS * 0.15) },
  );
});

Deno.test("Cursor.readFromSync() matches a model when the owner cuts or detaches the memory while the reader reads into it", () => {
  fc.assert(
    fc.property(
      fc.constantFrom(
        "resizable ArrayBuffer",
        "length-tracking Uint8Array at offset 3",
        "ArrayBuffer, detached",
      ),
      fc.integer({ min: 1, max: 24 }),
      fc.nat(24),
      fc.nat(24),
      fc.nat(30),
      (kind, length, start, read, cut) => {
        fc.pre(start < length);
        const offset = kind.startsWith("length-tracking") ? 3 : 0;
        const buffer = kind.endsWith("detached")
          ? new ArrayBuffer(length)
          : new ArrayBuffer(offset + length, { maxByteLength: 64 });
        const cursor = new Cursor(
          offset === 0 ? buffer : new Uint8Array(buffer, offset),
        );
        cursor.position = start;
        // The reader fills part of what it is offered, then the memory is
        // cut to `cut` bytes (or detached) before it returns.
        const count = Math.min(read, length - start);
        let calls = 0;
        const reader = {
          readSync(p: Uint8Array): number | null {
            if (calls++ > 0) return null;
            assert.equal(p.byteLength, length - start);
            p.fill(7, 0, count);
            if (kind.endsWith("detached")) {
              structuredClone(buffer, { transfer: [buffer] });
            } else buffer.resize(Math.min(cut, 64));
            return count;
          },
        };
        if (kind.endsWith("detached")) {
          assert.throws(
            () => cursor.readFromSync(reader),
            exactly(
              TypeError,
              "Cannot read from a reader: the underlying ArrayBuffer is detached",
            ),
          );
          return;
        }
        // What the view holds after the cut, from its start.
        const now = Math.max(0, Math.min(cut, 64) - offset);
        const fits = start + count <= now;
        if (fits) {
          // Then the reader has nothing left (a full view grows by nothing).
          assert.equal(cursor.readFromSync(reader), count);
          assert.equal(cursor.position, start + count);
        } else {
          const available = Math.max(0, now - start);
          assert.throws(
            () => cursor.readFromSync(reader),
            exactly(
              CursorFullError,
              `Cannot store the reader's ${
                byteCount(count)
              }: there is room for ${byteCount(available)} before the end`,
            ),
          );
          assert.equal(cursor.position, start + available);
        }
        const view = new Uint8Array(
          buffer,
          Math.min(offset, buffer.byteLength),
        );
        const kept = Math.min(now, start + count);
        assert.deepEqual(
          [...view.subarray(start, kept)],
          new Array(Math.max(0, kept - start)).fill(7),
        );
      },
    ),
    { ...params, numRuns: Math.max(RUNS, 300) },
  );
});

Deno.test("Cursor.truncateSync() of a caller's view of a resizable ArrayBuffer matches a model, at and below maxByteLength", () => {
  fc.assert(
    fc.property(
      fc.nat(3),
      fc.nat(4),
      fc.nat(2),
      fc.nat(2),
      fc.boolean(),
      fc.array(fc.nat(8), { minLength: 1, maxLength: 4 }),
      (offset, length, after, extra, tracking, sizes) => {
        // A length-tracking view ends where its buffer ends; a fixed-length
        // one may leave `after` bytes. At `extra` 0 the buffer is full.
        const size = offset + length + (tracking ? 0 : after);
        const buffer = new ArrayBuffer(size, { maxByteLength: size + extra });
        const all = new Uint8Array(buffer);
        all.forEach((_, i) => all[i] = i + 1);
        const view = tracking
          ? new Uint8Array(buffer, offset)
          : new Uint8Array(buffer, offset, length);
        const cursor = new Cursor(view);
        // The model: a tracking view resizes within maxByteLength, with zeros
        // past the old end; a fixed-length one keeps its length.
        let model = [...all];
        let current = length;
        for (const target of sizes) {
          // An empty view at the end of a full buffer can neither grow nor
          // shrink, and the cursor cannot tell whether it tracks: fixed.
          const follows = tracking &&
            (current > 0 || offset + current < size + extra);
          const fits = follows
            ? offset + target <= size + extra
            : target === current;
          if (fits) {
            cursor.truncateSync(target);
            if (follows) {
              model = model.slice(0, offset + target);
              while (model.length < offset + target) model.push(0);
            }
            current = target;
          } else {
            const reason = !follows
              ? `the memory is fixed-length (${byteCount(current)})`
              : `the memory can grow to ${
                byteCount(size + extra - offset)
              } at most`;
            assert.throws(
              () => cursor.truncateSync(target),
              exactly(
                RangeError,
                `Cannot truncate to ${byteCount(target)}: ${reason}`,
              ),
            );
          }
          assert.deepEqual([...new Uint8Array(buffer)], model);
          assert.equal(cursor.byteLength, current);
        }
      },
    ),
    params,
  );
});
