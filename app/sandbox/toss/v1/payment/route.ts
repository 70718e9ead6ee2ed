// GET /sandbox/toss/v1/payment — the sandbox's stand-in for js.tosspayments.com/v1/payment (SDK v1 결제창).
import { sandboxRoute } from "@/lib/toss-sandbox/mode";
import { scriptResponse } from "@/lib/toss-sandbox/script-response";

export const GET = sandboxRoute(async (request: Request) => scriptResponse(request, "v1-payment"));
