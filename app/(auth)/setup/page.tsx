import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { hasAnyUser } from "@/lib/auth/session";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "Set up" };

export default async function SetupPage() {
  // Setup exists only until the first user does.
  if (await hasAnyUser()) redirect("/sign-in");
  return (
    <>
      <h1 className="text-base font-semibold">Create the first admin</h1>
      <p className="muted mb-4 mt-1 text-sm">Runway has no users yet. This account can manage users and connections.</p>
      <SetupForm />
    </>
  );
}
