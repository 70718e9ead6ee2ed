// npm run lockfile:platforms — give package-lock.json the native binaries of every platform.
//
// Why: npm writes a lockfile entry only for the optional dependencies it could resolve, and the registry these
// machines reach lacks many other platforms' tarballs (e.g. @next/swc-darwin-arm64@16.4.6), so a lockfile written
// here lists only Linux's. npm on a Mac or Windows then installs only what the lockfile lists (npm/cli#4828), and
// Next.js, Tailwind or ESLint cannot start there. This script adds, for every package in the lockfile, each
// platform-native optional dependency (one whose manifest has os/cpu/libc) that is missing, as npm would have
// written it: same location rules, flags and metadata, never `resolved` (.npmrc omits it). When the registry
// lacks the exact version, the entry takes its metadata from the nearest version and has no `integrity`; npm
// fetches and checks the tarball on the machine that installs it. Run it after every dependency change.
import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

type Entry = Record<string, unknown> & {
  version?: string;
  dev?: boolean;
  optionalDependencies?: Record<string, string>;
  os?: string[];
  cpu?: string[];
  libc?: string[];
};
type Manifest = Record<string, unknown> & {
  version: string;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  bundleDependencies?: string[] | boolean;
  bundledDependencies?: string[] | boolean;
  license?: string | { type: string };
  dist?: { integrity?: string };
};

const LOCKFILE = fileURLToPath(new URL("../package-lock.json", import.meta.url));
// The manifest fields npm copies into a lockfile entry (arborist's shrinkwrap.js, pkgMetaKeys).
const META_KEYS = ["dependencies", "peerDependencies", "peerDependenciesMeta", "optionalDependencies",
  "bundleDependencies", "funding", "engines", "os", "cpu", "libc", "license", "bin"];
const FLAGS = ["dev", "optional", "devOptional", "peer"];
const EXACT = /^\d+\.\d+\.\d+(-[\w.]+)?$/;

/** `npm view <spec> [field] --json`; undefined when the registry has no such package or version. */
async function view<T>(spec: string, field?: string): Promise<T | undefined> {
  try {
    const args = ["view", spec, ...(field ? [field] : []), "--json"];
    const { stdout } = await promisify(execFile)("npm", args, { maxBuffer: 256 << 20, shell: process.platform === "win32" });
    return stdout.trim() ? (JSON.parse(stdout) as T) : undefined;
  } catch (error) {
    if (String((error as { stdout?: string }).stdout).includes('"E404"')) return undefined;
    throw error;
  }
}

const release = (v: string) => v.split(/[-+]/)[0]!.split(".").map(Number);
const compare = (a: string, b: string) => release(a).reduce((d, n, i) => d || n - release(b)[i]!, 0);

/** The published version closest to `target`: the highest below it, else the lowest above it. */
function nearest(target: string, versions: string[]): string | undefined {
  const stable = versions.filter((v) => !v.includes("-"));
  const pool = target.includes("-") || !stable.length ? versions : stable; // npm sorts these by semver
  return pool.filter((v) => compare(v, target) <= 0).at(-1) ?? pool.find((v) => compare(v, target) > 0);
}

/** The version npm would pick for `spec`, and its manifest (or the nearest published one's). */
async function resolveManifest(name: string, spec: string) {
  const published = async () => [await view<string[] | string>(name, "versions") ?? []].flat(); // semver order
  let version = spec;
  if (!EXACT.test(spec)) {
    const matching = [await view<string[] | string>(`${name}@${spec}`, "version") ?? []].flat();
    version = (await published()).filter((v) => matching.includes(v)).at(-1) ?? spec.replace(/^[\^~=]/, "");
  }
  const exact = await view<Manifest>(`${name}@${version}`);
  if (exact) return { version, manifest: exact, exact: true };
  const other = nearest(version, await published());
  return { version, manifest: other ? await view<Manifest>(`${name}@${other}`) : undefined, exact: false };
}

function entryFor(version: string, m: Manifest, exact: boolean, flags: Entry): Entry {
  const bundled = m.bundleDependencies ?? m.bundledDependencies;
  const meta: Record<string, unknown> = {
    ...m,
    bundleDependencies: bundled === true ? Object.keys(m.dependencies ?? {}) : bundled,
    license: typeof m.license === "object" ? m.license.type : m.license,
  };
  const entry: Entry = { version, ...(exact && m.dist?.integrity ? { integrity: m.dist.integrity } : {}) };
  for (const key of META_KEYS) {
    const value = meta[key];
    if (value && (typeof value !== "object" || Object.keys(value).length)) entry[key] = value;
  }
  if (exact && m.deprecated) entry.deprecated = m.deprecated;
  if (["preinstall", "install", "postinstall"].some((s) => m.scripts?.[s]) || m.hasInstallScript) entry.hasInstallScript = true;
  for (const flag of FLAGS) if (flags[flag]) entry[flag] = true;
  return entry;
}

/** Node's lookup from a package's folder upwards, which is where npm places a dependency. */
function resolveLocation(packages: Record<string, Entry>, from: string, name: string): string | undefined {
  for (let dir = from; ; dir = dir.slice(0, Math.max(0, dir.lastIndexOf("/node_modules/")))) {
    const location = `${dir ? `${dir}/` : ""}node_modules/${name}`;
    if (packages[location]) return location;
    if (!dir) return undefined;
  }
}

// npm's lockfile layout (json-stringify-nice with arborist's key order): these keys first, then other scalars,
// then objects, each group alphabetical. Rewriting an npm-written lockfile this way changes nothing else.
const KEY_ORDER = ["name", "version", "lockfileVersion", "resolved", "integrity", "requires", "packages", "dependencies"];
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
const rank = (key: string) => (KEY_ORDER.includes(key) ? KEY_ORDER.indexOf(key) : KEY_ORDER.length);
const npmOrder = (_key: string, value: unknown) => !isObject(value) ? value : Object.fromEntries(
  Object.entries(value).sort(([a, av], [b, bv]) =>
    Number(isObject(av)) - Number(isObject(bv)) || rank(a) - rank(b) || a.localeCompare(b, "en")));

async function main() {
  const text = await readFile(LOCKFILE, "utf8");
  const lock = JSON.parse(text) as { packages: Record<string, Entry> };
  const { packages } = lock;
  const checked = new Set<string>(); // name@spec looked up and found not platform-native, or unavailable
  const added: string[] = [];
  for (let round = true; round; ) { // again when an added entry has optional dependencies of its own
    round = false;
    for (const [parent, entry] of Object.entries(packages)) {
      const wanted = Object.entries(entry.optionalDependencies ?? {}).filter(([name, spec]) => {
        const found = resolveLocation(packages, parent, name);
        return !checked.has(`${name}@${spec}`) && (!found || (EXACT.test(spec) && packages[found]!.version !== spec));
      });
      const resolved = await Promise.all(wanted.map(([name, spec]) => resolveManifest(name, spec)));
      wanted.forEach(([name, spec], i) => {
        const { version, manifest, exact } = resolved[i]!;
        if (!manifest || !(manifest.os || manifest.cpu || manifest.libc)) {
          checked.add(`${name}@${spec}`);
          console.warn(`skipped ${name}@${spec} (optional dependency of ${parent || "the project"}): ` +
            (manifest ? "not platform-native" : "not on this registry in any version"));
          return;
        }
        const hoisted = `node_modules/${name}`;
        const location = packages[hoisted] ? `${parent ? `${parent}/` : ""}node_modules/${name}` : hoisted;
        if (packages[location]) throw new Error(`${location} is ${packages[location].version}, ${parent} needs ${spec}`);
        // Same flags as the sibling binaries npm did write (dev, optional…), else optional (+ dev if the parent is).
        const sibling = Object.keys(entry.optionalDependencies ?? {})
          .map((n) => packages[resolveLocation(packages, parent, n) ?? ""])
          .find((e) => e && (e.os || e.cpu || e.libc));
        packages[location] = entryFor(version, manifest, exact, sibling ?? { optional: true, dev: entry.dev });
        added.push(`${location}@${version}` +
          (exact ? "" : ` (not on this registry: metadata from ${manifest.version}, no integrity)`));
        round = true;
      });
    }
  }
  const output = JSON.stringify(lock, npmOrder, 2) + "\n";
  if (output !== text) await writeFile(LOCKFILE, output);
  for (const line of added) console.log(`added ${line}`);
  console.log(added.length ? `package-lock.json: ${added.length} entries added` : "package-lock.json: nothing missing");
}

await main();
