// What `bkci --help` adds after the command list: the output contract in brief, exit codes, environment.

export const EXIT_CODES_HELP = `
Output:
  Every command prints exactly one JSON envelope on stdout ({ok, apiVersion, command, request, summary,
  pagination, data, error}); progress and prompts go to stderr. --raw puts Buildkite's exact JSON in data.

Exit status:
  0  ok
  1  error (auth_error, permission_error, not_found, rate_limited, network_error, server_error, internal_error)
  2  validation_error: bad or missing flags, an unknown command or flag; nothing was sent to Buildkite
  3  artifacts.download saved some files but not all: ok is true and data.failures says what failed and why

Environment:
  BUILDKITE_API_TOKEN       REST API token (overrides the one stored by auth.setup)
  BUILDKITE_ORG             default organization (after --org, before the stored one)
  BUILDKITE_REST_API_URL    REST API base (default https://api.buildkite.com/v2)
  BUILDKITE_CLUSTER_TOKEN   cluster token for the stacks.* commands
  BUILDKITE_AGENT_API_URL   Stacks API base (default https://agent.buildkite.com/v3)
  XDG_CONFIG_HOME           where buildkite-cli/auth.json lives (default ~/.config)
  BKCI_MAX_ATTEMPTS         attempts per request, retries included (1-10, default 5)
`;

export const COMMAND_HELP_FOOTER = `
Prints one JSON envelope on stdout. Exit status: 0 ok, 1 error, 2 validation error (see bkci --help).
`;
