import { defineConfig } from "drizzle-kit";

// `npm run db:generate` writes a migration to drizzle/ from lib/db/schema.ts; the app applies them on start.
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema.ts",
  out: "./drizzle",
});
