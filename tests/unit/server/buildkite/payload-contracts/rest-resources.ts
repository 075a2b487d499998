import { expect } from "vitest";
import {
  artifactDownloadBodySchema,
  restAnnotationListSchema,
  restArtifactListSchema,
  restArtifactSchema,
} from "@/server/buildkite/rest-artifact-schemas";
import { restAgentListSchema } from "@/server/buildkite/rest-agent-schemas";
import { accessTokenSchema, restPipelineListSchema } from "@/server/buildkite/rest-build-schemas";
import { clusterListSchema, clusterQueueListSchema, clusterQueueSchema } from "@/server/buildkite/rest-schemas";
import { contract, type PayloadContract } from "./contract";

// Artifacts, annotations, clusters and their queues, pipelines and the access token, as documented.

const ARTIFACT = {
  id: "76365070-34d5-4104-8b91-952780f8029f",
  jobId: "aae578fe-994c-44e6-84da-4102616928ba",
  state: "finished",
  path: "dist/app.tar.gz",
  dirname: "dist",
  filename: "app.tar.gz",
  mimeType: "application/x-gzip",
  fileSize: 529371,
  sha1sum: "884c4ad3f2545c85c69d0d0ef50c5d4f5266f0b7",
};

const DISPATCHING = {
  key: "default",
  dispatchPaused: false,
  dispatchPausedBy: null,
  dispatchPausedAt: null,
  dispatchPausedNote: null,
};

export const restResourceContracts: Record<string, PayloadContract> = {
  "rest.agents.list.docs.json": contract("restAgentListSchema", restAgentListSchema, ([agent]) => {
    expect(agent).toEqual({
      id: "0b461f65-e7be-4c80-888a-ef11d81fd971",
      name: "my-agent",
      connectionState: "connected",
      hostname: "some.server",
      version: "2.1.0",
      metaData: ["key1=val1", "key2=val2"],
      job: {
        id: "cd164055-9649-452b-8d8e-28fe67370a1e",
        state: "passed",
        name: "rspec",
        webUrl: "https://buildkite.com/my-great-org/sleeper/builds/50#cd164055-9649-452b-8d8e-28fe67370a1e",
        pipelineSlug: "sleeper",
        buildNumber: 50,
      },
      busy: true,
      lastJobFinishedAt: null,
      createdAt: "2014-02-24T22:33:45.263Z",
      clusterId: "78088c9a-6e72-4896-848d-e6f479f50c24",
      queue: "default",
    });
  }),

  "rest.artifacts.list.docs.json": contract("restArtifactListSchema", restArtifactListSchema, ([first, second]) => {
    expect(first).toMatchObject(ARTIFACT);
    expect(second).toMatchObject({
      state: "new",
      dirname: "tmp/screenshots",
      mimeType: "image/png",
      fileSize: 1521347,
    });
  }),

  "rest.artifacts.get.docs.json": contract("restArtifactSchema", restArtifactSchema, (artifact) => {
    expect(artifact).toMatchObject(ARTIFACT);
  }),

  "rest.artifacts.download.docs.json": contract("artifactDownloadBodySchema", artifactDownloadBodySchema, (body) => {
    expect(new URL(body.url).host).toBe("buildkiteartifacts.com");
  }),

  "rest.annotations.list.docs.json": contract("restAnnotationListSchema", restAnnotationListSchema, (annotations) => {
    expect(annotations.map((a) => [a.context, a.style, a.scope, a.jobId, a.priority])).toEqual([
      ["default", "info", "build", null, 3],
      ["coverage", "info", "build", null, 3],
    ]);
    expect(annotations[0]?.bodyHtml).toContain('src="artifact://indy.png"');
  }),

  "rest.clusters.list.docs.json": contract("clusterListSchema", clusterListSchema, (clusters) => {
    expect(clusters).toEqual([
      {
        id: "42f1a7da-812d-4430-93d8-1cc7c33a6bcf",
        name: "Open Source",
        description: "A place for safely running our open source builds",
        defaultQueueId: "01885682-55a7-44f5-84f3-0402fb452e66",
        createdAt: "2023-05-03T04:17:55.867Z",
      },
    ]);
  }),

  "rest.clusters.queues.list.docs.json": contract("clusterQueueListSchema", clusterQueueListSchema, (queues) => {
    expect(queues).toEqual([expect.objectContaining(DISPATCHING)]);
  }),

  "rest.clusters.queues.get.docs.json": contract("clusterQueueSchema", clusterQueueSchema, (queue) => {
    expect(queue).toMatchObject({
      ...DISPATCHING,
      id: "01885682-55a7-44f5-84f3-0402fb452e66",
      description: "The default queue for this cluster",
    });
  }),

  "rest.clusters.queues.create-hosted.docs.json": contract("clusterQueueSchema", clusterQueueSchema, (queue) => {
    expect(queue).toMatchObject({ ...DISPATCHING, description: "Queue of hosted Buildkite agents" });
  }),

  "rest.clusters.queues.pause_dispatch.docs.json": contract("clusterQueueSchema", clusterQueueSchema, (queue) => {
    expect(queue).toMatchObject({
      dispatchPaused: true,
      dispatchPausedBy: { name: "Sam Kim", email: "sam@example.com" },
      dispatchPausedAt: "2023-05-03T04:19:43.118Z",
      dispatchPausedNote: "Paused while we investigate a security issue",
    });
  }),

  "rest.clusters.queues.resume_dispatch.docs.json": contract("clusterQueueSchema", clusterQueueSchema, (queue) => {
    expect(queue).toMatchObject(DISPATCHING);
  }),

  "rest.pipelines.list.docs.json": contract("restPipelineListSchema", restPipelineListSchema, (pipelines) => {
    expect(pipelines).toEqual([
      {
        id: "849411f9-9e6d-4739-a0d8-e247088e9b52",
        slug: "my-pipeline",
        name: "My Pipeline",
        repository: "git@github.com:acme-inc/my-pipeline.git",
        defaultBranch: "main",
        webUrl: "https://buildkite.com/acme-inc/my-pipeline",
        createdAt: "2013-09-03T13:24:38.000Z",
      },
    ]);
  }),

  "rest.access-token.docs.json": contract("accessTokenSchema", accessTokenSchema, (token) => {
    expect(token).toEqual({
      uuid: "b63254c0-3271-4a98-8270-7cfbd6c2f14e",
      scopes: ["read_build"],
      description: "Development Token",
      createdAt: "2025-07-16T06:07:42.000Z",
      expiresAt: "2025-07-23T06:07:42.000Z",
      user: { name: "Algernon Moncrieff", email: "algernon.m@buildkite.com" },
    });
  }),
};
