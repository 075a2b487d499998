// GET /auth/sign-in?returnTo=/path – start OpenID Connect sign-in (authorization code with PKCE)
import { signInHandler } from "@/server/auth/handlers";
import { requestScoped } from "@/server/request-context";

export const GET = requestScoped(signInHandler);
