// Conformance: the widget's requestPayment() checks and the payment window's redirects (TOSS.md
// "Browser flow"): successUrl?paymentType=NORMAL&orderId&paymentKey&amount, failUrl?code&message&orderId.
import { describe, expect, it } from "vitest";
import { merchantWithReceiver, newMerchant, newOrderId, openPayment, SANDBOX, submitPaymentWindow, tossApi } from "../../helpers/toss-sandbox";

describe("the payment window", () => {
  it("redirects 결제 승인 to successUrl exactly as Toss does, keeping the query successUrl had", async () => {
    const merchant = newMerchant();
    const opened = await openPayment(merchant, { amount: 12345, successUrl: "https://shop.example.com/checkout/success?from=cart&x=1" });
    expect(opened.status).toBe(200);
    const { status, location } = await submitPaymentWindow(opened.paymentId, { intent: "approve" });
    expect(status).toBe(303);
    const url = new URL(location);
    expect(`${url.origin}${url.pathname}`).toBe("https://shop.example.com/checkout/success");
    expect([...url.searchParams.keys()]).toEqual(["from", "x", "paymentType", "orderId", "paymentKey", "amount"]);
    expect(url.searchParams.get("from")).toBe("cart");
    expect(url.searchParams.get("paymentType")).toBe("NORMAL");
    expect(url.searchParams.get("orderId")).toBe(opened.orderId);
    expect(url.searchParams.get("amount")).toBe("12345");
    const paymentKey = url.searchParams.get("paymentKey")!;
    const lookedUp = await tossApi(merchant, "GET", `/v1/payments/${paymentKey}`);
    expect(lookedUp.body).toMatchObject({ status: "IN_PROGRESS", method: "카드", orderId: opened.orderId });
    // A double click or a refresh lands on the same successUrl.
    expect((await submitPaymentWindow(opened.paymentId, { intent: "approve" })).location).toBe(location);
  });

  it("redirects 결제 취소 to failUrl with PAY_PROCESS_CANCELED, sends no webhook, and lets the buyer try again", async () => {
    const { merchant, receiver } = await merchantWithReceiver();
    try {
      const opened = await openPayment(merchant, { failUrl: "https://shop.example.com/checkout/fail?step=2" });
      const { location } = await submitPaymentWindow(opened.paymentId, { intent: "cancel" });
      const url = new URL(location);
      expect(`${url.origin}${url.pathname}`).toBe("https://shop.example.com/checkout/fail");
      expect(Object.fromEntries(url.searchParams)).toEqual({
        step: "2",
        code: "PAY_PROCESS_CANCELED",
        message: "사용자에 의해 결제가 취소되었습니다.",
        orderId: opened.orderId,
      });
      const lookedUp = await tossApi(merchant, "GET", `/v1/payments/orders/${opened.orderId}`);
      expect(lookedUp.body.status).toBe("READY");
      expect((await openPayment(merchant, { orderId: opened.orderId })).status).toBe(200);
      expect(receiver.received).toHaveLength(0);
    } finally {
      await receiver.close();
    }
  });

  it("fails with the chosen Toss code: failUrl?code&message&orderId", async () => {
    const merchant = newMerchant();
    const opened = await openPayment(merchant);
    const { location } = await submitPaymentWindow(opened.paymentId, { intent: "fail", code: "REJECT_CARD_COMPANY" });
    const url = new URL(location);
    expect(url.searchParams.get("code")).toBe("REJECT_CARD_COMPANY");
    expect(url.searchParams.get("message")).toBe("결제 승인이 거절되었습니다.");
    expect(url.searchParams.get("orderId")).toBe(opened.orderId);
  });

  it("leaves for a successUrl on another origin through a page, since CSP form-action would block a redirect", async () => {
    const opened = await openPayment(newMerchant(), { successUrl: "https://shop.example.com/done?a=1" });
    const response = await fetch(`${SANDBOX}/pay/${opened.paymentId}/submit`, {
      method: "POST",
      headers: { Origin: new URL(SANDBOX).origin },
      body: new URLSearchParams({ intent: "approve" }),
      redirect: "manual",
    });
    expect(response.status).toBe(200);
    const html = await response.text();
    const target = /content="0;url=([^"]+)"/.exec(html)![1]!.replaceAll("&#38;", "&");
    const url = new URL(target);
    expect(`${url.origin}${url.pathname}`).toBe("https://shop.example.com/done");
    expect([...url.searchParams.keys()]).toEqual(["a", "paymentType", "orderId", "paymentKey", "amount"]);
    // The same origin gets a plain 303 with a relative Location.
    const local = await openPayment(newMerchant(), { successUrl: `${new URL(SANDBOX).origin}/sandbox/toss/demo/success` });
    const same = await fetch(`${SANDBOX}/pay/${local.paymentId}/submit`, {
      method: "POST",
      headers: { Origin: new URL(SANDBOX).origin },
      body: new URLSearchParams({ intent: "approve" }),
      redirect: "manual",
    });
    expect(same.status).toBe(303);
    expect(same.headers.get("location")).toMatch(/^\/sandbox\/toss\/demo\/success\?paymentType=NORMAL&orderId=/);
  });

  it("refuses an unknown failure code and stays on the window", async () => {
    const opened = await openPayment(newMerchant());
    const { status, location } = await submitPaymentWindow(opened.paymentId, { intent: "fail", code: "NOT_A_CODE" });
    expect(status).toBe(303);
    expect(location).toContain(`/sandbox/toss/pay/${opened.paymentId}?error=`);
  });

  it("shows the merchant, order name, amount and method in Korean", async () => {
    const opened = await openPayment(newMerchant(), { methodKey: "VIRTUAL_ACCOUNT", amount: 55000, orderName: "프로 팩" });
    const html = await (await fetch(`${SANDBOX}/pay/${opened.paymentId}`)).text();
    for (const text of ["토스페이먼츠 결제", "프로 팩", "₩55,000", "가상계좌", "입금 은행", "결제 승인", "결제 취소", "실패 처리"]) {
      expect(html).toContain(text);
    }
    expect((await fetch(`${SANDBOX}/pay/does-not-exist`)).status).toBe(404);
  });
});

describe("requestPayment() checks (POST /sandbox/toss/widget/payments)", () => {
  const base = () => ({
    clientKey: newMerchant().clientKey,
    customerKey: "@@ANONYMOUS",
    amount: 1000,
    methodKey: "CARD",
    orderId: newOrderId(),
    orderName: "주문",
    successUrl: "https://shop.example.com/s",
    failUrl: "https://shop.example.com/f",
  });
  const open = async (body: unknown) => {
    const response = await fetch(`${SANDBOX}/widget/payments`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { code?: string; message?: string } };
  };

  it.each([
    ["an orderId shorter than 6", { orderId: "abc12" }, "INVALID_ORDER_ID"],
    ["an orderId longer than 64", { orderId: "a".repeat(65) }, "INVALID_ORDER_ID"],
    ["an orderId with other characters", { orderId: "order#12345" }, "INVALID_ORDER_ID"],
    ["an empty orderName", { orderName: " " }, "INVALID_PARAMETERS"],
    ["an orderName over 100 characters", { orderName: "가".repeat(101) }, "INVALID_ORDER_NAME"],
    ["a relative successUrl", { successUrl: "/success" }, "INCORRECT_SUCCESS_URL_FORMAT"],
    ["a javascript: failUrl", { failUrl: "javascript:alert(1)" }, "INCORRECT_FAIL_URL_FORMAT"],
    ["a bad customerKey", { customerKey: "a" }, "INVALID_CUSTOMER_KEY"],
    ["a zero amount", { amount: 0 }, "BELOW_ZERO_AMOUNT"],
    ["a fractional amount", { amount: 10.5 }, "INVALID_AMOUNT_VALUE"],
    ["a card payment under 100 won", { amount: 99 }, "BELOW_MINIMUM_AMOUNT"],
    ["a virtual account under 200 won", { amount: 150, methodKey: "VIRTUAL_ACCOUNT" }, "BELOW_MINIMUM_AMOUNT"],
    ["an unknown client key", { clientKey: "test_gck_nobody_knows" }, "INVALID_CLIENT_KEY"],
    ["a live client key", { clientKey: "live_gck_abc" }, "INVALID_CLIENT_KEY"],
    ["a secret key in the browser", { clientKey: "test_gsk_docs_OaPz8L5KdmQXkzRz3y47BMw6" }, "INSECURE_KEY_USAGE"],
    ["an API individual key", { clientKey: "test_ck_abcdef" }, "NOT_SUPPORTED_API_INDIVIDUAL_KEY"],
    ["a bad email", { customerEmail: "not-an-email" }, "INVALID_EMAIL"],
    ["an unknown method", { methodKey: "BITCOIN" }, "INVALID_PARAMETERS"],
  ])("refuses %s with %s", async (_, override, code) => {
    const answer = await open({ ...base(), ...override });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe(code);
    expect(answer.body.message).toBeTruthy();
  });

  it("answers malformed JSON with INVALID_PARAMETERS, not a 500", async () => {
    expect(await open("{oops")).toEqual({ status: 400, body: { code: "INVALID_PARAMETERS", message: expect.any(String) } });
  });

  it("refuses an orderId that was already approved: DUPLICATED_ORDER_ID", async () => {
    const merchant = newMerchant();
    const opened = await openPayment(merchant);
    const { location } = await submitPaymentWindow(opened.paymentId, { intent: "approve" });
    const url = new URL(location);
    await tossApi(merchant, "POST", "/v1/payments/confirm", {
      body: { paymentKey: url.searchParams.get("paymentKey"), orderId: opened.orderId, amount: 15000 },
    });
    const again = await openPayment(merchant, { orderId: opened.orderId });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe("DUPLICATED_ORDER_ID");
    // Another merchant may use the same orderId.
    expect((await openPayment(newMerchant(), { orderId: opened.orderId })).status).toBe(200);
  });
});

describe("the browser scripts", () => {
  it.each([
    ["/v1/payment-widget", "PaymentWidget"],
    ["/v2/standard", "TossPayments"],
  ])("%s is JavaScript defining window.%s, cached briefly and revalidated by ETag", async (path, global) => {
    const response = await fetch(`${SANDBOX}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=300, must-revalidate");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const etag = response.headers.get("etag")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    const script = await response.text();
    // Runs as a classic script: defines the global on the window it is given, and nothing server-side leaked in.
    const window: Record<string, unknown> = {};
    const document = { currentScript: null, getElementById: () => null };
    const location = { origin: "https://shop.example.com", href: "https://shop.example.com/" };
    new Function("window", "document", "location", "HTMLScriptElement", script)(window, document, location, class {});
    expect(typeof window[global]).toBe("function");
    expect((window[global] as { ANONYMOUS: string }).ANONYMOUS).toBe("@@ANONYMOUS");
    expect(script).not.toMatch(/test_g?sk_|DATABASE_URL|server-only/);

    const again = await fetch(`${SANDBOX}${path}`, { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe("");
  });
});
