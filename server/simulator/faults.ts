import { z } from "zod";

export const faultSpecSchema = z
  .object({
    method: z.string().min(1).optional(),
    path: z.string().min(1),
    status: z.number().int().min(200).max(599).optional(),
    count: z.number().int().min(1).default(1),
    delayMs: z.number().int().min(0).max(60_000).optional(),
    retryAfter: z.number().int().min(0).optional(),
    mode: z.enum(["reset", "malformed"]).optional(),
  })
  .refine((spec) => spec.status !== undefined || spec.delayMs !== undefined || spec.mode !== undefined, {
    message: "a fault needs status, delayMs or mode",
  })
  .refine((spec) => spec.status === undefined || spec.mode === undefined, {
    message: "status and mode exclude each other",
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
    const entry = this.faults.find(
      ({ fault, matcher }) => (fault.method === undefined || fault.method === method) && matcher.test(pathname),
    );
    if (entry === undefined) return undefined;
    entry.fault.remaining--;
    if (entry.fault.remaining <= 0) this.faults = this.faults.filter((other) => other !== entry);
    return { ...entry.fault };
  }

  list(): ArmedFault[] {
    return this.faults.map(({ fault }) => ({ ...fault }));
  }

  clear(): number {
    const cleared = this.faults.length;
    this.faults = [];
    return cleared;
  }
}
