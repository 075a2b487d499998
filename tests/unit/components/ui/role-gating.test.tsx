import { fireEvent, screen } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BuildJobsTable } from "@/components/builds/build-jobs-table";
import { BulkActionBar } from "@/components/jobs/bulk-action-bar";
import { DispatchControl } from "@/components/queue/dispatch-control";
import { DeregisterStack } from "@/components/settings/deregister-stack";
import { RegisterStackForm } from "@/components/settings/register-stack-form";
import { OperatorProvider } from "@/components/ui/operator-context";
import type { Role } from "@/lib/roles";
import { job } from "../builds/fixtures";
import { renderWithQueries, stubApi } from "../../../support/component-render";

afterEach(() => vi.unstubAllGlobals());

const as = (role: Role, ui: ReactNode) =>
  renderWithQueries(<OperatorProvider operator={{ name: "Pat", role }}>{ui}</OperatorProvider>);
const button = (name: string | RegExp) => screen.getByRole("button", { name }) as HTMLButtonElement;

describe("actions a role cannot take are disabled with the reason", () => {
  it("only an admin may pause or resume dispatch", () => {
    const view = as("operator", <DispatchControl stackKey="stack-console" queueKey="_default" paused={false} />);
    expect(button("Pause dispatch…").disabled).toBe(true);
    expect(button("Pause dispatch…").title).toMatch(/^Your role \(operator\) cannot do this/);
    view.unmount();
    as("operator", <DispatchControl stackKey="stack-console" queueKey="_default" paused />);
    expect(button("Resume dispatch").disabled).toBe(true);
  });

  it("an admin may pause dispatch", () => {
    as("admin", <DispatchControl stackKey="stack-console" queueKey="_default" paused={false} />);
    expect(button("Pause dispatch…").disabled).toBe(false);
  });

  it("a viewer cannot reserve or finish selected jobs, and the bar says why", () => {
    const api = stubApi("jobs.reserve", {});
    as(
      "viewer",
      <BulkActionBar
        stackKey="stack-console"
        queueKey="_default"
        selectedIds={["a", "b"]}
        jobsById={new Map()}
        onClear={() => {}}
      />,
    );
    expect(button("Reserve 2").disabled).toBe(true);
    expect(button("Finish 2…").disabled).toBe(true);
    expect(button("Reserve 2").title).toBe("Your role (viewer) cannot do this: it needs the operator role.");
    expect(screen.getByText("Your role (viewer) cannot do this: it needs the operator role.")).toBeTruthy();
    fireEvent.submit(screen.getByRole("form", { name: "Reserve selected jobs" }));
    expect(api.posts()).toEqual([]);
  });

  it("an operator may reserve and finish selected jobs", () => {
    as(
      "operator",
      <BulkActionBar
        stackKey="stack-console"
        queueKey="_default"
        selectedIds={["a", "b"]}
        jobsById={new Map()}
        onClear={() => {}}
      />,
    );
    expect(button("Reserve 2").disabled).toBe(false);
    expect(button("Finish 2…").disabled).toBe(false);
  });

  it("a viewer cannot retry a failed job or unblock a block step", () => {
    const access = { capability: undefined, rest: undefined as never };
    as(
      "viewer",
      <BuildJobsTable
        pipeline="web-app"
        number={1}
        jobs={[
          job("22222222-0000-4000-8000-000000000000", { state: "failed", exitStatus: "1" }),
          job("33333333-0000-4000-8000-000000000000", { type: "manual", name: "Deploy", state: "blocked" }),
        ]}
        failedJobIds={null}
        retryAccess={access}
        unblockAccess={access}
        stackKey={null}
        now={Date.now()}
      />,
    );
    expect(button("Retry job 22222222").disabled).toBe(true);
    expect(button("Unblock Deploy").disabled).toBe(true);
    expect(screen.getByText("Your role (viewer) cannot do this: it needs the operator role.")).toBeTruthy();
  });

  it("only an admin may register or deregister stacks", () => {
    stubApi("stacks.register", {});
    const { unmount } = as(
      "operator",
      <>
        <RegisterStackForm />
        <DeregisterStack consoleStackKey="stack-console" />
      </>,
    );
    expect(button("Register stack").disabled).toBe(true);
    expect(button("Deregister").disabled).toBe(true);
    expect(button("Deregister").title).toBe("Your role (operator) cannot do this: it needs the admin role.");
    unmount();
    as(
      "admin",
      <>
        <RegisterStackForm />
        <DeregisterStack consoleStackKey="stack-console" />
      </>,
    );
    expect(button("Register stack").disabled).toBe(false);
    expect(button("Deregister").disabled).toBe(false);
  });
});
