import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { originFor, originOfHeaders, ownOriginOf } from "@/lib/request-origin";

// A preview as Vercel starts it: the deployment's URL, the branch URL and the production alias.
const preview = parseEnv({
  NODE_ENV: "production",
  VERCEL: "1",
  VERCEL_ENV: "preview",
  VERCEL_URL: "shop-abc123-team.vercel.app",
  VERCEL_BRANCH_URL: "shop-git-feature-team.vercel.app",
  VERCEL_PROJECT_PRODUCTION_URL: "shop.example.com",
  DATABASE_URL: "postgresql://u:p@db.example.com/shop",
  NEXTAUTH_SECRET: "x".repeat(32),
  CRON_SECRET: "y".repeat(16),
});
const on = (host: string | null, proto: string | null = "https") => originFor({ host, proto }, preview.ownHosts, preview.appUrl);

describe("originFor", () => {
  it("knows the preview's own hosts and pins next-auth to none of them", () => {
    expect(preview.appUrl).toBe("https://shop-abc123-team.vercel.app");
    expect(preview.ownHosts).toEqual(["shop-abc123-team.vercel.app", "shop-git-feature-team.vercel.app", "shop.example.com"]);
    expect(preview.authFollowsHost).toBe(true);
  });

  it.each([
    ["shop-git-feature-team.vercel.app", "https://shop-git-feature-team.vercel.app"],
    ["SHOP-GIT-FEATURE-TEAM.vercel.app", "https://shop-git-feature-team.vercel.app"],
    ["shop-abc123-team.vercel.app", "https://shop-abc123-team.vercel.app"],
    ["shop.example.com", "https://shop.example.com"],
  ])("follows the own host %s", (host, origin) => {
    expect(on(host)).toBe(origin);
  });

  it.each([
    ["evil.example.com"],
    ["shop-git-feature-team.vercel.app.evil.example.com"],
    ["shop-git-feature-team.vercel.app:8443"],
    ["shop-git-feature-team.vercel.app@evil.example.com"],
    [""],
    [null],
  ])("gives the configured URL for a foreign or missing host %j", (host) => {
    expect(on(host)).toBe("https://shop-abc123-team.vercel.app");
  });

  it("takes the first of several forwarded values, and https unless the request was plain http", () => {
    expect(on("shop.example.com, evil.example.com")).toBe("https://shop.example.com");
    expect(on("shop.example.com", "http")).toBe("http://shop.example.com");
    expect(on("shop.example.com", null)).toBe("https://shop.example.com");
    expect(on("shop.example.com", "gopher")).toBe("https://shop.example.com");
  });

  it("prefers x-forwarded-host to Host", () => {
    const headers = new Headers({ host: "shop.example.com", "x-forwarded-host": "evil.example.com", "x-forwarded-proto": "https" });
    expect(originOfHeaders(headers, preview.ownHosts, preview.appUrl)).toBe("https://shop-abc123-team.vercel.app");
    headers.delete("x-forwarded-host");
    expect(originOfHeaders(headers, preview.ownHosts, preview.appUrl)).toBe("https://shop.example.com");
  });

  it("on a plain local server, only that server's host", () => {
    const local = parseEnv({ NODE_ENV: "development" });
    expect(local.ownHosts).toEqual(["localhost:3000"]);
    expect(local.authFollowsHost).toBe(false);
    expect(originFor({ host: "localhost:3000", proto: "http" }, local.ownHosts, local.appUrl)).toBe("http://localhost:3000");
    expect(originFor({ host: "127.0.0.1:3000", proto: "http" }, local.ownHosts, local.appUrl)).toBe("http://localhost:3000");
  });

  it("NEXTAUTH_URL pins next-auth to one URL even on Vercel", () => {
    const pinned = parseEnv({ NODE_ENV: "development", VERCEL: "1", NEXTAUTH_URL: "https://auth.example.com" });
    expect(pinned.authFollowsHost).toBe(false);
    expect(pinned.ownHosts).toContain("auth.example.com");
  });
});

describe("ownOriginOf", () => {
  it("is the origin of a URL on an own host, else null", () => {
    expect(ownOriginOf("https://shop-git-feature-team.vercel.app/checkout/success", preview.ownHosts)).toBe("https://shop-git-feature-team.vercel.app");
    expect(ownOriginOf("https://other-shop.example.com/success", preview.ownHosts)).toBeNull();
    expect(ownOriginOf("not a url", preview.ownHosts)).toBeNull();
  });
});
