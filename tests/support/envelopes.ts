import { API_VERSION } from "@/lib/api/envelope";

/** The console API's success envelope for `command`, carrying `data`, as the JSON body it is sent as. */
export const successBody = (command: string, data: unknown) => ({
  ok: true,
  apiVersion: API_VERSION,
  command,
  request: {},
  summary: {},
  pagination: null,
  data,
  error: null,
});
