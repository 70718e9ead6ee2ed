// The card registration window's exits (/sandbox/toss/billing-auth/{id}), redirecting as Toss's does
// (docs "자동결제(빌링) 결제창 연동하기"; SDK v2 types: "리다이렉트되면 URL의 쿼리 파라미터로 authKey,
// customerKey가 추가돼요"):
// - 등록: the card is registered; a one-time authKey is made and the browser goes to
//   successUrl?customerKey=…&authKey=… (the authKey is good for AUTH_KEY_VALID_MS, ./windows.ts)
// - 실패 처리: failUrl?code=…&message=… with the chosen card refusal; nothing is registered
// - 닫기: failUrl with PAY_PROCESS_CANCELED
// A query string successUrl or failUrl already had is kept.
import "server-only";
import { db } from "@/lib/db";
import type { SandboxBillingAuth } from "@/lib/generated/prisma/client";
import { CARD_COMPANIES, DEFAULT_CARD_COMPANY } from "../banks";
import { SandboxConsoleError } from "../console-error";
import { BILLING_WINDOW_FAILURES, type BillingWindowFailureCode } from "../errors";
import { newAuthKey } from "../ids";
import { billingWindowClosed } from "./windows";

export function billingSuccessUrl(auth: Pick<SandboxBillingAuth, "successUrl" | "customerKey">, authKey: string): string {
  const url = new URL(auth.successUrl);
  url.searchParams.append("customerKey", auth.customerKey);
  url.searchParams.append("authKey", authKey);
  return url.toString();
}

export function billingFailUrl(auth: Pick<SandboxBillingAuth, "failUrl">, code: BillingWindowFailureCode): string {
  const url = new URL(auth.failUrl);
  url.searchParams.append("code", code);
  url.searchParams.append("message", BILLING_WINDOW_FAILURES[code]);
  return url.toString();
}

const EXPIRED = () => new SandboxConsoleError("EXPIRED", "카드 등록 시간이 만료되었습니다. 상점에서 처음부터 다시 시도해주세요.", 410);
const ALREADY = () => new SandboxConsoleError("ALREADY_PROCESSED", "이미 등록을 마친 카드 등록창입니다.");

async function openWindow(authId: string): Promise<SandboxBillingAuth> {
  const auth = await db.sandboxBillingAuth.findUnique({ where: { id: authId } });
  if (!auth) throw SandboxConsoleError.notFound("카드 등록창");
  return auth;
}

/** 등록. Pressing it twice (a double click, a refresh) lands on the same successUrl with the same authKey. */
export async function registerCard(authId: string, choice: { card?: string | null }): Promise<string> {
  const auth = await openWindow(authId);
  if (auth.status === "AUTHENTICATED" && auth.authKey) return billingSuccessUrl(auth, auth.authKey);
  if (auth.status !== "READY") throw ALREADY();
  const now = new Date();
  if (billingWindowClosed(auth, now)) throw EXPIRED();

  const card = CARD_COMPANIES.find((c) => c.code === choice.card)?.code ?? DEFAULT_CARD_COMPANY;
  const { count } = await db.sandboxBillingAuth.updateMany({
    where: { id: auth.id, status: "READY" },
    data: { status: "AUTHENTICATED", authKey: newAuthKey(), authenticatedAt: now, cardIssuerCode: card },
  });
  // Pressed twice at once: the other press registered it; answer what it answered.
  if (count === 0) return registerCard(authId, choice);
  const registered = await db.sandboxBillingAuth.findUniqueOrThrow({ where: { id: auth.id } });
  return billingSuccessUrl(registered, registered.authKey!);
}

/** 실패 처리 / 닫기: the window's own redirect; the registration stays READY (nothing is recorded at Toss). */
export async function failBillingWindow(authId: string, code: BillingWindowFailureCode): Promise<string> {
  const auth = await openWindow(authId);
  if (auth.status !== "READY") throw ALREADY();
  return billingFailUrl(auth, code);
}
