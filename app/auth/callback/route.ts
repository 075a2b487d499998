// GET /auth/callback – the identity provider's answer: verify it and start the operator's session
import { callbackHandler } from "@/server/auth/handlers";
import { requestScoped } from "@/server/request-context";

export const GET = requestScoped(callbackHandler);
