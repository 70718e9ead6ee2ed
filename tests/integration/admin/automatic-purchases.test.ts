// Automatic purchases in the operator console (issue #23), over HTTP against the app and the sandbox: the
// kind filter (list, API, CSV), the buyer's saved card, plan and top-up on an order's page (never the
// billing key), turning the plan and the top-up off (operators only, once, audited, seen by the buyer),
// and refunds of PLAN and TOP_UP orders through the operator's refund, exactly as a checkout order's.
import { describe, expect, it } from "vitest";
import { OPERATOR_CANCEL_REASON } from "@/lib/admin/refund-as-operator";
import { BILLING_AGREEMENT_VERSION } from "@/lib/billing/agreement";
import { saveRegisteredCard } from "@/lib/billing/cards";
import { startPlan } from "@/lib/billing/plan";
import { OPERATOR_DISABLED_CODE, OPERATOR_DISABLED_MESSAGE } from "@/lib/billing/stopped-by-operator";
import { startTopUp, topUpIfBelow } from "@/lib/billing/top-up";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { kstDay } from "@/lib/kst";
import { TEST_OPERATOR } from "../../../scripts/lib/test-env";
import { paidOrder, requestId, signedInOperator } from "../../helpers/admin";
import { Client, signedInBuyer, type SignedInBuyer } from "../../helpers/http";
import { balanceOf, confirmOverHttp, ledgerOf, orderRow, paidInWindow } from "../../helpers/shop";
import { waitForMails } from "../../helpers/mail";
import { registeredCard } from "../../helpers/toss-billing";
import { basicAuth, tossApi, type Merchant } from "../../helpers/toss-sandbox";

/** The merchant of the app's billing key pair, as Toss (the sandbox) knows it. */
function appBillingMerchant(): Merchant {
  const keys = env.tossBilling!;
  return { id: "docs", clientKey: keys.clientKey, secretKey: keys.secretKey, authorization: basicAuth(keys.secretKey) };
}

interface Automatic {
  buyer: SignedInBuyer;
  billingKey: string;
  cardNumber: string;
  /** the first month of a monthly plan of PRO_PACK (₩3,000, 3 credits), PAID */
  planOrderId: string;
  /** one threshold top-up of PRO_PACK, PAID */
  topUpOrderId: string;
}

/**
 * A signed-in buyer with a saved card (registered in the sandbox's window, as on the account page), a
 * monthly plan whose first month was charged at its start, and a threshold top-up charged once: the
 * real lib/billing code paths, no rows made by hand.
 */
async function buyerWithAutomaticPurchases(): Promise<Automatic> {
  const buyer = await signedInBuyer();
  const user = await db.user.findUniqueOrThrow({ where: { id: buyer.userId } });
  await saveRegisteredCard(user.id, await registeredCard(appBillingMerchant(), { customerKey: user.customerKey }));
  const card = await db.billingCard.findFirstOrThrow({ where: { userId: user.id, status: "ACTIVE" } });
  const { first } = await startPlan(user.id, { productCode: "PRO_PACK", chargeDay: 10, agreementVersion: BILLING_AGREEMENT_VERSION });
  expect(first).toBe("paid");
  // A threshold above what the plan brought: the top-up charges at once.
  await startTopUp(user.id, { productCode: "PRO_PACK", thresholdCredits: 100, agreementVersion: BILLING_AGREEMENT_VERSION });
  expect(await topUpIfBelow(user.id)).toBe("paid");
  const orders = await db.order.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
  expect(orders.map((o) => [o.kind, o.status])).toEqual([["PLAN", "PAID"], ["TOP_UP", "PAID"]]);
  expect(await balanceOf(user.id)).toBe(6);
  return { buyer, billingKey: card.billingKey, cardNumber: card.cardNumber!, planOrderId: orders[0]!.orderId, topUpOrderId: orders[1]!.orderId };
}

type Found = { orders: { orderId: string; kind: string }[] };

const search = async (client: Client, query: string) => {
  const response = await client.fetch(`/api/admin/orders?${query}`);
  return { status: response.status, body: (await response.json()) as Found & { error?: { code: string; message: string; fieldErrors?: Record<string, string[]> } } };
};

/** A page's HTML without the comments React puts between adjacent text nodes. */
const pageText = async (client: Client, path: string) => (await (await client.fetch(path)).text()).replaceAll("<!-- -->", "");

/** The part of an order page's HTML that shows the buyer's plan (up to their top-up). */
const planPart = (html: string) => html.slice(html.indexOf('data-testid="buyer-plan"'), html.indexOf('data-testid="buyer-top-up"'));

const eventsOf = (orderId: string, type: string) => db.paymentEvent.findMany({ where: { order: { orderId }, type }, orderBy: { createdAt: "asc" } });

describe("the console's kind filter", () => {
  it("lists checkout orders, plan charges or top-ups apart, over the API, the page and the CSV, and refuses an unknown kind", async () => {
    const auto = await buyerWithAutomaticPurchases();
    const { buyer } = auto;
    const { order: checkout, payment } = await paidInWindow(buyer, { product: "PRO_PACK" });
    expect((await confirmOverHttp(buyer, payment)).status).toBe(200);
    const operator = await signedInOperator();
    const q = `q=${encodeURIComponent(buyer.email)}`;

    const all = await search(operator.client, q);
    expect(all.status).toBe(200);
    expect(all.body.orders.map((o) => [o.orderId, o.kind])).toEqual([
      [checkout.orderId, "CHECKOUT"],
      [auto.topUpOrderId, "TOP_UP"],
      [auto.planOrderId, "PLAN"],
    ]);
    // 전체 sends an empty kind.
    expect((await search(operator.client, `${q}&kind=`)).body.orders).toHaveLength(3);
    for (const [kind, orderId] of [["CHECKOUT", checkout.orderId], ["PLAN", auto.planOrderId], ["TOP_UP", auto.topUpOrderId]] as const) {
      const found = await search(operator.client, `${q}&kind=${kind}`);
      expect({ kind, found: found.body.orders.map((o) => o.orderId) }).toEqual({ kind, found: [orderId] });
    }
    // Without a key: the latest orders of that kind only (other files' orders among them).
    const latestTopUps = await search(operator.client, "kind=TOP_UP");
    expect(latestTopUps.body.orders.length).toBeGreaterThan(0);
    expect(new Set(latestTopUps.body.orders.map((o) => o.kind))).toEqual(new Set(["TOP_UP"]));

    for (const bad of ["plan", "SUBSCRIPTION", "PLAN,TOP_UP"]) {
      const refused = await search(operator.client, `${q}&kind=${encodeURIComponent(bad)}`);
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({
        code: "VALIDATION_FAILED",
        fieldErrors: { kind: ["주문 종류는 전체, 결제창 구매, 정기 충전, 자동충전 중에서 골라 주세요."] },
      });
    }

    // The page: the filter's choice kept in the form, a badge on each row, only that kind listed.
    const page = await pageText(operator.client, `/admin/orders?${q}&kind=PLAN`);
    expect(page).toContain(`/admin/orders/${auto.planOrderId}`);
    expect(page).not.toContain(`/admin/orders/${checkout.orderId}`);
    expect(page).not.toContain(`/admin/orders/${auto.topUpOrderId}`);
    expect(page).toMatch(/<option value="PLAN" selected="">정기 충전<\/option>/);
    expect(page).toContain(`data-order-kind="PLAN"`);
    expect(page).toContain("정기 충전 검색 결과 1건");
    const everything = await pageText(operator.client, `/admin/orders?${q}`);
    for (const kind of ["CHECKOUT", "PLAN", "TOP_UP"]) expect(everything).toContain(`data-order-kind="${kind}"`);
    const badPage = await operator.client.fetch(`/admin/orders?${q}&kind=nope`);
    expect(badPage.status).toBe(200);
    const badText = await badPage.text();
    expect(badText).toContain("주문 종류는 전체, 결제창 구매, 정기 충전, 자동충전 중에서 골라 주세요.");
    expect(badText).not.toContain(`/admin/orders/${auto.planOrderId}`);

    // The CSV takes the same filter, and says each order's kind in its last column.
    const today = kstDay(new Date());
    const csv = await operator.client.fetch(`/api/admin/exports/orders?from=${today}&to=${today}&kind=TOP_UP`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toBe(`attachment; filename="orders-top_up-${today}_${today}.csv"`);
    const rows = (await csv.text()).replace(/^\uFEFF/, "").split("\r\n").filter(Boolean);
    expect(rows[0]!.split(",").at(-1)).toBe("주문 종류");
    const body = rows.slice(1);
    expect(body.some((r) => r.startsWith(`${auto.topUpOrderId},`))).toBe(true);
    expect(body.some((r) => r.startsWith(`${auto.planOrderId},`) || r.startsWith(`${checkout.orderId},`))).toBe(false);
    expect(new Set(body.map((r) => r.split(",").at(-1)))).toEqual(new Set(["자동충전"]));
    const unfiltered = (await (await operator.client.fetch(`/api/admin/exports/orders?from=${today}&to=${today}&kind=`)).text()).split("\r\n");
    expect(unfiltered.find((r) => r.startsWith(`${checkout.orderId},`))?.split(",").at(-1)).toBe("결제창 구매");
    expect(unfiltered.find((r) => r.startsWith(`${auto.planOrderId},`))?.split(",").at(-1)).toBe("정기 충전");
    const badCsv = await operator.client.fetch(`/api/admin/exports/orders?from=${today}&to=${today}&kind=ALL`);
    expect(badCsv.status).toBe(400);
    expect(await badCsv.json()).toMatchObject({ error: { code: "VALIDATION_FAILED", fieldErrors: { kind: [expect.stringContaining("주문 종류")] } } });
  });
});

describe("the buyer's automatic purchases on an order's page", () => {
  it("shows the saved card (company, masked number), the plan and the top-up, and never the billing key", async () => {
    const auto = await buyerWithAutomaticPurchases();
    const operator = await signedInOperator();
    for (const orderId of [auto.planOrderId, auto.topUpOrderId]) {
      const html = await pageText(operator.client, `/admin/orders/${orderId}`);
      expect(html).toContain("구매자 자동결제");
      expect(html).toContain(auto.cardNumber);
      expect(html).toContain("매월 10일");
      expect(html).toContain("잔액이 100크레딧 아래로");
      expect(html).toContain("정기 충전 중지");
      expect(html).toContain("자동충전 끄기");
      expect(html).not.toContain(auto.billingKey);

      const response = await operator.client.fetch(`/api/admin/orders/${orderId}`);
      const text = await response.text();
      expect(text).not.toContain(auto.billingKey);
      const detail = JSON.parse(text) as { order: { kind: string }; autoCharge: Record<string, unknown> };
      expect(detail.autoCharge).toMatchObject({
        card: { cardNumber: auto.cardNumber, cardCompany: expect.any(String) },
        plan: { productCode: "PRO_PACK", chargeDay: 10, status: "ACTIVE", failureCode: null, nextChargeAt: expect.any(String) },
        topUp: { productCode: "PRO_PACK", thresholdCredits: 100, status: "ACTIVE" },
        topUpEnabled: true,
      });
      expect(Object.keys(detail.autoCharge.card as object).sort()).toEqual(["cardCompany", "cardNumber", "cardType", "createdAt"]);
    }
    // A checkout buyer without any: said so, no switches.
    const { orderId } = await paidOrder();
    const plain = await pageText(operator.client, `/admin/orders/${orderId}`);
    expect(plain).toContain("설정하지 않았어요.");
    expect(plain).not.toContain("정기 충전 중지");
    expect((await (await operator.client.fetch(`/api/admin/orders/${orderId}`)).json()).autoCharge).toMatchObject({ card: null, plan: null, topUp: null });
  });
});

describe("turning a buyer's automatic purchases off", () => {
  it("disables the plan and the top-up once each (OPERATOR_DISABLED), audited, refused to non-operators, and the buyer sees why", async () => {
    const auto = await buyerWithAutomaticPurchases();
    const { buyer } = auto;
    const operator = await signedInOperator();
    const plan = `/api/admin/orders/${auto.planOrderId}/plan/disable`;
    const topUp = `/api/admin/orders/${auto.planOrderId}/top-up/disable`;

    // Anyone else: the console's 404, nothing changed.
    for (const client of [new Client(), buyer.client]) {
      for (const path of [plan, topUp]) expect((await client.postJson(path, { reason: "남의 자동결제 중지" })).status).toBe(404);
    }
    // The same guards as every operator POST, and a reason is required.
    expect((await operator.client.postJson(plan, { reason: "교차 사이트" }, { "sec-fetch-site": "cross-site" })).status).toBe(403);
    const noReason = await operator.client.postJson(plan, { reason: " " });
    expect(noReason.status).toBe(400);
    expect(await noReason.json()).toMatchObject({ error: { code: "VALIDATION_FAILED", fieldErrors: { reason: [expect.any(String)] } } });
    expect(await db.creditPlan.findUniqueOrThrow({ where: { userId: buyer.userId } })).toMatchObject({ status: "ACTIVE", failureCode: null });
    expect(await db.autoTopUp.findUniqueOrThrow({ where: { userId: buyer.userId } })).toMatchObject({ status: "ACTIVE", failureCode: null });

    const first = await operator.client.postJson(plan, { reason: "카드 도용 신고" });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({
      target: "PLAN",
      changed: true,
      status: "DISABLED",
      failureCode: OPERATOR_DISABLED_CODE,
      failureMessage: OPERATOR_DISABLED_MESSAGE,
    });
    // A second press changes nothing and says so.
    const second = await operator.client.postJson(plan, { reason: "카드 도용 신고" });
    expect(await second.json()).toMatchObject({ target: "PLAN", changed: false, status: "DISABLED", failureCode: OPERATOR_DISABLED_CODE });
    expect(await db.creditPlan.findUniqueOrThrow({ where: { userId: buyer.userId } })).toMatchObject({
      status: "DISABLED",
      failureCode: OPERATOR_DISABLED_CODE,
      failureMessage: OPERATOR_DISABLED_MESSAGE,
    });
    // The top-up is its own switch: still on.
    expect(await db.autoTopUp.findUniqueOrThrow({ where: { userId: buyer.userId } })).toMatchObject({ status: "ACTIVE" });

    // Five presses at once turn the top-up off once.
    const presses = await Promise.all(Array.from({ length: 5 }, () => operator.client.postJson(topUp, { reason: "구매자 요청: 자동충전 중지" })));
    const answers = (await Promise.all(presses.map((r) => r.json()))) as { changed: boolean; status: string }[];
    expect(answers.filter((a) => a.changed)).toHaveLength(1);
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set(["DISABLED"]));
    expect(await db.autoTopUp.findUniqueOrThrow({ where: { userId: buyer.userId } })).toMatchObject({ status: "DISABLED", failureCode: OPERATOR_DISABLED_CODE });
    // Nothing charges it any more.
    expect(await topUpIfBelow(buyer.userId)).toBe("off");

    // Audited on the order the operator acted from, once per change.
    const planEvents = await eventsOf(auto.planOrderId, "ADMIN_PLAN_DISABLED");
    expect(planEvents.map((e) => e.payload)).toEqual([
      expect.objectContaining({ operator: TEST_OPERATOR, reason: "카드 도용 신고", userId: buyer.userId, failureCode: OPERATOR_DISABLED_CODE }),
    ]);
    const topUpEvents = await eventsOf(auto.planOrderId, "ADMIN_TOP_UP_DISABLED");
    expect(topUpEvents.map((e) => e.payload)).toEqual([expect.objectContaining({ operator: TEST_OPERATOR, reason: "구매자 요청: 자동충전 중지" })]);

    // The console shows it stopped and why, without the switches; the timeline names the operator.
    const html = await pageText(operator.client, `/admin/orders/${auto.planOrderId}`);
    expect(planPart(html)).toContain(`중지 사유: ${OPERATOR_DISABLED_MESSAGE}`);
    expect(planPart(html)).toContain("중지됨");
    expect(planPart(html)).not.toContain("<form");
    expect(html).toContain("운영자: 구매자의 정기 충전 중지");
    expect(html).toContain(`${TEST_OPERATOR} · 사유: 카드 도용 신고`);

    // The buyer reads why on their account page, and may start the plan and the top-up again.
    const account = await pageText(buyer.client, "/account");
    expect(account).toContain(`정기 충전이 멈췄어요: ${OPERATOR_DISABLED_MESSAGE}`);
    expect(account).toContain(`자동충전이 꺼졌어요: ${OPERATOR_DISABLED_MESSAGE}`);
    expect(account).not.toContain("결제가 거절되어");
    expect(account).toContain("동의하고 정기 충전 시작");
    expect(account).toContain("동의하고 자동충전 켜기");
    // And is told once per stop, on the page and by e-mail (five presses of the top-up's switch: one notice).
    const notices = await db.notice.findMany({ where: { userId: buyer.userId, kind: "AUTO_CHARGE_STOPPED" }, orderBy: { createdAt: "asc" } });
    expect(notices.map((n) => n.data)).toEqual([
      { target: "PLAN", packName: expect.any(String) },
      { target: "TOP_UP", packName: expect.any(String) },
    ]);
    expect(account).toContain("정기 충전이 중지되었어요");
    const mails = await waitForMails(buyer.email, 2);
    expect(mails.map((m) => m.subject).sort()).toEqual([expect.stringContaining("자동충전이 중지되었어요"), expect.stringContaining("정기 충전이 중지되었어요")]);
    const restarted = await startPlan(buyer.userId, { productCode: "PRO_PACK", chargeDay: 10, agreementVersion: BILLING_AGREEMENT_VERSION });
    expect(restarted.plan).toMatchObject({ status: "ACTIVE", failureCode: null, failureMessage: null });
  });

  it("answers 404 for a buyer who never set a plan or a top-up, and leaves an ended plan ended", async () => {
    const { orderId } = await paidOrder();
    const operator = await signedInOperator();
    for (const [path, code] of [["plan", "NO_PLAN"], ["top-up", "NO_TOP_UP"]] as const) {
      const response = await operator.client.postJson(`/api/admin/orders/${orderId}/${path}/disable`, { reason: "확인" });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code, message: expect.stringMatching(/설정한 적이 없어요/) } });
    }
    expect((await operator.client.postJson("/api/admin/orders/no_such_order_123/plan/disable", { reason: "확인" })).status).toBe(404);

    const auto = await buyerWithAutomaticPurchases();
    await db.creditPlan.update({ where: { userId: auto.buyer.userId }, data: { status: "CANCELED" } });
    const ended = await operator.client.postJson(`/api/admin/orders/${auto.planOrderId}/plan/disable`, { reason: "확인" });
    expect(await ended.json()).toMatchObject({ changed: false, status: "CANCELED", failureCode: null });
    expect(await eventsOf(auto.planOrderId, "ADMIN_PLAN_DISABLED")).toHaveLength(0);
  });
});

describe("refunding automatic purchases", () => {
  it("refunds a PAID plan charge in full and a top-up in part, as a checkout order: Toss cancels, credits come back from each order's lot", async () => {
    const auto = await buyerWithAutomaticPurchases();
    const { buyer } = auto;
    const operator = await signedInOperator();
    const plan = await orderRow(auto.planOrderId);
    const topUp = await orderRow(auto.topUpOrderId);
    expect([plan.method, topUp.method]).toEqual(["카드", "카드"]);

    // The page offers the same refund form as for a checkout order.
    const html = await pageText(operator.client, `/admin/orders/${auto.planOrderId}`);
    expect(html).toContain("전액 환불하기");
    expect(html).toContain(`data-order-kind="PLAN"`);

    const full = await operator.client.postJson(`/api/admin/orders/${auto.planOrderId}/refund`, { reason: "정기 충전 첫 달 환불", requestId: requestId() });
    expect(full.status).toBe(200);
    expect(await full.json()).toMatchObject({ order: { status: "CANCELED", kind: "PLAN" } });
    const canceled = await tossApi(appBillingMerchant(), "GET", `/v1/payments/${plan.paymentKey}`);
    expect(canceled.body).toMatchObject({ type: "BILLING", status: "CANCELED", balanceAmount: 0, cancels: [expect.objectContaining({ cancelReason: OPERATOR_CANCEL_REASON, cancelAmount: 3000 })] });
    expect(await db.creditLot.findUniqueOrThrow({ where: { orderId: plan.id } })).toMatchObject({ amount: 3, remaining: 0 });

    // ₩1,000 of the top-up's ₩3,000: one of its three credits.
    const partial = await operator.client.postJson(`/api/admin/orders/${auto.topUpOrderId}/refund`, { reason: "자동충전 일부 환불", requestId: requestId(), amount: 1000 });
    expect(partial.status).toBe(200);
    expect(await partial.json()).toMatchObject({ order: { status: "PARTIAL_CANCELED", kind: "TOP_UP" } });
    expect((await tossApi(appBillingMerchant(), "GET", `/v1/payments/${topUp.paymentKey}`)).body).toMatchObject({ status: "PARTIAL_CANCELED", balanceAmount: 2000 });
    expect(await db.creditLot.findUniqueOrThrow({ where: { orderId: topUp.id } })).toMatchObject({ amount: 3, remaining: 2 });

    const ledger = (await ledgerOf(buyer.userId)).map((e) => [e.kind, e.amount, e.orderId]);
    expect(ledger).toEqual([
      ["GRANT", 3, plan.id],
      ["GRANT", 3, topUp.id],
      ["REVERSAL", -3, plan.id],
      ["REVERSAL", -1, topUp.id],
    ]);
    expect(await balanceOf(buyer.userId)).toBe(2);
    for (const [orderId, reason] of [[auto.planOrderId, "정기 충전 첫 달 환불"], [auto.topUpOrderId, "자동충전 일부 환불"]] as const) {
      const [requested] = await eventsOf(orderId, "REFUND_REQUESTED");
      expect(requested!.payload).toMatchObject({ source: "operator", operator: TEST_OPERATOR, reason });
    }
    // Refunding the charges leaves the plan and top-up as they were: turning them off is its own action.
    expect(await db.creditPlan.findUniqueOrThrow({ where: { userId: buyer.userId } })).toMatchObject({ status: "ACTIVE" });
  });
});
