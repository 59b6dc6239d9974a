import { evalMain } from "@/lib/eval/cli";

// `npm run eval` (EVALS.md). Runs under eval/register.ts, which resolves the `@/` imports of lib/.
const { code } = await evalMain(process.argv.slice(2), { env: process.env, cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr });
process.exitCode = code;
