import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { endpointTemplate } from "@/server/buildkite/endpoint-template";
import { escapedPath } from "@/server/buildkite/path";

const job = "0190f3a2-5c1e-7d7a-9e51-2b8f4c6d0e11";
const cluster = "42f1a7da-812d-4430-93d8-1cc7c33a6bcf";
const queue = "01885682-55a7-44f5-84f3-0402fb452e66";
const build = "/organizations/acme/pipelines/deploy-web/builds/1234";

describe("endpointTemplate", () => {
  test.each([
    // Every path the Stacks client builds.
    ["/stacks/stack-console/scheduled-jobs", "/stacks/{key}/scheduled-jobs"],
    ["/stacks/register", "/stacks/register"],
    ["/stacks/stack-console/deregister", "/stacks/{key}/deregister"],
    [`/stacks/stack-console/jobs/${job}`, "/stacks/{key}/jobs/{id}"],
    ["/stacks/stack-console/scheduled-jobs/batch-reserve", "/stacks/{key}/scheduled-jobs/batch-reserve"],
    ["/stacks/stack-console/jobs/get-states", "/stacks/{key}/jobs/get-states"],
    [`/stacks/stack-console/jobs/${job}/finish`, "/stacks/{key}/jobs/{id}/finish"],
    ["/stacks/stack-console/notifications", "/stacks/{key}/notifications"],
    // Every path the REST client builds.
    ["/access-token", "/access-token"],
    ["/organizations/acme/builds", "/organizations/{org}/builds"],
    ["/organizations/acme/pipelines", "/organizations/{org}/pipelines"],
    ["/organizations/acme/pipelines/deploy-web/builds", "/organizations/{org}/pipelines/{pipeline}/builds"],
    [build, "/organizations/{org}/pipelines/{pipeline}/builds/{number}"],
    [`${build}/annotations`, "/organizations/{org}/pipelines/{pipeline}/builds/{number}/annotations"],
    [`${build}/artifacts`, "/organizations/{org}/pipelines/{pipeline}/builds/{number}/artifacts"],
    [`${build}/jobs/${job}/log`, "/organizations/{org}/pipelines/{pipeline}/builds/{number}/jobs/{id}/log"],
    [`${build}/jobs/${job}/env`, "/organizations/{org}/pipelines/{pipeline}/builds/{number}/jobs/{id}/env"],
    [`${build}/jobs/${job}/retry`, "/organizations/{org}/pipelines/{pipeline}/builds/{number}/jobs/{id}/retry"],
    [
      `${build}/jobs/${job}/artifacts/${queue}/download`,
      "/organizations/{org}/pipelines/{pipeline}/builds/{number}/jobs/{id}/artifacts/{id}/download",
    ],
    ["/organizations/acme/clusters", "/organizations/{org}/clusters"],
    [`/organizations/acme/clusters/${cluster}/queues`, "/organizations/{org}/clusters/{cluster}/queues"],
    [
      `/organizations/acme/clusters/${cluster}/queues/${queue}/pause_dispatch`,
      "/organizations/{org}/clusters/{cluster}/queues/{queue}/pause_dispatch",
    ],
  ])("%s → %s", (path, template) => {
    expect(endpointTemplate(path)).toBe(template);
  });

  test("a query string is not part of the endpoint", () => {
    expect(endpointTemplate("/organizations/acme/builds?page=2&per_page=100")).toBe("/organizations/{org}/builds");
  });

  test("a member named like a collection or an action is still a member", () => {
    expect(endpointTemplate("/organizations/builds/pipelines/jobs/builds/7")).toBe(
      "/organizations/{org}/pipelines/{pipeline}/builds/{number}",
    );
    expect(endpointTemplate(escapedPath`/stacks/${"get-states"}/jobs/${job}`)).toBe("/stacks/{key}/jobs/{id}");
    expect(endpointTemplate("/stacks/register/deregister")).toBe("/stacks/{key}/deregister");
  });

  test("ids, numbers and escaped values outside a known collection are values too", () => {
    expect(endpointTemplate(`/somewhere/${job}/else/12/x%2Ey`)).toBe("/somewhere/{id}/else/{id}/{id}");
  });

  test("whatever the keys, slugs, numbers and ids, one endpoint is one label value", () => {
    const slug = fc.stringMatching(/^[A-Za-z0-9_.-]{1,40}$/);
    fc.assert(
      fc.property(slug, slug, fc.nat(), fc.uuid(), (org, pipeline, number, id) => {
        const path = escapedPath`/organizations/${org}/pipelines/${pipeline}/builds/${String(number)}/jobs/${id}/log`;
        expect(endpointTemplate(path)).toBe("/organizations/{org}/pipelines/{pipeline}/builds/{number}/jobs/{id}/log");
      }),
    );
    fc.assert(
      fc.property(slug, fc.uuid(), (key, id) => {
        expect(endpointTemplate(escapedPath`/stacks/${key}/jobs/${id}/finish`)).toBe("/stacks/{key}/jobs/{id}/finish");
      }),
    );
  });
});
