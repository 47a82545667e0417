/**
 * A reader conformance harness in the spirit of Go's `testing/iotest`
 * `TestReader`: over every backing kind, every read size and several reader
 * wrappers, reading everything yields exactly the original bytes, and the
 * end is reported as `null`, again and again.
 */

import assert from "node:assert/strict";
import { Cursor, SeekMode } from "@iocursor/cursor";
import { testEveryBacking } from "./_backing_test_util.ts";

const READ_SIZES = [0, 1, 2, 3, 7, 16, 23, 64, 4096];
const LENGTHS = [0, 1, 24, 255, 4104];

/** Reads into `p` through the cursor; may read fewer bytes than asked. */
type ReadFn = (cursor: Cursor, p: Uint8Array) => number | null;

/** Reader wrappers, like `iotest.OneByteReader` and `iotest.HalfReader`. */
const wrappers: [string, ReadFn][] = [
  ["plain", (cursor, p) => cursor.readSync(p)],
  ["one byte at a time", (cursor, p) => cursor.readSync(p.subarray(0, 1))],
  [
    "half reads",
    (cursor, p) => cursor.readSync(p.subarray(0, (p.byteLength + 1) >> 1)),
  ],
];

/** Pseudo-random bytes, so a misplaced byte cannot look right by chance. */
function data(length: number): Uint8Array {
  let x = 0x2545f491 ^ length;
  return Uint8Array.from({ length }, () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x & 0xff;
  });
}

/** Reads until `null`, checking every count; returns what was read. */
function readAll(cursor: Cursor, size: number, read: ReadFn): Uint8Array {
  const out = new Uint8Array(cursor.remaining);
  const p = new Uint8Array(size);
  const start = cursor.position;
  let at = 0;
  for (let n; (n = read(cursor, p)) !== null;) {
    assert(n > 0 && n <= size, `read returned ${n} for ${size} bytes`);
    out.set(p.subarray(0, n), at);
    at += n;
    assert.equal(cursor.position, start + at);
  }
  assert.equal(at, out.byteLength, "stopped before the end");
  return out;
}

/** What must hold at the end: `null` again and again, `0` for empty `p`. */
function assertEnd(cursor: Cursor, size: number, read: ReadFn): void {
  const position = cursor.position;
  for (let i = 0; i < 3; i++) {
    assert.equal(read(cursor, new Uint8Array(size)), null);
    assert.equal(cursor.readSync(new Uint8Array(0)), 0);
    assert.equal(cursor.position, position);
  }
}

for (const length of LENGTHS) {
  const original = data(length);
  testEveryBacking(
    `Cursor.readSync() returns the original ${length} bytes for every read size and wrapper`,
    original,
    (backing) => {
      const cursor = new Cursor(backing.source);
      for (const size of READ_SIZES) {
        for (const [, read] of wrappers) {
          cursor.seekSync(0, SeekMode.Start);
          if (size === 0) {
            // An empty read makes no progress: it gives 0, never null.
            assert.equal(read(cursor, new Uint8Array(0)), 0);
            assert.equal(cursor.position, 0);
            continue;
          }
          assert.deepEqual(readAll(cursor, size, read), original);
          assertEnd(cursor, size, read);
          // From the middle, after a seek relative to the end.
          const middle = length >> 1;
          assert.equal(cursor.seekSync(middle - length, SeekMode.End), middle);
          assert.deepEqual(
            readAll(cursor, size, read),
            original.subarray(middle),
          );
        }
      }
      assert.deepEqual(backing.view(), original);
    },
  );

  testEveryBacking(
    `Cursor.read() returns the original ${length} bytes, awaited one by one`,
    original,
    async (backing) => {
      const cursor = new Cursor(backing.source);
      for (const size of READ_SIZES.filter((size) => size > 0)) {
        cursor.position = 0;
        const out: number[] = [];
        const p = new Uint8Array(size);
        for (let n; (n = await cursor.read(p)) !== null;) {
          out.push(...p.subarray(0, n));
        }
        assert.deepEqual(Uint8Array.from(out), original);
        assert.equal(await cursor.read(p), null);
        assert.equal(cursor.position, length);
      }
    },
  );
}
