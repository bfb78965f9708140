"use server";
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/safe-action";
import { createUserInput, resetPasswordInput, updateUserInput, userIdInput } from "@/lib/auth/auth-schemas";
import { createUser, deleteUser, resetPassword, updateUser } from "@/lib/users/users";

export const createUserAction = defineAction({ name: "user.create", permission: "users:manage", schema: createUserInput }, async (input, ctx) => {
  ctx.setAuditDetails({ target: input.email });
  const user = await createUser(input);
  revalidatePath("/users");
  return user;
});

export const updateUserAction = defineAction({ name: "user.update", permission: "users:manage", schema: updateUserInput }, async (input, ctx) => {
  const user = await updateUser(ctx.user.id, input);
  ctx.setAuditDetails({ target: user.email });
  revalidatePath("/users");
  return user;
});

export const resetPasswordAction = defineAction({ name: "user.reset_password", permission: "users:manage", schema: resetPasswordInput }, async (input, ctx) => {
  const user = await resetPassword(input);
  ctx.setAuditDetails({ target: user.email });
  return { id: user.id };
});

export const deleteUserAction = defineAction({ name: "user.delete", permission: "users:manage", schema: userIdInput }, async ({ id }, ctx) => {
  const user = await deleteUser(ctx.user.id, id);
  ctx.setAuditDetails({ target: user.email });
  revalidatePath("/users");
  return user;
});
