// Reconciliation looks at every order of the database, the least recently reconciled first, 50 a run:
// a file that runs it while another does may find its own order just taken (and put at the back) by
// the other file's run. The files that reconcile take turns, one at a time, by a PostgreSQL advisory
// lock held for the whole file on a connection of its own; every other file runs beside them.
// (vitest's own way, a project without file parallelism, runs such files only after all the others:
// its chain ran alone at the end of `npm test`.)
import pg from "pg";
import { afterAll, beforeAll } from "vitest";

/** Any number, the same in every reconciling file. */
const RECONCILING_LOCK = 7_200_420;

export function oneReconcilingFileAtATime(): void {
  let client: pg.Client | undefined;
  beforeAll(async () => {
    client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query("SELECT pg_advisory_lock($1)", [RECONCILING_LOCK]);
  }, 300_000);
  afterAll(async () => {
    // Closing the session releases its lock.
    await client?.end();
  });
}
