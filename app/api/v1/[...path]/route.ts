// * /api/v1/… – any path no command answers: a not_found envelope
import { unknownRoute } from "@/server/route-kit/route";

export const GET = unknownRoute;
export const POST = unknownRoute;
export const PUT = unknownRoute;
export const PATCH = unknownRoute;
export const DELETE = unknownRoute;
