import "server-only";
import { wholeNumberText } from "@/lib/inputs/numbers";
import { auditEntrySchema } from "@/lib/schemas/audit";
import { streamedFileOutput } from "../route-kit/streamed-file";
import { z } from "zod";
import { AUDIT_PER_PAGE, auditOutcomes } from "@/lib/schemas/audit";
import { auditJobIdInput } from "@/lib/filters/audit";
import { defineCommand, type CommandOutput } from "../route-kit/command";
import { streamedFile, type StreamedFile } from "../route-kit/streamed-file";
import type { AuditEntry } from "@/lib/schemas/audit";
import { csvStream } from "../store/audit-csv";

const time = z
  .string()
  .max(64)
  .refine((value) => !Number.isNaN(Date.parse(value)), "must be a date and time such as 2026-01-31T14:00:00Z")
  .transform((value) => new Date(value))
  .optional();

const auditListInput = z.object({
  operator: z.string().trim().min(1).max(200).optional(),
  action: z
    .string()
    .regex(/^[a-z]+(\.[a-z]+)+$/, "must be a command name such as jobs.finish")
    .optional(),
  jobId: auditJobIdInput.optional(),
  outcome: z.enum(auditOutcomes, `must be one of ${auditOutcomes.join(", ")}`).optional(),
  from: time,
  to: time,
  page: wholeNumberText("a page number", { min: 1, max: 100_000 }).default(1),
  perPage: wholeNumberText("a page size", { min: 1, max: 500 }).default(AUDIT_PER_PAGE),
  format: z.enum(["json", "csv"], "must be json or csv").default("json"),
});

export const auditList = defineCommand({
  name: "audit.list",
  permission: "read",
  output: z.union([z.array(auditEntrySchema), streamedFileOutput]),
  query: auditListInput,
  async run({ query }, { runtime }): Promise<CommandOutput<AuditEntry[] | StreamedFile>> {
    const { audit } = await runtime.store();
    const { page, perPage, format, ...filter } = query;
    if (format === "csv") {
      const stamp = new Date().toISOString().replace(/[:.]/g, "-");
      return {
        data: streamedFile(csvStream(audit.each(filter)), {
          contentType: "text/csv; charset=utf-8",
          contentLength: null,
          filename: `audit-${stamp}.csv`,
        }),
      };
    }
    const { entries, total } = await audit.list(filter, { limit: perPage, offset: (page - 1) * perPage });
    const hasMore = page * perPage < total;
    return {
      data: entries,
      summary: { count: entries.length, total },
      pagination: { page, perPage, nextPage: hasMore ? page + 1 : null, prevPage: page > 1 ? page - 1 : null, hasMore },
    };
  },
});
