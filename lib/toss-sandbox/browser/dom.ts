// What the sandbox's browser UI needs from the page: its stylesheet (once), the element a selector
// names, and a small event emitter whose "ready"-like events also reach late subscribers.
import { fail } from "./sdk-error";

const STYLE = `
.tsbx{font:inherit;color:#191f28;border:1px solid #e5e8eb;border-radius:16px;padding:16px;margin:0 0 12px;background:#fff}
.tsbx-badge{display:inline-block;font-size:12px;font-weight:600;color:#1b64da;background:#eef4ff;border-radius:999px;padding:2px 10px;margin:0 0 12px}
.tsbx fieldset{border:0;margin:0;padding:0;display:grid;gap:8px}
.tsbx legend{font-weight:700;margin:0 0 8px;padding:0}
.tsbx-option{display:flex;align-items:center;gap:10px;min-height:48px;padding:0 14px;border:1px solid #e5e8eb;border-radius:12px;cursor:pointer}
.tsbx-option:has(input:checked){border-color:#3182f6;background:#f4f8ff}
.tsbx-option input{width:20px;height:20px;accent-color:#3182f6}
.tsbx-amount{display:flex;justify-content:space-between;margin:12px 0 0;font-size:15px}
.tsbx-agree{display:flex;align-items:flex-start;gap:10px;min-height:44px;cursor:pointer;line-height:1.5}
.tsbx-agree input{width:20px;height:20px;margin-top:2px;accent-color:#3182f6;flex:none}
.tsbx-overlay{position:fixed;inset:0;z-index:2147483000;display:flex;align-items:flex-end;justify-content:center;background:rgba(0,23,51,.55);padding:16px}
@media (min-width:640px){.tsbx-overlay{align-items:center}}
.tsbx-dialog{width:100%;max-width:400px;background:#fff;color:#191f28;border-radius:20px;padding:24px;display:grid;gap:12px;font:inherit}
.tsbx-dialog h2{margin:0;font-size:18px;font-weight:700}
.tsbx-dialog p{margin:0;line-height:1.5;color:#4e5968}
.tsbx-button{min-height:48px;border-radius:12px;border:0;font:inherit;font-weight:600;cursor:pointer;padding:0 16px}
.tsbx-button-primary{background:#3182f6;color:#fff}
.tsbx-button-secondary{background:#f2f4f6;color:#191f28}
`;

export function injectStyle(): void {
  if (document.getElementById("tsbx-style")) return;
  const style = document.createElement("style");
  style.id = "tsbx-style";
  style.textContent = STYLE.trim();
  document.head.appendChild(style);
}

export function target(selector: unknown): Element {
  const element = typeof selector === "string" && selector ? document.querySelector(selector) : null;
  if (!element) throw fail("INVALID_SELECTOR");
  return element;
}

export function won(value: number): string {
  return `${value.toLocaleString("ko-KR")}원`;
}

type Callback = (...args: never[]) => void;

export interface Emitter {
  on(name: string, callback: Callback): void;
  emit(name: string, args?: unknown[], sticky?: boolean): void;
}

/** Events by name; a sticky event (ready) is replayed to callbacks registered after it fired. */
export function emitter(allowed: readonly string[]): Emitter {
  const handlers = new Map<string, Callback[]>();
  const fired = new Map<string, unknown[]>();
  return {
    on(name, callback) {
      if (!allowed.includes(name) || typeof callback !== "function") throw fail("INVALID_PARAMETER");
      handlers.set(name, [...(handlers.get(name) ?? []), callback]);
      const args = fired.get(name);
      if (args) setTimeout(() => (callback as (...a: unknown[]) => void)(...args), 0);
    },
    emit(name, args = [], sticky = false) {
      if (sticky) fired.set(name, args);
      for (const callback of handlers.get(name) ?? []) (callback as (...a: unknown[]) => void)(...args);
    },
  };
}
