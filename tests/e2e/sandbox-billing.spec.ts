// 자동결제 card registration in Chromium, as a shop on another origin does it: SDK v1's script
// (/sandbox/toss/v1/payment in place of js.tosspayments.com/v1/payment) and SDK v2 through Toss's own
// loader (@tosspayments/tosspayments-sdk's loadTossPayments with { src }), each calling requestBillingAuth;
// the sandbox's registration window; successUrl receiving customerKey and authKey, which the shop's
// server exchanges for a billing key; 닫기 landing on failUrl with PAY_PROCESS_CANCELED.
import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ONE_SIZE } from "./sizes";

const SDK_V2_ESM = readFileSync(path.join(process.cwd(), "node_modules/@tosspayments/tosspayments-sdk/dist/index.esm.js"), "utf8");

/**
 * The shop's tiny pages, served by a server of their own on 127.0.0.1 (another origin than the sandbox's:
 * another port). A real server rather than page.route: Chromium refuses a routed page, which has no
 * address, access to the loopback address space the sandbox answers on.
 */
async function startShop(app: URL, clientKey: string, customerKey: string) {
  let shop = "";
  const urls = (sdk: string) => ({ successUrl: `${shop}/shop/billing/success?sdk=${sdk}`, failUrl: `${shop}/shop/billing/fail?sdk=${sdk}` });
  const pages: Record<string, () => string> = {
    "/shop/billing/v1": () => `<script src="${app.origin}/sandbox/toss/v1/payment"></script>
      <button id="register">카드 등록하기</button>
      <script>
        document.getElementById("register").addEventListener("click", () => {
          TossPayments(${JSON.stringify(clientKey)})
            .requestBillingAuth("카드", { customerKey: ${JSON.stringify(customerKey)}, ...${JSON.stringify(urls("v1"))}, customerName: "김토스" })
            .catch((error) => { document.body.dataset.error = error.code; });
        });
      </script>`,
    "/shop/billing/v2": () => `<button id="register" disabled>카드 등록하기</button>
      <script type="module">
        import { loadTossPayments } from "/shop/tosspayments-sdk.js";
        const tossPayments = await loadTossPayments(${JSON.stringify(clientKey)}, { src: ${JSON.stringify(`${app.origin}/sandbox/toss/v2/standard`)} });
        const payment = tossPayments.payment({ customerKey: ${JSON.stringify(customerKey)} });
        const button = document.getElementById("register");
        button.addEventListener("click", () => {
          payment
            .requestBillingAuth({ method: "CARD", ...${JSON.stringify(urls("v2"))}, customerEmail: "buyer@example.com" })
            .catch((error) => { document.body.dataset.error = error.code; });
        });
        button.disabled = false;
      </script>`,
    "/shop/billing/success": () => "<h1>카드 등록 완료</h1>",
    "/shop/billing/fail": () => "<h1>카드 등록 실패</h1>",
  };
  const server = http.createServer((request, response) => {
    const { pathname } = new URL(request.url ?? "/", "http://shop.invalid");
    if (pathname === "/shop/tosspayments-sdk.js") return response.writeHead(200, { "Content-Type": "text/javascript" }).end(SDK_V2_ESM);
    const page = pages[pathname];
    if (!page) return response.writeHead(404).end("not found");
    const html = `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>상점</title></head><body>${page()}</body></html>`;
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  shop = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin: shop,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The billing key the shop's server gets for the authKey (POST /v1/billing/authorizations/issue). */
async function issue(app: URL, secretKey: string, query: URLSearchParams) {
  const response = await fetch(`${app.origin}/sandbox/toss/v1/billing/authorizations/issue`, {
    method: "POST",
    headers: { Authorization: `Basic ${Buffer.from(`${secretKey}:`).toString("base64")}`, "Content-Type": "application/json" },
    body: JSON.stringify({ authKey: query.get("authKey"), customerKey: query.get("customerKey") }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

test("registers a card through SDK v1 and SDK v2's requestBillingAuth: successUrl gets customerKey and authKey; 닫기 goes to failUrl", ONE_SIZE, async ({ page, baseURL }) => {
  const app = new URL(baseURL!);
  const id = randomBytes(9).toString("hex");
  const [clientKey, secretKey] = [`test_ck_sbx_${id}`, `test_sk_sbx_${id}`];
  const customerKey = `cust_${randomUUID()}`;
  const shop = await startShop(app, clientKey, customerKey);
  try {
    // What both SDKs refuse before any window opens, with Toss's codes.
    const probe = (sdk: string) =>
      page.evaluate(
        async ({ sdk, clientKey, shop }) => {
          const codeOf = async (run: () => unknown) => {
            try {
              await run();
              return "no error";
            } catch (error) {
              return (error as { code?: string }).code;
            }
          };
          const TossPayments = (window as unknown as { TossPayments: (key: string) => Record<string, (...a: unknown[]) => unknown> }).TossPayments;
          const urls = { successUrl: `${shop}/s`, failUrl: `${shop}/f` };
          if (sdk === "v1") {
            const v1 = TossPayments(clientKey);
            return {
              widgetKey: await codeOf(() => TossPayments("test_gck_docs_Ovk5rk1EwkEbP0W43n07xlzm")),
              anonymous: await codeOf(() => v1.requestBillingAuth!("카드", { customerKey: "@@ANONYMOUS", ...urls })),
              transfer: await codeOf(() => v1.requestBillingAuth!("계좌이체", { customerKey: "cust_probe_1", ...urls })),
              noFailUrl: await codeOf(() => v1.requestBillingAuth!("카드", { customerKey: "cust_probe_1", successUrl: urls.successUrl })),
              requestPayment: await codeOf(() => v1.requestPayment!("카드", {})),
            };
          }
          const payment = () => TossPayments(clientKey).payment!({ customerKey: "cust_probe_1" }) as Record<string, (r: unknown) => Promise<unknown>>;
          return {
            widgetKey: await codeOf(() => TossPayments("test_gck_docs_Ovk5rk1EwkEbP0W43n07xlzm").payment!({ customerKey: "cust_probe_1" })),
            anonymous: await codeOf(() => (TossPayments(clientKey).payment!({ customerKey: "@@ANONYMOUS" }) as Record<string, (r: unknown) => Promise<unknown>>).requestBillingAuth!({ method: "CARD", ...urls })),
            transfer: await codeOf(() => payment().requestBillingAuth!({ method: "TRANSFER", ...urls })),
            noFailUrl: await codeOf(() => payment().requestBillingAuth!({ method: "CARD", successUrl: urls.successUrl, failUrl: "/f" })),
            unknownMethod: await codeOf(() => payment().requestBillingAuth!({ method: "카드", ...urls })),
          };
        },
        { sdk, clientKey, shop: shop.origin },
      );
    await page.goto(`${shop.origin}/shop/billing/v1`);
    expect(await probe("v1")).toEqual({
      widgetKey: "NOT_SUPPORTED_WIDGET_KEY",
      anonymous: "INVALID_CUSTOMER_KEY",
      transfer: "NOT_SUPPORTED_METHOD",
      noFailUrl: "INCORRECT_FAIL_URL_FORMAT",
      requestPayment: "NOT_SUPPORTED_METHOD",
    });
    await page.goto(`${shop.origin}/shop/billing/v2`);
    await expect(page.getByRole("button", { name: "카드 등록하기" })).toBeEnabled();
    expect(await probe("v2")).toEqual({
      widgetKey: "NOT_SUPPORTED_WIDGET_KEY",
      anonymous: "INVALID_CUSTOMER_KEY",
      transfer: "NOT_SUPPORTED_METHOD",
      noFailUrl: "INCORRECT_FAIL_URL_FORMAT",
      unknownMethod: "INVALID_PARAMETERS",
    });

    for (const sdk of ["v1", "v2"] as const) {
      await page.goto(`${shop.origin}/shop/billing/${sdk}`);
      await page.getByRole("button", { name: "카드 등록하기" }).click();
      await expect(page).toHaveURL(new RegExp(`^${app.origin}/sandbox/toss/billing-auth/[^/?]+$`));
      await expect(page.getByRole("heading", { name: "토스페이먼츠 카드 등록" })).toBeVisible();
      await expect(page.getByLabel("카드 번호")).toHaveValue(/^4330-\d{4}-\*{4}-\d{3}\*$/);
      await page.getByLabel("카드사", { exact: true }).selectOption({ label: "삼성카드" });
      await page.getByRole("button", { name: "카드 등록" }).click();

      await expect(page).toHaveURL(new RegExp(`^${shop.origin}/shop/billing/success\\?`));
      await expect(page.getByRole("heading", { name: "카드 등록 완료" })).toBeVisible();
      const query = new URL(page.url()).searchParams;
      expect([...query.keys()]).toEqual(["sdk", "customerKey", "authKey"]);
      expect(query.get("sdk")).toBe(sdk);
      expect(query.get("customerKey")).toBe(customerKey);
      const issued = await issue(app, secretKey, query);
      expect(issued.status).toBe(200);
      expect(issued.body).toMatchObject({ customerKey, method: "카드", cardCompany: "삼성", card: { issuerCode: "51" } });
    }

    // The buyer closes the window: failUrl with Toss's code and message, and nothing to exchange.
    await page.goto(`${shop.origin}/shop/billing/v2`);
    await page.getByRole("button", { name: "카드 등록하기" }).click();
    await page.getByRole("button", { name: "닫기" }).click();
    await expect(page).toHaveURL(new RegExp(`^${shop.origin}/shop/billing/fail\\?`));
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ sdk: "v2", code: "PAY_PROCESS_CANCELED", message: "사용자에 의해 결제가 취소되었습니다." });
  } finally {
    await shop.close();
  }
});
