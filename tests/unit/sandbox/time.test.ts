import { describe, expect, it } from "vitest";
import { toKstIso, toWebhookCreatedAt } from "@/lib/toss-sandbox/time";
import { CONFIRM_WINDOW_MS, PAYMENT_WINDOW_MS, windowClosed } from "@/lib/toss-sandbox/windows";

describe("Toss time formats", () => {
  it("writes API times in Korean time with the offset, to the second", () => {
    expect(toKstIso(new Date("2022-08-05T03:56:21.789Z"))).toBe("2022-08-05T12:56:21+09:00");
    expect(toKstIso(new Date("2022-12-31T15:00:00Z"))).toBe("2023-01-01T00:00:00+09:00");
  });

  it("writes webhook createdAt with microseconds and no offset", () => {
    expect(toWebhookCreatedAt(new Date("2021-12-31T15:00:00.123Z"))).toBe("2022-01-01T00:00:00.123000");
    expect(toWebhookCreatedAt(new Date())).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
  });
});

describe("payment windows", () => {
  const now = new Date("2026-01-01T12:00:00Z");
  const ago = (ms: number) => new Date(now.getTime() - ms);
  it.each([
    ["READY within 30 minutes", { status: "READY", requestedAt: ago(PAYMENT_WINDOW_MS - 1000), authenticatedAt: null }, false],
    ["READY after 30 minutes", { status: "READY", requestedAt: ago(PAYMENT_WINDOW_MS + 1000), authenticatedAt: null }, true],
    ["IN_PROGRESS within 10 minutes", { status: "IN_PROGRESS", requestedAt: ago(3_600_000), authenticatedAt: ago(CONFIRM_WINDOW_MS - 1000) }, false],
    ["IN_PROGRESS after 10 minutes", { status: "IN_PROGRESS", requestedAt: ago(3_600_000), authenticatedAt: ago(CONFIRM_WINDOW_MS + 1000) }, true],
    ["DONE long ago", { status: "DONE", requestedAt: ago(86_400_000), authenticatedAt: ago(86_400_000) }, false],
  ])("%s → closed: %s", (_, payment, closed) => {
    expect(windowClosed(payment, now)).toBe(closed);
  });
});
