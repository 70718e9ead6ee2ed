// The operator's unused-only refund: the won it cancels buy back exactly the credits the pack has left,
// for every pack of up to 10 credits at every price up to ₩100,000 and every number of credits left.
import { describe, expect, it } from "vitest";
import { creditsCalledFor, unusedRefundAmount } from "@/lib/admin/refund-plan";
import { proportionalCredits } from "@/lib/credits/cancel-reversals";

const PRO = { amount: 3000, credits: 3, orderName: "프로 팩" };
const PREMIUM = { amount: 5000, credits: 5, orderName: "프리미엄 팩" };
const fresh = (order: { amount: number }) => ({ paymentKey: "pk_1", balanceAmount: order.amount, cancels: [] });
const done = (...amounts: number[]) => amounts.map((cancelAmount, i) => ({ transactionKey: `t${i + 1}`, cancelAmount, cancelStatus: "DONE" }));

describe("unusedRefundAmount", () => {
  it.each([
    // amount, credits, unused, cancelable, expected
    [3000, 3, 2, 3000, 2000],
    [3000, 3, 3, 3000, 3000],
    [3000, 3, 1, 3000, 1000],
    [1000, 3, 1, 1000, 334], // ceil(333.3…)
    [1000, 3, 2, 1000, 667], // ceil(666.6…)
    [3000, 3, 2, 1500, 1500], // never more than Toss can still cancel
    [3000, 3, 0, 3000, 0],
    [3000, 3, 2, 0, 0],
    [30_000_000, 100_000, 99_999, 30_000_000, 29_999_700], // large values stay exact
  ])("₩%i for %i credits, %i unused, ₩%i cancelable → ₩%i", (amount, credits, unused, cancelable, expected) => {
    expect(unusedRefundAmount({ amount, credits }, unused, cancelable)).toBe(expected);
  });

  it("maps back to exactly the unused credits for every pack of 1-10 credits at ₩1-₩100,000 (a credit worth at least ₩1)", () => {
    // ceil(u·A/C) = a gives u·A ≤ a·C ≤ u·A + C − 1 < (u + 1)·A when C ≤ A, so floor(a·C/A) = u.
    const wrong: string[] = [];
    for (let credits = 1; credits <= 10; credits++) {
      for (let amount = credits; amount <= 100_000; amount++) {
        for (let unused = 1; unused <= credits; unused++) {
          const won = unusedRefundAmount({ amount, credits }, unused, amount);
          if (proportionalCredits(won, credits, amount) !== unused || won > amount) wrong.push(`${credits}/${amount}/${unused}: ₩${won}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("is the smallest such amount: one won less buys back a credit fewer", () => {
    for (const [amount, credits] of [[3000, 3], [5000, 5], [1000, 3], [99_999, 7], [10, 10]] as const) {
      for (let unused = 1; unused <= credits; unused++) {
        const won = unusedRefundAmount({ amount, credits }, unused, amount);
        expect(proportionalCredits(won - 1, credits, amount)).toBe(unused - 1);
      }
    }
  });
});

describe("creditsCalledFor (what the settle will take back for the next cancel)", () => {
  it("takes exactly the unused credits through the settle's own arithmetic, on a fresh payment, for every pack up to 10 credits and ₩100,000", () => {
    const wrong: string[] = [];
    for (let credits = 1; credits <= 10; credits++) {
      for (let amount = credits; amount <= 100_000; amount += amount < 2000 ? 1 : 7) {
        const order = { amount, credits, orderName: "팩" };
        for (let unused = 1; unused <= credits; unused++) {
          const won = unusedRefundAmount(order, unused, amount);
          if (creditsCalledFor(order, fresh(order), won, 0) !== unused) wrong.push(`${credits}/${amount}/${unused}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("after earlier partial cancels: the share of the new cancel, or all the grant left when it closes the payment", () => {
    // PREMIUM ₩5,000: ₩1,500 canceled took 1 credit; 3 of the 4 left are unused → ₩3,000 takes 3.
    const afterOne = { paymentKey: "pk", balanceAmount: 3500, cancels: done(1500) };
    expect(unusedRefundAmount(PREMIUM, 3, afterOne.balanceAmount)).toBe(3000);
    expect(creditsCalledFor(PREMIUM, afterOne, 3000, 1)).toBe(3);
    // PRO ₩3,000: ₩1,500 canceled took 1; the 2 left cost ₩2,000 but only ₩1,500 can be canceled: that
    // closes the payment and takes both.
    const pro = { paymentKey: "pk", balanceAmount: 1500, cancels: done(1500) };
    expect(unusedRefundAmount(PRO, 2, pro.balanceAmount)).toBe(1500);
    expect(creditsCalledFor(PRO, pro, 1500, 1)).toBe(2);
    // Three ₩900 cancels took nothing (each less than a credit's worth): closing the payment with the
    // last ₩300 calls for all 3 credits. With 1 unused, the other 2 would be a shortfall, which the
    // server refuses unless the operator accepts it.
    const crumbs = { paymentKey: "pk", balanceAmount: 300, cancels: done(900, 900, 900) };
    expect(unusedRefundAmount(PRO, 1, crumbs.balanceAmount)).toBe(300);
    expect(creditsCalledFor(PRO, crumbs, 300, 0)).toBe(3);
  });

  it("full and partial refunds: the whole rest closes the payment; a part takes its floor share; never beyond the grant", () => {
    expect(creditsCalledFor(PREMIUM, fresh(PREMIUM), 5000, 0)).toBe(5);
    expect(creditsCalledFor(PREMIUM, fresh(PREMIUM), 2500, 0)).toBe(2);
    expect(creditsCalledFor(PREMIUM, { paymentKey: "pk", balanceAmount: 3000, cancels: done(2000) }, 3000, 2)).toBe(3);
    // Reversals already called for everything (e.g. one recorded before transaction keys): nothing more.
    expect(creditsCalledFor(PREMIUM, { paymentKey: "pk", balanceAmount: 3000, cancels: done(2000) }, 3000, 5)).toBe(0);
  });

  it("a credit worth less than ₩1 cannot be bought back exactly: the server then sees a shortfall and asks", () => {
    const cheap = { amount: 5, credits: 10, orderName: "팩" };
    const won = unusedRefundAmount(cheap, 1, 5);
    expect(won).toBe(1);
    expect(creditsCalledFor(cheap, fresh(cheap), won, 0)).toBe(2);
  });
});
