// lib/sql.ts runs the payment path's statements on Prisma's pool without Prisma's engine: what it
// returns must be what `db.$queryRaw` returns, whatever the process's time zone, and its errors must be
// read as Prisma's are (a unique violation, a database that is away).
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { db, Prisma } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { isDatabaseUnavailable } from "@/lib/db-unavailable";
import { preparesStatements, queryRows, statementName } from "@/lib/sql";
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

describe("prepared statements", () => {
  it("a statement is prepared on its connection (named), not parsed and planned on every run", async () => {
    const marker = `prepared-probe-${randomUUID()}`;
    // pg_prepared_statements lists the session's named statements only: a statement that looks for its
    // own text finds itself when it was sent named.
    const statement = Prisma.sql`SELECT count(*)::int AS "n" /* ${Prisma.raw(marker)} */ FROM pg_prepared_statements WHERE statement LIKE ${`%/* ${marker} */%`}`;
    expect(await queryRows(statement)).toEqual([{ n: 1 }]);
    expect(await queryRows(statement)).toEqual([{ n: 1 }]);
    const names = await queryRows<{ name: string }>(Prisma.sql`SELECT name FROM pg_prepared_statements WHERE statement LIKE ${`%/* ${marker} */%`}`);
    expect(names.map((r) => r.name)).toContain(statementName(statement.text));
  });

  it("one name per text: two texts never share one, one text always gets the same", () => {
    const a = Prisma.sql`SELECT ${1}::int AS "a"`;
    const b = Prisma.sql`SELECT ${1}::int AS "b"`;
    expect(statementName(a.text)).toBe(statementName(Prisma.sql`SELECT ${2}::int AS "a"`.text));
    expect(statementName(a.text)).not.toBe(statementName(b.text));
    expect(statementName(a.text)).toMatch(/^q_[0-9a-f]{24}$/);
  });

  it("a migration that changes a table's columns under a prepared SELECT * does not fail the next run", async () => {
    const table = `zz_sql_probe_${randomUUID().replaceAll("-", "")}`;
    await db.$executeRawUnsafe(`CREATE TABLE "${table}" (id int PRIMARY KEY, v text)`);
    try {
      await db.$executeRawUnsafe(`INSERT INTO "${table}" VALUES (1, 'a')`);
      const statement = Prisma.sql`SELECT * FROM ${Prisma.raw(`"${table}"`)} WHERE id = ${1}`;
      expect(await queryRows(statement)).toEqual([{ id: 1, v: "a" }]);
      expect(await queryRows(statement)).toEqual([{ id: 1, v: "a" }]);
      // PostgreSQL now refuses the prepared plan ("cached plan must not change result type"): nothing
      // ran, and the statement is sent once more unnamed.
      await db.$executeRawUnsafe(`ALTER TABLE "${table}" ADD COLUMN extra int NOT NULL DEFAULT 7`);
      expect(await queryRows(statement)).toEqual([{ id: 1, v: "a", extra: 7 }]);
      expect(await queryRows(statement)).toEqual([{ id: 1, v: "a", extra: 7 }]);
    } finally {
      await db.$executeRawUnsafe(`DROP TABLE IF EXISTS "${table}"`);
    }
  });

  it("pgbouncer=true in the database URL (a pooler that cannot keep them) turns them off", () => {
    expect(preparesStatements("postgresql://u:p@127.0.0.1:5432/db")).toBe(true);
    expect(preparesStatements("postgresql://u:p@pooler.example.com:6543/db?pgbouncer=true")).toBe(false);
    expect(preparesStatements("postgresql://u:p@pooler.example.com:6543/db?sslmode=require&pgbouncer=true")).toBe(false);
    expect(preparesStatements("postgresql://u:p@pooler.example.com:6543/db?pgbouncer=false")).toBe(true);
  });
});
