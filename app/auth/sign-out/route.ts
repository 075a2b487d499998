// POST /auth/sign-out – end the operator's session
import { signOutHandler } from "@/server/auth/handlers";
import { requestScoped } from "@/server/request-context";

export const POST = requestScoped(signOutHandler);
