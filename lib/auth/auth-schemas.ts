// Shared by the sign-in/setup/users forms and their actions.
import "@/lib/forms/zod-jitless"; // before any schema is built: no CSP eval probe in the browser
import { z } from "zod";
import { roles } from "@/lib/auth/permissions";
import { optionalText, requiredText } from "@/lib/forms/form-fields";

export const email = z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : v), z.email("Enter a valid email address").max(320));

export const newPassword = z
  .string({ error: "Password is required" })
  .min(10, "Use at least 10 characters")
  .max(200, "Use at most 200 characters");

export const signInInput = z.object({
  email,
  password: z.string({ error: "Password is required" }).min(1, "Password is required").max(200),
  next: optionalText(300),
});

export const setupInput = z
  .object({ name: requiredText("Name", 100), email, password: newPassword, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "Passwords do not match" });

export const createUserInput = z.object({
  name: requiredText("Name", 100),
  email,
  role: z.enum(roles, { error: "Choose a role" }),
  password: newPassword,
});

export const updateUserInput = z.object({
  id: z.string().min(1),
  role: z.enum(roles, { error: "Choose a role" }),
  disabled: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
});

export const resetPasswordInput = z.object({ id: z.string().min(1), password: newPassword });

export const userIdInput = z.object({ id: z.string().min(1) });
