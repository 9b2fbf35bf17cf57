import {
  $applyNodeReplacement,
  DecoratorNode,
  type DOMConversionMap,
  type DOMConversionOutput,
  type DOMExportOutput,
  type LexicalNode,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';
import type { JSX } from 'react';

/**
 * A picture inside the body. Only data: URLs are kept: the engine turns each into a cid: part when it builds the
 * mail (compose.ts), and a picture that lives on a web server would make every reader of the mail fetch it from
 * there (and the composer, while it is written). A pasted <img> of any other kind is left out.
 */
const DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp|bmp);base64,[A-Za-z0-9+/=\s]+$/;

export function isInlineImageSrc(src: string): boolean {
  return DATA_IMAGE.test(src);
}

export type SerializedImageNode = Spread<{ src: string; alt: string; width: number | null }, SerializedLexicalNode>;

export class ImageNode extends DecoratorNode<JSX.Element> {
  __src: string;
  __alt: string;
  __width: number | null;

  static override getType(): string {
    return 'facteur-image';
  }

  static override clone(node: ImageNode): ImageNode {
    return new ImageNode(node.__src, node.__alt, node.__width, node.__key);
  }

  static override importJSON(json: SerializedImageNode): ImageNode {
    return $createImageNode(json.src, json.alt, json.width);
  }

  static override importDOM(): DOMConversionMap | null {
    return {
      img: () => ({ conversion: convertImage, priority: 1 }),
    };
  }

  constructor(src: string, alt: string, width: number | null, key?: NodeKey) {
    super(key);
    this.__src = src;
    this.__alt = alt;
    this.__width = width;
  }

  override exportJSON(): SerializedImageNode {
    return { ...super.exportJSON(), type: ImageNode.getType(), version: 1, src: this.__src, alt: this.__alt, width: this.__width };
  }

  override exportDOM(): DOMExportOutput {
    const img = document.createElement('img');
    img.src = this.__src;
    img.alt = this.__alt;
    if (this.__width) img.width = this.__width;
    // Mail clients honour inline styles only: a wide screenshot must not stretch the reader's window.
    img.style.maxWidth = '100%';
    return { element: img };
  }

  override createDOM(): HTMLElement {
    const span = document.createElement('span');
    span.className = 'compose-image';
    return span;
  }

  override updateDOM(): false {
    return false;
  }

  override isInline(): true {
    return true;
  }

  override decorate(): JSX.Element {
    return <img src={this.__src} alt={this.__alt} width={this.__width ?? undefined} draggable={false} data-testid="compose-inline-image" />;
  }
}

function convertImage(dom: HTMLElement): DOMConversionOutput {
  const img = dom as HTMLImageElement;
  const src = img.getAttribute('src') ?? '';
  if (!isInlineImageSrc(src)) return { node: null };
  const width = Number(img.getAttribute('width'));
  return { node: $createImageNode(src, img.getAttribute('alt') ?? '', Number.isFinite(width) && width > 0 ? width : null) };
}

export function $createImageNode(src: string, alt: string, width: number | null = null): ImageNode {
  return $applyNodeReplacement(new ImageNode(src, alt, width));
}

export function $isImageNode(node: LexicalNode | null | undefined): node is ImageNode {
  return node instanceof ImageNode;
}
