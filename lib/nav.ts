// The sidebar, from one list. A feature adds its section with one line here.
import type { Permission } from "@/lib/auth/permissions";

export interface NavItem {
  href: string;
  label: string;
  /** shown only to roles with this permission */
  permission: Permission;
  /** icon name from components/app-shell/nav-icon.tsx */
  icon: "services" | "audit" | "connections" | "users" | "settings" | "catalog" | "estimates" | "metrics" | "logs";
}

export const navItems: NavItem[] = [
  { href: "/services", label: "Services", permission: "read", icon: "services" },
  { href: "/autoscaling", label: "Auto scaling", permission: "read", icon: "metrics" },
  { href: "/costs", label: "Costs", permission: "read", icon: "estimates" },
  { href: "/migrate", label: "Migrate", permission: "read", icon: "services" },
  { href: "/catalog", label: "Catalog", permission: "read", icon: "catalog" },
  { href: "/teams", label: "Teams", permission: "read", icon: "users" },
  { href: "/audit", label: "Audit", permission: "read", icon: "audit" },
  { href: "/settings/connections", label: "Connections", permission: "read", icon: "connections" },
  { href: "/users", label: "Users", permission: "users:manage", icon: "users" },
];

/** Where "/" sends a signed-in user: the first section in the list. */
export const homeHref = (): string => navItems[0]?.href ?? "/audit";
