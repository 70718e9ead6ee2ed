// Korean messages for next-auth's sign-in error codes (the `error` of signIn()'s result, or the
// ?error= next-auth adds when it sends the user back to /login). No server-only: the form uses it.
import { tooManyMessage } from "@/lib/rate-limit/retry-after-text";

export const INVALID_CREDENTIALS_MESSAGE = "이메일 또는 비밀번호가 올바르지 않아요.";
export const SIGN_IN_FAILED_MESSAGE = "로그인하지 못했어요. 잠시 후 다시 시도해 주세요.";

/** The ?error= of a Kakao or Google sign-in refused for an operator's or tester's address (lib/auth/options.ts). */
export const OAUTH_EMAIL_RESERVED = "OAuthEmailReserved";

const MESSAGES: Record<string, string> = {
  [OAUTH_EMAIL_RESERVED]: "이 이메일로는 카카오·구글 로그인을 할 수 없어요. 이메일과 비밀번호로 로그인해 주세요.",
  CredentialsSignin: INVALID_CREDENTIALS_MESSAGE,
  OAuthAccountNotLinked: "이 이메일은 다른 방법으로 가입되어 있어요. 처음 가입한 방법으로 로그인해 주세요.",
  SessionRequired: "로그인이 필요해요.",
  AccessDenied: "로그인이 거부되었어요.",
};

/**
 * The error code of a sign-in refused by the rate limit (lib/auth/guard-auth-route.ts), with the wait in
 * seconds: signIn() hands the form only the code, so the code carries the number.
 */
export function tooManySignInAttemptsError(retryAfterSeconds: number): string {
  return `TooManySignInAttempts:${Math.max(1, Math.ceil(retryAfterSeconds))}`;
}

export function tooManySignInAttemptsMessage(retryAfterSeconds: number): string {
  return tooManyMessage("로그인 시도가", retryAfterSeconds);
}

export function signInErrorMessage(code: string): string {
  const limited = /^TooManySignInAttempts(?::(\d{1,6}))?$/.exec(code);
  if (limited) return limited[1] ? tooManySignInAttemptsMessage(Number(limited[1])) : "로그인 시도가 너무 많아요. 잠시 후 다시 시도해 주세요.";
  return Object.hasOwn(MESSAGES, code) ? MESSAGES[code]! : SIGN_IN_FAILED_MESSAGE;
}
