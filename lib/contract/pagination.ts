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

/**
 * A page-numbered REST list's pagination: the page asked for and the neighbours the `Link` header named.
 * Without a `prev` link, the page before is still known from the page number.
 */
export function pageNumberPagination(
  asked: { page: number; perPage: number },
  links: { nextPage: number | null; prevPage: number | null },
): Pagination {
  return {
    page: asked.page,
    perPage: asked.perPage,
    nextPage: links.nextPage,
    prevPage: links.prevPage ?? (asked.page > 1 ? asked.page - 1 : null),
    hasMore: links.nextPage !== null,
  };
}
