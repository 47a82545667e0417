/**
 * Argument checks and the wording of their error messages, shared by the
 * cursor, its errors and its streams.
 *
 * @module
 */

/**
 * Describes a value for an error message: numbers and bigints as written,
 * strings quoted, anything else by its kind.
 *
 * @param value The offending value.
 * @returns A short description such as `-3`, `5n`, `"0"` or `an object`.
 */
export function describe(value: unknown): string {
  switch (typeof value) {
    case "number":
      return Object.is(value, -0) ? "-0" : String(value);
    case "bigint":
      return `${value}n`;
    case "string":
      return JSON.stringify(value);
    case "object":
      if (value === null) return "null";
      if (Array.isArray(value)) return "an array";
      // An anonymous class has the name "", which says nothing.
      return `an instance of ${value.constructor?.name || "Object"}`;
    default:
      return String(typeof value === "function" ? "a function" : value);
  }
}

/**
 * Counts bytes in words for a message: `1 byte`, `0 bytes`, `8 bytes`.
 *
 * @param count How many bytes.
 * @returns The count with its unit.
 */
export function byteCount(count: number): string {
  return count === 1 ? "1 byte" : `${count} bytes`;
}

/**
 * The getter of `%TypedArray%.prototype[Symbol.toStringTag]`: the name of a
 * typed array's type, read from its internal slot, whatever its realm.
 */
const TYPED_ARRAY_NAME = Object.getOwnPropertyDescriptor(
  Object.getPrototypeOf(Uint8Array.prototype),
  Symbol.toStringTag,
)!.get!;

/**
 * Whether `value` is a real `Uint8Array` (or subclass), of this realm or
 * another (an iframe, a `node:vm` context). `instanceof` alone also accepts
 * look-alikes and Proxies, whose `byteLength` the engine refuses with its own
 * message, and refuses other realms' arrays; `ArrayBuffer.isView` is an
 * internal-slot check that engines inline, so this stays cheap on the hot
 * path, and only an array of another realm gets to the type's name.
 */
export function isBytes(value: unknown): value is Uint8Array {
  // Stryker disable next-line ConditionalExpression: equivalent, the brand check below answers the same for every value (CONTRIBUTING.md, Mutation testing)
  if (value instanceof Uint8Array) return ArrayBuffer.isView(value);
  return ArrayBuffer.isView(value) &&
    TYPED_ARRAY_NAME.call(value) === "Uint8Array";
}

/** The error for an argument `name` that is not a `Uint8Array`. */
export function notUint8Array(
  action: string,
  name: string,
  value: unknown,
): TypeError {
  return new TypeError(
    `Cannot ${action}: ${name} must be a Uint8Array, received ${
      describe(value)
    }`,
  );
}

/** Checks the constructor's `options.readOnly`, which defaults to `false`. */
export function toReadOnly(value: unknown): boolean {
  const readOnly = value ?? false;
  // A truthy non-boolean such as "yes" or 1 must not leave the memory writable.
  if (typeof readOnly === "boolean") return readOnly;
  throw new TypeError(
    `Cannot create a cursor: options.readOnly must be a boolean, received ${
      describe(readOnly)
    }`,
  );
}

/**
 * Checks the `options.fatal` of `readString()` and the text lines, which
 * defaults to `false`.
 *
 * @param action The action for the error message, such as `"decode"`.
 * @param options The options given, if any.
 * @returns Whether invalid UTF-8 is to throw.
 */
export function toFatal(
  action: string,
  options: { fatal?: boolean } | undefined,
): boolean {
  const fatal = options?.fatal ?? false;
  if (typeof fatal === "boolean") return fatal;
  throw new TypeError(
    `Cannot ${action}: options.fatal must be a boolean, received ${
      describe(fatal)
    }`,
  );
}

/**
 * Checks a byte count given to `peek()`, `take()` and the like; `name` is the
 * parameter that messages name.
 */
export function toLength(action: string, value: unknown, name = "n"): number {
  // Fast path: a safe integer >= 0 is the only valid count.
  if (Number.isSafeInteger(value) && (value as number) >= 0) {
    return value as number;
  }
  if (typeof value !== "number") {
    throw new TypeError(
      `Cannot ${action}: ${name} must be a number, received ${describe(value)}`,
    );
  }
  throw new RangeError(
    `Cannot ${action}: ${name} must be a non-negative safe integer, received ${
      describe(value)
    }`,
  );
}

/** The error for a `readUntil()` delimiter that is not a byte value. */
export function notDelimiter(value: unknown): TypeError {
  const ErrorClass = typeof value === "number" ? RangeError : TypeError;
  return new ErrorClass(
    `Cannot read until a delimiter: delimiter must be an integer from 0 to 255, received ${
      describe(value)
    }`,
  );
}

/**
 * What a typed write throws when its value did not convert: for a value of
 * the wrong kind (a bigint for a number, a number for a bigint, a symbol),
 * a `TypeError` naming the argument instead of the engine's text; for an
 * object whose own conversion threw, that error.
 *
 * @param method The `DataView` setter, such as `"setUint32"`.
 * @param value The value the caller gave.
 * @param error What converting it threw.
 */
export function conversionError(
  method: string,
  value: unknown,
  error: unknown,
): unknown {
  if (typeof value === "function" || (typeof value === "object" && value)) {
    return error;
  }
  const kind = method.startsWith("setBig") ? "bigint" : "number";
  return new TypeError(
    `Cannot write a ${method.slice(3)}: value must be a ${kind}, received ${
      describe(value)
    }`,
  );
}

/**
 * Throws unless the runtime's `DataView` has the typed-number accessor
 * `method` (`getFloat16` and `setFloat16` are new).
 */
export function assertAccessor(method: string): void {
  if (typeof (DataView.prototype as never)[method] !== "function") {
    throw new TypeError(
      `Cannot ${method.startsWith("get") ? "read" : "write"} a ${
        method.slice(3)
      }: this runtime has no DataView.prototype.${method}`,
    );
  }
}

/** Throws a TypeError unless `value` has a method called `method`. */
export function assertMethod(
  action: string,
  name: string,
  value: unknown,
  method: string,
): void {
  if (
    typeof (value as Record<string, unknown> | null)?.[method] !== "function"
  ) {
    throw new TypeError(
      `Cannot ${action}: ${name} must have a ${method}() method, received ${
        describe(value)
      }`,
    );
  }
}

/**
 * Checks the count a reader or writer answered with.
 *
 * @throws {TypeError} If `count` is not a number.
 * @throws {RangeError} If `count` is not an integer from `min` to `max`.
 */
export function checkCount(
  action: string,
  name: string,
  count: unknown,
  min: number,
  max: number,
): asserts count is number {
  if (
    Number.isInteger(count) && count as number >= min && count as number <= max
  ) return;
  const message = `Cannot ${action}: ${name} returned ${
    describe(count)
  } for ${max} bytes, expected ${min === 0 ? "null or 0" : min} to ${max}`;
  throw typeof count === "number"
    ? new RangeError(message)
    : new TypeError(message);
}
