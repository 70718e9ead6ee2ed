import "server-only";
import { PLAN_NOTICE_DAYS } from "@/lib/billing/agreement";
import type { BusinessProfile } from "@/lib/business/profile";
import { CATALOG, type CatalogProduct } from "@/lib/catalog/products";
import { PREMIUM_GENERATION_COST } from "@/lib/credits/premium-generation";
import { env, type Env } from "@/lib/env";
import { entrustedProcessors, type Processor } from "./processors";

/**
 * The automatic purchases (자동결제, issue #23) this deployment offers: the monthly plan whenever billing
 * is available (a Toss billing key pair: always in sandbox mode), the threshold top-up only with
 * AUTO_TOP_UP_ENABLED (Toss must approve it).
 */
export interface BillingTerms {
  /** the monthly credit plan (정기 충전): offered whenever billing is */
  plan: true;
  /** the threshold top-up (자동충전): AUTO_TOP_UP_ENABLED */
  topUp: boolean;
  /** top-ups one user is charged at most a Seoul day (AUTO_TOP_UP_DAILY_CAP) */
  dailyCap: number;
  /** days before each monthly charge that the buyer is told of it (PLAN_NOTICE_DAYS) */
  noticeDays: number;
  /** notices are e-mailed as well as shown on the account page (SMTP_URL set) */
  emailNotices: boolean;
}

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
  /** automatic purchases; null when billing is not available (live mode without the billing key pair) */
  billing: BillingTerms | null;
  processors: Processor[];
  products: readonly CatalogProduct[];
  /** credits one premium generation takes */
  premiumCost: number;
}

type LegalConfig = Pick<
  Env,
  "business" | "refundWindowDays" | "creditValidityMonths" | "oauth" | "sentry" | "tossBilling" | "autoTopUp" | "mail" | "mailProviderName"
>;

/** The context of a parsed configuration (tests pass parseEnv's results). */
export function legalContextOf(config: LegalConfig): LegalContext {
  const oauth = { kakao: config.oauth.kakao !== null, google: config.oauth.google !== null };
  const billing: BillingTerms | null = config.tossBilling
    ? {
        plan: true,
        topUp: config.autoTopUp.enabled,
        dailyCap: config.autoTopUp.dailyCap,
        noticeDays: PLAN_NOTICE_DAYS,
        emailNotices: config.mail !== null,
      }
    : null;
  // Notices are about automatic purchases only: without billing no notice is made, so nothing is e-mailed.
  const mail = billing && config.mail ? { smtpUrl: config.mail.smtpUrl, providerName: config.mailProviderName } : null;
  return {
    business: config.business,
    refundWindowDays: config.refundWindowDays,
    creditValidityMonths: config.creditValidityMonths,
    oauth,
    sentry: config.sentry !== null,
    billing,
    processors: entrustedProcessors({ hostingProvider: config.business.hostingProvider, mail, sentryDsn: config.sentry?.dsn ?? null, ...oauth }),
    products: CATALOG,
    premiumCost: PREMIUM_GENERATION_COST,
  };
}

/** This deployment's. */
export function legalContext(): LegalContext {
  return legalContextOf(env);
}
