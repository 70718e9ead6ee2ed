// Toss's retry schedule (TOSS.md "Webhooks"), and the time scale that shrinks it for tests.
import { describe, expect, it } from "vitest";
import { isDelivered, MAX_ATTEMPTS, nextAttemptAt, RETRY_DELAYS_MINUTES } from "@/lib/toss-sandbox/webhooks/schedule";

const t0 = new Date("2026-01-01T00:00:00Z");
const minutesAfter = (d: Date | null) => (d ? (d.getTime() - t0.getTime()) / 60_000 : null);

describe("webhook retry schedule", () => {
  it("retries 7 times after 1, 4, 16, 64, 256, 1024 and 4096 minutes, then gives up", () => {
    expect(RETRY_DELAYS_MINUTES).toEqual([1, 4, 16, 64, 256, 1024, 4096]);
    expect(MAX_ATTEMPTS).toBe(8);
    const delays = Array.from({ length: 8 }, (_, i) => minutesAfter(nextAttemptAt(i + 1, t0, 1)));
    expect(delays).toEqual([1, 4, 16, 64, 256, 1024, 4096, null]);
  });

  it("sums to about 3 days 19 hours", () => {
    const total = RETRY_DELAYS_MINUTES.reduce((a, b) => a + b, 0);
    expect(Math.floor(total / 60 / 24)).toBe(3);
    expect(Math.floor((total / 60) % 24)).toBe(19);
  });

  it.each([
    [0.001, [60, 240, 960, 3840, 15360, 61440, 245760]],
    [0.00001, [1, 2, 10, 38, 154, 614, 2458]],
  ])("shrinks every delay by the time scale %s (milliseconds)", (scale, expected) => {
    const ms = Array.from({ length: 7 }, (_, i) => nextAttemptAt(i + 1, t0, scale)!.getTime() - t0.getTime());
    expect(ms).toEqual(expected);
  });

  it.each([
    [200, true],
    [201, false],
    [204, false],
    [301, false],
    [500, false],
    [null, false],
  ])("counts HTTP %s as delivered: %s", (status, delivered) => {
    expect(isDelivered(status)).toBe(delivered);
  });
});
