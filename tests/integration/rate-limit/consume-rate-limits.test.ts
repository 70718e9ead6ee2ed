// The limiter's one statement against the real PostgreSQL: exact under concurrency, a fixed window that
// ends and restarts, several buckets in one round trip, and no deadlock between overlapping checks.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { bucketKey } from "@/lib/rate-limit/bucket-key";
import { consumeRateLimits } from "@/lib/rate-limit/consume-rate-limits";
import { deleteExpiredRateLimits } from "@/lib/rate-limit/delete-expired-rate-limits";

const fresh = (scope = "test") => bucketKey(scope, randomUUID());
const rule = (limit: number, windowSeconds = 900) => ({ limit, windowSeconds });
const seconds = (base: Date, s: number) => new Date(base.getTime() + s * 1000);

describe("consumeRateLimits", () => {
  it("lets exactly 5 of 20 simultaneous requests through a limit of 5", async () => {
    const key = fresh();
    const verdicts = await Promise.all(Array.from({ length: 20 }, () => consumeRateLimits([{ key, rule: rule(5) }])));

    expect(verdicts.filter((v) => v.allowed)).toHaveLength(5);
    expect(verdicts.filter((v) => !v.allowed)).toHaveLength(15);
    // Every request was counted once: the hits seen are 1..20, each exactly once.
    expect(verdicts.map((v) => v.buckets[0]!.hits).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const row = await db.rateLimit.findUniqueOrThrow({ where: { key } });
    expect(row.hits).toBe(20);
  });

  it("refuses until the window ends, then starts a new window", async () => {
    const key = fresh();
    const t0 = new Date("2030-01-01T00:00:00Z");
    const charge = [{ key, rule: rule(3, 60) }];

    for (let i = 0; i < 3; i++) expect((await consumeRateLimits(charge, seconds(t0, i))).allowed).toBe(true);
    const refused = await consumeRateLimits(charge, seconds(t0, 10));
    expect(refused).toMatchObject({ allowed: false, retryAfterSeconds: 50 });
    // Refused requests do not stretch the window: it still ends 60 s after its first request.
    expect(await consumeRateLimits(charge, seconds(t0, 59.5))).toMatchObject({ allowed: false, retryAfterSeconds: 1 });

    const next = await consumeRateLimits(charge, seconds(t0, 60));
    expect(next).toMatchObject({ allowed: true, retryAfterSeconds: 0 });
    expect(next.buckets[0]).toMatchObject({ hits: 1, retryAfterSeconds: 60 });
    const row = await db.rateLimit.findUniqueOrThrow({ where: { key } });
    expect(row.windowEndsAt.toISOString()).toBe(seconds(t0, 120).toISOString());
  });

  it("uses the database's clock by default", async () => {
    const key = fresh();
    const first = await consumeRateLimits([{ key, rule: rule(1, 30) }]);
    expect(first.allowed).toBe(true);
    const second = await consumeRateLimits([{ key, rule: rule(1, 30) }]);
    expect(second.allowed).toBe(false);
    expect(second.retryAfterSeconds).toBeGreaterThanOrEqual(29);
    expect(second.retryAfterSeconds).toBeLessThanOrEqual(30);
  });

  it("counts every bucket in one statement and refuses when any one is over its limit", async () => {
    const [tight, loose] = [fresh(), fresh()];
    const t0 = new Date("2030-02-01T00:00:00Z");
    const charges = [
      { key: tight, rule: rule(2, 100) },
      { key: loose, rule: rule(10, 600) },
    ];
    expect((await consumeRateLimits(charges, t0)).allowed).toBe(true);
    expect((await consumeRateLimits(charges, seconds(t0, 1))).allowed).toBe(true);
    const third = await consumeRateLimits(charges, seconds(t0, 40));
    expect(third.allowed).toBe(false);
    expect(third.retryAfterSeconds).toBe(60);
    expect(Object.fromEntries(third.buckets.map((b) => [b.key, [b.hits, b.allowed]]))).toEqual({ [tight]: [3, false], [loose]: [3, true] });
  });

  it("does not deadlock when overlapping checks name their buckets in different orders", async () => {
    const shared = [fresh(), fresh(), fresh()];
    const checks = Array.from({ length: 30 }, (_, i) => {
      const order = i % 2 ? [...shared].reverse() : shared;
      return consumeRateLimits(order.map((key) => ({ key, rule: rule(1000) })));
    });
    const verdicts = await Promise.all(checks);
    expect(verdicts.every((v) => v.allowed)).toBe(true);
    const rows = await db.rateLimit.findMany({ where: { key: { in: shared } } });
    expect(rows.map((r) => r.hits)).toEqual([30, 30, 30]);
  });

  it("refuses to name one bucket twice, and allows an empty check", async () => {
    const key = fresh();
    await expect(consumeRateLimits([{ key, rule: rule(5) }, { key, rule: rule(5) }])).rejects.toThrow(/twice/);
    expect(await consumeRateLimits([])).toEqual({ allowed: true, retryAfterSeconds: 0, buckets: [] });
  });
});

describe("deleteExpiredRateLimits", () => {
  it("deletes counters whose window has ended and keeps the others", async () => {
    const [old, current] = [fresh(), fresh()];
    const t0 = new Date("2031-01-01T00:00:00Z");
    await consumeRateLimits([{ key: old, rule: rule(5, 60) }], t0);
    await consumeRateLimits([{ key: current, rule: rule(5, 600) }], t0);

    expect(await deleteExpiredRateLimits(seconds(t0, 120))).toBeGreaterThanOrEqual(1);
    expect(await db.rateLimit.findUnique({ where: { key: old } })).toBeNull();
    expect(await db.rateLimit.findUnique({ where: { key: current } })).not.toBeNull();
  });
});

describe("bucketKey", () => {
  it("holds no e-mail or address, has one length, and tells scopes apart", () => {
    const key = bucketKey("sign-in:email", "someone@example.com");
    expect(key).toMatch(/^sign-in:email:[A-Za-z0-9_-]{32}$/);
    expect(key).not.toContain("someone");
    expect(bucketKey("sign-in:email", "x".repeat(10_000))).toHaveLength(key.length);
    expect(bucketKey("sign-up:ip", "203.0.113.7")).not.toBe(bucketKey("sign-in:ip", "203.0.113.7").replace("sign-in", "sign-up"));
  });
});
