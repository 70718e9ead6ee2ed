// POST /sandbox/toss/console/unlock — the console page's token form: a right SANDBOX_CONSOLE_TOKEN sets
// the console cookie (a keyed hash of it) and goes back to the console; a wrong one goes back with a message.
import { cookies } from "next/headers";
import { CONSOLE_COOKIE, consoleCookieOptions, consoleCookieValue, tokenMatches } from "@/lib/toss-sandbox/console/access";
import { readConsoleBody } from "@/lib/toss-sandbox/console/http";
import { SandboxConsoleError } from "@/lib/toss-sandbox/console-error";
import { redirectAfterForm } from "@/lib/toss-sandbox/form-redirect";
import { sandboxRoute } from "@/lib/toss-sandbox/mode";
import { requestOrigin } from "@/lib/request-origin";

export const POST = sandboxRoute(async (request: Request) => {
  const body = await readConsoleBody(request).catch((error: unknown): Record<string, unknown> => {
    if (error instanceof SandboxConsoleError) return {};
    throw error;
  });
  const token = typeof body.token === "string" ? body.token.trim() : "";
  // Back to the console page the tester was on; only ever a console address.
  const returnTo = new URL(typeof body.returnTo === "string" ? body.returnTo : "/", "http://relative.invalid");
  const back = returnTo.pathname === "/sandbox/toss" ? returnTo : new URL("/sandbox/toss", "http://relative.invalid");
  if (!tokenMatches(token)) {
    back.searchParams.set("error", "콘솔 토큰이 맞지 않아요. 다시 확인해주세요.");
    return redirectAfterForm(request, `${back.pathname}${back.search}`);
  }
  (await cookies()).set(CONSOLE_COOKIE, consoleCookieValue(token), consoleCookieOptions(await requestOrigin()));
  back.searchParams.delete("error");
  return redirectAfterForm(request, `${back.pathname}${back.search}`);
});
