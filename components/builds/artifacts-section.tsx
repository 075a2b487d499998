import { Download } from "lucide-react";
import { CopyButton } from "@/components/jobs/copy-button";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { exactBytes, formatBytes } from "@/lib/build-format";
import type { Artifact } from "@/lib/schemas/builds";

const td = "px-3 py-2 align-top";
const artifactColumns: DataColumn[] = [
  { label: "Path" },
  { label: "Size", numeric: true },
  { label: "SHA-1" },
  { label: "Download" },
];

function ArtifactRow({ artifact }: { artifact: Artifact }) {
  const sha1 = artifact.sha1sum;
  return (
    <tr className="border-t border-zinc-100 dark:border-zinc-800" data-testid="artifact" data-artifact-id={artifact.id}>
      <td className={`${td} font-mono text-xs break-all`}>{artifact.path}</td>
      <td
        className={`${td} text-right whitespace-nowrap tabular-nums`}
        title={exactBytes(artifact.fileSize)}
        data-testid="artifact-size"
      >
        {formatBytes(artifact.fileSize)}
      </td>
      <td className={`${td} whitespace-nowrap`}>
        {sha1 ? (
          <span className="inline-flex items-center gap-1">
            <span className="font-mono text-xs" title={sha1}>
              {sha1.slice(0, 10)}
            </span>
            <CopyButton text={sha1} label={`Copy SHA-1 of ${artifact.path}`} />
          </span>
        ) : (
          "—"
        )}
      </td>
      <td className={`${td} whitespace-nowrap`}>
        {artifact.state === "finished" ? (
          <a
            href={artifact.downloadUrl}
            download={artifact.filename}
            aria-label={`Download ${artifact.path}`}
            className="inline-flex items-center gap-1 rounded text-blue-700 hover:underline focus-visible:outline-2 focus-visible:outline-blue-500 dark:text-blue-400"
          >
            <Download aria-hidden className="size-3.5" />
            Download
          </a>
        ) : (
          <span className="text-zinc-600 dark:text-zinc-400">{artifact.state}</span>
        )}
      </td>
    </tr>
  );
}

/** The build's artifacts with sizes, checksums and downloads streamed through the console. */
export function ArtifactsTable({
  artifacts,
  totals,
}: {
  artifacts: readonly Artifact[];
  totals: { count: number; totalBytes: number };
}) {
  if (artifacts.length === 0)
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">This build uploaded no artifacts.</p>;
  return (
    <div className="space-y-2">
      <p className="text-sm text-zinc-700 dark:text-zinc-300" data-testid="artifact-totals">
        {totals.count} artifact{totals.count === 1 ? "" : "s"},{" "}
        <span title={exactBytes(totals.totalBytes)}>{formatBytes(totals.totalBytes)}</span> in total
      </p>
      <DataTable caption="Artifacts of the build" columns={artifactColumns}>
        {artifacts.map((artifact) => (
          <ArtifactRow key={artifact.id} artifact={artifact} />
        ))}
      </DataTable>
    </div>
  );
}
