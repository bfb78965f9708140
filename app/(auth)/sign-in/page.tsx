import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser, hasAnyUser } from "@/lib/auth/session";
import { homeHref } from "@/lib/nav";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (!(await hasAnyUser())) redirect("/setup");
  if (await getCurrentUser()) redirect(homeHref());
  const { next } = await searchParams;
  return (
    <>
      <h1 className="mb-4 text-base font-semibold">Sign in to Runway</h1>
      <SignInForm next={typeof next === "string" ? next : undefined} />
    </>
  );
}
