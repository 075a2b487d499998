import type { Person } from "../support/identity-provider";

// Who can sign in at the test identity provider, and the groups that give them their roles.
export const OIDC_PEOPLE: Record<string, Person> = {
  ada: { email: "ada@example.com", name: "Ada Admin", groups: ["staff", "platform"] },
  vic: { email: "vic@example.com", name: "Vic Viewer", groups: ["staff"] },
};
