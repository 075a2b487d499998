import packageJson from "@/package.json";

export const STACKS_CLIENT_VERSION: string = packageJson.version;

/** Like the official client, users prepend their own product; ours always ends with the console's token. */
export function buildUserAgent(prefix?: string, version: string = STACKS_CLIENT_VERSION): string {
  const product = `stack-console/${version}`;
  const trimmed = prefix?.trim();
  return trimmed ? `${trimmed} ${product}` : product;
}
