// The payment methods UI both widgets render (accessible Korean HTML, no iframe): a radio group of the
// sandbox's methods and the amount. The v1 and v2 widgets wrap it in their own API shapes.
import { WIDGET_METHODS } from "../widget-errors";
import { injectStyle, won } from "./dom";

export type WidgetMethod = (typeof WIDGET_METHODS)[number];

export interface MethodsUi {
  selected(): WidgetMethod | null;
  setAmount(value: number): void;
  onSelect(callback: (method: WidgetMethod) => void): void;
  destroy(): void;
}

let sequence = 0;

export function renderMethodsUi(element: Element, amount: number | null): MethodsUi {
  injectStyle();
  const id = ++sequence;
  const root = document.createElement("section");
  root.className = "tsbx tsbx-methods";
  root.setAttribute("aria-label", "결제 수단 (토스페이먼츠 샌드박스)");
  const badge = document.createElement("p");
  badge.className = "tsbx-badge";
  badge.textContent = "토스페이먼츠 샌드박스 · 실제로 결제되지 않아요";
  const fieldset = document.createElement("fieldset");
  const legend = document.createElement("legend");
  legend.textContent = "결제 수단";
  fieldset.append(legend);
  WIDGET_METHODS.forEach((method, index) => {
    const label = document.createElement("label");
    label.className = "tsbx-option";
    const input = document.createElement("input");
    input.type = "radio";
    input.name = `tsbx-method-${id}`;
    input.value = method.key;
    input.checked = index === 0;
    label.append(input, ` ${method.label}`);
    fieldset.append(label);
  });
  const amountRow = document.createElement("p");
  amountRow.className = "tsbx-amount";
  const amountLabel = document.createElement("span");
  amountLabel.textContent = "결제 금액";
  const amountValue = document.createElement("strong");
  amountValue.setAttribute("data-tsbx-amount", "");
  amountRow.append(amountLabel, amountValue);
  root.append(badge, fieldset, amountRow);
  element.replaceChildren(root);

  const selected = () => {
    const checked = root.querySelector<HTMLInputElement>("input[type=radio]:checked");
    return WIDGET_METHODS.find((m) => m.key === checked?.value) ?? null;
  };
  const setAmount = (value: number) => {
    amountValue.textContent = won(value);
  };
  if (amount !== null) setAmount(amount);
  return {
    selected,
    setAmount,
    onSelect(callback) {
      fieldset.addEventListener("change", () => {
        const method = selected();
        if (method) callback(method);
      });
    },
    destroy() {
      root.remove();
    },
  };
}
