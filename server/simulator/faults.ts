import { z } from "zod";
import type { DeliveryFault } from "./webhook-receiver";

/** Not an HTTP method: faults with it act on the simulator's outgoing webhook deliveries, `path` naming the event. */
export const WEBHOOK_FAULT_METHOD = "WEBHOOK";

export const faultSpecSchema = z
  .object({
    method: z
      .string()
      .min(1)
      .transform((method) => method.toUpperCase())
      .optional(),
    path: z.string().min(1),
    status: z.number().int().min(200).max(599).optional(),
    count: z.number().int().min(1).default(1),
    delayMs: z.number().int().min(0).max(60_000).optional(),
    retryAfter: z.number().int().min(0).optional(),
    mode: z.enum(["reset", "malformed", "drop"]).optional(),
  })
  .refine((spec) => spec.status !== undefined || spec.delayMs !== undefined || spec.mode !== undefined, {
    message: "a fault needs status, delayMs or mode",
  })
  .refine((spec) => spec.status === undefined || spec.mode === undefined, {
    message: "status and mode exclude each other",
  })
  .refine((spec) => spec.mode !== "drop" || spec.method === WEBHOOK_FAULT_METHOD, {
    message: `"drop" applies to webhook deliveries only (method ${WEBHOOK_FAULT_METHOD})`,
    path: ["mode"],
  })
  .refine((spec) => spec.method !== WEBHOOK_FAULT_METHOD || spec.mode === undefined || spec.mode === "drop", {
    message: `a ${WEBHOOK_FAULT_METHOD} fault takes mode "drop" or delayMs`,
    path: ["mode"],
  })
  .refine((spec) => spec.method !== WEBHOOK_FAULT_METHOD || spec.status === undefined, {
    message: `a ${WEBHOOK_FAULT_METHOD} fault takes mode "drop" or delayMs, not a status`,
    path: ["status"],
  })
  .refine((spec) => spec.method !== WEBHOOK_FAULT_METHOD || spec.retryAfter === undefined, {
    message: `a ${WEBHOOK_FAULT_METHOD} fault has no response to carry Retry-After`,
    path: ["retryAfter"],
  });
export type FaultSpec = z.infer<typeof faultSpecSchema>;

export interface ArmedFault extends FaultSpec {
  id: number;
  remaining: number;
}

/** `*` matches any run of characters (including `/`), so one pattern can cover every stack key. */
function pathMatcher(pattern: string): RegExp {
  const escaped = pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${escaped.join(".*")}$`);
}

export class FaultBook {
  private faults: { fault: ArmedFault; matcher: RegExp }[] = [];
  private nextId = 1;

  arm(spec: FaultSpec): ArmedFault {
    const fault: ArmedFault = { ...spec, method: spec.method?.toUpperCase(), id: this.nextId++, remaining: spec.count };
    this.faults.push({ fault, matcher: pathMatcher(spec.path) });
    return fault;
  }

  /** Consumes one use of the first armed fault matching the request, in arming order. */
  take(method: string, pathname: string): ArmedFault | undefined {
    return this.consume(
      ({ fault, matcher }) =>
        fault.method !== WEBHOOK_FAULT_METHOD &&
        (fault.method === undefined || fault.method === method) &&
        matcher.test(pathname),
    );
  }

  /** Consumes one use of the first armed webhook fault matching the event; a method-less fault never does. */
  takeWebhook(event: string): DeliveryFault | undefined {
    const fault = this.consume(({ fault, matcher }) => fault.method === WEBHOOK_FAULT_METHOD && matcher.test(event));
    return fault === undefined ? undefined : { drop: fault.mode === "drop", delayMs: fault.delayMs ?? 0 };
  }

  list(): ArmedFault[] {
    return this.faults.map(({ fault }) => ({ ...fault }));
  }

  clear(): number {
    const cleared = this.faults.length;
    this.faults = [];
    return cleared;
  }

  private consume(matches: (entry: { fault: ArmedFault; matcher: RegExp }) => boolean): ArmedFault | undefined {
    const entry = this.faults.find(matches);
    if (entry === undefined) return undefined;
    entry.fault.remaining--;
    if (entry.fault.remaining <= 0) this.faults = this.faults.filter((other) => other !== entry);
    return { ...entry.fault };
  }
}
