import { API_VERSION } from "@/lib/contract/envelope";
import type { EnvelopeError } from "@/lib/contract/errors";
import type { Pagination } from "@/lib/contract/pagination";

// The one JSON object bkci prints: the contract's envelope with its keys in the contract's order.

export function successEnvelope(
  command: string,
  request: Record<string, unknown>,
  result: { summary: Record<string, unknown>; data: unknown; pagination?: Pagination | null },
) {
  return {
    ok: true as const,
    apiVersion: API_VERSION,
    command,
    request,
    summary: result.summary,
    pagination: result.pagination ?? null,
    data: result.data,
    error: null,
  };
}

export function failureEnvelope(command: string, request: Record<string, unknown>, error: EnvelopeError) {
  return {
    ok: false as const,
    apiVersion: API_VERSION,
    command,
    request,
    summary: {},
    pagination: null,
    data: null,
    error,
  };
}

export const envelopeText = (envelope: object) => `${JSON.stringify(envelope, null, 2)}\n`;
