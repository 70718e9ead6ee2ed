// lib/sql.ts runs the payment path's statements on Prisma's pool without Prisma's engine: what it
// returns must be what `db.$queryRaw` returns, whatever the process's time zone, and its errors must be
// read as Prisma's are (a unique violation, a database that is away).
import { afterEach, describe, expect, it } from "vitest";
import { db, Prisma } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { isDatabaseUnavailable } from "@/lib/db-unavailable";
import { queryRows } from "@/lib/sql";
import { sqlTimestamp } from "@/lib/sql-time";
import { createOrder, createUser } from "../helpers/factories";

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe("queryRows", () => {
  it.each(["UTC", "Asia/Seoul", "America/Los_Angeles"])("returns an order as db.$queryRaw does, in %s", async (tz) => {
    process.env.TZ = tz;
    const user = await createUser();
    const order = await createOrder(user.id);
    const at = new Date("2026-11-22T23:59:58.123Z");
    await db.order.update({ where: { id: order.id }, data: { confirmAttemptedAt: at } });
    const statement = Prisma.sql`SELECT *, ${3000}::int AS "n", ${true}::boolean AS "yes", jsonb_build_object('a', 1) AS "j" FROM "Order" WHERE "id" = ${order.id}`;
    const [ours] = await queryRows<Record<string, unknown>>(statement);
    const [prismas] = await db.$queryRaw<Record<string, unknown>[]>(statement);
    expect(ours).toEqual(prismas);
    expect(ours!.confirmAttemptedAt).toEqual(at);
    expect(ours!.createdAt).toBeInstanceOf(Date);
    expect(ours).toMatchObject({ n: 3000, yes: true, j: { a: 1 }, amount: order.amount });
  });

  it("sends a Date as its instant, never as local time", async () => {
    process.env.TZ = "Asia/Seoul";
    const at = new Date("2026-01-02T03:04:05.678Z");
    const [row] = await queryRows<{ utc: string; same: boolean }>(
      Prisma.sql`SELECT to_char(${at}::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS') AS "utc", ${sqlTimestamp(at)} = ${at.toISOString()}::timestamptz AT TIME ZONE 'UTC' AS "same"`,
    );
    expect(row).toEqual({ utc: "2026-01-02 03:04:05.678", same: true });
  });

  it("a unique violation is read as one, with its field", async () => {
    const user = await createUser();
    const a = await createOrder(user.id);
    const b = await createOrder(user.id);
    await db.order.update({ where: { id: a.id }, data: { paymentKey: `pk_${a.id}` } });
    const error = await queryRows(Prisma.sql`UPDATE "Order" SET "paymentKey" = ${`pk_${a.id}`} WHERE "id" = ${b.id} RETURNING "id"`).catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(error, "paymentKey")).toBe(true);
    expect(isUniqueViolation(error, "orderId")).toBe(false);
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("a statement that fails for another reason is not taken for a unique violation", async () => {
    const error = await queryRows(Prisma.sql`SELECT ${"x"}::int`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(isUniqueViolation(error)).toBe(false);
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
