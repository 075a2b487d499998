import { scheduledJobsLatency } from "./scheduled-jobs-latency";
import { stackPage } from "./stack-page";

// `npm run bench`: every benchmark in turn, each printing its own table of figures and ratios.
async function main(): Promise<void> {
  await scheduledJobsLatency();
  await stackPage();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
