// GET /api/health – liveness for container health checks and orchestrators; no sign-in
import { health } from "@/server/health/liveness";

export const dynamic = "force-dynamic";
export const GET = health;
