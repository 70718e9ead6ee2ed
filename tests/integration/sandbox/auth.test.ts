// Conformance: Toss's Basic auth and its error answers, on every endpoint, over real HTTP.
import { describe, expect, it } from "vitest";
import { authenticatedPayment, basicAuth, confirm, confirmedPayment, newMerchant, SANDBOX, tossApi } from "../../helpers/toss-sandbox";

const b64 = (s: string) => Buffer.from(s).toString("base64");
const ENDPOINTS = [
  ["POST", "/v1/payments/confirm"],
  ["GET", "/v1/payments/tsbx_nothing"],
  ["GET", "/v1/payments/orders/order_nothing"],
  ["POST", "/v1/payments/tsbx_nothing/cancel"],
] as const;

async function call(method: string, path: string, authorization?: string) {
  const response = await fetch(`${SANDBOX}${path}`, {
    method,
    headers: { "Content-Type": "application/json", ...(authorization ? { Authorization: authorization } : {}) },
    body: method === "POST" ? "{}" : undefined,
  });
  return { status: response.status, body: await response.json(), traceId: response.headers.get("x-tosspayments-trace-id") };
}

describe("sandbox API authentication", () => {
  it.each(ENDPOINTS)("%s %s without Authorization → 401 UNAUTHORIZED_KEY", async (method, path) => {
    const answer = await call(method, path);
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ code: "UNAUTHORIZED_KEY", message: "인증되지 않은 시크릿 키 혹은 클라이언트 키 입니다." });
    expect(answer.traceId).toMatch(/^[0-9a-f]{32}$/);
  });

  it.each(ENDPOINTS)("%s %s with the secret key encoded without ':' → 403 INCORRECT_BASIC_AUTH_FORMAT", async (method, path) => {
    const answer = await call(method, path, `Basic ${b64(newMerchant().secretKey)}`);
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({ code: "INCORRECT_BASIC_AUTH_FORMAT", message: "잘못된 요청입니다. ':' 를 포함해 인코딩해주세요." });
  });

  it.each([
    ["an unknown key", basicAuth("test_gsk_not_a_pair_we_know")],
    ["a client key", basicAuth("test_gck_docs_Ovk5rk1EwkEbP0W43n07xlzm")],
    ["a Bearer token", "Bearer test_gsk_docs_OaPz8L5KdmQXkzRz3y47BMw6"],
  ])("refuses %s with 401 UNAUTHORIZED_KEY", async (_, authorization) => {
    const answer = await call("GET", "/v1/payments/orders/order_nothing", authorization);
    expect(answer.status).toBe(401);
    expect(answer.body.code).toBe("UNAUTHORIZED_KEY");
  });

  it("refuses live_ keys outright, saying why", async () => {
    const answer = await call("POST", "/v1/payments/confirm", basicAuth("live_gsk_FAKE"));
    expect(answer.status).toBe(401);
    expect(answer.body.code).toBe("UNAUTHORIZED_KEY");
    expect(answer.body.message).toMatch(/라이브 키\(live_\)/);
  });

  it("accepts the docs secret key with no setup", async () => {
    const answer = await call("GET", "/v1/payments/orders/order_nothing_here", basicAuth("test_gsk_docs_OaPz8L5KdmQXkzRz3y47BMw6"));
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ code: "NOT_FOUND_PAYMENT", message: "존재하지 않는 결제 정보 입니다." });
  });

  it("keeps merchants apart: another pair's secret key cannot see or confirm the payment", async () => {
    const owner = newMerchant();
    const stranger = newMerchant();
    const payment = await confirmedPayment(owner);
    for (const path of [`/v1/payments/${payment.paymentKey}`, `/v1/payments/orders/${payment.orderId}`]) {
      const answer = await tossApi(stranger, "GET", path);
      expect(answer.status).toBe(404);
      expect(answer.body.code).toBe("NOT_FOUND_PAYMENT");
    }
    const cancel = await tossApi(stranger, "POST", `/v1/payments/${payment.paymentKey}/cancel`, { body: { cancelReason: "x" } });
    expect(cancel.body.code).toBe("NOT_FOUND_PAYMENT");
  });
});

describe("TossPayments-Test-Code", () => {
  it.each([
    ["INVALID_CARD_EXPIRATION", 400],
    ["REJECT_CARD_COMPANY", 403],
    ["NOT_FOUND_PAYMENT_SESSION", 404],
    ["FAILED_INTERNAL_SYSTEM_PROCESSING", 500],
  ])("answers %s with HTTP %i", async (code, status) => {
    const answer = await tossApi(newMerchant(), "POST", "/v1/payments/confirm", {
      body: { paymentKey: "x", orderId: "order_x1", amount: 1000 },
      headers: { "TossPayments-Test-Code": code },
    });
    expect(answer.status).toBe(status);
    expect(answer.body.code).toBe(code);
    expect(typeof answer.body.message).toBe("string");
  });

  it("answers an unknown code with INVALID_TEST_CODE", async () => {
    const answer = await tossApi(newMerchant(), "GET", "/v1/payments/whatever", { headers: { "TossPayments-Test-Code": "NO_SUCH_CODE" } });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ code: "INVALID_TEST_CODE", message: "유효하지 않은 테스트 코드입니다." });
  });

  it("changes nothing: the payment can still be confirmed afterwards", async () => {
    const merchant = newMerchant();
    const payment = await authenticatedPayment(merchant);
    const forced = await tossApi(merchant, "POST", "/v1/payments/confirm", {
      body: { paymentKey: payment.paymentKey, orderId: payment.orderId, amount: payment.amount },
      headers: { "TossPayments-Test-Code": "REJECT_CARD_PAYMENT" },
    });
    expect(forced.body.code).toBe("REJECT_CARD_PAYMENT");
    const real = await confirm(merchant, payment);
    expect(real.status).toBe(200);
    expect(real.body.status).toBe("DONE");
  });
});
