"use client";

import { useEffect, useRef } from "react";

/**
 * After each answer of a form's action (not on the first render), focus moves to the element this ref is put on:
 * what the answer says (an error, a new link, a question), where a screen reader then reads it. The button that was
 * pressed may be gone by then.
 */
export function useFocusOnAnswer<T extends HTMLElement>(answer: unknown) {
  const ref = useRef<T>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) return void (first.current = false);
    ref.current?.focus();
  }, [answer]);
  return ref;
}
