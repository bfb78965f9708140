// Collects every browser console error and uncaught page error (React's hydration error #418,
// a CSP refusal, a failed chunk) so a spec can fail on any of them.
import type { Page } from "@playwright/test";

export function watchConsoleErrors(page: Page): { errors: string[] } {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`${page.url()}: ${msg.text()}`);
  });
  page.on("pageerror", (err) => errors.push(`${page.url()}: ${err.message}`));
  return { errors };
}
