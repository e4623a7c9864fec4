import { describe, expect, it } from 'vitest'
import { formatChanges, formatChangesMarkdown, lineDiff } from './semantic-diff.ts'

const script = (count: number) =>
    Array.from({ length: count }, (_, index) => `var line${String(index + 1)} = ${String(index + 1)}`)

describe('script line diff', () => {
    it('one changed line in a long script is that line, removed and added, with three lines of context', () => {
        const before = script(200)
        const after = before.map((line) => (line === 'var line100 = 100' ? 'var line100 = 101' : line))
        expect(lineDiff(before.join('\n'), after.join('\n'))).toEqual([
            '@@ -97,7 +97,7 @@',
            ' var line97 = 97',
            ' var line98 = 98',
            ' var line99 = 99',
            '-var line100 = 100',
            '+var line100 = 101',
            ' var line101 = 101',
            ' var line102 = 102',
            ' var line103 = 103',
        ])
    })

    it('identical scripts show nothing', () => {
        const text = script(50).join('\n')
        expect(lineDiff(text, text)).toEqual([])
        expect(lineDiff('', '')).toEqual([])
    })

    it('changes far apart are separate hunks; a line added at the start has only the context after it', () => {
        const before = script(40)
        const after = ['// new first line', ...before.map((line) => line.replace('line30 = 30', 'line30 = 0'))]
        const lines = lineDiff(before.join('\n'), after.join('\n'))
        expect(lines.filter((line) => line.startsWith('@@'))).toEqual(['@@ -1,3 +1,4 @@', '@@ -27,7 +28,7 @@'])
        expect(lines.filter((line) => /^[-+]/.test(line))).toEqual([
            '+// new first line',
            '-var line30 = 30',
            '+var line30 = 0',
        ])
        expect(lines).toHaveLength(2 + 4 + 8)
    })

    it('a script added or removed whole is all + or all -', () => {
        expect(lineDiff('', 'a\nb')).toEqual(['@@ -0,0 +1,2 @@', '+a', '+b'])
        expect(lineDiff('a\nb', '')).toEqual(['@@ -1,2 +0,0 @@', '-a', '-b'])
    })

    it('a script that gains a final newline says so instead of showing two equal lines alone', () => {
        expect(lineDiff('a\nb', 'a\nb\n')).toEqual([
            '@@ -1,2 +1,2 @@',
            ' a',
            '-b',
            '\\ No newline at end of file',
            '+b',
        ])
    })

    it('prints the hunks indented under the change, and as a diff block in Markdown', () => {
        const scriptDiff = lineDiff('a\nb\nc', 'a\nB\nc')
        const changes = [{ record: 'action "A"', where: 'step 1 Script', text: 'script changed', scriptDiff }]
        expect(formatChanges(changes)).toBe(
            'action "A", step 1 Script: script changed\n    @@ -1,3 +1,3 @@\n     a\n    -b\n    +B\n     c\n'
        )
        expect(formatChangesMarkdown(changes, 'Changes')).toContain(
            '- step 1 Script: script changed\n\n  ```diff\n  @@ -1,3 +1,3 @@\n   a\n  -b\n  +B\n   c\n  ```\n'
        )
    })
})
