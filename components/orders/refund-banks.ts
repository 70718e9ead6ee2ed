// Banks a buyer can name for a 가상계좌 refund: Toss's codes, from the one list in lib/payments/banks.ts.
export { BANKS as REFUND_BANKS } from "@/lib/payments/banks";
