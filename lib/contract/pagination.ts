import { z } from "zod";

// The contract's pagination object; a value that is unavailable is null.
export const paginationSchema = z.object({
  page: z.number().int().nullable(),
  perPage: z.number().int().nullable(),
  // A page number for REST lists; for the Stacks list, the opaque cursor to pass back as `after`.
  nextPage: z.union([z.number().int(), z.string()]).nullable(),
  prevPage: z.union([z.number().int(), z.string()]).nullable(),
  hasMore: z.boolean(),
});
export type Pagination = z.infer<typeof paginationSchema>;
