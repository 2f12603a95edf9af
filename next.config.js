// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships ~15 MB of wasm; bundling it breaks at runtime (see STACK.md).
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  // The e2e run builds into its own folder so `npm test` never rebuilds under a running `npm start`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

module.exports = withNextIntl(nextConfig);
