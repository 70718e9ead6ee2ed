// Where the site footer is not shown: the sandbox's pages that stand in for Toss's own (its payment
// window, the page that hands a promise-mode result back and closes, its receipt). At Toss these are
// Toss's pages, not the shop's, and they carry no shop footer; the shop's pages, the sandbox's console
// and demo (the shop's own tools) and the operator console show it. Pure: shared by the client gate and tests.

const TOSS_STAND_INS = [/^\/sandbox\/toss\/pay(\/|$)/, /^\/sandbox\/toss\/window-return(\/|$)/, /^\/sandbox\/toss\/receipt(\/|$)/];

export function showsSiteFooter(pathname: string): boolean {
  return !TOSS_STAND_INS.some((pattern) => pattern.test(pathname));
}
