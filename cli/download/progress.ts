// A one-line progress bar on stderr, only when stderr is a terminal: a log file or a CI pipe gets nothing.

const WIDTH = 30;

export interface Progress {
  add(bytes: number): void;
  done(): void;
}

export function createProgress(stderr: NodeJS.WriteStream, totalBytes: number, files: number): Progress {
  if (!stderr.isTTY || totalBytes === 0) return { add: () => undefined, done: () => undefined };
  let received = 0;
  let lastDrawn = 0;
  const draw = () => {
    const share = Math.min(1, received / totalBytes);
    const filled = Math.round(share * WIDTH);
    const megabytes = (n: number) => (n / 1_048_576).toFixed(1);
    stderr.write(
      `\r[${"#".repeat(filled)}${" ".repeat(WIDTH - filled)}] ${Math.round(share * 100)}% ` +
        `${megabytes(received)}/${megabytes(totalBytes)} MB, ${files} file${files === 1 ? "" : "s"}`,
    );
  };
  return {
    add(bytes) {
      received += bytes;
      // Redrawing on every chunk would cost more than the download; ten times a second is plenty.
      const now = Date.now();
      if (now - lastDrawn >= 100) {
        lastDrawn = now;
        draw();
      }
    },
    done() {
      draw();
      stderr.write("\n");
    },
  };
}
