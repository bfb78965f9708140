"use client";
// True only in the browser after hydration. Anything that depends on the browser (its time zone,
// its locale) renders behind it, so the server and the first client render print the same
// text (React error #418 otherwise).
import { useSyncExternalStore } from "react";

const noop = () => () => {};

export function useClientOnly(): boolean {
  return useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
}
