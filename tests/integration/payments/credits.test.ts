import { describe, expect, it } from "vitest";
import { grantOrderCredits, reverseOrderCredits } from "@/lib/credits/ledger";
import { getCredits } from "@/lib/credits/get-credits";
import { generatePremium } from "@/lib/credits/premium-generation";
import { spendCredits } from "@/lib/credits/spend-credits";
import { db } from "@/lib/db";
import { createOrder, createUser } from "../../helpers/factories";

async function userWithCredits(productCode = "PRO_PACK") {
  const user = await createUser();
  const order = await createOrder(user.id, productCode);
  await db.$transaction((tx) => grantOrderCredits(tx, order));
  return { user, order };
}

describe("credits", () => {
  it("never spends below zero under 12 concurrent spends of a 3-credit balance", async () => {
    const { user } = await userWithCredits();
    const results = await Promise.allSettled(Array.from({ length: 12 }, () => spendCredits(user.id, 1, "race")));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    for (const r of results.filter((r): r is PromiseRejectedResult => r.status === "rejected")) {
      expect(r.reason).toMatchObject({ code: "INSUFFICIENT_CREDITS", status: 409 });
    }
    const { balance, entries } = await getCredits(user.id);
    expect(balance).toBe(0);
    expect(entries.filter((e) => e.kind === "SPEND")).toHaveLength(3);
    expect(entries.reduce((sum, e) => sum + e.amount, 0)).toBe(0);
  });

  it("grants an order once, whatever the number of concurrent grants", async () => {
    const user = await createUser();
    const order = await createOrder(user.id, "PREMIUM_PACK");
    const granted = await Promise.all(Array.from({ length: 10 }, () => db.$transaction((tx) => grantOrderCredits(tx, order))));
    expect(granted.filter(Boolean)).toHaveLength(1);
    expect((await getCredits(user.id)).balance).toBe(5);
  });

  it("reverses a granted order once, and may leave a negative balance that refuses spending", async () => {
    const { user, order } = await userWithCredits();
    await spendCredits(user.id, 2, "used");
    const reversed = await Promise.all(Array.from({ length: 5 }, () => db.$transaction((tx) => reverseOrderCredits(tx, order, "cancel"))));
    expect(reversed.filter((n) => n === 3)).toHaveLength(1);
    expect((await getCredits(user.id)).balance).toBe(-2);
    await expect(spendCredits(user.id, 1, "more")).rejects.toMatchObject({ code: "INSUFFICIENT_CREDITS" });
  });

  it("does not reverse an order that was never granted", async () => {
    const user = await createUser();
    const order = await createOrder(user.id);
    expect(await db.$transaction((tx) => reverseOrderCredits(tx, order, "cancel"))).toBe(0);
    expect((await getCredits(user.id)).balance).toBe(0);
  });

  it("spends one credit per premium generation and refuses bad prompts without spending", async () => {
    const { user } = await userWithCredits();
    const result = await generatePremium(user.id, "봄 신상품 소개");
    expect(result.balance).toBe(2);
    expect(result.title).toContain("봄 신상품 소개");
    await expect(generatePremium(user.id, "   ")).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    expect((await getCredits(user.id)).balance).toBe(2);
  });

  it("refuses a non-positive or fractional spend", async () => {
    const { user } = await userWithCredits();
    await expect(spendCredits(user.id, 0, "x")).rejects.toThrow();
    await expect(spendCredits(user.id, 1.5, "x")).rejects.toThrow();
    expect((await getCredits(user.id)).balance).toBe(3);
  });
});
