import "server-only";
import { config } from "../config";
import { ConsoleError } from "../route-kit/console-error";
import { log } from "../log";
import { assertSameOrigin } from "../route-kit/route";
import { authPage, finishSignIn, SignInFailed, signOut, startSignIn } from "./oidc";

// The /auth/* route handlers. They exist only in oidc mode; elsewhere they answer 404.

const notHere = () => authPage(404, "Not found", "This console does not sign people in itself.");

export async function signInHandler(request: Request): Promise<Response> {
  const { auth, trustProxy } = config();
  if (auth.mode !== "oidc") return notHere();
  try {
    return await startSignIn(request, auth, trustProxy);
  } catch (error) {
    log().error({ err: error }, "sign-in could not start");
    return authPage(
      503,
      "Sign-in is unavailable",
      "The console could not reach its identity provider. Try again in a moment.",
    );
  }
}

export async function callbackHandler(request: Request): Promise<Response> {
  const { auth, trustProxy } = config();
  if (auth.mode !== "oidc") return notHere();
  try {
    return await finishSignIn(request, auth, trustProxy);
  } catch (error) {
    if (error instanceof SignInFailed) {
      log().warn({ reason: error.message }, "sign-in refused");
      return authPage(400, "Sign-in failed", error.message);
    }
    log().error({ err: error }, "sign-in failed");
    return authPage(
      503,
      "Sign-in is unavailable",
      "The console could not reach its identity provider. Try again in a moment.",
    );
  }
}

export async function signOutHandler(request: Request): Promise<Response> {
  const cfg = config();
  if (cfg.auth.mode !== "oidc") return notHere();
  try {
    assertSameOrigin(request, cfg.trustProxy);
  } catch (error) {
    if (error instanceof ConsoleError)
      return authPage(403, "Not signed out", "Sign-out must come from the console's own page.");
    throw error;
  }
  return signOut(request, cfg.trustProxy);
}
