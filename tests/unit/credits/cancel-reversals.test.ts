// The proportional clawback's arithmetic: floor(cancelAmount × credits / amount) per cancel, the
// closing cancel taking the remainder, never more than the grant.
import { describe, expect, it } from "vitest";
import { cancelReversals, proportionalCredits, type CancelEntry } from "@/lib/credits/cancel-reversals";

const PRO = { amount: 3000, credits: 3, orderName: "프로 팩" };
const PREMIUM = { amount: 5000, credits: 5, orderName: "프리미엄 팩" };

/** Cancels of the given amounts, keyed t1, t2, … and completed. */
const cancels = (...amounts: number[]): CancelEntry[] =>
  amounts.map((cancelAmount, i) => ({ transactionKey: `t${i + 1}`, cancelAmount, cancelStatus: "DONE" }));

/** The payment those cancels leave: CANCELED once they add up to the amount. */
function paymentOf(order: { amount: number }, list: CancelEntry[], status?: string) {
  const canceled = list.filter((c) => c.cancelStatus === "DONE").reduce((sum, c) => sum + c.cancelAmount, 0);
  return { paymentKey: "pk_1", status: status ?? (canceled >= order.amount ? "CANCELED" : "PARTIAL_CANCELED"), cancels: list };
}

const creditsOf = (order: typeof PRO, list: CancelEntry[], status?: string): [string, number][] =>
  cancelReversals(order, paymentOf(order, list, status)).map((r) => [r.transactionKey, r.credits]);

describe("proportionalCredits", () => {
  it.each([
    // cancelAmount, credits, amount, expected
    [2000, 5, 5000, 2],
    [1000, 5, 5000, 1],
    [1000, 3, 3000, 1],
    [1500, 3, 3000, 1], // 1.5 rounds down
    [2999, 3, 3000, 2], // 2.999 rounds down
    [999, 3, 3000, 0], // less than one credit's worth
    [3000, 3, 3000, 3],
    [1, 1_000, 3000, 0],
    [7, 1_000, 3000, 2], // 2.33…
    [0, 3, 3000, 0],
    [-500, 3, 3000, 0],
    [4000, 3, 3000, 3], // never more than the grant
    [1000, 3, 0, 0],
    [29_999_999, 100_000, 30_000_000, 99_999], // large values stay exact
  ])("floor(%i × %i / %i) = %i", (cancelAmount, credits, amount, expected) => {
    expect(proportionalCredits(cancelAmount, credits, amount)).toBe(expected);
  });
});

describe("cancelReversals", () => {
  it.each<[string, typeof PRO, number[], [string, number][]]>([
    ["one full cancel reverses the whole grant", PRO, [3000], [["t1", 3]]],
    ["PREMIUM ₩2,000 + ₩2,000 + ₩1,000", PREMIUM, [2000, 2000, 1000], [["t1", 2], ["t2", 2], ["t3", 1]]],
    ["PREMIUM ₩2,000 then ₩2,000, still partial", PREMIUM, [2000, 2000], [["t1", 2], ["t2", 2]]],
    ["PRO ₩1,000", PRO, [1000], [["t1", 1]]],
    ["PRO ₩1,500 rounds down, the rest takes the remainder", PRO, [1500, 1500], [["t1", 1], ["t2", 2]]],
    ["PRO ₩999 three times leaves nothing behind at the close", PRO, [999, 999, 999, 3], [["t4", 3]]],
    ["PRO ₩500 takes nothing, the close takes all", PRO, [500, 2500], [["t2", 3]]],
    ["PRO ₩2,999 then ₩1", PRO, [2999, 1], [["t1", 2], ["t2", 1]]],
    ["PREMIUM five ₩1,000 cancels", PREMIUM, [1000, 1000, 1000, 1000, 1000], [["t1", 1], ["t2", 1], ["t3", 1], ["t4", 1], ["t5", 1]]],
  ])("%s", (_, order, amounts, expected) => {
    const result = creditsOf(order, cancels(...amounts));
    expect(result).toEqual(expected);
    const total = result.reduce((sum, [, credits]) => sum + credits, 0);
    expect(total).toBeLessThanOrEqual(order.credits);
  });

  it("always adds up to exactly the grant once the payment is fully canceled, whatever the split", () => {
    for (const order of [PRO, PREMIUM, { amount: 9900, credits: 7, orderName: "x" }]) {
      for (let first = 1; first < order.amount; first += 97) {
        for (let second = 1; first + second < order.amount; second += 211) {
          const list = cancels(first, second, order.amount - first - second);
          const total = cancelReversals(order, paymentOf(order, list)).reduce((sum, r) => sum + r.credits, 0);
          expect(total, `${order.amount}: ${first} + ${second} + rest`).toBe(order.credits);
        }
      }
    }
  });

  it("gives each cancel the same share whatever later cancels a settle sees", () => {
    const all = cancels(1500, 700, 800);
    const shares = (n: number) => cancelReversals(PRO, paymentOf(PRO, all.slice(0, n)));
    for (let n = 1; n <= all.length; n++) {
      for (const earlier of shares(n - 1)) expect(shares(n)).toContainEqual(earlier);
    }
  });

  it("ignores cancels that are not DONE", () => {
    const list: CancelEntry[] = [
      { transactionKey: "t1", cancelAmount: 2000, cancelStatus: "IN_PROGRESS" },
      { transactionKey: "t2", cancelAmount: 1000, cancelStatus: "DONE" },
      { transactionKey: "t3", cancelAmount: 1000, cancelStatus: null },
    ];
    expect(creditsOf(PREMIUM, list, "PARTIAL_CANCELED")).toEqual([["t2", 1]]);
  });

  it("lets the last cancel of a CANCELED payment take the remainder even when the amounts fall short", () => {
    expect(creditsOf(PREMIUM, cancels(2000, 2500), "CANCELED")).toEqual([["t1", 2], ["t2", 3]]);
  });

  it("reverses a CANCELED payment that lists no completed cancel whole, under a key of its own", () => {
    expect(cancelReversals(PRO, { paymentKey: "pk_9", status: "CANCELED", cancels: null })).toEqual([
      { transactionKey: "pk_9:CANCELED", cancelAmount: 3000, credits: 3, final: true, reason: "프로 팩 결제 취소" },
    ]);
  });

  it("takes nothing for a payment without cancels", () => {
    expect(cancelReversals(PRO, { paymentKey: "pk", status: "DONE", cancels: null })).toEqual([]);
    expect(cancelReversals(PRO, { paymentKey: "pk", status: "PARTIAL_CANCELED", cancels: [] })).toEqual([]);
  });

  it("says in Korean what each reversal was for", () => {
    expect(cancelReversals(PREMIUM, paymentOf(PREMIUM, cancels(2000, 3000))).map((r) => r.reason)).toEqual([
      "프리미엄 팩 부분 취소 회수 (₩2,000)",
      "프리미엄 팩 나머지 취소 회수 (₩3,000)",
    ]);
    expect(cancelReversals(PRO, paymentOf(PRO, cancels(3000)))[0]?.reason).toBe("프로 팩 결제 취소");
  });
});
