// First-load JavaScript of an App Router page, from the production build's manifests: the root main
// files every page loads plus the chunks of the page's layouts and the page itself, each gzip'ed at
// level 9 (as `next build` used to print "First Load JS"). The baseline is a hello-world app built
// from the same node_modules, in node_modules/.cache/bench-hello (rebuilt when Next.js changes).
// The same bare app carries the route handlers of the bench's ceiling (./purchase-shape.ts).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { ROOT } from "../schema-engine";
import { SHAPE_ROUTES_VERSION, writeShapeRoutes } from "./purchase-shape";

export interface FirstLoad {
  files: number;
  bytes: number;
  compressedBytes: number;
}

function manifestOf(distDir: string, route: string): Record<string, string[]> {
  const appDir = path.join(distDir, "server/app");
  // Route groups ((shop)) are folders in the build: find the page's manifest.
  const found =
    route === "/"
      ? path.join(appDir, "page_client-reference-manifest.js")
      : execFileSync("find", [appDir, "-path", `*${route}/page_client-reference-manifest.js`], { encoding: "utf8" })
          .split("\n")
          .filter(Boolean)
          .find((file) => path.dirname(file).replace(/\/\([^)]+\)/g, "").endsWith(route));
  if (!found || !existsSync(found)) throw new Error(`no client reference manifest for ${route} in ${appDir}`);
  const holder = { __RSC_MANIFEST: {} as Record<string, { entryJSFiles?: Record<string, string[]> }> };
  new Function("globalThis", readFileSync(found, "utf8"))(holder);
  const manifest = Object.values(holder.__RSC_MANIFEST)[0];
  return manifest?.entryJSFiles ?? {};
}

export function firstLoadJs(route: string, distDir = path.join(ROOT, ".next")): FirstLoad {
  const build = JSON.parse(readFileSync(path.join(distDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const files = new Set(build.rootMainFiles);
  for (const chunks of Object.values(manifestOf(distDir, route))) for (const chunk of chunks) files.add(chunk);
  let bytes = 0;
  let compressedBytes = 0;
  for (const file of files) {
    const content = readFileSync(path.join(distDir, file));
    bytes += content.length;
    compressedBytes += gzipSync(content, { level: 9 }).length;
  }
  return { files: files.size, bytes, compressedBytes };
}

// Under node_modules/.cache: inside the Turbopack root (it needs node_modules), outside lint and tsc.
export const HELLO = path.join(ROOT, "node_modules/.cache/bench-hello");

/** The hello-world's first-load JS, built first when missing or built with another Next.js. */
export function helloWorldFirstLoadJs(): FirstLoad {
  const version = JSON.parse(readFileSync(path.join(ROOT, "node_modules/next/package.json"), "utf8")).version as string;
  const react = JSON.parse(readFileSync(path.join(ROOT, "node_modules/react/package.json"), "utf8")).version as string;
  const stamp = `next ${version}, react ${react}, ${SHAPE_ROUTES_VERSION}\n`;
  const stampFile = path.join(HELLO, "built-with.txt");
  if (!existsSync(stampFile) || readFileSync(stampFile, "utf8") !== stamp || !existsSync(path.join(HELLO, ".next/BUILD_ID"))) {
    mkdirSync(path.join(HELLO, "app"), { recursive: true });
    // No JSX: Turbopack does not transform it under node_modules.
    writeFileSync(
      path.join(HELLO, "app/layout.js"),
      `import { createElement as h } from "react";\nexport default function RootLayout({ children }) {\n  return h("html", { lang: "en" }, h("body", null, children));\n}\n`,
    );
    writeFileSync(path.join(HELLO, "app/page.js"), `import { createElement as h } from "react";\nexport default function Page() {\n  return h("h1", null, "Hello, world!");\n}\n`);
    writeShapeRoutes(HELLO);
    writeFileSync(path.join(HELLO, "next.config.mjs"), `export default { turbopack: { root: ${JSON.stringify(ROOT)} } };\n`);
    execFileSync(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build", HELLO], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    });
    writeFileSync(stampFile, stamp);
  }
  return firstLoadJs("/", path.join(HELLO, ".next"));
}

const SOURCES = ["app", "lib", "components", "actions", "proxy.ts", "next.config.ts", "instrumentation.ts", "package.json", "public"];

/** Whether a source file changed after the last production build (or there is none). */
export function buildIsStale(): boolean {
  const buildId = path.join(ROOT, ".next/BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "--", ...SOURCES], { cwd: ROOT, encoding: "utf8" })
    .split("\n")
    .filter(Boolean);
  return files.some((file) => existsSync(path.join(ROOT, file)) && statSync(path.join(ROOT, file)).mtimeMs > builtAt);
}
