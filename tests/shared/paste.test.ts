// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { Editor } from '@tiptap/core'
import { DOMParser as PMDOMParser, type Node as PMNode } from '@tiptap/pm/model'
import { draftExtensions, draftSchema, isBlockType } from '../../shared/schema/index.ts'
import { compact, objective } from './draftFixtures.ts'

// What Word puts on the clipboard (trimmed): conditional comments, a style sheet, MsoNormal
// paragraphs with language spans and <o:p>, list labels Word writes as text, a heading, a table
// and an image.
const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Word.Document><meta name=Generator content="Microsoft Word 15">
<!--[if gte mso 9]><xml><o:OfficeDocumentSettings><o:AllowPNG/></o:OfficeDocumentSettings></xml><![endif]-->
<style><!-- p.MsoNormal, li.MsoNormal {margin:0cm;font-size:12.0pt;font-family:"Times New Roman",serif;}
span.Emphase {font-style:italic;} --></style></head>
<body lang=FR style='tab-interval:35.4pt;word-wrap:break-word'>
<!--StartFragment-->
<h1><span lang=FR>Objectif 2 : Réduire les facteurs négatifs</span></h1>
<p class=MsoNormal style='margin-left:36.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
lang=FR style='mso-fareast-font-family:"Times New Roman"'><span style='mso-list:Ignore'>a)<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]><span
lang=FR>Promouvoir l’application des engagements <b>pris au niveau</b> international<o:p></o:p></span></p>
<p class=MsoNormal><span lang=FR><i>Investir</i> dans des programmes qui accélèrent la réalisation
du Programme&nbsp;2030<o:p></o:p></span></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0><tr><td width=302 valign=top>
<p class=MsoNormal><span lang=FR>Cellule du tableau<o:p></o:p></span></p></td></tr></table>
<p class=MsoNormal><span lang=FR><img width=120 height=40 src="file:///C:/Users/x/AppData/Local/Temp/msohtmlclip1/01/clip_image001.png"
alt="Logo"></span><span lang=FR>Fin du passage<o:p></o:p></span></p>
<!--EndFragment-->
</body></html>`

// What a browser puts on the clipboard from a web page: nested divs, a heading, a list, bold and
// emphasis, a link.
const WEB_HTML = `<meta charset="utf-8"><div class="field"><div class="content">
<h2>Les principes directeurs</h2><ul><li><strong>Axé sur la personne</strong> : le Pacte a une
forte dimension humaine</li><li><em>Coopération internationale</em> : le Pacte est un cadre</li></ul>
<div><p>Voir <a href="https://www.un.org/fr/">le site</a>.</p></div></div></div>`

const KNOWN_NODES = new Set(Object.keys(draftSchema.nodes))
const KNOWN_MARKS = new Set(Object.keys(draftSchema.marks))

/** Every node and mark type name in `node`, and every uid, with repeats. */
function inventory(node: PMNode): { nodes: Set<string>; marks: Set<string>; uids: string[] } {
  const nodes = new Set<string>()
  const marks = new Set<string>()
  const uids: string[] = []
  node.descendants((child) => {
    nodes.add(child.type.name)
    for (const mark of child.marks) marks.add(mark.type.name)
    if (isBlockType(child.type.name) && typeof child.attrs.uid === 'string') {
      uids.push(child.attrs.uid)
    }
  })
  return { nodes, marks, uids }
}

function expectSaneDraft(doc: PMNode): void {
  expect(() => doc.check()).not.toThrow()
  const { nodes, marks, uids } = inventory(doc)
  for (const type of nodes) expect(KNOWN_NODES, type).toContain(type)
  for (const type of marks) expect(KNOWN_MARKS, type).toContain(type)
  expect(new Set(uids).size, 'block uids are unique').toBe(uids.length)
}

/** The blocks of one objective or section as `type «text»` lines. */
const outline = (node: PMNode): string[] => {
  const lines: string[] = []
  node.forEach((child) => lines.push(`${child.type.name} «${child.textContent}»`))
  return lines
}

function parse(html: string): PMNode {
  const container = document.createElement('div')
  container.innerHTML = html
  return draftSchema.topNodeType.create(
    null,
    PMDOMParser.fromSchema(draftSchema).parseSlice(container).content,
  )
}

let editors: Editor[] = []

async function createEditor(): Promise<Editor> {
  const element = document.createElement('div')
  document.body.append(element)
  const editor = await new Promise<Editor>((resolve) => {
    const created: Editor = new Editor({
      element,
      extensions: draftExtensions,
      content: compact([objective('o1', 2), objective('o2', 1), objective('o3', 1)]),
      onCreate: () => resolve(created),
    })
    editors.push(created)
  })
  return editor
}

/** Places the cursor `offset` characters into the block `uid` (negative: from its end). */
function placeCursor(editor: Editor, uid: string, offset: number): void {
  let cursor: number | null = null
  editor.state.doc.descendants((node, pos) => {
    if (node.attrs.uid !== uid) return true
    cursor = pos + 1 + (offset < 0 ? node.content.size + offset + 1 : offset)
    return false
  })
  if (cursor === null) throw new Error(`no block ${uid}`)
  editor.commands.setTextSelection(cursor)
}

/** Pastes as the browser does: a paste event carrying the clipboard's HTML and text. */
function paste(editor: Editor, html: string): void {
  const clipboardData = new DataTransfer()
  clipboardData.setData('text/html', html)
  clipboardData.setData('text/plain', html.replace(/<[^>]*>/g, ''))
  const event = new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true })
  editor.view.dom.dispatchEvent(event)
  expect(event.defaultPrevented, 'the editor handled the paste').toBe(true)
}

const objectivesSection = (editor: Editor): PMNode => {
  const section = editor.state.doc.child(2)
  expect(section.attrs.kind).toBe('objectives')
  return section
}

const objectiveNode = (editor: Editor, uid: string): PMNode => {
  let found: PMNode | null = null
  objectivesSection(editor).forEach((child) => {
    if (child.attrs.uid === uid) found = child
  })
  if (!found) throw new Error(`no objective ${uid}`)
  return found
}

beforeAll(() => {
  // prosemirror-view inlines a pasted <style> sheet through the legacy `rules` alias of
  // `cssRules`, which browsers have and happy-dom lacks.
  if (!('rules' in CSSStyleSheet.prototype)) {
    Object.defineProperty(CSSStyleSheet.prototype, 'rules', {
      get(this: CSSStyleSheet) {
        return this.cssRules
      },
    })
  }
})

afterEach(() => {
  for (const editor of editors) editor.destroy()
  editors = []
  document.body.innerHTML = ''
})

describe('parsing clipboard HTML with the draft schema', () => {
  it('turns Word HTML into plain paragraphs, dropping bold, images and tables but not text', () => {
    const doc = parse(WORD_HTML)
    const { nodes, marks } = inventory(doc)

    expect([...nodes].sort()).toEqual(['paragraph', 'text'])
    expect([...marks]).toEqual(['italic'])
    expect(doc.textContent).toContain('Objectif 2 : Réduire les facteurs négatifs')
    expect(doc.textContent).toContain('Promouvoir l’application des engagements pris au niveau')
    expect(doc.textContent).toContain('Programme\u00a02030')
    expect(doc.textContent).toContain('Cellule du tableau')
    expect(doc.textContent).toContain('Fin du passage')
    expect(doc.textContent).not.toContain('mso')
    expect(doc.textContent).not.toContain('OfficeDocumentSettings')
  })

  it('turns web HTML into paragraphs, keeping emphasis and the text of links', () => {
    const doc = parse(WEB_HTML)
    const { nodes, marks } = inventory(doc)

    expect([...nodes].sort()).toEqual(['paragraph', 'text'])
    expect([...marks]).toEqual(['italic'])
    expect(outline(doc)).toEqual([
      'paragraph «Les principes directeurs»',
      'paragraph «Axé sur la personne : le Pacte a une forte dimension humaine»',
      'paragraph «Coopération internationale : le Pacte est un cadre»',
      'paragraph «Voir le site.»',
    ])
  })

  it('only makes structural blocks of our own markup', () => {
    const doc = parse('<p data-type="action">Action</p><p data-type="principle">Principe</p>')
    expect(outline(doc)).toEqual(['action «Action»', 'principle «Principe»'])
    expect(outline(parse('<p class="action">Pas une action</p>'))).toEqual([
      'paragraph «Pas une action»',
    ])
  })
})

describe('pasting into the editor', () => {
  it('pastes Word paragraphs into an action as actions of the same objective', async () => {
    const editor = await createEditor()
    placeCursor(editor, 'o1-action-0', 'Action '.length)
    paste(editor, WORD_HTML)

    expectSaneDraft(editor.state.doc)
    expect(objectivesSection(editor).childCount).toBe(1 + 3)
    const lines = outline(objectiveNode(editor, 'o1'))
    expect(lines.slice(0, 3)).toEqual([
      'objectiveTitle «Titre o1»',
      'commitment «Nous nous engageons à agir (o1).»',
      'action «Action Objectif 2 : Réduire les facteurs négatifs»',
    ])
    expect(lines.slice(3).every((line) => line.startsWith('action «'))).toBe(true)
    // Word's list label "a)" is gone: the draft letters its actions itself.
    expect(lines).toContain(
      'action «Promouvoir l’application des engagements pris au niveau international»',
    )
    expect(lines.at(-2)).toBe('action «Fin du passageo1-action-0.»')
    expect(lines.at(-1)).toBe('action «Action o1-action-1.»')
    const italic = inventory(objectiveNode(editor, 'o1')).marks
    expect([...italic]).toEqual(['italic'])
  })

  it('keeps the uid of the action pasted into and gives the pasted actions new ones', async () => {
    const editor = await createEditor()
    placeCursor(editor, 'o1-action-0', 'Action '.length)
    paste(editor, WORD_HTML)

    const uids = inventory(objectiveNode(editor, 'o1')).uids
    expect(uids.slice(0, 3)).toEqual(['o1-title', 'o1-commitment', 'o1-action-0'])
    expect(uids.at(-1)).toBe('o1-action-1')
    expect(uids.filter((uid) => uid.startsWith('o1'))).toHaveLength(4)
    // Title, commitment, the action pasted into, 4 pasted actions (5 Word paragraphs, the first
    // merged into the action at the cursor), the next action.
    expect(uids).toHaveLength(8)
  })

  it('pastes web paragraphs into a paragraph as numbered paragraphs', async () => {
    const editor = await createEditor()
    placeCursor(editor, 'p2', 'Paragraphe'.length)
    paste(editor, WEB_HTML)

    expectSaneDraft(editor.state.doc)
    expect(outline(editor.state.doc.child(0))).toEqual([
      'sectionTitle «Section preamble»',
      'paragraph «Paragraphe p1.»',
      'paragraph «ParagrapheLes principes directeurs»',
      'paragraph «Axé sur la personne : le Pacte a une forte dimension humaine»',
      'paragraph «Coopération internationale : le Pacte est un cadre»',
      'paragraph «Voir le site. p2.»',
      'paragraph «Paragraphe p3.»',
    ])
    expect(objectivesSection(editor).childCount).toBe(1 + 3)
  })

  it('pastes Word paragraphs after a commitment as the first actions', async () => {
    const editor = await createEditor()
    placeCursor(editor, 'o2-commitment', -1)
    paste(editor, '<p class=MsoNormal>à savoir :</p><p class=MsoNormal>Élaborer des outils</p>')

    expectSaneDraft(editor.state.doc)
    expect(outline(objectiveNode(editor, 'o2'))).toEqual([
      'objectiveTitle «Titre o2»',
      'commitment «Nous nous engageons à agir (o2).à savoir :»',
      'action «Élaborer des outils»',
      'action «Action o2-action-0.»',
    ])
  })

  it('pastes several paragraphs into an objective title as one line', async () => {
    const editor = await createEditor()
    placeCursor(editor, 'o3-title', -1)
    paste(editor, '<p>, première ligne</p><p>seconde ligne</p>')

    expectSaneDraft(editor.state.doc)
    expect(outline(objectiveNode(editor, 'o3'))).toEqual([
      'objectiveTitle «Titre o3, première ligne seconde ligne»',
      'commitment «Nous nous engageons à agir (o3).»',
      'action «Action o3-action-0.»',
    ])
  })

  it('pastes actions copied in the editor into another objective as actions', async () => {
    const editor = await createEditor()
    const source = objectiveNode(editor, 'o1')
    let from = 0
    editor.state.doc.descendants((node, pos) => {
      if (node === source) from = pos
      return !node.isTextblock
    })
    // From the start of the first action to the end of the second, inside objective 1.
    const start = from + 1 + source.child(0).nodeSize + source.child(1).nodeSize + 1
    const end = start + source.child(2).nodeSize + source.child(3).nodeSize - 2
    const copied = editor.view.serializeForClipboard(editor.state.doc.slice(start, end)).dom
      .innerHTML

    placeCursor(editor, 'o3-action-0', -1)
    paste(editor, copied)

    expectSaneDraft(editor.state.doc)
    expect(outline(objectiveNode(editor, 'o3')).slice(2)).toEqual([
      'action «Action o3-action-0.Action o1-action-0.»',
      'action «Action o1-action-1.»',
    ])
    expect(inventory(objectiveNode(editor, 'o1')).uids).toEqual([
      'o1-title',
      'o1-commitment',
      'o1-action-0',
      'o1-action-1',
    ])
  })

  it('gives a pasted block whose uid is already in the draft a new uid', async () => {
    const editor = await createEditor()
    placeCursor(editor, 'p3', -1)
    paste(editor, '<p data-type="paragraph" data-uid="p1">Copie de p1</p><p>Suite</p>')

    expectSaneDraft(editor.state.doc)
    const preamble = inventory(editor.state.doc.child(0)).uids
    expect(preamble.filter((uid) => uid === 'p1')).toHaveLength(1)
    expect(preamble.slice(0, 4)).toEqual(['preamble-title', 'p1', 'p2', 'p3'])
  })

  it('gives blocks inserted by script with a uid already in the draft a new uid', async () => {
    const editor = await createEditor()
    placeCursor(editor, 'o3-action-0', 'Action'.length)
    editor.view.pasteHTML('<p data-type="action" data-uid="o1-action-0">copie</p><p>suite</p>')
    placeCursor(editor, 'p1', -1)
    editor.commands.insertContent('<p data-type="paragraph" data-uid="p2">insérée</p>')

    expectSaneDraft(editor.state.doc)
    expect(outline(objectiveNode(editor, 'o3')).slice(2)).toEqual([
      'action «Actioncopie»',
      'action «suite o3-action-0.»',
    ])
    // The blocks that were there keep their uids; the copies get new ones.
    const uids = inventory(editor.state.doc).uids
    for (const uid of ['o1-action-0', 'o3-action-0', 'p1', 'p2']) {
      expect(
        uids.filter((u) => u === uid),
        uid,
      ).toHaveLength(1)
    }
    expect(inventory(objectiveNode(editor, 'o1')).uids).toContain('o1-action-0')
  })

  it('keeps an objective copied in the editor an objective when pasted between objectives', async () => {
    const editor = await createEditor()
    const source = objectiveNode(editor, 'o3')
    let from = 0
    editor.state.doc.descendants((node, pos) => {
      if (node === source) from = pos
      return !node.isTextblock
    })
    const copied = editor.view.serializeForClipboard(
      editor.state.doc.slice(from, from + source.nodeSize),
    ).dom.innerHTML
    expect(copied).toContain('data-type="objective"')

    placeCursor(editor, 'o1-action-1', -1)
    paste(editor, copied)

    expectSaneDraft(editor.state.doc)
    const objectives: PMNode[] = []
    objectivesSection(editor).forEach((child) => {
      if (child.type.name === 'objective') objectives.push(child)
    })
    expect(objectives.map((o) => o.child(0).textContent)).toEqual([
      'Titre o1',
      'Titre o3',
      'Titre o2',
      'Titre o3',
    ])
    expect(outline(objectives[1] ?? source)).toEqual(outline(source))
    // The originals keep their uids; the copy has new ones throughout.
    const uids = objectives.map((o): unknown => o.attrs.uid)
    expect([uids[0], uids[2], uids[3]]).toEqual(['o1', 'o2', 'o3'])
    expect(inventory(objectives[1] ?? source).uids).not.toContain('o3-title')
  })

  it('keeps a hand-written objective an objective when pasted between objectives', async () => {
    const editor = await createEditor()
    placeCursor(editor, 'o2-action-0', -1)
    paste(
      editor,
      '<div data-type="objective" data-uid="o1"><h3 data-type="objectiveTitle">Objectif nouveau</h3>' +
        '<p data-type="commitment">Nous nous engageons</p><p data-type="action">à agir</p></div>',
    )

    expectSaneDraft(editor.state.doc)
    expect(outline(objectivesSection(editor))).toEqual([
      'sectionTitle «Section objectives»',
      'objective «Titre o1Nous nous engageons à agir (o1).Action o1-action-0.Action o1-action-1.»',
      'objective «Titre o2Nous nous engageons à agir (o2).Action o2-action-0.»',
      'objective «Objectif nouveauNous nous engageonsà agir»',
      'objective «Titre o3Nous nous engageons à agir (o3).Action o3-action-0.»',
    ])
    expect(objectivesSection(editor).child(1).attrs.uid).toBe('o1')
  })
})
