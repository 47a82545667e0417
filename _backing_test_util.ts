/**
 * Test helper: every kind of memory a cursor can wrap, each built inside
 * guard bytes so a test can prove that bytes outside the view are untouched.
 */

import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { Cursor, type CursorSource } from "@iocursor/cursor";
import { missing, requires } from "./_runtime_test_util.ts";

/** The guard byte value written around every backing view. */
export const GUARD = 0xa5;

/** How far a growable backing can grow past its initial bytes. */
export const GROWTH = 64;

/** Memory for one test: the source to wrap and ways to inspect it. */
export interface Backing {
  /** What to pass to `new Cursor()`. */
  source: CursorSource;
  /** The bytes the cursor should see, read straight from the memory. */
  view(): Uint8Array;
  /** Asserts that no byte outside the view changed. */
  assertGuards(): void;
  /**
   * How many bytes a cursor can grow the view by in place: {@linkcode GROWTH}
   * for a resizable or growable buffer it tracks, 0 for fixed memory and for
   * a buffer already at its `maxByteLength`.
   */
  growth: number;
  /**
   * Whether the view follows its buffer's length, so that a cursor may
   * resize it: a resizable or growable buffer, or a length-tracking view of
   * one, even at its `maxByteLength` (then it can only shrink, and grow back).
   */
  tracks: boolean;
  /**
   * Resizes the memory as its owner would, so the view holds `length` bytes
   * (at most its initial length + `growth`; new bytes are zero). Only on
   * kinds whose view tracks a resizable `ArrayBuffer`.
   */
  resize?(length: number): void;
  /**
   * Resizes the buffer as its owner would, so it ends `end` bytes after the
   * view's start (up to its `maxByteLength`). Only on kinds over a resizable
   * `ArrayBuffer`. Below the view's end a fixed-length view is out of
   * bounds, and below its start (a negative `end`, 0 at the least) a
   * length-tracking one too: the view is then empty. Guard bytes cut off
   * come back as zeros when the buffer grows again, and
   * {@linkcode assertGuards} then expects zeros there.
   */
  resizeBuffer?(end: number): void;
  /** Where the view starts in its buffer, after the guard bytes before it. */
  byteOffset: number;
}

/** Builds a backing holding `initial`. */
export type BackingMaker = (initial: Uint8Array) => Backing;

function guarded(
  before: number,
  after: number,
  length: number,
  makeBuffer: (size: number) => ArrayBufferLike,
  wrap: (
    buffer: ArrayBufferLike,
    offset: number,
    length: number,
  ) => CursorSource,
  growth = 0,
  tracks = growth > 0,
): BackingMaker {
  return (initial) => {
    assert.equal(initial.byteLength, length, "maker length mismatch");
    const buffer = makeBuffer(before + length + after);
    const all = new Uint8Array(buffer);
    all.fill(GUARD);
    all.set(initial, before);
    // Bytes from here on were cut off by a resize at some point.
    let kept = buffer.byteLength;
    const guard = (whole: Uint8Array, i: number) => {
      if (i < whole.length) {
        assert.equal(whole[i], i < kept ? GUARD : 0, `guard byte ${i}`);
      }
    };
    const backing: Backing = {
      source: wrap(buffer, before, length),
      // Memory that grows is tracked to its current end (`after` is 0); a
      // view out of its buffer's bounds is empty.
      view: () =>
        buffer.byteLength < before + (tracks ? 0 : length)
          ? new Uint8Array(0)
          : tracks
          ? new Uint8Array(buffer, before)
          : new Uint8Array(buffer, before, length),
      growth,
      tracks,
      byteOffset: before,
      assertGuards() {
        const whole = new Uint8Array(buffer);
        for (let i = 0; i < before; i++) guard(whole, i);
        // Only the guard bytes written here: bytes a cursor grew the buffer
        // by belong to its view.
        for (let i = before + length; i < before + length + after; i++) {
          guard(whole, i);
        }
      },
    };
    if (buffer instanceof ArrayBuffer && buffer.resizable) {
      backing.resizeBuffer = (end) => {
        const size = Math.min(Math.max(0, before + end), buffer.maxByteLength);
        kept = Math.min(kept, size);
        buffer.resize(size);
      };
      if (tracks) backing.resize = backing.resizeBuffer;
    }
    return backing;
  };
}

/**
 * Every backing kind this runtime can make for data of `length` bytes. Kinds
 * whose element size does not divide `length` are left out, and so is "Node
 * Buffer" where the runtime has none (a browser): a loop over this list
 * inside one case cannot skip a part of it. To register one case per kind,
 * use {@linkcode everyBacking} or {@linkcode testEveryBacking}, which skip
 * that kind with its reason instead.
 */
export function backings(length: number): [string, BackingMaker][] {
  return everyBacking(length).flatMap(([kind, make, reason]) =>
    reason === undefined ? [[kind, make]] : []
  );
}

const NODE_BUFFER = "Node Buffer";

/**
 * Every backing kind for data of `length` bytes, each with why this runtime
 * cannot make it (one of `missing`), or `undefined` where it can.
 */
export function everyBacking(
  length: number,
): [string, BackingMaker, string | undefined][] {
  return allBackings(length).map(([kind, make]) => [
    kind,
    make,
    kind === NODE_BUFFER ? missing.nodeBuffer : undefined,
  ]);
}

function allBackings(length: number): [string, BackingMaker][] {
  const ab = (n: number) => new ArrayBuffer(n);
  const sab = (n: number) => new SharedArrayBuffer(n);
  const kinds: [string, BackingMaker][] = [
    ["Uint8Array", guarded(0, 0, length, ab, (b) => new Uint8Array(b))],
    [
      "Uint8Array subarray",
      guarded(3, 5, length, ab, (b, o, n) => new Uint8Array(b, o, n)),
    ],
    ["ArrayBuffer", guarded(0, 0, length, ab, (b) => b)],
    ["SharedArrayBuffer", guarded(0, 0, length, sab, (b) => b)],
    [
      "SharedArrayBuffer Uint8Array subarray",
      guarded(2, 2, length, sab, (b, o, n) => new Uint8Array(b, o, n)),
    ],
    ["DataView", guarded(7, 1, length, ab, (b, o, n) => new DataView(b, o, n))],
    [
      "Uint8ClampedArray",
      guarded(1, 1, length, ab, (b, o, n) => new Uint8ClampedArray(b, o, n)),
    ],
    [
      "resizable ArrayBuffer",
      guarded(
        0,
        0,
        length,
        (n) => new ArrayBuffer(n, { maxByteLength: n + GROWTH }),
        (b) => b,
        GROWTH,
      ),
    ],
    [
      "length-tracking Uint8Array over a resizable ArrayBuffer",
      guarded(
        6,
        0,
        length,
        (n) => new ArrayBuffer(n, { maxByteLength: n + GROWTH }),
        (b, o) => new Uint8Array(b, o),
        GROWTH,
      ),
    ],
    [
      "fixed-length Uint8Array over a resizable ArrayBuffer",
      guarded(
        3,
        5,
        length,
        (n) => new ArrayBuffer(n, { maxByteLength: n + GROWTH }),
        (b, o, n) => new Uint8Array(b, o, n),
      ),
    ],
    [
      "resizable ArrayBuffer at its maxByteLength",
      guarded(
        0,
        0,
        length,
        (n) => new ArrayBuffer(n, { maxByteLength: n }),
        (b) => b,
        0,
        true,
      ),
    ],
    [
      "length-tracking Uint8Array over a full resizable ArrayBuffer",
      // Empty at its maxByteLength, a view can neither grow nor shrink, and
      // a cursor cannot tell whether it tracks: it is fixed memory then.
      guarded(
        6,
        0,
        length,
        (n) => new ArrayBuffer(n, { maxByteLength: n }),
        (b, o) => new Uint8Array(b, o),
        0,
        length > 0,
      ),
    ],
    [
      "fixed-length Uint8Array ending a full resizable ArrayBuffer",
      guarded(
        3,
        0,
        length,
        (n) => new ArrayBuffer(n, { maxByteLength: n }),
        (b, o, n) => new Uint8Array(b, o, n),
      ),
    ],
    [
      "growable SharedArrayBuffer",
      guarded(
        0,
        0,
        length,
        (n) => new SharedArrayBuffer(n, { maxByteLength: n + GROWTH }),
        (b) => b,
        GROWTH,
      ),
    ],
    [
      NODE_BUFFER,
      guarded(4, 4, length, ab, (b, o, n) => Buffer.from(b, o, n)),
    ],
  ];
  if (length % 2 === 0) {
    kinds.push([
      "Int16Array",
      guarded(2, 2, length, ab, (b, o, n) => new Int16Array(b, o, n / 2)),
    ]);
  }
  if (length % 8 === 0) {
    kinds.push([
      "Float64Array",
      guarded(8, 8, length, ab, (b, o, n) => new Float64Array(b, o, n / 8)),
    ]);
  }
  return kinds;
}

/**
 * Registers one `Deno.test` per backing kind: `${name} (${kind})`.
 *
 * @param name The test name, symbol and behaviour.
 * @param initial The bytes the backing starts with.
 * @param fn The test body.
 * @param reason Why this runtime cannot run the cases (one of `missing`), or
 * `undefined` to run them.
 */
export function testEveryBacking(
  name: string,
  initial: ArrayLike<number>,
  fn: (backing: Backing, kind: string) => void | Promise<void>,
  reason?: string,
): void {
  const bytes = Uint8Array.from(initial);
  for (const [kind, make, unavailable] of everyBacking(bytes.byteLength)) {
    Deno.test(requires(reason ?? unavailable, {
      name: `${name} (${kind})`,
      async fn() {
        const backing = make(bytes);
        await fn(backing, kind);
        backing.assertGuards();
      },
    }));
  }
}

/**
 * Detaches `buffer` the way `postMessage` with a transfer list does, which
 * every runtime supports (`ArrayBuffer.prototype.transfer()` is newer).
 *
 * @param buffer The buffer to detach.
 */
export function detach(buffer: ArrayBuffer): void {
  structuredClone(buffer, { transfer: [buffer] });
  assert.equal(buffer.byteLength, 0);
}

/** A cursor whose buffer was detached (transferred) after it was made. */
export function detachedCursor(): Cursor {
  const buffer = new ArrayBuffer(8);
  const cursor = new Cursor(buffer);
  detach(buffer);
  return cursor;
}
