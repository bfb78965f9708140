import { test, expect } from "@playwright/test";

test("unknown pages show the 404 page", async ({ page }) => {
  const res = await page.goto("/no-such-page");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("the theme toggle switches to dark and the server renders it on reload (no flash)", async ({ page }) => {
  await page.goto("/audit");
  const toggle = page.getByRole("button", { name: /^Theme:/ });
  // system -> light -> dark
  while (!/dark/.test((await toggle.getAttribute("aria-label")) ?? "")) await toggle.click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  const res = await page.request.get("/audit");
  expect(await res.text()).toMatch(/<html[^>]*class="dark"/);
  await toggle.click(); // back to system
});

test("a Server Action POST from another origin is rejected; the same request from our origin works", async ({ page }) => {
  // Capture a real "Add user" action request from the browser without letting it through...
  await page.goto("/users");
  let captured: { url: string; headers: Record<string, string>; body: Buffer } | undefined;
  await page.route("**/users", async (route) => {
    const req = route.request();
    if (req.method() !== "POST") return route.continue();
    captured = { url: req.url(), headers: await req.allHeaders(), body: req.postDataBuffer() ?? Buffer.alloc(0) };
    await route.abort();
  });
  const form = page.getByRole("form", { name: "Add user" });
  await form.getByLabel("Name").fill("Cross Origin");
  await form.getByLabel("Email").fill("cross-origin@example.com");
  await form.getByLabel("Initial password").fill("long-enough-password");
  await form.getByRole("button", { name: "Add user" }).click();
  await expect.poll(() => captured).toBeDefined();
  const { url, headers, body } = captured!;
  expect(headers["next-action"]).toBeTruthy();
  const send = (origin: string) => {
    const h: Record<string, string> = { ...headers, origin };
    for (const k of Object.keys(h)) if (k.startsWith(":") || k === "cookie" || k === "content-length" || k === "host") delete h[k];
    return page.request.post(url, { headers: h, data: body });
  };

  // ...then replay it from a foreign origin: nothing happens.
  await send("https://evil.example");
  await page.goto("/users");
  await expect(page.getByTestId("users-table")).not.toContainText("cross-origin@example.com");

  // The identical request from our own origin does create the user, so the refusal above was the origin's doing.
  const ok = await send(new URL(url).origin);
  expect(ok.status()).toBe(200);
  await page.reload();
  await expect(page.getByTestId("users-table")).toContainText("cross-origin@example.com");
});
