/**
 * What a visitor entered in the server-rendered page before React arrived. On the pages that keep React (the
 * self-check, the appointment form) its scripts load on the first tap, key or focus
 * (lib/zero-javascript/defer-runtime.mjs), so the patient may type or choose for a moment before they run.
 * React keeps what the page shows while it hydrates; the component's own state must start from it too, or the
 * next render (react-hook-form registering its fields, a controlled radio) puts the server's blank back.
 */
export function enteredBeforeHydration<Name extends string>(names: readonly Name[]): Partial<Record<Name, string>> {
  // On the server, and in a test without a page, nothing was entered.
  if (typeof document === "undefined") return {};
  const entered: Partial<Record<Name, string>> = {};
  for (const name of names) {
    for (const control of document.getElementsByName(name)) {
      if (!(control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement)) continue;
      const isChoice = control instanceof HTMLInputElement && (control.type === "radio" || control.type === "checkbox");
      if (isChoice ? control.checked : control.value !== "") entered[name] = control.value;
    }
  }
  return entered;
}
