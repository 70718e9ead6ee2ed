// `npm run toss -- <action> …`: the sandbox console from a shell, in the spirit of `stripe trigger`.
// It calls the running app's console API, so it works against a laptop (default: NEXT_PUBLIC_APP_URL or
// http://localhost:3000) or a Vercel preview (--url https://….vercel.app).
import nextEnv from "@next/env";
import { ROOT } from "./lib/schema-engine";

const USAGE = `토스페이먼츠 샌드박스 CLI

  npm run toss -- <action> [arguments] [--url <app URL>] [--merchant <docs|app|sbx_…>]

Payments (by orderId or paymentKey):
  deposit <ref>                     입금 처리: a virtual account waiting for its deposit becomes DONE
  expire <ref>                      만료: closes the window (READY/IN_PROGRESS → EXPIRED; a virtual account is marked expired)
  cancel <ref> [--amount N] [--reason TEXT]
                                    상점 취소: full, or partial with --amount
  duplicate <ref>                   sends the payment's latest webhook again with the same transmission id
  out-of-order <ref>                sends the latest webhook, then an earlier one
  show <ref>                        the payment (Toss's Payment object) and its webhook deliveries

Webhooks:
  resend <deliveryId>               sends a delivery again (same transmission id, next retried-count)
  run-due                           sends every retry that has come due (what the cron route does)
  deliveries [--merchant M]         recent deliveries

Next confirm (the merchant's next confirm, or with --payment <ref> only that payment's):
  fail-next <ERROR_CODE> [--payment <ref>]
                                    the next confirm answers this Toss error (e.g. REJECT_CARD_PAYMENT)
  timeout-next [--delay SECONDS] [--payment <ref>]
                                    the next confirm approves, then answers after SECONDS (default 15)
  clear-next [--payment <ref>]      the next confirm is normal again

Billing keys (자동결제, by billingKey):
  billing-keys [--merchant M] [--customer <customerKey>]
                                    recent billing keys, their cards and switches
  billing-show <billingKey>         one billing key (Toss's Billing object) and its switches
  billing-fail-next <billingKey> <ERROR_CODE|timeout|none>
                                    the key's next charge answers this Toss error (e.g. REJECT_CARD_PAYMENT)
  billing-card <billingKey> <lost-or-stolen|expired|normal>
                                    the card's state: every charge fails until it is normal again
  billing-remove <billingKey>       removes the key: its charges are refused from then on

Merchant settings (default merchant: docs, the docs key pair):
  webhook-url <url|default> [--payment <ref>]
                                    where this merchant's webhooks go (with --payment: that payment's
                                    only, retries included; default = the merchant's again)
  time-scale <0<n<=1|default>       shrinks the retry schedule (1, 4, 16 … 4096 minutes)
  settings                          shows the merchant's settings

Options:
  --url <app URL>                   e.g. https://my-app-git-branch.vercel.app
  --token <token>                   the console token (default: SANDBOX_CONSOLE_TOKEN); needed everywhere
                                    but the local development server
  --bypass <secret>                 Vercel deployment protection bypass (default: VERCEL_AUTOMATION_BYPASS_SECRET)
  --json                            prints the raw JSON answer
`;

interface Parsed {
  positional: string[];
  flags: Record<string, string | true>;
}

function parseArgs(argv: string[]): Parsed {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split("=", 2) as [string, string | undefined];
    if (inline !== undefined) flags[name] = inline;
    else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith("--") && name !== "json") flags[name] = argv[++i]!;
    else flags[name] = true;
  }
  return { positional, flags };
}

const flag = (p: Parsed, name: string) => (typeof p.flags[name] === "string" ? (p.flags[name] as string) : undefined);

interface Access {
  /** Vercel's deployment protection bypass */
  bypass?: string;
  /** SANDBOX_CONSOLE_TOKEN: the console is closed everywhere but the local development server */
  token?: string;
}

async function call(base: string, access: Access, method: "GET" | "POST", path: string, body?: unknown) {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (access.bypass) headers["x-vercel-protection-bypass"] = access.bypass;
  if (access.token) headers.Authorization = `Bearer ${access.token}`;
  let response: Response;
  try {
    response = await fetch(`${base}/sandbox/toss/console/api${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
  } catch (error) {
    throw new Error(`Could not reach ${base} (${(error as Error).message}). Is the app running? Use --url to point at another one.`);
  }
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: a 404 page (live mode?) or a proxy's answer
  }
  return { status: response.status, json: json as { message?: string; code?: string; data?: unknown } | null, text };
}

function summarisePayment(p: Record<string, unknown>): string {
  const account = p.virtualAccount as { accountNumber?: string; bankCode?: string; expired?: boolean } | null;
  return [
    `${p.orderId}  ${p.status}  ${p.method ?? "-"}  ₩${Number(p.totalAmount).toLocaleString("ko-KR")} (잔액 ₩${Number(p.balanceAmount).toLocaleString("ko-KR")})`,
    `  paymentKey ${p.paymentKey}`,
    account ? `  가상계좌 ${account.bankCode} ${account.accountNumber}${account.expired ? " (기한 만료)" : ""}` : null,
  ]
    .filter(Boolean)
    .join("\n");
}

function summariseBillingKey(k: Record<string, unknown>): string {
  const billing = k.billing as { billingKey: string; customerKey: string; cardCompany: string; cardNumber: string };
  const state = k.deletedAt ? "삭제됨" : String(k.cardState);
  const next = k.nextChargeErrorCode ? `  다음 결제 실패: ${k.nextChargeErrorCode}` : "";
  return `${billing.billingKey}  ${state}  ${billing.cardCompany} ${billing.cardNumber}  고객 ${billing.customerKey}  (${k.merchantId})${next}`;
}

function summariseDelivery(d: Record<string, unknown>): string {
  return `${d.id}  ${d.eventType} ${d.paymentStatus ?? ""}  ${d.status}  시도 ${d.attempts}회  마지막 응답 ${d.lastResponseStatus ?? "-"}  ${d.transmissionId}${d.note ? `  (${d.note})` : ""}`;
}

async function main() {
  nextEnv.loadEnvConfig(ROOT, true);
  const parsed = parseArgs(process.argv.slice(2));
  const [action, ref] = parsed.positional;
  if (!action || parsed.flags.help) {
    console.log(USAGE);
    process.exitCode = action ? 0 : 2;
    return;
  }
  const base = (flag(parsed, "url") ?? process.env.NEXT_PUBLIC_APP_URL ?? "http://localhost:3000").replace(/\/$/, "");
  const access: Access = {
    bypass: flag(parsed, "bypass") ?? process.env.VERCEL_AUTOMATION_BYPASS_SECRET,
    token: flag(parsed, "token") ?? process.env.SANDBOX_CONSOLE_TOKEN,
  };
  const merchant = flag(parsed, "merchant");
  const need = (what: string) => {
    if (!ref) throw new Error(`${action}: missing ${what}. See npm run toss -- --help`);
    return encodeURIComponent(ref);
  };
  const billingKeyAction = (name: string, body: Record<string, unknown> = {}) =>
    call(base, access, "POST", `/billing-keys/${need("billingKey")}/${name}`, { ...(merchant ? { merchant } : {}), ...body });
  const paymentAction = (name: string, extra: Record<string, unknown> = {}) =>
    call(base, access, "POST", `/payments/${need("orderId or paymentKey")}/${name}`, { ...(merchant ? { merchant } : {}), ...extra });
  const settings = (body: Record<string, unknown>) => call(base, access, "POST", `/merchants/${merchant ?? "docs"}`, body);
  const payment = flag(parsed, "payment");
  // --payment <ref>: only that payment's next confirm; otherwise the merchant's.
  const nextConfirm = (body: Record<string, unknown>) =>
    payment
      ? call(base, access, "POST", `/payments/${encodeURIComponent(payment)}/next-confirm`, { ...(merchant ? { merchant } : {}), ...body })
      : settings(body);

  let answer: Awaited<ReturnType<typeof call>>;
  switch (action) {
    case "deposit":
    case "expire":
    case "duplicate":
    case "out-of-order":
      answer = await paymentAction(action);
      break;
    case "cancel":
      answer = await paymentAction("cancel", {
        ...(flag(parsed, "amount") ? { cancelAmount: Number(flag(parsed, "amount")) } : {}),
        ...(flag(parsed, "reason") ? { cancelReason: flag(parsed, "reason") } : {}),
      });
      break;
    case "show":
      answer = await call(base, access, "GET", `/payments/${need("orderId or paymentKey")}${merchant ? `?merchant=${merchant}` : ""}`);
      break;
    case "resend":
      answer = await call(base, access, "POST", `/deliveries/${need("delivery id")}/resend`, {});
      break;
    case "run-due":
      answer = await call(base, access, "POST", "/run-due", {});
      break;
    case "deliveries":
      answer = await call(base, access, "GET", `/deliveries${merchant ? `?merchant=${merchant}` : ""}`);
      break;
    case "fail-next":
      need("Toss error code");
      answer = await nextConfirm({ nextConfirm: ref });
      break;
    case "timeout-next":
      answer = await nextConfirm({ nextConfirm: "timeout", delayMs: Math.round(Number(flag(parsed, "delay") ?? 15) * 1000) });
      break;
    case "clear-next":
      answer = await nextConfirm({ nextConfirm: "none" });
      break;
    case "billing-keys": {
      const query = new URLSearchParams();
      if (merchant) query.set("merchant", merchant);
      if (flag(parsed, "customer")) query.set("q", flag(parsed, "customer")!);
      answer = await call(base, access, "GET", `/billing-keys${query.size ? `?${query}` : ""}`);
      break;
    }
    case "billing-show":
      answer = await call(base, access, "GET", `/billing-keys/${need("billingKey")}${merchant ? `?merchant=${merchant}` : ""}`);
      break;
    case "billing-fail-next": {
      const code = parsed.positional[2];
      if (!code) throw new Error("billing-fail-next: missing the Toss error code (or none). See npm run toss -- --help");
      answer = await billingKeyAction("next-charge", { nextCharge: code });
      break;
    }
    case "billing-card": {
      const state = parsed.positional[2];
      const cardState = { "lost-or-stolen": "LOST_OR_STOLEN", stolen: "LOST_OR_STOLEN", expired: "EXPIRED", normal: "NORMAL" }[state ?? ""];
      if (!cardState) throw new Error("billing-card: the state is lost-or-stolen, expired or normal. See npm run toss -- --help");
      answer = await billingKeyAction("card-state", { cardState });
      break;
    }
    case "billing-remove":
      answer = await billingKeyAction("remove");
      break;
    case "webhook-url":
      need("URL");
      // --payment <ref>: that payment's webhooks only; otherwise the merchant's.
      answer = payment
        ? await call(base, access, "POST", `/payments/${encodeURIComponent(payment)}/webhook-url`, {
            ...(merchant ? { merchant } : {}),
            webhookUrl: ref === "default" ? "" : ref,
          })
        : await settings({ webhookUrl: ref === "default" ? "" : ref });
      break;
    case "time-scale":
      need("scale");
      answer = await settings({ timeScale: ref === "default" ? "" : Number(ref) });
      break;
    case "settings":
      answer = await call(base, access, "GET", `/merchants/${merchant ?? "docs"}`);
      break;
    default:
      console.error(`Unknown action: ${action}\n\n${USAGE}`);
      process.exitCode = 2;
      return;
  }

  if (!answer.json) {
    throw new Error(
      answer.status === 404
        ? `${base} answered 404: is it running in sandbox mode (TOSS_MODE=sandbox)?`
        : `${base} answered HTTP ${answer.status}: ${answer.text.slice(0, 200)}`,
    );
  }
  if (parsed.flags.json) {
    console.log(JSON.stringify(answer.json, null, 2));
  } else if (answer.status === 401) {
    console.error(`✘ ${answer.json.message ?? "locked"} (${answer.json.code ?? 401})`);
    console.error("  Set SANDBOX_CONSOLE_TOKEN (the deployment's value) in .env.local, or pass --token <token>.");
  } else if (answer.status >= 400) {
    console.error(`✘ ${answer.json.message ?? "failed"} (${answer.json.code ?? answer.status})`);
  } else {
    if (answer.json.message) console.log(`✔ ${answer.json.message}`);
    const data = answer.json.data;
    if (action === "show") {
      const d = data as { payment: Record<string, unknown>; deliveries: Record<string, unknown>[] };
      console.log(summarisePayment(d.payment));
      for (const delivery of d.deliveries) console.log(`  ${summariseDelivery(delivery)}`);
    } else if (action === "billing-keys") {
      for (const key of data as Record<string, unknown>[]) console.log(summariseBillingKey(key));
    } else if (data && typeof data === "object" && "billing" in data) {
      console.log(summariseBillingKey(data as Record<string, unknown>));
    } else if (action === "deliveries") {
      for (const delivery of data as Record<string, unknown>[]) console.log(summariseDelivery(delivery));
    } else if (Array.isArray(data)) {
      for (const item of data as Record<string, unknown>[]) console.log(summariseDelivery(item));
    } else if (data && typeof data === "object" && "paymentKey" in data) {
      console.log(summarisePayment(data as Record<string, unknown>));
    } else if (data && typeof data === "object" && "eventType" in data) {
      console.log(summariseDelivery(data as Record<string, unknown>));
    } else if (data) {
      console.log(JSON.stringify(data, null, 2));
    }
  }
  if (answer.status >= 400) process.exitCode = 1;
}

main().catch((error: Error) => {
  console.error(`✘ ${error.message}`);
  process.exit(1);
});
