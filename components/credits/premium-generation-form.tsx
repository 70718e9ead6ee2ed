"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { runPremiumGeneration } from "@/actions/credits";
import { newRequestId } from "@/lib/request-id";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { PremiumResult } from "@/lib/credits/premium-generation";
import type { PublicError } from "@/lib/errors";

/** Spends one credit on a premium generation and shows the result. */
export function PremiumGenerationForm() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<PremiumResult | null>(null);
  const [error, setError] = useState<PublicError | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  // One id per generation: sent again when the answer was lost (a retry is charged once), new for a new
  // topic or after a generation came back.
  const request = useRef<{ prompt: string; id: string } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const prompt = String(new FormData(event.currentTarget).get("prompt") ?? "");
    setPending(true);
    setError(null);
    try {
      if (!request.current || request.current.prompt !== prompt) request.current = { prompt, id: newRequestId() };
      const outcome = await runPremiumGeneration(prompt, request.current.id);
      if (!outcome.ok) {
        setError(outcome.error);
        setResult(null);
        inputRef.current?.focus();
        return;
      }
      request.current = null;
      setResult(outcome.data);
      requestAnimationFrame(() => resultRef.current?.focus());
      router.refresh(); // the balance and the ledger on this page (and the header) catch up
    } catch {
      setError({ code: "NETWORK", message: "요청을 보내지 못했어요. 네트워크 상태를 확인하고 다시 시도해 주세요." });
    } finally {
      setPending(false);
    }
  }

  const promptError = error?.fieldErrors?.prompt?.[0];
  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} noValidate className="space-y-3">
        <TextField
          ref={inputRef}
          id="premium-prompt"
          name="prompt"
          label="만들 주제"
          placeholder="예: 동네 빵집 신메뉴 홍보"
          maxLength={200}
          autoComplete="off"
          required
          error={promptError}
        />
        <Button type="submit" loading={pending} loadingLabel="생성하는 중…" className="w-full sm:w-auto">
          프리미엄 생성 (1 크레딧)
        </Button>
      </form>
      {error && !promptError ? (
        <div role="alert" className="space-y-2 rounded-xl bg-red-50 px-4 py-3 text-sm text-red-800">
          <p>{error.message}</p>
          {error.code === "INSUFFICIENT_CREDITS" ? (
            <Link href="/pricing" className="inline-flex min-h-10 items-center font-semibold underline underline-offset-4">
              크레딧 팩 구매하기
            </Link>
          ) : null}
        </div>
      ) : null}
      {result ? (
        <article aria-labelledby="premium-result-title" className="space-y-3 rounded-xl bg-brand-50 p-4">
          <h3 id="premium-result-title" ref={resultRef} tabIndex={-1} className="font-bold" style={{ outline: "none" }}>
            {result.title}
          </h3>
          <ol className="list-decimal space-y-1.5 pl-5 text-sm leading-relaxed">
            {result.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ol>
          <p className="text-xs text-ink-soft">크레딧 1개를 사용했어요. 남은 크레딧 {result.balance}개</p>
        </article>
      ) : null}
    </div>
  );
}
