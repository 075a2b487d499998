// GET /api/v1/reservations – the console's active reservations
import { command } from "@/server/route-kit/route";
import { reservationsList } from "@/server/commands/reservations-list";

export const GET = command(reservationsList);
