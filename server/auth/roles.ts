import "server-only";
import type { Role } from "./permissions";
import type { RoleRules } from "./config";

/**
 * The role a signed-in person gets: admin or operator when their email, its domain or one of their groups
 * is listed for it (admin first), otherwise viewer. An unverified email earns no role beyond viewer.
 */
export function roleFor(identity: { email: string | null; groups: readonly string[] }, rules: RoleRules): Role {
  const email = identity.email?.trim().toLowerCase() ?? null;
  const domain = email && email.includes("@") ? email.slice(email.lastIndexOf("@") + 1) : null;
  const listed = (emails: string[], domains: string[], groups: string[]) =>
    (email !== null && emails.includes(email)) ||
    (domain !== null && domains.includes(domain)) ||
    identity.groups.some((group) => groups.includes(group));
  if (listed(rules.adminEmails, rules.adminDomains, rules.adminGroups)) return "admin";
  if (listed(rules.operatorEmails, rules.operatorDomains, rules.operatorGroups)) return "operator";
  return "viewer";
}
