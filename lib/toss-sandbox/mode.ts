// The sandbox exists only in TOSS_MODE=sandbox. In live mode every /sandbox/toss route answers 404:
// pages through app/sandbox/toss/layout.tsx, route handlers through sandboxRoute() below.
import "server-only";
import { env, TOSS_DOCS_CLIENT_KEY, TOSS_DOCS_SECRET_KEY } from "@/lib/env";
import type { ConfiguredKeys } from "./keys";

export function sandboxEnabled(): boolean {
  return env.toss.mode === "sandbox";
}

/** Wraps a route handler so that it answers 404 outside sandbox mode. */
export function sandboxRoute<C>(handler: (request: Request, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    if (!sandboxEnabled()) return new Response("Not Found", { status: 404 });
    return handler(request, context);
  };
}

export function configuredKeys(): ConfiguredKeys {
  return {
    docsClientKey: TOSS_DOCS_CLIENT_KEY,
    docsSecretKey: TOSS_DOCS_SECRET_KEY,
    appClientKey: env.toss.clientKey,
    appSecretKey: env.toss.secretKey,
    appBillingClientKey: env.tossBilling?.clientKey,
    appBillingSecretKey: env.tossBilling?.secretKey,
  };
}

/** The public base URL of the app (and so of the sandbox), without a trailing slash. */
export function appUrl(): string {
  return env.appUrl;
}
