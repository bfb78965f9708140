import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import { Providers } from "@/components/providers";
import { THEME_COOKIE, parseTheme, systemThemeScript } from "@/lib/theme";
import { NONCE_HEADER } from "@/lib/security/content-security-policy";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Runway", template: "%s · Runway" },
  description: "A team console for AWS App Runner",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  // The CSP (proxy.ts) runs only scripts that carry this request's nonce.
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  return (
    <html lang="en" className={theme === "dark" ? "dark" : undefined} data-theme={theme} suppressHydrationWarning>
      <head>{theme === "system" ? <script nonce={nonce} dangerouslySetInnerHTML={{ __html: systemThemeScript }} /> : null}</head>
      <body className="min-h-screen">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
