// Migrations are expand-only: a deployment's build migrates the database while the previous deployment
// still serves every request (scripts/vercel-build.ts), so a migration may add but not take away what
// that code reads and writes. This scan names the statements that would break it (README, "Database
// and migrations"); tests/unit/expand-only-migrations.test.ts runs it on every migration after
// EXPAND_ONLY_BASELINE. A deliberate contract step says so on a line of its own: `-- contract: <why>`.

/** The newest migration when the rule came in (issue #24): it and every older one are grandfathered. */
export const EXPAND_ONLY_BASELINE = "20261204072534_legal_consent";

/** The marker of a deliberate contract step, with its reason: `-- contract: the old code stopped reading "x" in #123`. */
export const CONTRACT_MARKER = /^[ \t]*--[ \t]*contract:[ \t]*(\S.*)$/im;

export interface ContractStatement {
  statement: string;
  why: string;
}

/** The SQL without its comments and with every string literal emptied ('…' → ''), so that neither is scanned. */
function code(sql: string): string {
  return sql
    .replace(/\/\*[\s\S]*?\*\//g, " ")
    .replace(/--[^\n]*/g, " ")
    .replace(/'(?:[^']|'')*'/g, "''");
}

/** Splits on `separator` where no parenthesis or bracket is open. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") depth--;
    else if (c === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((part) => part.trim().replace(/\s+/g, " ")).filter(Boolean);
}

const NAME = String.raw`("[^"]+"|\w+)`;
const unquote = (name: string) => name.replace(/^"|"$/g, "");

/** What in one statement the running deployment's code could trip on, one reason per finding. */
function findingsOf(statement: string, columnsWithDefault: Set<string>): string[] {
  const found: string[] = [];
  // DROP NOT NULL relaxes a rule: the one DROP that only expands.
  if (/\bDROP\b(?!\s+NOT\s+NULL\b)/i.test(statement)) found.push("drops something the running code may use");
  if (/\bRENAME\b/i.test(statement)) found.push("renames something the running code uses by its old name");
  if (new RegExp(String.raw`\bALTER\s+COLUMN\s+${NAME}\s+(SET\s+DATA\s+)?TYPE\b`, "i").test(statement)) {
    found.push("changes a column's type");
  }
  for (const match of statement.matchAll(new RegExp(String.raw`\bALTER\s+COLUMN\s+${NAME}\s+SET\s+NOT\s+NULL\b`, "gi"))) {
    if (!columnsWithDefault.has(unquote(match[1]!))) found.push(`makes "${unquote(match[1]!)}" NOT NULL without a default: the running code's inserts may leave it out`);
  }
  // ALTER TABLE "T" ADD COLUMN "a" … NOT NULL, ADD COLUMN "b" … (Prisma writes several in one statement)
  if (/^ALTER\s+TABLE\b/i.test(statement)) {
    for (const clause of splitTopLevel(statement, ",")) {
      const column = new RegExp(String.raw`\bADD\s+(?:COLUMN\s+)?(?:IF\s+NOT\s+EXISTS\s+)?${NAME}\s`, "i").exec(clause);
      if (column && /\bNOT\s+NULL\b/i.test(clause) && !/\bDEFAULT\b/i.test(clause) && !/\bADD\s+CONSTRAINT\b/i.test(clause)) {
        found.push(`adds "${unquote(column[1]!)}" NOT NULL without a default: the running code's inserts leave it out`);
      }
    }
  }
  return found;
}

/**
 * The statements of a migration that are not expand-only (none when it carries the contract marker):
 * DROP (but DROP NOT NULL), RENAME, ALTER COLUMN … TYPE, SET NOT NULL on a column the migration gives no
 * default, ADD COLUMN … NOT NULL without a DEFAULT.
 */
export function contractStatements(sql: string): ContractStatement[] {
  if (CONTRACT_MARKER.test(sql)) return [];
  const statements = splitTopLevel(code(sql), ";");
  const columnsWithDefault = new Set(
    [...statements.join(";").matchAll(new RegExp(String.raw`\bALTER\s+COLUMN\s+${NAME}\s+SET\s+DEFAULT\b`, "gi"))].map((m) => unquote(m[1]!)),
  );
  return statements.flatMap((statement) => findingsOf(statement, columnsWithDefault).map((why) => ({ statement, why })));
}
