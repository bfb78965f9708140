import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 p-8 text-center">
      <p className="muted text-sm font-medium">404</p>
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="muted max-w-md text-sm">The page you asked for does not exist, or it was removed.</p>
      <Link href="/" className={buttonClass("secondary")}>
        Back to Runway
      </Link>
    </main>
  );
}
