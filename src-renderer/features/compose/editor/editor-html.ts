import { $generateHtmlFromNodes, $generateNodesFromDOM } from '@lexical/html';
import { $createParagraphNode, $getRoot, $getSelection, $insertNodes, $isDecoratorNode, $isElementNode, type LexicalEditor, type LexicalNode } from 'lexical';

/**
 * HTML in and out of the editor. Import goes through Lexical's own DOM conversion (each node type says which tags
 * it takes), so whatever the editor cannot represent — scripts, forms, styles — simply does not come in.
 */
function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** Top-level text and inline nodes wrapped in paragraphs, as the root accepts only blocks. */
function asBlocks(nodes: LexicalNode[]): LexicalNode[] {
  const blocks: LexicalNode[] = [];
  let paragraph: ReturnType<typeof $createParagraphNode> | null = null;
  for (const node of nodes) {
    if (($isElementNode(node) || $isDecoratorNode(node)) && !node.isInline()) {
      paragraph = null;
      blocks.push(node);
      continue;
    }
    if (!paragraph) {
      paragraph = $createParagraphNode();
      blocks.push(paragraph);
    }
    paragraph.append(node);
  }
  return blocks;
}

/** Replaces the whole body (inside editor.update). */
export function $setBodyHtml(editor: LexicalEditor, html: string): void {
  const root = $getRoot();
  root.clear();
  const blocks = asBlocks($generateNodesFromDOM(editor, parse(html)));
  if (blocks.length === 0) blocks.push($createParagraphNode());
  root.append(...blocks);
}

/** Inserts at the caret, or at the end when the editor has no selection (inside editor.update). */
export function $insertBodyHtml(editor: LexicalEditor, html: string): void {
  const nodes = $generateNodesFromDOM(editor, parse(html));
  if (nodes.length === 0) return;
  const root = $getRoot();
  if (!root.getLastChild()) root.append($createParagraphNode());
  if ($getSelection() === null) root.selectEnd();
  $insertNodes(nodes);
}

export function exportBodyHtml(editor: LexicalEditor): string {
  return editor.read(() => $generateHtmlFromNodes(editor, null));
}

export function exportBodyText(editor: LexicalEditor): string {
  return editor.read(() => $getRoot().getTextContent());
}
