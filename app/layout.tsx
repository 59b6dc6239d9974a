import type { Metadata } from "next";
import localFont from "next/font/local";
import "./globals.css";

const sans = localFont({ src: "./fonts/inter-latin-var.woff2", variable: "--font-sans", display: "swap", weight: "100 900" });

export const metadata: Metadata = {
  title: { default: "Aisle", template: "%s · Aisle" },
  description: "A storefront that re-ranks itself for every shopper, live.",
};

export default function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    <html lang="en" className={sans.variable}>
      <body className="min-h-dvh font-sans">{children}</body>
    </html>
  );
}
