import "server-only";
import { db } from "@/lib/db";

export interface ShopProduct {
  code: string;
  name: string;
  credits: number;
  /** integer won */
  price: number;
}

const select = { code: true, name: true, credits: true, price: true } as const;

/** The packs on sale, in catalog order (the pricing page). */
export function listActiveProducts(): Promise<ShopProduct[]> {
  return db.product.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" }, select });
}

/** One pack on sale, or null (an unknown or retired code in a link). */
export function getActiveProduct(code: string): Promise<ShopProduct | null> {
  return db.product.findFirst({ where: { code, active: true }, select });
}
