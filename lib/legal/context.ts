import "server-only";
import type { BusinessProfile } from "@/lib/business/profile";
import { CATALOG, type CatalogProduct } from "@/lib/catalog/products";
import { PREMIUM_GENERATION_COST } from "@/lib/credits/premium-generation";
import { env, type Env } from "@/lib/env";
import { entrustedProcessors, type Processor } from "./processors";

/** Everything the legal pages are written from: this deployment's configuration and the code's own numbers. */
export interface LegalContext {
  business: BusinessProfile;
  /** the buyer's own withdrawal window, in days (REFUND_WINDOW_DAYS) */
  refundWindowDays: number;
  /** how long a paid pack's credits stay valid from the payment, in months (CREDIT_VALIDITY_MONTHS) */
  creditValidityMonths: number;
  oauth: { kakao: boolean; google: boolean };
  /** error reports leave for Sentry */
  sentry: boolean;
  processors: Processor[];
  products: readonly CatalogProduct[];
  /** credits one premium generation takes */
  premiumCost: number;
}

/** The context of a parsed configuration (tests pass parseEnv's results). */
export function legalContextOf(config: Pick<Env, "business" | "refundWindowDays" | "creditValidityMonths" | "oauth" | "sentry">): LegalContext {
  const oauth = { kakao: config.oauth.kakao !== null, google: config.oauth.google !== null };
  return {
    business: config.business,
    refundWindowDays: config.refundWindowDays,
    creditValidityMonths: config.creditValidityMonths,
    oauth,
    sentry: config.sentry !== null,
    processors: entrustedProcessors({ hostingProvider: config.business.hostingProvider, sentryDsn: config.sentry?.dsn ?? null, ...oauth }),
    products: CATALOG,
    premiumCost: PREMIUM_GENERATION_COST,
  };
}

/** This deployment's. */
export function legalContext(): LegalContext {
  return legalContextOf(env);
}
