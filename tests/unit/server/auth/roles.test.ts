import { describe, expect, test } from "vitest";
import { roleFor } from "@/server/auth/roles";
import type { RoleRules } from "@/server/auth/config";

const none: RoleRules = {
  adminEmails: [],
  operatorEmails: [],
  adminDomains: [],
  operatorDomains: [],
  adminGroups: [],
  operatorGroups: [],
};

describe("roleFor", () => {
  test("anyone signed in but not listed is a viewer", () => {
    expect(roleFor({ email: "someone@example.com", groups: ["staff"] }, none)).toBe("viewer");
    expect(roleFor({ email: null, groups: [] }, none)).toBe("viewer");
  });

  test("listed emails match whatever their case", () => {
    const rules = { ...none, adminEmails: ["ada@example.com"], operatorEmails: ["bob@example.com"] };
    expect(roleFor({ email: "Ada@Example.com", groups: [] }, rules)).toBe("admin");
    expect(roleFor({ email: "bob@example.com", groups: [] }, rules)).toBe("operator");
    expect(roleFor({ email: "carol@example.com", groups: [] }, rules)).toBe("viewer");
  });

  test("a domain covers its own addresses only, not look-alike domains", () => {
    const rules = { ...none, operatorDomains: ["example.com"] };
    expect(roleFor({ email: "dev@example.com", groups: [] }, rules)).toBe("operator");
    expect(roleFor({ email: "dev@evil-example.com", groups: [] }, rules)).toBe("viewer");
    expect(roleFor({ email: "dev@example.com.evil.io", groups: [] }, rules)).toBe("viewer");
    expect(roleFor({ email: "example.com", groups: [] }, rules)).toBe("viewer");
  });

  test("groups map to roles exactly, and admin wins over operator", () => {
    const rules = { ...none, adminGroups: ["platform-admins"], operatorGroups: ["oncall"] };
    expect(roleFor({ email: null, groups: ["oncall"] }, rules)).toBe("operator");
    expect(roleFor({ email: null, groups: ["oncall", "platform-admins"] }, rules)).toBe("admin");
    expect(roleFor({ email: null, groups: ["Oncall", "oncall-readers"] }, rules)).toBe("viewer");
  });
});
