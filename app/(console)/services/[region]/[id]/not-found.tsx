import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export default function ServiceNotFound() {
  return (
    <div className="flex min-h-[40vh] flex-col items-center justify-center gap-3 text-center">
      <h1 className="text-xl font-semibold">No such service</h1>
      <p className="muted text-sm">It may have been deleted, or it lives in another region or connection.</p>
      <Link href="/services" className={buttonClass("secondary")}>
        All services
      </Link>
    </div>
  );
}
