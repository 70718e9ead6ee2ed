// Sign-in attempts counted per e-mail and per client address, before any password is checked: a
// registered e-mail and an unknown one are counted and refused alike; a success takes its attempt back.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { bucketKey } from "@/lib/rate-limit/bucket-key";
import { countSignInAttempt, forgiveSignInAttempt } from "@/lib/rate-limit/sign-in-attempts";
import { RATE_LIMITS } from "@/lib/rate-limit/limits";
import { createUser, uniqueEmail } from "../../helpers/factories";

/** An address of its own per use (any string is a bucket here): other tests never share it. */
const freshAddress = () => `test-address-${randomUUID()}`;

describe("countSignInAttempt", () => {
  it(`refuses the ${RATE_LIMITS.signInPerEmail.limit + 1}th attempt on an e-mail, registered or not, in the same way`, async () => {
    const t0 = new Date("2030-03-01T00:00:00Z");
    const known = (await createUser(uniqueEmail("known"))).email!;
    const unknown = uniqueEmail("unknown");

    const run = async (email: string) => {
      const address = freshAddress();
      const verdicts = [];
      for (let i = 0; i <= RATE_LIMITS.signInPerEmail.limit; i++) {
        const { allowed, retryAfterSeconds } = await countSignInAttempt({ email, address }, new Date(t0.getTime() + i * 1000));
        verdicts.push({ allowed, retryAfterSeconds });
      }
      return verdicts;
    };
    const [forKnown, forUnknown] = [await run(known), await run(unknown)];
    expect(forKnown).toEqual(forUnknown);
    expect(forKnown.map((v) => v.allowed)).toEqual([...Array(RATE_LIMITS.signInPerEmail.limit).fill(true), false]);
    expect(forKnown.at(-1)!.retryAfterSeconds).toBe(RATE_LIMITS.signInPerEmail.windowSeconds - RATE_LIMITS.signInPerEmail.limit);
  });

  it("counts the e-mail as the Credentials check reads it: trimmed, any case", async () => {
    const email = uniqueEmail("case");
    const t0 = new Date("2030-03-02T00:00:00Z");
    const variants = [email, email.toUpperCase(), `  ${email} `];
    for (let i = 0; i < RATE_LIMITS.signInPerEmail.limit; i++) {
      expect((await countSignInAttempt({ email: variants[i % 3]!, address: freshAddress() }, t0)).allowed).toBe(true);
    }
    expect((await countSignInAttempt({ email: ` ${email.toUpperCase()}`, address: freshAddress() }, t0)).allowed).toBe(false);
  });

  it(`refuses an address after ${RATE_LIMITS.signInPerIp.limit} attempts across many e-mails`, async () => {
    const address = freshAddress();
    const t0 = new Date("2030-03-03T00:00:00Z");
    for (let i = 0; i < RATE_LIMITS.signInPerIp.limit; i++) {
      expect((await countSignInAttempt({ email: uniqueEmail("spray"), address }, t0)).allowed).toBe(true);
    }
    expect((await countSignInAttempt({ email: uniqueEmail("spray"), address }, t0)).allowed).toBe(false);
    // Another address is unaffected.
    expect((await countSignInAttempt({ email: uniqueEmail("spray"), address: freshAddress() }, t0)).allowed).toBe(true);
  });
});

describe("forgiveSignInAttempt", () => {
  it("forgets the e-mail's failures and takes one attempt off the address", async () => {
    const email = uniqueEmail("forgive");
    const address = freshAddress();
    for (let i = 0; i < 3; i++) await countSignInAttempt({ email, address });

    await forgiveSignInAttempt({ email: email.toUpperCase(), address });
    expect(await db.rateLimit.findUnique({ where: { key: bucketKey("sign-in:email", email) } })).toBeNull();
    expect((await db.rateLimit.findUniqueOrThrow({ where: { key: bucketKey("sign-in:ip", address) } })).hits).toBe(2);

    // Never below zero, and nothing to do for buckets that do not exist.
    for (let i = 0; i < 4; i++) await forgiveSignInAttempt({ email, address });
    expect((await db.rateLimit.findUniqueOrThrow({ where: { key: bucketKey("sign-in:ip", address) } })).hits).toBe(0);
    await expect(forgiveSignInAttempt({ email: uniqueEmail("never"), address: freshAddress() })).resolves.toBeUndefined();
  });
});
