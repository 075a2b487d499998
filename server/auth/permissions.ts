import "server-only";

export { can, rolePermissions, type Permission, type Role } from "@/lib/roles";
