// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships ~15 MB of wasm; bundling it breaks at runtime (see STACK.md).
  // pg-boss and nodemailer are plain Node libraries with optional native parts: load them, don't bundle them.
  serverExternalPackages: ["@electric-sql/pglite", "pg-boss", "nodemailer"],
  poweredByHeader: false,
  // The e2e run builds into its own folder so `npm test` never rebuilds under a running `npm start`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Static security headers on every response; the CSP, which needs a per-request nonce, is set in proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(self), microphone=(), geolocation=(), payment=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
    ];
  },
  experimental: {
    // A submission carries up to 10 files of 20 MB each (lib/commands checks the real limits).
    serverActions: { bodySizeLimit: "210mb" },
  },
};

module.exports = withNextIntl(nextConfig);
