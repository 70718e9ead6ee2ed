// The origin a buyer is actually on. A Vercel preview answers on several hosts (the deployment's own
// URL, the branch URL a pull request links to, a production alias): a buyer who signed in on one must
// come back from Toss and from next-auth's redirects to that same host, where their session cookie
// lives. The Host header is the client's to choose, so it is followed only when it names one of the
// deployment's own hosts (env.ownHosts); anything else gets the configured app URL.
import { env } from "@/lib/env";

export interface OriginSource {
  /** x-forwarded-host (Vercel and `next start` set it) or Host */
  host: string | null | undefined;
  /** x-forwarded-proto */
  proto: string | null | undefined;
}

/** The vetted origin for a request's host and scheme; pure, for proxy.ts and tests. */
export function originFor(
  { host, proto }: OriginSource,
  ownHosts: readonly string[] = env.ownHosts,
  fallback: string = env.appUrl,
): string {
  // A proxy chain may list several values: the first is the client's.
  const first = (value: string | null | undefined) => value?.split(",")[0]?.trim().toLowerCase() ?? "";
  const wanted = first(host);
  if (!wanted || !ownHosts.includes(wanted)) return fallback;
  // Vercel sets x-forwarded-proto (https); `next start` sets it from its own socket. Only the client's
  // own URLs depend on it, so a client claiming http harms no one else.
  return `${first(proto) === "http" ? "http" : "https"}://${wanted}`;
}

/** The same for Fetch API headers. */
export function originOfHeaders(headers: Headers, ownHosts?: readonly string[], fallback?: string): string {
  return originFor({ host: headers.get("x-forwarded-host") ?? headers.get("host"), proto: headers.get("x-forwarded-proto") }, ownHosts, fallback);
}

/** The origin of the request being handled (route handler, server action or server component). */
export async function requestOrigin(): Promise<string> {
  const { headers } = await import("next/headers");
  return originOfHeaders(await headers());
}

/** Whether a URL is on one of this deployment's own hosts (e.g. a sandbox payment's successUrl). */
export function ownOriginOf(url: string, ownHosts: readonly string[] = env.ownHosts): string | null {
  try {
    const parsed = new URL(url);
    return ownHosts.includes(parsed.host.toLowerCase()) ? parsed.origin : null;
  } catch {
    return null;
  }
}
