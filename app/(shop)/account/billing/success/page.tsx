// Toss's card registration window sends the buyer here with customerKey and authKey: the server exchanges
// the authKey for the billing key (lib/billing/cards.ts; the customerKey must be this buyer's), then
// back to the account page. A refresh of this page keeps the one card.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ButtonLink } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/session";
import { saveRegisteredCard } from "@/lib/billing/cards";
import { isAppError } from "@/lib/errors";

export const metadata: Metadata = { title: "카드 등록" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function BillingSuccessPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const user = await requireUser("/account");
  const authKey = typeof query.authKey === "string" ? query.authKey : "";
  const customerKey = typeof query.customerKey === "string" ? query.customerKey : "";
  let problem: string | null = null;
  if (!authKey || !customerKey || authKey.length > 300 || customerKey.length > 300) {
    problem = "카드 등록 정보가 올바르지 않아요. 다시 등록해 주세요.";
  } else {
    try {
      await saveRegisteredCard(user.id, { authKey, customerKey });
    } catch (error) {
      if (!isAppError(error)) throw error;
      problem = error.userMessage;
    }
  }
  if (!problem) redirect("/account?card=saved");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">카드를 등록하지 못했어요</h1>
      <p role="alert">{problem}</p>
      <ButtonLink href="/account">내 크레딧으로 돌아가기</ButtonLink>
    </div>
  );
}
