import "server-only";
import { z } from "zod";
import { validationError } from "@/lib/errors";
import { spendCredits } from "./spend-credits";

export const PREMIUM_GENERATION_COST = 1;
export const premiumPromptSchema = z.string().trim().min(1, "무엇을 만들지 입력해 주세요.").max(200, "200자 이내로 입력해 주세요.");

export interface PremiumResult {
  title: string;
  lines: string[];
  balance: number;
}

/** The form's id for one generation: a retry after a lost answer sends the same one and is charged once. */
export const premiumRequestIdSchema = z.uuid("요청을 다시 보내 주세요.");

/**
 * The premium work the credits unlock: a structured outline for the buyer's topic. The credit is taken
 * first, atomically and once per `requestId` (spendCredits refuses when the balance is short and answers
 * a repeat with the first spend), then the work is done.
 */
export async function generatePremium(userId: string, prompt: string, requestId: string): Promise<PremiumResult> {
  const parsed = premiumPromptSchema.safeParse(prompt);
  if (!parsed.success) throw validationError({ prompt: parsed.error.issues.map((i) => i.message) });
  if (!premiumRequestIdSchema.safeParse(requestId).success) throw validationError({ requestId: ["요청을 다시 보내 주세요."] });
  const topic = parsed.data;
  const { spend } = await spendCredits({
    userId,
    amount: PREMIUM_GENERATION_COST,
    idempotencyKey: `premium:${requestId}`,
    reason: `프리미엄 생성: ${topic.slice(0, 40)}`,
  });
  const balance = spend.balanceAfter;
  return {
    title: `「${topic}」 프리미엄 기획안`,
    lines: [
      `핵심 메시지: ${topic}을(를) 한 문장으로 정리해 첫 화면에 둡니다.`,
      `대상: ${topic}에 관심 있는 사람이 가장 먼저 묻는 세 가지 질문에 답합니다.`,
      "구성: 문제 → 해결 → 근거 → 다음 행동 순서로 네 단락을 씁니다.",
      "검토: 숫자와 고유명사를 한 번 더 확인하고, 문장은 40자 이내로 줄입니다.",
    ],
    balance,
  };
}
