"use server";
import { redirect } from "next/navigation";
import { definePublicAction, ActionError } from "@/lib/actions/safe-action";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { endSession, hasAnyUser, startSession } from "@/lib/auth/session";
import { setupInput, signInInput } from "@/lib/auth/auth-schemas";
import { safeNextPath } from "@/lib/auth/safe-next-path";
import { createFirstAdmin } from "@/lib/users/users";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { homeHref } from "@/lib/nav";
import { z } from "zod";

export const signIn = definePublicAction({ name: "auth.sign_in", schema: signInInput, audit: false }, async (input, ctx) => {
  const outcome = await attemptSignIn(input.email, input.password, ctx);
  if (!outcome.ok) throw new ActionError(outcome.message, outcome.rateLimited ? "rate_limited" : "unauthenticated");
  await startSession(outcome.userId);
  redirect(safeNextPath(input.next) ?? homeHref());
});

export const setupFirstAdmin = definePublicAction({ name: "user.create_first_admin", schema: setupInput, audit: false }, async (input, ctx) => {
  if (await hasAnyUser()) throw new ActionError("Setup is already complete. Sign in instead.", "conflict");
  const user = await createFirstAdmin(input);
  await recordAuditEvent({ user, ip: ctx.ip, userAgent: ctx.userAgent }, { action: "user.create_first_admin", target: user.email, result: "succeeded", request: { name: input.name, email: input.email } });
  await startSession(user.id);
  redirect(homeHref());
});

export const signOut = definePublicAction({ name: "auth.sign_out", schema: z.unknown(), audit: false }, async (_input, ctx) => {
  if (ctx.user) await recordAuditEvent(ctx, { action: "auth.sign_out", target: ctx.user.email, result: "succeeded" });
  await endSession();
  redirect("/sign-in");
});
