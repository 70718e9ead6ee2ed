// Notices (issue #23) without a database: the mail transport's configuration, the one-click cancel link's
// signature, and the words of each notice (the same on the page and in the e-mail).
import { describe, expect, it } from "vitest";
import { planCancelPath, planCancelToken, readPlanCancelToken } from "@/lib/billing/cancel-link";
import { EnvError, parseEnv } from "@/lib/env";
import type { NoticeRecord } from "@/lib/notices/kinds";
import { composeNoticeMail } from "@/lib/notices/mail";
import { koreanDay, renderNotice } from "@/lib/notices/render";

const dev = { NODE_ENV: "development" };

describe("the mail transport's configuration", () => {
  it("is off without SMTP_URL, and takes an smtp:// or smtps:// URL with a sender", () => {
    expect(parseEnv(dev).mail).toBeNull();
    const smtp = "smtps://apikey:s3cr%40t@smtp.example.com:465";
    expect(parseEnv({ ...dev, SMTP_URL: smtp, MAIL_FROM: "크레딧샵 <no-reply@shop.example>" }).mail).toEqual({ smtpUrl: smtp, from: "크레딧샵 <no-reply@shop.example>" });
    // The sender defaults to the business's name and e-mail.
    expect(parseEnv({ ...dev, SMTP_URL: "smtp://127.0.0.1:2525" }).mail?.from).toMatch(/^.+ <.+@.+>$/);
  });

  it("refuses what is not an SMTP URL or an address, and keeps the SMTP password out of reports", () => {
    for (const wrong of ["https://smtp.example.com", "smtp.example.com:587", "smtp://", "smtp://user@host/path/more"]) {
      expect(() => parseEnv({ ...dev, SMTP_URL: wrong }), wrong).toThrow(EnvError);
    }
    for (const wrong of ["no-reply", "이름 <no-reply>", "a@b.c\r\nBcc: x@y.z"]) {
      expect(() => parseEnv({ ...dev, SMTP_URL: "smtp://127.0.0.1:2525", MAIL_FROM: wrong }), wrong).toThrow(EnvError);
    }
    const env = parseEnv({ ...dev, SMTP_URL: "smtps://apikey:s3cr%40t@smtp.example.com:465", SENTRY_DSN: "https://abc123@o1.ingest.sentry.io/42" });
    expect(env.sentry!.secrets).toContain("s3cr@t");
  });
});

describe("the one-click cancel link", () => {
  const secret = "unit-test-secret-0123456789abcdef0123";
  it("names the user and the plan's start, signed, and nothing else reads as one", () => {
    const token = planCancelToken("cm1user0000000000000000ab", 1_796_000_000_123, secret);
    expect(readPlanCancelToken(token, secret)).toEqual({ userId: "cm1user0000000000000000ab", agreedAt: new Date(1_796_000_000_123) });
    expect(readPlanCancelToken(token, `${secret}x`)).toBeNull();
    const [user, ms, sig] = token.split(".") as [string, string, string];
    expect(readPlanCancelToken(`${user}.${Number(ms) + 1}.${sig}`, secret)).toBeNull();
    expect(readPlanCancelToken(`other.${ms}.${sig}`, secret)).toBeNull();
    for (const junk of ["", "a.b.c", `${token}.x`, `${user}.${ms}`, `${user}.${ms}.${sig.slice(1)}`]) expect(readPlanCancelToken(junk, secret)).toBeNull();
    expect(planCancelPath("u1", 5)).toMatch(/^\/billing\/cancel\/u1\.5\.[A-Za-z0-9_-]{43}$/);
  });
});

describe("a notice's words", () => {
  const upcoming: NoticeRecord = {
    id: "n1",
    userId: "u1",
    kind: "PLAN_UPCOMING",
    createdAt: new Date(),
    data: { packName: "프로 팩", credits: 3, price: 3000, chargeAt: "2026-12-06T15:00:00.000Z", cardCompany: "신한", cardNumber: "4330****", agreedAtMs: 5 },
  };

  it("says when, how much, on which card, and offers the cancel link", () => {
    expect(koreanDay("2026-12-06T15:00:00.000Z")).toBe("12월 7일(월)");
    const { title, lines, action } = renderNotice(upcoming);
    expect(title).toBe("정기 충전 결제 예정 안내");
    expect(lines[0]).toBe("12월 7일(월)에 신한 4330****로 프로 팩(3크레딧) 3,000원이 자동으로 결제될 예정이에요.");
    expect(action).toEqual({ label: "정기 충전 해지하기", path: planCancelPath("u1", 5) });
  });

  it("says why a charge was declined, and the e-mail escapes what it did not write", () => {
    const declined: NoticeRecord = {
      id: "n2",
      userId: "u1",
      kind: "TOP_UP_DECLINED",
      createdAt: new Date(),
      data: { packName: "프로 팩", price: 3000, code: "X", reason: "<b>한도 초과</b>" },
    };
    expect(renderNotice(declined).lines).toContain("사유: <b>한도 초과</b>");
    const mail = composeNoticeMail(declined, "buyer@example.com", { smtpUrl: "smtp://127.0.0.1:1", from: "샵 <no-reply@example.com>" }, "https://shop.example");
    expect(mail.html).toContain("&#60;b&#62;한도 초과&#60;/b&#62;");
    expect(mail.html).not.toContain("<b>한도");
    expect(mail.text).toContain("내 크레딧에서 확인하기: https://shop.example/account#auto-charge-title");
    expect(mail.subject).toMatch(/^\[.+\] 자동충전 결제가 거절되었어요$/);
  });
});
