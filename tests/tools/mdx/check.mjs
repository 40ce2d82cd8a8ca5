// Compiles Markdown as MDX, as Docusaurus does (GitHub-flavoured tables on). Reads a JSON
// array of documents on stdin (one process for many) and prints a JSON array with, for
// each, either { "tables": N } — how many tables the compiler found, so a test can tell that
// tables were read as tables — or { "error": "the compiler's message (line:column)" }.
import { compile } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';

const results = [];
// Read as a stream: a large input arrives in parts, which a synchronous read of a pipe can
// find empty (EAGAIN).
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
for (const text of JSON.parse(Buffer.concat(chunks).toString('utf8'))) {
  let tables = 0;
  const countTables = () => (tree) => {
    const visit = (node) => {
      if (node.type === 'table') tables += 1;
      for (const child of node.children ?? []) visit(child);
    };
    visit(tree);
  };
  try {
    await compile(text, { remarkPlugins: [remarkGfm, countTables] });
    results.push({ tables });
  } catch (error) {
    results.push({ error: String(error?.message ?? error) });
  }
}
console.log(JSON.stringify(results));
