// Basic auth parsing and key pairing, as Toss does them (TOSS.md "Keys", "Core API").
import { describe, expect, it } from "vitest";
import { parseBasicAuth } from "@/lib/toss-sandbox/auth";
import { merchantForClientKey, merchantForSecretKey, mIdOf, type ConfiguredKeys } from "@/lib/toss-sandbox/keys";

const b64 = (s: string) => Buffer.from(s).toString("base64");

describe("parseBasicAuth", () => {
  it.each([
    ["no header", null, { ok: false, code: "UNAUTHORIZED_KEY" }],
    ["another scheme", `Bearer ${b64("test_gsk_x:")}`, { ok: false, code: "UNAUTHORIZED_KEY" }],
    ["not base64", "Basic !!!", { ok: false, code: "UNAUTHORIZED_KEY" }],
    ["encoded without the colon", `Basic ${b64("test_gsk_x")}`, { ok: false, code: "INCORRECT_BASIC_AUTH_FORMAT" }],
    ["an empty user name", `Basic ${b64(":")}`, { ok: false, code: "UNAUTHORIZED_KEY" }],
    ["the documented form", `Basic ${b64("test_gsk_docs_OaPz8L5KdmQXkzRz3y47BMw6:")}`, { ok: true, secretKey: "test_gsk_docs_OaPz8L5KdmQXkzRz3y47BMw6" }],
    ["a lower-case scheme", `basic ${b64("test_gsk_x:")}`, { ok: true, secretKey: "test_gsk_x" }],
  ])("%s", (_, header, expected) => {
    expect(parseBasicAuth(header)).toEqual(expected);
  });
});

const keys: ConfiguredKeys = {
  docsClientKey: "test_gck_docs_Ovk5rk1EwkEbP0W43n07xlzm",
  docsSecretKey: "test_gsk_docs_OaPz8L5KdmQXkzRz3y47BMw6",
  appClientKey: "test_gck_mine123",
  appSecretKey: "test_gsk_mine123",
};

describe("merchants by key", () => {
  it.each([
    ["the docs pair", keys.docsSecretKey, { ok: true, merchantId: "docs", family: "WIDGET" }],
    ["the docs API individual pair", "test_sk_zXLkKEypNArWmo50nX3lmeaxYG5R", { ok: true, merchantId: "docs", family: "API_INDIVIDUAL" }],
    ["the configured pair", keys.appSecretKey, { ok: true, merchantId: "app", family: "WIDGET" }],
    ["a made-up sandbox pair", "test_gsk_sbx_abc123", { ok: true, merchantId: "sbx_abc123", family: "WIDGET" }],
    ["a made-up API individual pair", "test_sk_sbx_abc123", { ok: true, merchantId: "sbx_abc123", family: "API_INDIVIDUAL" }],
    ["a live key", "live_gsk_abc", { ok: false, reason: "live" }],
    ["an unknown test key", "test_gsk_someone_else", { ok: false, reason: "unknown" }],
    ["a client key used as secret", keys.docsClientKey, { ok: false, reason: "unknown" }],
    ["a sandbox id with odd characters", "test_gsk_sbx_a-b", { ok: false, reason: "unknown" }],
  ])("secret key: %s", (_, key, expected) => {
    expect(merchantForSecretKey(key, keys)).toEqual(expected);
  });

  it.each([
    ["the docs pair", keys.docsClientKey, { ok: true, merchantId: "docs", family: "WIDGET" }],
    ["the docs API individual pair", "test_ck_D5GePWvyJnrK0W0k6q8gLzN97Eoq", { ok: true, merchantId: "docs", family: "API_INDIVIDUAL" }],
    ["the configured pair", keys.appClientKey, { ok: true, merchantId: "app", family: "WIDGET" }],
    ["a made-up sandbox pair", "test_gck_sbx_abc123", { ok: true, merchantId: "sbx_abc123", family: "WIDGET" }],
    ["a made-up API individual pair", "test_ck_sbx_abc123", { ok: true, merchantId: "sbx_abc123", family: "API_INDIVIDUAL" }],
    ["an API secret key in the browser", "test_sk_zXLkKEypNArWmo50nX3lmeaxYG5R", { ok: false, reason: "wrong-kind" }],
    ["a live key", "live_gck_abc", { ok: false, reason: "live" }],
    ["a secret key in the browser", keys.docsSecretKey, { ok: false, reason: "wrong-kind" }],
    ["an unknown key", "test_gck_nobody", { ok: false, reason: "unknown" }],
  ])("client key: %s", (_, key, expected) => {
    expect(merchantForClientKey(key, keys)).toEqual(expected);
  });

  it("pairs client and secret key by the same merchant id", () => {
    const client = merchantForClientKey("test_gck_sbx_pair1", keys);
    const secret = merchantForSecretKey("test_gsk_sbx_pair1", keys);
    const other = merchantForSecretKey("test_gsk_sbx_pair2", keys);
    expect(client).toEqual(secret);
    expect(client).not.toEqual(other);
    // Both families of one made-up merchant are one merchant; the family tells them apart.
    expect(merchantForClientKey("test_ck_sbx_pair1", keys)).toEqual({ ok: true, merchantId: "sbx_pair1", family: "API_INDIVIDUAL" });
  });

  it("names the docs merchant as Toss's docs examples do", () => {
    expect(mIdOf("docs")).toBe("tosspayments");
    expect(mIdOf("sbx_abc")).toBe("sbx_abc");
  });
});
