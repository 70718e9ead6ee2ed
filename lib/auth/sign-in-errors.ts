// Korean messages for next-auth's sign-in error codes (the `error` of signIn()'s result, or the
// ?error= next-auth adds when it sends the user back to /login). No server-only: the form uses it.

export const INVALID_CREDENTIALS_MESSAGE = "이메일 또는 비밀번호가 올바르지 않아요.";
export const SIGN_IN_FAILED_MESSAGE = "로그인하지 못했어요. 잠시 후 다시 시도해 주세요.";

const MESSAGES: Record<string, string> = {
  CredentialsSignin: INVALID_CREDENTIALS_MESSAGE,
  OAuthAccountNotLinked: "이 이메일은 다른 방법으로 가입되어 있어요. 처음 가입한 방법으로 로그인해 주세요.",
  SessionRequired: "로그인이 필요해요.",
  AccessDenied: "로그인이 거부되었어요.",
};

export function signInErrorMessage(code: string): string {
  return Object.hasOwn(MESSAGES, code) ? MESSAGES[code]! : SIGN_IN_FAILED_MESSAGE;
}
