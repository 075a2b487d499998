import type { Random } from "./random";

// Text of simulated job logs, line by line, as the Buildkite agent writes them: every line starts with a
// `bk;t=` timestamp (APC), ends in `\r\n`, and carries the colours, progress redraws, links and group headers
// real tools print. See https://buildkite.com/docs/pipelines/configure/managing-log-output.

export const ESC = "\x1b";
const BEL = "\x07";
export const RESET = `${ESC}[0m`;

/** The agent's timestamp; every ninth line uses the `ESC \` terminator some agents send. */
export function stamp(ms: number, index: number): string {
  return `${ESC}_bk;t=${Math.round(ms)}${index % 9 === 4 ? `${ESC}\\` : BEL}`;
}

export const sgr = (codes: string, text: string): string => `${ESC}[${codes}m${text}${RESET}`;
export const link = (url: string, text: string): string => `${ESC}]8;;${url}${BEL}${text}${ESC}]8;;${BEL}`;

export interface HeaderInput {
  agent: string;
  pipeline: string;
  repository: string;
  commit: string;
  message: string;
  command: string;
  docker: boolean;
}

/** The agent's own sections before the command runs: hooks, checkout (with progress redraws), docker pull. */
export function headerLines(random: Random, input: HeaderInput): string[] {
  const objects = random.int(2_000, 9_000);
  const receiving = [0, 12, 27, 41, 58, 73, 89, 100]
    .map(
      (pct) =>
        `Receiving objects: ${String(pct).padStart(3)}% (${Math.round((objects * pct) / 100)}/${objects})${pct === 100 ? `, ${random.int(4, 40)}.${random.int(10, 99)} MiB | 28.11 MiB/s, done.` : ""}`,
    )
    .join("\r");
  const repoPath = input.repository.replace(/^git@github\.com:/, "").replace(/\.git$/, "");
  const lines = [
    `~~~ Running global environment hook`,
    `$ /etc/buildkite-agent/hooks/environment`,
    `Exporting NPM_TOKEN=[REDACTED]`,
    `Exporting DATABASE_PASSWORD=[REDACTED]`,
    `~~~ Preparing working directory`,
    `$ cd /var/lib/buildkite-agent/builds/${input.agent}/acme/${input.pipeline}`,
    `$ git fetch -v --prune -- origin ${input.commit}`,
    `remote: Enumerating objects: ${objects}, done.`,
    receiving,
    `$ git checkout -f ${input.commit}`,
    `HEAD is now at ${link(`https://github.com/${repoPath}/commit/${input.commit}`, input.commit.slice(0, 7))} ${input.message}`,
  ];
  if (input.docker) lines.push(`~~~ :docker: Pulling acme/ci-node:22`, ...dockerPull(random));
  lines.push(`~~~ Running commands`, `$ ${input.command.split("\n")[0] ?? ""}`);
  return lines;
}

/** `docker pull` redraws its layer lines in place with cursor-up, erase-line and cursor-down. */
function dockerPull(random: Random): string[] {
  const layers = Array.from({ length: 4 }, () => random.hex(12));
  const sizes = layers.map(() => random.int(3, 90));
  const redraws: string[] = [];
  for (let step = 1; step <= 4; step++) {
    layers.forEach((layer, i) => {
      const up = layers.length - i;
      const total = sizes[i] ?? 10;
      const done = ((total * step) / 4).toFixed(1);
      const bar = `[${"=".repeat(step * 10 - 1)}>${" ".repeat(40 - step * 10)}]`;
      const text = step === 4 ? `${layer}: Pull complete` : `${layer}: Downloading ${bar}  ${done}MB/${total}MB`;
      redraws.push(`${ESC}[${up}A${ESC}[2K\r${text}${ESC}[${up}B\r`);
    });
  }
  return [
    `22: Pulling from acme/ci-node`,
    ...layers.slice(0, -1).map((layer) => `${layer}: Pulling fs layer`),
    `${layers.at(-1) ?? ""}: Pulling fs layer${redraws.join("")}`,
    `Digest: sha256:${random.hex(64)}`,
    `Status: Downloaded newer image for acme/ci-node:22`,
  ];
}

export type LogKind = "jest" | "eslint" | "playwright" | "docker" | "go" | "terraform" | "xcode" | "generic";

export function logKind(label: string, command: string): LogKind {
  const text = `${label} ${command}`.toLowerCase();
  if (text.includes("jest") || text.includes("npm test")) return "jest";
  if (text.includes("lint")) return "eslint";
  if (text.includes("playwright")) return "playwright";
  if (text.includes("docker") || text.includes("bundle")) return "docker";
  if (text.includes("go test") || text.includes("go vet") || text.includes("migrat")) return "go";
  if (text.includes("terraform")) return "terraform";
  if (text.includes("fastlane") || text.includes("xcode")) return "xcode";
  return "generic";
}

const MODULES = ["checkout", "cart", "auth", "search", "profile", "payments", "inventory", "notifications"];
const ms = (random: Random) => sgr("2", `(${random.int(1, 900)} ms)`);

/** Body line `i` of a job's command output: a pure function of the job's draws for that line. */
export function bodyLine(kind: LogKind, random: Random, i: number): string {
  const area = MODULES[i % MODULES.length] ?? "core";
  if (i % 40 === 0) return groupHeader(kind, Math.floor(i / 40) + 1);
  if (i % 23 === 11) return progressLine(random);
  switch (kind) {
    case "jest":
      return i % 7 === 3
        ? ` ${sgr("1;42;30", " PASS ")} src/${area}/${random.alphanumeric(6)}.test.ts ${ms(random)}`
        : `    ${sgr("32", "✓")} ${area} › ${random.pick(["renders", "handles", "rejects", "retries", "caches"])} ${random.alphanumeric(random.int(6, 24))} ${ms(random)}`;
    case "eslint":
      return i % 9 === 5
        ? `  ${sgr("2", `${random.int(1, 300)}:${random.int(1, 80)}`)}  ${sgr("33", "warning")}  Unexpected console statement  ${sgr("2", "no-console")}`
        : `${sgr("4", `/workdir/src/${area}/${random.alphanumeric(8)}.ts`)}`;
    case "playwright":
      return `  ${sgr("32", "✓")}  ${random.int(1, 40)} [chromium] › ${area}.spec.ts:${random.int(3, 200)}:${random.int(1, 9)} › ${random.pick(["checkout flow", "signs in", "searches"])} ${sgr("2", `(${random.int(200, 9000)}ms)`)}`;
    case "docker":
      return `#${random.int(4, 30)} ${sgr("34", `[${random.int(1, 4)}/${random.int(5, 9)}]`)} RUN npm run build -- --filter=${area}  ${sgr("2", `${(random.int(1, 900) / 10).toFixed(1)}s`)}`;
    case "go":
      return i % 5 === 2
        ? `ok  \tgithub.com/acme/api/internal/${area}\t${(random.int(10, 9000) / 1000).toFixed(3)}s\tcoverage: ${random.int(40, 99)}.${random.int(0, 9)}% of statements`
        : i % 2 === 0
          ? `=== RUN   Test${random.alphanumeric(10)}`
          : `--- PASS: Test${random.alphanumeric(10)} (0.0${random.int(0, 9)}s)`;
    case "terraform":
    case "xcode":
    case "generic":
      return `${sgr("36", "▸")} ${random.pick(["Compiling", "Linking", "Processing", "Copying"])} ${area}/${random.alphanumeric(10)}.${random.pick(["swift", "ts", "sh", "tf"])}`;
  }
}

function groupHeader(kind: LogKind, n: number): string {
  const emoji: Record<LogKind, string> = {
    jest: ":jest:",
    eslint: ":eslint:",
    playwright: ":playwright:",
    docker: ":docker:",
    go: ":golang:",
    terraform: ":terraform:",
    xcode: ":xcode:",
    generic: ":gear:",
  };
  return `--- ${emoji[kind]} ${sgr("1", `Part ${n}`)}`;
}

/** A progress bar drawn over itself with bare `\r`, as npm and friends do. */
function progressLine(random: Random): string {
  const frames = [0, 20, 40, 60, 80, 100].map((pct) => {
    const filled = Math.round(pct / 5);
    return `${sgr("36", "[")}${"#".repeat(filled)}${".".repeat(20 - filled)}${sgr("36", "]")} ${String(pct).padStart(3)}% ${random.pick(["fetching", "extracting", "linking"])}`;
  });
  return frames.join("\r");
}

/** The colour-heavy profile: a terraform plan plus every SGR form the viewer must render. */
export function colourLine(random: Random, i: number): string {
  if (i % 50 === 0) return `--- :terraform: ${sgr("1;35", `module.region_${Math.floor(i / 50)}`)}`;
  switch (i % 10) {
    case 0:
      return Array.from({ length: 36 }, (_, k) => `${ESC}[48;5;${16 + ((i + k * 6) % 216)}m `).join("") + RESET;
    case 1:
      return (
        Array.from({ length: 24 }, (_, k) => `${ESC}[38;2;${(k * 10) % 256};${(i * 7) % 256};${255 - k * 10}m█`).join(
          "",
        ) + RESET
      );
    case 2:
      return `  ${sgr("32", "+")} resource ${sgr("1", `"aws_s3_bucket"`)} ${sgr("1", `"assets_${i}"`)} {`;
    case 3:
      return `      ${sgr("32", "+")} bucket = ${sgr("38;5;214", `"acme-assets-${random.hex(6)}"`)}`;
    case 4:
      return `      ${sgr("33", "~")} tags   = { ${sgr("9", `"owner" = "web"`)} -> ${sgr("3", `"owner" = "platform"`)} }`;
    case 5:
      return `  ${sgr("31", "-")} ${sgr("91", "destroy")} ${sgr("4", `aws_iam_policy.legacy_${i}`)}`;
    case 6:
      return `${sgr("90", "bright black")} ${sgr("91", "red")} ${sgr("92", "green")} ${sgr("93", "yellow")} ${sgr("94", "blue")} ${sgr("95", "magenta")} ${sgr("96", "cyan")} ${sgr("97", "white")} ${sgr("100;97", " bg ")} ${sgr("107;30", " bg ")}`;
    case 7:
      return `${sgr("1", "bold")} ${sgr("2", "faint")} ${sgr("3", "italic")} ${sgr("4", "underline")} ${sgr("5", "blink")} ${sgr("9", "strike")} ${ESC}[1;4;38;2;255;105;180mpink bold underline${ESC}[22;24m still pink${ESC}[39m default${RESET}`;
    case 8:
      return i % 100 === 8
        ? `Plan details: ${link("https://app.terraform.io/acme/runs/run-" + random.alphanumeric(12), "Terraform Cloud run")} · ${link("javascript:alert(document.cookie)", "open the plan viewer")}`
        : `${ESC}[38;5;${random.int(16, 231)}m${random.pick(["data", "module", "resource"])}.${random.alphanumeric(12)}${ESC}[39m: Refreshing state... [id=${random.hex(16)}]`;
    default:
      return `${ESC}[${random.int(30, 37)};${random.int(40, 47)}m ${random.alphanumeric(8)} ${ESC}[49m${ESC}[39m plain again`;
  }
}

/** What the command printed last, then the agent's verdict; `^^^ +++` opens the failing group. */
export function footerLines(
  kind: LogKind,
  outcome: "passed" | "failed" | "timed_out" | "canceled",
  exitStatus: number | null,
): string[] {
  const preExit = [`~~~ Running global pre-exit hook`, `$ /etc/buildkite-agent/hooks/pre-exit`];
  if (outcome === "passed") {
    const summary =
      kind === "jest"
        ? `${sgr("1", "Tests:")}       ${sgr("1;32", "214 passed")}, 214 total`
        : `${sgr("32", "✔")} Done`;
    return [summary, ...preExit];
  }
  if (outcome === "timed_out") {
    return [
      `${sgr("33", "# Job exceeded its 60 minute timeout; sending SIGTERM")}`,
      `${sgr("31", "🚨 Error: The command was interrupted by a signal: terminated")}`,
      `^^^ +++`,
      ...preExit,
    ];
  }
  if (outcome === "canceled") {
    return [
      `${sgr("33", "# Received cancellation signal, interrupting")}`,
      `${sgr("31", "🚨 Error: The command was interrupted by a signal: interrupt")}`,
      ...preExit,
    ];
  }
  const failure =
    kind === "jest"
      ? [
          `+++ :rotating_light: ${sgr("1;31", "Test failures")}`,
          ` ${sgr("1;41;97", " FAIL ")} src/checkout/cart.test.ts`,
          `  ${sgr("1;31", "● Cart › applies discount codes before tax")}`,
          ``,
          `    expect(${sgr("31", "received")}).toBe(${sgr("32", "expected")}) // Object.is equality`,
          ``,
          `    Expected: ${sgr("32", "81")}`,
          `    Received: ${sgr("31", "90")}`,
          ``,
          `      ${sgr("2", "40 |")}   const total = cart.total();`,
          `    ${sgr("1;31", ">")} ${sgr("2", "41 |")}   expect(total).toBe(81);`,
          `      ${sgr("2", "   |")}                 ${sgr("1;31", "^")}`,
          `      at Object.<anonymous> (${link("https://github.com/acme/web/blob/main/src/checkout/cart.test.ts#L41", "src/checkout/cart.test.ts:41:17")})`,
          ``,
          `${sgr("1", "Tests:")}       ${sgr("1;31", "2 failed")}, ${sgr("1;32", "212 passed")}, 214 total`,
        ]
      : [
          `+++ :rotating_light: ${sgr("1;31", "Failures")}`,
          `${sgr("31", "Error:")} ${kind === "go" ? "--- FAIL: TestPaymentsWebhookRetry (0.42s)" : "Process completed with failures"}`,
        ];
  return [
    ...failure,
    `^^^ +++`,
    `${sgr("31", `🚨 Error: The command exited with status ${exitStatus ?? 1}`)}`,
    ...preExit,
  ];
}
