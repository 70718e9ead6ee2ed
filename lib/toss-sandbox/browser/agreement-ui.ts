// The agreement UI both widgets render: the one required term of the sandbox, as a checkbox.
import { injectStyle } from "./dom";

export const AGREEMENT_TITLE = "[필수] 결제 서비스 이용 약관, 개인정보 처리 동의";
export const AGREEMENT_TERM_ID = "sandbox-required-terms";

export interface AgreementUi {
  agreed(): boolean;
  onChange(callback: (agreed: boolean) => void): void;
  destroy(): void;
}

let sequence = 0;

export function renderAgreementUi(element: Element): AgreementUi {
  injectStyle();
  const root = document.createElement("section");
  root.className = "tsbx tsbx-agreement";
  root.setAttribute("aria-label", "약관 동의");
  const label = document.createElement("label");
  label.className = "tsbx-agree";
  const box = document.createElement("input");
  box.type = "checkbox";
  box.name = `tsbx-agree-${++sequence}`;
  const text = document.createElement("span");
  text.textContent = AGREEMENT_TITLE;
  label.append(box, " ", text);
  root.append(label);
  element.replaceChildren(root);
  return {
    agreed: () => box.checked,
    onChange(callback) {
      box.addEventListener("change", () => callback(box.checked));
    },
    destroy() {
      root.remove();
    },
  };
}
