// Roles and what each may do. Every page and Server Action names the
// permission it needs; the check happens on the server only.
export const roles = ["viewer", "operator", "admin"] as const;
export type Role = (typeof roles)[number];

export type Permission =
  | "read" // see services, metrics, logs, catalog, audit
  | "services:operate" // create, update, pause, resume, deploy, delete services; domains; auto scaling
  | "catalog:edit"
  | "estimates:edit"
  | "prices:manage" // edit the price tables every estimate is computed with
  | "connections:manage"
  | "users:manage"
  | "teams:manage"; // create teams, add members, import a Backstage catalog

const grants: Record<Role, readonly Permission[]> = {
  viewer: ["read"],
  operator: ["read", "services:operate", "catalog:edit", "estimates:edit"],
  admin: ["read", "services:operate", "catalog:edit", "estimates:edit", "prices:manage", "connections:manage", "users:manage", "teams:manage"],
};

export function can(role: Role, permission: Permission): boolean {
  return grants[role].includes(permission);
}
