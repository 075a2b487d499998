/**
 * RFC 8288 `Link` header as Buildkite's REST API sends it for pagination:
 * `<https://api.buildkite.com/v2/…?page=3&per_page=30>; rel="next", <…>; rel="last"`.
 * Returns each relation's URL; a link with several relations (`rel="next last"`) is filed under each.
 */
export function parseLinkHeader(header: string | undefined): Record<string, string> {
  const links: Record<string, string> = {};
  if (!header) return links;
  // A comma can appear inside <…> (query strings), so split on commas that start a new `<`.
  for (const part of header.split(/,\s*(?=<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (!match) continue;
    const [, url = "", params = ""] = match;
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(params);
    const relations = (rel?.[1] ?? rel?.[2] ?? "").toLowerCase().split(/\s+/).filter(Boolean);
    for (const relation of relations) links[relation] ??= url;
  }
  return links;
}

/** The `page` query parameter of a pagination link, or null when it has none. */
export function pageNumber(url: string | undefined): number | null {
  if (url === undefined) return null;
  try {
    const page = new URL(url).searchParams.get("page");
    return page !== null && /^\d+$/.test(page) ? Number(page) : null;
  } catch {
    return null;
  }
}
