// Prisma CLI configuration. Used where Prisma's native engine can be downloaded (Vercel builds,
// laptops): `prisma migrate deploy` applies the same prisma/migrations folder that our offline
// scripts (scripts/db.ts) apply here.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
