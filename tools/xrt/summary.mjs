// A node:test reporter for the suite: a dot per case (`x` when it fails, `-`
// when skipped), then each failure in full, a count of skipped cases per
// reason, and `<runtime>: N passed, N failed, N skipped` on a line alone.
import { inspect } from "node:util";

export default async function* summary(source) {
  let passed = 0;
  const failures = [];
  const skipped = new Map();
  for await (const { type, data } of source) {
    if (type === "test:stderr" || type === "test:stdout") {
      yield data.message;
    } else if (type === "test:pass" && data.skip !== undefined) {
      skipped.set(data.skip, (skipped.get(data.skip) ?? 0) + 1);
      yield "-";
    } else if (data?.nesting !== 0) {
      // Only cases count, not subtests.
    } else if (data.file === data.name) {
      // The file that node --test ran fails when it could not load the suite.
      if (type === "test:fail") failures.push(`FAILED ${data.name}\n`);
    } else if (type === "test:pass") {
      passed++;
      yield ".";
    } else if (type === "test:fail") {
      failures.push(
        `FAILED ${data.name}\n${
          inspect(data.details.error.cause ?? data.details.error)
        }\n`,
      );
      yield "x";
    }
  }
  yield "\n";
  yield* failures;
  for (const [reason, count] of skipped) yield `skipped ${count}: ${reason}\n`;
  let count = 0;
  for (const n of skipped.values()) count += n;
  yield `node: ${passed} passed, ${failures.length} failed, ${count} skipped\n`;
}
