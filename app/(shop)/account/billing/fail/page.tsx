// Toss's card registration window sends the buyer here when it was closed or the card was refused.
import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "카드 등록" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function BillingFailPage({ searchParams }: { searchParams: SearchParams }) {
  await requireUser("/account");
  const query = await searchParams;
  const code = typeof query.code === "string" ? query.code : "";
  const message = typeof query.message === "string" ? query.message.slice(0, 200) : "";
  const canceled = code === "PAY_PROCESS_CANCELED" || code === "USER_CANCEL";
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{canceled ? "카드 등록을 취소했어요" : "카드를 등록하지 못했어요"}</h1>
      {!canceled && message ? <p role="alert">{message}</p> : null}
      <ButtonLink href="/account">내 크레딧으로 돌아가기</ButtonLink>
    </div>
  );
}
