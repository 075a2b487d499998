/// <reference lib="webworker" />
import { parseChunkText } from "./parse-text";
import type { ParseRequest, ParseResponse } from "./parse-log";

// Parses log chunks off the main thread; see parse-log.ts.
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<ParseRequest>) => {
  const { id, text } = event.data;
  let response: ParseResponse;
  try {
    response = { id, lines: await parseChunkText(text) };
  } catch (error) {
    response = { id, error: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(response);
};
