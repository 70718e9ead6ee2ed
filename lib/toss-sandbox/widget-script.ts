// The JavaScript served at /sandbox/toss/v1/payment-widget in place of Toss's
// https://js.tosspayments.com/v1/payment-widget. It defines the same global, window.PaymentWidget: the
// real @tosspayments/payment-widget-sdk loads it unchanged with loadPaymentWidget(clientKey,
// customerKey, undefined, { src }) and calls PaymentWidget(clientKey, customerKey, options) (without
// `new`). The instance renders accessible Korean HTML (no iframe): a radio group of methods, the amount
// and the required agreement; requestPayment() checks its arguments as Toss's SDK does, opens the
// payment (POST /sandbox/toss/widget/payments) and goes to the sandbox payment window.
import { CUSTOMER_KEY_RULE, ORDER_ID_RULE, WIDGET_ERRORS, WIDGET_METHODS } from "./widget-errors";

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
`;

const SCRIPT = String.raw`(function () {
  "use strict";
  if (window.PaymentWidget) return;
  var ERRORS = __ERRORS__;
  var METHODS = __METHODS__;
  var ORDER_ID = __ORDER_ID__;
  var CUSTOMER_KEY = __CUSTOMER_KEY__;
  var STYLE = __STYLE__;
  var AGREEMENT_TITLE = "[필수] 결제 서비스 이용 약관, 개인정보 처리 동의";
  var current = document.currentScript;
  var base = current && current.src ? new URL(current.src, location.href).origin : location.origin;
  var sequence = 0;

  function fail(code, message) {
    var error = new Error(message || ERRORS[code] || ERRORS.UNKNOWN);
    error.code = code;
    error.name = "PaymentWidgetError";
    return error;
  }
  function injectStyle() {
    if (document.getElementById("tsbx-style")) return;
    var style = document.createElement("style");
    style.id = "tsbx-style";
    style.textContent = STYLE;
    document.head.appendChild(style);
  }
  function target(selector) {
    var element = typeof selector === "string" ? document.querySelector(selector) : null;
    if (!element) throw fail("INVALID_SELECTOR");
    return element;
  }
  function amountOf(amount) {
    var value = amount !== null && typeof amount === "object" ? amount.value : amount;
    if (amount !== null && typeof amount === "object" && amount.currency !== undefined && amount.currency !== "KRW") {
      throw fail("INVALID_AMOUNT_CURRENCY");
    }
    if (typeof value !== "number" || !isFinite(value) || Math.floor(value) !== value) throw fail("INVALID_AMOUNT_VALUE");
    if (value <= 0) throw fail("BELOW_ZERO_AMOUNT");
    return value;
  }
  function won(value) {
    return value.toLocaleString("ko-KR") + "원";
  }
  function absolute(url) {
    if (typeof url !== "string") return false;
    try {
      var parsed = new URL(url);
      return parsed.protocol === "http:" || parsed.protocol === "https:";
    } catch (e) {
      return false;
    }
  }
  function emitter(allowed) {
    var handlers = {};
    var fired = {};
    return {
      on: function (name, callback) {
        if (allowed.indexOf(name) === -1 || typeof callback !== "function") throw fail("INVALID_PARAMETER");
        (handlers[name] = handlers[name] || []).push(callback);
        if (fired[name]) setTimeout(function () { callback.apply(null, fired[name]); }, 0);
      },
      emit: function (name, args, sticky) {
        if (sticky) fired[name] = args || [];
        (handlers[name] || []).forEach(function (callback) { callback.apply(null, args || []); });
      }
    };
  }

  function PaymentWidget(clientKey, customerKey) {
    if (typeof clientKey !== "string" || !clientKey) throw fail("INVALID_CLIENT_KEY");
    if (/^(test|live)_(gsk|sk)_/.test(clientKey)) throw fail("INSECURE_KEY_USAGE");
    if (/^(test|live)_ck_/.test(clientKey)) throw fail("NOT_SUPPORTED_API_INDIVIDUAL_KEY");
    if (/^live_/.test(clientKey)) throw fail("INVALID_CLIENT_KEY", "라이브 키(live_)는 샌드박스에서 사용할 수 없습니다. 테스트 키(test_gck_)를 사용해주세요.");
    if (!/^test_gck_/.test(clientKey)) throw fail("INVALID_CLIENT_KEY");
    if (typeof customerKey !== "string" || !CUSTOMER_KEY.test(customerKey)) throw fail("INVALID_CUSTOMER_KEY");
    var id = ++sequence;
    var state = { amount: null, methods: null, agreement: null, requesting: false };

    function selected() {
      if (!state.methods) return null;
      var checked = state.methods.querySelector("input[type=radio]:checked");
      if (!checked) return null;
      for (var i = 0; i < METHODS.length; i++) if (METHODS[i].key === checked.value) return METHODS[i];
      return null;
    }

    function renderPaymentMethods(selector, amount) {
      var element = target(selector);
      if (state.methods) throw fail("PAYMENT_METHODS_WIDGET_ALREADY_RENDERED");
      state.amount = amountOf(amount);
      injectStyle();
      var events = emitter(["ready", "customRequest", "customPaymentMethodSelect", "customPaymentMethodUnselect"]);
      var root = document.createElement("section");
      root.className = "tsbx tsbx-methods";
      root.setAttribute("aria-label", "결제 수단 (토스페이먼츠 샌드박스)");
      var html = '<p class="tsbx-badge">토스페이먼츠 샌드박스 · 실제로 결제되지 않아요</p><fieldset><legend>결제 수단</legend>';
      METHODS.forEach(function (method, index) {
        html += '<label class="tsbx-option"><input type="radio" name="tsbx-method-' + id + '" value="' + method.key + '"' +
          (index === 0 ? " checked" : "") + "> " + method.label + "</label>";
      });
      html += '</fieldset><p class="tsbx-amount"><span>결제 금액</span><strong data-tsbx-amount></strong></p>';
      root.innerHTML = html;
      root.querySelector("[data-tsbx-amount]").textContent = won(state.amount);
      element.replaceChildren(root);
      state.methods = root;
      setTimeout(function () { events.emit("ready", [], true); }, 0);
      return {
        UPDATE_REASON: { COUPON: "COUPON", POINT: "POINT" },
        updateAmount: function (next) {
          state.amount = amountOf(next);
          root.querySelector("[data-tsbx-amount]").textContent = won(state.amount);
        },
        on: events.on,
        getSelectedPaymentMethod: function () {
          var method = selected();
          if (!method) return { type: "NORMAL" };
          var result = { type: "NORMAL", method: method.method, paymentMethodKey: method.key };
          if (method.easyPayProvider) result.easyPay = { provider: method.easyPayProvider };
          return result;
        }
      };
    }

    function agreementStatus() {
      var box = state.agreement && state.agreement.querySelector("input[type=checkbox]");
      var agreed = Boolean(box && box.checked);
      return {
        agreedRequiredTerms: agreed,
        terms: [{ id: "sandbox-required-terms", agreed: agreed, required: true, title: AGREEMENT_TITLE, content: "" }]
      };
    }

    function renderAgreement(selector) {
      var element = target(selector);
      if (state.agreement) throw fail("AGREEMENT_WIDGET_ALREADY_RENDERED");
      injectStyle();
      var events = emitter(["change", "ready"]);
      var root = document.createElement("section");
      root.className = "tsbx tsbx-agreement";
      root.setAttribute("aria-label", "약관 동의");
      root.innerHTML = '<label class="tsbx-agree"><input type="checkbox" name="tsbx-agree-' + id + '"> <span></span></label>';
      root.querySelector("span").textContent = AGREEMENT_TITLE;
      root.querySelector("input").addEventListener("change", function () { events.emit("change", [agreementStatus()]); });
      element.replaceChildren(root);
      state.agreement = root;
      setTimeout(function () { events.emit("ready", [], true); }, 0);
      return { on: events.on, getAgreementStatus: agreementStatus };
    }

    function requestPayment(info) {
      return new Promise(function (resolve, reject) {
        if (state.requesting) throw fail("INVALID_METHOD_TRANSACTION");
        if (!state.methods || state.amount === null) throw fail("NOT_SETUP_AMOUNT");
        if (!info || typeof info !== "object") throw fail("INVALID_PARAMETERS");
        if (typeof info.orderId !== "string" || !ORDER_ID.test(info.orderId)) throw fail("INVALID_ORDER_ID");
        if (typeof info.orderName !== "string" || !info.orderName.trim()) throw fail("INVALID_PARAMETERS");
        if (info.orderName.length > 100) throw fail("INVALID_ORDER_NAME");
        if (info.successUrl === undefined && info.failUrl === undefined) throw fail("NOT_SUPPORTED_PROMISE");
        if (!absolute(info.successUrl)) throw fail("INCORRECT_SUCCESS_URL_FORMAT");
        if (!absolute(info.failUrl)) throw fail("INCORRECT_FAIL_URL_FORMAT");
        if (info.customerEmail != null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(info.customerEmail))) throw fail("INVALID_EMAIL");
        var method = selected();
        if (!method) throw fail("NOT_SELECTED_PAYMENT_METHOD");
        if (state.agreement && !agreementStatus().agreedRequiredTerms) throw fail("NEED_AGREEMENT_WITH_REQUIRED_TERMS");
        state.requesting = true;
        fetch(base + "/sandbox/toss/widget/payments", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({
            clientKey: clientKey,
            customerKey: customerKey,
            amount: state.amount,
            methodKey: method.key,
            orderId: info.orderId,
            orderName: info.orderName,
            successUrl: info.successUrl,
            failUrl: info.failUrl,
            customerEmail: info.customerEmail == null ? null : String(info.customerEmail),
            customerName: info.customerName == null ? null : String(info.customerName)
          })
        }).then(function (response) {
          return response.json().then(function (body) {
            if (!response.ok) throw fail(body && body.code ? body.code : "UNKNOWN", body && body.message);
            // Redirect mode: the page leaves for the payment window; the promise never settles.
            window.location.assign(new URL(body.checkoutPath, base).toString());
          });
        }).catch(function (error) {
          state.requesting = false;
          reject(error && error.code ? error : fail("NETWORK_ERROR"));
        });
      });
    }

    return { renderPaymentMethods: renderPaymentMethods, renderAgreement: renderAgreement, requestPayment: requestPayment };
  }

  PaymentWidget.ANONYMOUS = "@@ANONYMOUS";
  PaymentWidget.version = "sandbox";
  PaymentWidget.__versionHash__ = "sandbox";
  window.PaymentWidget = PaymentWidget;
})();
`;

/** The widget script, with the error table, methods and rules inlined from the sandbox's own modules. */
export function paymentWidgetScript(): string {
  const values: Record<string, string> = {
    __ERRORS__: JSON.stringify(WIDGET_ERRORS),
    __METHODS__: JSON.stringify(WIDGET_METHODS),
    __ORDER_ID__: ORDER_ID_RULE.toString(),
    __CUSTOMER_KEY__: CUSTOMER_KEY_RULE.toString(),
    __STYLE__: JSON.stringify(STYLE.trim()),
  };
  return SCRIPT.replace(/__[A-Z_]+__/g, (name) => values[name] ?? name);
}
