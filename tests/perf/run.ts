import { conditionalPolls } from "./conditional-polls";
import { history } from "./history";
import { livePush } from "./live-push";
import { logParser } from "./log-parser";
import { logStreaming } from "./log-streaming";
import { mutationOverhead } from "./mutation-overhead";
import { scheduledJobsLatency } from "./scheduled-jobs-latency";
import { severalInstances } from "./several-instances";
import { stackPage } from "./stack-page";
import { triage } from "./triage";

// `npm run bench`: every benchmark in turn, each printing its own table of figures and ratios.
// `npm run bench -- log-parser` (names separated by spaces): only those.
const benchmarks: Record<string, () => Promise<void>> = {
  "scheduled-jobs-latency": scheduledJobsLatency,
  "stack-page": stackPage,
  "log-parser": logParser,
  "log-streaming": logStreaming,
  "mutation-overhead": mutationOverhead,
  "several-instances": severalInstances,
  "conditional-polls": conditionalPolls,
  "live-push": livePush,
  triage,
  history,
};

async function main(): Promise<void> {
  const chosen = process.argv.slice(2);
  const unknown = chosen.filter((name) => !(name in benchmarks));
  if (unknown.length > 0)
    throw new Error(`unknown benchmark ${unknown.join(", ")}; known: ${Object.keys(benchmarks).join(", ")}`);
  for (const name of chosen.length > 0 ? chosen : Object.keys(benchmarks)) await benchmarks[name]!();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
