import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * A Date as a value for Prisma's `timestamp(3)` columns (UTC without a zone) in raw SQL, whatever the
 * database session's TimeZone.
 */
export const sqlTimestamp = (date: Date) => Prisma.sql`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
