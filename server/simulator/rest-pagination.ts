import { HttpError } from "./http-errors";

const DEFAULT_PER_PAGE = 30;
const MAX_PER_PAGE = 100;

export interface Paged<T> {
  items: T[];
  /** The `Link` header, absent on a single page. */
  headers: Record<string, string>;
}

function positiveInt(url: URL, name: string, fallback: number): number {
  const text = url.searchParams.get(name);
  if (text === null || text === "") return fallback;
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new HttpError(400, `${name} must be a positive integer`);
  return Number(text);
}

/** REST list pagination as Buildkite does it: `page`/`per_page` in, an RFC 8288 `Link` header out. */
export function paginate<T>(url: URL, all: readonly T[]): Paged<T> {
  const page = positiveInt(url, "page", 1);
  const perPage = Math.min(positiveInt(url, "per_page", DEFAULT_PER_PAGE), MAX_PER_PAGE);
  const lastPage = Math.max(1, Math.ceil(all.length / perPage));
  const link = (target: number, rel: string) => {
    const next = new URL(url);
    next.searchParams.set("page", String(target));
    next.searchParams.set("per_page", String(perPage));
    return `<${next.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(1, "first"), link(Math.min(page - 1, lastPage), "prev"));
  if (page < lastPage) links.push(link(page + 1, "next"), link(lastPage, "last"));
  return {
    items: all.slice((page - 1) * perPage, page * perPage),
    headers: links.length > 0 ? { Link: links.join(", ") } : {},
  };
}
