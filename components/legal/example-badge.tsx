/** The 예시 mark of the fictional example business (lib/business/profile.ts): amber-950 on amber-200, well above 4.5:1. */
export function ExampleBadge() {
  return <span className="inline-flex shrink-0 items-center rounded-full bg-amber-200 px-2.5 py-0.5 text-xs font-bold text-amber-950">예시</span>;
}
