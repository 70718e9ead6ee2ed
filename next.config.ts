import type { NextConfig } from "next";
// Importing the env module validates every variable when the app is built or started: a bad value
// fails fast, naming the variable, instead of surfacing as a 500 later.
import { env } from "./lib/env";
import { JSON_ONLY_CONTENT_SECURITY_POLICY, PROXY_SKIPPED_PATHS, securityHeaders } from "./lib/security-headers";

// Variables set under another integration's names (TOSS_PAYMENTS_SECRET_KEY, …): one line each.
for (const warning of env.warnings) console.warn(`⚠ ${warning}`);

const headerOptions = { tossMode: env.toss.mode, development: env.nodeEnv === "development", appUrl: env.appUrl };

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `next start` loads a route's modules when it is first asked for, as Vercel's functions do, instead
  // of every page and route of the app at start: that preload ran on the one thread before the first
  // request could be answered (cold start 2.4× a hello-world's, issue #20; README, Performance).
  experimental: { preloadEntriesOnStart: false },
  reactStrictMode: true,
  typedRoutes: false,
  // npm test type-checks the whole project with tsc while it builds: the build need not do it twice.
  typescript: { ignoreBuildErrors: env.buildSkipsTypecheck },
  async headers() {
    // CSP from the Toss mode: the sandbox needs only this origin, live mode Toss's hosts (lib/security-headers.ts).
    // The JSON endpoints proxy.ts skips get a fixed policy here; every other response gets proxy.ts's own.
    return [
      { source: "/:path*", headers: securityHeaders(headerOptions) },
      ...PROXY_SKIPPED_PATHS.map((source) => ({
        source,
        headers: [{ key: "Content-Security-Policy", value: JSON_ONLY_CONTENT_SECURITY_POLICY }],
      })),
    ];
  },
};

export default nextConfig;
