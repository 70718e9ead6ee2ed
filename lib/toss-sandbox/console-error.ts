// Failures of console and payment-window actions (not Toss API answers): a code, an HTTP status and a
// Korean message for the tester.
export class SandboxConsoleError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 409,
  ) {
    super(message);
    this.name = "SandboxConsoleError";
  }

  static notFound(what = "결제"): SandboxConsoleError {
    return new SandboxConsoleError("NOT_FOUND", `${what}를 찾을 수 없습니다.`, 404);
  }

  static changed(): SandboxConsoleError {
    return new SandboxConsoleError("STATE_CHANGED", "결제 상태가 방금 바뀌었습니다. 새로고침 후 다시 시도해주세요.");
  }
}
