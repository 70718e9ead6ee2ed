// The rules shown before payment (전자상거래법 §17 ②), rendered for different configurations: the
// withdrawal window and the validity of paid credits are the configured ones, and the order of use, the
// loss of expired credits and the pack-by-pack refund rule are stated.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PurchaseRules } from "@/components/checkout/purchase-rules";
import { PackCard } from "@/components/pricing/pack-card";
import type { ShopProduct } from "@/lib/catalog/get-products";
import { parseEnv } from "@/lib/env";

const text = (markup: string) => markup.replace(/<[^>]+>/g, "").replace(/\s+/g, " ");
const rules = (vars: Record<string, string>) => {
  const config = parseEnv(vars);
  return text(renderToStaticMarkup(createElement(PurchaseRules, { refundWindowDays: config.refundWindowDays, creditValidityMonths: config.creditValidityMonths })));
};

describe("the rules before payment", () => {
  it.each([
    [{}, "5년", 7],
    [{ CREDIT_VALIDITY_MONTHS: "12" }, "1년", 7],
    [{ CREDIT_VALIDITY_MONTHS: "18", REFUND_WINDOW_DAYS: "14" }, "18개월", 14],
  ])("%o: paid credits valid %s from payment, a %i-day window", (vars, validity, days) => {
    const page = rules(vars);
    expect(page).toContain(`유효기간: 구매한 크레딧은 결제일로부터 ${validity} 동안 사용할 수 있어요.`);
    expect(page).toContain(`결제일로부터 ${days}일 안에`);
  });

  it("nowhere says that credits never expire", () => {
    expect(rules({})).not.toMatch(/기한 없이|유효기간 없음|유효기간이 없/);
  });

  it("states the order of use, the bonus credits' own validity and that expired credits are gone", () => {
    const page = rules({});
    expect(page).toContain("보너스 크레딧을 먼저 쓰고");
    expect(page).toContain("보너스 크레딧은 받을 때 알려 드리는 유효기간이 따로 있어요");
    expect(page).toContain("유효기간이 먼저 끝나는 크레딧부터 써요");
    expect(page).toContain("유효기간이 지난 크레딧은 사라지며 환불되지 않아요.");
  });

  it("judges each pack by its own credits", () => {
    const page = rules({});
    expect(page).toContain("그 팩의 크레딧을 하나도 쓰지 않았다면 주문 상세에서 직접 전액 환불할 수 있어요.");
    expect(page).toContain("다른 팩의 크레딧을 쓴 것은 상관없어요");
    expect(page).toContain("한 개라도 사용한 팩(사용 예약 중인 크레딧 포함)은");
  });

  it("the pack card states the same validity", () => {
    const product: ShopProduct = { code: "PRO_PACK", name: "프로 팩", credits: 3, price: 3000 };
    const card = (months: number) => text(renderToStaticMarkup(createElement(PackCard, { product, refundWindowDays: 7, creditValidityMonths: months })));
    expect(card(60)).toContain("유효기간 5년(결제일부터)");
    expect(card(6)).toContain("유효기간 6개월(결제일부터)");
    expect(card(60)).not.toContain("유효기간 없음");
  });
});
