// Vitest global setup: when vitest runs on its own (not from `npm test`, which prepares a fresh
// database and the stations' copies first), make sure the test databases exist and are migrated.
import { prepareDatabase } from "../../scripts/lib/prepare-database";
import { STATIONS, stationDatabaseUrl, TEST_DATABASE, testEnv, type Station } from "../../scripts/lib/test-env";

export default async function setup() {
  if (process.env.TEST_DATABASE_READY === "1") return;
  const configuredUrl = process.env.TEST_DATABASE_URL || undefined;
  const { cluster, url } = await prepareDatabase({ configuredUrl, embeddedDatabase: TEST_DATABASE, log: () => {} });
  // vitest.config.ts gave the tests the URL of the port this checkout's cluster last used; it moves only
  // when another program took that port meanwhile.
  if (cluster && url !== testEnv().DATABASE_URL) {
    await cluster.stop();
    throw new Error(`The embedded PostgreSQL moved to port ${cluster.port} (its old port is taken): run vitest again.`);
  }
  // The stations' databases (scripts/lib/test-env.ts), migrated as the main one is.
  for (const station of Object.keys(STATIONS) as Station[]) {
    const stationUrl = configuredUrl ? stationDatabaseUrl(configuredUrl, station) : undefined;
    const extra = await prepareDatabase({ configuredUrl: stationUrl, embeddedDatabase: STATIONS[station].database, log: () => {} });
    if (extra.cluster !== cluster) await extra.cluster?.stop();
  }
  return async () => {
    await cluster?.stop();
  };
}
