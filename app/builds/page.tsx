import type { Metadata } from "next";
import { Suspense } from "react";
import { BuildsListView } from "@/components/builds/builds-list-view";

export const metadata: Metadata = { title: "Builds" };

export default function BuildsPage() {
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Builds</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Builds of the organization, newest first. Open one to see its jobs, annotations and artifacts.</p>
      {/* The list reads its filters from the URL in the browser. */}
      <Suspense>
        <BuildsListView />
      </Suspense>
    </>
  );
}
