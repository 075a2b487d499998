import "server-only";

export type Permission = "read" | "jobs.write" | "stacks.admin";
export type Role = "viewer" | "operator" | "admin";

export const rolePermissions: Record<Role, readonly Permission[]> = {
  viewer: ["read"],
  operator: ["read", "jobs.write"],
  admin: ["read", "jobs.write", "stacks.admin"],
};

export function can(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}
