// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // pino and the simulator use Node built-ins; keep them out of the bundler's way. PGlite loads its WASM
  // and data files from its own package folder at run time, so it must stay a plain Node import.
  serverExternalPackages: ["pino", "@electric-sql/pglite", "pg"],
};

module.exports = nextConfig;
