import { jsonSchema, Output, type JSONSchema7, type OutputInterface } from "ai";

/**
 * Asks for the schema as structured output (the provider's json_schema / output format), while streaming
 * the text untouched. `Output.object` would also re-parse the whole answer as partial JSON on every delta
 * and hold a delta back until that parse changes: quadratic work, and text before the JSON (prose, a code
 * fence) withheld until the model ends — the pipeline's stall deadline would fire on a model that is
 * writing. The text output's partial step is a plain string, so every delta passes through at once.
 * Nothing here parses the complete answer: our own parser reads the deltas.
 */
export function rawStructuredOutput(schema: Record<string, unknown>, name: string): OutputInterface<string, string, never> {
  const structured = Output.object({ schema: jsonSchema(schema as JSONSchema7), name });
  return { ...Output.text(), responseFormat: structured.responseFormat };
}
