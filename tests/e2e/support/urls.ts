// Where the e2e suite's servers listen (playwright.config.ts starts them).

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
/** The app with the simulated model. */
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;

export const FAKE_MODEL_PORT = Number(process.env.E2E_FAKE_MODEL_PORT ?? 4010);
/** The local OpenAI-compatible fake server; its control endpoints are /__scenario, /__requests, /__reset. */
export const FAKE_MODEL_URL = `http://127.0.0.1:${FAKE_MODEL_PORT}`;

export const OPENAI_APP_PORT = Number(process.env.E2E_OPENAI_APP_PORT ?? 3101);
/** The app with the openai provider, pointed at the fake server. */
export const OPENAI_APP_URL = `http://127.0.0.1:${OPENAI_APP_PORT}`;

export const LIMITED_APP_PORT = Number(process.env.E2E_LIMITED_APP_PORT ?? 3102);
/** The app with a budget of two fresh model rankings a minute per client. */
export const LIMITED_APP_URL = `http://127.0.0.1:${LIMITED_APP_PORT}`;

/** `npm start` (scripts/start.ts) started by a test of its own, to see what its first visitor meets. */
export const LAUNCHED_APP_PORT = Number(process.env.E2E_LAUNCHED_APP_PORT ?? 3103);

export const EXPERIMENT_APP_PORT = Number(process.env.E2E_EXPERIMENT_APP_PORT ?? 3104);
/** The app running an experiment (embedded against popular) with an operator's token. */
export const EXPERIMENT_APP_URL = `http://127.0.0.1:${EXPERIMENT_APP_PORT}`;
export const EXPERIMENT_ADMIN_TOKEN = "e2e-operator-token";
