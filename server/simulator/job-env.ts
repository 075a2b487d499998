import type { Random } from "./random";
import type { Build, Organization, Pipeline } from "./model";

interface EnvInput {
  org: Organization;
  pipeline: Pipeline;
  build: Build;
  jobUuid: string;
  label: string;
  stepKey: string | null;
  command: string;
  queueKey: string;
}

/**
 * Env as the agent would receive it, including secret-looking values: the console must prove it redacts
 * them, so the simulator has to serve some.
 */
export function jobEnv(random: Random, input: EnvInput, bulky: boolean): Record<string, string> {
  const { org, pipeline, build } = input;
  const env: Record<string, string> = {
    BUILDKITE: "true",
    CI: "true",
    BUILDKITE_ORGANIZATION_SLUG: org.slug,
    BUILDKITE_PIPELINE_SLUG: pipeline.slug,
    BUILDKITE_PIPELINE_ID: pipeline.uuid,
    BUILDKITE_PIPELINE_DEFAULT_BRANCH: pipeline.defaultBranch,
    BUILDKITE_REPO: pipeline.repository,
    BUILDKITE_BUILD_ID: build.uuid,
    BUILDKITE_BUILD_NUMBER: String(build.number),
    BUILDKITE_BUILD_URL: `https://buildkite.com/${org.slug}/${pipeline.slug}/builds/${build.number}`,
    BUILDKITE_BUILD_CREATOR: (build.creator ?? build.author).name,
    BUILDKITE_BUILD_CREATOR_EMAIL: (build.creator ?? build.author).email,
    BUILDKITE_COMMIT: build.commit,
    BUILDKITE_MESSAGE: build.message,
    BUILDKITE_JOB_ID: input.jobUuid,
    BUILDKITE_LABEL: input.label,
    BUILDKITE_COMMAND: input.command,
    BUILDKITE_AGENT_META_DATA_QUEUE: input.queueKey,
    BUILDKITE_TIMEOUT: "60",
    BUILDKITE_RETRY_COUNT: "0",
  };
  if (build.branch !== null) env.BUILDKITE_BRANCH = build.branch;
  if (input.stepKey !== null) env.BUILDKITE_STEP_KEY = input.stepKey;
  if (random.chance(0.6)) env.DATABASE_PASSWORD = random.alphanumeric(24);
  if (random.chance(0.4)) env.AWS_SECRET_ACCESS_KEY = random.alphanumeric(40);
  if (random.chance(0.3)) env.NPM_TOKEN = `npm_${random.alphanumeric(36)}`;
  if (random.chance(0.2)) env.STRIPE_API_KEY = `sk_test_${random.alphanumeric(32)}`;
  if (bulky) env.BUILDKITE_PLUGINS = bulkyPlugins(random);
  return env;
}

/** Real pipelines inline large plugin configs; these make env + command exceed 100 KB like the docs warn. */
function bulkyPlugins(random: Random): string {
  const plugins = Array.from({ length: 400 }, (_, i) => ({
    [`github.com/acme/plugin-${i}-buildkite-plugin#v1.${i}.0`]: {
      files: Array.from({ length: 4 }, () => `services/${random.alphanumeric(12)}/**/*.ts`),
      checksum: random.hex(40),
    },
  }));
  return JSON.stringify(plugins);
}

export function bulkyCommand(random: Random, base: string): string {
  const lines = [base];
  for (let i = 0; i < 900; i++) lines.push(`echo "--- shard ${i}" && ./scripts/run-shard.sh --id ${random.hex(16)}`);
  return lines.join("\n");
}
