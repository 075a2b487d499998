import "server-only";
import { BuildkiteError } from "../buildkite/errors";

/**
 * Runs a REST call that needs `scope`. Buildkite refuses a token without it with a 403 whose wording is
 * its own and need not name the scope; the operator has to know which one to add, so a refusal that does
 * not say is reworded to, keeping everything else Buildkite answered.
 */
export async function needingScope<T>(scope: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof BuildkiteError) || error.status !== 403 || error.message.includes(scope)) throw error;
    throw new BuildkiteError({
      kind: error.kind,
      message: `${error.message} (this needs the ${scope} scope on the console's REST API token)`,
      method: error.method,
      path: error.path,
      attempts: error.attempts,
      retryable: error.retryable,
      status: error.status,
      rawBody: error.rawBody,
      headers: error.headers,
      rateLimit: error.rateLimit,
      cause: error,
    });
  }
}
