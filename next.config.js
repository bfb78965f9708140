/** @type {import('next').NextConfig} */
const nextConfig = {
  // Separate build dirs let parallel builds (tests, dev) coexist on one checkout.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg"],
  experimental: {
    serverActions: { bodySizeLimit: "1mb" },
  },
};
export default nextConfig;
