import "server-only";
import { dispatchCommand } from "../stacks/queue-dispatch";

export const queueResume = dispatchCommand("queue.resume", false);
