import type { Metadata } from "next";
import { LegalDocument } from "@/components/legal/legal-document";
import { DocLink } from "@/components/legal/legal-parts";
import { refundPolicySections } from "@/components/legal/refund-policy-sections";
import { legalContext } from "@/lib/legal/context";
import { REFUND_POLICY_VERSIONS } from "@/lib/legal/documents";

export const metadata: Metadata = { title: "환불정책" };

export default function RefundPolicyPage() {
  const ctx = legalContext();
  return (
    <LegalDocument
      title="환불정책"
      versions={REFUND_POLICY_VERSIONS}
      business={ctx.business}
      intro={
        <p>
          크레딧 팩의 청약철회와 환불 기준이에요. 이 정책은 <DocLink href="/terms">이용약관</DocLink>의 일부예요.
        </p>
      }
      sections={refundPolicySections(ctx)}
    />
  );
}
