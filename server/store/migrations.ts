import "server-only";

export interface Migration {
  id: string;
  sql: string;
}

// Applied in order, each once, by both PostgreSQL and PGlite: plain SQL that both understand. Never edit
// one that has shipped; add the next.
export const migrations: readonly Migration[] = [
  {
    id: "001_audit_log",
    sql: `
      CREATE TABLE audit_log (
        id uuid PRIMARY KEY,
        started_at timestamptz NOT NULL,
        finished_at timestamptz,
        operator_id text NOT NULL,
        operator_name text NOT NULL,
        operator_email text,
        role text NOT NULL,
        action text NOT NULL,
        stack_key text,
        job_ids text[] NOT NULL DEFAULT '{}',
        reason text,
        request jsonb NOT NULL DEFAULT '{}',
        outcome text NOT NULL DEFAULT 'unknown' CHECK (outcome IN ('ok', 'failed', 'unknown')),
        upstream_status integer,
        error_type text,
        message text,
        result jsonb,
        request_id text NOT NULL
      );
      CREATE INDEX audit_log_started_at ON audit_log (started_at DESC, id DESC);
      CREATE INDEX audit_log_job_ids ON audit_log USING gin (job_ids);
    `,
  },
  {
    id: "002_reservation_ledger",
    sql: `
      CREATE TABLE ledger_events (
        seq bigserial PRIMARY KEY,
        id uuid NOT NULL UNIQUE,
        at timestamptz NOT NULL,
        stack_key text NOT NULL,
        job_id text NOT NULL,
        action text NOT NULL,
        operator text NOT NULL,
        detail text,
        outcome text NOT NULL DEFAULT 'unknown' CHECK (outcome IN ('ok', 'failed', 'unknown')),
        message text
      );
      CREATE INDEX ledger_events_job ON ledger_events (stack_key, job_id, seq DESC);
      CREATE TABLE reservations (
        stack_key text NOT NULL,
        job_id text NOT NULL,
        reserved_by text NOT NULL,
        reserved_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        expiry_seconds integer NOT NULL,
        PRIMARY KEY (stack_key, job_id)
      );
    `,
  },
  {
    // What the reservations page shows of a job: a reserved job has left the scheduled list, so these are
    // kept from when it was reserved. Null for reservations made before this, or of jobs not seen listed.
    id: "003_reservation_job_details",
    sql: `
      ALTER TABLE reservations ADD COLUMN pipeline_slug text;
      ALTER TABLE reservations ADD COLUMN build_number integer;
      ALTER TABLE reservations ADD COLUMN queue_key text;
    `,
  },
  {
    // One row per queue and minute. The primary key is what keeps instances sharing one database to one
    // sample a minute: each inserts with ON CONFLICT DO NOTHING, so no lock is needed. The index on \`at\`
    // alone is for the hourly prune, which spans every queue.
    id: "004_queue_samples",
    sql: `
      CREATE TABLE queue_samples (
        stack_key text NOT NULL,
        queue_key text NOT NULL,
        at timestamptz NOT NULL,
        backlog integer NOT NULL,
        oldest_wait_seconds double precision NOT NULL,
        p50_wait_seconds double precision NOT NULL,
        p95_wait_seconds double precision NOT NULL,
        paused boolean NOT NULL,
        busy_agents integer,
        idle_agents integer,
        complete boolean NOT NULL,
        PRIMARY KEY (stack_key, queue_key, at)
      );
      CREATE INDEX queue_samples_at ON queue_samples (at);
    `,
  },
];
