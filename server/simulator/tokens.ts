import { createRandom, deriveSeed } from "./random";

export interface Tokens {
  cluster: string;
  api: string;
  apiReadOnly: string;
}

/** Realistic-looking and distinct per seed, so a token leaked from one demo never works against another. */
export function deriveTokens(seed: number): Tokens {
  const random = createRandom(deriveSeed(seed, "tokens"));
  return {
    cluster: `bkct_${random.alphanumeric(40)}`,
    api: `bkua_${random.hex(40)}`,
    apiReadOnly: `bkua_${random.hex(40)}`,
  };
}
