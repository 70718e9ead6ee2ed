// POST /api/noop: answers 204 and does nothing else (no database, no session, no body read). The
// baseline `npm run bench` measures the payment routes against: the cost of Next.js itself.
export function POST() {
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
}
