// The sandbox's origin, from the <script> element this bundle runs in: a shop on another origin loads
// it from the sandbox, and its calls go back there. Read at load time (document.currentScript is null later).
export function scriptOrigin(): string {
  const current = document.currentScript;
  return current instanceof HTMLScriptElement && current.src ? new URL(current.src, location.href).origin : location.origin;
}
