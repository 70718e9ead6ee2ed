// A monthly plan or auto top-up turned off by an operator (the console): DISABLED, not CANCELED, with
// this code and message, which the buyer reads on their account page; they may start it again there.
export const OPERATOR_DISABLED_CODE = "OPERATOR_DISABLED";
export const OPERATOR_DISABLED_MESSAGE = "운영자가 자동결제를 중지했어요. 고객센터로 문의해 주세요.";
