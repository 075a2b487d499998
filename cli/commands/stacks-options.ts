import { z } from "zod";
import { queueKeyInput, stackKeyInput } from "@/lib/inputs/stacks";
import { required } from "../options";

// Flags of the stacks.* commands, which speak the Stacks API with the cluster token.

export const DEFAULT_QUEUE_KEY = "_default";

export const stackOptions = {
  stackKey: { flags: "--stack-key <key>", description: "the stack's key" },
  queueKey: { flags: "--queue-key <key>", description: `the queue's key (default ${DEFAULT_QUEUE_KEY})` },
  jobId: { flags: "--job-id <uuid>", description: "job id" },
  detail: { flags: "--detail <text>", description: "what to tell the build's page" },
};

export const stackFields = {
  stackKey: required(stackKeyInput),
  queueKey: queueKeyInput.default(DEFAULT_QUEUE_KEY),
};
export const stackKeyField = { stackKey: stackFields.stackKey };

/** A whole number that may be negative (exit statuses are), as decimal text. */
export const signedNumberText = z
  .string()
  .regex(/^-?\d{1,10}$/, "must be a whole number")
  .transform(Number);
