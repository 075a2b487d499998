import "server-only";
import { defineCommand } from "../route-kit/command";

export const reservationsList = defineCommand({
  name: "reservations.list",
  permission: "read",
  async run(_input, { runtime }) {
    const reservations = await runtime.ledger.activeReservations();
    return { data: reservations, summary: { count: reservations.length } };
  },
});
