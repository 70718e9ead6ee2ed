// The lot migration (prisma/migrations/20261204094004_credit_lots) on a database with history: every
// migration before it applied to a database of this file's own, a ledger written the old way (grants,
// spends, reversals, operators' adjustments, a balance taken below zero by a cancel of spent credits),
// then the migration. Balances stay what they were, to the credit, and each lot keeps what first-in,
// first-out leaves it.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR } from "../../../scripts/lib/schema-engine";

const DATABASE = `credit_checkout_test_lot_migration_${process.pid}`;
const LOTS_MIGRATION = "20261204094004_credit_lots";

function urlOf(database: string): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer(sql: string) {
  const client = new pg.Client({ connectionString: urlOf("postgres") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe(`the lot migration (${LOTS_MIGRATION})`, () => {
  let client: pg.Client;

  beforeAll(async () => {
    await onServer(`drop database if exists "${DATABASE}" with (force)`);
    await onServer(`create database "${DATABASE}"`);
    client = new pg.Client({ connectionString: urlOf(DATABASE) });
    await client.connect();
    const names = (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    expect(names).toContain(LOTS_MIGRATION);
    for (const name of names.filter((n) => n < LOTS_MIGRATION)) {
      await client.query(await readFile(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8"));
    }
  });
  afterAll(async () => {
    await client?.end();
    await onServer(`drop database if exists "${DATABASE}" with (force)`);
  });

  it("turns balances into lots, to the credit, first in first out, and names each grant's lot", async () => {
    const q = (sql: string, values: unknown[] = []) => client.query(sql, values);
    await q(`INSERT INTO "Product" ("code", "name", "credits", "price", "updatedAt") VALUES
             ('PRO_PACK', '프로 팩', 3, 3000, now()), ('PREMIUM_PACK', '프리미엄 팩', 5, 5000, now())`);
    const at = (day: number) => `2026-11-${String(day).padStart(2, "0")} 03:00:00`;
    const user = async (id: string) => q(`INSERT INTO "User" ("id", "customerKey", "updatedAt") VALUES ($1, $2, now())`, [id, `ck_${id}`]);
    const order = async (id: string, userId: string, code: "PRO_PACK" | "PREMIUM_PACK", day: number) =>
      q(
        `INSERT INTO "Order" ("id", "orderId", "userId", "productCode", "orderName", "amount", "credits", "status", "createdAt", "updatedAt")
         VALUES ($1, $1 || '_public', $2, $3, $4, $5, $6, 'PAID', $7, $7)`,
        [id, userId, code, code === "PRO_PACK" ? "프로 팩" : "프리미엄 팩", code === "PRO_PACK" ? 3000 : 5000, code === "PRO_PACK" ? 3 : 5, at(day)],
      );
    let n = 0;
    const entry = async (userId: string, kind: string, amount: number, day: number, orderId: string | null = null) =>
      q(`INSERT INTO "CreditLedger" ("id", "userId", "orderId", "kind", "amount", "reason", "createdAt") VALUES ($1, $2, $3, $4::"CreditEntryKind", $5, $6, $7)`, [
        `e_${userId}_${++n}`,
        userId,
        orderId,
        kind,
        amount,
        `${kind} ${amount}`,
        at(day),
      ]);
    const balance = async (userId: string, value: number) =>
      q(`INSERT INTO "CreditBalance" ("userId", "balance", "updatedAt") VALUES ($1, $2, now())`, [userId, value]);

    // a: PRO then PREMIUM, 3 spent: under FIFO the PRO pack is used up and PREMIUM untouched.
    await user("a");
    await order("a_pro", "a", "PRO_PACK", 1);
    await order("a_premium", "a", "PREMIUM_PACK", 2);
    await entry("a", "GRANT", 3, 1, "a_pro");
    await entry("a", "GRANT", 5, 2, "a_premium");
    await entry("a", "SPEND", -1, 3);
    await entry("a", "SPEND", -2, 4);
    await balance("a", 5);
    // b: PRO, 1 spent, then a partial cancel took 1 back from that order: its own lot gives the 1,
    // FIFO the spend: 1 left.
    await user("b");
    await order("b_pro", "b", "PRO_PACK", 1);
    await entry("b", "GRANT", 3, 1, "b_pro");
    await entry("b", "SPEND", -1, 2);
    await entry("b", "REVERSAL", -1, 3, "b_pro");
    await balance("b", 1);
    // c: PRO, all 3 spent, then the whole payment canceled: balance -3, which lots cannot hold.
    await user("c");
    await order("c_pro", "c", "PRO_PACK", 1);
    await entry("c", "GRANT", 3, 1, "c_pro");
    await entry("c", "SPEND", -3, 2);
    await entry("c", "REVERSAL", -3, 3, "c_pro");
    await balance("c", -3);
    // d: an operator's +2, a PREMIUM later, a − adjustment and a spend: FIFO takes the older +2 first.
    await user("d");
    await order("d_premium", "d", "PREMIUM_PACK", 5);
    await entry("d", "ADJUSTMENT", 2, 1, "d_premium");
    await entry("d", "GRANT", 5, 5, "d_premium");
    await entry("d", "ADJUSTMENT", -1, 6, "d_premium");
    await entry("d", "SPEND", -2, 7);
    await balance("d", 4);
    // e: never bought anything.
    await user("e");

    await client.query(await readFile(path.join(MIGRATIONS_DIR, LOTS_MIGRATION, "migration.sql"), "utf8"));

    const lots = (
      await q(`SELECT "userId", "source", "orderId", "amount", "remaining", "consumedBeforeLots", "priority",
                      to_char("expiresAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS "expiresAt"
               FROM "CreditLot" ORDER BY "userId", "createdAt", "id"`)
    ).rows;
    expect(lots).toEqual([
      { userId: "a", source: "ORDER", orderId: "a_pro", amount: 3, remaining: 0, consumedBeforeLots: 3, priority: 1, expiresAt: "2031-11-01 03:00" },
      { userId: "a", source: "ORDER", orderId: "a_premium", amount: 5, remaining: 5, consumedBeforeLots: 0, priority: 1, expiresAt: "2031-11-02 03:00" },
      { userId: "b", source: "ORDER", orderId: "b_pro", amount: 3, remaining: 1, consumedBeforeLots: 2, priority: 1, expiresAt: "2031-11-01 03:00" },
      { userId: "c", source: "ORDER", orderId: "c_pro", amount: 3, remaining: 0, consumedBeforeLots: 3, priority: 1, expiresAt: "2031-11-01 03:00" },
      { userId: "d", source: "ADJUSTMENT", orderId: null, amount: 2, remaining: 0, consumedBeforeLots: 2, priority: 1, expiresAt: "2031-11-01 03:00" },
      { userId: "d", source: "ORDER", orderId: "d_premium", amount: 5, remaining: 4, consumedBeforeLots: 1, priority: 1, expiresAt: "2031-11-05 03:00" },
    ]);

    // Balances unchanged to the credit (c's −3 excepted: lots cannot go below zero, and one ADJUSTMENT
    // of +3 says so in c's ledger), and every user's ledger sums to their lots.
    const sums = (
      await q(`SELECT u."id",
                      COALESCE((SELECT SUM("remaining") FROM "CreditLot" l WHERE l."userId" = u."id"), 0)::int AS "lots",
                      COALESCE((SELECT SUM("amount") FROM "CreditLedger" e WHERE e."userId" = u."id"), 0)::int AS "ledger",
                      COALESCE((SELECT "balance" FROM "CreditBalance" b WHERE b."userId" = u."id"), 0)::int AS "before"
               FROM "User" u ORDER BY u."id"`)
    ).rows;
    expect(sums).toEqual([
      { id: "a", lots: 5, ledger: 5, before: 5 },
      { id: "b", lots: 1, ledger: 1, before: 1 },
      { id: "c", lots: 0, ledger: 0, before: -3 },
      { id: "d", lots: 4, ledger: 4, before: 4 },
      { id: "e", lots: 0, ledger: 0, before: 0 },
    ]);
    const fix = (await q(`SELECT "kind", "amount", "reason", "lotId" FROM "CreditLedger" WHERE "userId" = 'c' AND "reason" LIKE '크레딧 묶음 전환%'`)).rows;
    expect(fix).toEqual([{ kind: "ADJUSTMENT", amount: 3, reason: "크레딧 묶음 전환: 마이너스 잔액 정리 (-3)", lotId: null }]);

    // Each grant (and + adjustment) names its lot; spends written before lots name none.
    const named = (await q(`SELECT DISTINCT "kind"::text || (CASE WHEN "amount" > 0 THEN ' +' ELSE ' -' END) || (CASE WHEN "lotId" IS NULL THEN '' ELSE ' lot' END) AS "row" FROM "CreditLedger"`)).rows;
    expect(named.map((r) => r.row).sort()).toEqual(["ADJUSTMENT +", "ADJUSTMENT + lot", "ADJUSTMENT -", "GRANT + lot", "REVERSAL -", "SPEND -"]);
  });
});
