import { z } from "zod";

/**
 * A Buildkite user as the BFF passes them on (a build's creator, whoever paused a queue). Buildkite may
 * leave out the name, or both name and email, so neither is promised.
 */
export const buildkiteUserSchema = z.object({ name: z.string().nullable(), email: z.string().nullable() });
export type BuildkiteUser = z.infer<typeof buildkiteUserSchema>;

/** What to call a user: their name, else their email, else plainly that Buildkite did not say. */
export function userLabel(user: BuildkiteUser): string {
  return user.name ?? user.email ?? "unnamed user";
}
