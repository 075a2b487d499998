// POST /auth/sign-out – end the operator's session
import { signOutHandler } from "@/server/auth/handlers";

export const POST = signOutHandler;
