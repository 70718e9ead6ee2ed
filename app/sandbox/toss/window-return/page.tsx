import type { Metadata } from "next";
import { WindowReturn } from "@/components/toss-sandbox/window-return";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "결제창 닫는 중 (샌드박스)", robots: { index: false } };

// Where the payment window lands in promise mode (requestPayment without successUrl/failUrl): it hands
// the success or fail query to the shop's page that opened the window, which settles its promise.
export default async function SandboxWindowReturnPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) if (typeof value === "string") params[name] = value;
  const { origin = "", channel = "", ...result } = params;
  return <WindowReturn origin={origin} channel={channel} params={result} />;
}
