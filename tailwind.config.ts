import type { Config } from "tailwindcss";

// Theme tokens live here and are loaded by app/globals.css through `@config`, so there is one place for them.
const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        ink: { DEFAULT: "#18181b", soft: "#52525b", faint: "#a1a1aa" },
        paper: { DEFAULT: "#fafaf9", raised: "#ffffff", sunk: "#f4f4f5" },
        brand: { DEFAULT: "#4338ca", soft: "#eef2ff", strong: "#3730a3" },
        gold: "#b45309",
      },
      fontFamily: {
        sans: ["var(--font-sans)", "ui-sans-serif", "system-ui", "sans-serif"],
      },
      borderRadius: { card: "1rem" },
    },
  },
};

export default config;
