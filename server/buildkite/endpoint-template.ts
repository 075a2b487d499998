// Metrics name the Buildkite endpoint a call went to, never its raw path: a path carries stack keys,
// pipeline slugs, build numbers and job ids, and one label value per job would grow a metric without end.

/** The segment after each of these collections names one of its members. */
const MEMBER_AFTER: Readonly<Record<string, string>> = {
  organizations: "{org}",
  pipelines: "{pipeline}",
  builds: "{number}",
  jobs: "{id}",
  artifacts: "{id}",
  annotations: "{id}",
  stacks: "{key}",
  clusters: "{cluster}",
  queues: "{queue}",
  agents: "{id}",
};

/**
 * Actions spelled where a member would be (`POST /stacks/register`, `POST …/jobs/get-states`). They end
 * the path, which tells them from a stack that happens to be called "register".
 */
const ACTIONS = new Set(["register", "get-states"]);

/** Lower-case words are the APIs' own vocabulary; anything else (ids, numbers, escapes) is a value. */
const WORD = /^[a-z][a-z_-]*$/;

/**
 * The route a request path follows, e.g. `/stacks/{key}/jobs/{id}/finish` for a job's finish. Works on the
 * path relative to the API's base and without its query, as the HTTP core's requests carry it.
 */
export function endpointTemplate(path: string): string {
  const segments = path.split("?")[0]?.split("/") ?? [];
  let collection: string | null = null;
  const templated = segments.map((segment, index) => {
    if (index === 0 || segment === "") return segment;
    const action = index === segments.length - 1 && ACTIONS.has(segment);
    const member = collection === null || action ? undefined : MEMBER_AFTER[collection];
    if (member !== undefined) {
      // A member is never itself a collection: `/organizations/builds/pipelines` is the org named "builds".
      collection = null;
      return member;
    }
    if (!WORD.test(segment)) {
      collection = null;
      return "{id}";
    }
    collection = segment;
    return segment;
  });
  return templated.join("/") || "/";
}
