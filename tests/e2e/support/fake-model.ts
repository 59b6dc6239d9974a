import { FAKE_MODEL_URL } from "./urls";

// Drives the local fake OpenAI server that the "openai" app instance talks to.

export interface FakeModelRequest {
  aborted: boolean;
  finished: boolean;
  elementCloseTimes: number[];
  /** When the response ended or the client closed it; null while it runs. */
  closedAt: number | null;
  /** Elements the model had begun when the client closed the request (null when it did not). */
  elementsBegunAtClose: number | null;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the request body as the app sent it
  body: any;
}

async function control(path: string, body?: unknown): Promise<Response> {
  const response = await fetch(`${FAKE_MODEL_URL}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`fake model ${path}: ${response.status} ${await response.text()}`);
  return response;
}

export interface ScriptedRanking {
  reason: string;
  gapMs: number;
  chunkSize?: number;
  /** once this many elements have begun, a chunk every `gapMs` of this instead */
  slowAfter?: { elements: number; gapMs: number };
}

/** The model ranks every candidate in the request's order, all with this reason, a chunk every `gapMs`. */
export async function scriptRanking({ chunkSize = 4, ...options }: ScriptedRanking): Promise<void> {
  await control("/__reset", {});
  await control("/__scenario", { kind: "rank", chunkSize, firstDelayMs: 100, ...options });
}

export async function modelRequests(): Promise<FakeModelRequest[]> {
  return (await (await control("/__requests")).json()) as FakeModelRequest[];
}
