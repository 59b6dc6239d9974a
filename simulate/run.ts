import { simulateMain } from "./cli";

// `npm run simulate` (DESIGN §4, Events and insights): runs under eval/register.ts, which resolves lib/'s `@/`
// imports. The whole program is simulate/cli.ts; this file only hands it the process.
const { code } = await simulateMain(process.argv.slice(2), { env: process.env, cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr });
process.exitCode = code;
