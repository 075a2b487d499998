import { MAX_BATCH_IDS, jobIdInput } from "./inputs/stacks";

// Operators paste job ids from anywhere: a column of ids, a comma list, a JSON array, chat messages with
// console links (…?job=<uuid>) or Buildkite build links (…/builds/42#<uuid>). Anything else is named back
// to them rather than silently dropped.

export interface JobIdTokens {
  /** Valid ids, lower-cased, first occurrence order, at most the cap. */
  ids: string[];
  /** Tokens that are neither an id nor a link carrying one, as typed, each once. */
  invalid: string[];
  /** Repeats of an id already listed. */
  duplicates: number;
  /** Valid ids past the cap, left out. */
  dropped: number;
}

const SEPARATORS = /[\s,;]+/;
// Quotes and brackets that come along when a JSON array or a quoted list is pasted.
const WRAPPING = /^["'`[\](){}<>]+|["'`[\](){}<>]+$/g;

function asId(candidate: string | null | undefined): string | null {
  if (!candidate) return null;
  return jobIdInput.safeParse(candidate).success ? candidate.toLowerCase() : null;
}

function idFromLink(token: string): string | null {
  if (!/^(https?:\/\/|\/|\?)/i.test(token)) return null;
  let url: URL;
  try {
    url = new URL(token, "http://console.invalid");
  } catch {
    return null;
  }
  return asId(url.searchParams.get("job")) ?? asId(url.hash.slice(1));
}

export function parseJobIdTokens(text: string, max: number = MAX_BATCH_IDS): JobIdTokens {
  const ids: string[] = [];
  const seen = new Set<string>();
  const invalid = new Set<string>();
  let duplicates = 0;
  let dropped = 0;
  for (const raw of text.split(SEPARATORS)) {
    const token = raw.replace(WRAPPING, "");
    if (token === "") continue;
    const id = asId(token) ?? idFromLink(token);
    if (id === null) {
      invalid.add(token);
    } else if (seen.has(id)) {
      duplicates += 1;
    } else {
      seen.add(id);
      if (ids.length < max) ids.push(id);
      else dropped += 1;
    }
  }
  return { ids, invalid: [...invalid], duplicates, dropped };
}

/** "a, b and 3 more": names the first few tokens so a long paste of garbage stays readable. */
export function nameTokens(tokens: readonly string[], shown = 5): string {
  const named = tokens
    .slice(0, shown)
    .map((token) => `“${token}”`)
    .join(", ");
  const rest = tokens.length - shown;
  return rest > 0 ? `${named} and ${rest} more` : named;
}
