// Vitest global setup: when vitest runs on its own (not from `npm test`, which prepares a fresh
// database first), make sure the test database exists and is migrated.
import { prepareDatabase } from "../../scripts/lib/prepare-database";
import { TEST_DATABASE, testEnv } from "../../scripts/lib/test-env";

export default async function setup() {
  if (process.env.TEST_DATABASE_READY === "1") return;
  const { cluster, url } = await prepareDatabase({
    configuredUrl: process.env.TEST_DATABASE_URL || undefined,
    embeddedDatabase: TEST_DATABASE,
    log: () => {},
  });
  // vitest.config.ts gave the tests the URL of the port this checkout's cluster last used; it moves only
  // when another program took that port meanwhile.
  if (cluster && url !== testEnv().DATABASE_URL) {
    await cluster.stop();
    throw new Error(`The embedded PostgreSQL moved to port ${cluster.port} (its old port is taken): run vitest again.`);
  }
  return async () => {
    await cluster?.stop();
  };
}
