// Sentry, loaded only when SENTRY_DSN is set (instrumentation.ts imports this module then, and nothing
// else imports it): server errors only, no tracing, no browser SDK, so the browser bundle is the same
// with or without it. Every event passes through scrubEvent before it leaves.
import "server-only";
import * as Sentry from "@sentry/nextjs";
import { after } from "next/server";
import { registerErrorReporter } from "./report";
import { scrubEvent, scrubString } from "./scrub";

export interface SentryOptions {
  dsn: string;
  environment: string;
  release?: string;
  /** the server's own secret values, removed from any text of an event */
  secrets: string[];
}

/** How long a request waits, after its answer, for its reports to leave (serverless may freeze after). */
const FLUSH_MS = 2_000;

function flushSoon(): void {
  const flush = () => Sentry.flush(FLUSH_MS).then(() => undefined);
  try {
    // Within a request: after the answer, kept alive until done (Vercel's waitUntil).
    after(flush);
  } catch {
    // Outside a request (startup): just send.
    void flush();
  }
}

export function startSentry({ dsn, environment, release, secrets }: SentryOptions): void {
  Sentry.init({
    dsn,
    environment,
    release,
    sendDefaultPii: false,
    // Errors only: no performance tracing, no profiling.
    tracesSampleRate: undefined,
    maxBreadcrumbs: 20,
    beforeSend: (event) => scrubEvent(event, secrets),
    beforeBreadcrumb: (breadcrumb) => ({
      ...breadcrumb,
      message: breadcrumb.message === undefined ? undefined : scrubString(breadcrumb.message, secrets),
      data: undefined,
    }),
  });
  registerErrorReporter((error, { context, level, tags }) => {
    Sentry.withScope((scope) => {
      scope.setLevel(level);
      scope.setTag("context", context);
      scope.setTags(tags);
      Sentry.captureException(error);
    });
    flushSoon();
  });
}

export const captureRequestError = Sentry.captureRequestError;
