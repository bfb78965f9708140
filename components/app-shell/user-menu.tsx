import type { SessionUser } from "@/lib/auth/session";
import { signOut } from "@/lib/auth/auth-actions";
import { Badge } from "@/components/ui/badge";

export function UserMenu({ user }: { user: SessionUser }) {
  return (
    <div className="ml-auto flex min-w-0 items-center gap-3 text-sm">
      {/* The name shows at every width (truncated on a phone); the email only where there is room. */}
      <span className="min-w-0 text-right leading-tight" data-testid="current-user" title={user.email}>
        <span className="block max-w-[9rem] truncate font-medium sm:max-w-none">{user.name}</span>
        <span className="muted hidden text-xs sm:block">{user.email}</span>
      </span>
      <Badge tone={user.role === "admin" ? "blue" : user.role === "operator" ? "green" : "neutral"}>{user.role}</Badge>
      <form action={signOut as unknown as (fd: FormData) => Promise<void>}>
        <button type="submit" className="shrink-0 rounded-md px-2 py-1 text-xs whitespace-nowrap muted hover:bg-black/5 dark:hover:bg-white/10">
          Sign out
        </button>
      </form>
    </div>
  );
}
