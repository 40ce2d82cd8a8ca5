// Compiles the Markdown on stdin as MDX, as Docusaurus does (GitHub-flavoured tables on);
// exits 1 with the compiler's message (line:column) when MDX rejects it, and otherwise
// prints how many tables it found, so a test can tell that tables were read as tables.
import { readFileSync } from 'node:fs';
import { compile } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';

const text = readFileSync(0, 'utf8');
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
  console.log(`tables: ${tables}`);
} catch (error) {
  console.error(String(error?.message ?? error));
  process.exit(1);
}
