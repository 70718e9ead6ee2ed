// `node --import tsx scripts/toss-browser-scripts.ts`: bundles the sandbox's browser scripts into
// lib/generated/toss-sandbox-scripts.ts (see scripts/lib/toss-browser-scripts.ts).
import { buildBrowserScripts, GENERATED_MODULE } from "./lib/toss-browser-scripts";

buildBrowserScripts().then(
  () => console.log(`✔ Toss sandbox browser scripts → ${GENERATED_MODULE}`),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
