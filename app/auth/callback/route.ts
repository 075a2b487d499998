// GET /auth/callback – the identity provider's answer: verify it and start the operator's session
import { callbackHandler } from "@/server/auth/handlers";

export const GET = callbackHandler;
