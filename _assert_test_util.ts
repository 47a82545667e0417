/**
 * Test helper: exact error checks for `assert.throws` and `assert.rejects`,
 * and a guard that an async-shaped call returned a promise.
 */

import assert from "node:assert/strict";

// deno-lint-ignore no-explicit-any -- any error constructor, whatever its parameters
type ErrorClass = new (...args: any[]) => Error;

/**
 * A validator for `assert.throws`/`assert.rejects` that accepts only an error
 * of exactly `errorClass` (not a subclass), named after it, with `message`
 * and the given extra properties.
 *
 * @param errorClass The exact class the error must have.
 * @param message The exact message.
 * @param properties Further own properties the error must have.
 * @returns The validator.
 */
export function exactly(
  errorClass: ErrorClass,
  message: string,
  properties: Record<string, unknown> = {},
): (error: unknown) => true {
  return (error) => {
    assert.ok(error instanceof Error, `not an Error: ${String(error)}`);
    assert.equal(Object.getPrototypeOf(error), errorClass.prototype);
    assert.equal(error.name, errorClass.name);
    assert.equal(error.message, message);
    for (const [key, value] of Object.entries(properties)) {
      assert.equal((error as unknown as Record<string, unknown>)[key], value);
    }
    return true;
  };
}

/**
 * Asserts that an async-shaped method returned a promise rather than
 * throwing or returning a plain value, and hands the promise on.
 *
 * @param result What the method returned.
 * @returns The same promise.
 */
export function promised<T>(result: Promise<T>): Promise<T> {
  assert.equal(typeof result?.then, "function", "not a promise");
  return result;
}
