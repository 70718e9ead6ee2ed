// Writes the catalog (lib/catalog/products.ts) into the Product table. Idempotent: run it on every
// deploy and every `npm run dev`. Usage: `npm run db:seed` (or `prisma db seed` where Prisma's engine runs).
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { CATALOG } from "../lib/catalog/products";
import { PrismaClient } from "../lib/generated/prisma/client";

export async function seed(databaseUrl: string): Promise<void> {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  try {
    await db.$transaction(
      CATALOG.map(({ code, ...fields }) =>
        db.product.upsert({ where: { code }, create: { code, ...fields }, update: fields }),
      ),
    );
  } finally {
    await db.$disconnect();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { EMBEDDED_DATABASE_URL } = await import("../lib/env");
  await seed(process.env.DATABASE_URL || EMBEDDED_DATABASE_URL);
  console.log("Seeded the product catalog.");
}
