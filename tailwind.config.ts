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
      keyframes: {
        "card-in": {
          from: { opacity: "0", transform: "translateY(8px) scale(0.98)" },
          to: { opacity: "1", transform: "none" },
        },
      },
      animation: { "card-in": "card-in 320ms cubic-bezier(0.2, 0.8, 0.2, 1) both" },
    },
  },
};

export default config;
