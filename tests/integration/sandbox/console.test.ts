// The console's payment actions and merchant settings, over its HTTP API (what `npm run toss` calls).
import { describe, expect, it } from "vitest";
import {
  authenticatedPayment,
  confirm,
  confirmedPayment,
  consoleApi,
  merchantWithReceiver,
  newMerchant,
  openPayment,
  SANDBOX,
  setMerchant,
  tossApi,
  waitFor,
} from "../../helpers/toss-sandbox";

const CONSOLE_AUTH = { Authorization: `Bearer ${process.env.SANDBOX_CONSOLE_TOKEN}` };

describe("console: payments", () => {
  it("deposits into a waiting virtual account, and refuses anything else", async () => {
    const merchant = newMerchant();
    const va = await confirmedPayment(merchant, { methodKey: "VIRTUAL_ACCOUNT" });
    const deposited = await consoleApi<{ data: Record<string, unknown> }>("POST", `/payments/${va.orderId}/deposit`, { merchant: merchant.id });
    expect(deposited.status).toBe(200);
    expect(deposited.body.data).toMatchObject({ status: "DONE", secret: va.confirmed.secret });
    expect(deposited.body.data.approvedAt).toMatch(/\+09:00$/);
    expect((await consoleApi("POST", `/payments/${va.orderId}/deposit`, { merchant: merchant.id })).body.code).toBe("NOT_WAITING_FOR_DEPOSIT");
    const card = await confirmedPayment(merchant);
    expect((await consoleApi("POST", `/payments/${card.paymentKey}/deposit`)).body.code).toBe("NOT_VIRTUAL_ACCOUNT");
    expect((await consoleApi("POST", `/payments/tsbx_nothing_here/deposit`)).status).toBe(404);
  });

  it("expires a virtual account as Toss does: still WAITING_FOR_DEPOSIT, expired, no webhook, no deposit", async () => {
    const { merchant, receiver } = await merchantWithReceiver();
    try {
      const va = await confirmedPayment(merchant, { methodKey: "VIRTUAL_ACCOUNT" });
      await waitFor(() => receiver.received.length >= 2);
      const expired = await consoleApi<{ data: Record<string, unknown> }>("POST", `/payments/${va.paymentKey}/expire`);
      expect(expired.body.data).toMatchObject({ status: "WAITING_FOR_DEPOSIT", virtualAccount: { expired: true } });
      expect((await consoleApi("POST", `/payments/${va.paymentKey}/deposit`)).body.code).toBe("ACCOUNT_EXPIRED");
      await new Promise((r) => setTimeout(r, 300));
      expect(receiver.received).toHaveLength(2);
    } finally {
      await receiver.close();
    }
  });

  it("expires an authenticated payment: EXPIRED with its webhook, confirm answers NOT_FOUND_PAYMENT_SESSION", async () => {
    const { merchant, receiver } = await merchantWithReceiver();
    try {
      const payment = await authenticatedPayment(merchant);
      const expired = await consoleApi<{ data: Record<string, unknown> }>("POST", `/payments/${payment.orderId}/expire`, { merchant: merchant.id });
      expect(expired.body.data).toMatchObject({ status: "EXPIRED", failure: { code: "EXPIRED_PAYMENT" } });
      expect((await confirm(merchant, payment)).body.code).toBe("NOT_FOUND_PAYMENT_SESSION");
      const hook = await waitFor(() => receiver.received[0]);
      expect(hook.body).toMatchObject({ eventType: "PAYMENT_STATUS_CHANGED", data: { status: "EXPIRED" } });
    } finally {
      await receiver.close();
    }
  });

  it("cancels from the merchant side, in full or in part, refunding a deposited account automatically", async () => {
    const merchant = newMerchant();
    const card = await confirmedPayment(merchant, { amount: 10000 });
    const part = await consoleApi<{ data: Record<string, unknown> }>("POST", `/payments/${card.paymentKey}/cancel`, { cancelAmount: 2500 });
    expect(part.body.data).toMatchObject({ status: "PARTIAL_CANCELED", balanceAmount: 7500 });
    const va = await confirmedPayment(merchant, { methodKey: "VIRTUAL_ACCOUNT" });
    await consoleApi("POST", `/payments/${va.paymentKey}/deposit`);
    const full = await consoleApi<{ data: Record<string, unknown> }>("POST", `/payments/${va.paymentKey}/cancel`);
    expect(full.body.data).toMatchObject({ status: "CANCELED", virtualAccount: { refundStatus: "COMPLETED" } });
    expect((await consoleApi("POST", `/payments/${va.paymentKey}/cancel`)).body.code).toBe("ALREADY_CANCELED_PAYMENT");
  });

  it("looks a payment up with its webhooks, and lists payments by merchant", async () => {
    const merchant = newMerchant();
    const payment = await confirmedPayment(merchant);
    const detail = await consoleApi<{ data: { payment: Record<string, unknown>; deliveries: unknown[] } }>("GET", `/payments/${payment.orderId}`);
    expect(detail.body.data.payment).toMatchObject({ paymentKey: payment.paymentKey, status: "DONE" });
    expect(detail.body.data.deliveries).toHaveLength(1);
    const list = await consoleApi<{ data: { merchantId: string }[] }>("GET", `/payments?merchant=${merchant.id}`);
    expect(list.body.data.map((p) => p.merchantId)).toEqual([merchant.id]);
    expect((await consoleApi("POST", `/payments/${payment.orderId}/explode`)).status).toBe(404);
  });

  it("answers a form post with a redirect back to the console and a notice", async () => {
    const merchant = newMerchant();
    const va = await confirmedPayment(merchant, { methodKey: "VIRTUAL_ACCOUNT" });
    const response = await fetch(`${SANDBOX}/console/api/payments/${va.paymentKey}/deposit`, {
      method: "POST",
      headers: CONSOLE_AUTH,
      body: new URLSearchParams({ returnTo: "/sandbox/toss?q=x" }),
      redirect: "manual",
    });
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location")!, SANDBOX);
    expect(location.pathname).toBe("/sandbox/toss");
    expect(location.searchParams.get("q")).toBe("x");
    expect(location.searchParams.get("notice")).toContain("입금 처리");
    const html = await (await fetch(`${SANDBOX}?merchant=${merchant.id}`, { headers: CONSOLE_AUTH })).text();
    for (const text of ["샌드박스 콘솔", va.orderId, "결제 완료", "웹훅 전송", "재전송", "중복 전송"]) expect(html).toContain(text);
  });
});

describe("console: merchant settings", () => {
  it("reads and changes a merchant's webhook URL and time scale, and resets them", async () => {
    const merchant = newMerchant();
    const before = await consoleApi<{ data: Record<string, unknown> }>("GET", `/merchants/${merchant.id}`);
    expect(before.body.data).toMatchObject({ webhookUrl: null, timeScale: 1, effectiveWebhookUrl: expect.stringMatching(/\/api\/webhooks\/toss$/) });
    const set = await setMerchant(merchant, { webhookUrl: "https://hooks.example.com/toss", timeScale: 0.5 });
    expect(set.body.data).toMatchObject({ webhookUrl: "https://hooks.example.com/toss", effectiveWebhookUrl: "https://hooks.example.com/toss", timeScale: 0.5 });
    const reset = await setMerchant(merchant, { webhookUrl: "", timeScale: "" });
    expect(reset.body.data).toMatchObject({ webhookUrl: null, timeScale: 1 });
  });

  it.each([
    ["a non-http webhook URL", { webhookUrl: "ftp://x.example.com" }],
    ["a time scale over 1", { timeScale: 2 }],
    ["a zero time scale", { timeScale: 0 }],
    ["an unknown confirm code", { nextConfirm: "NOT_A_CODE" }],
  ])("refuses %s", async (_, settings) => {
    const answer = await setMerchant(newMerchant(), settings);
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe("INVALID_REQUEST");
  });

  it("refuses a merchant id that is not a key pair", async () => {
    expect((await consoleApi("POST", "/merchants/somebody", {})).status).toBe(400);
  });

  it("sets the next confirm of one payment only, leaving the merchant's other payments alone", async () => {
    const merchant = newMerchant();
    const target = await authenticatedPayment(merchant);
    const other = await authenticatedPayment(merchant);
    const set = await consoleApi<{ data: { sandbox: Record<string, unknown> } }>("POST", `/payments/${target.orderId}/next-confirm`, {
      merchant: merchant.id,
      nextConfirm: "REJECT_CARD_COMPANY",
    });
    expect(set.status).toBe(200);
    expect(set.body.data.sandbox).toEqual({ nextConfirmErrorCode: "REJECT_CARD_COMPANY", nextConfirmDelayMs: null });
    expect((await confirm(merchant, other)).body.status).toBe("DONE");
    expect((await confirm(merchant, target)).body.code).toBe("REJECT_CARD_COMPANY");
    const done = await consoleApi("POST", `/payments/${other.orderId}/next-confirm`, { merchant: merchant.id, nextConfirm: "timeout" });
    expect(done.status).toBe(409);
    const bad = await consoleApi("POST", `/payments/${target.orderId}/next-confirm`, { merchant: merchant.id, nextConfirm: "NOPE" });
    expect(bad.status).toBe(400);
  });

  it("clears the next-confirm flag with nextConfirm=none", async () => {
    const merchant = newMerchant();
    await setMerchant(merchant, { nextConfirm: "REJECT_CARD_COMPANY" });
    await setMerchant(merchant, { nextConfirm: "none" });
    const payment = await authenticatedPayment(merchant);
    expect((await confirm(merchant, payment)).body.status).toBe("DONE");
  });

  it("expires a payment window left open: GET shows EXPIRED", async () => {
    const merchant = newMerchant();
    const opened = await openPayment(merchant);
    await consoleApi("POST", `/payments/${opened.orderId}/expire`, { merchant: merchant.id });
    expect((await tossApi(merchant, "GET", `/v1/payments/orders/${opened.orderId}`)).body).toMatchObject({ status: "EXPIRED", method: null });
  });
});
