// Prisma CLI configuration, for `prisma migrate deploy`, `prisma migrate status` and the other commands
// where Prisma's native engine can be downloaded (laptops). The project's own scripts (scripts/db.ts,
// scripts/vercel-build.ts) apply the same prisma/migrations folder offline and need none of this.
//
// Prisma 7 has no `directUrl`: the CLI migrates through `datasource.url`, so that is the direct
// connection (DIRECT_URL, or DATABASE_URL_UNPOOLED from Neon's Vercel integration), falling back to
// DATABASE_URL. The app itself connects through its driver adapter with DATABASE_URL (lib/db.ts),
// pooled or not. https://www.prisma.io/docs/orm/more/upgrade-guides/upgrading-versions/upgrading-to-prisma-7
import { defineConfig } from "prisma/config";
import { migrationTarget } from "./lib/database-urls";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: migrationTarget(process.env)?.url ?? "" },
});
