import { STATUS_LABELS } from "./format";

const TONES: Record<string, string> = {
  DONE: "bg-green-50 text-green-800 ring-green-200",
  DELIVERED: "bg-green-50 text-green-800 ring-green-200",
  WAITING_FOR_DEPOSIT: "bg-amber-50 text-amber-900 ring-amber-200",
  IN_PROGRESS: "bg-amber-50 text-amber-900 ring-amber-200",
  PENDING: "bg-amber-50 text-amber-900 ring-amber-200",
  SENDING: "bg-amber-50 text-amber-900 ring-amber-200",
  ABORTED: "bg-red-50 text-red-800 ring-red-200",
  FAILED: "bg-red-50 text-red-800 ring-red-200",
  EXPIRED: "bg-gray-100 text-gray-700 ring-gray-200",
  CANCELED: "bg-gray-100 text-gray-700 ring-gray-200",
  PARTIAL_CANCELED: "bg-gray-100 text-gray-700 ring-gray-200",
};

/** A Toss payment status or webhook delivery status, with its Korean label and the raw code. */
export function StatusBadge({ status }: { status: string }) {
  return (
    <span
      className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${TONES[status] ?? "bg-brand-50 text-brand-700 ring-brand-100"}`}
      title={status}
    >
      {STATUS_LABELS[status] ?? status}
      <span className="sr-only"> ({status})</span>
    </span>
  );
}
