"use client";

import { CheckSquare, X } from "lucide-react";
import { EXPIRY_HINT } from "@/lib/inputs/bulk-form";
import { fieldClass, secondaryButton } from "@/components/ui/form-styles";

/** "3 selected" and the button that unpicks them: the head of every bar that acts on picked jobs. */
export function SelectionCount({ count, onClear }: { count: number; onClear: () => void }) {
  return (
    <>
      <span className="inline-flex items-center gap-1.5 font-semibold tabular-nums">
        <CheckSquare aria-hidden className="size-4 text-blue-700 dark:text-blue-400" />
        {count} selected
      </span>
      <button type="button" onClick={onClear} className={secondaryButton}>
        <X aria-hidden className="size-3.5" />
        Clear selection
      </button>
    </>
  );
}

interface ExpiryInputProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The element that shows the field's error, described to assistive technology either way. */
  errorId: string;
  invalid: boolean;
}

/** The reservation expiry in seconds, typed as text so a careless value gets the console's own message. */
export function ExpiryInput({ id, label, value, onChange, errorId, invalid }: ExpiryInputProps) {
  return (
    <>
      <label htmlFor={id} className="text-xs font-medium text-zinc-700 dark:text-zinc-300">
        {label}
      </label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={invalid}
        aria-describedby={errorId}
        title={EXPIRY_HINT}
        className={`${fieldClass} w-20 tabular-nums`}
      />
    </>
  );
}
