"use client";

import { useId, useState } from "react";
import { useNow } from "@/components/ui/use-now";
import { failure, reserveOutcome, type ActionResult } from "@/lib/action-results";
import { countdown } from "@/lib/countdown";
import { expiryError, parseWholeNumber } from "@/lib/field-errors";
import type { Reservation } from "@/lib/schemas/jobs";
import { useReserveJobs } from "@/lib/mutations/jobs";
import { RESERVATION_EXPIRY_DEFAULT_SECONDS, RESERVATION_EXPIRY_MAX_SECONDS } from "@/lib/inputs/stacks";
import { ActionMessage, FieldError } from "@/components/ui/action-message";
import { useInFlight } from "@/components/ui/use-in-flight";
import { inputClass, primaryButton, secondaryButton } from "@/components/ui/form-styles";
import { ActionUnavailable } from "./action-unavailable";
import { LocalTime } from "@/components/ui/local-time";

function Countdown({ reservation }: { reservation: Reservation }) {
  const now = useNow();
  const left = countdown(reservation.expiresAt, now);
  return (
    <p className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-500/10 dark:text-amber-200">
      Reserved by {reservation.reservedBy} — expires in{" "}
      <span className="font-mono font-semibold tabular-nums" data-testid="reservation-countdown">
        {left.label}
      </span>{" "}
      (at <LocalTime iso={reservation.expiresAt} part="time" />)
    </p>
  );
}

/** Common expiries, one click each; the field still takes any number of seconds up to the maximum. */
const EXPIRY_PRESETS = [
  { label: "5 min", seconds: 300 },
  { label: "15 min", seconds: 900 },
  { label: "1 h", seconds: 3600 },
] as const;

interface ReserveFormProps {
  stackKey: string;
  jobId: string;
  /** The console's own reservation, shown only while Buildkite still reports the job reserved. */
  reservation: Reservation | null;
  /** Why the job cannot be reserved in its current state; null when it can. */
  unavailable?: string | null;
}

/** Reserve keeps agents off the job until the expiry; re-reserving a job this stack holds extends it. */
export function ReserveForm({ stackKey, jobId, reservation, unavailable = null }: ReserveFormProps) {
  const [expiry, setExpiry] = useState(String(RESERVATION_EXPIRY_DEFAULT_SECONDS));
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ActionResult | null>(null);
  const id = useId();
  const extending = reservation !== null;

  const mutation = useReserveJobs(stackKey);
  const flight = useInFlight();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const problem = expiryError(expiry);
    setError(problem);
    setResult(null);
    if (problem || !flight.begin()) return;
    mutation.mutate(
      { jobIds: [jobId], expirySeconds: parseWholeNumber(expiry) },
      {
        onSuccess: (envelope) => setResult(reserveOutcome(envelope.data, jobId, extending, Date.now())),
        onError: (err) => setResult(failure(err)),
        onSettled: flight.settle,
      },
    );
  };

  const message = (
    <ActionMessage result={flight.inFlight ? { ok: true, message: extending ? "Extending…" : "Reserving…" } : result} />
  );
  if (unavailable && !flight.inFlight)
    return (
      <>
        <ActionUnavailable reason={unavailable} />
        {message}
      </>
    );

  return (
    <form onSubmit={submit} noValidate>
      {reservation && <Countdown reservation={reservation} />}
      <div className="flex items-end gap-2">
        <div className="flex-1">
          <label htmlFor={`${id}-expiry`} className="mb-1 block text-sm">
            Reservation expiry (seconds)
          </label>
          <input
            id={`${id}-expiry`}
            type="number"
            inputMode="numeric"
            min={1}
            max={RESERVATION_EXPIRY_MAX_SECONDS}
            value={expiry}
            onChange={(event) => setExpiry(event.target.value)}
            aria-invalid={error !== null}
            aria-describedby={error ? `${id}-error` : `${id}-hint`}
            className={inputClass}
          />
        </div>
        <button type="submit" disabled={flight.inFlight} className={primaryButton}>
          {extending ? "Extend" : "Reserve"}
        </button>
      </div>
      <div role="group" aria-label="Expiry presets" className="mt-2 flex flex-wrap gap-2">
        {EXPIRY_PRESETS.map((preset) => (
          <button
            key={preset.seconds}
            type="button"
            aria-pressed={expiry === String(preset.seconds)}
            onClick={() => {
              setExpiry(String(preset.seconds));
              setError(null);
            }}
            className={`${secondaryButton} px-2 py-0.5 text-xs aria-pressed:border-zinc-900 aria-pressed:font-semibold dark:aria-pressed:border-zinc-100`}
          >
            {preset.label}
          </button>
        ))}
      </div>
      <p id={`${id}-hint`} className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
        1 to {RESERVATION_EXPIRY_MAX_SECONDS} seconds.{" "}
        {extending ? "Extending restarts the expiry from now." : "Agents will not pick the job up until it expires."}
      </p>
      <FieldError id={`${id}-error`} message={error} />
      {message}
    </form>
  );
}
