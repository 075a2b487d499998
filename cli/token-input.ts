import { CliError } from "./errors";

/** A token is about 45 characters; anything past this is not one, and must not fill memory. */
const MAX_STDIN_BYTES = 64 * 1024;

/** Reads a line from the terminal without echoing it; Ctrl-C abandons the setup. */
export function promptHidden(prompt: string, input: NodeJS.ReadStream, output: NodeJS.WriteStream): Promise<string> {
  // Echo goes off before the prompt shows, so nothing typed after it ever reaches the screen.
  input.setRawMode(true);
  input.setEncoding("utf8");
  input.resume();
  output.write(prompt);
  return new Promise((resolve, reject) => {
    let value = "";
    const finish = () => {
      input.off("data", onData);
      input.setRawMode(false);
      input.pause();
      output.write("\n");
    };
    function onData(chunk: string) {
      for (const character of chunk) {
        if (character === "\r" || character === "\n") {
          finish();
          resolve(value);
          return;
        }
        if (character === "\u0003" || character === "\u0004") {
          finish();
          reject(new CliError("validation_error", "No token was entered.", "no_token_entered"));
          return;
        }
        if (character === "\u007f" || character === "\b") value = value.slice(0, -1);
        else value += character;
      }
    }
    input.on("data", onData);
  });
}

/** Everything piped in on stdin (`pass show buildkite | bkci auth.setup`). */
export async function readStdin(input: NodeJS.ReadStream): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const piece = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += piece.length;
    if (size > MAX_STDIN_BYTES)
      throw new CliError("validation_error", "stdin holds more than a token.", "token_too_long", {
        fields: [{ field: "stdin", message: `must be at most ${MAX_STDIN_BYTES} bytes` }],
      });
    chunks.push(piece);
  }
  return Buffer.concat(chunks).toString("utf8");
}
