// The account page's credit views rendered from a summary: the balance with held credits and the next
// expiry, the lots (greyed once expired or empty), and history entries naming their lot and a cancel's
// shortfall.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CreditBalance } from "@/components/credits/credit-balance";
import { CreditLedger, entryLotLabel } from "@/components/credits/credit-ledger";
import { CreditLots } from "@/components/credits/credit-lots";
import type { CreditEntry } from "@/lib/credits/get-credits";
import type { LotView } from "@/lib/credits/lots";

const text = (markup: string) => markup.replace(/<[^>]+>/g, "").replace(/\s+/g, " ");
const NOW = new Date("2026-12-04T10:00:00+09:00");

const lot = (over: Partial<LotView>): LotView => ({
  id: "lot_1",
  source: "ORDER",
  orderId: "ord_1",
  reason: "프로 팩 구매",
  amount: 3,
  remaining: 3,
  held: 0,
  expiresAt: "2031-12-04T01:00:00.000Z",
  expired: false,
  createdAt: "2026-12-04T01:00:00.000Z",
  ...over,
});

const entry = (over: Partial<CreditEntry>): CreditEntry => ({
  id: "e_1",
  kind: "SPEND",
  amount: -1,
  reason: "프리미엄 생성: 동네 빵집",
  orderId: null,
  lot: { id: "lot_1", reason: "프로 팩 구매", createdAt: "2026-12-04T01:00:00.000Z" },
  shortfall: 0,
  createdAt: "2026-12-04T02:00:00.000Z",
  ...over,
});

describe("the balance", () => {
  const render = (props: Parameters<typeof CreditBalance>[0]) => renderToStaticMarkup(createElement(CreditBalance, props));

  it("shows held credits and what expires next, with a machine-readable time", () => {
    const markup = render({ balance: 4, held: 2, nextExpiry: { credits: 2, expiresAt: "2026-12-11T01:00:00.000Z" }, now: NOW });
    expect(text(markup)).toContain("4개");
    expect(text(markup)).toContain("사용 예약 중 2개");
    expect(text(markup)).toContain("7일 후(12월 11일) 2크레딧 만료");
    expect(markup).toContain('<time dateTime="2026-12-11T01:00:00.000Z"');
  });

  it("says nothing of holds or expiry when there is none", () => {
    const page = text(render({ balance: 0, held: 0, nextExpiry: null, now: NOW }));
    expect(page).not.toContain("사용 예약");
    expect(page).not.toContain("만료");
  });
});

describe("the lots", () => {
  const render = (lots: LotView[]) => renderToStaticMarkup(createElement(CreditLots, { lots }));

  it("each with its name, source, what is left and until when, a purchase linking to its order", () => {
    const markup = render([
      lot({ remaining: 2, held: 1 }),
      lot({ id: "lot_2", source: "BONUS", orderId: null, reason: "가입 축하 보너스", amount: 2, remaining: 2, expiresAt: "2026-12-31T15:00:00.000Z" }),
      lot({ id: "lot_3", source: "ADJUSTMENT", orderId: null, reason: "운영자 조정", amount: 1, remaining: 1 }),
    ]);
    const page = text(markup);
    for (const words of ["프로 팩 구매", "구매", "남은 크레딧 2 / 3개", "사용 예약 중 1개", "유효기간 2031년 12월 4일 10:00까지"]) expect(page).toContain(words);
    // a bonus valid through 12월 31일 (it ends at 00:00 KST on 1월 1일)
    for (const words of ["가입 축하 보너스", "보너스", "남은 크레딧 2 / 2개", "유효기간 2026년 12월 31일까지"]) expect(page).toContain(words);
    expect(page).toContain("조정");
    expect(markup).toContain('href="/orders/ord_1"');
    expect(markup.match(/<li /g)).toHaveLength(3);
  });

  it("an expired lot is greyed, says when it expired and has nothing usable", () => {
    const markup = render([lot({ expired: true, remaining: 2, expiresAt: "2026-12-01T01:00:00.000Z" })]);
    const page = text(markup);
    expect(page).toContain("만료됨");
    expect(page).toContain("2026년 12월 1일 10:00 만료");
    expect(page).toContain("남은 크레딧 0 / 3개");
    expect(markup).toContain("bg-gray-50");
  });

  it("a lot with nothing left says so without saying why (spent or refunded)", () => {
    const page = text(render([lot({ remaining: 0 })]));
    expect(page).toContain("남은 크레딧 없음");
    expect(page).not.toContain("만료됨");
  });

  it("no lots: a sentence, not an empty list", () => {
    expect(text(render([]))).toContain("아직 받은 크레딧이 없어요.");
  });
});

describe("the history", () => {
  it.each([
    ["a spend names the pack it drew from", entry({}), "프로 팩 구매분"],
    ["a bonus lot's name as is", entry({ lot: { id: "b", reason: "가입 축하 보너스", createdAt: "2026-12-04T01:00:00.000Z" } }), "가입 축하 보너스"],
    ["the grant that made the lot names nothing more", entry({ kind: "GRANT", amount: 3, reason: "프로 팩 구매" }), null],
    ["an expiry already names its lot", entry({ kind: "EXPIRE", amount: -2, reason: "유효기간 만료: 프로 팩 구매" }), null],
    ["an entry of no lot", entry({ kind: "ADJUSTMENT", lot: null }), null],
  ])("%s", (_, e, label) => {
    expect(entryLotLabel(e)).toBe(label);
  });

  it("labels the new kinds, names the lot and shows a reversal's shortfall", () => {
    const page = text(
      renderToStaticMarkup(
        createElement(CreditLedger, {
          entries: [
            entry({ id: "1", kind: "HOLD", amount: -2, reason: "긴 작업" }),
            entry({ id: "2", kind: "RELEASE", amount: 2, reason: "긴 작업 (예약 해제)" }),
            entry({ id: "3", kind: "REVERSAL", amount: -1, reason: "결제 취소", shortfall: 2 }),
            entry({ id: "4", kind: "REVERSAL", amount: -3, reason: "결제 취소", shortfall: 0 }),
          ],
        }),
      ),
    );
    expect(page).toContain("사용 예약");
    expect(page).toContain("예약 반환");
    expect(page).toContain("프로 팩 구매분");
    expect(page.match(/회수하지 못한 크레딧/g)).toHaveLength(1);
    expect(page).toContain("남아 있지 않아 회수하지 못한 크레딧 2개");
  });
});
