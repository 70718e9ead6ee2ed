// POST /sandbox/toss/console/api/run-due — send every webhook retry that has come due (the console's
// button; the cron route does the same on a schedule).
import { runDueAction } from "@/lib/toss-sandbox/console/actions";
import { handleConsoleAction } from "@/lib/toss-sandbox/console/http";

export async function POST(request: Request) {
  return handleConsoleAction(request, () => runDueAction());
}
