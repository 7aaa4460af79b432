import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { QueryProvider } from "@/components/query-provider";
import { SURFACE_COLORS } from "@/config/palette";
import { isChromelessPath, PATHNAME_HEADER } from "@/lib/chromeless";
import { getSessionUser } from "@/lib/server/session";
import { SiteHeader } from "./_components/site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Sendboard", template: "%s · Sendboard" },
  description: "Live progress of bulk email, WhatsApp and voice-call sends.",
  robots: { index: false, follow: false },
};

export const viewport: Viewport = {
  themeColor: SURFACE_COLORS.canvas,
  colorScheme: "dark",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page depends on who is signed in: render per request, never at build time (when the
  // secrets the session check needs are not there).
  await connection();
  // Wall screens and share links show the board and nothing else: no header, no links out.
  if (isChromelessPath((await headers()).get(PATHNAME_HEADER))) {
    return (
      <html lang="en" className="dark">
        <body>
          <QueryProvider>{children}</QueryProvider>
        </body>
      </html>
    );
  }
  const user = await getSessionUser();
  return (
    <html lang="en" className="dark">
      <body>
        <QueryProvider>
          <SiteHeader user={user} />
          <main className="mx-auto w-full max-w-[120rem] px-4 py-6 sm:px-6 sm:py-8 lg:px-10">
            {children}
          </main>
        </QueryProvider>
      </body>
    </html>
  );
}
