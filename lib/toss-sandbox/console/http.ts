// The console's HTTP frame, shared by its page forms and its JSON API (which the CLI calls): a form
// post is answered with a redirect back to the console and a notice; a JSON call with JSON.
import "server-only";
import { SandboxConsoleError } from "../console-error";
import { redirectAfterForm } from "../form-redirect";
import { sandboxEnabled, sandboxRoute } from "../mode";
import { consoleAccess, consoleLockedResponse } from "./access";
import type { ActionResult } from "./actions";
import { jsonResponse } from "@/lib/json-response";

/** A console API route: 404 outside sandbox mode, 401 without console access (./access.ts). */
export function consoleRoute<C>(handler: (request: Request, context: C) => Promise<Response>) {
  return sandboxRoute(async (request: Request, context: C) => {
    const access = await consoleAccess();
    if (!access.open) return consoleLockedResponse(access);
    return handler(request, context);
  });
}

export async function readConsoleBody(request: Request): Promise<Record<string, unknown>> {
  const type = request.headers.get("content-type") ?? "";
  if (type.includes("application/x-www-form-urlencoded") || type.includes("multipart/form-data")) {
    const form = await request.formData().catch(() => null);
    return form ? Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")) : {};
  }
  const text = await request.text().catch(() => "");
  if (!text.trim()) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    throw new SandboxConsoleError("INVALID_JSON", "요청 본문이 올바른 JSON이 아닙니다.", 400);
  }
}

function wantsRedirect(request: Request): boolean {
  const type = request.headers.get("content-type") ?? "";
  return type.includes("application/x-www-form-urlencoded") || type.includes("multipart/form-data");
}

function backTo(request: Request, body: Record<string, unknown>, notice: string, kind: "ok" | "error"): Response {
  const returnTo = typeof body.returnTo === "string" && body.returnTo.startsWith("/sandbox/toss") ? body.returnTo : "/sandbox/toss";
  const url = new URL(returnTo, "http://relative.invalid");
  url.searchParams.set(kind === "ok" ? "notice" : "error", notice);
  return redirectAfterForm(request, `${url.pathname}${url.search}`);
}

/** Runs a console action and answers as the caller expects (JSON, or a redirect for a form). */
export async function handleConsoleAction(
  request: Request,
  action: (body: Record<string, unknown>) => Promise<ActionResult>,
): Promise<Response> {
  if (!sandboxEnabled()) return new Response("Not Found", { status: 404 });
  const access = await consoleAccess();
  if (!access.open) {
    // A form from a console page whose access has lapsed: back to the page, which asks for the token.
    return wantsRedirect(request) ? redirectAfterForm(request, "/sandbox/toss") : consoleLockedResponse(access);
  }
  let body: Record<string, unknown> = {};
  try {
    body = await readConsoleBody(request);
    const result = await action(body);
    if (wantsRedirect(request)) return backTo(request, body, result.message, "ok");
    return jsonResponse({ message: result.message, data: result.data });
  } catch (error) {
    const known = error instanceof SandboxConsoleError;
    if (!known) console.error("[toss-sandbox] console action failed", { path: new URL(request.url).pathname, error });
    const code = known ? error.code : "INTERNAL_ERROR";
    const message = known ? error.message : "요청을 처리하지 못했습니다. 서버 로그를 확인해주세요.";
    if (wantsRedirect(request)) return backTo(request, body, message, "error");
    return jsonResponse({ code, message }, { status: known ? error.status : 500 });
  }
}
