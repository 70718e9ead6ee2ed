// prisma.config.ts gives Prisma's CLI the direct connection: in Prisma 7 `datasource.url` is what
// `prisma migrate deploy` connects to, and there is no `directUrl` any more. Loaded by Prisma's own loader.
import { loadConfigFromFile } from "@prisma/config";
import { afterEach, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/checkout-copy";

const NAMES = ["DATABASE_URL", "DIRECT_URL", "DATABASE_URL_UNPOOLED"] as const;
const saved = Object.fromEntries(NAMES.map((name) => [name, process.env[name]]));

afterEach(() => {
  for (const name of NAMES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

async function cliUrlWith(values: Partial<Record<(typeof NAMES)[number], string>>): Promise<string | undefined> {
  for (const name of NAMES) delete process.env[name];
  Object.assign(process.env, values);
  const { config, error } = await loadConfigFromFile({ configRoot: REPO_ROOT });
  expect(error).toBeUndefined();
  return config?.datasource?.url;
}

describe("prisma.config.ts", () => {
  const pooled = "postgresql://u:p@ep-a1-pooler.ap-southeast-1.aws.neon.tech/neondb?sslmode=require";
  const direct = "postgresql://u:p@ep-a1.ap-southeast-1.aws.neon.tech/neondb?sslmode=require";

  it.each([
    ["DIRECT_URL when set", { DATABASE_URL: pooled, DIRECT_URL: direct, DATABASE_URL_UNPOOLED: pooled }, direct],
    ["Neon's integration's DATABASE_URL_UNPOOLED", { DATABASE_URL: pooled, DATABASE_URL_UNPOOLED: direct }, direct],
    ["DATABASE_URL alone", { DATABASE_URL: direct }, direct],
    ["nothing: empty", {}, ""],
  ])("migrates through %s", async (_, values, url) => {
    expect(await cliUrlWith(values)).toBe(url);
  });
});
