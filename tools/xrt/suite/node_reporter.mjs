// A `node --test` reporter that prints each failure, how many cases each skip
// reason skipped, then `node <version>: N passed, N failed` like the other
// runtimes.

import { summary } from "./harness.mjs";

/**
 * @param {AsyncIterable<{ type: string, data: any }>} source Test events.
 * @returns {AsyncGenerator<string>} The lines to print.
 */
export default async function* reporter(source) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  /** @type {Map<string, number>} */
  const skips = new Map();
  for await (const { type, data } of source) {
    // Only cases count: node also reports each file as a test of its own.
    if (data?.details?.type === "suite" || data?.file === data?.name) continue;
    if (type === "test:pass" && data.skip !== undefined) {
      skipped++;
      skips.set(data.skip, (skips.get(data.skip) ?? 0) + 1);
    } else if (type === "test:pass") {
      passed++;
    } else if (type === "test:fail") {
      failed++;
      const error = data.details?.error;
      yield `FAIL ${data.name}\n  ${error?.cause?.message ?? error?.message}\n`;
    } else if (
      type === "test:diagnostic" &&
      /^(tests|pass|fail)/.test(data.message) === false
    ) {
      yield `${data.message}\n`;
    }
  }
  for (const [reason, n] of skips) yield `skipped ${n}: ${reason}\n`;
  yield `${summary(`node ${process.version}`, passed, failed, skipped)}\n`;
  if (failed > 0 || passed === 0) process.exitCode = 1;
}
