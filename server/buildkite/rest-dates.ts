// Buildkite's REST API mostly sends ISO-8601, but access-token dates, pipeline `created_at` and webhook
// payloads use "2026-11-20 09:14:03 UTC". Both become one ISO string so nothing downstream cares.
const UTC_FORM = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?) UTC$/;
const ISO_FORM = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** An ISO string (UTC, milliseconds) for either of Buildkite's date forms; null for anything else. */
export function parseBuildkiteDate(value: string): string | null {
  const trimmed = value.trim();
  const utc = UTC_FORM.exec(trimmed);
  const candidate = utc ? `${utc[1]}T${utc[2]}Z` : ISO_FORM.test(trimmed) ? trimmed : null;
  if (candidate === null) return null;
  const ms = Date.parse(candidate);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
