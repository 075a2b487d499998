import type { ReactNode } from "react";
import { labelClass } from "./form-styles";

/** One labelled control of a filter bar; `id` is the control's own id, so the label names it. */
export function FilterField({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      {children}
    </div>
  );
}
