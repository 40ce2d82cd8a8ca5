// Parses Mermaid diagrams with Mermaid's own parser. Reads a JSON array of diagram texts on
// stdin (one process for many diagrams: loading Mermaid takes about a second) and prints a
// JSON array with, for each, either { "type": …, "config": … } — the diagram's type and the
// configuration its text sets (front matter and %%{init: …}%% directives) — or
// { "error": "the parser's message" }. Mermaid needs a DOM to load, which jsdom gives it
// without a browser.
import { JSDOM } from 'jsdom';

const { window } = new JSDOM('');
globalThis.window = window;
globalThis.document = window.document;
const { default: mermaid } = await import('mermaid');

const results = [];
// Read as a stream: a large input arrives in parts, which a synchronous read of a pipe can
// find empty (EAGAIN).
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
for (const text of JSON.parse(Buffer.concat(chunks).toString('utf8'))) {
  try {
    const result = await mermaid.parse(text);
    results.push({ type: result.diagramType, config: result.config ?? {} });
  } catch (error) {
    results.push({ error: String(error?.message ?? error) });
  }
}
console.log(JSON.stringify(results));
