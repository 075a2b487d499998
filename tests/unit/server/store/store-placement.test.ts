import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { dataDirWritable, placeStore, type StoreSetting } from "@/server/store/store-placement";

// Where the durable store may live: a live console must never keep its audit log on a disk that goes away.

const setting = (overrides: Partial<StoreSetting>): StoreSetting => ({
  mode: "live",
  databaseUrl: undefined,
  dataDir: ".data",
  serverless: false,
  dataDirWritable: true,
  ...overrides,
});

describe("placeStore", () => {
  test("DATABASE_URL wins everywhere, Vercel included", () => {
    const url = "postgres://console@db.example/console";
    expect(placeStore(setting({ databaseUrl: url, serverless: true }))).toEqual({ kind: "postgres", url });
    expect(placeStore(setting({ databaseUrl: url, dataDirWritable: false }))).toEqual({ kind: "postgres", url });
  });

  test("a server with a writable DATA_DIR keeps the embedded store there", () => {
    expect(placeStore(setting({}))).toEqual({ kind: "embedded", dataDir: ".data" });
    expect(placeStore(setting({ mode: "demo" }))).toEqual({ kind: "embedded", dataDir: ".data" });
  });

  test("live mode on Vercel without DATABASE_URL is refused with one message naming DATABASE_URL and REDIS_URL", () => {
    const placement = placeStore(setting({ serverless: true }));
    expect(placement.kind).toBe("refused");
    if (placement.kind !== "refused") return;
    expect(placement.message).toMatch(/^Invalid configuration: DATABASE_URL must be set: on Vercel/);
    expect(placement.message).toContain("REDIS_URL");
    expect(placement.message.split("\n")).toHaveLength(1);
  });

  test("live mode on a disk it cannot write is refused, naming the directory", () => {
    const placement = placeStore(setting({ dataDir: "/srv/console", dataDirWritable: false }));
    expect(placement).toMatchObject({ kind: "refused", message: expect.stringContaining("DATA_DIR (/srv/console)") });
  });

  test("live mode on Vercel is refused even with DATA_DIR=memory://: it is just as gone with the instance", () => {
    expect(placeStore(setting({ serverless: true, dataDir: "memory://" })).kind).toBe("refused");
  });

  test("live mode off Vercel may still keep the store in memory on purpose (tests do)", () => {
    expect(placeStore(setting({ dataDir: "memory://", dataDirWritable: false }))).toEqual({
      kind: "embedded",
      dataDir: "memory://",
    });
  });

  test("the demo on Vercel or a read-only disk keeps its store in memory, beside its per-instance simulator", () => {
    expect(placeStore(setting({ mode: "demo", serverless: true }))).toEqual({ kind: "embedded", dataDir: "memory://" });
    expect(placeStore(setting({ mode: "demo", dataDirWritable: false }))).toEqual({
      kind: "embedded",
      dataDir: "memory://",
    });
  });
});

describe("dataDirWritable", () => {
  test("a directory it can create is writable; one under a file is not", async () => {
    const root = await mkdtemp(join(tmpdir(), "store-placement-"));
    try {
      expect(await dataDirWritable(join(root, "data"))).toBe(true);
      const { writeFile } = await import("node:fs/promises");
      await writeFile(join(root, "file"), "");
      expect(await dataDirWritable(join(root, "file", "data"))).toBe(false);
      expect(await dataDirWritable("memory://")).toBe(true);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
