/**
 * The model of views, exact reads, positional I/O and typed numbers: random
 * commands run against a `Cursor` and against a copy of its bytes with a
 * position, typed numbers checked against `DataView` on the copy. The runs,
 * seed and shrinking come from `_model_test_util.ts`.
 */

import assert from "node:assert/strict";
import fc from "fast-check";
import { Cursor, CursorFullError, UnexpectedEofError } from "@iocursor/cursor";
import { invoke, NUMBER_KINDS, params, RUNS } from "./_model_test_util.ts";
import { missing, requires } from "./_runtime_test_util.ts";

/** The model: what the cursor's memory and position must be. */
interface ViewModel {
  bytes: Uint8Array;
  position: number;
  readOnly: boolean;
}

/** What a command returned, or the error it threw, in comparable form. */
type ViewOutcome =
  | { value: unknown }
  | { error: string; requested?: number; available?: number };

function outcomeOf(f: () => unknown): ViewOutcome {
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

const left = (m: ViewModel) => Math.max(0, m.bytes.byteLength - m.position);
const eofOutcome = (requested: number, available: number): ViewOutcome => ({
  error: "UnexpectedEofError",
  requested,
  available,
});
const fullOutcome = (requested: number, available: number): ViewOutcome => ({
  error: "CursorFullError",
  requested,
  available,
});

/** One command: what it does to the cursor and what the model expects. */
interface ViewCommand {
  label: string;
  real(cursor: Cursor): unknown;
  model(m: ViewModel): ViewOutcome;
}

const VIEW_LENGTH = 24;
const viewOffset = fc.integer({ min: 0, max: VIEW_LENGTH + 4 });
const viewCount = fc.integer({ min: 0, max: 12 });

/** The commands, with typed reads and writes of the `numbers` given. */
function viewCommands(
  numbers: readonly (typeof NUMBER_KINDS)[number][],
): fc.Arbitrary<ViewCommand>[] {
  return [
    viewOffset.map((to) => ({
      label: `position = ${to}`,
      real: (c) => (c.position = to),
      model: (m) => ({ value: m.position = to }),
    })),
    viewCount.map((n) => ({
      label: `peek(${n})`,
      real: (c) => c.peek(n),
      model: (m) => ({
        value: Array.from(m.bytes.subarray(m.position, m.position + n)),
      }),
    })),
    viewCount.map((n) => ({
      label: `take(${n})`,
      real: (c) => c.take(n),
      model: (m) => {
        if (n > left(m)) return eofOutcome(n, left(m));
        const value = Array.from(m.bytes.subarray(m.position, m.position + n));
        m.position += n;
        return { value };
      },
    })),
    fc.constant<ViewCommand>({
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
    viewCount.map((n) => ({
      label: `readExactSync(${n})`,
      real: (c) => c.readExactSync(new Uint8Array(n)),
      model: (m) => {
        if (n > 0 && n > left(m)) return eofOutcome(n, left(m));
        const value = Array.from(m.bytes.subarray(m.position, m.position + n));
        m.position += n;
        return { value };
      },
    })),
    fc.tuple(viewCount, viewOffset).map(([n, at]) => ({
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
    fc.tuple(fc.uint8Array({ maxLength: 10 }), viewOffset).map(([p, at]) => ({
      label: `writeAtSync([${p}], ${at})`,
      real: (c) => c.writeAtSync(p, at),
      model: (m) => {
        if (m.readOnly) return { error: "CursorReadOnlyError" };
        const room = Math.max(0, m.bytes.byteLength - at);
        if (p.byteLength === 0) return { value: 0 };
        if (p.byteLength > room) return fullOutcome(p.byteLength, room);
        m.bytes.set(p, at);
        return { value: p.byteLength };
      },
    })),
    fc.tuple(fc.constantFrom(...numbers), fc.boolean()).map((
      [[name, size], littleEndian],
    ) => ({
      label: `read${name}(${littleEndian})`,
      real: (c) => invoke(c, `read${name}`, littleEndian),
      model: (m) => {
        if (size > left(m)) return eofOutcome(size, left(m));
        const view = new DataView(m.bytes.buffer);
        const value = invoke(view, `get${name}`, m.position, littleEndian);
        m.position += size;
        return { value };
      },
    })),
    fc.tuple(
      fc.constantFrom(...numbers),
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
        real: (c: Cursor) => invoke(c, `write${name}`, value, littleEndian),
        model: (m: ViewModel): ViewOutcome => {
          if (m.readOnly) return { error: "CursorReadOnlyError" };
          if (size > left(m)) return fullOutcome(size, left(m));
          const view = new DataView(m.bytes.buffer);
          invoke(view, `set${name}`, m.position, value, littleEndian);
          m.position += size;
          return { value: undefined };
        },
      };
    }),
  ];
}

/** Runs random view command sequences against a cursor and the model. */
function checkViews(commands: fc.Arbitrary<ViewCommand>[]): void {
  fc.assert(
    fc.property(
      fc.uint8Array({ minLength: VIEW_LENGTH, maxLength: VIEW_LENGTH }),
      fc.boolean(),
      fc.array(fc.oneof(...commands), { maxLength: 40 }),
      (initial, readOnly, sequence) => {
        const memory = initial.slice();
        const cursor = new Cursor(memory, { readOnly });
        const model: ViewModel = {
          bytes: initial.slice(),
          position: 0,
          readOnly,
        };
        for (const command of sequence) {
          const actual = outcomeOf(() => command.real(cursor));
          const expected = command.model(model);
          assert.deepEqual(actual, expected, command.label);
          assert.equal(cursor.position, model.position, command.label);
          assert.deepEqual(memory, model.bytes, command.label);
        }
      },
    ),
    { ...params, numRuns: Math.ceil(RUNS * 0.3) },
  );
}

Deno.test("Cursor views, exact, positional and typed methods agree with a model", () => {
  checkViews(
    viewCommands(NUMBER_KINDS.filter(([name]) => name !== "Float16")),
  );
});

Deno.test(requires(missing.float16, {
  name:
    "Cursor.readFloat16() and writeFloat16() agree with a model among the view methods",
  fn() {
    checkViews(
      viewCommands(NUMBER_KINDS.filter(([name]) => name === "Float16")),
    );
  },
}));
