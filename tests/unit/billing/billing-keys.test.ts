// The billing key pair (API 개별 연동 키) beside the checkout's widget pair: its configuration rules.
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, TOSS_DOCS_API_CLIENT_KEY, TOSS_DOCS_API_SECRET_KEY } from "@/lib/env";

function problemsOf(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as Error).message;
  }
  throw new Error("expected parseEnv to throw");
}

describe("the billing key pair", () => {
  it("is Toss's docs API pair in sandbox mode when none is set", () => {
    expect(parseEnv({ NODE_ENV: "development" }).tossBilling).toEqual({ clientKey: TOSS_DOCS_API_CLIENT_KEY, secretKey: TOSS_DOCS_API_SECRET_KEY });
  });

  it("is off in live mode when none is set, and the configured pair when one is", () => {
    const live = { NODE_ENV: "development", NEXT_PUBLIC_TOSS_CLIENT_KEY: "test_gck_abc", TOSS_SECRET_KEY: "test_gsk_abc" };
    expect(parseEnv(live).tossBilling).toBeNull();
    expect(parseEnv({ ...live, NEXT_PUBLIC_TOSS_BILLING_CLIENT_KEY: "test_ck_abc", TOSS_BILLING_SECRET_KEY: "test_sk_abc" }).tossBilling).toEqual({
      clientKey: "test_ck_abc",
      secretKey: "test_sk_abc",
    });
  });

  it.each([
    ["only the client key", { NEXT_PUBLIC_TOSS_BILLING_CLIENT_KEY: "test_ck_abc" }, /set both or neither/],
    ["only the secret key", { TOSS_BILLING_SECRET_KEY: "test_sk_abc" }, /set both or neither/],
    ["the widget pair", { NEXT_PUBLIC_TOSS_BILLING_CLIENT_KEY: "test_gck_abc", TOSS_BILLING_SECRET_KEY: "test_gsk_abc" }, /API individual/],
    ["a secret key as the client key", { NEXT_PUBLIC_TOSS_BILLING_CLIENT_KEY: "test_sk_abc", TOSS_BILLING_SECRET_KEY: "test_sk_abc" }, /NEXT_PUBLIC_TOSS_BILLING_CLIENT_KEY: must be/],
    ["test with live", { NEXT_PUBLIC_TOSS_BILLING_CLIENT_KEY: "test_ck_abc", TOSS_BILLING_SECRET_KEY: "live_sk_abc" }, /client key is test_ but secret key is live_/],
    ["live billing keys in sandbox mode", { NEXT_PUBLIC_TOSS_BILLING_CLIENT_KEY: "live_ck_abc", TOSS_BILLING_SECRET_KEY: "live_sk_abc" }, /live_ keys are refused in sandbox mode/],
  ])("refuses %s", (_, keys, message) => {
    expect(problemsOf({ NODE_ENV: "development", ...keys })).toMatch(message);
  });

  it("refuses a live_ billing pair beside test_ checkout keys", () => {
    expect(
      problemsOf({
        NODE_ENV: "development",
        NEXT_PUBLIC_TOSS_CLIENT_KEY: "test_gck_abc",
        TOSS_SECRET_KEY: "test_gsk_abc",
        NEXT_PUBLIC_TOSS_BILLING_CLIENT_KEY: "live_ck_abc",
        TOSS_BILLING_SECRET_KEY: "live_sk_abc",
      }),
    ).toMatch(/use test_ keys with test_ keys/);
  });

  it("keeps the billing secret key among the secrets scrubbed from error reports", () => {
    const env = parseEnv({
      NODE_ENV: "development",
      SENTRY_DSN: "https://public@o1.ingest.sentry.io/1",
      NEXT_PUBLIC_TOSS_BILLING_CLIENT_KEY: "test_ck_abc",
      TOSS_BILLING_SECRET_KEY: "test_sk_secret_value",
    });
    expect(env.sentry?.secrets).toContain("test_sk_secret_value");
  });
});

describe("the threshold auto top-up switch", () => {
  it("is off unless AUTO_TOP_UP_ENABLED says so, with a daily cap of 3 by default", () => {
    expect(parseEnv({ NODE_ENV: "development" }).autoTopUp).toEqual({ enabled: false, dailyCap: 3 });
    expect(parseEnv({ NODE_ENV: "development", AUTO_TOP_UP_ENABLED: "0" }).autoTopUp.enabled).toBe(false);
    expect(parseEnv({ NODE_ENV: "development", AUTO_TOP_UP_ENABLED: "1", AUTO_TOP_UP_DAILY_CAP: "5" }).autoTopUp).toEqual({ enabled: true, dailyCap: 5 });
  });

  it.each([
    ["a word", { AUTO_TOP_UP_ENABLED: "yes" }, /AUTO_TOP_UP_ENABLED: must be one of/],
    ["a cap of 0", { AUTO_TOP_UP_DAILY_CAP: "0" }, /AUTO_TOP_UP_DAILY_CAP: must be at least 1/],
  ])("refuses %s", (_, source, message) => {
    expect(problemsOf({ NODE_ENV: "development", ...source })).toMatch(message);
  });
});
