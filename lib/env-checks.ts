// The checks lib/env.ts runs on each variable, small and without a dependency: the env module is read
// by next.config.ts when `next start` begins and by the first request of every cold instance, and zod
// alone took about 70 ms of that start on this machine (issue #20). Request bodies keep zod.
// A check takes the raw value (blank counts as unset) and returns the typed value or one problem.

export type CheckResult<T> = { ok: true; value: T } | { ok: false; problem: string };
export type Check<T> = (raw: string | undefined) => CheckResult<T>;

const ok = <T>(value: T): CheckResult<T> => ({ ok: true, value });
const bad = (problem: string): CheckResult<never> => ({ ok: false, problem });

/** Unset or blank → undefined; otherwise the check. */
function optional<T>(check: (value: string) => CheckResult<T>): Check<T | undefined> {
  return (raw) => (raw === undefined || raw === "" ? ok(undefined) : check(raw));
}

/** Any text (trimmed; only spaces counts as unset), optionally of a minimum length or matching a pattern. */
export function text(options: { min?: number; pattern?: RegExp; message?: string } = {}): Check<string | undefined> {
  return optional((value) => {
    const trimmed = value.trim();
    if (!trimmed) return ok(undefined);
    if (options.min !== undefined && trimmed.length < options.min) return bad(options.message ?? `must be at least ${options.min} characters`);
    if (options.pattern && !options.pattern.test(trimmed)) return bad(options.message ?? `must match ${options.pattern}`);
    return ok(trimmed);
  });
}

/** One of the given words. */
export function oneOf<const T extends readonly string[]>(values: T): Check<T[number] | undefined> {
  return optional((value) =>
    (values as readonly string[]).includes(value) ? ok(value as T[number]) : bad(`must be one of ${values.map((v) => `"${v}"`).join(", ")} (got "${value}")`),
  );
}

/** An absolute http(s) URL, and whatever else `accept` asks of it. */
export function url(accept?: { test: (url: URL) => boolean; message: string }): Check<string | undefined> {
  return optional((value) => {
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      return bad("must be an absolute URL (https://…)");
    }
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return bad("must be an http:// or https:// URL");
    if (accept && !accept.test(parsed)) return bad(accept.message);
    return ok(value);
  });
}

/** A number, optionally whole and within bounds (`above` is exclusive, `min` and `max` inclusive). */
export function number(options: { whole?: boolean; above?: number; min?: number; max?: number } = {}): Check<number | undefined> {
  return optional((value) => {
    const n = Number(value.trim());
    if (!value.trim() || !Number.isFinite(n)) return bad("must be a number");
    if (options.whole && !Number.isInteger(n)) return bad("must be a whole number");
    if (options.above !== undefined && !(n > options.above)) return bad(`must be greater than ${options.above}`);
    if (options.min !== undefined && n < options.min) return bad(`must be at least ${options.min}`);
    if (options.max !== undefined && n > options.max) return bad(`must be at most ${options.max}`);
    return ok(n);
  });
}

// The shape of an e-mail address as sign-up accepts one (a dot-atom local part, a domain with a TLD).
const EMAIL = /^(?!\.)(?!.*\.\.)[A-Za-z0-9_'+\-.]*[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

/** A comma-separated list of e-mail addresses, lowercased (blank entries skipped). */
export function emailList(): Check<string[] | undefined> {
  return optional((value) => {
    const list = value
      .split(",")
      .map((e) => e.trim().toLowerCase())
      .filter(Boolean);
    const wrong = list.filter((e) => !EMAIL.test(e));
    return wrong.length ? bad(`must be a comma-separated list of e-mail addresses (not one: ${wrong.join(", ")})`) : ok(list);
  });
}

/** The check with a value for unset. */
export function withDefault<T>(check: Check<T | undefined>, fallback: T): Check<T> {
  return (raw) => {
    const result = check(raw);
    return result.ok && result.value === undefined ? ok(fallback) : (result as CheckResult<T>);
  };
}

export type Checked<S extends Record<string, Check<unknown>>> = { [K in keyof S]: S[K] extends Check<infer T> ? T : never };

/** Every variable of the schema checked; each problem as "NAME: problem", all of them at once. */
export function checkAll<S extends Record<string, Check<unknown>>>(schema: S, source: Record<string, string | undefined>): { values: Checked<S>; problems: string[] } {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, check] of Object.entries(schema)) {
    const result = check(source[name]);
    if (result.ok) values[name] = result.value;
    else problems.push(`${name}: ${result.problem}`);
  }
  return { values: values as Checked<S>, problems };
}
