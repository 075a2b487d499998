// Roles and what each may do. Shared by the server (which enforces it on every route) and the pages
// (which disable what the operator cannot do and say why); the server's answer is the one that counts.

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

const needs: Record<Permission, Role> = { read: "viewer", "jobs.write": "operator", "stacks.admin": "admin" };

/** Why an operator cannot do something, in words for a disabled button's title. */
export function deniedReason(role: Role, permission: Permission): string {
  return `Your role (${role}) cannot do this: it needs the ${needs[permission]} role.`;
}
