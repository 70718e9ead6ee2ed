import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The sandbox stands in for Toss and must stay removable: nothing outside its own folders may import
// it. Today nothing does: the app reaches the sandbox only over HTTP (TOSS_MODE=sandbox points lib/toss's
// API base and the widget script URL at /sandbox/toss/…), and env, proxy.ts and instrumentation.ts read
// the mode from lib/env. Exported so that tests/unit/sandbox/boundary.test.ts checks the same globs.
export const SANDBOX_FOLDERS = ["lib/toss-sandbox/**", "app/sandbox/**", "components/toss-sandbox/**", "scripts/toss*", "tests/**"];

const sandboxImport = {
  // Relative imports too ("../toss-sandbox/mode"); this also covers components/toss-sandbox.
  group: ["@/lib/toss-sandbox", "@/lib/toss-sandbox/**", "**/toss-sandbox", "**/toss-sandbox/**"],
  message:
    "Only the sandbox's own folders (lib/toss-sandbox, app/sandbox, components/toss-sandbox, scripts/toss*, tests) may import the sandbox: the app talks to it over HTTP as it talks to Toss.",
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", ".data/**", "lib/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    files: ["**/*.{ts,tsx,js,jsx,mjs,cjs}"],
    ignores: SANDBOX_FOLDERS,
    rules: { "no-restricted-imports": ["error", { patterns: [sandboxImport] }] },
  },
  {
    // The sandbox's modules import one another without cycles (a cycle made expire.ts half-initialised).
    files: ["lib/toss-sandbox/**/*.ts"],
    rules: { "import/no-cycle": ["error", { ignoreExternal: true }] },
  },
  {
    // The browser scripts are bundled for shops' pages: nothing server-side (secrets, the database,
    // Next.js) may reach them. They share only the sandbox's pure tables (widget-errors.ts).
    files: ["lib/toss-sandbox/browser/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["server-only", "@/**", "next", "next/**", "node:*", "react", "react-dom", "../*", "!../widget-errors"],
              message: "lib/toss-sandbox/browser runs in shops' browsers: import only ./ modules and ../widget-errors.",
            },
          ],
        },
      ],
    },
  },
];

export default config;
