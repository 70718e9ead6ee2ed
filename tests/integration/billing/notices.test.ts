// Notices of automatic purchases (issue #23), against real PostgreSQL, the sandbox and a real SMTP server
// (scripts/lib/mail-catcher.ts): "your plan's charge is coming" PLAN_NOTICE_DAYS before each monthly
// charge, once however many cron runs race, by e-mail with a one-click cancel link that ends the plan
// (and only that plan); "your card was declined" when a plan or a top-up stops; the outbox's retries when
// the mail server refuses; the consent record of each agreement.
import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { BILLING_AGREEMENT_VERSION, PLAN_NOTICE_DAYS, billingAgreementText } from "@/lib/billing/agreement";
import { saveRegisteredCard } from "@/lib/billing/cards";
import { planCancelToken, readPlanCancelToken } from "@/lib/billing/cancel-link";
import { cancelPlanFromLink, chargeDuePlans, planChargeKey, startPlan } from "@/lib/billing/plan";
import { declinedKey, noticeUpcomingPlanCharges, planUpcomingKey } from "@/lib/billing/plan-notices";
import { startTopUp, topUpIfBelow } from "@/lib/billing/top-up";
import { getBalance } from "@/lib/credits/lots";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { deliverNotices, MAX_ATTEMPTS } from "@/lib/notices/mail";
import { dismissNotice, unreadNotices } from "@/lib/notices/notices";
import { REFUSING_DOMAIN } from "../../../scripts/lib/mail-catcher";
import { createUser, uniqueEmail } from "../../helpers/factories";
import { APP_URL } from "../../helpers/http";
import { mailsTo, waitForMails } from "../../helpers/mail";
import { registeredCard } from "../../helpers/toss-billing";
import { basicAuth, consoleApi, type Merchant } from "../../helpers/toss-sandbox";

function appBillingMerchant(): Merchant {
  const keys = env.tossBilling!;
  return { id: "docs", clientKey: keys.clientKey, secretKey: keys.secretKey, authorization: basicAuth(keys.secretKey) };
}

async function userWithCard(email = uniqueEmail("notice")) {
  const user = await createUser(email);
  const card = await registeredCard(appBillingMerchant(), { customerKey: user.customerKey });
  const view = await saveRegisteredCard(user.id, card);
  return { user, cardId: view.id };
}

const agreed = (chargeDay: number, productCode = "PRO_PACK") => ({ productCode, chargeDay, agreementVersion: BILLING_AGREEMENT_VERSION });
const DAY = 86_400_000;

describe("the notice before a monthly charge", () => {
  it("is written once however many cron runs race, e-mailed with a one-click cancel link, and the link ends that plan only", async () => {
    const { user } = await userWithCard();
    const { plan } = await startPlan(user.id, agreed(7));
    // The next charge is two days away: inside the notice window.
    const due = new Date(Date.now() + 2 * DAY);
    await db.creditPlan.update({ where: { userId: user.id }, data: { nextChargeAt: due } });

    await Promise.all(Array.from({ length: 4 }, () => noticeUpcomingPlanCharges()));
    const notices = await db.notice.findMany({ where: { userId: user.id } });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: "PLAN_UPCOMING", dedupeKey: planUpcomingKey(planChargeKey(plan, due)) });
    expect(notices[0]!.data).toMatchObject({ packName: "프로 팩", price: 3000, credits: 3, chargeAt: due.toISOString(), agreedAtMs: plan.agreedAt.getTime() });

    const [mail] = await waitForMails(user.email!);
    expect(await mailsTo(user.email!)).toHaveLength(1);
    expect(mail!.subject).toContain("정기 충전 결제 예정 안내");
    expect(mail!.from?.text).toContain("no-reply@example.com");
    expect(mail!.text).toContain("3,000원");
    expect(mail!.text).toContain(env.business.registrationNumber);
    expect(await db.notice.findUniqueOrThrow({ where: { id: notices[0]!.id } })).toMatchObject({ emailStatus: "SENT", emailAttempts: 1 });

    // The link in the e-mail: this server's cancel page, for this user and this plan's start.
    const link = /(https?:\/\/\S+\/billing\/cancel\/\S+)/.exec(mail!.text ?? "")?.[1];
    expect(link).toBeDefined();
    const token = decodeURIComponent(new URL(link!).pathname.split("/").pop()!);
    expect(readPlanCancelToken(token)).toEqual({ userId: user.id, agreedAt: plan.agreedAt });
    // Opening it (as a mail scanner does) shows the plan and changes nothing.
    const page = await fetch(`${APP_URL}${new URL(link!).pathname}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("정기 충전을 해지할까요?");
    expect(html).toContain("noindex");
    expect((await db.creditPlan.findUniqueOrThrow({ where: { userId: user.id } })).status).toBe("ACTIVE");

    // A link signed for another start of the plan, or tampered with, ends nothing.
    expect(await cancelPlanFromLink(planCancelToken(user.id, plan.agreedAt.getTime() + 1))).toBe("already");
    expect(await cancelPlanFromLink(token.slice(0, -2) + (token.endsWith("AA") ? "BB" : "AA"))).toBe("invalid");
    expect(await cancelPlanFromLink(planCancelToken(user.id, plan.agreedAt.getTime(), "another-secret-0123456789abcdef0123"))).toBe("invalid");
    expect((await db.creditPlan.findUniqueOrThrow({ where: { userId: user.id } })).status).toBe("ACTIVE");

    expect(await cancelPlanFromLink(token)).toBe("canceled");
    expect(await cancelPlanFromLink(token)).toBe("already");
    expect((await db.creditPlan.findUniqueOrThrow({ where: { userId: user.id } })).status).toBe("CANCELED");
    const gone = await (await fetch(`${APP_URL}/billing/cancel/${encodeURIComponent(token)}`)).text();
    expect(gone).toContain("해지된 정기 충전이에요");
    const forged = await fetch(`${APP_URL}/billing/cancel/not-a-token`);
    expect(forged.status).toBe(200);
    expect(await forged.text()).toContain("해지 링크가 올바르지 않아요");

    // Canceled: the due date comes and nothing is charged.
    await db.creditPlan.update({ where: { userId: user.id }, data: { nextChargeAt: new Date(Date.now() - 60_000) } });
    await chargeDuePlans();
    expect(await db.order.count({ where: { userId: user.id } })).toBe(1);
  });

  it(`is not written for a charge more than ${PLAN_NOTICE_DAYS} days away, nor for a paused plan`, async () => {
    const far = await userWithCard();
    await startPlan(far.user.id, agreed(9));
    await db.creditPlan.update({ where: { userId: far.user.id }, data: { nextChargeAt: new Date(Date.now() + (PLAN_NOTICE_DAYS + 1) * DAY) } });
    const paused = await userWithCard();
    await startPlan(paused.user.id, agreed(9));
    await db.creditPlan.update({ where: { userId: paused.user.id }, data: { nextChargeAt: new Date(Date.now() + DAY), status: "PAUSED" } });
    await noticeUpcomingPlanCharges();
    expect(await db.notice.count({ where: { userId: { in: [far.user.id, paused.user.id] } } })).toBe(0);
  });

  it("records each agreement with the sentences shown, its version and time", async () => {
    const { user } = await userWithCard();
    const { plan } = await startPlan(user.id, agreed(11, "PREMIUM_PACK"));
    const consents = await db.billingConsent.findMany({ where: { userId: user.id } });
    expect(consents).toHaveLength(1);
    expect(consents[0]).toMatchObject({ scope: "PLAN", agreementVersion: BILLING_AGREEMENT_VERSION, agreedAt: plan.agreedAt });
    expect(consents[0]!.text).toBe(billingAgreementText({ sellerName: env.business.name, packName: "프리미엄 팩", price: 5000, chargeDay: 11, emailNotices: true }).join("\n"));
    expect(consents[0]!.text).toContain("5,000원");
    expect(consents[0]!.text).toContain("알림과 이메일(이메일 주소가 있으면)로");

    // A change of plan the same month: a new agreement, recorded with the words it was given in (no charge now).
    const { first } = await startPlan(user.id, agreed(21, "PRO_PACK"));
    expect(first).toBeNull();
    const both = await db.billingConsent.findMany({ where: { userId: user.id }, orderBy: { agreedAt: "asc" } });
    expect(both).toHaveLength(2);
    expect(both[1]!.text).toContain("이번 달 결제는 이미 끝나서 다음 달 21일부터 결제해요.");
    expect(await db.order.count({ where: { userId: user.id } })).toBe(1);
  });
});

describe("the notice of a declined card", () => {
  it("stops the plan, tells the buyer on the account page and by e-mail, once, and grants nothing", async () => {
    const { user, cardId } = await userWithCard();
    const card = await db.billingCard.findUniqueOrThrow({ where: { id: cardId } });
    await consoleApi("POST", `/billing-keys/${encodeURIComponent(card.billingKey)}/next-charge`, { nextCharge: "REJECT_CARD_PAYMENT" });
    const { plan, first } = await startPlan(user.id, agreed(3));
    expect(first).toBe("declined");
    expect(await getBalance(user.id)).toBe(0);

    const notices = await unreadNotices(user.id);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: "PLAN_DECLINED", data: { code: "REJECT_CARD_PAYMENT", packName: "프로 팩", price: 3000 } });
    expect(await db.notice.count({ where: { dedupeKey: declinedKey(planChargeKey(plan, plan.agreedAt)) } })).toBe(1);
    const [mail] = await waitForMails(user.email!);
    expect(mail!.subject).toContain("정기 충전 결제가 거절되었어요");
    expect(mail!.text).toContain(plan.failureMessage!);

    // Another user cannot dismiss it; its owner can, once.
    const stranger = await createUser();
    expect(await dismissNotice(stranger.id, notices[0]!.id)).toBe(false);
    expect(await dismissNotice(user.id, notices[0]!.id)).toBe(true);
    expect(await dismissNotice(user.id, notices[0]!.id)).toBe(false);
    expect(await unreadNotices(user.id)).toEqual([]);
  });

  it("turns the top-up off and tells the buyer, once, however many spends ask at once", async () => {
    const { user, cardId } = await userWithCard();
    const card = await db.billingCard.findUniqueOrThrow({ where: { id: cardId } });
    await startTopUp(user.id, { productCode: "PRO_PACK", thresholdCredits: 2, agreementVersion: BILLING_AGREEMENT_VERSION });
    await consoleApi("POST", `/billing-keys/${encodeURIComponent(card.billingKey)}/next-charge`, { nextCharge: "INVALID_CARD_EXPIRATION" });
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => topUpIfBelow(user.id)));
    expect(outcomes).toContain("declined");
    expect(await db.autoTopUp.findUniqueOrThrow({ where: { userId: user.id } })).toMatchObject({ status: "DISABLED", failureCode: "INVALID_CARD_EXPIRATION" });
    const notices = await db.notice.findMany({ where: { userId: user.id } });
    expect(notices.map((n) => n.kind)).toEqual(["TOP_UP_DECLINED"]);
    const mails = await waitForMails(user.email!);
    expect(mails[0]!.subject).toContain("자동충전 결제가 거절되었어요");
    expect(await getBalance(user.id)).toBe(0);
    expect(await db.billingConsent.count({ where: { userId: user.id, scope: "TOP_UP" } })).toBe(1);
  });
});

describe("the notices' outbox", () => {
  async function pendingNotice(email: string) {
    const user = await createUser(email);
    return db.notice.create({
      data: {
        userId: user.id,
        kind: "PLAN_DECLINED",
        dedupeKey: `test:${randomUUID()}`,
        data: { packName: "프로 팩", price: 3000, code: "REJECT_CARD_PAYMENT", reason: "카드 결제가 거절되었어요." },
        emailStatus: "PENDING",
      },
    });
  }

  it("keeps a notice the mail server refused for another try, and gives up after the last", async () => {
    const notice = await pendingNotice(`someone-${randomUUID().slice(0, 8)}@${REFUSING_DOMAIN}`);
    await deliverNotices({ ids: [notice.id] });
    const after = await db.notice.findUniqueOrThrow({ where: { id: notice.id } });
    expect(after).toMatchObject({ emailStatus: "PENDING", emailSentAt: null });
    expect(after.emailAttempts).toBeGreaterThanOrEqual(1);
    expect(after.emailError).toMatch(/550/);
    // Claimed by that try: another sender leaves it until the claim lapses.
    expect(await deliverNotices({ ids: [notice.id] })).toEqual({ sent: 0, failed: 0, retry: 0 });

    await db.notice.update({ where: { id: notice.id }, data: { emailClaimedAt: null, emailAttempts: MAX_ATTEMPTS - 1 } });
    await deliverNotices({ ids: [notice.id] });
    expect(await db.notice.findUniqueOrThrow({ where: { id: notice.id } })).toMatchObject({ emailStatus: "FAILED", emailAttempts: MAX_ATTEMPTS });
  });

  it("keeps a notice for another try when the mail server cannot be reached, and sends it once it can", async () => {
    const email = uniqueEmail("outbox");
    const notice = await pendingNotice(email);
    const closed = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const report = await deliverNotices({ ids: [notice.id], config: { smtpUrl: `smtp://127.0.0.1:${closed}`, from: "x <no-reply@example.com>" } });
    // Another file's cron run may have sent it first (its claim came before ours): then it is SENT.
    const after = await db.notice.findUniqueOrThrow({ where: { id: notice.id } });
    if (report.retry === 1) {
      expect(after).toMatchObject({ emailStatus: "PENDING" });
      expect(after.emailError).toMatch(/ECONNREFUSED|connect/i);
      await db.notice.update({ where: { id: notice.id }, data: { emailClaimedAt: null } });
      await deliverNotices({ ids: [notice.id] });
    }
    expect(await db.notice.findUniqueOrThrow({ where: { id: notice.id } })).toMatchObject({ emailStatus: "SENT" });
    expect(await waitForMails(email)).toHaveLength(1);
  });
});
