/** Vocabulary the seeded organisation is drawn from; it reads like a real engineering org's CI. */
export interface PipelineTemplate {
  slug: string;
  name: string;
  repository: string;
  /** Queue keys this pipeline's steps target, default queue first. */
  queues: readonly string[];
  steps: readonly { key: string | null; label: string; command: string }[];
}

export const ORG_SLUG = "acme";
export const DEFAULT_QUEUE_KEY = "_default";
export const DEFAULT_QUEUE_ALIASES: readonly string[] = ["_default", "__default__"];
export const PRE_REGISTERED_STACK_KEY = "stack-console";

export const QUEUE_RULES: Readonly<Record<string, readonly (readonly string[])[]>> = {
  _default: [["queue=_default"], ["queue=_default"], ["queue=_default", "docker=true"]],
  "linux-large": [
    ["queue=linux-large", "arch=arm64"],
    ["queue=linux-large", "arch=amd64"],
  ],
  macos: [["queue=macos", "xcode=16.2"]],
};

export const PIPELINES: readonly PipelineTemplate[] = [
  {
    slug: "web",
    name: "Web",
    repository: "git@github.com:acme/web.git",
    queues: ["_default", "linux-large"],
    steps: [
      { key: "lint", label: ":eslint: Lint", command: "npm ci && npm run lint" },
      { key: "unit", label: ":jest: Unit tests", command: "npm ci && npm test -- --shard=$BUILDKITE_PARALLEL_JOB" },
      { key: "e2e", label: ":playwright: E2E", command: "npx playwright test --project=chromium" },
      { key: null, label: ":docker: Build image", command: "docker build -t acme/web:$BUILDKITE_COMMIT ." },
    ],
  },
  {
    slug: "api",
    name: "API",
    repository: "git@github.com:acme/api.git",
    queues: ["_default", "linux-large"],
    steps: [
      { key: "test", label: ":golang: go test", command: "go test ./... -race -count=1" },
      { key: "vet", label: ":golang: go vet", command: "go vet ./..." },
      { key: "migrations", label: ":postgres: Migrations check", command: "make migrate-check" },
    ],
  },
  {
    slug: "mobile-ios",
    name: "Mobile iOS",
    repository: "git@github.com:acme/mobile-ios.git",
    queues: ["macos"],
    steps: [
      { key: "build", label: ":xcode: Build", command: "bundle exec fastlane build" },
      { key: "snapshot", label: ":iphone: Snapshot tests", command: "bundle exec fastlane snapshots" },
    ],
  },
  {
    slug: "infra",
    name: "Infrastructure",
    repository: "git@github.com:acme/infra.git",
    queues: ["_default"],
    steps: [
      { key: "plan", label: ":terraform: Plan", command: "terraform init -input=false && terraform plan" },
      { key: null, label: ":shell: shellcheck", command: "shellcheck scripts/*.sh" },
    ],
  },
  {
    slug: "docs",
    name: "Docs",
    repository: "git@github.com:acme/docs.git",
    queues: ["_default"],
    steps: [{ key: "site", label: ":books: Build site", command: "npm run build:docs" }],
  },
];

export const BRANCHES: readonly string[] = [
  "main",
  "main",
  "main",
  "release/2026.11",
  "feature/checkout-v2",
  "fix/flaky-login-test",
  "renovate/node-22.x",
];

export const AUTHORS: readonly { name: string; email: string }[] = [
  { name: "Priya Raman", email: "priya@acme.example" },
  { name: "Tomás Ortega", email: "tomas@acme.example" },
  { name: "Mei Chen", email: "mei@acme.example" },
  { name: "Jonas Weber", email: "jonas@acme.example" },
];

export const COMMIT_MESSAGES: readonly string[] = [
  "Fix race in session refresh",
  "Bump lodash from 4.17.20 to 4.17.21",
  "Add retry to payment webhook handler",
  "Merge pull request #4812 from acme/feature/checkout-v2",
  'Revert "Enable new search ranking"',
  "Tidy up CI pipeline",
];

export const AGENT_NAMES: readonly string[] = ["i-0a1b2c3d-1", "i-0a1b2c3d-2", "ci-runner-7f9c", "mac-mini-04"];
