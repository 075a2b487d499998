// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // pino and the simulator use Node built-ins; keep them out of the bundler's way.
  serverExternalPackages: ["pino"],
};

module.exports = nextConfig;
