// 자동결제 (billing) in the sandbox, over real HTTP as the app's Toss client calls it (TOSS.md "Billing";
// docs "코어 API" 자동결제, "에러 코드"): the card registration window's redirects, the authKey exchanged
// once for a billing key (the Billing object), charges that are ordinary payments of type BILLING
// (lookups, idempotent replays, cancels, webhooks), Toss's refusals, the key families, and the console's
// switches (next charge fails, lost/stolen or expired card, removal) from its API and `npm run toss`.
// Each test owns its merchant (test_ck_sbx_<id> / test_sk_sbx_<id>) and customerKey.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  charge,
  chargeBody,
  deleteBillingKey,
  issue,
  issuedBillingKey,
  newCustomerKey,
  openBillingAuth,
  registeredCard,
  submitBillingWindow,
} from "../../helpers/toss-billing";
import {
  APP_URL,
  basicAuth,
  consoleApi,
  merchantKeys,
  merchantWithReceiver,
  newMerchant,
  SANDBOX,
  tossApi,
  waitFor,
  type Merchant,
} from "../../helpers/toss-sandbox";

const DOCS_API: Merchant = {
  id: "docs",
  clientKey: "test_ck_D5GePWvyJnrK0W0k6q8gLzN97Eoq",
  secretKey: "test_sk_zXLkKEypNArWmo50nX3lmeaxYG5R",
  authorization: basicAuth("test_sk_zXLkKEypNArWmo50nX3lmeaxYG5R"),
};

const apiMerchant = () => newMerchant("API_INDIVIDUAL");
/** The widget pair of the same made-up merchant. */
const widgetPairOf = (merchant: Merchant) => merchantKeys(merchant.id.replace(/^sbx_/, ""), "WIDGET");

describe("the card registration window", () => {
  it("opens for an API individual client key and shows the test card, masked", async () => {
    const opened = await openBillingAuth(apiMerchant(), { customerName: "김토스" });
    expect(opened.status).toBe(200);
    expect(opened.body.checkoutPath).toBe(`/sandbox/toss/billing-auth/${opened.authId}`);
    const page = await fetch(`${APP_URL}${opened.body.checkoutPath}`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain("토스페이먼츠 카드 등록");
    expect(html).toContain("김토스");
    expect(html).toMatch(/value="4330-\d{4}-\*{4}-\d{3}\*"/);
  });

  it("refuses what Toss's SDK refuses: a widget key, a secret key, a bad customerKey, relative URLs", async () => {
    const widget = await openBillingAuth(newMerchant("WIDGET"));
    expect(widget.status).toBe(400);
    expect(widget.body).toEqual({ code: "NOT_SUPPORTED_WIDGET_KEY", message: "API 개별 연동 키의 클라이언트 키로 SDK를 연동해주세요. 결제위젯 연동 키는 지원하지 않습니다." });
    const merchant = apiMerchant();
    expect((await openBillingAuth({ ...merchant, clientKey: merchant.secretKey })).body.code).toBe("INSECURE_KEY_USAGE");
    for (const customerKey of ["a", "x".repeat(301), "@@ANONYMOUS", "has space", "이메일@example.com"]) {
      const refused = await openBillingAuth(merchant, { customerKey });
      expect(refused.body.code, customerKey).toBe("INVALID_CUSTOMER_KEY");
      expect(refused.body.message).toContain("300자");
    }
    expect((await openBillingAuth(merchant, { customerKey: `${"k".repeat(296)}-_=.` })).status).toBe(200);
    expect((await openBillingAuth(merchant, { successUrl: "/billing/success" })).body.code).toBe("INCORRECT_SUCCESS_URL_FORMAT");
    expect((await openBillingAuth(merchant, { failUrl: "billing/fail" })).body.code).toBe("INCORRECT_FAIL_URL_FORMAT");
  });

  it("카드 등록 redirects to successUrl with customerKey and authKey, keeping its query; pressed twice, the same authKey", async () => {
    const merchant = apiMerchant();
    const opened = await openBillingAuth(merchant, { successUrl: "https://shop.example.com/billing/success?plan=monthly" });
    const first = await submitBillingWindow(opened.authId, { intent: "register", card: "41" });
    expect(first.status).toBe(303);
    const url = new URL(first.location);
    expect(`${url.origin}${url.pathname}`).toBe("https://shop.example.com/billing/success");
    expect([...url.searchParams.keys()]).toEqual(["plan", "customerKey", "authKey"]);
    expect(url.searchParams.get("customerKey")).toBe(opened.customerKey);
    expect(url.searchParams.get("authKey")).toMatch(/^\S{8,300}$/);
    const again = await submitBillingWindow(opened.authId, { intent: "register", card: "41" });
    expect(again.location).toBe(first.location);
  });

  it("닫기 and the failure scenarios redirect to failUrl with Toss's code and message, registering nothing", async () => {
    const merchant = apiMerchant();
    const opened = await openBillingAuth(merchant, { failUrl: "https://shop.example.com/billing/fail?from=settings" });
    const closed = new URL((await submitBillingWindow(opened.authId, { intent: "cancel" })).location);
    expect(Object.fromEntries(closed.searchParams)).toEqual({ from: "settings", code: "PAY_PROCESS_CANCELED", message: "사용자에 의해 결제가 취소되었습니다." });
    const rejected = new URL((await submitBillingWindow(opened.authId, { intent: "fail", code: "REJECT_CARD_COMPANY" })).location);
    expect(Object.fromEntries(rejected.searchParams)).toMatchObject({ code: "REJECT_CARD_COMPANY", message: "결제 승인이 거절되었습니다." });
    const number = new URL((await submitBillingWindow(opened.authId, { intent: "fail", code: "INVALID_CARD_NUMBER" })).location);
    expect(number.searchParams.get("message")).toBe("카드번호를 다시 확인해주세요.");
    const unknown = await submitBillingWindow(opened.authId, { intent: "fail", code: "NOT_A_CODE" });
    expect(unknown.location).toContain(`/sandbox/toss/billing-auth/${opened.authId}?error=`);
    // The buyer can still register after a failed attempt: the window stays open.
    const registered = new URL((await submitBillingWindow(opened.authId, { intent: "register" })).location);
    expect(registered.searchParams.get("authKey")).toBeTruthy();
  });

  it("closes after 30 minutes: 카드 등록 is refused, 닫기 still returns to the shop", async () => {
    const opened = await openBillingAuth(apiMerchant());
    await db.sandboxBillingAuth.update({ where: { id: opened.authId }, data: { requestedAt: new Date(Date.now() - 31 * 60_000) } });
    const refused = await submitBillingWindow(opened.authId, { intent: "register" });
    expect(decodeURIComponent(refused.location)).toContain("만료");
    expect(new URL((await submitBillingWindow(opened.authId, { intent: "cancel" })).location).searchParams.get("code")).toBe("PAY_PROCESS_CANCELED");
  });
});

describe("POST /v1/billing/authorizations/issue", () => {
  it("answers the Billing object of the registered card", async () => {
    const merchant = apiMerchant();
    const card = await registeredCard(merchant, { card: "41" });
    const answer = await issue(merchant, card);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("x-tosspayments-trace-id")).toMatch(/^[0-9a-f]{32}$/);
    const billing = answer.body;
    expect(Object.keys(billing).sort()).toEqual(["authenticatedAt", "billingKey", "card", "cardCompany", "cardNumber", "customerKey", "mId", "method"]);
    expect(billing).toMatchObject({
      mId: merchant.id,
      customerKey: card.customerKey,
      method: "카드",
      cardCompany: "신한",
      card: { issuerCode: "41", acquirerCode: "41", cardType: "신용", ownerType: "개인" },
    });
    expect(billing.authenticatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);
    expect(billing.billingKey).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{42}=$/);
    expect(billing.cardNumber).toMatch(/^4330\d{4}\*{4}\d{3}\*$/);
    expect((billing.card as { number: string }).number).toBe(billing.cardNumber);
  });

  it("takes an authKey once: a second exchange is NOT_FOUND_BILLING, a replay under the same Idempotency-Key is the first answer", async () => {
    const merchant = apiMerchant();
    const card = await registeredCard(merchant);
    const key = randomUUID();
    const first = await issue(merchant, card, key);
    const replay = await issue(merchant, card, key);
    expect(first.status).toBe(200);
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(first.body);
    const second = await issue(merchant, card);
    expect(second.status).toBe(404);
    expect(second.body.code).toBe("NOT_FOUND_BILLING");
    expect(second.body.message).toMatch(/^존재하지 않는 빌링 결제 인증 정보 입니다\./);
  });

  it("lets an authKey lapse after 10 minutes", async () => {
    const merchant = apiMerchant();
    const card = await registeredCard(merchant);
    await db.sandboxBillingAuth.update({ where: { id: card.authId }, data: { authenticatedAt: new Date(Date.now() - 601_000) } });
    const lapsed = await issue(merchant, card);
    expect(lapsed.status).toBe(404);
    expect(lapsed.body.code).toBe("NOT_FOUND_BILLING");
    expect(lapsed.body.message).toContain("10분");
  });

  it("refuses another customerKey than the window's (NOT_MATCHES_CUSTOMER_KEY) and keeps the authKey for the right one", async () => {
    const merchant = apiMerchant();
    const card = await registeredCard(merchant);
    const wrong = await issue(merchant, { authKey: card.authKey, customerKey: newCustomerKey() });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toEqual({ code: "NOT_MATCHES_CUSTOMER_KEY", message: "빌링 인증 고객키와 결제 요청 고객키가 일치하지 않습니다." });
    expect((await issue(merchant, card)).status).toBe(200);
  });

  it("refuses an unknown authKey, another merchant's, a malformed body or customerKey", async () => {
    const merchant = apiMerchant();
    const card = await registeredCard(merchant);
    expect((await issue(merchant, { authKey: "bln_NOT_A_KEY", customerKey: card.customerKey })).body.code).toBe("NOT_FOUND_BILLING");
    expect((await issue(apiMerchant(), card)).body.code).toBe("NOT_FOUND_BILLING");
    expect((await issue(merchant, { authKey: card.authKey, customerKey: "@@ANONYMOUS" })).body.code).toBe("INVALID_CUSTOMER_KEY");
    const malformed = await tossApi(merchant, "POST", "/v1/billing/authorizations/issue", { rawBody: '{"authKey":' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe("INVALID_REQUEST");
    expect((await issue(merchant, card)).status).toBe(200);
  });
});

describe("POST /v1/billing/{billingKey}", () => {
  it("charges at once: a Payment of type BILLING, DONE, found by paymentKey and by orderId", async () => {
    const merchant = apiMerchant();
    const billing = await issuedBillingKey(merchant, { card: "51" });
    const body = chargeBody(billing, { amount: 9_900, customerEmail: "buyer@example.com", customerName: "김토스", taxFreeAmount: 0 });
    const answer = await charge(merchant, billing.billingKey, body, randomUUID());
    expect(answer.status).toBe(200);
    const payment = answer.body;
    expect(payment).toMatchObject({
      mId: merchant.id,
      type: "BILLING",
      method: "카드",
      status: "DONE",
      orderId: body.orderId,
      orderName: body.orderName,
      totalAmount: 9_900,
      balanceAmount: 9_900,
      suppliedAmount: 9_000,
      vat: 900,
      currency: "KRW",
      checkout: null,
      failure: null,
      version: "2022-11-16",
      card: { issuerCode: "51", number: billing.cardNumber, amount: 9_900, installmentPlanMonths: 0 },
    });
    expect(payment.approvedAt).toMatch(/\+09:00$/);
    expect((payment.card as { approveNo: string }).approveNo).toMatch(/^\d{8}$/);
    const byKey = await tossApi(merchant, "GET", `/v1/payments/${payment.paymentKey}`);
    const byOrder = await tossApi(merchant, "GET", `/v1/payments/orders/${body.orderId}`);
    expect(byKey.body).toEqual(payment);
    expect(byOrder.body).toEqual(payment);
  });

  it("replays the first answer under the same Idempotency-Key, even for another body (Toss matches key, secret key, URL and method)", async () => {
    const merchant = apiMerchant();
    const billing = await issuedBillingKey(merchant);
    const key = randomUUID();
    const body = chargeBody(billing);
    const first = await charge(merchant, billing.billingKey, body, key);
    const replay = await charge(merchant, billing.billingKey, body, key);
    const otherBody = await charge(merchant, billing.billingKey, chargeBody(billing, { amount: 1_000 }), key);
    expect(replay.body).toEqual(first.body);
    expect(otherBody.status).toBe(200);
    expect(otherBody.body).toEqual(first.body);
    // One charge was made: the other body's orderId does not exist.
    const charges = await db.sandboxPayment.count({ where: { merchantId: merchant.id } });
    expect(charges).toBe(1);
    // Without the key, the same body again is a duplicate order.
    const again = await charge(merchant, billing.billingKey, body);
    expect(again.status).toBe(400);
    expect(again.body.code).toBe("DUPLICATED_ORDER_ID");
  });

  it("refuses Toss's refusals: another customerKey, an unknown key, another merchant's key, amounts, a malformed body", async () => {
    const merchant = apiMerchant();
    const billing = await issuedBillingKey(merchant);
    const mismatch = await charge(merchant, billing.billingKey, chargeBody({ customerKey: newCustomerKey() }));
    expect(mismatch.status).toBe(400);
    expect(mismatch.body).toEqual({ code: "NOT_MATCHES_CUSTOMER_KEY", message: "빌링 인증 고객키와 결제 요청 고객키가 일치하지 않습니다." });
    const unknown = await charge(merchant, "Z_t5vOvQxrj4499PeiJcjen28-V2RyqgYTwN44Rdzk0=", chargeBody(billing));
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({ code: "INVALID_BILL_KEY_REQUEST", message: "빌링키 인증이 완료되지 않았거나 유효하지 않은 빌링 거래 건입니다." });
    expect((await charge(apiMerchant(), billing.billingKey, chargeBody(billing))).body.code).toBe("INVALID_BILL_KEY_REQUEST");
    expect((await charge(merchant, billing.billingKey, chargeBody(billing, { amount: 0 }))).body).toEqual({ code: "BELOW_ZERO_AMOUNT", message: "금액은 0보다 커야 합니다." });
    expect((await charge(merchant, billing.billingKey, chargeBody(billing, { amount: -500 }))).body.code).toBe("BELOW_ZERO_AMOUNT");
    expect((await charge(merchant, billing.billingKey, chargeBody(billing, { amount: 50 }))).body.code).toBe("BELOW_MINIMUM_AMOUNT");
    expect((await charge(merchant, billing.billingKey, chargeBody(billing, { orderId: "abc" }))).body.code).toBe("INVALID_ORDER_ID");
    expect((await charge(merchant, billing.billingKey, chargeBody(billing, { orderName: "x".repeat(101) }))).body.code).toBe("INVALID_ORDER_NAME");
    const noName = { customerKey: billing.customerKey, amount: 1_000, orderId: `bill_${randomUUID()}` };
    expect((await charge(merchant, billing.billingKey, noName)).body.code).toBe("INVALID_REQUEST");
    expect(await db.sandboxPayment.count({ where: { merchantId: merchant.id } })).toBe(0);
  });

  it("sends PAYMENT_STATUS_CHANGED for the charge and for its cancel, as for any payment", async () => {
    const { merchant: widgetKeys, receiver } = await merchantWithReceiver();
    const merchant = merchantKeys(widgetKeys.id.replace(/^sbx_/, ""), "API_INDIVIDUAL");
    try {
      const billing = await issuedBillingKey(merchant);
      const charged = await charge(merchant, billing.billingKey, chargeBody(billing, { amount: 20_000 }));
      const paymentKey = charged.body.paymentKey as string;
      const done = await waitFor(() => receiver.received.find((h) => (h.body.data as { status?: string }).status === "DONE"));
      expect(done.body).toMatchObject({ eventType: "PAYMENT_STATUS_CHANGED", data: { paymentKey, type: "BILLING", status: "DONE", totalAmount: 20_000 } });
      expect(done.headers["tosspayments-webhook-transmission-id"]).toMatch(/^whtrans_/);

      const partial = await tossApi(merchant, "POST", `/v1/payments/${paymentKey}/cancel`, { body: { cancelReason: "자동충전 일부 환불", cancelAmount: 5_000 } });
      expect(partial.status).toBe(200);
      expect(partial.body).toMatchObject({ type: "BILLING", status: "PARTIAL_CANCELED", balanceAmount: 15_000 });
      const full = await tossApi(merchant, "POST", `/v1/payments/${paymentKey}/cancel`, { body: { cancelReason: "자동충전 해지" } });
      expect(full.body).toMatchObject({ status: "CANCELED", balanceAmount: 0 });
      expect((full.body.cancels as unknown[]).length).toBe(2);
      const statuses = await waitFor(() => {
        const seen = receiver.received.map((h) => (h.body.data as { status: string }).status).sort();
        return seen.length === 3 && seen;
      });
      expect(statuses).toEqual(["CANCELED", "DONE", "PARTIAL_CANCELED"]);
      const canceled = receiver.received.find((h) => (h.body.data as { status: string }).status === "CANCELED")!;
      expect(canceled.body.data).toMatchObject({ paymentKey, type: "BILLING", balanceAmount: 0 });
    } finally {
      await receiver.close();
    }
  });
});

describe("the console's switches", () => {
  it("makes the next charge fail once with a card refusal: ABORTED with its failure and webhook, then the orderId charges again", async () => {
    const { merchant: widgetKeys, receiver } = await merchantWithReceiver();
    const merchant = merchantKeys(widgetKeys.id.replace(/^sbx_/, ""), "API_INDIVIDUAL");
    try {
      const billing = await issuedBillingKey(merchant);
      const set = await consoleApi("POST", `/billing-keys/${encodeURIComponent(billing.billingKey)}/next-charge`, { nextCharge: "REJECT_CARD_PAYMENT" });
      expect(set.status).toBe(200);
      expect(set.body.data).toMatchObject({ nextChargeErrorCode: "REJECT_CARD_PAYMENT", billing: { billingKey: billing.billingKey } });

      const body = chargeBody(billing);
      const refused = await charge(merchant, billing.billingKey, body);
      expect(refused.status).toBe(403);
      expect(refused.body).toEqual({ code: "REJECT_CARD_PAYMENT", message: "한도초과 혹은 잔액부족으로 결제에 실패했습니다." });
      const looked = await tossApi(merchant, "GET", `/v1/payments/orders/${body.orderId}`);
      expect(looked.body).toMatchObject({ type: "BILLING", status: "ABORTED", approvedAt: null, failure: { code: "REJECT_CARD_PAYMENT" } });
      const aborted = await waitFor(() => receiver.received.find((h) => (h.body.data as { status?: string }).status === "ABORTED"));
      expect(aborted.body.data).toMatchObject({ orderId: body.orderId, failure: { code: "REJECT_CARD_PAYMENT" } });

      // The flag is used up; the same orderId is charged now (a refused charge may be tried again).
      const retried = await charge(merchant, billing.billingKey, body);
      expect(retried.status).toBe(200);
      expect(retried.body).toMatchObject({ orderId: body.orderId, status: "DONE", failure: null });
      expect(retried.body.paymentKey).not.toBe(looked.body.paymentKey);
    } finally {
      await receiver.close();
    }
  });

  it("makes the next charge undecided (PROVIDER_ERROR): nothing is recorded and a retry succeeds", async () => {
    const merchant = apiMerchant();
    const billing = await issuedBillingKey(merchant);
    await consoleApi("POST", `/billing-keys/${encodeURIComponent(billing.billingKey)}/next-charge`, { nextCharge: "PROVIDER_ERROR" });
    const body = chargeBody(billing);
    const failed = await charge(merchant, billing.billingKey, body);
    expect(failed.status).toBe(400);
    expect(failed.body.code).toBe("PROVIDER_ERROR");
    expect((await tossApi(merchant, "GET", `/v1/payments/orders/${body.orderId}`)).body.code).toBe("NOT_FOUND_PAYMENT");
    expect((await charge(merchant, billing.billingKey, body)).body.status).toBe("DONE");
  });

  it("clears a next-charge failure with none, and refuses an unknown code", async () => {
    const merchant = apiMerchant();
    const billing = await issuedBillingKey(merchant);
    const path = `/billing-keys/${encodeURIComponent(billing.billingKey)}/next-charge`;
    expect((await consoleApi("POST", path, { nextCharge: "EXCEED_MAX_DAILY_PAYMENT_COUNT" })).status).toBe(200);
    expect((await consoleApi("POST", path, { nextCharge: "none" })).body.data).toMatchObject({ nextChargeErrorCode: null });
    expect((await consoleApi("POST", path, { nextCharge: "NOT_A_CODE" })).status).toBe(400);
    expect((await charge(merchant, billing.billingKey, chargeBody(billing))).body.status).toBe("DONE");
  });

  it("fails every charge while the card is lost or stolen, or expired, until it is normal again", async () => {
    const merchant = apiMerchant();
    const billing = await issuedBillingKey(merchant);
    const state = (cardState: string) => consoleApi("POST", `/billing-keys/${encodeURIComponent(billing.billingKey)}/card-state`, { cardState });
    expect((await state("LOST_OR_STOLEN")).body.data).toMatchObject({ cardState: "LOST_OR_STOLEN" });
    for (let i = 0; i < 2; i++) {
      const refused = await charge(merchant, billing.billingKey, chargeBody(billing));
      expect(refused.status).toBe(400);
      expect(refused.body).toEqual({ code: "INVALID_CARD_LOST_OR_STOLEN", message: "분실 혹은 도난 카드입니다." });
    }
    await state("EXPIRED");
    expect((await charge(merchant, billing.billingKey, chargeBody(billing))).body.code).toBe("INVALID_CARD_EXPIRATION");
    await state("NORMAL");
    expect((await charge(merchant, billing.billingKey, chargeBody(billing))).body.status).toBe("DONE");
    expect((await state("BROKEN")).status).toBe(400);
  });

  it("removes a billing key from the console: its charges are refused, its past charges stay", async () => {
    const merchant = apiMerchant();
    const billing = await issuedBillingKey(merchant);
    const paid = await charge(merchant, billing.billingKey, chargeBody(billing));
    const removed = await consoleApi("POST", `/billing-keys/${encodeURIComponent(billing.billingKey)}/remove`, {});
    expect(removed.status).toBe(200);
    expect(removed.body.data).toMatchObject({ deletedAt: expect.any(String) });
    const refused = await charge(merchant, billing.billingKey, chargeBody(billing));
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe("INVALID_BILL_KEY_REQUEST");
    expect((await consoleApi("POST", `/billing-keys/${encodeURIComponent(billing.billingKey)}/remove`, {})).status).toBe(409);
    expect((await tossApi(merchant, "GET", `/v1/payments/${paid.body.paymentKey}`)).body.status).toBe("DONE");
  });

  it("shows the keys on the console's billing page, whose forms come back to it with a notice", async () => {
    const merchant = apiMerchant();
    const billing = await issuedBillingKey(merchant);
    const bearer = { Authorization: `Bearer ${process.env.SANDBOX_CONSOLE_TOKEN}` };
    const page = await fetch(`${SANDBOX}/billing?merchant=${merchant.id}`, { headers: bearer });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain("빌링키 (자동결제)");
    expect(html).toContain(billing.billingKey);
    expect(html).toContain("분실·도난 신고");
    const form = await fetch(`${SANDBOX}/console/api/billing-keys/${encodeURIComponent(billing.billingKey)}/card-state`, {
      method: "POST",
      headers: { ...bearer, Origin: APP_URL },
      body: new URLSearchParams({ cardState: "EXPIRED", returnTo: `/sandbox/toss/billing?merchant=${merchant.id}` }),
      redirect: "manual",
    });
    expect(form.status).toBe(303);
    const back = new URL(form.headers.get("location")!, APP_URL);
    expect(back.pathname).toBe("/sandbox/toss/billing");
    expect(back.searchParams.get("notice")).toContain("유효기간 만료");
    expect((await charge(merchant, billing.billingKey, chargeBody(billing))).body.code).toBe("INVALID_CARD_EXPIRATION");
  });

  it("lists a customer's billing keys", async () => {
    const merchant = apiMerchant();
    const customerKey = newCustomerKey();
    const [older, newer] = [await issuedBillingKey(merchant, { customerKey }), await issuedBillingKey(merchant, { customerKey })];
    const listed = await consoleApi<{ data: { billing: { billingKey: string } }[] }>("GET", `/billing-keys?merchant=${merchant.id}&q=${customerKey}`);
    expect(listed.body.data.map((k) => k.billing.billingKey)).toEqual([newer.billingKey, older.billingKey]);
  });
});

describe("DELETE /v1/billing/{billingKey} (빌링키 삭제)", () => {
  it("answers an empty 200, after which charges and a second delete are refused", async () => {
    const merchant = apiMerchant();
    const billing = await issuedBillingKey(merchant);
    const deleted = await deleteBillingKey(merchant, billing.billingKey);
    expect(deleted.status).toBe(200);
    expect(deleted.text).toBe("");
    expect(deleted.headers.get("x-tosspayments-trace-id")).toMatch(/^[0-9a-f]{32}$/);
    expect((await charge(merchant, billing.billingKey, chargeBody(billing))).body.code).toBe("INVALID_BILL_KEY_REQUEST");
    const again = await deleteBillingKey(merchant, billing.billingKey);
    expect(again.status).toBe(400);
    expect(again.body?.code).toBe("INVALID_BILL_KEY_REQUEST");
    expect((await deleteBillingKey(apiMerchant(), (await issuedBillingKey(merchant)).billingKey)).body?.code).toBe("INVALID_BILL_KEY_REQUEST");
    expect((await deleteBillingKey({ ...merchant, authorization: "" }, billing.billingKey)).status).toBe(401);
  });
});

describe("key families", () => {
  it("belongs to the API individual pair: the same merchant's widget secret key neither issues nor charges", async () => {
    const merchant = apiMerchant();
    const widget = widgetPairOf(merchant);
    const card = await registeredCard(merchant);
    const refusedIssue = await issue(widget, card);
    expect(refusedIssue.status).toBe(404);
    expect(refusedIssue.body.code).toBe("NOT_FOUND_BILLING");
    expect(refusedIssue.body.message).toContain("test_sk_");
    const billing = (await issue(merchant, card)).body as { billingKey: string; customerKey: string };
    const refusedCharge = await charge(widget, billing.billingKey, chargeBody(billing));
    expect(refusedCharge.status).toBe(400);
    expect(refusedCharge.body.code).toBe("INVALID_BILL_KEY_REQUEST");
    expect(refusedCharge.body.message).toContain("test_sk_");
    expect((await charge(merchant, billing.billingKey, chargeBody(billing))).body.status).toBe("DONE");
  });

  it("keeps a charge to its own pair: the widget secret key neither finds nor cancels it (NOT_FOUND_PAYMENT), the API individual one does", async () => {
    const merchant = apiMerchant();
    const widget = widgetPairOf(merchant);
    const billing = (await issue(merchant, await registeredCard(merchant))).body as { billingKey: string; customerKey: string };
    const paid = (await charge(merchant, billing.billingKey, chargeBody(billing))).body as { paymentKey: string; orderId: string };
    for (const path of [`/v1/payments/${paid.paymentKey}`, `/v1/payments/orders/${paid.orderId}`]) {
      const other = await tossApi(widget, "GET", path);
      expect(other.status, path).toBe(404);
      expect(other.body.code).toBe("NOT_FOUND_PAYMENT");
      expect((await tossApi(merchant, "GET", path)).body).toMatchObject({ paymentKey: paid.paymentKey, type: "BILLING" });
    }
    const refused = await tossApi(widget, "POST", `/v1/payments/${paid.paymentKey}/cancel`, { body: { cancelReason: "다른 키" }, idempotencyKey: randomUUID() });
    expect(refused.status).toBe(404);
    expect(refused.body.code).toBe("NOT_FOUND_PAYMENT");
    const canceled = await tossApi(merchant, "POST", `/v1/payments/${paid.paymentKey}/cancel`, { body: { cancelReason: "같은 키" }, idempotencyKey: randomUUID() });
    expect(canceled.body).toMatchObject({ status: "CANCELED" });
  });

  it("works with Toss's public docs pair of API individual keys, with no setup", async () => {
    const billing = await issuedBillingKey(DOCS_API);
    expect(billing).toMatchObject({ mId: "tosspayments" });
    const paid = await charge(DOCS_API, billing.billingKey, chargeBody(billing, { amount: 4_900 }));
    expect(paid.body).toMatchObject({ mId: "tosspayments", type: "BILLING", status: "DONE", totalAmount: 4_900 });
  });

  it("refuses live keys and unknown secret keys before anything else", async () => {
    const live = await tossApi({ ...apiMerchant(), authorization: basicAuth("live_sk_0123456789") }, "POST", "/v1/billing/authorizations/issue", {
      body: { authKey: "x", customerKey: "cust_1" },
    });
    expect(live.status).toBe(401);
    expect(live.body.code).toBe("UNAUTHORIZED_KEY");
    const response = await fetch(`${SANDBOX}/v1/billing/whatever=`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    expect(response.status).toBe(401);
  });
});

/** Runs `npm run toss` against the test server without blocking this process. */
function toss(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      "node",
      ["--conditions=react-server", "--import", "tsx", "scripts/toss.ts", ...args, "--url", APP_URL],
      { cwd: process.cwd(), encoding: "utf8", timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("npm run toss -- billing-…", () => {
  it("lists, reports a card stolen, makes the next charge fail and removes a key", async () => {
    const merchant = apiMerchant();
    const billing = await issuedBillingKey(merchant);
    const listed = await toss("billing-keys", "--merchant", merchant.id);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain(billing.billingKey);

    const stolen = await toss("billing-card", billing.billingKey, "lost-or-stolen", "--json");
    expect(stolen.code, stolen.stderr).toBe(0);
    expect(JSON.parse(stolen.stdout).data).toMatchObject({ cardState: "LOST_OR_STOLEN" });
    expect((await charge(merchant, billing.billingKey, chargeBody(billing))).body.code).toBe("INVALID_CARD_LOST_OR_STOLEN");
    expect((await toss("billing-card", billing.billingKey, "normal")).code).toBe(0);

    const next = await toss("billing-fail-next", billing.billingKey, "INVALID_STOPPED_CARD");
    expect(next.code, next.stderr).toBe(0);
    expect((await charge(merchant, billing.billingKey, chargeBody(billing))).body.code).toBe("INVALID_STOPPED_CARD");

    const removed = await toss("billing-remove", billing.billingKey);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toContain("삭제");
    expect((await toss("billing-remove", billing.billingKey)).stderr).toContain("ALREADY_REMOVED");
    // Six runs of the CLI, each a Node process starting tsx: seconds each on a loaded machine.
  }, 90_000);
});
