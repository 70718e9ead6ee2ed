// Korean wording of "too many, come back in N". No server-only: the login form words a sign-in
// refusal from its error code with the same function.

/** "40초", "15분": whole seconds under a minute, else minutes rounded up. */
export function retryAfterText(seconds: number): string {
  const whole = Math.max(1, Math.ceil(seconds));
  return whole < 60 ? `${whole}초` : `${Math.ceil(whole / 60)}분`;
}

/** e.g. tooManyMessage("로그인 시도가", 900) → "로그인 시도가 너무 많아요. 15분 후에 다시 시도해 주세요." */
export function tooManyMessage(subject: string, retryAfterSeconds: number): string {
  return `${subject} 너무 많아요. ${retryAfterText(retryAfterSeconds)} 후에 다시 시도해 주세요.`;
}
