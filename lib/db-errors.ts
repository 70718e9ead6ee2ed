import "server-only";
import { Prisma } from "@/lib/db";

// Prisma 7 with a driver adapter reports a unique violation as P2002 without `meta.target`; the
// constraint is under `meta.driverAdapterError.cause.constraint` as `{ index: "User_email_key" }` or
// `{ fields: ["email"] }`. Both shapes (and the classic `target`) are read here, in one place.
interface UniqueViolationMeta {
  target?: string | string[];
  driverAdapterError?: { cause?: { constraint?: { index?: string; fields?: string[] } } };
}

/** pg's own error (lib/sql.ts runs statements without Prisma): SQLSTATE 23505 and the constraint's name. */
function isPgUniqueViolation(error: unknown): error is { code: string; constraint?: string } {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "23505" && !(error instanceof Prisma.PrismaClientKnownRequestError);
}

/**
 * True when `error` is a unique-constraint violation, on `field` when given. Callers insert and
 * catch this instead of checking first: the database decides who was first.
 */
export function isUniqueViolation(error: unknown, field?: string): boolean {
  if (isPgUniqueViolation(error)) return field === undefined || (error.constraint?.endsWith(`_${field}_key`) ?? false);
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  if (field === undefined) return true;
  const meta = (error.meta ?? {}) as UniqueViolationMeta;
  const target = meta.target;
  if (Array.isArray(target) ? target.includes(field) : target?.split("_").includes(field)) return true;
  const constraint = meta.driverAdapterError?.cause?.constraint;
  if (constraint?.fields?.includes(field)) return true;
  // Prisma names single-field unique indexes `<Model>_<field>_key`.
  return constraint?.index?.endsWith(`_${field}_key`) ?? false;
}
