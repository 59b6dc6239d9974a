// Finds the `{` opening and the `}` closing each element of the top-level `products` array in streamed text.

export interface ProductsScanner {
  /** Consumes more text; returns how many products elements were opened and closed within it. */
  feed(text: string): { begun: number; closed: number };
}

interface Frame {
  type: "{" | "[";
  /** for arrays: the object key they are the value of */
  key?: string;
}

export function createProductsScanner(): ProductsScanner {
  const stack: Frame[] = [];
  let inString = false;
  let escaped = false;
  let stringBuffer = "";
  let lastString = "";
  let begun = 0;
  let closed = 0;

  // True when the next value at this point is an element of the top-level `products` array.
  const insideProducts = (): boolean => {
    const parent = stack[stack.length - 1];
    return stack.length === 2 && parent?.type === "[" && parent.key === "products";
  };

  const feedChar = (ch: string): void => {
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === "\\") escaped = true;
      else if (ch === '"') {
        inString = false;
        lastString = stringBuffer;
      } else stringBuffer += ch;
      return;
    }
    if (ch === '"') {
      inString = true;
      stringBuffer = "";
    } else if (ch === "{") {
      if (insideProducts()) begun += 1;
      stack.push({ type: "{" });
    } else if (ch === "[") {
      const parent = stack[stack.length - 1];
      stack.push({ type: "[", key: parent?.type === "{" ? lastString : undefined });
    } else if (ch === "}" || ch === "]") {
      stack.pop();
      if (ch === "}" && insideProducts()) closed += 1;
    }
  };

  return {
    feed(text) {
      begun = 0;
      closed = 0;
      for (const ch of text) feedChar(ch);
      return { begun, closed };
    },
  };
}
