// Vitest global setup: when vitest runs on its own (not from `npm test`, which prepares a fresh
// database first), make sure the test database exists and is migrated.
import { prepareDatabase } from "../../scripts/lib/prepare-database";
import { TEST_DATABASE } from "../../scripts/lib/test-env";

export default async function setup() {
  if (process.env.TEST_DATABASE_READY === "1") return;
  const { cluster } = await prepareDatabase({
    configuredUrl: process.env.TEST_DATABASE_URL || undefined,
    embeddedDatabase: TEST_DATABASE,
    log: () => {},
  });
  return async () => {
    await cluster?.stop();
  };
}
