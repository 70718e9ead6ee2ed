import { describe, expect, it } from "vitest";
import { classifyTossError } from "@/lib/toss/errors";
import { keyPairProblem } from "@/lib/toss/key-pair";
import { confirmIdempotencyKey } from "@/lib/toss/confirm-payment";
import { refundIdempotencyKey } from "@/lib/toss/cancel-payment";

describe("classifyTossError", () => {
  it.each([
    [400, "REJECT_CARD_COMPANY", "final"],
    [403, "REJECT_CARD_PAYMENT", "final"],
    [400, "INVALID_CARD_NUMBER", "final"],
    [404, "NOT_FOUND_PAYMENT_SESSION", "final"],
    [400, "ALREADY_PROCESSED_PAYMENT", "final"],
    [401, "UNAUTHORIZED_KEY", "final"],
    [400, "PROVIDER_ERROR", "unknown"],
    [409, "IDEMPOTENT_REQUEST_PROCESSING", "unknown"],
    [500, "FAILED_INTERNAL_SYSTEM_PROCESSING", "unknown"],
    [500, "UNKNOWN_PAYMENT_ERROR", "unknown"],
    [502, "HTTP_502", "unknown"],
    [403, "FORBIDDEN_CONSECUTIVE_REQUEST", "retryable"],
    [429, "HTTP_429", "retryable"],
  ] as const)("%i %s is %s", (status, code, kind) => {
    expect(classifyTossError(status, code)).toBe(kind);
  });
});

describe("keyPairProblem", () => {
  it.each([
    ["test_gck_docs_Ovk5rk1EwkEbP0W43n07xlzm", "test_gsk_docs_OaPz8L5KdmQXkzRz3y47BMw6", null],
    ["test_gck_abc", "test_gsk_def", null],
    ["test_ck_abc", "test_sk_def", null],
    ["test_gck_docs_Ovk5rk1EwkEbP0W43n07xlzm", "test_sk_docs_OaPz8L5KdmQXkzRz3y47BMw6", /widget key but secret key is a api key/],
    ["test_gck_abc", "live_gsk_def", /test_ but secret key is live_/],
    ["test_gck_docs_Ovk5rk1EwkEbP0W43n07xlzm", "test_gsk_mine", /docs key/],
    ["nonsense", "test_gsk_x", /unrecognised/],
  ])("%s + %s", (client, secret, problem) => {
    const result = keyPairProblem(client, secret);
    if (problem === null) expect(result).toBeNull();
    else expect(result).toMatch(problem);
  });
});

describe("idempotency keys", () => {
  it("are stable per operation and never shared between operations", () => {
    expect(confirmIdempotencyKey("ord_1", "pk_a")).toBe(confirmIdempotencyKey("ord_1", "pk_a"));
    expect(confirmIdempotencyKey("ord_1", "pk_a")).not.toBe(confirmIdempotencyKey("ord_2", "pk_a"));
    // A second payment of the same order (after a refusal) must not get the first one's answer replayed.
    expect(confirmIdempotencyKey("ord_1", "pk_a")).not.toBe(confirmIdempotencyKey("ord_1", "pk_b"));
    expect(refundIdempotencyKey("ord_1")).not.toBe(confirmIdempotencyKey("ord_1", "pk_a"));
    expect(confirmIdempotencyKey("o".repeat(64), "p".repeat(200)).length).toBeLessThanOrEqual(300);
    expect(confirmIdempotencyKey("ord_1", "pk_a")).not.toContain("pk_a");
  });
});
