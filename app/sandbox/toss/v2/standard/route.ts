// GET /sandbox/toss/v2/standard — the sandbox's stand-in for js.tosspayments.com/v2/standard (SDK v2).
import { sandboxRoute } from "@/lib/toss-sandbox/mode";
import { scriptResponse } from "@/lib/toss-sandbox/script-response";

export const GET = sandboxRoute(async (request: Request) => scriptResponse(request, "v2-standard"));
