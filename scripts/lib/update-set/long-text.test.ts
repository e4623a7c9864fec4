import { describe, expect, it } from 'vitest'
import { linksOf, mailScriptsOf, summarizeLongText, textOf } from './long-text.ts'

const paragraph = '<p style="color: #333">Please review the record and note what was done.</p>\n'
const body = `<h2>Escalation</h2>\n${paragraph.repeat(8)}<a href="https://example.com/a?x=1&amp;y=2">open</a> <a href='mailto:desk@example.com'>mail</a> <a href="https://example.com/a?x=1&amp;y=2">again</a>\${mail_script:summary}`

describe('long text', () => {
    it('summarizes long HTML: length, first words, links (each once, entities decoded), mail scripts', () => {
        const summary = summarizeLongText(body)
        expect(summary).toBe(
            `HTML, ${String(body.length)} characters; begins "Escalation Please review the record and note what was done.…"; 2 link(s): https://example.com/a?x=1&y=2, mailto:desk@example.com; mail script(s): summary`
        )
    })

    it('leaves short text and long plain text as they are', () => {
        expect(summarizeLongText('<p>Your incident ${number} was resolved.</p>')).toBeUndefined()
        expect(summarizeLongText('plain words '.repeat(50))).toBeUndefined()
    })

    it('reads links, mail scripts and words on their own', () => {
        expect(linksOf('<a href="x">x</a><a href="x">again</a>')).toEqual(['x'])
        expect(mailScriptsOf('${mail_script:a} ${mail_script: b } ${mail_script:a}')).toEqual(['a', 'b'])
        expect(textOf('<style>p { color: red }</style><p>a&nbsp;&lt;b&gt;</p>')).toBe('a <b>')
    })
})
