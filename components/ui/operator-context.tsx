"use client";

import { createContext, useContext, type ReactNode } from "react";
import { can, deniedReason, type Permission, type Role } from "@/lib/roles";

export interface SignedInOperator {
  name: string;
  role: Role;
}

// The layout provides the signed-in operator. Without a provider (a component rendered on its own) the
// page does not restrict anything itself: the server enforces every role either way.
const OperatorContext = createContext<SignedInOperator | null>(null);

export function OperatorProvider({ operator, children }: { operator: SignedInOperator; children: ReactNode }) {
  return <OperatorContext.Provider value={operator}>{children}</OperatorContext.Provider>;
}

export function useOperator(): SignedInOperator | null {
  return useContext(OperatorContext);
}

/** Null when the operator may do it; otherwise the reason, for the disabled control's title. */
export function useDenied(permission: Permission): string | null {
  const operator = useOperator();
  if (!operator || can(operator.role, permission)) return null;
  return deniedReason(operator.role, permission);
}
