import { startRouteServer } from "./route-server";

// The console's API as a process of its own, configured through its environment like a deployment, so a
// test can kill it outright (SIGKILL) and start it again on the same data directory. Prints its origin.
void startRouteServer().then((routes) => {
  process.stdout.write(`${JSON.stringify({ origin: routes.origin })}\n`);
});
