/**
 * Model-based test of the views, exact, positional and typed-number methods:
 * random command sequences run against a `Cursor` and against a plain model
 * (a copy of the bytes, a position and `DataView` on the copy), which must
 * agree on every result, error, position and byte.
 */

import assert from "node:assert/strict";
import fc from "fast-check";
import { Cursor, CursorFullError, UnexpectedEofError } from "@iocursor/cursor";

/** The model: what the cursor's memory and position must be. */
interface Model {
  bytes: Uint8Array;
  position: number;
  readOnly: boolean;
}

/** What a command returned, or the error it threw, in comparable form. */
type Outcome =
  | { value: unknown }
  | { error: string; requested?: number; available?: number };

function run(f: () => unknown): Outcome {
  try {
    const value = f();
    return { value: value instanceof Uint8Array ? Array.from(value) : value };
  } catch (error) {
    assert(error instanceof Error);
    if (
      error instanceof UnexpectedEofError || error instanceof CursorFullError
    ) {
      return {
        error: error.name,
        requested: error.requested,
        available: error.available,
      };
    }
    return { error: error.name };
  }
}

const remaining = (m: Model) => Math.max(0, m.bytes.byteLength - m.position);
const eof = (requested: number, available: number): Outcome => ({
  error: "UnexpectedEofError",
  requested,
  available,
});
const full = (requested: number, available: number): Outcome => ({
  error: "CursorFullError",
  requested,
  available,
});

/** The typed numbers: size and DataView's accessors by name. */
const NUMBERS = [
  ["Int8", 1],
  ["Uint8", 1],
  ["Int16", 2],
  ["Uint16", 2],
  ["Int32", 4],
  ["Uint32", 4],
  ["BigInt64", 8],
  ["BigUint64", 8],
  ["Float16", 2],
  ["Float32", 4],
  ["Float64", 8],
] as const;

type Call = (target: object, name: string, ...args: unknown[]) => unknown;
const call: Call = (target, name, ...args) =>
  (target as Record<string, (...a: unknown[]) => unknown>)[name]!(...args);

/** One command: what it does to the cursor and what the model expects. */
interface Command {
  label: string;
  real(cursor: Cursor): unknown;
  model(m: Model): Outcome;
}

const LENGTH = 24;
const offset = fc.integer({ min: 0, max: LENGTH + 4 });
const count = fc.integer({ min: 0, max: 12 });

const commands: fc.Arbitrary<Command>[] = [
  offset.map((to) => ({
    label: `position = ${to}`,
    real: (c) => (c.position = to),
    model: (m) => ({ value: m.position = to }),
  })),
  count.map((n) => ({
    label: `peek(${n})`,
    real: (c) => c.peek(n),
    model: (m) => ({
      value: Array.from(m.bytes.subarray(m.position, m.position + n)),
    }),
  })),
  count.map((n) => ({
    label: `take(${n})`,
    real: (c) => c.take(n),
    model: (m) => {
      if (n > remaining(m)) return eof(n, remaining(m));
      const value = Array.from(m.bytes.subarray(m.position, m.position + n));
      m.position += n;
      return { value };
    },
  })),
  fc.constant<Command>({
    label: "remainder()",
    real: (c) => c.remainder(),
    model: (m) => ({ value: Array.from(m.bytes.subarray(m.position)) }),
  }),
  fc.integer({ min: 0, max: 255 }).map((d) => ({
    label: `readUntil(${d})`,
    real: (c) => c.readUntil(d),
    model: (m) => {
      if (m.position >= m.bytes.byteLength) return { value: null };
      let end = m.position;
      while (end < m.bytes.byteLength && m.bytes[end] !== d) end++;
      end = Math.min(end + 1, m.bytes.byteLength);
      const value = Array.from(m.bytes.subarray(m.position, end));
      m.position = end;
      return { value };
    },
  })),
  count.map((n) => ({
    label: `readExactSync(${n})`,
    real: (c) => c.readExactSync(new Uint8Array(n)),
    model: (m) => {
      if (n > 0 && n > remaining(m)) return eof(n, remaining(m));
      const value = Array.from(m.bytes.subarray(m.position, m.position + n));
      m.position += n;
      return { value };
    },
  })),
  fc.tuple(count, offset).map(([n, at]) => ({
    label: `readAtSync(${n}, ${at})`,
    real: (c) => {
      const p = new Uint8Array(n);
      const read = c.readAtSync(p, at);
      return [read, Array.from(p)];
    },
    model: (m) => {
      const p = new Uint8Array(n);
      const chunk = m.bytes.subarray(at, at + n);
      p.set(chunk);
      const read = n === 0 ? 0 : chunk.byteLength === 0 ? null : chunk.length;
      return { value: [read, Array.from(p)] };
    },
  })),
  fc.tuple(fc.uint8Array({ maxLength: 10 }), offset).map(([p, at]) => ({
    label: `writeAtSync([${p}], ${at})`,
    real: (c) => c.writeAtSync(p, at),
    model: (m) => {
      if (m.readOnly) return { error: "CursorReadOnlyError" };
      const room = Math.max(0, m.bytes.byteLength - at);
      if (p.byteLength === 0) return { value: 0 };
      if (p.byteLength > room) return full(p.byteLength, room);
      m.bytes.set(p, at);
      return { value: p.byteLength };
    },
  })),
  fc.tuple(fc.constantFrom(...NUMBERS), fc.boolean()).map((
    [[name, size], littleEndian],
  ) => ({
    label: `read${name}(${littleEndian})`,
    real: (c) => call(c, `read${name}`, littleEndian),
    model: (m) => {
      if (size > remaining(m)) return eof(size, remaining(m));
      const view = new DataView(m.bytes.buffer);
      const value = call(view, `get${name}`, m.position, littleEndian);
      m.position += size;
      return { value };
    },
  })),
  fc.tuple(
    fc.constantFrom(...NUMBERS),
    fc.boolean(),
    fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n }),
    fc.double(),
  ).map(([[name, size], littleEndian, big, float]) => {
    const value = name.startsWith("Big")
      ? big
      : name.startsWith("Float")
      ? float
      : Number(big % 2n ** 33n);
    return {
      label: `write${name}(${value}, ${littleEndian})`,
      real: (c: Cursor) => call(c, `write${name}`, value, littleEndian),
      model: (m: Model): Outcome => {
        if (m.readOnly) return { error: "CursorReadOnlyError" };
        if (size > remaining(m)) return full(size, remaining(m));
        const view = new DataView(m.bytes.buffer);
        call(view, `set${name}`, m.position, value, littleEndian);
        m.position += size;
        return { value: undefined };
      },
    };
  }),
];

Deno.test("Cursor views, exact, positional and typed methods agree with a model", () => {
  fc.assert(
    fc.property(
      fc.uint8Array({ minLength: LENGTH, maxLength: LENGTH }),
      fc.boolean(),
      fc.array(fc.oneof(...commands), { maxLength: 40 }),
      (initial, readOnly, sequence) => {
        const memory = initial.slice();
        const cursor = new Cursor(memory, { readOnly });
        const model: Model = { bytes: initial.slice(), position: 0, readOnly };
        for (const command of sequence) {
          const actual = run(() => command.real(cursor));
          const expected = command.model(model);
          assert.deepEqual(actual, expected, command.label);
          assert.equal(cursor.position, model.position, command.label);
          assert.deepEqual(memory, model.bytes, command.label);
        }
      },
    ),
    { numRuns: 300 },
  );
});
