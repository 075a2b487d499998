import "server-only";
import { z } from "zod";
import { reservationSchema } from "@/lib/schemas/jobs";
import { defineCommand } from "../route-kit/command";

export const reservationsList = defineCommand({
  name: "reservations.list",
  permission: "read",
  output: z.array(reservationSchema),
  async run(_input, { runtime }) {
    const reservations = await runtime.ledger.activeReservations();
    return { data: reservations, summary: { count: reservations.length } };
  },
});
