// Browser tests run at two sizes (playwright.config.ts: a desktop and a phone). A test of behaviour that
// does not depend on the size (what the server answers, a rate limit, a validation, an SDK's API) is
// tagged ONE_SIZE and runs on the phone only, where most buyers are: the same test twice was a third of
// the browser tests' time. Layout, focus, the footer's folding and the journeys run at both sizes.
export const ONE_SIZE = { tag: "@one-size" } as const;
