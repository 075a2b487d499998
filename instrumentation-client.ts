import { config } from "zod";

// Runs in the browser before any of the console's own modules. Building its first object schema, zod probes
// whether it may compile validators with `new Function`; the Content-Security-Policy allows no eval, so the
// probe would be refused and reported as a violation on every page. The browser validates small payloads and
// form inputs, so the interpreted path costs nothing noticeable.
config({ jitless: true });
