import { describe, expect, it } from "vitest";
import { failureMessage } from "@/components/checkout/failure-messages";
import { AGREEMENT_REQUIRED, loadErrorMessage, requestErrorMessage, WIDGET_KEY_INVALID, WIDGET_LOAD_FAILED } from "@/components/checkout/widget-errors";
import { formatDate, formatDateTime, formatWon } from "@/lib/format";

describe("formatWon", () => {
  it.each([
    [3000, "₩3,000"],
    [5000, "₩5,000"],
    [1000, "₩1,000"],
    [0, "₩0"],
    [1234567, "₩1,234,567"],
  ])("%i → %s", (amount, expected) => expect(formatWon(amount)).toBe(expected));
});

describe("dates in Seoul time", () => {
  it("formats an instant as Seoul sees it, whatever the machine's zone", () => {
    expect(formatDateTime("2026-11-21T15:30:00.000Z")).toBe("2026년 11월 22일 00:30");
    expect(formatDate("2026-11-21T15:30:00.000Z")).toBe("2026. 11. 22.");
  });
  it("answers empty for nothing or nonsense", () => {
    expect(formatDateTime(null)).toBe("");
    expect(formatDateTime("not a date")).toBe("");
  });
});

describe("failureMessage", () => {
  it.each([
    ["REJECT_CARD_COMPANY", "카드사에서 결제를 거절했어요"],
    ["INVALID_CARD_EXPIRATION", "카드 유효기간"],
    ["EXCEED_MAX_AMOUNT", "결제 한도"],
    ["INVALID_STOPPED_CARD", "정지된 카드"],
    ["PAY_PROCESS_ABORTED", "결제가 중간에 멈췄어요"],
    ["NOT_FOUND_PAYMENT_SESSION", "결제 시간이 지나"],
  ])("%s has friendly Korean", (code, fragment) => expect(failureMessage(code, "Toss says")).toContain(fragment));

  it("falls back to Toss's Korean message, and to ours when that is missing, foreign or too long", () => {
    expect(failureMessage("SOME_NEW_CODE", "토스가 보낸 메시지입니다.")).toBe("토스가 보낸 메시지입니다.");
    expect(failureMessage("SOME_NEW_CODE", "")).toBe("결제를 완료하지 못했어요. 다시 시도해 주세요.");
    expect(failureMessage("SOME_NEW_CODE", "<script>english</script>")).toBe("결제를 완료하지 못했어요. 다시 시도해 주세요.");
    expect(failureMessage(null, "가".repeat(201))).toBe("결제를 완료하지 못했어요. 다시 시도해 주세요.");
  });
});

describe("widget errors", () => {
  it("maps the SDK's codes to Korean", () => {
    expect(requestErrorMessage({ code: "NEED_AGREEMENT_WITH_REQUIRED_TERMS", message: "x" })).toBe(AGREEMENT_REQUIRED);
    expect(requestErrorMessage({ code: "INVALID_CLIENT_KEY", message: "x" })).toBe(WIDGET_KEY_INVALID);
    expect(requestErrorMessage({ code: "ANYTHING", message: "네트워크 오류가 발생했습니다." })).toBe("네트워크 오류가 발생했습니다.");
    expect(requestErrorMessage(new Error("boom"))).toBe("결제를 시작하지 못했어요. 잠시 후 다시 시도해 주세요.");
  });
  it("tells a bad key from a script that did not load", () => {
    expect(loadErrorMessage({ code: "INVALID_CLIENT_KEY" })).toBe(WIDGET_KEY_INVALID);
    expect(loadErrorMessage(new Error("[TossPayments SDK] Failed to load script"))).toBe(WIDGET_LOAD_FAILED);
  });
});
