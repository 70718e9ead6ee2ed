import { describe, expect, it } from "vitest";
import { signInErrorMessage, tooManySignInAttemptsError, INVALID_CREDENTIALS_MESSAGE, SIGN_IN_FAILED_MESSAGE } from "@/lib/auth/sign-in-errors";
import { retryAfterText, tooManyMessage } from "@/lib/rate-limit/retry-after-text";

describe("retryAfterText", () => {
  it.each([
    [0, "1초"],
    [0.2, "1초"],
    [15, "15초"],
    [59, "59초"],
    [60, "1분"],
    [61, "2분"],
    [899, "15분"],
    [900, "15분"],
    [3600, "60분"],
  ])("%d s → %s", (seconds, text) => {
    expect(retryAfterText(seconds)).toBe(text);
  });

  it("words a refusal", () => {
    expect(tooManyMessage("가입 시도가", 3600)).toBe("가입 시도가 너무 많아요. 60분 후에 다시 시도해 주세요.");
  });
});

describe("sign-in error codes", () => {
  it("carry the wait of a rate-limited sign-in to the login form", () => {
    expect(tooManySignInAttemptsError(899.2)).toBe("TooManySignInAttempts:900");
    expect(signInErrorMessage(tooManySignInAttemptsError(900))).toBe("로그인 시도가 너무 많아요. 15분 후에 다시 시도해 주세요.");
    expect(signInErrorMessage("TooManySignInAttempts:12")).toBe("로그인 시도가 너무 많아요. 12초 후에 다시 시도해 주세요.");
    expect(signInErrorMessage("TooManySignInAttempts")).toBe("로그인 시도가 너무 많아요. 잠시 후 다시 시도해 주세요.");
  });

  it.each(["TooManySignInAttempts:", "TooManySignInAttempts:abc", "TooManySignInAttempts:1234567", "xTooManySignInAttempts:5"])(
    "gives %j the generic message",
    (code) => {
      expect(signInErrorMessage(code)).toBe(SIGN_IN_FAILED_MESSAGE);
    },
  );

  it("keeps next-auth's codes", () => {
    expect(signInErrorMessage("CredentialsSignin")).toBe(INVALID_CREDENTIALS_MESSAGE);
  });
});
