import type { HttpRequest } from "./http";

/**
 * Percent-encodes one path parameter. Beyond encodeURIComponent it escapes `!'()*` (as Go's
 * url.PathEscape does) and `.`, which the Stacks API rejects raw and which URL parsers would treat as a
 * dot-segment in a key like "..".
 */
export function escapePathSegment(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*.]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Tagged template that escapes every interpolated value: escapedPath`/stacks/${key}/deregister`. */
export function escapedPath(strings: TemplateStringsArray, ...params: string[]): string {
  return strings.reduce((path, literal, index) => {
    const param = params[index - 1];
    return path + (param === undefined ? "" : escapePathSegment(param)) + literal;
  });
}

export function queryString(query: HttpRequest["query"]): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (Array.isArray(value)) for (const item of value as readonly string[]) params.append(name, item);
    else if (value !== undefined) params.append(name, String(value));
  }
  const encoded = params.toString();
  return encoded ? `?${encoded}` : "";
}
