// Agreement to the terms and privacy policy over HTTP (issue #21): a signed-in user who has not agreed
// to the versions in force (never, as after an OAuth first sign-in, or to an older version) is sent to
// /consent by every page that needs an account, and cannot place an order through the API; agreeing
// once, recorded in one statement, lets them on.
import { describe, expect, it } from "vitest";
import { hasCurrentConsent, recordConsent } from "@/lib/auth/consent";
import { db } from "@/lib/db";
import { CURRENT_PRIVACY, CURRENT_TERMS } from "@/lib/legal/documents";
import { createUser, uniqueEmail } from "../../helpers/factories";
import { signedInBuyer } from "../../helpers/http";

/** A signed-in user who agreed to nothing (`termsVersion` null) or to an older version. */
async function buyerWithout(versions: { termsVersion: string | null; privacyVersion: string | null }) {
  const email = uniqueEmail("consent");
  await createUser(email, { consented: false });
  await db.user.update({ where: { email }, data: versions });
  return signedInBuyer(email);
}

describe.each([
  ["who never agreed (an OAuth first sign-in)", { termsVersion: null, privacyVersion: null }, "약관 동의"],
  ["who agreed to an older version of the terms", { termsVersion: "2000-01-01", privacyVersion: CURRENT_PRIVACY.version }, "약관이 바뀌었어요"],
  ["who agreed to an older privacy policy", { termsVersion: CURRENT_TERMS.version, privacyVersion: "2000-01-01" }, "약관이 바뀌었어요"],
])("a user %s", (_, versions, heading) => {
  it("is sent to /consent by the pages that need an account, and back after agreeing", async () => {
    const buyer = await buyerWithout(versions);
    for (const path of ["/checkout?product=PRO_PACK", "/orders", "/account"]) {
      const page = await buyer.client.fetch(path);
      expect(page.status, path).toBe(307);
      expect(page.headers.get("location"), path).toBe(`/consent?callbackUrl=${encodeURIComponent(path)}`);
    }
    const consentPage = await buyer.client.fetch(`/consent?callbackUrl=${encodeURIComponent("/orders")}`);
    expect(consentPage.status).toBe(200);
    expect(await consentPage.text()).toContain(heading);

    expect(await recordConsent(buyer.userId, "CONSENT_PAGE")).toBe(true);
    expect((await buyer.client.fetch("/orders")).status).toBe(200);
    const done = await buyer.client.fetch(`/consent?callbackUrl=${encodeURIComponent("/orders")}`);
    expect([done.status, done.headers.get("location")]).toEqual([307, "/orders"]);
  });

  it("cannot place an order through the API until they agree: 403 CONSENT_REQUIRED, nothing created", async () => {
    const buyer = await buyerWithout(versions);
    const refused = await buyer.client.postJson("/api/orders", { product: "PRO_PACK" });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: "CONSENT_REQUIRED", message: expect.stringContaining("동의") } });
    expect(await db.order.count({ where: { userId: buyer.userId } })).toBe(0);

    await recordConsent(buyer.userId, "CONSENT_PAGE");
    expect((await buyer.client.postJson("/api/orders", { product: "PRO_PACK" })).status).toBe(201);
  });
});

describe("recordConsent", () => {
  it("records each agreement once, however often it is sent, and keeps the first time of agreeing", async () => {
    const user = await createUser(uniqueEmail("consent-race"), { consented: false });
    const results = await Promise.all(Array.from({ length: 8 }, () => recordConsent(user.id, "CONSENT_PAGE")));
    expect(results).toEqual(Array(8).fill(true));
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, include: { consents: true } });
    expect(hasCurrentConsent(row)).toBe(true);
    expect(row.consents).toHaveLength(1);
    expect(row.consents[0]).toMatchObject({ termsVersion: CURRENT_TERMS.version, privacyVersion: CURRENT_PRIVACY.version, source: "CONSENT_PAGE" });
    const firstAgreed = row.consentedAt!;
    await recordConsent(user.id, "CONSENT_PAGE");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).consentedAt).toEqual(firstAgreed);
  });

  it("keeps the earlier agreement when a new version is agreed to", async () => {
    const user = await createUser(uniqueEmail("consent-history"), { consented: false });
    await db.userConsent.create({ data: { userId: user.id, termsVersion: "2000-01-01", privacyVersion: "2000-01-01", source: "SIGN_UP" } });
    await db.user.update({ where: { id: user.id }, data: { termsVersion: "2000-01-01", privacyVersion: "2000-01-01", consentedAt: new Date(0) } });
    await recordConsent(user.id, "CONSENT_PAGE");
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, include: { consents: { orderBy: { agreedAt: "asc" } } } });
    expect(row.consents.map((c) => [c.termsVersion, c.source])).toEqual([
      ["2000-01-01", "SIGN_UP"],
      [CURRENT_TERMS.version, "CONSENT_PAGE"],
    ]);
    expect(row.consentedAt!.getTime()).toBeGreaterThan(0);
  });

  it("answers false for a user that does not exist, and records nothing", async () => {
    expect(await recordConsent("no-such-user", "CONSENT_PAGE")).toBe(false);
    expect(await db.userConsent.count({ where: { userId: "no-such-user" } })).toBe(0);
  });

  it("does not stand between a payment and its success page", async () => {
    const buyer = await buyerWithout({ termsVersion: "2000-01-01", privacyVersion: CURRENT_PRIVACY.version });
    const page = await buyer.client.fetch("/checkout/success?paymentKey=tgen_x&orderId=ord_missing_order_0001&amount=3000");
    expect(page.headers.get("location") ?? "").not.toContain("/consent");
  });
});
