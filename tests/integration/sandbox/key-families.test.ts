// The two key families (TOSS.md "Keys", "SDK v2"): the widget opens payments with widget keys only,
// the v2 payment window (payment()) with API individual keys only, each refusing the other with Toss's
// SDK code; a confirm takes only the secret key of the family that opened the payment. Also the payment
// window's own methods (TRANSFER, MOBILE_PHONE) through to DONE, and the docs API individual pair.
import { describe, expect, it } from "vitest";
import {
  basicAuth,
  consoleApi,
  merchantKeys,
  newMerchant,
  openPayment,
  submitPaymentWindow,
  tossApi,
  type Merchant,
  type OpenOptions,
} from "../../helpers/toss-sandbox";

const DOCS_API: Merchant = {
  id: "docs",
  clientKey: "test_ck_D5GePWvyJnrK0W0k6q8gLzN97Eoq",
  secretKey: "test_sk_zXLkKEypNArWmo50nX3lmeaxYG5R",
  authorization: basicAuth("test_sk_zXLkKEypNArWmo50nX3lmeaxYG5R"),
};

async function authenticated(merchant: Merchant, options: OpenOptions, fields: Record<string, string> = {}) {
  const opened = await openPayment(merchant, options);
  expect(opened.status).toBe(200);
  const { location } = await submitPaymentWindow(opened.paymentId, { intent: "approve", ...fields });
  const url = new URL(location);
  return { orderId: opened.orderId, paymentKey: url.searchParams.get("paymentKey")!, amount: Number(url.searchParams.get("amount")), paymentId: opened.paymentId };
}

describe("opening a payment", () => {
  it("refuses an API individual key in the widget: NOT_SUPPORTED_API_INDIVIDUAL_KEY", async () => {
    const opened = await openPayment(newMerchant("API_INDIVIDUAL"));
    expect(opened.status).toBe(400);
    expect(opened.body.code).toBe("NOT_SUPPORTED_API_INDIVIDUAL_KEY");
  });

  it("refuses a widget key in the payment window: NOT_SUPPORTED_WIDGET_KEY", async () => {
    const opened = await openPayment(newMerchant("WIDGET"), { integration: "PAYMENT_WINDOW" });
    expect(opened.status).toBe(400);
    expect(opened.body).toEqual({ code: "NOT_SUPPORTED_WIDGET_KEY", message: "API 개별 연동 키의 클라이언트 키로 SDK를 연동해주세요. 결제위젯 연동 키는 지원하지 않습니다." });
  });

  it("refuses a secret key in the browser, of either family: INSECURE_KEY_USAGE", async () => {
    const merchant = newMerchant("API_INDIVIDUAL");
    const opened = await openPayment({ ...merchant, clientKey: merchant.secretKey }, { integration: "PAYMENT_WINDOW" });
    expect(opened.body.code).toBe("INSECURE_KEY_USAGE");
  });

  it("refuses a method the widget does not offer, and one the payment window does not take", async () => {
    expect((await openPayment(newMerchant(), { methodKey: "TRANSFER" })).body.code).toBe("NOT_SUPPORTED_METHOD");
    expect((await openPayment(newMerchant("API_INDIVIDUAL"), { integration: "PAYMENT_WINDOW", methodKey: "TRANSFER", amount: 150 })).body.code).toBe(
      "BELOW_MINIMUM_AMOUNT",
    );
  });
});

describe("confirming", () => {
  it("confirms a payment-window payment with its test_sk_ key, and refuses the same merchant's widget secret", async () => {
    const api = newMerchant("API_INDIVIDUAL");
    const widget = merchantKeys(api.id.replace(/^sbx_/, ""), "WIDGET");
    const payment = await authenticated(api, { integration: "PAYMENT_WINDOW" });
    const body = { paymentKey: payment.paymentKey, orderId: payment.orderId, amount: payment.amount };

    const wrong = await tossApi(widget, "POST", "/v1/payments/confirm", { body });
    expect(wrong.status).toBe(404);
    expect(wrong.body.code).toBe("NOT_FOUND_PAYMENT");
    expect(wrong.body.message).toContain("test_sk_");

    const right = await tossApi(api, "POST", "/v1/payments/confirm", { body });
    expect(right.status).toBe(200);
    expect(right.body).toMatchObject({ status: "DONE", method: "카드", mId: api.id });
  });

  it("refuses an API individual secret confirming a widget payment", async () => {
    const widget = newMerchant("WIDGET");
    const api = merchantKeys(widget.id.replace(/^sbx_/, ""), "API_INDIVIDUAL");
    const payment = await authenticated(widget, {});
    const body = { paymentKey: payment.paymentKey, orderId: payment.orderId, amount: payment.amount };
    const wrong = await tossApi(api, "POST", "/v1/payments/confirm", { body });
    expect(wrong.status).toBe(404);
    expect(wrong.body.code).toBe("NOT_FOUND_PAYMENT");
    expect(wrong.body.message).toContain("test_gsk_");
    expect((await tossApi(widget, "POST", "/v1/payments/confirm", { body })).body.status).toBe("DONE");
  });

  it("works with Toss's public docs pair of API individual keys, with no setup", async () => {
    const payment = await authenticated(DOCS_API, { integration: "PAYMENT_WINDOW", methodKey: "TRANSFER" }, { bank: "20" });
    const confirmed = await tossApi(DOCS_API, "POST", "/v1/payments/confirm", {
      body: { paymentKey: payment.paymentKey, orderId: payment.orderId, amount: payment.amount },
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: "DONE", method: "계좌이체", mId: "tosspayments", transfer: { bankCode: "20", settlementStatus: "COMPLETED" } });
  });

  it("pays by 휴대폰 with the number from the payment window, and refuses a malformed one", async () => {
    const merchant = newMerchant("API_INDIVIDUAL");
    const opened = await openPayment(merchant, { integration: "PAYMENT_WINDOW", methodKey: "MOBILE_PHONE" });
    const refused = await submitPaymentWindow(opened.paymentId, { intent: "approve", phone: "12" });
    expect(refused.location).toContain(`/sandbox/toss/pay/${opened.paymentId}?error=`);
    const payment = await authenticated(merchant, { integration: "PAYMENT_WINDOW", methodKey: "MOBILE_PHONE" }, { phone: "010-1234-5678" });
    const confirmed = await tossApi(merchant, "POST", "/v1/payments/confirm", {
      body: { paymentKey: payment.paymentKey, orderId: payment.orderId, amount: payment.amount },
    });
    expect(confirmed.body).toMatchObject({ status: "DONE", method: "휴대폰", mobilePhone: { customerMobilePhone: "01012345678" } });
  });

  it("records which SDK and key family opened each payment, for the console", async () => {
    const api = newMerchant("API_INDIVIDUAL");
    const widget = newMerchant();
    const opened = [await openPayment(api, { integration: "PAYMENT_WINDOW" }), await openPayment(widget)];
    const listed = await Promise.all(
      [api, widget].map((m) => consoleApi<{ data: { sdkVersion: string; keyFamily: string }[] }>("GET", `/payments?merchant=${m.id}`)),
    );
    expect(opened.map((o) => o.status)).toEqual([200, 200]);
    expect(listed.map((l) => l.body.data.map(({ sdkVersion, keyFamily }) => ({ sdkVersion, keyFamily })))).toEqual([
      [{ sdkVersion: "v2", keyFamily: "API_INDIVIDUAL" }],
      [{ sdkVersion: "v1", keyFamily: "WIDGET" }],
    ]);
  });
});
