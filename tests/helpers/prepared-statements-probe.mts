// Run by tests/integration/pgbouncer.test.ts in a process of its own, with DATABASE_URL pointing at a
// PgBouncer: ten workers run lib/sql.ts statements at once (more client connections than the pooler has
// server sessions, so they move between sessions), and it prints what came back as one JSON line.
const { queryRows } = await import("../../lib/sql");
const { Prisma, pool } = await import("../../lib/db");

let ok = 0;
const errors: string[] = [];
await Promise.all(
  Array.from({ length: 10 }, async () => {
    for (let i = 0; i < 40; i++) {
      const statements = [
        Prisma.sql`SELECT ${i}::int AS "n"`,
        Prisma.sql`SELECT ${i}::int + 0 AS "n"`,
        Prisma.sql`SELECT count(*)::int * 0 + ${i}::int AS "n" FROM "Order"`,
        Prisma.sql`SELECT ${i}::int AS "n", pg_sleep(0.001)::text AS "slept"`,
      ];
      try {
        const rows = await queryRows<{ n: number }>(statements[i % statements.length]!);
        if (rows[0]?.n === i) ok++;
        else errors.push(`wrong answer ${JSON.stringify(rows)}`);
      } catch (error) {
        errors.push(error instanceof Error ? error.message : String(error));
      }
    }
  }),
);
await pool.end();
console.log(JSON.stringify({ result: { ok, errors } }));
