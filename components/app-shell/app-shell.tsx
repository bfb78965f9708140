import Link from "next/link";
import type { ReactNode } from "react";
import { cookies } from "next/headers";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { getAwsContextOrNull } from "@/lib/aws/clients";
import { listConnections } from "@/lib/connections/connections";
import { navItems } from "@/lib/nav";
import { THEME_COOKIE, parseTheme } from "@/lib/theme";
import { SidebarNav } from "@/components/app-shell/sidebar-nav";
import { ContextSwitcher } from "@/components/app-shell/context-switcher";
import { ThemeToggle } from "@/components/app-shell/theme-toggle";
import { UserMenu } from "@/components/app-shell/user-menu";

/** The console frame: sidebar (from lib/nav.ts), header with connection/region and the user. */
export async function AppShell({ user, children }: { user: SessionUser; children: ReactNode }) {
  const [connections, ctx, jar] = await Promise.all([listConnections(), getAwsContextOrNull(), cookies()]);
  const items = navItems.filter((i) => can(user.role, i.permission));
  const theme = parseTheme(jar.get(THEME_COOKIE)?.value);
  return (
    <div className="flex min-h-screen">
      <aside className="sticky top-0 hidden h-screen w-52 shrink-0 flex-col border-r border-[var(--border)] bg-[var(--surface)] md:flex">
        <Link href="/" className="flex h-12 items-center gap-2 px-4 text-[15px] font-semibold tracking-tight">
          <span className="inline-block h-5 w-5 rounded bg-[var(--accent)]" aria-hidden="true" />
          Runway
        </Link>
        <SidebarNav items={items} />
        <div className="mt-auto border-t border-[var(--border)] p-2">
          <ThemeToggle initial={theme} />
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        {/* Wraps rather than widening the page on a phone (390 px): switchers on one line, the user on the next. */}
        <header className="sticky top-0 z-10 flex min-h-12 flex-wrap items-center justify-between gap-x-3 gap-y-1 border-b border-[var(--border)] bg-[var(--surface)]/90 px-4 py-1.5 backdrop-blur">
          <div className="flex min-w-0 items-center gap-3">
            <Link href="/" className="font-semibold md:hidden">
              Runway
            </Link>
            <ContextSwitcher connections={connections.map((c) => ({ id: c.id, name: c.name, regions: c.regions, defaultRegion: c.defaultRegion }))} connectionId={ctx?.connection.id ?? null} region={ctx?.region ?? null} />
          </div>
          <UserMenu user={user} />
        </header>
        {/* Phones have no sidebar: its sections and the theme switch live in this row (it scrolls inside itself). */}
        <div className="flex items-center gap-1 border-b border-[var(--border)] bg-[var(--surface)] px-2 py-1 md:hidden">
          <nav aria-label="Sections" className="flex min-w-0 flex-1 gap-1 overflow-x-auto">
            {items.map((i) => (
              <Link key={i.href} href={i.href} className="shrink-0 rounded px-2 py-1 text-sm">
                {i.label}
              </Link>
            ))}
          </nav>
          <ThemeToggle initial={theme} />
        </div>
        <main className="mx-auto w-full max-w-7xl flex-1 p-4 md:p-6">{children}</main>
      </div>
    </div>
  );
}
