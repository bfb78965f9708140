"use client";
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False on the server and while the page hydrates, true once React owns the page. What depends on
 * the browser (its time zone, its locale) renders behind it, so the server and the first client
 * render print the same text (React error #418 otherwise). Buttons stay
 * disabled until then: a click that lands before hydration is lost (onClick) or, for a form that
 * submits through onSubmit, becomes the browser's native GET with every field (a password, too)
 * in the URL. A disabled default button also blocks implicit submission (Enter in a field).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
