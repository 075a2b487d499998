import "server-only";
import { dispatchCommand } from "../stacks/queue-dispatch";

export const queuePause = dispatchCommand("queue.pause", true);
