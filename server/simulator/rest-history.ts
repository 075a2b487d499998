import type { AnnotationRecord, AnnotationStyle } from "./annotations";
import {
  coverageHtml,
  DEPLOY_HTML,
  HOSTILE_HTML,
  LIGHTHOUSE_HTML,
  TERRAFORM_HTML,
  testFailuresHtml,
} from "./annotations";
import type { ArtifactKind, ArtifactRecord, ArtifactState } from "./artifacts";
import { AGENT_NAMES, AUTHORS, DEFAULT_QUEUE_KEY, QUEUE_RULES } from "./catalog";
import type { ShowcaseIds } from "./fixtures";
import { jobEnv } from "./job-env";
import type { Build, BuildSource, BuildState, Job, JobState, JobType, LogProfile } from "./model";
import type { Random } from "./random";
import { newBuild } from "./schedule-jobs";
import type { SimState } from "./state";

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

interface StepSpec {
  type?: JobType;
  label: string | null;
  key?: string | null;
  command?: string | null;
  queueKey?: string;
  state: JobState;
  exitStatus?: number | null;
  softFailed?: boolean;
  logProfile?: LogProfile;
  durationMs?: number;
}

interface BuildSpec {
  pipeline: string;
  agoMs: number;
  branch: string;
  message: string;
  state: BuildState;
  source?: BuildSource;
  blocked?: boolean;
  metaData?: Record<string, string>;
  creatorIdsOnly?: boolean;
}

/**
 * Builds one showcase build: jobs run in stages (a waiter ends a stage), each job starting a little after
 * the previous stage finished, so every date the REST API shows is plausible.
 */
class ShowcaseBuild {
  readonly build: Build;
  private stageStart: number;
  private stageEnd: number;

  constructor(
    private readonly state: SimState,
    private readonly random: Random,
    private readonly spec: BuildSpec,
    now: number,
  ) {
    const pipeline = state.pipelines.get(spec.pipeline);
    if (pipeline === undefined) throw new Error(`pipeline ${spec.pipeline} not seeded`);
    const createdAt = now - spec.agoMs;
    this.build = newBuild(state, random, pipeline, createdAt);
    Object.assign(this.build, {
      branch: spec.branch,
      message: spec.message,
      state: spec.state,
      blocked: spec.blocked ?? false,
      source: spec.source ?? "webhook",
      metaData: spec.metaData ?? {},
      pinned: true,
      author: random.pick(AUTHORS),
      creatorIdsOnly: spec.creatorIdsOnly ?? false,
    });
    this.stageStart = createdAt + random.int(2, 8) * SECOND;
    this.stageEnd = this.stageStart;
  }

  job(step: StepSpec): Job {
    const { state, random, build } = this;
    const pipeline = state.pipelines.get(build.pipelineSlug);
    if (pipeline === undefined) throw new Error("pipeline vanished");
    const type = step.type ?? "script";
    const queueKey = step.queueKey ?? DEFAULT_QUEUE_KEY;
    const uuid = random.uuid();
    const scheduledAt = this.stageStart + random.int(200, 1_500);
    const started = !["waiting", "blocked", "scheduled", "pending"].includes(step.state) && type === "script";
    const startedAt = started ? scheduledAt + random.int(2, 25) * SECOND : null;
    const terminal = step.state !== "running" && startedAt !== null;
    const finishedAt = terminal
      ? (startedAt ?? 0) + (step.durationMs ?? random.int(40, 420) * SECOND)
      : type !== "script" && step.state === "finished"
        ? scheduledAt
        : null;
    if (finishedAt !== null && finishedAt > this.stageEnd) this.stageEnd = finishedAt;
    const label = step.label ?? "";
    const command = type === "script" ? (step.command ?? "") : "";
    const stepKey = step.key ?? null;
    const rules = QUEUE_RULES[queueKey]?.[0] ?? [`queue=${queueKey}`];
    const job: Job = {
      uuid,
      seq: state.nextSeq(),
      type,
      label,
      stepKey,
      command,
      env:
        type === "script"
          ? jobEnv(random, { org: state.org, pipeline, build, jobUuid: uuid, label, stepKey, command, queueKey }, false)
          : {},
      agentQueryRules: type === "script" ? [...rules] : [],
      queueKey,
      priority: 0,
      state: step.state,
      buildUuid: build.uuid,
      pipelineSlug: pipeline.slug,
      createdAt: this.stageStart,
      scheduledAt,
      runnableAt: scheduledAt,
      startedAt,
      finishedAt,
      exitStatus: type === "script" && terminal ? (step.exitStatus ?? 0) : null,
      agentName:
        startedAt === null
          ? null
          : random.pick(AGENT_NAMES.filter((name) => (queueKey === "macos") === name.startsWith("mac"))),
      reservation: null,
      notifications: [],
      finishedDetail: null,
      finishedByStack: null,
      softFailed: step.softFailed ?? false,
      retried: false,
      retriedInJobId: null,
      retriesCount: 0,
      retrySource: null,
      triggeredBuildUuid: null,
      logProfile: step.logProfile ?? "standard",
      unblockedBy: null,
      unblockedAt: null,
    };
    build.jobIds.push(uuid);
    state.addJob(job);
    return job;
  }

  /** A waiter: the next jobs start once everything before it has finished. */
  wait(state: JobState = "finished"): Job {
    const job = this.job({ type: "waiter", label: null, state });
    this.stageStart = this.stageEnd + this.random.int(1, 4) * SECOND;
    return job;
  }

  /** Dates of the build from its jobs. */
  finish(): Build {
    const jobs = this.build.jobIds.map((id) => this.state.jobs.get(id)).filter((job): job is Job => job !== undefined);
    const starts = jobs.map((job) => job.startedAt).filter((at): at is number => at !== null);
    this.build.startedAt = starts.length > 0 ? Math.min(...starts) : null;
    const done = ["passed", "failed", "canceled"].includes(this.build.state);
    this.build.finishedAt = done ? Math.max(this.stageEnd, this.build.startedAt ?? 0) : null;
    return this.build;
  }
}

interface Extras {
  artifacts: ArtifactRecord[];
  annotations: AnnotationRecord[];
}

function artifact(
  random: Random,
  job: Job,
  path: string,
  kind: ArtifactKind,
  mimeType: string,
  state: ArtifactState = "finished",
): ArtifactRecord {
  return {
    id: random.uuid(),
    jobUuid: job.uuid,
    buildUuid: job.buildUuid,
    path,
    mimeType,
    state,
    kind,
    seed: random.int(1, 2 ** 31),
  };
}

function annotation(
  random: Random,
  build: Build,
  context: string,
  style: AnnotationStyle,
  bodyHtml: string,
  options: { job?: Job; priority?: number } = {},
): AnnotationRecord {
  const createdAt = (build.startedAt ?? build.createdAt) + random.int(30, 600) * SECOND;
  return {
    id: random.uuid(),
    buildUuid: build.uuid,
    context,
    style,
    scope: options.job === undefined ? "build" : "job",
    jobUuid: options.job?.uuid ?? null,
    priority: options.priority ?? 3,
    bodyHtml,
    createdAt,
    updatedAt: createdAt + random.int(0, 120) * SECOND,
  };
}

/**
 * The REST half's richer past, from its own random stream so the Stacks half's seeded ids never move:
 * builds with several jobs each — passed, failed, soft-failed, timed out, canceled, waiters, a block step,
 * a trigger — plus a running build whose log grows, a 100 MB log, a colourful log, artifacts and
 * annotations (one of them hostile).
 */
export function seedRestHistory(
  state: SimState,
  random: Random,
  now: number,
): Omit<ShowcaseIds, "jobs"> & { jobs: Omit<ShowcaseIds["jobs"], "scheduledJob"> } {
  const extras: Extras = { artifacts: [], annotations: [] };

  // web: a clean build on main with artifacts.
  const green = new ShowcaseBuild(
    state,
    random,
    {
      pipeline: "web",
      agoMs: 50 * HOUR,
      branch: "main",
      message: "Merge pull request #4790 from acme/fix/flaky-login-test",
      state: "passed",
    },
    now,
  );
  green.job({ label: ":eslint: Lint", key: "lint", command: "npm ci && npm run lint", state: "finished" });
  const greenUnit = green.job({ label: ":jest: Unit tests", key: "unit", command: "npm test", state: "finished" });
  green.wait();
  const greenE2e = green.job({
    label: ":playwright: E2E",
    key: "e2e",
    command: "npx playwright test --project=chromium",
    state: "finished",
  });
  green.job({
    label: ":docker: Build image",
    command: "docker build -t acme/web:$BUILDKITE_COMMIT .",
    state: "finished",
  });
  green.finish();
  const junit = artifact(random, greenUnit, "reports/junit.xml", "junit", "application/xml");
  const screenshot = artifact(random, greenE2e, "screenshots/checkout-step-2.png", "png", "image/png");
  extras.artifacts.push(
    junit,
    screenshot,
    artifact(random, greenE2e, "playwright-report/index.html", "html", "text/html"),
  );
  extras.annotations.push(annotation(random, green.build, "deploy-preview", "success", DEPLOY_HTML));

  // web: the 100 MB log and the 100 MB artifact, in a passed build.
  const big = new ShowcaseBuild(
    state,
    random,
    {
      pipeline: "web",
      agoMs: 26 * HOUR,
      branch: "main",
      message: "Turn on verbose test output to chase a flaky suite",
      state: "passed",
    },
    now,
  );
  big.job({ label: ":eslint: Lint", key: "lint", command: "npm ci && npm run lint", state: "finished" });
  const verbose = big.job({
    label: ":jest: Unit tests (verbose)",
    key: "unit-verbose",
    command: "npm test -- --verbose",
    state: "finished",
    logProfile: "large",
    durationMs: 38 * MINUTE,
  });
  const bundle = big.job({
    label: ":package: Bundle",
    key: "bundle",
    command: "npm run build && tar -cf dist/web-bundle.tar dist/",
    state: "finished",
  });
  big.finish();
  const large = artifact(random, bundle, "dist/web-bundle.tar", "large", "application/x-tar");
  const coverageJson = artifact(random, verbose, "coverage/coverage-summary.json", "json", "application/json");
  extras.artifacts.push(large, coverageJson, artifact(random, verbose, "coverage/index.html", "html", "text/html"));
  extras.artifacts.push(artifact(random, bundle, "dist/build-log.txt", "text", "text/plain"));

  // web: a failed build — a failing test job, a soft failure, annotations of every style and a hostile one.
  const red = new ShowcaseBuild(
    state,
    random,
    {
      pipeline: "web",
      agoMs: 5 * HOUR,
      branch: "feature/checkout-v2",
      message: "Checkout v2: apply discount codes before tax",
      state: "failed",
      metaData: { "release-train": "2026.12" },
    },
    now,
  );
  red.job({ label: ":eslint: Lint", key: "lint", command: "npm ci && npm run lint", state: "finished" });
  const failing = red.job({
    label: ":jest: Unit tests",
    key: "unit",
    command: "npm test",
    state: "finished",
    exitStatus: 1,
  });
  const soft = red.job({
    label: ":lighthouse: Lighthouse audit",
    key: "lighthouse",
    command: "npx lhci autorun",
    state: "finished",
    exitStatus: 1,
    softFailed: true,
  });
  const redE2e = red.job({
    label: ":playwright: E2E",
    key: "e2e",
    command: "npx playwright test --project=chromium",
    state: "finished",
  });
  red.finish();
  extras.artifacts.push(
    artifact(random, failing, "reports/junit.xml", "junit", "application/xml"),
    artifact(random, failing, "coverage/coverage-summary.json", "json", "application/json"),
    artifact(random, failing, "coverage/index.html", "html", "text/html"),
    artifact(random, failing, "screenshots/coverage-trend.png", "png", "image/png"),
    artifact(random, soft, "lighthouse/report.html", "html", "text/html", "error"),
    artifact(random, redE2e, "playwright-report/trace.zip", "text", "application/zip", "expired"),
    artifact(random, redE2e, "playwright-report/old-trace.zip", "text", "application/zip", "deleted"),
    artifact(random, redE2e, "playwright-report/uploading.log", "text", "text/plain", "new"),
  );
  extras.annotations.push(
    annotation(
      random,
      red.build,
      "test-failures",
      "error",
      testFailuresHtml([
        {
          name: "Cart › applies discount codes before tax",
          file: "src/checkout/cart.test.ts",
          message: "expect(received).toBe(expected)\n\nExpected: 81\nReceived: 90",
        },
        {
          name: "Cart › keeps the basket after sign-in",
          file: "src/checkout/basket.test.ts",
          message: "TypeError: Cannot read properties of undefined (reading 'items')",
        },
      ]),
      { job: failing, priority: 8 },
    ),
    annotation(random, red.build, "lighthouse", "warning", LIGHTHOUSE_HTML, { job: soft }),
    annotation(random, red.build, "coverage", "info", coverageHtml("84.2")),
    annotation(random, red.build, "release-notes", "info", HOSTILE_HTML, { priority: 1 }),
  );

  // web: running now, its test job's log growing line by line.
  const live = new ShowcaseBuild(
    state,
    random,
    {
      pipeline: "web",
      agoMs: 4 * MINUTE,
      branch: "main",
      message: "Cache node_modules between steps",
      state: "running",
    },
    now,
  );
  live.job({
    label: ":eslint: Lint",
    key: "lint",
    command: "npm ci && npm run lint",
    state: "finished",
    durationMs: 50 * SECOND,
  });
  const growing = live.job({ label: ":jest: Unit tests", key: "unit", command: "npm test", state: "running" });
  live.job({
    label: ":docker: Build image",
    command: "docker build -t acme/web:$BUILDKITE_COMMIT .",
    state: "running",
  });
  live.wait("waiting");
  live.job({
    label: ":playwright: E2E",
    key: "e2e",
    command: "npx playwright test --project=chromium",
    state: "waiting",
  });
  live.finish();

  // api: a timed-out test run fails the build.
  const slow = new ShowcaseBuild(
    state,
    random,
    {
      pipeline: "api",
      agoMs: 8 * HOUR,
      branch: "main",
      message: "Run the race detector on the payments package",
      state: "failed",
    },
    now,
  );
  const timedOut = slow.job({
    label: ":golang: go test",
    key: "test",
    command: "go test ./... -race -count=1",
    state: "timed_out",
    exitStatus: -1,
    durationMs: 60 * MINUTE,
  });
  slow.job({ label: ":golang: go vet", key: "vet", command: "go vet ./...", state: "finished" });
  slow.job({
    label: ":postgres: Migrations check",
    key: "migrations",
    command: "make migrate-check",
    state: "finished",
  });
  slow.finish();

  // api: canceled by someone mid-run; its jobs cannot be retried.
  const stopped = new ShowcaseBuild(
    state,
    random,
    {
      pipeline: "api",
      agoMs: 6 * HOUR,
      branch: "fix/flaky-login-test",
      message: "Add retry to payment webhook handler",
      state: "canceled",
    },
    now,
  );
  const canceled = stopped.job({
    label: ":golang: go test",
    key: "test",
    command: "go test ./... -race -count=1",
    state: "canceled",
    exitStatus: -1,
  });
  stopped.job({ label: ":golang: go vet", key: "vet", command: "go vet ./...", state: "finished" });
  stopped.finish();

  // api: tests passed, waiting for someone to unblock the deploy.
  const gated = new ShowcaseBuild(
    state,
    random,
    {
      pipeline: "api",
      agoMs: 3 * HOUR,
      branch: "main",
      message: "Release 2026.11.3",
      state: "passed",
      blocked: true,
      metaData: { release: "2026.11.3" },
    },
    now,
  );
  const apiPassed = gated.job({
    label: ":golang: go test",
    key: "test",
    command: "go test ./... -race -count=1",
    state: "finished",
  });
  gated.job({ label: ":golang: go vet", key: "vet", command: "go vet ./...", state: "finished" });
  const waiter = gated.wait();
  const manual = gated.job({
    type: "manual",
    label: ":rocket: Deploy to production?",
    key: "deploy-gate",
    state: "blocked",
  });
  gated.job({ label: ":rocket: Deploy", key: "deploy", command: "./scripts/deploy.sh production", state: "waiting" });
  gated.finish();
  extras.artifacts.push(artifact(random, apiPassed, "coverage.out", "text", "text/plain"));

  // api triggers docs; the docs build it started. Its creator comes with ids only, as in a captured list.
  const triggering = new ShowcaseBuild(
    state,
    random,
    {
      pipeline: "api",
      agoMs: 4 * HOUR,
      branch: "main",
      message: "Document the webhook retry policy",
      state: "passed",
      creatorIdsOnly: true,
    },
    now,
  );
  triggering.job({
    label: ":golang: go test",
    key: "test",
    command: "go test ./... -race -count=1",
    state: "finished",
  });
  triggering.wait();
  const trigger = triggering.job({ type: "trigger", label: ":books: Publish docs", key: "docs", state: "finished" });
  triggering.finish();
  const docs = new ShowcaseBuild(
    state,
    random,
    {
      pipeline: "docs",
      agoMs: 4 * HOUR - 5 * MINUTE,
      branch: "main",
      message: "Document the webhook retry policy",
      state: "passed",
      source: "trigger_job",
    },
    now,
  );
  docs.job({ label: ":books: Build site", key: "site", command: "npm run build:docs", state: "finished" });
  docs.finish();
  trigger.triggeredBuildUuid = docs.build.uuid;

  // infra: a terraform plan, thick with colour.
  const plan = new ShowcaseBuild(
    state,
    random,
    {
      pipeline: "infra",
      agoMs: 2 * HOUR,
      branch: "main",
      message: "Move the assets bucket behind CloudFront",
      state: "passed",
      source: "ui",
    },
    now,
  );
  const colour = plan.job({
    label: ":terraform: Plan",
    key: "plan",
    command: "terraform init -input=false && terraform plan",
    state: "finished",
    logProfile: "colour",
  });
  plan.job({ label: ":shell: shellcheck", command: "shellcheck scripts/*.sh", state: "finished" });
  plan.finish();
  extras.annotations.push(annotation(random, plan.build, "terraform-plan", "info", TERRAFORM_HTML, { job: colour }));

  // mobile-ios on the macOS queue.
  const ios = new ShowcaseBuild(
    state,
    random,
    {
      pipeline: "mobile-ios",
      agoMs: 30 * HOUR,
      branch: "release/2026.11",
      message: "Bump fastlane to 2.226",
      state: "passed",
      source: "schedule",
    },
    now,
  );
  ios.job({
    label: ":xcode: Build",
    key: "build",
    command: "bundle exec fastlane build",
    queueKey: "macos",
    state: "finished",
  });
  const snapshots = ios.job({
    label: ":iphone: Snapshot tests",
    key: "snapshot",
    command: "bundle exec fastlane snapshots",
    queueKey: "macos",
    state: "finished",
  });
  ios.finish();
  extras.artifacts.push(artifact(random, snapshots, "snapshots/home-screen.png", "png", "image/png"));

  for (const record of extras.artifacts) state.artifacts.set(record.id, record);
  for (const record of extras.annotations)
    state.annotations.set(record.buildUuid, [...(state.annotations.get(record.buildUuid) ?? []), record]);

  return {
    jobs: {
      largeLog: verbose.uuid,
      colourLog: colour.uuid,
      growingLog: growing.uuid,
      failedJob: failing.uuid,
      softFailedJob: soft.uuid,
      timedOutJob: timedOut.uuid,
      canceledBuildJob: canceled.uuid,
      passedJob: apiPassed.uuid,
      waiterJob: waiter.uuid,
      manualJob: manual.uuid,
      triggerJob: trigger.uuid,
    },
    builds: {
      passedBuild: green.build.uuid,
      namelessCreatorBuild: triggering.build.uuid,
      hostileAnnotation: red.build.uuid,
      annotatedBuild: red.build.uuid,
      blockedBuild: gated.build.uuid,
      canceledBuild: stopped.build.uuid,
      runningBuild: live.build.uuid,
    },
    artifacts: {
      largeArtifact: large.id,
      smallArtifact: coverageJson.id,
      imageArtifact: screenshot.id,
      junitArtifact: junit.id,
    },
  };
}
