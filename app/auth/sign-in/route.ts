// GET /auth/sign-in?returnTo=/path – start OpenID Connect sign-in (authorization code with PKCE)
import { signInHandler } from "@/server/auth/handlers";

export const GET = signInHandler;
