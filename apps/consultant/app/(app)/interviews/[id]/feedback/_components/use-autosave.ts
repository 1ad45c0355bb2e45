"use client";
// Saves a draft a moment after the consultant stops typing, and warns before leaving unsaved work.
import { useEffect, useRef } from "react";

export function useAutosave({
  enabled,
  dirty,
  signature,
  save,
  delayMs = 2000,
}: {
  enabled: boolean;
  dirty: boolean;
  /** Changes whenever the form's values change. */
  signature: string;
  save: () => void;
  delayMs?: number;
}) {
  const saveRef = useRef(save);
  saveRef.current = save;
  // biome-ignore lint/correctness/useExhaustiveDependencies: signature is the trigger, by design
  useEffect(() => {
    if (!enabled || !dirty) return;
    const timer = setTimeout(() => saveRef.current(), delayMs);
    return () => clearTimeout(timer);
  }, [enabled, dirty, signature, delayMs]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);
}
