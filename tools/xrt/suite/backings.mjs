// Every kind of memory a cursor can wrap, each built inside guard bytes so a
// case can prove that bytes outside the view are never touched. The
// runtime-neutral twin of `_backing_test_util.ts`: kinds the runtime lacks are
// skipped and counted.

import { bytes, requires, test } from "./harness.mjs";

/** The guard byte written around every view. */
const GUARD = 0xa5;

/**
 * @typedef {{ source: any, view(): Uint8Array, resize(n: number): void }} Backing
 * @typedef {{
 *   kind: string,
 *   needs?: keyof import("./harness.mjs").features,
 *   unit?: number,
 *   before: number,
 *   after: number,
 *   buffer(size: number): ArrayBufferLike,
 *   wrap(buffer: any, offset: number, length: number): any,
 * }} Kind
 */

/** @type {Kind[]} */
const KINDS = [
  {
    kind: "Uint8Array",
    before: 0,
    after: 0,
    buffer: (n) => new ArrayBuffer(n),
    wrap: (b) => new Uint8Array(b),
  },
  {
    kind: "Uint8Array subarray",
    before: 3,
    after: 5,
    buffer: (n) => new ArrayBuffer(n),
    wrap: (b, o, n) => new Uint8Array(b, o, n),
  },
  {
    kind: "ArrayBuffer",
    before: 0,
    after: 0,
    buffer: (n) => new ArrayBuffer(n),
    wrap: (b) => b,
  },
  {
    kind: "SharedArrayBuffer",
    needs: "sharedArrayBuffer",
    before: 0,
    after: 0,
    buffer: (n) => new SharedArrayBuffer(n),
    wrap: (b) => b,
  },
  {
    kind: "SharedArrayBuffer Uint8Array subarray",
    needs: "sharedArrayBuffer",
    before: 2,
    after: 2,
    buffer: (n) => new SharedArrayBuffer(n),
    wrap: (b, o, n) => new Uint8Array(b, o, n),
  },
  {
    kind: "DataView",
    before: 7,
    after: 1,
    buffer: (n) => new ArrayBuffer(n),
    wrap: (b, o, n) => new DataView(b, o, n),
  },
  {
    kind: "Uint8ClampedArray",
    before: 1,
    after: 1,
    buffer: (n) => new ArrayBuffer(n),
    wrap: (b, o, n) => new Uint8ClampedArray(b, o, n),
  },
  {
    kind: "Int16Array",
    unit: 2,
    before: 2,
    after: 2,
    buffer: (n) => new ArrayBuffer(n),
    wrap: (b, o, n) => new Int16Array(b, o, n / 2),
  },
  {
    kind: "Float64Array",
    unit: 8,
    before: 8,
    after: 8,
    buffer: (n) => new ArrayBuffer(n),
    wrap: (b, o, n) => new Float64Array(b, o, n / 8),
  },
  {
    kind: "Node Buffer",
    needs: "nodeBuffer",
    before: 4,
    after: 4,
    buffer: (n) => new ArrayBuffer(n),
    wrap: (b, o, n) => globalThis.Buffer.from(b, o, n),
  },
  {
    kind: "resizable ArrayBuffer",
    needs: "resizableArrayBuffer",
    before: 0,
    after: 0,
    buffer: (n) => new ArrayBuffer(n, { maxByteLength: n + 64 }),
    wrap: (b) => b,
  },
  {
    kind: "growable SharedArrayBuffer",
    needs: "growableSharedArrayBuffer",
    before: 0,
    after: 0,
    buffer: (n) => new SharedArrayBuffer(n, { maxByteLength: n + 64 }),
    wrap: (b) => b,
  },
];

/**
 * Builds `kind` holding `initial` inside guard bytes.
 *
 * @param {Kind} kind The kind of memory.
 * @param {Uint8Array} initial The bytes the view starts with.
 * @returns {Backing & { assertGuards(): void }} The memory.
 */
function make(kind, initial) {
  const length = initial.byteLength;
  const buffer = kind.buffer(kind.before + length + kind.after);
  const all = new Uint8Array(buffer);
  all.fill(GUARD);
  all.set(initial, kind.before);
  return {
    source: kind.wrap(buffer, kind.before, length),
    view: () => new Uint8Array(buffer, kind.before, length),
    resize: (n) => {
      const b = /** @type {any} */ (buffer);
      if (b.resize) b.resize(n);
      else b.grow(n);
    },
    assertGuards() {
      const whole = new Uint8Array(buffer);
      const guards = [
        ...whole.subarray(0, kind.before),
        ...whole.subarray(
          kind.before + length,
          kind.before + length + kind.after,
        ),
      ];
      bytes(Uint8Array.from(guards), guards.map(() => GUARD), "guard bytes");
    },
  };
}

/**
 * Registers one case per backing kind: `${name} (${kind})`. Kinds whose
 * element size does not divide the length are left out; kinds the runtime
 * lacks are skipped.
 *
 * @param {string} name The case name, symbol and behaviour.
 * @param {ArrayLike<number>} initial The bytes the memory starts with.
 * @param {(backing: Backing, kind: string) => unknown} fn The body.
 * @param {{ resizableOnly?: boolean }} [options] Only resizable kinds.
 */
export function eachBacking(name, initial, fn, options = {}) {
  const start = Uint8Array.from(initial);
  for (const kind of KINDS) {
    if (start.byteLength % (kind.unit ?? 1) !== 0) continue;
    const resizable = kind.kind.startsWith("resizable") ||
      kind.kind.startsWith("growable");
    if (options.resizableOnly && !resizable) continue;
    test(`${name} (${kind.kind})`, async () => {
      if (kind.needs) requires(kind.needs);
      const backing = make(kind, start);
      await fn(backing, kind.kind);
      backing.assertGuards();
    });
  }
}
