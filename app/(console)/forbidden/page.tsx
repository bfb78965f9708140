import Link from "next/link";
import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "Not allowed" };

export default async function ForbiddenPage() {
  const user = await requireUser();
  return (
    <div className="flex min-h-[50vh] flex-col items-center justify-center gap-3 text-center">
      <p className="muted text-sm font-medium">403</p>
      <h1 className="text-2xl font-semibold">You do not have access to that page</h1>
      <p className="muted max-w-md text-sm">Your role ({user.role}) does not include it. Ask an admin if you need it.</p>
      <Link href="/" className={buttonClass("secondary")}>
        Back
      </Link>
    </div>
  );
}
