// Prisma's own schema engine, as WebAssembly, so migrations work where Prisma's native engine
// cannot be downloaded. Same prisma/migrations folder and _prisma_migrations table as
// `prisma migrate deploy`, so both tools can be used on one database.
import { randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type {
  MigrationList,
  SchemaEngine,
  SchemaFilter,
} from "@prisma/schema-engine-wasm";

// fileURLToPath, not import.meta.dirname (Node 20.11+): works on every Node.
export const ROOT = path.resolve(fileURLToPath(new URL(".", import.meta.url)), "../..");
export const SCHEMA_PATH = path.join(ROOT, "prisma/schema.prisma");
export const MIGRATIONS_DIR = path.join(ROOT, "prisma/migrations");

const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

type EngineModule = typeof import("@prisma/schema-engine-wasm");
let enginePromise: Promise<EngineModule> | undefined;

// The package imports its .wasm as an ES module, which Node 20 only allows behind a flag.
// Instantiate it by hand instead, wiring the same imports the ES module integration would.
async function loadEngineModule(): Promise<EngineModule> {
  const require = createRequire(import.meta.url);
  const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bg = await import(pathToFileURL(bgPath).href);
  const bytes = await readFile(bgPath.replace(/\.js$/, ".wasm"));
  // The engine arms 10-second timers it never clears; unref them, or every command waits them out.
  const imports: Record<string, unknown> = { ...bg };
  for (const name of Object.keys(imports).filter((n) => n.startsWith("__wbg_setTimeout_"))) {
    imports[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
  }
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": imports as WebAssembly.ModuleImports });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bg as EngineModule;
}

async function schemaFiles(content?: string) {
  return [{ path: SCHEMA_PATH, content: content ?? (await readFile(SCHEMA_PATH, "utf8")) }];
}

// PostgreSQL's catalog has columns of the one-byte type "char" (OID 18), which the pg driver adapter
// does not map, and the schema engine reads them as characters when it describes a database. The
// pg client below hands them to the adapter as text under a marked name; the adapter wrapper
// (withCharColumns) then unmarks the name and reports the column as a character.
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
const CHAR_MARK = "\u0000char";
const CHARACTER_COLUMN_TYPE = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils

function markCharColumns(res: pg.QueryResult | undefined) {
  for (const field of res?.fields ?? []) {
    if (field.dataTypeID === PG_CHAR_OID) {
      field.dataTypeID = PG_TEXT_OID;
      field.name += CHAR_MARK;
    }
  }
  return res;
}

class CatalogFriendlyClient extends pg.Client {
  // pg.Pool calls query with a callback; the adapter's transactions await a promise: patch both.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const last = args.length - 1;
    if (typeof args[last] === "function") {
      const callback = args[last];
      args[last] = (error: Error, res: pg.QueryResult) => callback(error, markCharColumns(res));
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const result = (super.query as any)(...args);
    return result && typeof result.then === "function" ? result.then(markCharColumns) : result;
  }
}

interface ResultSetLike {
  columnNames: string[];
  columnTypes: number[];
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function withCharColumns<T extends { queryRaw: (...a: any[]) => Promise<any> }>(queryable: T): T {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (...args) => {
    const set: ResultSetLike = await queryRaw(...args);
    set.columnNames.forEach((name, i) => {
      if (name.endsWith(CHAR_MARK)) {
        set.columnNames[i] = name.slice(0, -CHAR_MARK.length);
        set.columnTypes[i] = CHARACTER_COLUMN_TYPE;
      }
    });
    return set;
  };
  const q = queryable as T & { startTransaction?: (...a: unknown[]) => Promise<T> };
  if (q.startTransaction) {
    const start = q.startTransaction.bind(q);
    q.startTransaction = async (...args) => withCharColumns(await start(...args));
  }
  return queryable;
}

/**
 * Discrete connection fields rather than a connection string: the adapter opens the shadow
 * database as {...config, database}, and pg lets a connection string override that database.
 */
function poolConfig(databaseUrl: string): pg.PoolConfig {
  const url = new URL(databaseUrl);
  const sslmode = url.searchParams.get("sslmode");
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.slice(1)),
    ssl: sslmode && sslmode !== "disable" ? { rejectUnauthorized: sslmode === "verify-full" } : undefined,
    Client: CatalogFriendlyClient,
    // The engine never closes its pool: idle connections go at once rather than after pg's 10 s, so
    // that the migrated database can be copied (CREATE DATABASE … TEMPLATE waits for its sessions).
    idleTimeoutMillis: 100,
  };
}

/**
 * PrismaPg, with a shadow database (for diffs that replay the migrations) that is dropped only
 * after its pool has closed: the adapter's own drops it first, which PostgreSQL refuses.
 */
function migrationAdapterFactory(config: pg.PoolConfig) {
  const main = new PrismaPg(config);
  return {
    adapterName: main.adapterName,
    provider: "postgres" as const,
    connect: async () => withCharColumns(await main.connect()),
    connectToShadowDb: async () => {
      const name = `prisma_migrate_shadow_db_${randomUUID()}`;
      const admin = new pg.Client(config);
      await admin.connect();
      await admin.query(`CREATE DATABASE "${name}"`).finally(() => admin.end());
      const shadow = withCharColumns(await new PrismaPg({ ...config, database: name }).connect());
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        const dropper = new pg.Client(config);
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => dropper.end());
      };
      return shadow;
    },
  };
}

export async function openEngine(databaseUrl: string): Promise<SchemaEngine> {
  enginePromise ??= loadEngineModule();
  const { SchemaEngine } = await enginePromise;
  const files = await schemaFiles();
  const adapter = bindMigrationAwareSqlAdapterFactory(migrationAdapterFactory(poolConfig(databaseUrl)));
  const log = (message: string) => {
    if (process.env.DEBUG_SCHEMA_ENGINE) console.error("[schema-engine]", message);
  };
  return SchemaEngine.new({ datamodels: files.map((f) => [f.path, f.content]) }, log, adapter);
}

export async function listMigrations(): Promise<MigrationList> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true }).catch(() => []);
  const dirs = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: "migration_lock.toml", content: await readFile(lockPath, "utf8").catch(() => null) },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      dirs.map(async (name) => {
        const file = path.join(MIGRATIONS_DIR, name, "migration.sql");
        const content = await readFile(file, "utf8").then(
          (value) => ({ tag: "ok" as const, value }),
          (error: Error) => ({ tag: "error" as const, value: error.message }),
        );
        return { path: name, migrationFile: { path: "migration.sql", content } };
      }),
    ),
  };
}

/** Applies every migration not yet recorded in _prisma_migrations. Returns the names applied. */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const engine = await openEngine(databaseUrl);
  try {
    const out = await engine.applyMigrations({ migrationsList: await listMigrations(), filters: NO_FILTER });
    return out.appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/**
 * The SQL that would bring a database built from the migrations folder up to schema.prisma;
 * empty when they agree. Replays the migrations in a throwaway shadow database.
 */
export async function diffMigrationsToSchema(databaseUrl: string, schemaText?: string): Promise<string> {
  const engine = await openEngine(databaseUrl);
  try {
    const result = await engine.diff({
      from: { tag: "migrations", ...(await listMigrations()) },
      to: { tag: "schemaDatamodel", files: await schemaFiles(schemaText) },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    return (result.stdout ?? "").trim();
  } finally {
    engine.free();
  }
}

const EMPTY_DIFF = /^-- This is an empty migration\.?$/;

export function isEmptyDiff(sql: string): boolean {
  return sql === "" || EMPTY_DIFF.test(sql);
}
