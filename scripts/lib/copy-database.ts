// A copy of a database on the same PostgreSQL server (CREATE DATABASE … TEMPLATE): the test stations'
// databases are copies of the freshly migrated and seeded test database, made in a fraction of the
// time a migration takes.
import pg from "pg";

const SOURCE_IN_USE = "55006";

/** Drops `target` and copies `sourceUrl`'s database into it; answers the copy's URL. */
export async function copyDatabase(sourceUrl: string, target: string): Promise<string> {
  const source = new URL(sourceUrl);
  const admin = new URL(sourceUrl);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const from = client.escapeIdentifier(decodeURIComponent(source.pathname.slice(1)));
    const to = client.escapeIdentifier(target);
    await client.query(`drop database if exists ${to} with (force)`);
    // The source must have no session open: the pool that migrated it may still be closing its own.
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`create database ${to} template ${from}`);
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== SOURCE_IN_USE || attempt >= 40) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  } finally {
    await client.end();
  }
  const copy = new URL(sourceUrl);
  copy.pathname = `/${target}`;
  return copy.toString();
}
