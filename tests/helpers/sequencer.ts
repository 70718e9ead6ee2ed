// The order vitest starts test files in. Files run in parallel, and the run lasts as long as its
// longest chain: the files that take longest (mostly waiting: a server killed and restarted, two
// development servers compiling, reconciliation's one-at-a-time files, a 3,000-request fuzzer) start
// first, so that they overlap everything else instead of running alone at the end. vitest's own order
// (the last run's durations, unknown on a fresh clone, then file size; one project after another, the
// unit tests' last) would leave some of them last.
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** Measured longest first (`npm test`'s vitest output on the 2-core machine); the rest keep vitest's order. */
const FIRST = [
  "tests/integration/payments/reconcile.test.ts",
  "tests/integration/payments/crash.test.ts",
  "tests/integration/embedded-postgres.test.ts",
  "tests/integration/http-abuse.test.ts",
  "tests/unit/sandbox/boundary.test.ts",
  "tests/integration/auth/sign-in-limit.test.ts",
  "tests/integration/auth/privileged-accounts.test.ts",
  "tests/integration/sandbox/cli.test.ts",
  // The other files that reconcile wait for reconcile.test.ts (tests/helpers/one-reconciling-file.ts).
  "tests/integration/payments/partial-cancels.test.ts",
  "tests/integration/sandbox/webhooks.test.ts",
  "tests/integration/payments/confirm.test.ts",
  "tests/integration/observability/sentry.test.ts",
  "tests/integration/payments/webhooks.test.ts",
  "tests/integration/install-platforms.test.ts",
  "tests/integration/payments/bad-input.test.ts",
  "tests/integration/sandbox/production.test.ts",
  "tests/integration/payments/round-trips.test.ts",
];

const rank = (spec: TestSpecification) => {
  const index = FIRST.findIndex((file) => spec.moduleId.replace(/\\/g, "/").endsWith(file));
  return index === -1 ? FIRST.length : index;
};

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return sorted
      .map((spec, position) => ({ spec, position }))
      .sort((a, b) => rank(a.spec) - rank(b.spec) || a.position - b.position)
      .map(({ spec }) => spec);
  }
}
