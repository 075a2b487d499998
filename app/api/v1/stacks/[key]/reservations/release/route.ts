// POST /api/v1/stacks/{key}/reservations/release – give reserved jobs back (re-reserve them for 1 s)
import { command } from "@/server/route-kit/route";
import { jobsRelease } from "@/server/commands/jobs-release";

export const POST = command(jobsRelease);
