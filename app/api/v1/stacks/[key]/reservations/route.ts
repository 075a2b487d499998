// POST /api/v1/stacks/{key}/reservations – reserve (or extend) jobs
import { command } from "@/server/route-kit/route";
import { jobsReserve } from "@/server/commands/jobs-reserve";

export const POST = command(jobsReserve);
