// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The container image runs .next/standalone (the server and only the node_modules files it was traced
  // to need); scripts/assemble-standalone.sh adds the static files Next leaves out of it.
  output: "standalone",
  // The console has no raster images to resize: serving none through the optimizer keeps sharp and its
  // native libvips (19 MB) out of the traced bundle and so out of the image.
  images: { unoptimized: true },
  outputFileTracingExcludes: { "*": ["node_modules/sharp/**", "node_modules/@img/**"] },
  // pino and the simulator use Node built-ins; keep them out of the bundler's way. PGlite loads its WASM
  // and data files from its own package folder at run time, so it must stay a plain Node import.
  // prom-client reads Node's process and GC internals and has an optional OpenTelemetry import.
  serverExternalPackages: ["pino", "@electric-sql/pglite", "pg", "prom-client"],
  // The proxy sets every page's and API answer's headers but skips static assets to keep them cheap;
  // scripts and styles still must never be sniffed as another type.
  async headers() {
    return [{ source: "/_next/static/:path*", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }] }];
  },
};

module.exports = nextConfig;
