import { describe, expect, it } from "vitest";
import { createUserInput, setupInput, signInInput, updateUserInput } from "@/lib/auth/auth-schemas";

describe("auth form schemas", () => {
  it("normalises emails and requires both sign-in fields", () => {
    expect(signInInput.parse({ email: "  Ada@Example.COM ", password: "x" }).email).toBe("ada@example.com");
    const r = signInInput.safeParse({ email: "nope", password: "" });
    expect(r.success).toBe(false);
    expect(Object.keys(r.error!.flatten().fieldErrors).sort()).toEqual(["email", "password"]);
  });

  it("setup: password length and confirmation are field errors", () => {
    const r = setupInput.safeParse({ name: "A", email: "a@example.com", password: "short", confirm: "other" });
    const f = r.error!.flatten().fieldErrors;
    expect(f.password).toEqual(["Use at least 10 characters"]);
    const r2 = setupInput.safeParse({ name: "A", email: "a@example.com", password: "long-enough-1", confirm: "long-enough-2" });
    expect(r2.error!.flatten().fieldErrors.confirm).toEqual(["Passwords do not match"]);
  });

  it("user forms accept only known roles and read checkboxes", () => {
    expect(createUserInput.safeParse({ name: "B", email: "b@example.com", role: "root", password: "long-enough-1" }).success).toBe(false);
    expect(updateUserInput.parse({ id: "u", role: "operator", disabled: "on" })).toEqual({ id: "u", role: "operator", disabled: true });
    expect(updateUserInput.parse({ id: "u", role: "viewer" }).disabled).toBe(false);
  });
});
