/**
 * The error classes a caller may need to tell apart, each with a Node-style
 * `code`.
 *
 * @module
 */

import { byteCount } from "./_checks.ts";

/**
 * Thrown (or rejected with) by every operation on a cursor after
 * {@linkcode Cursor.prototype.close | cursor.close()}.
 *
 * @example Tell a closed cursor apart
 * ```ts
 * import { Cursor, CursorClosedError } from "@iocursor/cursor";
 * import assert from "node:assert/strict";
 *
 * const cursor = new Cursor(new Uint8Array(4));
 * cursor.close();
 * assert.throws(
 *   () => cursor.readSync(new Uint8Array(1)),
 *   CursorClosedError,
 * );
 * ```
 *
 * @example Check the `code`, as Node code does
 * ```ts
 * import { Cursor } from "@iocursor/cursor";
 * import assert from "node:assert/strict";
 *
 * const cursor = new Cursor(new Uint8Array(4));
 * cursor.close();
 * await assert.rejects(cursor.read(new Uint8Array(1)), {
 *   code: "ERR_CURSOR_CLOSED",
 *   message: "Cannot read: the cursor is closed",
 * });
 * ```
 */
export class CursorClosedError extends Error {
  /**
   * `"ERR_CURSOR_CLOSED"`, an own enumerable property like the `code` of
   * Node's errors.
   */
  readonly code: "ERR_CURSOR_CLOSED";

  /**
   * Creates the error for an action attempted on a closed cursor.
   *
   * @param action What was attempted, such as `"read"`.
   */
  constructor(action: string) {
    super(`Cannot ${action}: the cursor is closed`);
    this.name = "CursorClosedError";
    this.code = "ERR_CURSOR_CLOSED";
  }
}

/**
 * Thrown (or rejected with) by every write to a cursor made with
 * `{ readOnly: true }`. Nothing is written.
 *
 * @example Tell a read-only cursor apart
 * ```ts
 * import { Cursor, CursorReadOnlyError } from "@iocursor/cursor";
 * import assert from "node:assert/strict";
 *
 * const cursor = new Cursor(new Uint8Array(4), { readOnly: true });
 * assert.throws(
 *   () => cursor.writeSync(new Uint8Array(1)),
 *   CursorReadOnlyError,
 * );
 * assert.throws(() => cursor.writeUint8(1), {
 *   code: "ERR_CURSOR_READ_ONLY",
 * });
 * ```
 */
export class CursorReadOnlyError extends Error {
  /**
   * `"ERR_CURSOR_READ_ONLY"`, an own enumerable property like the `code` of
   * Node's errors.
   */
  readonly code: "ERR_CURSOR_READ_ONLY";

  /**
   * Creates the error for a write attempted on a read-only cursor.
   *
   * @param action What was attempted, such as `"write"`.
   */
  constructor(action: string) {
    super(`Cannot ${action}: the cursor is read-only`);
    this.name = "CursorReadOnlyError";
    this.code = "ERR_CURSOR_READ_ONLY";
  }
}

/**
 * Thrown (or rejected with) when a write does not fit between the position
 * and the end of the wrapped memory. Nothing is written and the position does
 * not move: a cursor never writes part of a buffer.
 *
 * @example Find out how much room was left
 * ```ts
 * import { Cursor, CursorFullError } from "@iocursor/cursor";
 * import assert from "node:assert/strict";
 *
 * const cursor = new Cursor(new Uint8Array(4));
 * cursor.writeSync(new Uint8Array(3));
 * assert.throws(() => cursor.writeSync(new Uint8Array(2)), (error) => {
 *   assert(error instanceof CursorFullError);
 *   assert.equal(error.code, "ERR_CURSOR_FULL");
 *   assert.equal(error.requested, 2);
 *   assert.equal(error.available, 1);
 *   return true;
 * });
 * assert.equal(cursor.position, 3);
 * ```
 */
export class CursorFullError extends RangeError {
  /**
   * `"ERR_CURSOR_FULL"`, an own enumerable property like the `code` of Node's
   * errors.
   */
  readonly code: "ERR_CURSOR_FULL";
  /** How many bytes the write wanted to store. */
  readonly requested: number;
  /**
   * How many bytes were free between the position and the end; for memory
   * that grows in place, up to its `maxByteLength`.
   */
  readonly available: number;

  /**
   * Creates the error for a write that does not fit.
   *
   * @param action What was attempted, such as `"write"`.
   * @param requested How many bytes the write wanted to store.
   * @param available How many bytes were free.
   */
  constructor(action: string, requested: number, available: number) {
    super(
      `Cannot ${action} ${byteCount(requested)}: there is room for ${
        byteCount(available)
      } before the end`,
    );
    this.name = "CursorFullError";
    this.code = "ERR_CURSOR_FULL";
    this.requested = requested;
    this.available = available;
  }
}

/**
 * Thrown (or rejected with) when a read needs more bytes than remain between
 * the position and the end, as by
 * {@linkcode Cursor.prototype.readExactSync | cursor.readExactSync()},
 * {@linkcode Cursor.prototype.take | cursor.take()} and the typed reads such as
 * {@linkcode Cursor.prototype.readUint32 | cursor.readUint32()}. Nothing is
 * read and the position does not move.
 *
 * @example Find out how many bytes were left
 * ```ts
 * import { Cursor, UnexpectedEofError } from "@iocursor/cursor";
 * import assert from "node:assert/strict";
 *
 * const cursor = new Cursor(new Uint8Array(3));
 * assert.throws(() => cursor.readExactSync(new Uint8Array(8)), (error) => {
 *   assert(error instanceof UnexpectedEofError);
 *   assert.equal(error.code, "ERR_UNEXPECTED_EOF");
 *   assert.equal(
 *     error.message,
 *     "Cannot read exactly 8 bytes: only 3 bytes remain",
 *   );
 *   assert.equal(error.requested, 8);
 *   assert.equal(error.available, 3);
 *   return true;
 * });
 * assert.equal(cursor.position, 0);
 * ```
 */
export class UnexpectedEofError extends RangeError {
  /**
   * `"ERR_UNEXPECTED_EOF"`, an own enumerable property like the `code` of
   * Node's errors.
   */
  readonly code: "ERR_UNEXPECTED_EOF";
  /** How many bytes the read needed. */
  readonly requested: number;
  /** How many bytes remained between the position and the end. */
  readonly available: number;

  /**
   * Creates the error for a read that needs more bytes than remain.
   *
   * @param action What was attempted, such as `"read exactly"`.
   * @param requested How many bytes the read needed.
   * @param available How many bytes remained.
   */
  constructor(action: string, requested: number, available: number) {
    super(
      `Cannot ${action} ${byteCount(requested)}: only ${byteCount(available)} ${
        available === 1 ? "remains" : "remain"
      }`,
    );
    this.name = "UnexpectedEofError";
    this.code = "ERR_UNEXPECTED_EOF";
    this.requested = requested;
    this.available = available;
  }
}
