// A secret handed to the e2e build's environment that must never reach a browser: demo mode ignores it
// (demo is chosen by the empty cluster token), so it changes nothing the other specs see, and the secret
// scan proves it stays on the server.
export const CANARY_API_TOKEN = "bkua_canary0e2e5ecre7scan0000000000000000000";
