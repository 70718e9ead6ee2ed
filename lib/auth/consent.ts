import "server-only";
// Agreement to the terms and the privacy policy (KOREA.md, "Consent"): two required items, each with its
// link, asked at sign-up and, for anyone who has not agreed to the current versions (an OAuth first
// sign-in, an account made from a shell, a new version), once on /consent before anything that needs
// an account. The user row carries the versions last agreed to (read with the user, no extra query);
// UserConsent keeps every agreement as given.
import { Prisma } from "@/lib/db";
import { CURRENT_PRIVACY, CURRENT_TERMS } from "@/lib/legal/documents";
import { queryRows } from "@/lib/sql";

export type ConsentSource = "SIGN_UP" | "CONSENT_PAGE";

export interface ConsentState {
  termsVersion: string | null;
  privacyVersion: string | null;
}

/** Whether the user agreed to the versions in force now. */
export function hasCurrentConsent(user: ConsentState): boolean {
  return user.termsVersion === CURRENT_TERMS.version && user.privacyVersion === CURRENT_PRIVACY.version;
}

/**
 * Records an agreement to the current versions, in one statement: the agreement (once per user and
 * versions: a second submit changes nothing) and the user's current versions. False when there is no
 * such user.
 */
export async function recordConsent(userId: string, source: ConsentSource): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(Prisma.sql`
    WITH "agreed" AS (
      INSERT INTO "UserConsent" ("id", "userId", "termsVersion", "privacyVersion", "source", "agreedAt")
      SELECT gen_random_uuid()::text, u."id", ${CURRENT_TERMS.version}, ${CURRENT_PRIVACY.version}, ${source}, now() AT TIME ZONE 'UTC'
      FROM "User" u WHERE u."id" = ${userId}
      ON CONFLICT ("userId", "termsVersion", "privacyVersion") DO NOTHING
    )
    UPDATE "User" SET "termsVersion" = ${CURRENT_TERMS.version}, "privacyVersion" = ${CURRENT_PRIVACY.version},
      "consentedAt" = COALESCE(CASE WHEN "termsVersion" = ${CURRENT_TERMS.version} AND "privacyVersion" = ${CURRENT_PRIVACY.version} THEN "consentedAt" END, now() AT TIME ZONE 'UTC'),
      "updatedAt" = now() AT TIME ZONE 'UTC'
    WHERE "id" = ${userId}
    RETURNING "id"`);
  return rows.length === 1;
}
