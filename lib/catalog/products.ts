// The product catalog: the only place prices live. prisma/seed.ts writes it into the Product table,
// and orders copy price and credits from that table on the server, never from the browser.

export interface CatalogProduct {
  code: string;
  /** Korean name, shown to buyers and sent to Toss as orderName */
  name: string;
  credits: number;
  /** integer won */
  price: number;
  sortOrder: number;
}

export const CATALOG: readonly CatalogProduct[] = [
  { code: "PRO_PACK", name: "프로 팩", credits: 3, price: 3000, sortOrder: 1 },
  { code: "PREMIUM_PACK", name: "프리미엄 팩", credits: 5, price: 5000, sortOrder: 2 },
];
