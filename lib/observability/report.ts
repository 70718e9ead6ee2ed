// Unexpected server errors go to the reporter the server registered when it started (Sentry, when
// SENTRY_DSN is set: instrumentation.ts). With none registered, reporting is a no-op and nothing of a
// reporter is loaded. No imports: lib/errors.ts (shared with client components) calls this.
//
// The registry and the tags live on the error objects and on globalThis under Symbol.for keys, not in
// module variables: instrumentation.ts and the route bundles may hold separate copies of this module.

/** What a report may be tagged with: ids only, never an e-mail, a secret or a card number. */
export interface ReportTags {
  orderId?: string | null;
  tossTraceId?: string | null;
}

export interface ErrorReport {
  /** what was being done: "POST /api/payments/toss/confirm", "reconcile.confirm" */
  context: string;
  level: "error" | "warning";
  tags: Record<string, string>;
}

export type ErrorReporter = (error: unknown, report: ErrorReport) => void;

const REPORTER = Symbol.for("credit-checkout.error-reporter");
const TAGS = Symbol.for("credit-checkout.error-tags");
const TAG_NAMES = ["orderId", "tossTraceId"] as const;
const TAG_VALUE = /^[\w.:-]{1,128}$/;

type Holder = { [REPORTER]?: ErrorReporter };
type Tagged = { [TAGS]?: Record<string, string> };

export function registerErrorReporter(reporter: ErrorReporter): void {
  (globalThis as Holder)[REPORTER] = reporter;
}

/** Only the known tags, and only id-shaped values: a report never carries free text in a tag. */
function cleanTags(tags: ReportTags | Record<string, unknown> | undefined): Record<string, string> {
  const clean: Record<string, string> = {};
  for (const name of TAG_NAMES) {
    const value = (tags as Record<string, unknown> | undefined)?.[name];
    if (typeof value === "string" && TAG_VALUE.test(value)) clean[name] = value;
  }
  return clean;
}

/**
 * Marks an error with the order and Toss trace it happened in, for whoever reports it further up;
 * tags already on the error win (the innermost knows best). Returns the error, to rethrow it.
 */
export function tagError<E>(error: E, tags: ReportTags): E {
  if (typeof error === "object" && error !== null && Object.isExtensible(error)) {
    const holder = error as Tagged;
    holder[TAGS] = { ...cleanTags(tags), ...holder[TAGS] };
  }
  return error;
}

/** The tags on an error and on its causes. */
export function tagsOf(error: unknown): Record<string, string> {
  const tags: Record<string, string> = {};
  for (let e = error, depth = 0; typeof e === "object" && e !== null && depth < 5; e = (e as Error).cause, depth++) {
    Object.assign(tags, { ...(e as Tagged)[TAGS], ...tags });
  }
  return tags;
}

/**
 * Hands an unexpected error to the registered reporter, tagged from the error and from `details`
 * (e.g. `{ orderId }` a route knows). Never throws: reporting must not turn an answer into a crash.
 */
export function reportError(
  error: unknown,
  context: string,
  options: { level?: ErrorReport["level"]; details?: Record<string, unknown> } = {},
): void {
  const reporter = (globalThis as Holder)[REPORTER];
  if (!reporter) return;
  try {
    reporter(error, { context, level: options.level ?? "error", tags: { ...cleanTags(options.details), ...tagsOf(error) } });
  } catch {
    // The reporter's own failure is not the request's.
  }
}
