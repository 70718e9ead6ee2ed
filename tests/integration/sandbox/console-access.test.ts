// The sandbox console on a server that is not the local development server (the test server is a
// production build): closed to strangers, open to the console token (header or the page's cookie) and
// to signed-in testers. What Toss itself leaves open (the v1 API, the widget script) stays open.
import { describe, expect, it } from "vitest";
import { TEST_CONSOLE_TOKEN, TEST_SANDBOX_TESTER } from "../../../scripts/lib/test-env";
import { APP_URL, Client, signedInBuyer } from "../../helpers/http";
import { confirmedPayment, newMerchant, SANDBOX } from "../../helpers/toss-sandbox";

const API = `${SANDBOX}/console/api`;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe("sandbox console access off the local development server", () => {
  it("refuses anonymous and wrong-token callers with 401 and a code, and changes nothing", async () => {
    const merchant = newMerchant();
    for (const [headers, code] of [
      [{}, "SANDBOX_CONSOLE_LOCKED"],
      [bearer("not-the-console-token-at-all-0000"), "INVALID_CONSOLE_TOKEN"],
    ] as const) {
      const list = await fetch(`${API}/payments`, { headers });
      expect(list.status).toBe(401);
      expect(list.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await list.json()).toMatchObject({ code, message: expect.stringContaining("샌드박스 콘솔") });

      const change = await fetch(`${API}/merchants/${merchant.id}`, {
        method: "POST",
        headers: { ...headers, "Content-Type": "application/json" },
        body: JSON.stringify({ webhookUrl: "http://169.254.169.254/latest/meta-data/" }),
      });
      expect(change.status).toBe(401);
    }
    const settings = await fetch(`${API}/merchants/${merchant.id}`, { headers: bearer(TEST_CONSOLE_TOKEN) });
    expect(settings.status).toBe(200);
    expect((await settings.json()).data).toMatchObject({ webhookUrl: null });
  });

  it("a form post without access goes back to the locked page and changes nothing", async () => {
    const merchant = newMerchant();
    const va = await confirmedPayment(merchant, { methodKey: "VIRTUAL_ACCOUNT" });
    const response = await fetch(`${API}/payments/${va.paymentKey}/deposit`, {
      method: "POST",
      headers: { Origin: APP_URL },
      body: new URLSearchParams({ returnTo: "/sandbox/toss" }),
      redirect: "manual",
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/sandbox/toss");
    const detail = await fetch(`${API}/payments/${va.paymentKey}`, { headers: bearer(TEST_CONSOLE_TOKEN) });
    expect((await detail.json()).data.payment.status).toBe("WAITING_FOR_DEPOSIT");
  });

  it("the page shows how to open it, never the payments; the token form opens it with an httpOnly SameSite cookie", async () => {
    const merchant = newMerchant();
    const payment = await confirmedPayment(merchant);
    const locked = await (await fetch(`${SANDBOX}?q=${payment.orderId}`)).text();
    expect(locked).toContain("샌드박스 콘솔이 잠겨 있어요");
    expect(locked).toContain("SANDBOX_CONSOLE_TOKEN");
    expect(locked).not.toContain(payment.paymentKey);

    const wrong = await fetch(`${SANDBOX}/console/unlock`, {
      method: "POST",
      body: new URLSearchParams({ token: "guess-guess-guess-guess-guess", returnTo: `/sandbox/toss?q=${payment.orderId}` }),
      redirect: "manual",
    });
    expect(wrong.status).toBe(303);
    expect(wrong.headers.getSetCookie()).toEqual([]);
    expect(new URL(wrong.headers.get("location")!, APP_URL).searchParams.get("error")).toContain("토큰이 맞지 않아요");

    const right = await fetch(`${SANDBOX}/console/unlock`, {
      method: "POST",
      body: new URLSearchParams({ token: TEST_CONSOLE_TOKEN, returnTo: `/sandbox/toss?q=${payment.orderId}` }),
      redirect: "manual",
    });
    expect(right.status).toBe(303);
    expect(right.headers.get("location")).toBe(`/sandbox/toss?q=${payment.orderId}`);
    const [cookie] = right.headers.getSetCookie();
    expect(cookie).toMatch(/^toss_sandbox_console=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).not.toContain(TEST_CONSOLE_TOKEN);

    const open = await fetch(`${SANDBOX}?q=${payment.orderId}`, { headers: { Cookie: cookie!.split(";")[0]! } });
    const html = await open.text();
    expect(html).not.toContain("샌드박스 콘솔이 잠겨 있어요");
    expect(html).toContain(payment.paymentKey);
    // A forged cookie value opens nothing.
    const forged = await fetch(SANDBOX, { headers: { Cookie: "toss_sandbox_console=forged" } });
    expect(await forged.text()).toContain("샌드박스 콘솔이 잠겨 있어요");
  });

  it("opens for a signed-in tester listed in SANDBOX_TESTER_EMAILS, not for other buyers", async () => {
    const tester = await signedInBuyer(TEST_SANDBOX_TESTER);
    const buyer = await signedInBuyer();
    expect((await tester.client.fetch("/sandbox/toss/console/api/payments")).status).toBe(200);
    expect((await buyer.client.fetch("/sandbox/toss/console/api/payments")).status).toBe(401);
    expect(await (await buyer.client.fetch("/sandbox/toss")).text()).toContain("샌드박스 콘솔이 잠겨 있어요");
    expect(await (await new Client().fetch("/sandbox/toss")).text()).toContain("샌드박스 콘솔이 잠겨 있어요");
  });

  it("leaves open what Toss leaves open: the widget script and the v1 API with its secret key", async () => {
    expect((await fetch(`${SANDBOX}/v1/payment-widget`)).status).toBe(200);
    const merchant = newMerchant();
    const lookup = await fetch(`${SANDBOX}/v1/payments/orders/no-such-order-123`, {
      headers: { Authorization: `Basic ${Buffer.from(`${merchant.secretKey}:`).toString("base64")}` },
    });
    expect(lookup.status).toBe(404);
    expect((await lookup.json()).code).toBe("NOT_FOUND_PAYMENT");
  });
});
