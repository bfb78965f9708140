import type { SessionUser } from "@/lib/auth/session";
import { signOut } from "@/lib/auth/auth-actions";
import { Badge } from "@/components/ui/badge";

export function UserMenu({ user }: { user: SessionUser }) {
  return (
    <div className="flex items-center gap-3 text-sm">
      <span className="hidden text-right leading-tight sm:block" data-testid="current-user">
        <span className="block font-medium">{user.name}</span>
        <span className="muted block text-xs">{user.email}</span>
      </span>
      <Badge tone={user.role === "admin" ? "blue" : user.role === "operator" ? "green" : "neutral"}>{user.role}</Badge>
      <form action={signOut as unknown as (fd: FormData) => Promise<void>}>
        <button type="submit" className="rounded-md px-2 py-1 text-xs muted hover:bg-black/5 dark:hover:bg-white/10">
          Sign out
        </button>
      </form>
    </div>
  );
}
