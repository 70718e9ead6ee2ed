// The business profile (lib/business/profile.ts) the footer and the legal pages show: Korean law asks for
// it on the first screen and Toss's site review looks for it. Without every field the shop shows the
// fictional example (예시), which no review passes.
import { BUSINESS_FIELDS, EXAMPLE_BUSINESS, type BusinessField } from "../../../lib/business/profile";
import type { Env } from "../../../lib/env";
import { fail, pass, type CheckResult } from "./result";

export function checkBusinessProfile(env: Env, source: Record<string, string | undefined>): CheckResult {
  const fields = Object.keys(BUSINESS_FIELDS) as BusinessField[];
  const profile = env.business;
  if (profile.isExample) {
    const missing = fields.filter((name) => !source[name]?.trim());
    return fail(
      `Business profile: the shop would show the fictional example (${EXAMPLE_BUSINESS.name}, 예시): ${missing.length} of ${fields.length} fields unset (${missing.join(", ")})`,
      "Set each of them for Production (.env.example says what each is: 상호, 대표자, 사업자등록번호, 통신판매업 신고번호 and 신고기관, 주소, 전화, e-mail, 개인정보 보호책임자), then redeploy.",
    );
  }
  if (profile.registrationNumber === EXAMPLE_BUSINESS.registrationNumber) {
    return fail(
      `Business profile: 사업자등록번호 ${profile.registrationNumber} is the example's number, not the business's`,
      "Set BUSINESS_REGISTRATION_NUMBER to the number on the business's 사업자등록증.",
    );
  }
  return pass(`Business profile: ${profile.name}, 사업자등록번호 ${profile.registrationNumber}, 통신판매업 ${profile.mailOrderNumber} (${profile.mailOrderOffice})`);
}
