import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

// Who a command is running for, wherever its work goes: a read several layers down (a log mirror's sync,
// a build read shared with other viewers) is charged to the viewer whose request started it, without
// every layer passing the operator along.

const acting = new AsyncLocalStorage<string>();

export const runAs = <T>(operatorId: string, work: () => T): T => acting.run(operatorId, work);

/** The operator the current command runs for; undefined outside one (start-up, background polls). */
export const actingOperatorId = (): string | undefined => acting.getStore();
