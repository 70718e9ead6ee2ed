// Run by tests/integration/pool.test.ts in a process of its own, with a DATABASE_URL whose server drops
// every session idle for half a second (options=-c idle_session_timeout=500), as a pooler or a NAT drops
// an idle connection: lib/pool.ts's pool opens three connections, leaves them idle until the server has
// dropped them all, then asks once more, and prints the answer as one JSON line.
// PROBE_WITHOUT_LISTENER=1 first removes the pool's "error" listener: the pool as it was before.
const { pool } = await import("../../lib/pool");
if (process.env.PROBE_WITHOUT_LISTENER === "1") pool.removeAllListeners("error");

const clients = await Promise.all([0, 1, 2].map(() => pool.connect()));
for (const client of clients) client.release();
const deadline = Date.now() + 10_000;
while (pool.totalCount > 0) {
  if (Date.now() > deadline) throw new Error(`the server dropped none of ${pool.totalCount} idle connections in 10 s`);
  await new Promise((resolve) => setTimeout(resolve, 20));
}
const { rows } = await pool.query<{ n: number }>("SELECT 41 + 1 AS n");
await pool.end();
console.log(JSON.stringify({ result: { answer: rows[0]?.n } }));
