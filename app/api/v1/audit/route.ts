// GET /api/v1/audit – the audit log of every mutation, filtered and paged; ?format=csv exports it all
import { command } from "@/server/route-kit/route";
import { auditList } from "@/server/commands/audit-list";

export const GET = command(auditList);
