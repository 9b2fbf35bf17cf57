import { describe, expect, it } from 'vitest';
import { sanitizeOutgoingHtml, textOfHtml } from '../../src-main/engine/compose/html-body.js';
import { inlineDataImages } from '../../src-main/engine/compose/inline-images.js';
import { forwardQuote, replyQuote } from '../../src-main/engine/compose/quote.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1');

describe('the HTML that leaves Facteur', () => {
  it('keeps formatting, links and pictures, and drops whatever could run', () => {
    const html = sanitizeOutgoingHtml(
      [
        '<p style="color: #c00; font-weight: bold; background-image: url(https://tracker.example/p.gif)">Bonjour <b>Ștefan</b>, <i>voici</i> <u>le</u> devis.</p>',
        '<script>fetch("https://evil.example")</script><style>p { display: none }</style>',
        '<img src="x" onerror="alert(1)"><a href="javascript:alert(1)">a</a><a href="JaVaScRiPt:alert(1)">b</a>',
        '<a href="data:text/html;base64,PHNjcmlwdD4=">c</a><a href="https://exemple.fr/?a=1&amp;b=2" target="_blank">d</a>',
        '<iframe src="https://evil.example"></iframe><form action="https://evil.example"><input name="p"></form>',
        '<ul><li>un</li></ul><table><tr><td colspan="2">cellule</td></tr></table><blockquote type="cite">cité</blockquote>',
        '<img src="data:image/png;base64,AAAA" alt="ok"><img src="cid:logo@exemple.fr"><a href="mailto:ana@firma.ro">ana</a>',
      ].join(''),
    );
    expect(html).toContain('<p style="color:#c00;font-weight:bold">Bonjour <b>Ștefan</b>, <i>voici</i> <u>le</u> devis.</p>');
    expect(html).not.toMatch(/script|evil|onerror|javascript|display|data:text|tracker|<iframe|<form|<input/i);
    expect(html).toContain('<a href="https://exemple.fr/?a=1&amp;b=2" target="_blank">d</a>');
    expect(html).toContain('<td colspan="2">cellule</td>');
    expect(html).toContain('<blockquote type="cite">cité</blockquote>');
    expect(html).toContain('<img src="data:image/png;base64,AAAA" alt="ok" />');
    expect(html).toContain('<img src="cid:logo@exemple.fr" />');
    expect(html).toContain('<a href="mailto:ana@firma.ro">ana</a>');
  });

  it('has a text part that says what the HTML says: paragraphs, lists, links, quotes and pictures\' descriptions', () => {
    const text = textOfHtml(
      '<h2>Devis n° 42</h2><p>Bonjour Élodie,</p><ul><li>pose : 2 jours</li><li>fournitures</li></ul><ol><li>signer</li><li>renvoyer</li></ol>' +
        '<p>Détails <a href="https://exemple.fr/devis/42">en ligne</a>, ou <a href="https://exemple.fr">https://exemple.fr</a>.</p>' +
        `<p><img src="data:image/png;base64,${PNG.toString('base64')}" alt="Plan du chantier"></p><blockquote><p>Ancien message</p></blockquote>`,
    );
    expect(text).toBe(
      [
        'Devis n° 42',
        '',
        'Bonjour Élodie,',
        '',
        ' * pose : 2 jours',
        ' * fournitures',
        '',
        ' 1. signer',
        ' 2. renvoyer',
        '',
        'Détails en ligne <https://exemple.fr/devis/42>, ou https://exemple.fr.',
        '',
        '[Plan du chantier]',
        '',
        '> Ancien message',
        '',
      ].join('\n'),
    );
  });
});

describe('pictures in the body', () => {
  it('become one cid: part per distinct picture, pointed at from every place it appears', () => {
    const png = `data:image/png;base64,${PNG.toString('base64')}`;
    const gif = `data:image/gif;base64,${GIF.toString('base64')}`;
    const { html, images } = inlineDataImages(`<p><img src="${png}" /><img src="${gif}" alt="b" /><img alt="c" src="${png}" /></p>`, 'facteur.test');
    expect(images.map((i) => [i.contentType, i.filename, i.content.equals(i.contentType === 'image/png' ? PNG : GIF)])).toEqual([
      ['image/png', 'image-1.png', true],
      ['image/gif', 'image-2.gif', true],
    ]);
    expect(images.every((i) => /^[0-9a-f]{32}@facteur\.test$/.test(i.cid))).toBe(true);
    expect(html).toBe(`<p><img src="cid:${images[0]!.cid}" /><img src="cid:${images[1]!.cid}" alt="b" /><img alt="c" src="cid:${images[0]!.cid}" /></p>`);
  });

  it('drops a data: URL that is no picture instead of sending it', () => {
    const { html, images } = inlineDataImages('<img src="data:text/html;base64,PHNjcmlwdD4=" alt="x" />', 'facteur.test');
    expect(images).toEqual([]);
    expect(html).toBe('<img src="" alt="x" />');
  });
});

describe('quotes', () => {
  const original = {
    from: { name: 'Élodie Lefèvre', address: 'elodie@exemple.fr' },
    to: [{ name: 'Alice', address: 'alice@facteur.test' }],
    cc: [],
    date: new Date('2026-03-10T08:30:00Z'),
    subject: 'Devis <chantier>',
    html: null,
    text: 'Ligne 1\n<b>pas du HTML</b>',
  };

  it('says who wrote, when, in the agent\'s language', () => {
    expect(replyQuote(original, 'en', 'Europe/Paris')).toContain('On March 10, 2026 at 9:30 AM, Élodie Lefèvre wrote:');
    expect(replyQuote(original, 'fr', 'Europe/Paris')).toContain('Le 10 mars 2026 à 09:30, Élodie Lefèvre a écrit :');
    expect(replyQuote(original, 'ro', 'Europe/Bucharest')).toContain('La 10 martie 2026 la 10:30, Élodie Lefèvre a scris:');
    expect(replyQuote({ ...original, date: null }, 'fr')).toContain('Élodie Lefèvre a écrit :');
  });

  it('quotes a text original as text, and a forward with its header block', () => {
    expect(replyQuote(original, 'en')).toContain('Ligne 1\n&lt;b&gt;pas du HTML&lt;/b&gt;');
    const forward = forwardQuote(original, 'ro', 'Europe/Bucharest');
    expect(forward).toContain('-------- Mesaj redirecționat --------');
    expect(forward).toContain('<b>De la:</b> Élodie Lefèvre &lt;elodie@exemple.fr&gt;');
    expect(forward).toContain('<b>Subiect:</b> Devis &lt;chantier&gt;');
    expect(forward).toContain('<b>Către:</b> Alice &lt;alice@facteur.test&gt;');
    expect(forward).not.toContain('Cc:');
  });
});
