// Parses the Mermaid diagram on stdin with Mermaid's own parser; exits 1 with the parser's
// message if it is invalid, else prints the diagram's type and, on a second line, the
// configuration the text sets (front matter and %%{init: …}%% directives) as JSON. Mermaid needs a DOM to load, which jsdom gives it without a
// browser.
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

const { window } = new JSDOM('');
globalThis.window = window;
globalThis.document = window.document;
const { default: mermaid } = await import('mermaid');

const text = readFileSync(0, 'utf8');
try {
  const result = await mermaid.parse(text);
  console.log(result.diagramType);
  console.log(JSON.stringify(result.config ?? {}));
} catch (error) {
  console.error(String(error?.message ?? error));
  process.exit(1);
}
